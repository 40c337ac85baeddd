"""The monev page's handlers called directly, as a hostile browser could: outsiders see and change
nothing; the right people file and evaluate through the same handlers the page uses."""

import contextlib
from datetime import date

import pytest
from sqlmodel import select

from sikerja_app.db import session_scope
from sikerja_app.domain import monev as rules
from sikerja_app.models import Agreement, Application, MonevEvaluation, MonevReport, Opd
from sikerja_app.services import applications as apps
from sikerja_app.services import auth, monev
from sikerja_app.services.errors import NotSignedIn
from sikerja_app.services.files import receive_upload
from sikerja_app.services.seed import demo_user, fill_application, sample_applications
from sikerja_app.state.applications import MyAppsState
from sikerja_app.state.monev import MonevState, OverdueState, rid_from_path

from .test_handler_access import as_user, call, sign_in

pytestmark = pytest.mark.usefixtures("db")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TODAY = date(2026, 8, 15)


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(monev, "today", lambda: TODAY)


def _opd_id(singkatan: str) -> int:
    with session_scope() as s:
        return s.exec(select(Opd.id).where(Opd.singkatan == singkatan)).one()


@pytest.fixture(scope="module")
def other_opd_token(db) -> str:  # noqa: ANN001 - fixture
    """A signed-in officer of an OPD that has nothing to do with the agreement."""
    from tests.conftest import PASSWORD, Factory

    user = Factory().user("OPD", None, opd_id=_opd_id("DLH"))
    result = auth.login(user.email, PASSWORD, "127.0.0.1", "pytest")
    assert result.token
    return result.token


@pytest.fixture()
def ag_id() -> int:
    p1 = demo_user("pemohon1")
    aid = apps.start_draft(p1)
    fill_application(p1, aid, sample_applications()[0], ["DISKOMINFO"])
    apps.set_ppksd2(p1, aid, demo_user("pemohon2").id)
    apps.submit(p1, aid, True, "127.0.0.1")
    with session_scope() as s:
        app = s.get(Application, aid)
        app.status = "PELAKSANAAN"
        s.add(app)
        ag = Agreement(application_id=aid, judul=f"Kerja sama handler {aid}", mitra_nama="Universitas Contoh",
                       mitra_jenis_kode="PERGURUAN_TINGGI", urusan_kode="2.16", opd_id=_opd_id("DISKOMINFO"),
                       nomor_daerah="000.1/1/KS", nomor_mitra="1/UC", tanggal_ttd=date(2026, 1, 1),
                       berlaku_mulai=date(2026, 1, 1), berlaku_sampai=date(2027, 12, 31))
        s.add(ag)
        s.flush()
        return ag.id or 0


def _reports(ag: int) -> int:
    with session_scope() as s:
        return len(s.exec(select(MonevReport).where(MonevReport.agreement_id == ag)).all())


def _state(token: str | None, ag: int) -> MonevState:
    return as_user(MonevState, token, f"/register/{ag}/monev")  # type: ignore[return-value]


def _token(who: str | None) -> str | None:
    return sign_in(who) if who else None


def _fill(state: MonevState, evidence_owner: str = "pemohon1") -> None:
    call(MonevState.set_progress, state, "Pelatihan tahap 1 selesai.")
    call(MonevState.set_outputs, state, "40 ASN terlatih.")
    call(MonevState.set_problems, state, "Tidak ada.")
    call(MonevState.set_follow_up, state, "Tahap 2 bulan depan.")
    fid = receive_upload(demo_user(evidence_owner), "bukti.pdf", [PDF]).id
    state.evidence = [monev.EvidenceRow(fid, "bukti.pdf", "1 KB")]


def test_rid_from_path() -> None:
    assert rid_from_path("/register/12/monev") == 12
    assert rid_from_path("/register/abc/monev") == 0
    assert rid_from_path("/pengajuan/12") == 0


@pytest.mark.parametrize("who", ["pemohon3", "other_opd"])
def test_outsiders_see_nothing(who: str, ag_id: int, other_opd_token: str) -> None:
    state = _state(other_opd_token if who == "other_opd" else sign_in(who), ag_id)
    call(MonevState.load, state)
    assert state.error and state.periods == [] and state.reports == [] and state.judul == ""


@pytest.mark.parametrize("who", ["pemohon3", "other_opd", "tkksd", "admin", None])
def test_outsiders_cannot_file(who: str, ag_id: int, other_opd_token: str) -> None:
    token = other_opd_token if who == "other_opd" else _token(who)
    state = _state(token, ag_id)
    state.agreement_id, state.form_period = ag_id, 1
    _fill(state, "pemohon1")
    refused_by_role = who in (None, "tkksd", "admin")
    with pytest.raises(NotSignedIn) if refused_by_role else contextlib.nullcontext():
        call(MonevState.submit_report, state)
    assert _reports(ag_id) == 0
    if not refused_by_role:
        assert state.form_errors


