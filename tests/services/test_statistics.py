"""Statistik: every chart equals the hand count of tests/statistik_data.py; filters; who sees what."""

import csv
import io
import json
from dataclasses import asdict, fields
from datetime import UTC, datetime

import pytest

from sikerja_app.db import session_scope
from sikerja_app.models import ApplicationEvent
from sikerja_app.services import data_export, statistics
from sikerja_app.services.errors import Forbidden
from sikerja_app.services.seed import demo_user
from sikerja_app.services.statistics import Filter
from tests import statistik_data as data

pytestmark = pytest.mark.usefixtures("db")


@pytest.fixture
def known(make):  # noqa: ANN001, ANN201 - built once, found again by later tests
    return data.build(make)


def F(**kw: str) -> Filter:  # noqa: N802 - reads like a constructor
    return Filter.parse({**data.YEARS, **kw})


def bars(items: list[statistics.Bar]) -> dict[str, float]:
    return {b.key: b.value for b in items}


def test_agreements_per_year_by_status(known) -> None:  # noqa: ANN001
    rows = statistics.aggregates(None, F()).per_tahun
    assert [(r.year, r.counts) for r in rows] == [
        (1991, {"BERLAKU": 0, "BERAKHIR": 2, "DICABUT": 0}),
        (1992, {"BERLAKU": 1, "BERAKHIR": 0, "DICABUT": 1}),
        (1993, {"BERLAKU": 3, "BERAKHIR": 0, "DICABUT": 0}),
    ]


def test_every_chart_equals_the_hand_count(known) -> None:  # noqa: ANN001
    a = statistics.aggregates(None, F())
    assert a.jumlah_kerja_sama == 7 and a.jumlah_berlaku == 4 and a.jumlah_akan_berakhir == 3
    assert bars(a.per_jenis) == {"PERUSAHAAN": 4, "PERGURUAN_TINGGI": 2, "PD_LAIN": 1}
    assert [b.key for b in a.per_jenis] == ["PERUSAHAAN", "PERGURUAN_TINGGI", "PD_LAIN"]  # largest first
    assert bars(a.per_urusan) == {"1.01": 3, "2.16": 3, "3.26": 1}
    assert {b.key: b.label for b in a.per_urusan}["3.26"] == "Pariwisata"
    assert bars(a.per_kabkota) == {"64.72": 4, "64.02": 2, "64.71": 1}
    assert {b.key: b.label for b in a.per_kabkota}["64.02"] == "Kab. Kutai Kartanegara"
    assert [(b.label, b.value) for b in a.akan_berakhir] == [("0–30 hari", 1), ("31–60 hari", 1), ("61–90 hari", 1)]
    # applications: X in Kesepakatan Bersama, Y in Penawaran, Z rejected; the draft D never counts
    assert bars(a.per_tahap) == {"KESEPAKATAN_BERSAMA": 1, "PENAWARAN": 1, "DITOLAK": 1}
    assert a.jumlah_proses == 2
    # stays that ended: Diajukan 4 (X), 2 and 6 (Y), 10 (Z); Dikembalikan 5 (Y); Penawaran 10 (X)
    assert [(b.key, b.value, b.n) for b in a.rata_hari] == [
        ("DIAJUKAN", 5.5, 4), ("DIKEMBALIKAN", 5.0, 1), ("PENAWARAN", 10.0, 1)]


def test_year_bounds_are_inclusive(known) -> None:  # noqa: ANN001
    assert statistics.aggregates(None, F(tahun_dari="1990", tahun_sampai="1990")).jumlah_kerja_sama == 1
    assert statistics.aggregates(None, F(tahun_dari="1993", tahun_sampai="1994")).jumlah_kerja_sama == 4
    # years given the wrong way round are swapped, not refused
    assert Filter.parse({"tahun_dari": "1993", "tahun_sampai": "1991"}) == F()


