"""From PENJADWALAN to the register and monev, in real Chromium.

Path 1: a face-to-face proposal, a Protokol revision, the applicant's acceptance, the .ics,
the signed copy, the admin's signing record, the register, a monev report filed and scored.
Path 2: the Protokol switches to desk to desk; the applicant's respond controls are gone
and the server refuses them too.
"""

import re
import uuid
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import Page, expect

from .conftest import Shots, application_in_penjadwalan, login, new_context, run_in_server_db, wait_hydrated
from .test_monev import _file_report, _pdf, fill_scores


def _signing_page(page: Page, base: str, aid: int) -> None:
    page.goto(f"{base}/pengajuan/{aid}/penandatanganan")
    wait_hydrated(page)


def _propose(page: Page, day: date, at: str, place: str) -> None:
    page.fill("#ttd-tanggal", day.isoformat())
    page.fill("#ttd-jam", at)
    page.fill("#ttd-tempat", place)
    page.wait_for_timeout(600)
    page.click("#kirim-usulan")


def test_face_to_face_signing_to_register_and_monev(server, browser, tmp_path: Path) -> None:
    base = server.url
    aid = application_in_penjadwalan(server, uuid.uuid4().hex[:6])
    shots_a, shots_p, shots_d = Shots("ttd-pemohon"), Shots("ttd-protokol"), Shots("ttd-admin")
    in_ten = date.today() + timedelta(days=10)

    applicant = new_context(browser, "phone").new_page()
    login(applicant, base, "pemohon1@sikerja.test")
    applicant.goto(f"{base}/pengajuan/{aid}")
    wait_hydrated(applicant)
    applicant.click("#buka-penandatanganan")
    wait_hydrated(applicant)
    applicant.click("#pilih-tatap-muka")
    expect(applicant.locator("#cara-ttd")).to_contain_text("Tatap muka")
    _propose(applicant, date.today() - timedelta(days=1), "09:00", "Ruang Rapat Wali Kota")  # in the past
    expect(applicant.locator("#galat-ttd-tanggal")).to_contain_text("tidak boleh di masa lalu")
    _propose(applicant, in_ten, "09:00", "Ruang Rapat Wali Kota")
    expect(applicant.locator("#riwayat-usulan")).to_contain_text("Menunggu jawaban")
    shots_a(applicant, "usulan")

    protokol = new_context(browser, "phone").new_page()
    login(protokol, base, "protokol@sikerja.test")
    item = protokol.locator(".perlu-tindakan").filter(has_text="Usulan jadwal penandatanganan")
    expect(item.first).to_be_visible()
    shots_p(protokol, "perlu-tindakan")
    _signing_page(protokol, base, aid)
    expect(protokol.locator("#jawab-usulan")).to_be_visible()
    _propose(protokol, in_ten + timedelta(days=2), "14:00", "Pendopo Balai Kota")  # a revised schedule
    expect(protokol.locator("#riwayat-usulan")).to_contain_text("Diganti usulan baru")
    shots_p(protokol, "revisi")

    _signing_page(applicant, base, aid)
    expect(applicant.locator("#jawab-usulan")).to_contain_text("Protokol mengusulkan jadwal lain")
    applicant.click("#terima-jadwal")
    expect(applicant.locator("#jadwal-disepakati")).to_contain_text("Pendopo Balai Kota")
    shots_a(applicant, "disepakati")
    ics = applicant.request.get(base + applicant.locator("#unduh-ics").get_attribute("href"))
    text = ics.text()
    assert ics.status == 200 and "BEGIN:VEVENT" in text and "TZID=Asia/Makassar" in text
    assert f"{(in_ten + timedelta(days=2)).strftime('%Y%m%d')}T140000" in text and "Pendopo Balai Kota" in text

    # Penandatanganan: the applicant sends the signed copy with the declaration.
    applicant.set_input_files("#berkas-NASKAH", str(_pdf(tmp_path, "Naskah bertanda tangan.pdf")))
    applicant.click("#kirim-naskah")
    expect(applicant.locator("#galat-deklarasi")).to_contain_text("paraf, meterai dan stempel")
    for name in ("paraf", "meterai", "stempel"):
        applicant.click(f"#cek-{name}")
    applicant.set_input_files("#berkas-NASKAH", str(_pdf(tmp_path, "Naskah bertanda tangan.pdf")))
    applicant.click("#kirim-naskah")
    expect(applicant.locator("#naskah-ttd")).to_contain_text("Diperiksa")
    shots_a(applicant, "naskah-terkirim")

    admin = new_context(browser, "desktop").new_page()
    login(admin, base, "admin@sikerja.test")
    _signing_page(admin, base, aid)
    admin.click("#naskah-valid")
    expect(admin.locator("#naskah-ttd")).to_contain_text("Valid")
    today = date.today()
    admin.select_option("#ttd-bentuk", "PKS")
    admin.fill("#ttd-nomor_daerah", "000.1.2/077/KS-SMD")
    admin.fill("#ttd-nomor_mitra", "UCN/KS/031/2026")
    admin.fill("#ttd-tanggal_ttd", today.isoformat())
    admin.fill("#ttd-berlaku_mulai", today.isoformat())
    admin.fill("#ttd-berlaku_sampai", (today + timedelta(days=3 * 365)).isoformat())
    admin.select_option("#ttd-opd_id", label="Dinas Komunikasi dan Informatika (DISKOMINFO)")
    admin.wait_for_timeout(600)
    admin.click("#simpan-register")  # no scan uploaded yet: refused
    expect(admin.locator("#galat-berkas")).to_contain_text("Unggah pindaian")
    admin.set_input_files("#berkas-PINDAIAN", str(_pdf(tmp_path, "PKS bertanda tangan.pdf")))
    admin.click("#unggah-pindaian")
    expect(admin.get_by_text("PKS bertanda tangan.pdf")).to_be_visible()
    shots_d(admin, "catat-ttd")
    admin.click("#simpan-register")
    expect(admin.locator("#ke-register")).to_be_visible()
    admin.click("#ke-register")
    admin.wait_for_url(re.compile(r".*/register/\d+/?$"))
    wait_hydrated(admin)
    rid = int(admin.url.rstrip("/").split("/")[-1])
    expect(admin.locator("#status-register")).to_have_text("Berlaku")
    expect(admin.locator("main")).to_contain_text("000.1.2/077/KS-SMD")
    shots_d(admin, "register-detail")
    admin.goto(f"{base}/register")
    wait_hydrated(admin)
    admin.fill("#cari-register", "077/KS-SMD")
    expect(admin.locator(".baris-register")).to_have_count(1)
    shots_d(admin, "register")

    # Monev: the applicant files period 1, the admin scores it, the applicant sees the result.
    applicant.goto(f"{base}/register/{rid}/monev")
    wait_hydrated(applicant)
    _file_report(applicant, _pdf(tmp_path, "Laporan kegiatan.pdf"), shots_a, "pemohon")
    admin.goto(f"{base}/register/{rid}/monev")
    wait_hydrated(admin)
    report = admin.locator(".laporan-PEMOHON-1")
    report.get_by_role("button", name="Nilai laporan ini").click()
    fill_scores(admin)
    admin.click("#simpan-penilaian")
    expect(report.locator(".hasil-evaluasi")).to_contain_text("Nilai 4 – Baik")
    applicant.goto(f"{base}/register/{rid}/monev")
    wait_hydrated(applicant)
    expect(applicant.locator(".laporan-PEMOHON-1 .hasil-evaluasi")).to_contain_text("Rekomendasi: Perluas")
    shots_a(applicant, "monev-dinilai")


