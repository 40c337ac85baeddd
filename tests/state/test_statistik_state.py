"""StatistikState handlers called directly, as a hostile browser could: the staff table stays
closed to visitors, odd arguments are dropped, and the browser gets aggregates, not rows."""

import json

import plotly.io as pio
import pytest

from sikerja_app import routes
from sikerja_app.services import auth
from sikerja_app.state.statistik import APPLICATION_HEADERS, REGISTER_HEADERS, StatistikState
from tests import statistik_data as data
from tests.state.test_handler_access import as_user, call, sign_in, walk_strings

pytestmark = pytest.mark.usefixtures("db")
QUERY = "tahun_dari=1991&tahun_sampai=1993"
FIGS = ("fig_per_tahun", "fig_per_tahap", "fig_per_jenis", "fig_per_urusan", "fig_per_kabkota",
        "fig_akan_berakhir", "fig_rata_hari")


@pytest.fixture(autouse=True)
def known(make):  # noqa: ANN001, ANN201 - built once, found again by later tests
    return data.build(make)


def _loaded(token: str | None, query: str = QUERY) -> StatistikState:
    state = as_user(StatistikState, token, routes.STATISTIK, query=query)
    call(StatistikState.load, state)
    return state  # type: ignore[return-value]


def _sent(state: StatistikState) -> str:
    """Everything of this state that goes to the browser."""
    values = {name: getattr(state, name) for name in state.base_vars if not name.startswith("_")}
    figs = {name: pio.to_json(values.pop(name)) for name in FIGS}
    return json.dumps(figs) + "\n".join(walk_strings(values))


def test_visitor_gets_the_register_and_cannot_open_the_staff_table() -> None:
    state = _loaded(None, QUERY + "&tabel=permohonan")
    assert (state.tabel, state.staf, state.total, state.kolom) == ("register", False, 7, REGISTER_HEADERS)
    call(StatistikState.set_tabel, state, "permohonan")
    assert state.tabel == "register" and state.kolom == REGISTER_HEADERS
    assert state.baris[0][0] == "Uji Statistik Aplikasi Kota"
    assert state.baris[0][3] == "31 Desember 1993"


def test_charts_carry_aggregates_only_and_nothing_personal() -> None:
    state = _loaded(None)
    charts = json.dumps([pio.to_json(getattr(state, name)) for name in FIGS])
    assert "Perusahaan" in charts and "Kota Samarinda" in charts  # the bars' labels
    assert "Uji Statistik" not in charts  # no title, partner or row behind a bar
    sent = _sent(state).lower()
    for secret in data.PERSON.values():
        assert secret.lower() not in sent


def test_staff_may_list_applications() -> None:
    for key in ("admin", "tkksd"):
        state = _loaded(sign_in(key))
        assert state.staf
        call(StatistikState.set_tabel, state, "permohonan")
        assert state.kolom == APPLICATION_HEADERS and state.total == 3
        assert {row[0] for row in state.baris} == {"UJI-STAT-X", "UJI-STAT-Y", "UJI-STAT-Z"}
        assert "tabel=permohonan" in state.ekspor_csv
        for secret in data.PERSON.values():
            assert secret.lower() not in _sent(state).lower()


def test_a_staff_tab_whose_session_ended_falls_back_to_the_register() -> None:
    token = sign_in("admin")
    state = _loaded(token)
    call(StatistikState.set_tabel, state, "permohonan")
    auth.logout(token)
    call(StatistikState.go_page, state, 0)
    assert (state.tabel, state.staf, state.kolom) == ("register", False, REGISTER_HEADERS)


def test_every_listed_choice_is_kept() -> None:
    from sikerja_app.domain.jenis_pemohon import JENIS_KODES
    from sikerja_app.services.statistics import STATUS_FILTERS, urusan_names

    state = _loaded(None)
    for kode in JENIS_KODES:
        call(StatistikState.set_jenis, state, kode)
        assert state.jenis == kode
    for kode in STATUS_FILTERS:
        call(StatistikState.set_status, state, kode)
        assert state.status == kode
    for kode in urusan_names():
        call(StatistikState.set_urusan, state, kode)
        assert state.urusan == kode
    call(StatistikState.set_tahun_sampai, state, "1992")
    call(StatistikState.set_jenis, state, "PERGURUAN_TINGGI")
    call(StatistikState.set_urusan, state, "")
    call(StatistikState.set_status, state, "")
    assert (state.tahun_dari, state.tahun_sampai, state.total) == ("1991", "1992", 2)


def test_odd_arguments_are_dropped() -> None:
    state = _loaded(None)
    call(StatistikState.set_jenis, state, "<script>alert(1)</script>")
    call(StatistikState.set_status, state, {"$ne": 1})
    call(StatistikState.set_urusan, state, "1.01")
    call(StatistikState.set_tahun_dari, state, "tahun")
    call(StatistikState.go_page, state, "banyak")
    call(StatistikState.go_page, state, 10**9)
    assert (state.jenis, state.status, state.urusan, state.tahun_dari) == ("", "", "1.01", "")
    assert state.halaman == state.halaman_total
    call(StatistikState.set_cari, state, "x" * 10_000)
    assert len(state.cari) == 100 and state.total == 0
    call(StatistikState.atur_ulang, state)
    assert (state.urusan, state.cari, state.tahun_sampai) == ("", "", "")