def test_filter_by_kind_of_partner(known) -> None:  # noqa: ANN001
    a = statistics.aggregates(None, F(jenis="PERUSAHAAN"))
    assert [(r.year, r.total) for r in a.per_tahun] == [(1991, 1), (1992, 1), (1993, 2)]
    assert bars(a.per_jenis) == {"PERUSAHAAN": 4}
    assert bars(a.per_tahap) == {"KESEPAKATAN_BERSAMA": 1, "DITOLAK": 1}
    assert [(b.key, b.value, b.n) for b in a.rata_hari] == [("DIAJUKAN", 7.0, 2), ("PENAWARAN", 10.0, 1)]


def test_filter_by_urusan_and_status(known) -> None:  # noqa: ANN001
    a = statistics.aggregates(None, F(urusan="2.16"))
    assert a.jumlah_kerja_sama == 3 and bars(a.per_tahap) == {"PENAWARAN": 1}
    b = statistics.aggregates(None, F(status="BERLAKU"))
    assert b.jumlah_kerja_sama == 4 and bars(b.per_kabkota) == {"64.72": 2, "64.02": 2}
    assert b.per_tahap == []  # no application of the known set is in Pelaksanaan
    c = statistics.aggregates(None, F(status="PROSES"))
    assert c.jumlah_kerja_sama == 0 and c.per_jenis == []  # nothing signed is "in process"
    assert bars(c.per_tahap) == {"KESEPAKATAN_BERSAMA": 1, "PENAWARAN": 1}
    d = statistics.aggregates(None, F(status="DITOLAK", jenis="PERUSAHAAN"))
    assert bars(d.per_tahap) == {"DITOLAK": 1} and [b.key for b in d.rata_hari] == ["DIAJUKAN"]


def test_unknown_filter_values_are_dropped() -> None:
    f = Filter.parse({"tahun_dari": "19x1", "tahun_sampai": "99999", "jenis": "'; DROP TABLE agreement;--",
                      "urusan": "9.99", "status": "DRAFT", "cari": "  a   b  " + "x" * 500})
    assert (f.tahun_dari, f.tahun_sampai, f.jenis, f.urusan, f.status) == (None, None, "", "", "")
    assert f.cari.startswith("a b x") and len(f.cari) == statistics.MAX_SEARCH


def test_register_is_paged_searchable_and_newest_first(known) -> None:  # noqa: ANN001
    rows, total = statistics.register_slice(F(), 0, 5)
    assert total == 7 and len(rows) == 5
    assert [r.tanggal_ttd.isoformat() for r in rows][:2] == ["1993-12-31", "1993-09-09"]
    rest, _ = statistics.register_slice(F(), 5, 5)
    assert [r.judul for r in rest] == ["Uji Statistik Sekolah Mitra", "Uji Statistik Beasiswa"]
    found, n = statistics.register_slice(F(cari="riset"), 0, 20)
    assert n == 1 and found[0].judul == "Uji Statistik Riset Digital"
    found, n = statistics.register_slice(F(cari="tepian BEASISWA"), 0, 20)  # every word, any case
    assert n == 1 and found[0].mitra_nama == "Uji Statistik Universitas Tepian"
    assert statistics.register_slice(F(cari="100%_"), 0, 20)[1] == 0  # LIKE wildcards are literal
    r = found[0]
    assert (r.pihak_daerah, r.mitra_jenis, r.mitra_kabkota, r.urusan, r.status_label) == (
        "Pemerintah Kota Samarinda", "Perguruan Tinggi", "Kota Samarinda", "Pendidikan", "Berakhir")
    assert len(list(statistics.iter_register(F()))) == 7


