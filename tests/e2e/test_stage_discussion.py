"""Three people take one application through Penawaran, KB and PKS in real Chromium.

The applicant is on a 390px phone, the admin on a desktop, the TKKSD member on a phone.
Uploads, a revision request and a second version, chat seen live by the others,
approvals, the move to PENJADWALAN, notifications arriving.
"""

import re
import uuid
from pathlib import Path

from playwright.sync_api import Page, expect

from .conftest import NEW_APPLICATION_IN_PENAWARAN, Shots, login, new_context, run_in_server_db, wait_hydrated

LIVE = 3000  # ms: a message or decision must reach the others without a reload


def _pdf(tmp: Path, name: str) -> Path:
    path = tmp / name
    path.write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + name.encode())
    return path


def _upload(page: Page, kind: str, path: Path) -> None:
    page.set_input_files(f"#berkas-{kind}", str(path))
    expect(page.locator(f"#berkas-{kind}-nama")).to_have_text(path.name)
    page.click(f"#unggah-{kind}")


def _versions(page: Page, kind: str):  # noqa: ANN202
    return page.locator(f".dokumen-{kind}")


def _stage(page: Page, base: str, aid: int, stage: str) -> None:
    page.goto(f"{base}/pengajuan/{aid}/pembahasan?tahap={stage}")
    wait_hydrated(page)


def _approve(page: Page) -> None:
    page.click("#setujui-tahap")
    expect(page.get_by_text("Keputusan Anda atas versi ini sudah tercatat.")).to_be_visible()


def test_three_people_through_the_three_stages(server, browser, tmp_path: Path) -> None:
    base = server.url
    aid = int(run_in_server_db(server, NEW_APPLICATION_IN_PENAWARAN.replace("{suffix}", uuid.uuid4().hex[:6])))
    shots_a, shots_d, shots_t = Shots("pembahasan-pemohon"), Shots("pembahasan-admin"), Shots("pembahasan-tkksd")

    applicant = new_context(browser, "phone").new_page()
    login(applicant, base, "pemohon1@sikerja.test")
    admin = new_context(browser, "desktop").new_page()
    login(admin, base, "admin@sikerja.test")
    tkksd = new_context(browser, "phone").new_page()
    login(tkksd, base, "tkksd@sikerja.test")

    # Penawaran: the applicant uploads both documents from the phone.
    applicant.goto(f"{base}/pengajuan/{aid}")
    wait_hydrated(applicant)
    applicant.click("#buka-pembahasan")
    wait_hydrated(applicant)
    expect(applicant.locator("#judul-tahap")).to_have_text("Tahap Penawaran")
    expect(applicant.locator("#menunggu")).to_contain_text("Pemohon (unggah dokumen)")
    _upload(applicant, "SURAT_PENAWARAN", _pdf(tmp_path, "Surat Penawaran.pdf"))
    expect(_versions(applicant, "SURAT_PENAWARAN")).to_contain_text("Versi 1")
    _upload(applicant, "STUDI_KELAYAKAN", _pdf(tmp_path, "Studi Kelayakan v1.pdf"))
    expect(_versions(applicant, "STUDI_KELAYAKAN")).to_contain_text("Studi Kelayakan v1.pdf")
    shots_a(applicant, "penawaran-diunggah")

    # The TKKSD member finds it under "Perlu tindakan saya" and asks for a revision.
    tkksd.goto(f"{base}/pengajuan")
    wait_hydrated(tkksd)
    item = tkksd.locator(".perlu-tindakan").filter(has_text="Penawaran")
    expect(item.first).to_be_visible()
    shots_t(tkksd, "perlu-tindakan")
    _stage(tkksd, base, aid, "PENAWARAN")
    tkksd.click("#minta-revisi")  # no note, no document: refused beside the form
    expect(tkksd.locator("#galat-keputusan")).to_contain_text("Pilih dokumen yang perlu direvisi")
    tkksd.fill("#catatan-keputusan", "Tambahkan analisis biaya dan sumber pendanaan pada studi kelayakan.")
    tkksd.wait_for_timeout(500)
    tkksd.select_option("#dokumen-revisi", "STUDI_KELAYAKAN")
    tkksd.click("#minta-revisi")
    expect(tkksd.locator("#persetujuan")).to_contain_text("Minta revisi")
    shots_t(tkksd, "minta-revisi")

    # The applicant's open page shows it without a reload, then a second version goes up.
    expect(applicant.locator("#persetujuan")).to_contain_text("Tambahkan analisis biaya", timeout=LIVE)
    expect(applicant.locator("#menunggu")).to_contain_text("Pemohon (unggah revisi)")
    _upload(applicant, "STUDI_KELAYAKAN", _pdf(tmp_path, "Studi Kelayakan v2.pdf"))
    expect(_versions(applicant, "STUDI_KELAYAKAN")).to_contain_text("Versi 2")
    expect(_versions(applicant, "STUDI_KELAYAKAN")).to_contain_text("Studi Kelayakan v1.pdf")  # kept
    shots_a(applicant, "versi-2")

    # Chat: seen live by the others.
    applicant.fill("#pesan-baru", "Versi 2 studi kelayakan sudah memuat analisis biaya.")
    applicant.wait_for_timeout(400)
    applicant.click("#kirim-pesan")
    expect(tkksd.locator("#diskusi")).to_contain_text("Versi 2 studi kelayakan", timeout=LIVE)
    _stage(admin, base, aid, "PENAWARAN")
    expect(admin.locator("#diskusi")).to_contain_text("Versi 2 studi kelayakan")
    admin.fill("#pesan-baru", "Terima kasih, kami periksa hari ini.")
    admin.wait_for_timeout(400)
    admin.click("#kirim-pesan")
    expect(applicant.locator("#diskusi")).to_contain_text("kami periksa hari ini", timeout=LIVE)
    expect(tkksd.locator("#diskusi")).to_contain_text("Admin Bagian Kerja Sama", timeout=LIVE)
    shots_d(admin, "penawaran-diskusi")

    # Both approve version 2: the stage closes and Kesepakatan Bersama opens.
    expect(tkksd.locator("#panel-keputusan-tahap")).to_be_visible(timeout=LIVE)  # new version: may decide again
    _approve(tkksd)
    _approve(admin)
    expect(admin.locator("#tab-tahap-PENAWARAN")).to_contain_text("Disetujui")
    expect(applicant.locator("#tab-tahap-PENAWARAN")).to_contain_text("Disetujui", timeout=LIVE)
    shots_d(admin, "penawaran-disetujui")

    for stage, kind, label in (("KESEPAKATAN_BERSAMA", "RANCANGAN_KB", "Tahap Kesepakatan Bersama"),
                               ("PERJANJIAN_KERJA_SAMA", "RANCANGAN_PKS", "Tahap Perjanjian Kerja Sama")):
        _stage(applicant, base, aid, stage)
        expect(applicant.locator("#judul-tahap")).to_have_text(label)
        _upload(applicant, kind, _pdf(tmp_path, f"{kind}.pdf"))
        expect(_versions(applicant, kind)).to_contain_text("Versi 1")
        shots_a(applicant, f"{stage.lower()}-diunggah")
        _stage(tkksd, base, aid, stage)
        _approve(tkksd)
        _stage(admin, base, aid, stage)
        _approve(admin)
        shots_d(admin, f"{stage.lower()}-disetujui")

    # PKS approved by everyone: the application waits for the signing schedule.
    admin.goto(f"{base}/pengajuan/{aid}")
    wait_hydrated(admin)
    expect(admin.locator(".status-badge").first).to_have_text("Penjadwalan penandatanganan")
    applicant.goto(f"{base}/pemberitahuan")
    wait_hydrated(applicant)
    expect(applicant.locator(".pemberitahuan").filter(has_text="Minta revisi").first).to_be_visible()
    expect(applicant.locator(".pemberitahuan").filter(
        has_text=re.compile("Tahap Perjanjian Kerja Sama .* disetujui")).first).to_be_visible()
    shots_a(applicant, "pemberitahuan")


