"""The main journey in real Chromium, on a desktop and on a 390px phone.

An applicant registers, completes biodata and instansi, goes through the wizard,
meets the errors, reloads mid-step-3, submits; the admin returns it; the applicant
fixes and resubmits; the admin approves and assigns a TKKSD member; the applicant
sees Penawaran; Lacak shows the same stage. Screenshots go to test-artifacts/.
"""

import json
import re
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from .conftest import Shots, login, new_context, wait_hydrated

SAMPLES = json.loads((Path(__file__).resolve().parents[2] / "sikerja_app/reference/samples/applications.json")
                     .read_text(encoding="utf-8"))
CODE_RE = re.compile(r"^KSD-\d{4}-[0-9A-Z]{4}-[0-9A-Z]{2}$")
PASSWORD = "Rahasia-Uji-2026"


def _fill_debounced(page: Page, selector: str, value: str) -> None:
    page.fill(selector, value)
    page.wait_for_timeout(700)  # the inputs send after a short pause in typing


def _register(page: Page, base: str, email: str, shots: Shots) -> None:
    page.goto(f"{base}/daftar")
    wait_hydrated(page)
    page.fill("#daftar-nama", "Dra. Uji Coba Pemohon, M.Si.")
    page.fill("#daftar-email", email)
    page.fill("#daftar-kata_sandi", "pendek")
    page.fill("#daftar-ulangi", "pendek")
    page.click("#kirim-daftar")
    wait_hydrated(page)
    expect(page.locator("#galat-daftar-kata_sandi")).to_contain_text("Kata sandi paling sedikit 10 karakter")
    expect(page.locator("#daftar-email")).to_have_value(email)  # what was typed is kept
    shots(page, "daftar-galat")
    page.fill("#daftar-kata_sandi", PASSWORD)
    page.fill("#daftar-ulangi", PASSWORD)
    page.click("#kirim-daftar")
    page.wait_for_url(re.compile(r".*/pengaturan/?\?baru=1"))
    wait_hydrated(page)


def _biodata(page: Page, shots: Shots) -> None:
    _fill_debounced(page, "#bio-nik", "12345")
    page.select_option("#bio-jenis_kelamin", "P")
    page.click("#simpan-biodata")
    expect(page.locator("#galat-bio-nik")).to_have_text("NIK harus terdiri dari 16 angka.")
    expect(page.locator("#ringkasan-galat")).to_contain_text("Jabatan wajib diisi.")
    shots(page, "biodata-galat")
    _fill_debounced(page, "#bio-nik", "6472016203880009")
    page.fill("#bio-telepon", "0812 5555 1234")
    page.select_option("#bio-kabkota_kode", "64.72")
    page.fill("#bio-alamat", "Jl. Juanda No. 7, Samarinda")
    page.fill("#bio-unit_kerja", "Kantor Urusan Internasional")
    _fill_debounced(page, "#bio-jabatan", "Kepala Kantor")
    page.click("#bio-is_asn")  # not a civil servant: staff number becomes optional
    page.wait_for_timeout(500)
    page.click("#simpan-biodata")
    expect(page.get_by_text("Biodata tersimpan.").first).to_be_visible()
    expect(page.locator("#galat-bio-nik")).to_have_count(0)
    shots(page, "biodata-tersimpan")


def _instansi(page: Page, shots: Shots, nama: str) -> None:
    page.click("#tab-instansi")
    inst = SAMPLES[0]["instansi"]
    page.fill("#inst-nama", nama)
    page.select_option("#inst-jenis_kode", "PERGURUAN_TINGGI")
    page.select_option("#inst-kabkota_kode", inst["kabupaten_kota_kode"])
    page.fill("#inst-kode_pos", "0511")
    page.fill("#inst-alamat", inst["alamat"])
    page.fill("#inst-telepon", inst["telepon"])
    _fill_debounced(page, "#inst-email", "kerjasama@uji-coba.ac.id")
    page.click("#simpan-instansi")
    expect(page.locator("#galat-inst-kode_pos")).to_have_text("Kode pos harus 5 angka dan tidak diawali 0.")
    shots(page, "instansi-galat")
    _fill_debounced(page, "#inst-kode_pos", inst["kode_pos"])
    page.click("#simpan-instansi")
    expect(page.get_by_text("Data instansi tersimpan.").first).to_be_visible()
    shots(page, "instansi-tersimpan")


def _wizard_steps_1_2(page: Page, shots: Shots, judul: str) -> None:
    page.click("#lanjut")
    expect(page.locator("#galat-judul")).to_have_text("Judul kerja sama wajib diisi.")
    expect(page.locator("#galat-urusan")).to_have_text("Pilih urusan pemerintahan.")
    shots(page, "langkah1-galat")
    _fill_debounced(page, "#judul", judul)
    page.select_option("#urusan", SAMPLES[0]["urusan_kode"])
    page.wait_for_timeout(500)
    expect(page.locator("#bidang-judul")).not_to_have_class(re.compile("field-invalid"))
    shots(page, "langkah1")
    page.click("#lanjut")
    expect(page.locator("#judul-langkah")).to_have_text("Langkah 2 dari 3: Petugas")
    expect(page.get_by_text("6472016203880009")).to_be_visible()  # PPKSD-1 prefilled from the biodata
    shots(page, "langkah2")
    page.click("#lanjut")
    expect(page.locator("#judul-langkah")).to_have_text("Langkah 3 dari 3: Persiapan")


