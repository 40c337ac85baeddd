"""The discussion stages through the services: versions, decisions, races, skipping, chat."""

import threading
from datetime import timedelta

import pytest
from sqlmodel import select

from sikerja_app.db import session_scope
from sikerja_app.models import Application, AuditLog, StageDecision, StageReminder, StageRound
from sikerja_app.services import applications as apps
from sikerja_app.services import chat, review, stages
from sikerja_app.services.errors import NotFound, ServiceError
from sikerja_app.services.files import receive_upload
from sikerja_app.services.seed import demo_user, fill_application, sample_applications

pytestmark = pytest.mark.usefixtures("db")

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _pdf(actor, name: str = "dokumen.pdf") -> int:  # noqa: ANN001
    return receive_upload(actor, name, [PDF + name.encode()]).id


@pytest.fixture()
def people() -> dict:
    return {k: demo_user(k) for k in ("pemohon1", "pemohon2", "pemohon3", "admin", "tkksd", "protokol")}


@pytest.fixture()
def app_id(people: dict) -> int:
    """A fresh application of pemohon1 in Penawaran, reviewed by tkksd only."""
    p1 = people["pemohon1"]
    aid = apps.start_draft(p1)
    fill_application(p1, aid, sample_applications()[0], ["DISKOMINFO"])
    apps.save_field(p1, aid, "judul", f"Uji tahap {aid}")
    apps.set_ppksd2(p1, aid, people["pemohon2"].id)
    apps.submit(p1, aid, True, "127.0.0.1")
    review.approve(people["admin"], aid, [people["tkksd"].id], "127.0.0.1")
    return aid


def _upload_all(people: dict, aid: int, stage: str) -> None:
    p1 = people["pemohon1"]
    kinds = {"PENAWARAN": ["SURAT_PENAWARAN", "STUDI_KELAYAKAN"], "KESEPAKATAN_BERSAMA": ["RANCANGAN_KB"],
             "PERJANJIAN_KERJA_SAMA": ["RANCANGAN_PKS"]}[stage]
    for kind in kinds:
        stages.add_document_version(p1, aid, stage, kind, _pdf(p1, f"{kind}.pdf"))


def _status(aid: int) -> str:
    with session_scope() as s:
        return s.get(Application, aid).status


def _version(aid: int, stage: str) -> int:
    with session_scope() as s:
        return stages.round_of(s, aid, stage).version


def test_stage_opens_on_intake_approval(app_id: int) -> None:
    with session_scope() as s:
        rnd = stages.round_of(s, app_id, "PENAWARAN")
        assert rnd is not None and rnd.status == "TERBUKA" and rnd.version == 0


def test_each_upload_is_a_new_version_and_clears_earlier_approvals(people: dict, app_id: int) -> None:
    _upload_all(people, app_id, "PENAWARAN")
    v = _version(app_id, "PENAWARAN")
    stages.decide(people["admin"], app_id, "PENAWARAN", "SETUJU", v)
    p1 = people["pemohon1"]
    assert stages.add_document_version(p1, app_id, "PENAWARAN", "STUDI_KELAYAKAN", _pdf(p1, "sk2.pdf")) == 2
    view = stages.view(people["tkksd"], app_id, "PENAWARAN")
    studi = next(d for d in view.documents if d.kind == "STUDI_KELAYAKAN")
    assert [x.number for x in studi.versions] == [2, 1] and studi.versions[0].current  # both versions stay
    assert view.version == v + 1
    # The admin's approval was on the old version: the stage still waits on the admin.
    assert any("Admin" in w for w in view.waiting)
    assert _status(app_id) == "PENAWARAN"


def test_all_required_approvals_on_the_same_version_open_the_next_stage(people: dict, app_id: int) -> None:
    _upload_all(people, app_id, "PENAWARAN")
    v = _version(app_id, "PENAWARAN")
    assert stages.decide(people["tkksd"], app_id, "PENAWARAN", "SETUJU", v) == "PENAWARAN"
    assert stages.decide(people["admin"], app_id, "PENAWARAN", "SETUJU", v) == "KESEPAKATAN_BERSAMA"
    with session_scope() as s:
        assert stages.round_of(s, app_id, "PENAWARAN").status == "DISETUJUI"
        assert stages.round_of(s, app_id, "KESEPAKATAN_BERSAMA").status == "TERBUKA"
    _upload_all(people, app_id, "KESEPAKATAN_BERSAMA")
    v = _version(app_id, "KESEPAKATAN_BERSAMA")
    stages.decide(people["admin"], app_id, "KESEPAKATAN_BERSAMA", "SETUJU", v)
    stages.decide(people["tkksd"], app_id, "KESEPAKATAN_BERSAMA", "SETUJU", v)
    _upload_all(people, app_id, "PERJANJIAN_KERJA_SAMA")
    v = _version(app_id, "PERJANJIAN_KERJA_SAMA")
    stages.decide(people["tkksd"], app_id, "PERJANJIAN_KERJA_SAMA", "SETUJU", v)
    assert stages.decide(people["admin"], app_id, "PERJANJIAN_KERJA_SAMA", "SETUJU", v) == "PENJADWALAN"