def test_hostile_and_unusual_uploads_in_the_browser(server, browser, tmp_path: Path) -> None:
    base = server.url
    aid = int(run_in_server_db(server, NEW_APPLICATION_IN_PENAWARAN.replace("{suffix}", uuid.uuid4().hex[:6])))
    shots = Shots("unggahan-aneh-ponsel")
    page = new_context(browser, "phone").new_page()
    login(page, base, "pemohon1@sikerja.test")
    _stage(page, base, aid, "PENAWARAN")
    exe = tmp_path / "surat.pdf"
    exe.write_bytes(b"\x7fELF\x02\x01\x01" + b"\x00" * 200)
    _upload(page, "SURAT_PENAWARAN", exe)
    expect(page.locator("#galat-tahap")).to_contain_text("Jenis berkas tidak diizinkan")
    expect(_versions(page, "SURAT_PENAWARAN")).to_contain_text("Belum diunggah.")
    shots(page, "exe-ditolak")
    wrong = tmp_path / "surat.docx"
    wrong.write_bytes(_pdf(tmp_path, "x.pdf").read_bytes())
    _upload(page, "SURAT_PENAWARAN", wrong)
    expect(page.locator("#galat-tahap")).to_contain_text("Ekstensi berkas tidak sesuai")
    arabic = _pdf(tmp_path, "اتفاقية التعاون.pdf")
    _upload(page, "SURAT_PENAWARAN", arabic)
    expect(_versions(page, "SURAT_PENAWARAN")).to_contain_text("اتفاقية التعاون.pdf")
    emoji = _pdf(tmp_path, "Studi 📄 Kelayakan.pdf")
    _upload(page, "STUDI_KELAYAKAN", emoji)
    expect(_versions(page, "STUDI_KELAYAKAN")).to_contain_text("Studi 📄 Kelayakan.pdf")
    shots(page, "nama-arab-dan-emoji")
    # The stored file downloads with its exact bytes, through the authorized route only.
    link = _versions(page, "SURAT_PENAWARAN").get_by_role("link", name="اتفاقية التعاون.pdf")
    href = link.get_attribute("href")
    body = page.request.get(base + href)
    assert body.status == 200 and body.body() == arabic.read_bytes()
    assert "filename*=UTF-8''" in body.headers["content-disposition"]
    anonymous = new_context(browser, "phone").new_page()
    assert anonymous.request.get(base + href).status == 404


def test_outsiders_get_nothing_from_the_stage_page(server, browser) -> None:
    aid = int(run_in_server_db(server, NEW_APPLICATION_IN_PENAWARAN.replace("{suffix}", uuid.uuid4().hex[:6])))
    for who in ("pemohon3@sikerja.test", "protokol@sikerja.test"):  # other institution; unassigned TKKSD
        page = new_context(browser, "phone").new_page()
        login(page, server.url, who)
        _stage(page, server.url, aid, "PENAWARAN")
        expect(page.locator("#galat-muat")).to_contain_text("tidak ditemukan")
        expect(page.locator("#diskusi")).to_have_count(0)
        expect(page.get_by_text("Kerja Sama Pusat Data Kota")).to_have_count(0)
    anonymous = new_context(browser, "phone").new_page()
    anonymous.goto(f"{server.url}/pengajuan/{aid}/pembahasan")
    anonymous.wait_for_url(re.compile(r".*/masuk/?\?lanjut=.*"))
