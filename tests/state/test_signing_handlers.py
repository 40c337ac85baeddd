"""Signing and register handlers called directly by the wrong people: refused, nothing changes."""

import contextlib

import pytest
from sqlmodel import select

from sikerja_app.db import session_scope
from sikerja_app.models import Agreement, Application, SignedCopy, SigningPlan, SigningProposal
from sikerja_app.services import applications as apps
from sikerja_app.services import registry, review
from sikerja_app.services.errors import NotSignedIn
from sikerja_app.services.seed import demo_user, fill_application, sample_applications
from sikerja_app.state.registry import AgreementState
from sikerja_app.state.signing import SigningState

from .test_handler_access import as_user, call, sign_in

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture(scope="module")
def scheduling_app() -> int:
    """pemohon1's application put straight into PENJADWALAN (the stages are tested elsewhere)."""
    p1 = demo_user("pemohon1")
    aid = apps.start_draft(p1)
    fill_application(p1, aid, sample_applications()[0], ["DISKOMINFO"])
    apps.submit(p1, aid, True, "127.0.0.1")
    review.approve(demo_user("admin"), aid, [demo_user("tkksd").id], "127.0.0.1")
    with session_scope() as s:
        app = s.get(Application, aid)
        app.status = "PENJADWALAN"
        s.add(app)
    return aid


@pytest.fixture(scope="module")
def agreement() -> int:
    e = registry.ManualEntry(
        judul="Kerja Sama Uji Akses", mitra_nama="Universitas Uji", mitra_jenis_kode="PERGURUAN_TINGGI",
        mitra_kabkota_kode="64.72", urusan_kode="2.16", nomor_daerah="UJI/1", nomor_mitra="UJI/2",
        tanggal_ttd="2026-01-05", berlaku_mulai="2026-01-05", berlaku_sampai="2028-01-05")
    return registry.create_manual(demo_user("admin"), e)


def _rows(aid: int) -> tuple:
    with session_scope() as s:
        return (s.get(Application, aid).status, s.get(SigningPlan, aid),
                len(s.exec(select(SigningProposal).where(SigningProposal.application_id == aid)).all()),
                len(s.exec(select(SignedCopy).where(SignedCopy.application_id == aid)).all()))


@pytest.mark.parametrize("who", ["pemohon3", "tkksd", "opd", None])
def test_others_cannot_schedule(who: str | None, scheduling_app: int) -> None:
    before = _rows(scheduling_app)
    state = as_user(SigningState, sign_in(who) if who else None, f"/pengajuan/{scheduling_app}/penandatanganan",
                    scheduling_app)
    with contextlib.suppress(NotSignedIn):
        call(SigningState.load, state)
    if who != "tkksd":  # the assigned TKKSD member may read the page, but not act on it
        assert state.v.code == "" and state.proposals == []
    state.app_id = scheduling_app
    state.day, state.at, state.place = "2099-01-05", "09:00", "Balai Kota"
    for handler, args in ((SigningState.choose, ("TATAP_MUKA",)), (SigningState.choose, ("MEJA",)),
                          (SigningState.propose, ()), (SigningState.accept, ()), (SigningState.save_record, ())):
        with contextlib.suppress(NotSignedIn):
            call(handler, state, *args)
    assert _rows(scheduling_app) == before


@pytest.mark.parametrize("who", ["pemohon1", "pemohon3", "tkksd", "opd"])
def test_only_admins_revoke_or_amend(who: str, agreement: int) -> None:
    state = as_user(AgreementState, sign_in(who), f"/register/{agreement}", agreement)
    state.rid, state.reason, state.add_date, state.add_change = agreement, "Coba cabut", "2026-02-01", "Ubah"
    for handler in (AgreementState.revoke, AgreementState.add_addendum):
        with contextlib.suppress(NotSignedIn):
            call(handler, state)
    with session_scope() as s:
        assert s.get(Agreement, agreement).status == "BERLAKU"
    assert registry.view(demo_user("admin"), agreement).addenda == []


@pytest.mark.parametrize("who", ["pemohon1", "pemohon3"])
def test_applicants_do_not_see_agreements_that_are_not_theirs(who: str, agreement: int) -> None:
    state = as_user(AgreementState, sign_in(who), f"/register/{agreement}", agreement)
    call(AgreementState.load, state)
    assert state.error and state.v.judul == "" and state.v.fields == []
    with contextlib.suppress(NotSignedIn):
        result = call(AgreementState.renew, state)
        assert "ubah" not in str(result)




def test_register_filters_narrow_the_list(agreement: int) -> None:
    from sikerja_app.state.registry import RegisterListState

    state = as_user(RegisterListState, sign_in("admin"), "/register")
    call(RegisterListState.load, state)
    assert state.opd_choices and state.total >= 1
    call(RegisterListState.set_filter, state, "kabkota", "64.72")
    assert any(r.id == agreement for r in state.rows)
    call(RegisterListState.set_filter, state, "jenis", "PERUSAHAAN")  # the test agreement is a university's
    assert all(r.id != agreement for r in state.rows)
