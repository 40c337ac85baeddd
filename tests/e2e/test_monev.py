"""Monev in real Chromium: the applicant on a 390px phone files a report with an evidence PDF, the
admin on a desktop scores it, the applicant sees the result, and the OPD pelaksana files its own.

The agreement is arranged directly in the server's database (the signing flow creates real ones).
"""

import re
import uuid
from pathlib import Path

from playwright.sync_api import Page, expect

from .conftest import NEW_APPLICATION_IN_PENAWARAN, Shots, login, new_context, run_in_server_db, wait_hydrated
from .test_layout import _SMALL_TARGETS

AGREEMENT = """
from sqlmodel import select
from sikerja_app.db import session_scope
from sikerja_app.domain.monev import add_months
from sikerja_app.models import Agreement, Application, Opd
from sikerja_app.services.monev import today
start = add_months(today(), -7)  # period 1 is overdue, period 2 is open
with session_scope() as s:
    app = s.get(Application, aid)
    app.status = 'PELAKSANAAN'
    s.add(app)
    opd = s.exec(select(Opd).where(Opd.singkatan == 'DISKOMINFO')).one()
    ag = Agreement(application_id=aid, judul=app.judul, mitra_nama='Universitas Contoh Nusantara',
                   mitra_jenis_kode='PERGURUAN_TINGGI', mitra_kabkota_kode='64.72', urusan_kode=app.urusan_kode,
                   opd_id=opd.id, nomor_daerah='000.1.2/045/KS-SMD', nomor_mitra='112/UCN/KS/2026',
                   tanggal_ttd=start, berlaku_mulai=start, berlaku_sampai=add_months(start, 36))
    s.add(ag)
    s.flush()
    print(ag.id)
"""

TEXT = {
    "progress": "Pelatihan tata kelola pusat data untuk 40 ASN selesai; audit awal ruang server dilakukan.",
    "outputs": "Modul pelatihan, 40 sertifikat, laporan audit ruang server, rancangan SOP pencadangan data.",
    "problems": "Jadwal narasumber bergeser dua minggu karena agenda rapat kerja daerah.",
    "follow_up": "Uji coba SOP pencadangan pada tiga OPD dan pelatihan tahap kedua.",
}


def _arrange(server) -> tuple[int, str]:  # noqa: ANN001
    suffix = uuid.uuid4().hex[:6]
    out = run_in_server_db(server, NEW_APPLICATION_IN_PENAWARAN.replace("{suffix}", suffix) + AGREEMENT)
    return int(out.splitlines()[-1]), f"Kerja Sama Pusat Data Kota {suffix}"


def _pdf(tmp: Path, name: str) -> Path:
    path = tmp / name
    path.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + name.encode())
    return path


def _no_sideways_scroll(page: Page) -> None:
    """Fits a 390px phone, and every control is a 44px thumb target (the hidden file input aside:
    its 44px label is what the thumb presses)."""
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    small = [t for t in page.evaluate(_SMALL_TARGETS) if not t.startswith("berkas-BUKTI:")]
    assert small == [], small


def _file_report(page: Page, evidence: Path, shots: Shots, who: str) -> None:
    """Open period 1, try to send it empty, then fill it, attach the evidence and send it."""
    page.click("#lapor-1")
    expect(page.locator("#form-laporan")).to_be_visible()
    page.click("#kirim-laporan")
    expect(page.locator("#galat-laporan-progress")).to_contain_text("Kemajuan pelaksanaan wajib diisi")
    expect(page.locator("#galat-bukti")).to_contain_text("Lampirkan sedikitnya satu berkas bukti")
    shots(page, f"{who}-laporan-kosong")
    for key, text in TEXT.items():
        page.fill(f"#laporan-{key}", text)
    page.wait_for_timeout(700)  # the text areas send after a short pause
    page.set_input_files("#berkas-BUKTI", str(evidence))
    expect(page.locator("#berkas-BUKTI-nama")).to_have_text(evidence.name)
    page.click("#unggah-bukti")
    expect(page.locator("#daftar-bukti")).to_contain_text(evidence.name)
    expect(page.locator("#galat-laporan-progress")).to_have_count(0)
    _no_sideways_scroll(page)
    shots(page, f"{who}-laporan-diisi")
    page.click("#kirim-laporan")
    expect(page.locator("#form-laporan")).to_have_count(0)