def test_applications_table_is_for_staff_only(known) -> None:  # noqa: ANN001
    for who in (None, demo_user("pemohon1"), demo_user("opd")):
        with pytest.raises(Forbidden):
            statistics.table_page(who, F(), "permohonan", 1)
        with pytest.raises(Forbidden):
            list(statistics.iter_applications(who, F()))
    for key in ("admin", "tkksd"):
        rows, total = statistics.table_page(demo_user(key), F(), "permohonan", 1)
        assert total == 3  # X, Y and Z; never the draft
        assert {r.code for r in rows} == {"UJI-STAT-X", "UJI-STAT-Y", "UJI-STAT-Z"}
    rows, total = statistics.table_page(demo_user("admin"), F(cari="uji-stat-z"), "permohonan", 1)
    assert total == 1 and rows[0].status_label == "Ditolak"
    # the public table is the register whatever the caller asks for
    rows, total = statistics.table_page(None, F(), "register", 1)
    assert total == 7 and isinstance(rows[0], statistics.RegisterRow)


def test_public_results_hold_no_personal_data(known) -> None:  # noqa: ANN001
    user = data.person_user()
    a = statistics.aggregates(None, Filter())
    text = json.dumps(data_export.aggregates_record(a), default=str)
    text += json.dumps([asdict(r) for r in statistics.iter_register(Filter())], default=str)
    text += json.dumps([data_export.register_record(r) for r in statistics.register_slice(F(), 0, 100)[0]])
    for secret in (*data.PERSON.values(), user.email, "0541-9990001", "081299887766"):
        assert secret.lower() not in text.lower(), secret
    # the register carries institution-level fields only (no creator, note, numbers or ids of people)
    assert {f.name for f in fields(statistics.RegisterRow)} == {
        "id", "judul", "bentuk", "pihak_daerah", "mitra_nama", "mitra_jenis_kode", "mitra_jenis",
        "mitra_kabkota_kode", "mitra_kabkota", "urusan_kode", "urusan", "tanggal_ttd", "berlaku_mulai",
        "berlaku_sampai", "status", "status_label"}


def test_staff_list_names_institutions_not_people(known) -> None:  # noqa: ANN001
    rows = list(statistics.iter_applications(demo_user("admin"), F()))
    text = json.dumps([asdict(r) for r in rows], default=str)
    for secret in data.PERSON.values():
        assert secret.lower() not in text.lower()
    assert "Uji Statistik PT Sungai Mahakam Makmur" in text


def test_average_days_follow_new_events(known) -> None:  # noqa: ANN001
    before = statistics.aggregates(None, F()).rata_hari
    assert statistics.aggregates(None, F()).rata_hari == before  # served again (cached) unchanged
    with session_scope() as s:  # Y leaves Penawaran after 20 days
        s.add(ApplicationEvent(application_id=known.app_ids["Y"], at=datetime(1992, 3, 5, 2, tzinfo=UTC),
                               action="APPROVE_STAGE", from_status="PENAWARAN", to_status="KESEPAKATAN_BERSAMA"))
    try:
        after = {b.key: (b.value, b.n) for b in statistics.aggregates(None, F()).rata_hari}
        assert after["PENAWARAN"] == (15.0, 2)  # (10 + 20) / 2
    finally:
        with session_scope() as s:
            ev = s.exec(ApplicationEvent.__table__.select().where(  # type: ignore[attr-defined]
                ApplicationEvent.application_id == known.app_ids["Y"],
                ApplicationEvent.to_status == "KESEPAKATAN_BERSAMA")).first()
            s.exec(ApplicationEvent.__table__.delete().where(ApplicationEvent.id == ev.id))  # type: ignore[attr-defined]
        statistics.clear_cache()


def test_export_values_and_csv_neutralise_formulas() -> None:
    chunks = b"".join(data_export.csv_chunks(["a"], [["=HYPERLINK(\"x\")"], ["-1+2"], ["biasa"]]))
    rows = list(csv.reader(io.StringIO(chunks.decode("utf-8-sig"))))
    assert rows == [["a"], ["'=HYPERLINK(\"x\")"], ["'-1+2"], ["biasa"]]
