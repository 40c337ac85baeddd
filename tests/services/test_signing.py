"""Penjadwalan and Penandatanganan through the services, refusals included."""

from datetime import timedelta

import pytest
from sqlmodel import select

from sikerja_app.config import get_settings
from sikerja_app.db import session_scope
from sikerja_app.domain.dates import to_local, utcnow
from sikerja_app.models import Agreement, Application, SigningProposal
from sikerja_app.services import applications as apps
from sikerja_app.services import registry, review, signing, stages
from sikerja_app.services.errors import Forbidden, NotFound, ServiceError
from sikerja_app.services.files import receive_upload
from sikerja_app.services.seed import demo_user, fill_application, sample_applications

pytestmark = pytest.mark.usefixtures("db")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture()
def people() -> dict:
    return {k: demo_user(k) for k in ("pemohon1", "pemohon2", "pemohon3", "admin", "tkksd", "protokol", "opd")}


def _future(days: int = 10) -> str:
    return (to_local(utcnow(), get_settings().timezone).date() + timedelta(days=days)).isoformat()


@pytest.fixture()
def app_id(people: dict) -> int:
    """A fresh application of pemohon1 that went through all three stages: PENJADWALAN."""
    p1, admin, tk = people["pemohon1"], people["admin"], people["tkksd"]
    aid = apps.start_draft(p1)
    fill_application(p1, aid, sample_applications()[0], ["DISKOMINFO"])
    apps.submit(p1, aid, True, "127.0.0.1")
    review.approve(admin, aid, [tk.id], "127.0.0.1")
    for stage, kinds in (("PENAWARAN", ["SURAT_PENAWARAN", "STUDI_KELAYAKAN"]),
                         ("KESEPAKATAN_BERSAMA", ["RANCANGAN_KB"]), ("PERJANJIAN_KERJA_SAMA", ["RANCANGAN_PKS"])):
        for kind in kinds:
            fid = receive_upload(p1, f"{kind}.pdf", [PDF + kind.encode()]).id
            stages.add_document_version(p1, aid, stage, kind, fid)
        with session_scope() as s:
            v = stages.round_of(s, aid, stage).version
        stages.decide(tk, aid, stage, "SETUJU", v)
        stages.decide(admin, aid, stage, "SETUJU", v)
    return aid


def _status(aid: int) -> str:
    with session_scope() as s:
        return s.get(Application, aid).status


def test_face_to_face_with_a_protokol_revision_then_accepted(people: dict, app_id: int) -> None:
    p1, prot = people["pemohon1"], people["protokol"]
    assert _status(app_id) == "PENJADWALAN"
    signing.choose_method(p1, app_id, "TATAP_MUKA")
    first = signing.propose(p1, app_id, _future(10), "09:30", "Ruang Rapat Wali Kota")
    with pytest.raises(ServiceError, match="masih menunggu jawaban"):
        signing.propose(p1, app_id, _future(11), "10:00", "Balai Kota")  # another proposal is open
    revised = signing.propose(prot, app_id, _future(12), "14:00", "Pendopo Balai Kota", "Wali Kota ada acara pagi")
    with session_scope() as s:
        assert s.get(SigningProposal, first).status == "DIREVISI"
    v = signing.view(p1, app_id)
    assert v.may_answer and v.open_side == "PROTOKOL" and v.may_propose  # accept or counter-propose
    signing.respond(p1, app_id, revised, "TERIMA")
    assert _status(app_id) == "PENANDATANGANAN"
    name, body = signing.ics(p1, app_id)
    text = body.decode()
    assert name.endswith(".ics") and "TZID=Asia/Makassar" in text and "T140000" in text and "BEGIN:VTIMEZONE" in text
    assert "Pendopo Balai Kota" in text


def test_protokol_switches_to_desk_to_desk_and_the_applicant_can_no_longer_respond(people: dict,
                                                                                    app_id: int) -> None:
    p1, prot = people["pemohon1"], people["protokol"]
    signing.choose_method(p1, app_id, "TATAP_MUKA")
    pid = signing.propose(p1, app_id, _future(5), "10:00", "Balai Kota")
    with pytest.raises(ServiceError, match="alasan"):
        signing.respond(prot, app_id, pid, "ALIHKAN", "")
    signing.respond(prot, app_id, pid, "ALIHKAN", "Jadwal pimpinan penuh sampai akhir tahun.")
    assert _status(app_id) == "PENANDATANGANAN"
    v = signing.view(p1, app_id)
    assert v.switched and v.method == "MEJA" and not v.may_answer and not v.may_propose and not v.may_choose
    with pytest.raises(ServiceError):
        signing.propose(p1, app_id, _future(6), "10:00", "Balai Kota")
    with pytest.raises(ServiceError):
        signing.respond(p1, app_id, pid, "TERIMA")