def test_a_forged_period_does_not_open_the_form(ag_id: int) -> None:
    state = _state(sign_in("pemohon1"), ag_id)
    call(MonevState.load, state)
    for forged in (3, 99, "x", -1):
        call(MonevState.start_report, state, forged)
        assert state.form_period == 0
    call(MonevState.start_report, state, 1)
    assert state.form_period == 1


def test_applicant_files_through_the_handlers_and_cannot_use_a_foreign_upload(ag_id: int) -> None:
    state = _state(sign_in("pemohon1"), ag_id)
    call(MonevState.load, state)
    call(MonevState.start_report, state, 1)
    call(MonevState.submit_report, state)  # empty
    assert set(state.form_errors) == {"progress", "outputs", "problems", "follow_up", "evidence"}
    _fill(state, evidence_owner="pemohon2")  # a colleague's upload, not the reporter's own
    call(MonevState.submit_report, state)
    assert state.form_errors and _reports(ag_id) == 0
    state.evidence = []
    fid = receive_upload(demo_user("pemohon1"), "foto.pdf", [PDF]).id
    call(MonevState.upload_done, state, {"ok": True, "file_id": fid, "name": "foto.pdf", "size": 2048})
    call(MonevState.upload_done, state, {"ok": False, "error": "Berkas melebihi batas 20 MB."})
    assert [e.file_id for e in state.evidence] == [fid] and "batas" in state.form_errors["evidence"]
    call(MonevState.submit_report, state)
    assert _reports(ag_id) == 1 and state.form_period == 0
    assert state.periods[0].sides[0].state == "DILAPORKAN"


def test_only_admin_evaluates_through_the_handlers(ag_id: int) -> None:
    p1 = demo_user("pemohon1")
    rid = monev.file_report(p1, ag_id, 1, "a", "b", "c", "d", [receive_upload(p1, "b.pdf", [PDF]).id])
    for who in ("pemohon1", "tkksd", None):
        state = _state(_token(who), ag_id)
        state.eval_report_id, state.overall, state.recommendation, state.eval_note = rid, "5", "LANJUTKAN", "x"
        state.scores = {k: "4" for k, _ in rules.CRITERIA}
        with pytest.raises(NotSignedIn):
            call(MonevState.submit_evaluation, state)
        with pytest.raises(NotSignedIn):
            call(MonevState.start_evaluation, state, rid)
    with session_scope() as s:
        assert s.exec(select(MonevEvaluation).where(MonevEvaluation.report_id == rid)).first() is None

    admin = _state(sign_in("admin"), ag_id)
    call(MonevState.load, admin)
    call(MonevState.start_evaluation, admin, 10**9)  # not on the page
    assert admin.eval_report_id == 0
    call(MonevState.start_evaluation, admin, rid)
    assert admin.eval_report_id == rid and admin.eval_title.endswith("periode 1")
    call(MonevState.set_score, admin, "NOT_A_CRITERION", "4")
    assert admin.scores == {}
    call(MonevState.submit_evaluation, admin)
    assert "overall" in admin.eval_errors and "DAMPAK" in admin.eval_errors
    for key, _ in rules.CRITERIA:
        call(MonevState.set_score, admin, key, "3")
    call(MonevState.set_overall, admin, "4")
    call(MonevState.set_recommendation, admin, "LANJUTKAN")
    call(MonevState.set_eval_note, admin, "Lanjutkan dengan perbaikan koordinasi.")
    call(MonevState.submit_evaluation, admin)
    assert admin.eval_report_id == 0 and admin.reports[0].evaluated and admin.reports[0].overall == 4

    applicant = _state(sign_in("pemohon2"), ag_id)
    call(MonevState.load, applicant)
    assert applicant.reports[0].recommendation_label == "Lanjutkan"


@pytest.mark.parametrize("who", ["pemohon1", "opd", "tkksd", None])
def test_overdue_page_is_for_admins(who: str) -> None:
    state = as_user(OverdueState, _token(who), "/admin/monev")
    call(OverdueState.load, state)
    assert state.rows == []


def test_opd_sees_its_agreements_on_pengajuan(ag_id: int, other_opd_token: str) -> None:
    state = as_user(MyAppsState, sign_in("opd"))
    call(MyAppsState.load, state)
    assert f"/register/{ag_id}/monev" in {a["href"] for a in state.agreements}
    other = as_user(MyAppsState, other_opd_token)
    call(MyAppsState.load, other)
    assert ag_id not in {int(a["id"]) for a in other.agreements}