def test_revision_request_blocks_the_stage_until_a_new_version(people: dict, app_id: int) -> None:
    _upload_all(people, app_id, "PENAWARAN")
    v = _version(app_id, "PENAWARAN")
    with pytest.raises(ServiceError, match="dokumen yang perlu direvisi"):
        stages.decide(people["tkksd"], app_id, "PENAWARAN", "REVISI", v, note="")
    stages.decide(people["tkksd"], app_id, "PENAWARAN", "REVISI", v, note="Lengkapi analisis biaya.",
                  document_kind="STUDI_KELAYAKAN")
    stages.decide(people["admin"], app_id, "PENAWARAN", "SETUJU", v)
    assert _status(app_id) == "PENAWARAN"  # a revision request on this version blocks approval
    assert stages.view(people["pemohon1"], app_id, "PENAWARAN").waiting[0].startswith("Pemohon (unggah revisi)")


def test_decision_on_an_old_version_is_refused(people: dict, app_id: int) -> None:
    _upload_all(people, app_id, "PENAWARAN")
    old = _version(app_id, "PENAWARAN")
    p1 = people["pemohon1"]
    stages.add_document_version(p1, app_id, "PENAWARAN", "SURAT_PENAWARAN", _pdf(p1, "surat2.pdf"))
    with pytest.raises(ServiceError, match="Versi dokumen sudah berubah"):
        stages.decide(people["admin"], app_id, "PENAWARAN", "SETUJU", old)
    with session_scope() as s:
        assert s.exec(select(StageDecision).where(StageDecision.application_id == app_id)).all() == []


def test_a_second_decision_on_the_same_version_is_refused(people: dict, app_id: int) -> None:
    _upload_all(people, app_id, "PENAWARAN")
    v = _version(app_id, "PENAWARAN")
    stages.decide(people["tkksd"], app_id, "PENAWARAN", "SETUJU", v)
    with pytest.raises(ServiceError, match="sudah memberi keputusan"):
        stages.decide(people["tkksd"], app_id, "PENAWARAN", "REVISI", v, note="x", document_kind="SURAT_PENAWARAN")