def test_bad_proposals_are_refused(people: dict, app_id: int) -> None:
    p1 = people["pemohon1"]
    signing.choose_method(p1, app_id, "TATAP_MUKA")
    past = (to_local(utcnow(), get_settings().timezone).date() - timedelta(days=1)).isoformat()
    for day, at, place, field in ((past, "09:00", "Balai Kota", "tanggal"), ("2027-02-30", "09:00", "Balai Kota",
                                  "tanggal"), (_future(3), "25:00", "Balai Kota", "jam"), (_future(3), "09:00", " ",
                                                                                          "tempat")):
        with pytest.raises(ServiceError) as exc:
            signing.propose(p1, app_id, day, at, place)
        assert field in exc.value.errors
    with session_scope() as s:
        assert s.exec(select(SigningProposal).where(SigningProposal.application_id == app_id)).all() == []


def test_only_the_right_people_act(people: dict, app_id: int) -> None:
    p1, p3, tk, prot = people["pemohon1"], people["pemohon3"], people["tkksd"], people["protokol"]
    with pytest.raises(NotFound):
        signing.choose_method(p3, app_id, "MEJA")
    with pytest.raises(NotFound):
        signing.choose_method(tk, app_id, "MEJA")  # a TKKSD member who is not the applicant
    signing.choose_method(p1, app_id, "TATAP_MUKA")
    pid = signing.propose(p1, app_id, _future(4), "09:00", "Balai Kota")
    with pytest.raises(NotFound):
        signing.respond(tk, app_id, pid, "TERIMA")  # only the Protokol answers the applicant
    with pytest.raises(NotFound):
        signing.respond(p1, app_id, pid, "TERIMA")  # nor the applicant their own proposal
    signing.respond(prot, app_id, pid, "TERIMA")
    with pytest.raises(ServiceError):
        signing.respond(prot, app_id, pid, "TERIMA")  # answered already


def test_signed_copy_validation_and_the_signing_record(people: dict, app_id: int) -> None:
    p1, admin, p3 = people["pemohon1"], people["admin"], people["pemohon3"]
    signing.choose_method(p1, app_id, "MEJA")
    assert _status(app_id) == "PENANDATANGANAN"
    f1 = receive_upload(p1, "naskah ttd.pdf", [PDF + b"1"]).id
    with pytest.raises(ServiceError, match="paraf, meterai dan stempel"):
        signing.upload_signed_copy(p1, app_id, f1, True, True, False)
    signing.upload_signed_copy(p1, app_id, f1, True, True, True)
    copy_id = signing.view(admin, app_id).pending_copy_id
    with pytest.raises(ServiceError, match="alasan"):
        signing.review_signed_copy(admin, app_id, copy_id, False, "")
    signing.review_signed_copy(admin, app_id, copy_id, False, "Meterai belum ditempel pada halaman terakhir.")
    f2 = receive_upload(p1, "naskah ttd 2.pdf", [PDF + b"2"]).id
    signing.upload_signed_copy(p1, app_id, f2, True, True, True)
    assert [c.status for c in signing.view(p1, app_id).copies] == ["DIKEMBALIKAN", "MENUNGGU"]  # history kept
    signing.review_signed_copy(admin, app_id, signing.view(admin, app_id).pending_copy_id, True)
    scan = receive_upload(admin, "PKS bertanda tangan.pdf", [PDF + b"scan"]).id
    today = to_local(utcnow(), get_settings().timezone).date()
    rec = signing.SigningRecord(
        nomor_daerah="100.3.4/12/KS", nomor_mitra="UCN/045/2026", tanggal_ttd=today.isoformat(),
        berlaku_mulai=today.isoformat(), berlaku_sampai=(today + timedelta(days=7 * 365)).isoformat(),
        opd_id=1, file_ids=[scan])
    with pytest.raises(ServiceError) as exc:
        signing.record_signing(admin, app_id, rec)  # more than five years: asks for confirmation
    assert "berlaku_sampai" in exc.value.errors
    with pytest.raises(ServiceError):
        signing.record_signing(p3, app_id, rec)
    rec.confirm_long = True
    rid = signing.record_signing(admin, app_id, rec)
    assert _status(app_id) == "PELAKSANAAN"
    v = registry.view(p1, rid)
    assert v.status == "BERLAKU" and any(name == "PKS bertanda tangan.pdf" for _, name, _ in v.documents)
    assert v.may_renew and not v.may_revoke
    with pytest.raises(NotFound):
        registry.view(p3, rid)
    rows, total = registry.search(admin, registry.RegisterFilter(q="UCN/045"))
    assert total == 1 and rows[0].id == rid
    with pytest.raises(Forbidden):
        registry.search(p1, registry.RegisterFilter())
    with pytest.raises(Forbidden):
        registry.revoke(p1, rid, "x")
    registry.revoke(admin, rid, "Mitra tidak melaksanakan kewajiban.")
    assert _status(app_id) == "DICABUT"
    with session_scope() as s:
        assert s.get(Agreement, rid).status == "DICABUT"


