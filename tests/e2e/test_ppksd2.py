"""PPKSD-2 is chosen from a searchable list of the same institution's users."""

import re

from playwright.sync_api import expect

from .conftest import Shots, login, new_context, wait_hydrated


def test_choose_ppksd2_from_the_same_institution(server, browser) -> None:
    shots = Shots("ppksd2-ponsel")
    page = new_context(browser, "phone").new_page()
    login(page, server.url, "pemohon1@sikerja.test")
    page.click("#buat-permohonan")
    page.wait_for_url(re.compile(r".*/pengajuan/\d+/ubah/?$"))
    wait_hydrated(page)
    page.fill("#judul", "Kerja Sama Magang Mahasiswa Informatika")
    page.select_option("#urusan", "2.16")
    page.wait_for_timeout(700)
    page.click("#lanjut")
    expect(page.locator("#judul-langkah")).to_have_text("Langkah 2 dari 3: Petugas")
    # Only colleagues of Universitas Contoh Nusantara are offered; the company's officer is not.
    options = page.locator(".opt-row")
    expect(options).to_have_count(1)
    expect(options.first).to_contain_text("Agus Prasetyo")
    page.fill("#cari-ppksd2", "Yusuf")
    page.wait_for_timeout(600)
    expect(page.locator(".opt-row")).to_have_count(0)
    page.fill("#cari-ppksd2", "agus")
    page.wait_for_timeout(600)
    page.locator(".opt-row").filter(has_text="Agus Prasetyo").get_by_role("button", name="Pilih").click()
    expect(page.get_by_text("Agus Prasetyo, S.T., M.T. – Staf Kantor Kerja Sama").first).to_be_visible()
    shots(page, "ppksd2-dipilih")
    page.reload()
    wait_hydrated(page)
    expect(page.locator("#judul-langkah")).to_have_text("Langkah 2 dari 3: Petugas")
    expect(page.get_by_role("button", name="Hapus")).to_be_visible()  # still chosen after a reload


def test_a_colleague_who_joined_sees_the_institution_read_only(server, browser) -> None:
    page = new_context(browser, "phone").new_page()
    login(page, server.url, "pemohon2@sikerja.test")  # joined Universitas Contoh Nusantara; pemohon1 registered it
    page.goto(f"{server.url}/pengaturan?tab=instansi")
    wait_hydrated(page)
    expect(page.locator("#instansi-hanya-baca")).to_be_visible()
    expect(page.get_by_text("Universitas Contoh Nusantara").first).to_be_visible()
    expect(page.locator("#simpan-instansi")).to_have_count(0)
    Shots("instansi-hanya-baca")(page, "pemohon2")