def _wizard_step3_with_errors(page: Page, shots: Shots) -> None:
    texts = SAMPLES[0]["persiapan"]
    page.fill("#cari-opd", "Komunikasi")
    page.wait_for_timeout(500)
    page.get_by_text("Dinas Komunikasi dan Informatika (DISKOMINFO)").first.click()
    expect(page.locator(".opd-terpilih")).to_have_count(1)
    too_long = " ".join(["kata"] * 301)
    page.fill("#latar_belakang", too_long)
    for key, value in texts.items():
        if key not in ("latar_belakang", "pembiayaan"):
            page.fill(f"#{key}", value)
    page.wait_for_timeout(900)
    expect(page.locator("#hitung-latar_belakang")).to_have_text("301 / 300 kata")
    expect(page.locator("#galat-latar_belakang")).to_have_text(
        "Latar belakang berisi 301 kata, melebihi batas 300 kata.")
    page.click("#ajukan")  # no pakta, one field over its limit, one empty
    expect(page.locator("#galat-pembiayaan")).to_have_text("Pembiayaan wajib diisi.")
    expect(page.locator("#galat-pakta")).to_have_text("Anda harus menyetujui pakta integritas.")
    expect(page.locator("#ringkasan-galat")).to_contain_text("Latar belakang berisi 301 kata")
    shots(page, "langkah3-galat")
    # A reload mid-step-3 loses nothing: the draft was saved as the user typed.
    page.reload()
    wait_hydrated(page)
    expect(page.locator("#judul-langkah")).to_have_text("Langkah 3 dari 3: Persiapan")
    expect(page.locator("#maksud_tujuan")).to_have_value(texts["maksud_tujuan"])
    expect(page.locator("#latar_belakang")).to_have_value(too_long)
    expect(page.locator(".opd-terpilih")).to_have_count(1)
    shots(page, "langkah3-setelah-muat-ulang")
    page.fill("#latar_belakang", texts["latar_belakang"])
    page.fill("#pembiayaan", texts["pembiayaan"])
    page.wait_for_timeout(900)


def _submit(page: Page, shots: Shots, double_click: bool = False) -> str:
    page.click("#pakta")
    page.wait_for_timeout(300)
    page.dblclick("#ajukan") if double_click else page.click("#ajukan")
    page.wait_for_url(re.compile(r".*/tanda-terima/?$"))
    wait_hydrated(page)
    expect(page.locator("#kode-registrasi")).to_have_text(CODE_RE)  # the receipt has loaded
    code = page.locator("#kode-registrasi").inner_text().strip()
    shots(page, "tanda-terima")
    return code


def _admin_open(page: Page, base: str, code: str) -> None:
    page.goto(f"{base}/admin")
    wait_hydrated(page)
    _fill_debounced(page, "#cari-permohonan", code)
    page.locator(".baris-kotak-masuk").filter(has_text=code).click()
    page.wait_for_url(re.compile(r".*/pengajuan/\d+/?$"))
    wait_hydrated(page)


