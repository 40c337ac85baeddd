"""Statistik & Data in Chromium: a visitor filters, sees the charts and the table change, and
downloads CSV and XLSX whose rows are exactly the filtered table; staff switch to every application."""

import csv
import io
import json

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from sikerja_app.domain.dates import BULAN

from .conftest import Shots, login, new_context, run_in_server_db, wait_hydrated

# 400 synthetic agreements (signed in the last ten years) and four known ones signed in 2011.
ARRANGE = """
from datetime import date
from sikerja_app.db import session_scope
from sikerja_app.models import Agreement
from sikerja_app.services import synthetic
synthetic.load(400, seed=11)
rows = [
    ("Kerja Sama Riset Pesut Mahakam", "Universitas Tepian Mahakam", "PERGURUAN_TINGGI", "3.25", "64.72", "BERAKHIR",
     date(2011, 3, 14)),
    ("Magang Mahasiswa Teknik Informatika", "Politeknik Benua Etam", "PERGURUAN_TINGGI", "2.16", "64.71",
     "BERAKHIR", date(2011, 7, 1)),
    ("Kuliah Kerja Nyata Tematik Kelurahan", "Universitas Tepian Mahakam", "PERGURUAN_TINGGI", "2.13", "64.72",
     "DICABUT", date(2011, 11, 30)),
    ("Pengelolaan Parkir Elektronik", "PT Parkir Pintar Etam", "PERUSAHAAN", "2.15", "64.72", "BERAKHIR",
     date(2011, 5, 5)),
]
with session_scope() as s:
    for judul, mitra, jenis, urusan, kab, status, ttd in rows:
        s.add(Agreement(source="MANUAL", judul=judul, mitra_nama=mitra, mitra_jenis_kode=jenis,
                        mitra_kabkota_kode=kab, urusan_kode=urusan, nomor_daerah="E2E", nomor_mitra="E2E",
                        tanggal_ttd=ttd, berlaku_mulai=ttd, berlaku_sampai=date(ttd.year + 3, ttd.month, 1),
                        status=status))
print("ok")
"""

_arranged: dict[str, bool] = {}


@pytest.fixture
def data(server) -> None:  # noqa: ANN001
    if not _arranged:
        assert run_in_server_db(server, ARRANGE) == "ok"
        _arranged["done"] = True


def _fig(page: Page, chart: str) -> dict:
    """What Plotly drew in one chart: its traces' x and y."""
    return json.loads(page.evaluate(
        "id => JSON.stringify((document.getElementById(id).data || []).map(t => ({x: t.x, y: t.y})))",
        f"grafik-{chart}"))


def _wait_chart(page: Page, chart: str, predicate_js: str) -> None:
    """Wait until the chart's traces satisfy ``predicate_js`` (a JS expression over ``d``, the traces)."""
    page.wait_for_function(
        f"() => {{ const g = document.getElementById('grafik-{chart}'); const d = g && g.data;"
        f" return !!d && ({predicate_js}); }}")


def _table(page: Page) -> list[list[str]]:
    return page.eval_on_selector_all(
        "#tabel-statistik tbody tr", "rows => rows.map(r => [...r.cells].map(c => c.innerText.trim()))")


def _indo(iso: str) -> str:
    y, m, d = (int(p) for p in iso.split("-"))
    return f"{d} {BULAN[m - 1]} {y}"


def _select(page: Page, selector: str, value: str) -> None:
    page.select_option(selector, value)


