"""Open data and the Statistik exports over HTTP: paging, filters, exact exports, staff-only list,
and no personal data anywhere in what the public can fetch."""

import csv
import io
import itertools
from collections.abc import Iterator

import pytest
from openpyxl import load_workbook
from starlette.testclient import TestClient

from sikerja_app.api.app import build_api
from sikerja_app.services import auth, statistics
from sikerja_app.services.seed import DEMO_PASSWORD
from tests import statistik_data as data

pytestmark = pytest.mark.usefixtures("db")
YEARS = data.YEARS
_ips = itertools.count(1)


@pytest.fixture(autouse=True)
def known(make):  # noqa: ANN001, ANN201 - built once, found again by later tests
    return data.build(make)


@pytest.fixture(scope="module")
def client(db) -> Iterator[TestClient]:  # noqa: ANN001
    with TestClient(build_api()) as c:
        yield c


def _cookie(key: str) -> dict[str, str]:
    n = next(_ips)
    result = auth.login(f"{key}@sikerja.test", DEMO_PASSWORD, f"10.77.{n // 250}.{n % 250 + 1}", "pytest")
    assert result.token
    return {"cookie": f"{auth.COOKIE_NAME}={result.token}"}


def _csv(body: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def test_register_json_pages_with_limit_and_offset(client: TestClient) -> None:
    r = client.get("/data/register.json", params={**YEARS, "limit": "3"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert (body["total"], body["limit"], body["offset"], len(body["data"])) == (7, 3, 0, 3)
    assert body["sebelumnya"] is None and "offset=3" in body["berikutnya"]
    titles = [row["judul"] for row in body["data"]]
    page2 = client.get(body["berikutnya"]).json()
    page3 = client.get(page2["berikutnya"]).json()
    assert len(page2["data"]) == 3 and len(page3["data"]) == 1 and page3["berikutnya"] is None
    titles += [row["judul"] for row in page2["data"] + page3["data"]]
    assert len(set(titles)) == 7 and titles[0] == "Uji Statistik Aplikasi Kota"
    assert set(body["data"][0]) == {"id", "judul", "bentuk", "pihak_daerah", "mitra_nama", "mitra_jenis_kode",
                                    "mitra_jenis", "mitra_kabkota_kode", "mitra_kabkota", "urusan_kode", "urusan",
                                    "tanggal_ttd", "berlaku_mulai", "berlaku_sampai", "status"}
    assert body["data"][0]["tanggal_ttd"] == "1993-12-31"


def test_paging_limits(client: TestClient) -> None:
    body = client.get("/data/register.json", params={"limit": "999999"}).json()
    assert body["limit"] == 1000 and len(body["data"]) <= 1000
    assert client.get("/data/register.json").json()["limit"] == 100
    for bad in ("-1", "abc", "1.5", "١٢", "9" * 12):
        r = client.get("/data/register.json", params={"limit": bad})
        assert r.status_code == 400 and "limit" in r.json()["galat"], bad
    assert client.get("/data/register.json", params={"offset": "-5"}).status_code == 400
    far = client.get("/data/register.json", params={**YEARS, "offset": "500"}).json()
    assert far["data"] == [] and far["total"] == 7


def test_register_csv_page(client: TestClient) -> None:
    r = client.get("/data/register.csv", params={**YEARS, "jenis": "PERUSAHAAN", "limit": "2"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = _csv(r.content)
    assert rows[0][:3] == ["id", "judul", "bentuk"] and len(rows) == 3
    assert r.headers["x-total-count"] == "4" and 'rel="next"' in r.headers["link"]


def test_filters_in_the_query_string(client: TestClient) -> None:
    body = client.get("/data/register.json", params={**YEARS, "status": "BERLAKU", "urusan": "2.16"}).json()
    assert [row["judul"] for row in body["data"]] == ["Uji Statistik Aplikasi Kota", "Uji Statistik Riset Digital"]
    # an unknown value is ignored, never an error or an injection
    odd = client.get("/data/register.json", params={**YEARS, "jenis": "x' OR 1=1 --", "status": "<script>"})
    assert odd.status_code == 200 and odd.json()["total"] == 7


def test_aggregates_json_and_csv_equal_the_service(client: TestClient) -> None:
    body = client.get("/data/agregat.json", params={**YEARS, "jenis": "PERUSAHAAN"}).json()
    assert body["saringan"] == {"tahun_dari": 1991, "tahun_sampai": 1993, "jenis": "PERUSAHAAN", "urusan": None,
                                "status": None}
    assert body["ringkasan"]["kerja_sama"] == 4
    assert [(r["tahun"], r["jumlah"]) for r in body["kerja_sama_per_tahun"]] == [(1991, 1), (1992, 1), (1993, 2)]
    assert {b["kode"]: b["jumlah"] for b in body["kerja_sama_per_urusan"]} == {"1.01": 2, "2.16": 2}
    assert {b["kode"]: b["rata_rata_hari"] for b in body["rata_rata_hari_per_tahap"]} == {"DIAJUKAN": 7.0,
                                                                                      "PENAWARAN": 10.0}
    rows = _csv(client.get("/data/agregat.csv", params={**YEARS, "jenis": "PERUSAHAAN"}).content)
    assert rows[0] == ["dimensi", "kode", "label", "nilai", "n"]
    assert ["kerja_sama_per_kabkota_mitra", "64.72", "Kota Samarinda", "3", ""] in rows
    assert ["permohonan_per_tahap", "DITOLAK", "Ditolak", "1", ""] in rows


def test_open_data_is_read_only(client: TestClient) -> None:
    for path in ("/data/register.json", "/data/register.csv", "/data/agregat.json", "/statistik/ekspor.csv"):
        assert client.post(path).status_code == 405
        assert client.delete(path).status_code == 405
    assert client.get("/data").json()["titik_akhir"][0] == "/data/register.json"


def test_csv_export_has_exactly_the_filtered_rows(client: TestClient) -> None:
    params = {**YEARS, "jenis": "PERUSAHAAN", "cari": "a"}
    r = client.get("/statistik/ekspor.csv", params=params)
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    rows = _csv(r.content)
    expected = list(statistics.iter_register(statistics.Filter.parse(params)))
    assert rows[0][0] == "Judul" and len(rows) - 1 == len(expected) == 4
    assert [row[0] for row in rows[1:]] == [e.judul for e in expected]
    assert [row[7] for row in rows[1:]] == [e.tanggal_ttd.isoformat() for e in expected]


def test_xlsx_export_has_exactly_the_filtered_rows(client: TestClient) -> None:
    params = {**YEARS, "urusan": "1.01"}
    r = client.get("/statistik/ekspor.xlsx", params=params)
    assert r.status_code == 200 and r.content[:2] == b"PK"
    ws = load_workbook(io.BytesIO(r.content), read_only=True).active
    rows = [list(row) for row in ws.iter_rows(values_only=True)]
    expected = list(statistics.iter_register(statistics.Filter.parse(params)))
    assert rows[0][0] == "Judul" and len(rows) - 1 == len(expected) == 3
    assert [(row[0], row[7].date()) for row in rows[1:]] == [(e.judul, e.tanggal_ttd) for e in expected]


def test_xlsx_refuses_more_rows_than_its_cap(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from sikerja_app.services import data_export

    monkeypatch.setattr(data_export, "XLSX_MAX_ROWS", 2)
    r = client.get("/statistik/ekspor.xlsx", params=YEARS)
    assert r.status_code == 413 and "CSV" in r.text


def test_list_of_applications_is_for_staff_from_this_site(client: TestClient) -> None:
    params = {**YEARS, "tabel": "permohonan"}
    for path in ("/statistik/ekspor.csv", "/statistik/ekspor.xlsx"):
        assert client.get(path, params=params).status_code == 403
        for key in ("pemohon1", "opd"):
            assert client.get(path, params=params, headers=_cookie(key)).status_code == 403
        foreign = {**_cookie("admin"), "origin": "https://jahat.example"}
        assert client.get(path, params=params, headers=foreign).status_code == 403
    rows = _csv(client.get("/statistik/ekspor.csv", params=params, headers=_cookie("tkksd")).content)
    assert rows[0][:3] == ["Kode", "Judul", "Instansi"]
    assert sorted(row[0] for row in rows[1:]) == ["UJI-STAT-X", "UJI-STAT-Y", "UJI-STAT-Z"]


def test_nothing_public_holds_personal_data(client: TestClient) -> None:
    """A known applicant's NIK, phone, email and name are in the database (her profile, the
    application snapshots, event notes, the agreement's note); no public answer contains them."""
    person = data.person_user()
    secrets = [*data.PERSON.values(), person.email, "081299887766", "0541-9990001"]
    bodies = [client.get("/data").content]
    for params in ({}, YEARS, {**YEARS, "jenis": "PERUSAHAAN"}):
        offset = 0
        while True:  # every page of the register
            page = client.get("/data/register.json", params={**params, "limit": "1000", "offset": str(offset)})
            bodies.append(page.content)
            if page.json()["berikutnya"] is None:
                break
            offset += 1000
        bodies += [client.get(p, params=params).content
                   for p in ("/data/register.csv", "/data/agregat.json", "/data/agregat.csv",
                             "/statistik/ekspor.csv")]
        xlsx = client.get("/statistik/ekspor.xlsx", params=params)
        if xlsx.status_code == 200:
            ws = load_workbook(io.BytesIO(xlsx.content), read_only=True).active
            bodies.append(repr(list(ws.iter_rows(values_only=True))).encode())
    # the staff list names institutions only
    bodies.append(client.get("/statistik/ekspor.csv", params={**YEARS, "tabel": "permohonan"},
                             headers=_cookie("admin")).content)
    text = b"\n".join(bodies).decode("utf-8", errors="replace").lower()
    assert "uji statistik pt sungai mahakam makmur" in text  # her institution is there: the data is in
    for secret in secrets:
        assert secret.lower() not in text, secret