def test_racing_decisions_by_the_same_person_count_once(people: dict, app_id: int) -> None:
    """Two tabs of the same approver press "Setujui" at once: one decision is recorded."""
    _upload_all(people, app_id, "PENAWARAN")
    v = _version(app_id, "PENAWARAN")
    barrier, results = threading.Barrier(2), []

    def press() -> None:
        barrier.wait()
        try:
            stages.decide(people["tkksd"], app_id, "PENAWARAN", "SETUJU", v)
            results.append("ok")
        except ServiceError as exc:
            results.append(exc.message)

    threads = [threading.Thread(target=press) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert sorted(results) == sorted(["ok", stages.ALREADY_DECIDED])
    with session_scope() as s:
        rows = s.exec(select(StageDecision).where(StageDecision.application_id == app_id)).all()
    assert len(rows) == 1


def test_who_may_act(people: dict, app_id: int) -> None:
    _upload_all(people, app_id, "PENAWARAN")
    v = _version(app_id, "PENAWARAN")
    # An unassigned TKKSD member, another institution's applicant: not even visible.
    for outsider in (people["protokol"], people["pemohon3"]):
        with pytest.raises(NotFound):
            stages.view(outsider, app_id, "PENAWARAN")
        with pytest.raises(NotFound):
            stages.decide(outsider, app_id, "PENAWARAN", "SETUJU", v)
        with pytest.raises(NotFound):
            chat.send(outsider, app_id, "PENAWARAN", "Halo")
        with pytest.raises(NotFound):
            chat.thread(outsider, app_id, "PENAWARAN")
    # The applicant cannot decide; TKKSD cannot reject; TKKSD and admin cannot upload.
    with pytest.raises(NotFound):
        stages.decide(people["pemohon1"], app_id, "PENAWARAN", "SETUJU", v)
    with pytest.raises(ServiceError, match="Hanya admin"):
        stages.decide(people["tkksd"], app_id, "PENAWARAN", "TOLAK", v, note="x")
    for staff in (people["tkksd"], people["admin"]):
        fid = _pdf(staff, "staf.pdf")
        with pytest.raises(NotFound):
            stages.add_document_version(staff, app_id, "PENAWARAN", "SURAT_PENAWARAN", fid)
    # Uploading someone else's stored file is refused.
    foreign = _pdf(people["pemohon3"], "asing.pdf")
    with pytest.raises(NotFound):
        stages.add_document_version(people["pemohon1"], app_id, "PENAWARAN", "SURAT_PENAWARAN", foreign)
    with session_scope() as s:
        refused = s.exec(select(AuditLog).where(AuditLog.action == "AKSES_DITOLAK",
                                                AuditLog.target_id == str(app_id))).all()
    assert len(refused) >= 6


def test_admin_rejects_inside_a_stage(people: dict, app_id: int) -> None:
    _upload_all(people, app_id, "PENAWARAN")
    v = _version(app_id, "PENAWARAN")
    assert stages.decide(people["admin"], app_id, "PENAWARAN", "TOLAK", v, note="Tidak sesuai RPJMD.") == "DITOLAK"
    with pytest.raises(ServiceError):
        chat.send(people["pemohon1"], app_id, "PENAWARAN", "Mohon dipertimbangkan lagi")


def test_skip_kb_with_a_reason(people: dict, app_id: int) -> None:
    _upload_all(people, app_id, "PENAWARAN")
    v = _version(app_id, "PENAWARAN")
    stages.decide(people["admin"], app_id, "PENAWARAN", "SETUJU", v)
    stages.decide(people["tkksd"], app_id, "PENAWARAN", "SETUJU", v)
    with pytest.raises(ServiceError, match="alasan"):
        stages.skip_stage(people["admin"], app_id, "KESEPAKATAN_BERSAMA", "  ")
    with pytest.raises(ServiceError):
        stages.skip_stage(people["tkksd"], app_id, "KESEPAKATAN_BERSAMA", "Sinergi")
    assert stages.skip_stage(people["admin"], app_id, "KESEPAKATAN_BERSAMA",
                             "Sinergi dengan kementerian memakai Nota Kesepakatan.") == "PERJANJIAN_KERJA_SAMA"
    view = stages.view(people["pemohon1"], app_id, "KESEPAKATAN_BERSAMA")
    assert view.round_status == "DILEWATI" and "Nota Kesepakatan" in view.skip_reason


def test_chat_is_append_only_and_counts_unread(people: dict, app_id: int) -> None:
    p1, tk = people["pemohon1"], people["tkksd"]
    first = chat.send(p1, app_id, "PENAWARAN", "Dokumen akan kami unggah besok.")
    assert chat.unread(tk, app_id)["PENAWARAN"] == 1
    fid = _pdf(tk, "catatan TKKSD.pdf")
    chat.send(tk, app_id, "PENAWARAN", "Baik, ini catatan kami.", fid)
    msgs = chat.thread(p1, app_id, "PENAWARAN")
    assert [m.body for m in msgs] == ["Dokumen akan kami unggah besok.", "Baik, ini catatan kami."]
    assert msgs[1].file_name == "catatan TKKSD.pdf" and msgs[1].role == "Anggota TKKSD"
    assert chat.unread(p1, app_id)["PENAWARAN"] == 1
    chat.mark_read(p1, app_id, "PENAWARAN", msgs[-1].id)
    assert chat.unread(p1, app_id)["PENAWARAN"] == 0
    with pytest.raises(ServiceError):
        chat.send(p1, app_id, "PENAWARAN", "   ")
    with pytest.raises(ServiceError):
        chat.send(p1, app_id, "PENAWARAN", "x" * (chat.MAX_MESSAGE + 1))
    assert not hasattr(chat, "edit") and not hasattr(chat, "delete")
    assert first < msgs[1].id


def test_waiting_list_and_reminders_once_per_threshold(people: dict, app_id: int) -> None:
    _upload_all(people, app_id, "PENAWARAN")
    tk = people["tkksd"]
    assert any(p.app_id == app_id for p in stages.waiting_for(tk))
    assert any(p.app_id == app_id for p in stages.waiting_for(people["admin"]))
    assert not any(p.app_id == app_id for p in stages.waiting_for(people["protokol"]))  # not assigned
    with session_scope() as s:  # the current version has waited three weeks
        rnd = stages.round_of(s, app_id, "PENAWARAN")
        rnd.waiting_since = rnd.waiting_since - timedelta(days=21)
        s.add(rnd)
    assert any(r.app_id == app_id for r in stages.stalled(people["admin"]))
    stages.send_reminders()
    again = stages.send_reminders()
    with session_scope() as s:
        rows = s.exec(select(StageReminder).where(StageReminder.application_id == app_id,
                                                  StageReminder.user_id == tk.id)).all()
    assert len(rows) == 1 and rows[0].threshold == 15  # 15 working days in three weeks, one reminder
    assert again == 0  # a second run sends nothing


def test_stage_page_of_a_draft_or_of_a_stranger_is_refused(people: dict) -> None:
    p1 = people["pemohon1"]
    draft = apps.start_draft(p1)
    with pytest.raises(ServiceError):
        stages.view(p1, draft, "BUKAN_TAHAP")
    with session_scope() as s:
        assert s.exec(select(StageRound).where(StageRound.application_id == draft)).all() == []