def test_visitor_filters_and_exports_exactly_the_table(server, browser, data) -> None:  # noqa: ANN001
    shots = Shots("statistik-ponsel")
    page = new_context(browser, "phone").new_page()
    page.goto(server.url + "/statistik")
    wait_hydrated(page)
    _wait_chart(page, "per-jenis", "d.length > 0 && d[0].y && d[0].y.length >= 5")
    shots(page, "awal")
    kinds_before = _fig(page, "per-jenis")[0]["y"]
    total_before = int(page.inner_text("#jumlah-baris").split()[0])
    assert total_before >= 404 and "Perusahaan" in kinds_before

    # Kind of partner: Perguruan Tinggi. The chart keeps one bar; the table and the counts follow.
    _select(page, "#saring-jenis", "PERGURUAN_TINGGI")
    _wait_chart(page, "per-jenis", "d[0].y && d[0].y.length === 1 && d[0].y[0] === 'Perguruan tinggi'")
    expect(page.locator("#jumlah-baris")).not_to_have_text(f"{total_before} baris")
    total_kind = int(page.inner_text("#jumlah-baris").split()[0])
    assert 3 <= total_kind < total_before
    assert _fig(page, "per-jenis")[0]["x"] == [total_kind]

    # Years 2011–2011: only the three known agreements of universities remain.
    _select(page, "#saring-tahun-dari", "2011")
    _select(page, "#saring-tahun-sampai", "2011")
    expect(page.locator("#jumlah-baris")).to_have_text("3 baris")
    _wait_chart(page, "per-tahun", "d.length === 3 && d[0].x.length === 1 && d[0].x[0] === '2011'")
    years = _fig(page, "per-tahun")
    assert [t["y"] for t in years] == [[0], [2], [1]]  # Berlaku, Berakhir, Dicabut
    expect(page.locator("#jumlah-kerja-sama")).to_contain_text("3")
    shots(page, "tersaring")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390

    table = _table(page)
    assert [row[0] for row in table] == ["Kuliah Kerja Nyata Tematik Kelurahan", "Magang Mahasiswa Teknik Informatika",
                                         "Kerja Sama Riset Pesut Mahakam"]

    # CSV: exactly the rows of the table, in its order.
    with page.expect_download() as dl:
        page.click("#ekspor-csv")
    assert dl.value.suggested_filename.endswith(".csv")
    rows = list(csv.reader(io.StringIO(open(dl.value.path(), encoding="utf-8-sig").read())))  # noqa: SIM115
    header, body = rows[0], rows[1:]
    col = {h: i for i, h in enumerate(header)}
    assert len(body) == len(table) == 3
    for shown, got in zip(table, body, strict=True):
        assert shown[0] == got[col["Judul"]]
        assert shown[1] == f"{got[col['Pihak daerah']]} dan {got[col['Mitra']]}"
        assert shown[2] == got[col["Urusan"]]
        assert shown[3] == _indo(got[col["Tanggal ditandatangani"]])
        assert shown[4] == f"{_indo(got[col['Berlaku mulai']])} – {_indo(got[col['Berlaku sampai']])}"
        assert shown[5] == got[col["Status"]]
        assert got[col["Jenis mitra"]] == "Perguruan Tinggi"

    # XLSX: the same rows.
    with page.expect_download() as dl:
        page.click("#ekspor-xlsx")
    assert dl.value.suggested_filename.endswith(".xlsx")
    with open(dl.value.path(), "rb") as fh:
        ws = load_workbook(io.BytesIO(fh.read()), read_only=True).active
    xrows = [list(r) for r in ws.iter_rows(values_only=True)]
    assert xrows[0] == header
    assert len(xrows) - 1 == len(table)
    for shown, got in zip(table, xrows[1:], strict=True):
        assert shown[0] == got[col["Judul"]] and shown[5] == got[col["Status"]]
        assert shown[3] == _indo(got[col["Tanggal ditandatangani"]].date().isoformat())

    # Searching narrows the table (and the export link) but not the charts.
    page.fill("#cari-tabel", "magang")
    expect(page.locator("#jumlah-baris")).to_have_text("1 baris")
    assert "cari=magang" in page.get_attribute("#ekspor-csv", "href")
    assert [t["y"] for t in _fig(page, "per-tahun")] == [[0], [2], [1]]

    # Clearing the filters brings everything back.
    page.click("#hapus-saringan")
    expect(page.locator("#jumlah-baris")).to_have_text(f"{total_before} baris")
    _wait_chart(page, "per-jenis", "d[0].y && d[0].y.length >= 5")
    shots(page, "dihapus")


def test_charts_are_readable_on_a_phone(server, browser, data) -> None:  # noqa: ANN001
    page = new_context(browser, "phone").new_page()
    page.goto(server.url + "/statistik")
    wait_hydrated(page)
    _wait_chart(page, "rata-hari", "d.length > 0 && d[0].x && d[0].x.length >= 5")
    for chart in ("per-tahun", "per-tahap", "per-jenis", "per-urusan", "per-kabkota", "akan-berakhir",
                  "rata-hari"):
        box = page.locator(f"#grafik-{chart}").bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, chart
        assert box["height"] >= 120, chart
    # no tool bar, and the plot does not catch a thumb scrolling the page
    assert page.locator(".modebar-container .modebar-btn").count() == 0
    assert page.evaluate("document.getElementById('grafik-per-jenis').layout.dragmode") is False
    # the bars carry their values as text
    assert page.locator("#grafik-per-jenis text.bartext").count() >= 5
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390
    Shots("statistik-grafik-ponsel")(page, "grafik")


def test_staff_switch_to_every_application(server, browser, data) -> None:  # noqa: ANN001
    visitor = new_context(browser, "desktop").new_page()
    visitor.goto(server.url + "/statistik")
    wait_hydrated(visitor)
    expect(visitor.locator("#bagian-tabel")).to_be_visible()
    assert visitor.locator("#pilih-tabel").count() == 0
    assert visitor.request.get(server.url + "/statistik/ekspor.csv?tabel=permohonan").status == 403

    page = new_context(browser, "desktop").new_page()
    login(page, server.url, "admin@sikerja.test")
    page.goto(server.url + "/statistik")
    wait_hydrated(page)
    _select(page, "#pilih-tabel", "permohonan")
    expect(page.locator("#judul-tabel")).to_have_text("Semua permohonan")
    expect(page.locator("#tabel-statistik thead th").first).to_have_text("Kode")
    page.fill("#cari-tabel", "SIN-")
    expect(page.locator("#tabel-statistik tbody tr").first).to_contain_text("SIN-")
    with page.expect_download() as dl:
        page.click("#ekspor-csv")
    rows = list(csv.reader(io.StringIO(open(dl.value.path(), encoding="utf-8-sig").read())))  # noqa: SIM115
    assert rows[0][0] == "Kode" and len(rows) - 1 == int(page.inner_text("#jumlah-baris").split()[0])
    Shots("statistik-petugas")(page, "permohonan")
