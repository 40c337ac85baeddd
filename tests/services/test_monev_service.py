"""Monev through the services: who may file, see and evaluate; one report per side and period;
one evaluation per report; the overdue list; evidence downloads."""

import json
import threading
from datetime import date

import pytest
from sqlmodel import select

from sikerja_app.db import session_scope
from sikerja_app.domain import monev as rules
from sikerja_app.models import Agreement, Application, AuditLog, MonevEvaluation, MonevReport, Notification, Opd
from sikerja_app.services import applications as apps
from sikerja_app.services import files, monev
from sikerja_app.services.errors import Forbidden, NotFound, NotSignedIn, ServiceError
from sikerja_app.services.files import receive_upload
from sikerja_app.services.seed import demo_user, fill_application, sample_applications

pytestmark = pytest.mark.usefixtures("db")

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TODAY = date(2026, 8, 15)  # period 1 (Jan–Jun 2026) overdue, period 2 (Jul–Dec) open, period 3 not begun
TEXT = {"progress": "Pelatihan tata kelola pusat data tahap 1 selesai untuk 40 ASN.",
        "outputs": "Modul pelatihan, 40 sertifikat, rancangan SOP pusat data.",
        "problems": "Jadwal narasumber bergeser dua minggu.",
        "follow_up": "Pelatihan tahap 2 dan uji coba SOP pada kuartal berikutnya."}
SCORES = {key: 3 for key, _ in rules.CRITERIA}