def test_renewal_starts_a_linked_prefilled_draft(people: dict, app_id: int) -> None:
    p1, admin = people["pemohon1"], people["admin"]
    signing.choose_method(p1, app_id, "MEJA")
    signing.upload_signed_copy(p1, app_id, receive_upload(p1, "ttd.pdf", [PDF + b"r"]).id, True, True, True)
    signing.review_signed_copy(admin, app_id, signing.view(admin, app_id).pending_copy_id, True)
    today = to_local(utcnow(), get_settings().timezone).date()
    rid = signing.record_signing(admin, app_id, signing.SigningRecord(
        nomor_daerah="A/1", nomor_mitra="B/1", tanggal_ttd=today.isoformat(), berlaku_mulai=today.isoformat(),
        berlaku_sampai=(today + timedelta(days=365)).isoformat(), opd_id=1,
        file_ids=[receive_upload(admin, "scan.pdf", [PDF + b"s"]).id]))
    new_id = registry.start_renewal(p1, rid)
    draft = apps.get_draft(p1, new_id)
    with session_scope() as s:
        assert s.get(Application, new_id).renewal_of_id == app_id
    assert draft.judul.startswith("Perpanjangan:") and draft.texts["manfaat"] and draft.opd_ids
    with pytest.raises(NotFound):
        registry.start_renewal(people["pemohon3"], rid)
    registry.add_addendum(admin, rid, today.isoformat(), "Penambahan lokasi pelatihan di Kecamatan Palaran.", None)
    assert registry.view(p1, rid).addenda[0][1].startswith("Penambahan lokasi")


def test_manual_entry_is_validated_and_joins_the_register(people: dict) -> None:
    admin = people["admin"]
    bad = registry.ManualEntry(judul="", mitra_jenis_kode="X", mitra_kabkota_kode="99.99", urusan_kode="?",
                               tanggal_ttd="31-02-2020", berlaku_mulai="2020-01-01", berlaku_sampai="2019-01-01")
    with pytest.raises(ServiceError) as exc:
        registry.create_manual(admin, bad)
    assert {"judul", "mitra_jenis_kode", "mitra_kabkota_kode", "urusan_kode", "tanggal_ttd", "berlaku_sampai",
            "nomor_daerah"} <= set(exc.value.errors)
    good = registry.ManualEntry(
        judul="Kerja Sama Penanganan Banjir", bentuk="KB", mitra_nama="Kabupaten Kutai Kartanegara",
        mitra_jenis_kode="PD_LAIN", mitra_kabkota_kode="64.02", urusan_kode="1.05", nomor_daerah="180/77/KS",
        nomor_mitra="415/12", tanggal_ttd="2020-03-01", berlaku_mulai="2020-03-01", berlaku_sampai="2023-03-01")
    rid = registry.create_manual(admin, good)
    v = registry.view(admin, rid)
    assert v.status == "BERAKHIR" and ("Sumber data", "Dicatat admin") in v.fields
    with pytest.raises(Forbidden):
        registry.create_manual(people["tkksd"], good)