def test_protokol_switches_to_desk_to_desk(server, browser) -> None:
    base = server.url
    aid = application_in_penjadwalan(server, uuid.uuid4().hex[:6])
    applicant = new_context(browser, "phone").new_page()
    login(applicant, base, "pemohon1@sikerja.test")
    _signing_page(applicant, base, aid)
    applicant.click("#pilih-tatap-muka")
    _propose(applicant, date.today() + timedelta(days=5), "10:00", "Balai Kota")
    protokol = new_context(browser, "phone").new_page()
    login(protokol, base, "protokol@sikerja.test")
    _signing_page(protokol, base, aid)
    protokol.click("#alihkan-meja")  # no reason: refused
    expect(protokol.locator("#galat-ttd-catatan")).to_contain_text("alasan")
    protokol.fill("#ttd-catatan", "Jadwal pimpinan penuh; naskah diedarkan meja ke meja.")
    protokol.wait_for_timeout(600)
    protokol.click("#alihkan-meja")
    expect(protokol.locator("#dialihkan")).to_be_visible()
    _signing_page(applicant, base, aid)
    expect(applicant.locator("#dialihkan")).to_be_visible()
    expect(applicant.locator("#jawab-usulan")).to_have_count(0)
    expect(applicant.locator("#kirim-usulan")).to_have_count(0)
    expect(applicant.locator("#pilih-tatap-muka")).to_have_count(0)
    Shots("ttd-dialihkan")(applicant, "pemohon")
    # The server refuses a response sent anyway (as a hostile browser could).
    out = run_in_server_db(server, f"""
from sikerja_app.services import signing
from sikerja_app.services.errors import ServiceError
from sikerja_app.services.seed import demo_user
from sqlmodel import select
from sikerja_app.db import session_scope
from sikerja_app.models import SigningProposal
with session_scope() as s:
    pid = s.exec(select(SigningProposal.id).where(SigningProposal.application_id == {aid})).first()
for call in (lambda: signing.respond(demo_user('pemohon1'), {aid}, pid, 'TERIMA'),
             lambda: signing.propose(demo_user('pemohon1'), {aid}, '2099-01-01', '09:00', 'Balai Kota')):
    try:
        call()
        print('DITERIMA')
    except ServiceError as exc:
        print('DITOLAK', exc.message)
""")
    assert out.count("DITOLAK") == 2, out
