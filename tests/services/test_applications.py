"""The applicant's side: drafts, the wizard, submission, and refusals with foreign ids."""

import json
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlmodel import select

from sikerja_app.db import session_scope
from sikerja_app.domain import regcode
from sikerja_app.domain.application_form import NARRATIVE_KEYS
from sikerja_app.models import (
    Application,
    ApplicationEvent,
    ApplicationOpd,
    ApplicationRevision,
    AuditLog,
    Notification,
    Opd,
    User,
)
from sikerja_app.services import app_view, applications, profile, review, tracking
from sikerja_app.services.auth import _current
from sikerja_app.services.errors import Forbidden, NotFound, ServiceError
from sikerja_app.services.seed import demo_user, sample_applications

pytestmark = pytest.mark.usefixtures("db")

IP = "10.7.7.7"


# ---------------------------------------------------------------- helpers


def app_row(app_id: int) -> Application:
    with session_scope() as s:
        return s.get(Application, app_id)


def revisions(app_id: int) -> list[ApplicationRevision]:
    with session_scope() as s:
        return list(s.exec(select(ApplicationRevision).where(ApplicationRevision.application_id == app_id)
                           .order_by(ApplicationRevision.number)))


def events(app_id: int) -> list[str]:
    with session_scope() as s:
        return [e.action for e in s.exec(select(ApplicationEvent).where(
            ApplicationEvent.application_id == app_id).order_by(ApplicationEvent.id))]


def denied(user_id: int, app_id: object) -> int:
    """How many refused accesses by this user to this record the audit log holds."""
    with session_scope() as s:
        return len(s.exec(select(AuditLog).where(
            AuditLog.action == "AKSES_DITOLAK", AuditLog.user_id == user_id,
            AuditLog.target_type == "application", AuditLog.target_id == str(app_id))).all())


def denied_total(user_id: int) -> int:
    with session_scope() as s:
        return len(s.exec(select(AuditLog).where(
            AuditLog.action == "AKSES_DITOLAK", AuditLog.user_id == user_id)).all())


def opd_ids(*singkatan: str) -> list[int]:
    with session_scope() as s:
        return [o.id for o in s.exec(select(Opd).where(Opd.singkatan.in_(singkatan)))]  # type: ignore[attr-defined]


def set_user(user_id: int, **values: object) -> None:
    with session_scope() as s:
        user = s.get(User, user_id)
        for k, v in values.items():
            setattr(user, k, v)
        s.add(user)


def snapshot(app_id: int) -> tuple:
    """Everything an intruder could try to change."""
    a = app_row(app_id)
    with session_scope() as s:
        opds = sorted(s.exec(select(ApplicationOpd.opd_id).where(ApplicationOpd.application_id == app_id)))
    return (a.status, a.code, a.judul, a.urusan_kode, a.ppksd2_id, a.wizard_step, a.revision,
            tuple(getattr(a, k) for k in NARRATIVE_KEYS), tuple(opds))


# ---------------------------------------------------------------- drafts


def test_start_draft_is_for_applicants_only(make) -> None:  # noqa: ANN001
    for role in ("ADMIN", "TKKSD", "OPD"):
        with pytest.raises(Forbidden):
            applications.start_draft(make.user(role, None))


def test_start_draft_needs_an_institution(make) -> None:  # noqa: ANN001
    with pytest.raises(ServiceError, match="Lengkapi data instansi"):
        applications.start_draft(make.user("PEMOHON", None))


