"""An admin imports the register of earlier agreements from a CSV file in real Chromium (issue 4 item 3).

Desktop. The file has one bad row: the report names it with its row number and reason, the
admin must choose how to import, imports the valid rows, and the same file a second time
imports nothing.
"""

import json
import re
import uuid
from pathlib import Path

from playwright.sync_api import expect

from .conftest import Shots, login, new_context, run_in_server_db, wait_hydrated

HEADER = ("judul,bentuk,mitra,jenis mitra,kabupaten/kota mitra,urusan,OPD pelaksana,nomor pihak daerah,"
          "nomor pihak mitra,tanggal ttd,berlaku mulai,berlaku sampai,periode monev")

STORED = """
import json
from sqlmodel import select
from sikerja_app.db import session_scope
from sikerja_app.models import Agreement
with session_scope() as s:
    rows = s.exec(select(Agreement).where(Agreement.nomor_daerah.in_({numbers}))).all()
    print(json.dumps(sorted([a.nomor_daerah, a.source, a.status, a.mitra_kabkota_kode] for a in rows)))
"""


def _register_file(tmp: Path, tag: str) -> tuple[Path, list[tuple[str, str]]]:
    numbers = [(f"100.3/{tag}/{i}/KS/2021", f"UNMUL/{tag}/{i}/2021") for i in range(3)]
    rows = [
        f"Sistem Informasi Akademik {tag},PKS,Universitas Mulawarman,PERGURUAN_TINGGI,Kota Samarinda,1.01,"
        f"DISKOMINFO,{numbers[0][0]},{numbers[0][1]},15-03-2021,15-03-2021,14-03-2031,6",
        f"Pengelolaan Sampah Terpadu {tag},KB,PT Bersih Lestari,Perusahaan,Kota Atlantis,1.03,,"
        f"{numbers[1][0]},{numbers[1][1]},2021-05-01,2021-05-01,2024-04-30,",
        f"Pelatihan Tenaga Kesehatan {tag},Nota Kesepakatan,Politeknik Kesehatan,Perguruan Tinggi,64.71,"
        f"Kesehatan,DINKES,{numbers[2][0]},{numbers[2][1]},01-02-2020,01-02-2020,31-01-2023,12",
    ]
    path = tmp / f"register lama {tag}.csv"
    path.write_bytes(("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8-sig"))
    return path, numbers


def test_admin_imports_a_file_with_one_bad_row(server, browser, tmp_path: Path) -> None:
    base, shots = server.url, Shots("impor-register")
    tag = uuid.uuid4().hex[:6].upper()
    path, numbers = _register_file(tmp_path, tag)

    admin = new_context(browser, "desktop").new_page()
    login(admin, base, "admin@sikerja.test")
    admin.goto(f"{base}/admin")
    wait_hydrated(admin)
    admin.click("#tautan-impor-register")
    admin.wait_for_url(re.compile(r".*/admin/register/impor/?$"))
    wait_hydrated(admin)
    expect(admin.locator("#petunjuk-kolom")).to_contain_text("kabupaten/kota mitra")
    shots(admin, "halaman-impor")

    # The example template comes from the app itself.
    with admin.expect_download() as download:
        admin.click("#templat-csv")
    assert download.value.suggested_filename == "templat-impor-register.csv"
    assert Path(download.value.path()).read_bytes().startswith("\ufeffjudul,bentuk,mitra".encode())

    # Upload: the report lists the bad row with its number and reason; nothing is stored yet.
    admin.set_input_files("#berkas-impor", str(path))
    expect(admin.locator("#berkas-impor-nama")).to_have_text(path.name)
    admin.click("#unggah-impor")
    expect(admin.locator("#ringkasan-impor")).to_contain_text("3 baris: 2 valid, 1 bermasalah")
    bad = admin.locator(".baris-bermasalah")
    expect(bad).to_have_count(1)
    expect(bad.first).to_contain_text("3")
    expect(bad.first).to_contain_text("Kabupaten/kota 'Kota Atlantis' tidak ditemukan")
    expect(admin.locator(".baris-valid")).to_have_count(2)
    shots(admin, "laporan-pemeriksaan")

    # The admin must choose how to import before confirming.
    admin.click("#konfirmasi-impor")
    expect(admin.locator("#galat-cara-impor")).to_have_text("Pilih cara impor terlebih dahulu.")
    admin.click("#cara-VALID_SAJA")
    expect(admin.locator("#cara-VALID_SAJA")).to_be_checked()
    admin.click("#konfirmasi-impor")
    expect(admin.locator("#hasil-impor")).to_contain_text(
        "2 perjanjian diimpor ke register. 1 baris bermasalah dilewati.")
    expect(admin.locator("#konfirmasi-impor")).to_have_count(0)
    shots(admin, "hasil-impor")

    stored = json.loads(run_in_server_db(server, STORED.replace("{numbers}", repr([n for n, _ in numbers]))))
    assert stored == sorted([[numbers[0][0], "IMPOR", "BERLAKU", "64.72"], [numbers[2][0], "IMPOR", "BERAKHIR",
                                                                          "64.71"]])

    # The same file again: every row is reported, none imported twice.
    admin.click("#impor-lagi")
    admin.set_input_files("#berkas-impor", str(path))
    admin.click("#unggah-impor")
    expect(admin.locator("#ringkasan-impor")).to_contain_text("3 baris: 0 valid, 3 bermasalah")
    expect(admin.locator(".baris-bermasalah").filter(has_text="Sudah ada di register")).to_have_count(2)
    expect(admin.locator("#tidak-ada-valid")).to_be_visible()
    expect(admin.locator("#konfirmasi-impor")).to_have_count(0)
    shots(admin, "impor-ulang")


def test_the_import_page_is_for_admins_only(server, browser) -> None:
    base = server.url
    page = new_context(browser, "phone").new_page()
    login(page, base, "pemohon1@sikerja.test")
    page.goto(f"{base}/admin/register/impor")
    page.wait_for_url(re.compile(r".*/pengajuan/?$"))
    expect(page.locator("#unggah-impor")).to_have_count(0)