def fill_scores(admin: Page) -> None:
    """Every criterion, the overall score 4, recommendation Perluas and a note."""
    for i, key in enumerate(("KESESUAIAN_TUJUAN", "KETEPATAN_WAKTU", "KONTRIBUSI_MITRA", "KOORDINASI",
                             "CAPAIAN_INDIKATOR", "DAMPAK", "INOVASI_MANFAAT", "KELENGKAPAN_DOKUMEN",
                             "KETERATURAN_PELAPORAN", "RELEVANSI_KEBUTUHAN")):
        value = 4 if i % 3 == 0 else 3
        admin.click(f"label[for='nilai-{key}-{value}']")
        expect(admin.locator(f"#nilai-{key}-{value}")).to_be_checked()
    admin.click("label[for='nilai-keseluruhan-4']")
    admin.click("label[for='rekomendasi-PERLUAS']")
    expect(admin.locator("#rekomendasi-PERLUAS")).to_be_checked()
    admin.fill("#catatan-evaluasi", "Capaian pelatihan baik. Perluas uji coba SOP ke seluruh OPD.")
    admin.wait_for_timeout(600)


def test_monev_report_scored_and_seen(server, browser, tmp_path: Path) -> None:
    base = server.url
    rid, judul = _arrange(server)
    shots_a, shots_d, shots_o = Shots("monev-pemohon"), Shots("monev-admin"), Shots("monev-opd")

    # The applicant finds the agreement on the Pengajuan page of the phone.
    applicant = new_context(browser, "phone").new_page()
    login(applicant, base, "pemohon1@sikerja.test")
    card = applicant.locator(".kerja-sama-saya").filter(has_text=judul)
    expect(card).to_contain_text("Laporan periode 1 terlambat")
    shots_a(applicant, "kerja-sama-saya")
    card.click()
    applicant.wait_for_url(re.compile(rf".*/register/{rid}/monev/?$"))
    wait_hydrated(applicant)
    expect(applicant.locator("#judul-kerja-sama")).to_have_text(judul)
    expect(applicant.locator("#periode-1-PEMOHON")).to_contain_text("Terlambat")
    expect(applicant.locator("#periode-2-PEMOHON")).to_contain_text("Perlu dilaporkan")
    expect(applicant.locator("#periode-3-PEMOHON")).to_contain_text("Belum dibuka")
    expect(applicant.locator("#periode-1-OPD")).to_contain_text("Terlambat")
    _no_sideways_scroll(applicant)
    shots_a(applicant, "periode")
    evidence = _pdf(tmp_path, "Daftar hadir pelatihan.pdf")
    _file_report(applicant, evidence, shots_a, "pemohon")
    expect(applicant.locator("#periode-1-PEMOHON")).to_contain_text("Dilaporkan")
    report = applicant.locator(".laporan-PEMOHON-1")
    expect(report).to_contain_text("Menunggu penilaian")
    expect(report).to_contain_text(TEXT["outputs"])
    expect(report).to_contain_text(evidence.name)
    shots_a(applicant, "terkirim")

    # The admin finds the OPD's missing report among the overdue ones, then scores the applicant's.
    admin = new_context(browser, "desktop").new_page()
    login(admin, base, "admin@sikerja.test")
    admin.click("#tautan-monev-terlambat")
    admin.wait_for_url(re.compile(r".*/admin/monev/?$"))
    wait_hydrated(admin)
    late = admin.locator(".monev-terlambat").filter(has_text=judul)
    expect(late).to_have_count(1)  # the applicant's is filed; the OPD's is still missing
    expect(late).to_contain_text("OPD pelaksana · periode 1")
    shots_d(admin, "terlambat")
    late.click()
    admin.wait_for_url(re.compile(rf".*/register/{rid}/monev/?$"))
    wait_hydrated(admin)
    admin_report = admin.locator(".laporan-PEMOHON-1")
    link = admin_report.locator(".bukti-unduh")
    assert admin.request.get(base + link.get_attribute("href")).body() == evidence.read_bytes()
    admin_report.get_by_role("button", name="Nilai laporan ini").click()
    expect(admin.locator("#form-penilaian")).to_be_visible()
    admin.click("#simpan-penilaian")
    expect(admin.locator("#galat-penilaian")).to_be_visible()
    expect(admin.locator("#galat-nilai-DAMPAK")).to_contain_text("Beri nilai")
    shots_d(admin, "penilaian-kosong")
    fill_scores(admin)
    shots_d(admin, "penilaian-diisi")
    admin.click("#simpan-penilaian")
    expect(admin.locator("#form-penilaian")).to_have_count(0)
    expect(admin_report.locator(".hasil-evaluasi")).to_contain_text("Nilai 4 – Baik")
    expect(admin.locator("#periode-1-PEMOHON")).to_contain_text("Sudah dinilai")
    shots_d(admin, "dinilai")

    # The applicant is told and sees the result.
    applicant.goto(f"{base}/pemberitahuan")
    wait_hydrated(applicant)
    note = applicant.locator(".pemberitahuan").filter(has_text="Hasil evaluasi laporan monev periode 1")
    expect(note.first).to_contain_text("rekomendasi Perluas")
    applicant.goto(f"{base}/register/{rid}/monev")
    wait_hydrated(applicant)
    result = applicant.locator(".laporan-PEMOHON-1 .hasil-evaluasi")
    expect(result).to_contain_text("Nilai 4 – Baik")
    expect(result).to_contain_text("Rekomendasi: Perluas")
    expect(result).to_contain_text("Perluas uji coba SOP")
    result.locator("summary").click()
    expect(result).to_contain_text("Koordinasi para pihak")
    expect(applicant.locator("#form-penilaian")).to_have_count(0)
    expect(applicant.get_by_role("button", name="Nilai laporan ini")).to_have_count(0)
    _no_sideways_scroll(applicant)
    shots_a(applicant, "hasil")

    # The OPD pelaksana files the OPD's own report from its list on Pengajuan.
    opd = new_context(browser, "phone").new_page()
    login(opd, base, "opd@sikerja.test")
    expect(opd.locator("#kerja-sama-saya")).to_contain_text("Kerja sama OPD saya")
    opd_card = opd.locator(".kerja-sama-saya").filter(has_text=judul)
    expect(opd_card).to_contain_text("Laporan periode 1 terlambat")
    shots_o(opd, "kerja-sama-opd-saya")
    opd_card.click()
    opd.wait_for_url(re.compile(rf".*/register/{rid}/monev/?$"))
    wait_hydrated(opd)
    expect(opd.locator("#periode-1-PEMOHON")).to_contain_text("Sudah dinilai")  # status of the other side only
    expect(opd.locator(".laporan-PEMOHON-1")).to_have_count(0)
    expect(opd.get_by_text(TEXT["outputs"])).to_have_count(0)
    _file_report(opd, _pdf(tmp_path, "Foto kegiatan OPD.pdf"), shots_o, "opd")
    expect(opd.locator("#periode-1-OPD")).to_contain_text("Dilaporkan")
    expect(opd.locator(".laporan-OPD-1")).to_contain_text("Foto kegiatan OPD.pdf")
    shots_o(opd, "terkirim")

    # Nothing is overdue for this agreement any more.
    admin.goto(f"{base}/admin/monev")
    wait_hydrated(admin)
    expect(admin.locator(".monev-terlambat").filter(has_text=judul)).to_have_count(0)


def test_outsiders_get_nothing_from_the_monev_page(server, browser) -> None:
    rid, judul = _arrange(server)
    for who in ("pemohon3@sikerja.test", "tkksd@sikerja.test"):
        page = new_context(browser, "phone").new_page()
        login(page, server.url, who)
        page.goto(f"{server.url}/register/{rid}/monev")
        wait_hydrated(page)
        if who.startswith("pemohon3"):  # another institution: nothing at all
            expect(page.locator("#galat-muat")).to_contain_text("tidak ditemukan")
            expect(page.get_by_text(judul)).to_have_count(0)
        else:  # staff read the register but neither file nor score
            expect(page.locator("#judul-kerja-sama")).to_have_text(judul)
            expect(page.locator("#lapor-1")).to_have_count(0)
    anonymous = new_context(browser, "phone").new_page()
    anonymous.goto(f"{server.url}/register/{rid}/monev")
    anonymous.wait_for_url(re.compile(r".*/masuk/?\?lanjut=.*"))