def test_untouched_draft_is_reused_not_duplicated(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    first = applications.start_draft(user)
    assert applications.start_draft(user) == first
    applications.save_field(user, first, "judul", "Kerja Sama Uji")
    second = applications.start_draft(user)
    assert second != first
    assert events(first) == ["DRAFT_DIBUAT"]


def test_autosave_keeps_every_field(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id = applications.start_draft(user)
    applications.save_field(user, app_id, "judul", "Kerja Sama Pengelolaan Sampah")
    applications.save_field(user, app_id, "urusan_kode", "1.05")
    for key in NARRATIVE_KEYS:
        applications.save_field(user, app_id, key, f"Isi {key}\n\n- butir pertama")
    applications.set_step(user, app_id, 3)
    applications.set_opds(user, app_id, opd_ids("DLH", "DPUPR"))
    draft = applications.get_draft(user, app_id)
    assert draft.judul == "Kerja Sama Pengelolaan Sampah"
    assert draft.urusan_kode == "1.05"
    assert draft.texts == {k: f"Isi {k}\n\n- butir pertama" for k in NARRATIVE_KEYS}
    assert draft.wizard_step == 3
    assert draft.opd_ids == sorted(opd_ids("DLH", "DPUPR"))
    assert draft.status == "DRAFT" and draft.code == ""


def test_wizard_step_is_clamped(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id = applications.start_draft(user)
    applications.set_step(user, app_id, 99)
    assert app_row(app_id).wizard_step == 3
    applications.set_step(user, app_id, -5)
    assert app_row(app_id).wizard_step == 1


@pytest.mark.parametrize("name", ["status", "code", "ppksd1_id", "instansi_id", "admin_note", "revision"])
def test_autosave_refuses_fields_outside_the_wizard(make, name: str) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id = applications.start_draft(user)
    with pytest.raises(ServiceError, match="Isian tidak dikenal"):
        applications.save_field(user, app_id, name, "DIAJUKAN")
    assert app_row(app_id).status == "DRAFT"


def test_autosave_refuses_absurdly_long_text(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id = applications.start_draft(user)
    with pytest.raises(ServiceError, match="terlalu panjang"):
        applications.save_field(user, app_id, "analisis", "kata " * 5000)
    applications.save_field(user, app_id, "analisis", "kata " * 1200)  # over the word limit: kept
    assert app_row(app_id).analisis == "kata " * 1200


@pytest.mark.parametrize("name", ["judul", "urusan_kode"])
def test_autosave_never_accepts_more_than_the_column_holds(make, name: str) -> None:  # noqa: ANN001
    """judul is VARCHAR(300) and urusan_kode VARCHAR(10), but save_field lets through 1,200
    and 20,000 characters. SQLite stores them anyway; PostgreSQL (the scale-out database)
    raises a DataError, so the autosave of a long title crashes instead of answering with
    a message. Either refuse with a ServiceError or make the column wide enough."""
    user = make.pemohon()
    app_id = applications.start_draft(user)
    length = Application.__table__.c[name].type.length
    value = "7" * (length + 1)
    try:
        applications.save_field(user, app_id, name, value)
    except ServiceError:
        return
    pytest.fail(f"{name}: {len(value)} characters accepted for a VARCHAR({length}) column")


def test_opd_choices_must_come_from_the_active_list(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id = applications.start_draft(user)
    applications.set_opds(user, app_id, opd_ids("DISKOMINFO"))
    with pytest.raises(ServiceError) as exc:
        applications.set_opds(user, app_id, [*opd_ids("BAPPEDA"), 999_999])
    assert exc.value.errors == {"opd": "Pilih OPD dari daftar."}
    with session_scope() as s:
        inactive = Opd(singkatan=f"NONAKTIF{app_id}", nama="OPD yang dibubarkan", aktif=False)
        s.add(inactive)
        s.flush()
        inactive_id = inactive.id
    with pytest.raises(ServiceError):
        applications.set_opds(user, app_id, [inactive_id])
    assert applications.get_draft(user, app_id).opd_ids == opd_ids("DISKOMINFO")
    applications.set_opds(user, app_id, opd_ids("BAPPEDA", "DLH"))
    assert applications.get_draft(user, app_id).opd_ids == sorted(opd_ids("BAPPEDA", "DLH"))


# ---------------------------------------------------------------- PPKSD-2


def test_ppksd2_from_the_same_institution(make) -> None:  # noqa: ANN001
    p1 = make.pemohon()
    p2 = make.pemohon(p1.instansi_id, nama_lengkap="Budi Santoso Kolega")
    app_id = applications.start_draft(p1)
    candidates = dict(applications.ppksd2_candidates(p1, app_id))
    assert p2.id in candidates and p1.id not in candidates
    assert dict(applications.ppksd2_candidates(p1, app_id, "budi santoso")).keys() == {p2.id}
    assert applications.ppksd2_candidates(p1, app_id, "tidak ada nama ini") == []
    applications.set_ppksd2(p1, app_id, p2.id)
    assert app_row(app_id).ppksd2_id == p2.id
    applications.set_ppksd2(p1, app_id, None)
    assert app_row(app_id).ppksd2_id is None


def test_candidates_never_list_other_institutions_or_staff(make) -> None:  # noqa: ANN001
    p1 = make.pemohon()
    outsider = make.pemohon()
    inactive = make.pemohon(p1.instansi_id, is_active=False)
    admin_same_inst = make.user("ADMIN", p1.instansi_id)
    app_id = applications.start_draft(p1)
    ids = {i for i, _ in applications.ppksd2_candidates(p1, app_id)}
    assert not ids & {outsider.id, inactive.id, admin_same_inst.id, p1.id}


@pytest.mark.parametrize("who", ["other_instansi", "self", "inactive", "admin", "tkksd", "unknown"])
def test_ppksd2_refusals(make, who: str) -> None:  # noqa: ANN001
    p1 = make.pemohon()
    candidate = {
        "other_instansi": lambda: demo_user("pemohon3").id,
        "self": lambda: p1.id,
        "inactive": lambda: make.pemohon(p1.instansi_id, is_active=False).id,
        "admin": lambda: make.user("ADMIN", p1.instansi_id).id,
        "tkksd": lambda: demo_user("tkksd").id,
        "unknown": lambda: 987_654,
    }[who]()
    app_id = applications.start_draft(p1)
    with pytest.raises(ServiceError) as exc:
        applications.set_ppksd2(p1, app_id, candidate)
    assert exc.value.errors == {"ppksd2": "PPKSD-2 harus pengguna lain dari instansi yang sama."}
    assert app_row(app_id).ppksd2_id is None


def test_ppksd2_who_became_inactive_blocks_step2(make) -> None:  # noqa: ANN001
    p1 = make.pemohon()
    p2 = make.pemohon(p1.instansi_id)
    app_id = make.draft(p1)
    applications.set_ppksd2(p1, app_id, p2.id)
    assert applications.step_errors(p1, app_id, 2) == {}
    set_user(p2.id, is_active=False)
    assert "ppksd2" in applications.step_errors(p1, app_id, 2)
    result = applications.submit(p1, app_id, True, IP)
    assert result.code == "" and result.step_with_error == 2


# ---------------------------------------------------------------- steps and submission


def test_complete_draft_has_no_step_errors(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id = make.draft(user)
    assert [applications.step_errors(user, app_id, n) for n in (1, 2, 3)] == [{}, {}, {}]


def test_incomplete_biodata_blocks_step2(make) -> None:  # noqa: ANN001
    user = make.pemohon(nik="")
    app_id = make.draft(user)
    assert applications.step_errors(user, app_id, 2) == {
        "ppksd1": "Lengkapi biodata Anda di Pengaturan terlebih dahulu."}


def test_submit_without_pakta_is_refused_and_stays_draft(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id = make.draft(user)
    result = applications.submit(user, app_id, False, IP)
    assert result.code == ""
    assert result.errors == {"pakta": "Anda harus menyetujui pakta integritas."}
    row = app_row(app_id)
    assert (row.status, row.code, row.pakta_at, row.revision) == ("DRAFT", None, None, 0)
    assert revisions(app_id) == []


def test_submit_with_text_over_the_limit_points_to_step3(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id = make.draft(user)
    applications.save_field(user, app_id, "latar_belakang", " ".join(["kerja-sama"] * 301))
    result = applications.submit(user, app_id, True, IP)
    assert result.code == ""
    assert result.step_with_error == 3
    assert result.errors == {"latar_belakang": "Latar belakang berisi 301 kata, melebihi batas 300 kata."}
    assert app_row(app_id).status == "DRAFT"
    # exactly at the limit is fine
    applications.save_field(user, app_id, "latar_belakang", " ".join(["kerja-sama"] * 300))
    assert applications.submit(user, app_id, True, IP).code


def test_submit_with_missing_title_points_to_step1(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id = make.draft(user)
    applications.save_field(user, app_id, "judul", "   ")
    result = applications.submit(user, app_id, True, IP)
    assert (result.code, result.step_with_error) == ("", 1)
    assert result.errors == {"judul": "Judul kerja sama wajib diisi."}


def test_submit_without_opd_points_to_step3(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id = make.draft(user)
    applications.set_opds(user, app_id, [])
    result = applications.submit(user, app_id, True, IP)
    assert result.step_with_error == 3 and "opd" in result.errors


def test_successful_submission(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id = make.draft(user)
    result = applications.submit(user, app_id, True, "10.8.8.8")
    assert result.errors == {}
    assert regcode.check_code(result.code) == (regcode.CodeStatus.VALID, result.code)
    row = app_row(app_id)
    assert (row.status, row.code, row.revision) == ("DIAJUKAN", result.code, 1)
    assert (row.pakta_user_id, row.pakta_ip) == (user.id, "10.8.8.8")
    assert row.pakta_at is not None and row.submitted_at is not None
    assert json.loads(row.ppksd1_snapshot)["nik"]
    assert json.loads(row.instansi_snapshot)["kode_pos"] == "75119"
    assert events(app_id) == ["DRAFT_DIBUAT", "SUBMIT"]
    [rev] = revisions(app_id)
    content = json.loads(rev.content)
    assert content["judul"] == sample_applications()[0]["judul"]
    assert content["opd_ids"] == sorted(opd_ids("DISKOMINFO", "BAPPEDA"))
    admin = demo_user("admin")
    with session_scope() as s:
        assert s.exec(select(Notification).where(
            Notification.user_id == admin.id, Notification.link == f"/pengajuan/{app_id}")).first()


def test_double_submit_gives_the_same_code_and_one_revision(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id = make.draft(user)
    first = applications.submit(user, app_id, True, IP)
    second = applications.submit(user, app_id, True, IP)
    assert first.code and second.code == first.code and second.errors == {}
    assert len(revisions(app_id)) == 1
    assert events(app_id).count("SUBMIT") == 1
    assert app_row(app_id).revision == 1


def test_codes_are_unique_across_applications(make) -> None:  # noqa: ANN001
    codes = {make.submitted(make.pemohon())[1] for _ in range(5)}
    assert len(codes) == 5


def test_code_year_is_the_local_year_of_submission(make, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """Submitted at 01.00 WITA on 1 January 2027 (17.00 UTC on 31 December 2026).

    The receipt and Lacak show "1 Januari 2027", but _ensure_code takes the year of the
    UTC timestamp, so the code reads KSD-2026-...
    """
    user = make.pemohon()
    app_id = make.draft(user)
    monkeypatch.setattr(applications, "utcnow", lambda: datetime(2026, 12, 31, 17, 0, tzinfo=UTC))
    code = applications.submit(user, app_id, True, IP).code
    assert tracking.track(code).submitted == "1 Januari 2027"
    assert code.startswith("KSD-2027-"), code


def test_submitted_application_can_no_longer_be_edited(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id, _ = make.submitted(user)
    before = snapshot(app_id)
    with pytest.raises(NotFound):
        applications.save_field(user, app_id, "judul", "Judul diganti setelah diajukan")
    with pytest.raises(NotFound):
        applications.set_opds(user, app_id, opd_ids("DLH"))
    assert snapshot(app_id) == before
    assert denied(user.id, app_id) == 2


def test_return_edit_resubmit_keeps_both_versions(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    admin = demo_user("admin")
    app_id, code = make.submitted(user)
    review.return_for_revision(admin, app_id, "Lengkapi rincian pembiayaan.", IP)
    draft = applications.get_draft(user, app_id)
    assert (draft.status, draft.admin_note) == ("DIKEMBALIKAN", "Lengkapi rincian pembiayaan.")
    applications.save_field(user, app_id, "pembiayaan", "Dibiayai APBD dan dana mitra secara proporsional.")
    result = applications.submit(user, app_id, True, IP)
    assert result.code == code  # the code stays
    revs = revisions(app_id)
    assert [r.number for r in revs] == [1, 2]
    first, second = (json.loads(r.content) for r in revs)
    assert first["pembiayaan"] == sample_applications()[0]["persiapan"]["pembiayaan"]
    assert second["pembiayaan"] == "Dibiayai APBD dan dana mitra secara proporsional."
    assert {k: v for k, v in first.items() if k != "pembiayaan"} == \
        {k: v for k, v in second.items() if k != "pembiayaan"}
    row = app_row(app_id)
    assert (row.status, row.revision) == ("DIAJUKAN", 2)
    assert events(app_id) == ["DRAFT_DIBUAT", "SUBMIT", "RETURN", "SUBMIT"]


def test_profile_changes_after_submission_do_not_rewrite_it(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id, _ = make.submitted(user)
    _, inst = profile.get_instansi(user)
    inst.alamat = "Alamat baru setelah pengajuan"
    profile.save_instansi(user, inst)
    shown = dict(app_view.view(user, app_id).instansi)
    assert shown["Alamat"] == "Jl. Pendidikan No. 12, Samarinda"


def test_list_mine(make) -> None:  # noqa: ANN001
    p1 = make.pemohon()
    p2 = make.pemohon(p1.instansi_id)
    submitted = make.draft(p1)
    applications.set_ppksd2(p1, submitted, p2.id)
    applications.submit(p1, submitted, True, IP)
    draft = make.draft(p1, sample=1)
    applications.set_ppksd2(p1, draft, p2.id)
    assert {a.id for a in applications.list_mine(p1)} == {submitted, draft}
    mine2 = applications.list_mine(p2)
    assert [(a.id, a.role_in_app) for a in mine2] == [(submitted, "PPKSD-2")]  # not the draft
    assert all(a.id not in {submitted, draft} for a in applications.list_mine(make.pemohon()))


def test_withdraw(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id, _ = make.submitted(user)
    with pytest.raises(NotFound):
        applications.withdraw(demo_user("admin"), app_id, IP)
    applications.withdraw(user, app_id, IP)
    assert app_row(app_id).status == "DIBATALKAN"
    with pytest.raises(ServiceError):
        applications.withdraw(user, app_id, IP)
    with pytest.raises(NotFound):
        applications.save_field(user, app_id, "judul", "Hidup lagi?")


# ---------------------------------------------------------------- refusals with foreign ids


FOREIGN_CALLS: dict[str, Callable] = {
    "view": lambda u, a: app_view.view(u, a, IP),
    "get_draft": lambda u, a: applications.get_draft(u, a),
    "save_field": lambda u, a: applications.save_field(u, a, "judul", "Diambil alih"),
    "save_narrative": lambda u, a: applications.save_field(u, a, "manfaat", "Disabotase"),
    "set_step": lambda u, a: applications.set_step(u, a, 1),
    "set_opds": lambda u, a: applications.set_opds(u, a, opd_ids("DLH")),
    "set_ppksd2": lambda u, a: applications.set_ppksd2(u, a, u.id),
    "ppksd2_candidates": lambda u, a: applications.ppksd2_candidates(u, a),
    "step_errors": lambda u, a: applications.step_errors(u, a, 3),
    "submit": lambda u, a: applications.submit(u, a, True, IP),
    "withdraw": lambda u, a: applications.withdraw(u, a, IP),
}


@pytest.fixture
def foreign_apps(make) -> dict[str, int]:  # noqa: ANN001
    """Applications of another institution, in the states an intruder could target."""
    owner = make.pemohon()
    admin = demo_user("admin")
    draft = make.draft(owner)
    submitted, _ = make.submitted(owner)
    returned, _ = make.submitted(owner)
    review.return_for_revision(admin, returned, "Perbaiki.", IP)
    return {"draft": draft, "submitted": submitted, "returned": returned}


@pytest.mark.parametrize("state", ["draft", "submitted", "returned"])
@pytest.mark.parametrize("call", sorted(FOREIGN_CALLS))
def test_applicant_of_another_institution_is_refused(make, foreign_apps, call: str, state: str) -> None:  # noqa: ANN001
    intruder = make.pemohon()
    app_id = foreign_apps[state]
    before = snapshot(app_id)
    with pytest.raises(NotFound) as exc:
        FOREIGN_CALLS[call](intruder, app_id)
    assert exc.value.message == "Data tidak ditemukan atau Anda tidak memiliki akses."
    assert denied(intruder.id, app_id) == 1
    assert snapshot(app_id) == before


@pytest.mark.parametrize("call", sorted(FOREIGN_CALLS))
def test_colleague_not_on_the_application_is_refused(make, call: str) -> None:  # noqa: ANN001
    owner = make.pemohon()
    colleague = make.pemohon(owner.instansi_id)
    app_id, _ = make.submitted(owner)
    before = snapshot(app_id)
    with pytest.raises(NotFound):
        FOREIGN_CALLS[call](colleague, app_id)
    assert denied(colleague.id, app_id) == 1
    assert snapshot(app_id) == before


@pytest.mark.parametrize("call", sorted(FOREIGN_CALLS))
def test_demo_application_of_another_institution(call: str) -> None:
    """pemohon3 (the company) against the university's application of the demo data."""
    intruder = demo_user("pemohon3")
    with session_scope() as s:
        target = s.exec(select(Application).where(Application.ppksd1_id == demo_user("pemohon1").id,
                                                  Application.status == "PENAWARAN")).first()
    assert target is not None
    before = snapshot(target.id)
    count = denied(intruder.id, target.id)
    with pytest.raises(NotFound):
        FOREIGN_CALLS[call](intruder, target.id)
    assert denied(intruder.id, target.id) == count + 1
    assert snapshot(target.id) == before


@pytest.mark.parametrize("bad_id", [987_654, -1, 0, "1", None, 1.0])
def test_missing_or_malformed_ids_are_refused_the_same_way(make, bad_id: object) -> None:  # noqa: ANN001
    user = make.pemohon()
    with pytest.raises(NotFound):
        app_view.view(user, bad_id)  # type: ignore[arg-type]
    with pytest.raises(NotFound):
        applications.save_field(user, bad_id, "judul", "x")  # type: ignore[arg-type]
    assert denied_total(user.id) == 2


@pytest.mark.parametrize("call", ["get_draft", "save_field", "set_opds", "set_ppksd2", "submit", "step_errors"])
def test_ppksd2_views_but_cannot_edit_or_submit(make, call: str) -> None:  # noqa: ANN001
    p1 = make.pemohon()
    p2 = make.pemohon(p1.instansi_id)
    app_id = make.draft(p1)
    applications.set_ppksd2(p1, app_id, p2.id)
    applications.submit(p1, app_id, True, IP)
    review.return_for_revision(demo_user("admin"), app_id, "Perbaiki lokasi.", IP)  # editable again
    assert app_view.view(p2, app_id).is_applicant
    before = snapshot(app_id)
    with pytest.raises(NotFound):
        FOREIGN_CALLS[call](p2, app_id)
    assert snapshot(app_id) == before
    assert denied(p2.id, app_id) == 1


def test_ppksd2_cannot_see_the_draft(make) -> None:  # noqa: ANN001
    p1 = make.pemohon()
    p2 = make.pemohon(p1.instansi_id)
    app_id = make.draft(p1)
    applications.set_ppksd2(p1, app_id, p2.id)
    with pytest.raises(NotFound):
        app_view.view(p2, app_id)


@pytest.mark.parametrize("role", ["ADMIN", "TKKSD", "OPD"])
def test_staff_cannot_see_or_touch_drafts(make, role: str) -> None:  # noqa: ANN001
    owner = make.pemohon()
    staff = make.user(role, None)
    app_id = make.draft(owner)
    before = snapshot(app_id)
    for call in ("view", "save_field", "submit"):
        with pytest.raises(NotFound):
            FOREIGN_CALLS[call](staff, app_id)
    assert snapshot(app_id) == before
    assert denied(staff.id, app_id) == 3


def test_former_member_cannot_submit_the_old_institutions_draft(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id = make.draft(user)
    profile.join_instansi(user, make.instansi())
    with session_scope() as s:
        moved = _current(s.get(User, user.id))  # what the next event resolves from the cookie
    with pytest.raises(NotFound):
        applications.submit(moved, app_id, True, IP)
    with pytest.raises(NotFound):
        applications.save_field(moved, app_id, "judul", "x")
    assert app_row(app_id).status == "DRAFT"


# ---------------------------------------------------------------- the detail view


def test_detail_view_for_the_applicant_and_the_admin(make) -> None:  # noqa: ANN001
    user = make.pemohon()
    app_id, code = make.submitted(user)
    mine = app_view.view(user, app_id)
    assert (mine.code, mine.status, mine.is_applicant) == (code, "DIAJUKAN", True)
    assert mine.actions == ["WITHDRAW"]
    assert [label for label, _ in mine.narratives][0] == "Latar belakang"
    assert mine.pakta.startswith("Disetujui oleh ")
    staff = app_view.view(demo_user("admin"), app_id)
    assert set(staff.actions) == {"RETURN", "REJECT", "APPROVE_INTAKE"}
    assert not staff.is_applicant
    assert [t.label for t in staff.timeline] == ["Draf dibuat", "Diajukan"]