@pytest.fixture(autouse=True)
def frozen(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(monev, "today", lambda: TODAY)


def _opd_id(singkatan: str) -> int:
    with session_scope() as s:
        return s.exec(select(Opd.id).where(Opd.singkatan == singkatan)).one()


@pytest.fixture(scope="module")
def people(db) -> dict:  # noqa: ANN001 - fixture
    from tests.conftest import Factory

    out = {k: demo_user(k) for k in ("pemohon1", "pemohon2", "pemohon3", "admin", "tkksd", "protokol", "opd")}
    make = Factory()
    out["opd_lain"] = make.user("OPD", None, opd_id=_opd_id("DLH"))  # an OPD not involved
    out["opd_terkait"] = make.user("OPD", None, opd_id=_opd_id("BAPPEDA"))  # an OPD terkait of the application
    return out


def _application(people: dict) -> int:
    p1 = people["pemohon1"]
    aid = apps.start_draft(p1)
    fill_application(p1, aid, sample_applications()[0], ["DISKOMINFO", "BAPPEDA"])
    apps.save_field(p1, aid, "judul", f"Uji monev {aid}")
    apps.set_ppksd2(p1, aid, people["pemohon2"].id)
    apps.submit(p1, aid, True, "127.0.0.1")
    with session_scope() as s:
        app = s.get(Application, aid)
        app.status = "PELAKSANAAN"
        s.add(app)
    return aid


def _agreement(application_id: int | None, start: date = date(2026, 1, 1), end: date = date(2027, 12, 31),
               months: int = 6, status: str = "BERLAKU") -> int:
    with session_scope() as s:
        ag = Agreement(application_id=application_id, source="SISTEM" if application_id else "IMPOR",
                       judul=f"Kerja sama uji monev {application_id}", mitra_nama="Universitas Contoh Nusantara",
                       mitra_jenis_kode="PERGURUAN_TINGGI", mitra_kabkota_kode="64.72", urusan_kode="2.16",
                       opd_id=_opd_id("DISKOMINFO"), nomor_daerah="000.1/12/KS", nomor_mitra="45/UCN/2026",
                       tanggal_ttd=start, berlaku_mulai=start, berlaku_sampai=end, status=status,
                       monev_months=months)
        s.add(ag)
        s.flush()
        return ag.id or 0


@pytest.fixture()
def ag_id(people: dict) -> int:
    return _agreement(_application(people))


def _pdf(actor, name: str = "bukti.pdf") -> int:  # noqa: ANN001
    return receive_upload(actor, name, [PDF + name.encode()]).id


def _file(actor, ag: int, period: int = 1, evidence: list[int] | None = None, **over: str) -> int:  # noqa: ANN001
    texts = {**TEXT, **over}
    ids = evidence if evidence is not None else [_pdf(actor)]
    return monev.file_report(actor, ag, period, texts["progress"], texts["outputs"], texts["problems"],
                             texts["follow_up"], ids, "10.1.2.3")


def _cells(view: monev.MonevView, period: int) -> dict[str, monev.SideCell]:
    return {c.side: c for c in view.periods[period - 1].sides}


def _audit(action: str, target: object = None) -> list[AuditLog]:
    with session_scope() as s:
        q = select(AuditLog).where(AuditLog.action == action)
        if target is not None:
            q = q.where(AuditLog.target_id == str(target))
        return list(s.exec(q))


# --------------------------------------------------------------------------- seeing


def test_periods_and_who_may_file_what(people: dict, ag_id: int) -> None:
    v = monev.periods(people["pemohon1"], ag_id)
    assert [p.period_no for p in v.periods] == [1, 2, 3]  # begun, and the next one
    assert [p.period_no for p in v.later] == [4]
    assert v.my_side == "PEMOHON" and v.status == "BERLAKU" and not v.can_evaluate
    cells = _cells(v, 1)
    assert set(cells) == {"PEMOHON", "OPD"}
    assert cells["PEMOHON"].state == "TERLAMBAT" and cells["PEMOHON"].can_file
    assert not cells["OPD"].can_file  # the applicant never files the OPD's report
    assert _cells(v, 2)["PEMOHON"].state == "TERBUKA" and _cells(v, 2)["PEMOHON"].can_file
    assert _cells(v, 3)["PEMOHON"].state == "BELUM_DIBUKA" and not _cells(v, 3)["PEMOHON"].can_file
    assert v.periods[0].due == "30 Juni 2026"

    assert monev.periods(people["pemohon2"], ag_id).my_side == "PEMOHON"  # PPKSD-2 too
    for key in ("opd", "opd_terkait"):  # the agreement's OPD and an OPD terkait of the application
        ov = monev.periods(people[key], ag_id)
        assert ov.my_side == "OPD" and _cells(ov, 1)["OPD"].can_file and not _cells(ov, 1)["PEMOHON"].can_file
    for staff in ("admin", "tkksd"):
        sv = monev.periods(people[staff], ag_id)
        assert sv.my_side == "" and sv.is_staff
        assert not any(c.can_file for p in sv.periods for c in p.sides)
    assert monev.periods(people["admin"], ag_id).can_evaluate
    assert not monev.periods(people["tkksd"], ag_id).can_evaluate


@pytest.mark.parametrize("who", ["pemohon3", "opd_lain"])
def test_outsiders_see_nothing_and_file_nothing(people: dict, ag_id: int, who: str) -> None:
    with pytest.raises(NotFound):
        monev.periods(people[who], ag_id)
    fid = _pdf(people[who])
    with pytest.raises(NotFound):
        _file(people[who], ag_id, evidence=[fid])
    with session_scope() as s:
        assert s.exec(select(MonevReport).where(MonevReport.agreement_id == ag_id)).all() == []
    assert len(_audit("AKSES_DITOLAK", ag_id)) >= 2


@pytest.mark.parametrize("who", ["tkksd", "protokol", "admin"])
def test_staff_see_but_do_not_file(people: dict, ag_id: int, who: str) -> None:
    monev.periods(people[who], ag_id)
    with pytest.raises(Forbidden):
        _file(people[who], ag_id)
    with session_scope() as s:
        assert s.exec(select(MonevReport).where(MonevReport.agreement_id == ag_id)).all() == []


def test_anonymous_is_refused(ag_id: int) -> None:
    with pytest.raises(NotSignedIn):
        monev.periods(None, ag_id)
    with pytest.raises(NotSignedIn):
        monev.file_report(None, ag_id, 1, *TEXT.values(), [1])
    with pytest.raises(NotSignedIn):
        monev.evaluate(None, 1, SCORES, 4, "LANJUTKAN", "x")
    with pytest.raises(NotSignedIn):
        monev.overdue(None)
    with pytest.raises(NotSignedIn):
        monev.my_agreements(None)


def test_unknown_and_malformed_agreement_ids(people: dict) -> None:
    for bad in (10**9, "1", None, True):
        with pytest.raises(NotFound):
            monev.periods(people["admin"], bad)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- filing


def test_one_report_per_side_and_period(people: dict, ag_id: int) -> None:
    rid = _file(people["pemohon1"], ag_id, 1)
    with pytest.raises(ServiceError, match="sudah diisi"):
        _file(people["pemohon1"], ag_id, 1)
    with pytest.raises(ServiceError, match="sudah diisi"):  # PPKSD-2 files for the same side
        _file(people["pemohon2"], ag_id, 1)
    opd_rid = _file(people["opd"], ag_id, 1)  # the OPD's own report of the same period
    with pytest.raises(ServiceError, match="sudah diisi"):  # one OPD report per period
        _file(people["opd_terkait"], ag_id, 1)
    assert _file(people["pemohon2"], ag_id, 2) > 0  # the next period is open
    with session_scope() as s:
        rows = s.exec(select(MonevReport).where(MonevReport.agreement_id == ag_id)).all()
        assert sorted((r.side, r.period_no) for r in rows) == [("OPD", 1), ("PEMOHON", 1), ("PEMOHON", 2)]
        report = s.get(MonevReport, rid)
        assert report.period_start == date(2026, 1, 1) and report.period_end == date(2026, 6, 30)
        assert report.progress == TEXT["progress"] and report.filed_by == people["pemohon1"].id
    logged = _audit("MONEV_LAPOR", ag_id)
    assert len(logged) == 3 and all(a.ip == "10.1.2.3" for a in logged)
    assert f"laporan={opd_rid} pihak=OPD periode=1" in " ".join(a.detail for a in logged)
    # The admins hear of it.
    with session_scope() as s:
        assert s.exec(select(Notification).where(Notification.user_id == people["admin"].id,
                                                 Notification.link == f"/register/{ag_id}/monev")).all()


def test_racing_reports_of_the_same_side_count_once(people: dict, ag_id: int) -> None:
    """PPKSD-1 and PPKSD-2 send the period-1 report at the same moment: one is kept."""
    barrier, results = threading.Barrier(2), []
    uploads = {k: _pdf(people[k]) for k in ("pemohon1", "pemohon2")}

    def send(key: str) -> None:
        barrier.wait()
        try:
            _file(people[key], ag_id, 1, evidence=[uploads[key]])
            results.append("ok")
        except ServiceError as exc:
            results.append(exc.message)

    threads = [threading.Thread(target=send, args=(k,)) for k in uploads]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert sorted(results) == sorted(["ok", monev.ALREADY_FILED])
    with session_scope() as s:
        assert len(s.exec(select(MonevReport).where(MonevReport.agreement_id == ag_id)).all()) == 1


def test_required_fields_and_evidence(people: dict, ag_id: int) -> None:
    p1 = people["pemohon1"]
    with pytest.raises(ServiceError) as exc:
        _file(p1, ag_id, 1, evidence=[], progress=" ", problems="")
    assert exc.value.errors == {"progress": "Kemajuan pelaksanaan wajib diisi.",
                                "problems": "Permasalahan yang dihadapi wajib diisi.",
                                "evidence": rules.MSG_EVIDENCE}
    with pytest.raises(ServiceError, match="tidak valid"):
        _file(p1, ag_id, 1, evidence=["12"])  # type: ignore[list-item]
    fid = _pdf(p1)
    with pytest.raises(ServiceError, match="tidak valid"):
        _file(p1, ag_id, 1, evidence=[fid, fid])
    with session_scope() as s:
        assert s.exec(select(MonevReport).where(MonevReport.agreement_id == ag_id)).all() == []


@pytest.mark.parametrize(("period", "message"), [(3, "belum dimulai"), (5, "tidak dikenal"), (0, "tidak dikenal"),
                                                 (True, "tidak dikenal"), ("1", "tidak dikenal")])
def test_only_periods_that_have_begun(people: dict, ag_id: int, period: object, message: str) -> None:
    with pytest.raises(ServiceError, match=message):
        _file(people["pemohon1"], ag_id, period)  # type: ignore[arg-type]


@pytest.mark.parametrize("status", ["BERAKHIR", "DICABUT"])
def test_only_while_the_agreement_is_valid(people: dict, status: str) -> None:
    ag = _agreement(_application(people), status=status)
    with pytest.raises(ServiceError, match="selama kerja sama berlaku"):
        _file(people["pemohon1"], ag, 1)
    v = monev.periods(people["pemohon1"], ag)
    assert v.note == monev.NOT_ACTIVE and not any(c.can_file for p in v.periods for c in p.sides)


def test_evidence_must_be_the_reporters_own_unused_upload(people: dict, ag_id: int) -> None:
    foreign = _pdf(people["pemohon3"])
    with pytest.raises(NotFound):
        _file(people["pemohon1"], ag_id, 1, evidence=[foreign])
    own = _pdf(people["pemohon1"])
    _file(people["pemohon1"], ag_id, 1, evidence=[own])
    with pytest.raises(NotFound):  # already attached: cannot be reused in another report
        _file(people["pemohon1"], ag_id, 2, evidence=[own])


def test_an_agreement_without_an_application_has_only_the_opd_side(people: dict) -> None:
    ag = _agreement(None)
    v = monev.periods(people["opd"], ag)
    assert [c.side for c in v.periods[0].sides] == ["OPD"]
    assert _file(people["opd"], ag, 1) > 0
    with pytest.raises(NotFound):
        monev.periods(people["pemohon1"], ag)


# --------------------------------------------------------------------------- who sees which report


def test_each_side_reads_its_own_reports_staff_read_all(people: dict, ag_id: int) -> None:
    mine = _file(people["pemohon1"], ag_id, 1)
    theirs = _file(people["opd"], ag_id, 1)
    applicant = monev.periods(people["pemohon2"], ag_id)
    assert [r.id for r in applicant.reports] == [mine]
    cells = _cells(applicant, 1)
    assert cells["OPD"].state == "DILAPORKAN" and cells["OPD"].report_id == 0  # status only
    assert cells["PEMOHON"].report_id == mine and not cells["PEMOHON"].can_file
    assert [r.id for r in monev.periods(people["opd"], ag_id).reports] == [theirs]
    for staff in ("admin", "tkksd"):
        assert sorted(r.id for r in monev.periods(people[staff], ag_id).reports) == sorted([mine, theirs])
    report = next(r for r in monev.periods(people["admin"], ag_id).reports if r.id == mine)
    assert report.can_evaluate and report.evidence[0].name == "bukti.pdf" and report.follow_up == TEXT["follow_up"]


def test_evidence_downloads(people: dict, ag_id: int) -> None:
    fid = _pdf(people["pemohon1"], "foto kegiatan.pdf")
    _file(people["pemohon1"], ag_id, 1, evidence=[fid])
    for who in ("pemohon1", "pemohon2", "admin", "tkksd"):
        stored, _ = files.file_access(people[who], fid)
        assert stored.id == fid
    for who in ("pemohon3", "opd", "opd_lain"):
        with pytest.raises(NotFound):
            files.file_access(people[who], fid)
    with pytest.raises(NotFound):
        files.file_access(None, fid)


# --------------------------------------------------------------------------- evaluating


def test_admin_evaluates_once_and_the_reporters_are_told(people: dict, ag_id: int) -> None:
    rid = _file(people["pemohon1"], ag_id, 1)
    scores = {**SCORES, "DAMPAK": 4, "KOORDINASI": "2"}
    monev.evaluate(people["admin"], rid, scores, "4", "PERLUAS", "Capaian baik; perluas ke kecamatan.", "10.0.0.9")
    with session_scope() as s:
        row = s.exec(select(MonevEvaluation).where(MonevEvaluation.report_id == rid)).one()
        assert json.loads(row.scores) == {**SCORES, "DAMPAK": 4, "KOORDINASI": 2}
        assert (row.overall, row.recommendation, row.evaluated_by) == (4, "PERLUAS", people["admin"].id)
        told = {n.user_id for n in s.exec(select(Notification).where(
            Notification.link == f"/register/{ag_id}/monev", Notification.text.contains("Hasil evaluasi")))}
    assert told == {people["pemohon1"].id, people["pemohon2"].id}
    with pytest.raises(ServiceError, match="sudah dinilai"):
        monev.evaluate(people["admin"], rid, SCORES, 2, "HENTIKAN", "Ganti penilaian.")
    assert len(_audit("MONEV_NILAI", ag_id)) == 1
    # The applicant sees the result.
    report = monev.periods(people["pemohon2"], ag_id).reports[0]
    assert report.evaluated and report.overall == 4 and report.recommendation_label == "Perluas"
    assert report.eval_note.startswith("Capaian baik") and len(report.scores) == 10
    assert {s.key: s.value for s in report.scores}["KOORDINASI"] == 2
    assert _cells(monev.periods(people["pemohon1"], ag_id), 1)["PEMOHON"].state == "DINILAI"
    assert not monev.periods(people["admin"], ag_id).reports[0].can_evaluate


def test_the_opd_is_told_of_its_result(people: dict, ag_id: int) -> None:
    rid = _file(people["opd_terkait"], ag_id, 1)
    monev.evaluate(people["admin"], rid, SCORES, 3, "LANJUTKAN", "Koordinasi perlu ditingkatkan.")
    with session_scope() as s:
        told = {n.user_id for n in s.exec(select(Notification).where(
            Notification.link == f"/register/{ag_id}/monev", Notification.text.contains("Hasil evaluasi")))}
    assert {people["opd"].id, people["opd_terkait"].id} <= told
    assert people["pemohon1"].id not in told and people["opd_lain"].id not in told


@pytest.mark.parametrize("who", ["pemohon1", "pemohon3", "opd", "tkksd", "protokol"])
def test_only_admin_evaluates(people: dict, ag_id: int, who: str) -> None:
    rid = _file(people["pemohon1"], ag_id, 1)
    with pytest.raises(Forbidden):
        monev.evaluate(people[who], rid, SCORES, 5, "LANJUTKAN", "Bagus.")
    with session_scope() as s:
        assert s.exec(select(MonevEvaluation).where(MonevEvaluation.report_id == rid)).first() is None
    assert _audit("AKSES_DITOLAK", rid)


def test_evaluation_needs_every_criterion_within_the_scale(people: dict, ag_id: int) -> None:
    rid = _file(people["pemohon1"], ag_id, 1)
    partial = {k: v for k, v in SCORES.items() if k != "RELEVANSI_KEBUTUHAN"}
    with pytest.raises(ServiceError) as exc:
        monev.evaluate(people["admin"], rid, {**partial, "DAMPAK": 7}, 6, "TUNDA", "")
    assert set(exc.value.errors) == {"RELEVANSI_KEBUTUHAN", "DAMPAK", "overall", "recommendation", "note"}
    for bad in (10**9, "1", None):
        with pytest.raises(NotFound):
            monev.evaluate(people["admin"], bad, SCORES, 3, "LANJUTKAN", "x")  # type: ignore[arg-type]
    with session_scope() as s:
        assert s.exec(select(MonevEvaluation).where(MonevEvaluation.report_id == rid)).first() is None


# --------------------------------------------------------------------------- lists


def _rows_for(rows: list[monev.OverdueRow], ag: int) -> dict[str, monev.OverdueRow]:
    return {r.side: r for r in rows if r.agreement_id == ag}


def test_overdue_per_agreement_and_side(people: dict, ag_id: int) -> None:
    rows = _rows_for(monev.overdue(people["admin"]), ag_id)
    assert set(rows) == {"PEMOHON", "OPD"}
    assert rows["PEMOHON"].periods == "1" and rows["PEMOHON"].oldest_due == "30 Juni 2026"
    assert rows["PEMOHON"].days_late == (TODAY - date(2026, 6, 30)).days
    assert "Siti Rahmawati" in rows["PEMOHON"].people and "Lestari Handayani" in rows["OPD"].people
    _file(people["pemohon1"], ag_id, 1)
    assert set(_rows_for(monev.overdue(people["admin"]), ag_id)) == {"OPD"}
    later = _rows_for(monev.overdue(people["admin"], date(2027, 1, 5)), ag_id)
    assert later["PEMOHON"].periods == "2" and later["OPD"].periods == "1, 2"
    assert _rows_for(monev.overdue(people["admin"], date(2026, 6, 30)), ag_id) == {}  # due today: not late yet


def test_overdue_skips_agreements_no_longer_valid(people: dict) -> None:
    ag = _agreement(_application(people), status="BERAKHIR")
    assert _rows_for(monev.overdue(people["admin"]), ag) == {}


@pytest.mark.parametrize("who", ["pemohon1", "opd", "tkksd"])
def test_overdue_is_for_admins(people: dict, who: str) -> None:
    with pytest.raises(Forbidden):
        monev.overdue(people[who])


def test_my_agreements(people: dict, ag_id: int) -> None:
    for who in ("pemohon1", "pemohon2", "opd", "opd_terkait"):
        mine = {a.id: a for a in monev.my_agreements(people[who])}
        assert ag_id in mine, who
        assert mine[ag_id].todo.startswith("Laporan periode 1 terlambat") and mine[ag_id].late
    for who in ("pemohon3", "opd_lain", "admin", "tkksd"):
        assert ag_id not in {a.id for a in monev.my_agreements(people[who])}
    _file(people["pemohon1"], ag_id, 1)
    item = next(a for a in monev.my_agreements(people["pemohon2"]) if a.id == ag_id)
    assert item.todo == "Laporan periode 2 perlu diisi (jatuh tempo 31 Desember 2026)" and not item.late