@pytest.mark.parametrize("kind", ["desktop", "phone"])
def test_main_journey(server, browser, kind: str) -> None:
    base = server.url
    shots = Shots(f"perjalanan-utama-{kind}")
    admin_shots = Shots(f"perjalanan-utama-{kind}-admin")
    email = f"uji-{uuid.uuid4().hex[:8]}@kampus-uji.ac.id"
    judul = f"Kerja Sama Uji {kind} {uuid.uuid4().hex[:6]}"

    applicant = new_context(browser, kind).new_page()
    _register(applicant, base, email, shots)
    _biodata(applicant, shots)
    _instansi(applicant, shots, f"Universitas Uji {uuid.uuid4().hex[:6]}")

    applicant.goto(f"{base}/pengajuan")
    wait_hydrated(applicant)
    shots(applicant, "pengajuan-kosong")
    applicant.click("#buat-permohonan")
    applicant.wait_for_url(re.compile(r".*/pengajuan/\d+/ubah/?$"))
    wait_hydrated(applicant)
    app_url = applicant.url.rstrip("/").removesuffix("/ubah")
    _wizard_steps_1_2(applicant, shots, judul)
    _wizard_step3_with_errors(applicant, shots)
    code = _submit(applicant, shots)

    # Admin returns it with a note.
    admin = new_context(browser, "desktop").new_page()
    login(admin, base, "admin@sikerja.test")
    _admin_open(admin, base, code)
    admin_shots(admin, "permohonan-diajukan")
    admin.click("#kembalikan")  # without a note: refused beside the field
    expect(admin.locator("#galat-catatan")).to_be_visible()
    _fill_debounced(admin, "#catatan", "Mohon lengkapi lokasi dengan alamat kampus yang jelas.")
    admin.click("#kembalikan")
    expect(admin.locator(".status-badge").first).to_have_text("Dikembalikan untuk perbaikan")
    admin_shots(admin, "dikembalikan")

    # The applicant is notified, reads the note, fixes and resubmits: same code.
    applicant.goto(f"{base}/pengajuan")
    wait_hydrated(applicant)
    applicant.click("#lonceng")
    wait_hydrated(applicant)
    note = applicant.locator(".pemberitahuan").filter(has_text=f"Permohonan {code} dikembalikan untuk perbaikan")
    expect(note).to_be_visible()
    shots(applicant, "pemberitahuan")
    note.click()
    applicant.wait_for_url(re.compile(r".*/pengajuan/\d+/?$"))
    wait_hydrated(applicant)
    expect(applicant.locator("#catatan-admin")).to_contain_text("alamat kampus yang jelas")
    shots(applicant, "catatan-admin")
    applicant.click("#perbaiki")
    applicant.wait_for_url(re.compile(r".*/ubah/?$"))
    wait_hydrated(applicant)
    expect(applicant.locator("#catatan-admin")).to_contain_text("alamat kampus yang jelas")
    lokasi = "Kampus Universitas Uji, Jl. Pendidikan No. 12, Gunung Kelua, Samarinda."
    # Back and forth between the steps keeps everything.
    applicant.click("#langkah-1")
    expect(applicant.locator("#judul-langkah")).to_have_text("Langkah 1 dari 3: Pemohon")
    expect(applicant.locator("#judul")).to_have_value(judul)
    applicant.click("#lanjut")
    expect(applicant.locator("#judul-langkah")).to_have_text("Langkah 2 dari 3: Petugas")
    applicant.click("#lanjut")
    expect(applicant.locator("#judul-langkah")).to_have_text("Langkah 3 dari 3: Persiapan")
    expect(applicant.locator("#pembiayaan")).to_have_value(SAMPLES[0]["persiapan"]["pembiayaan"])
    _fill_debounced(applicant, "#lokasi", lokasi)
    assert _submit(applicant, shots, double_click=True) == code

    # Admin approves and assigns a TKKSD member.
    _admin_open(admin, base, code)
    admin.click("#setujui")  # no TKKSD chosen yet: refused
    expect(admin.locator("#galat-tkksd")).to_have_text("Pilih paling sedikit satu anggota TKKSD.")
    admin.locator("#tkksd").get_by_text("Dr. Bambang Suryadi").click()
    admin.click("#setujui")
    expect(admin.locator(".status-badge").first).to_have_text("Pembahasan: Penawaran Kerja Sama")
    admin.get_by_role("tab", name="Riwayat").click()
    expect(admin.locator("#riwayat")).to_contain_text("Pengajuan ulang setelah perbaikan")
    expect(admin.locator("#riwayat")).to_contain_text("Dikembalikan untuk perbaikan")
    expect(admin.locator("#versi")).to_contain_text("Versi 2")
    expect(admin.locator("#versi")).to_contain_text("Diubah: Lokasi kerja sama")
    expect(admin.locator("#versi")).not_to_contain_text("Versi 3")  # the double click submitted once
    admin_shots(admin, "disetujui-riwayat")

    # The applicant sees Penawaran in the list and on the page.
    applicant.goto(f"{base}/pengajuan")
    wait_hydrated(applicant)
    card = applicant.locator(".kartu-permohonan").filter(has_text=code)
    expect(card).to_contain_text("Penawaran")
    shots(applicant, "pengajuan-penawaran")
    applicant.goto(app_url)
    wait_hydrated(applicant)
    expect(applicant.locator(".status-badge").first).to_have_text("Pembahasan: Penawaran Kerja Sama")
    applicant.get_by_role("tab", name="Persiapan").click()
    expect(applicant.get_by_text(lokasi)).to_be_visible()  # the resubmitted version is what is shown
    shots(applicant, "detail-penawaran")

    # Lacak, anonymous: the same stage, nothing personal; a mistyped code is caught.
    visitor = new_context(browser, kind).new_page()
    visitor.goto(f"{base}/lacak")
    wait_hydrated(visitor)
    visitor.fill("#kode-lacak", code.lower())
    visitor.click("#tombol-lacak")
    expect(visitor.locator("#hasil-lacak")).to_contain_text("Pembahasan: Penawaran Kerja Sama")
    result = visitor.locator("#hasil-lacak").inner_text()
    assert "Uji Coba" not in result and email not in result and "6472016203880009" not in result
    shots(visitor, "lacak")
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    visitor.fill("#kode-lacak", wrong)
    visitor.click("#tombol-lacak")
    expect(visitor.locator("#galat-kode-lacak")).to_contain_text("salah ketik")
    shots(visitor, "lacak-salah-ketik")
