"""Statistik & Data: filters, the charts (aggregates only) and one page of the table.

The browser receives the Plotly figures (built here from aggregated counts), the summary numbers
and the rows of the current table page; never the rows behind a chart. Every handler checks
its input against the known choices; the staff table is refused unless the cookie's user is staff.
"""

import asyncio
from urllib.parse import urlencode

import plotly.graph_objects as go
import reflex as rx

from .. import routes
from ..components import charts
from ..config import get_settings
from ..domain.dates import format_date
from ..services import data_export, statistics
from ..services.statistics import Filter
from .auth import AuthState

_EMPTY = charts.empty_figure()
FILTER_KEYS = ("tahun_dari", "tahun_sampai", "jenis", "urusan", "status")


def _fmt(n: float) -> str:
    return f"{int(n):,}".replace(",", ".")


class StatistikState(AuthState):
    tahun_dari: str = ""
    tahun_sampai: str = ""
    jenis: str = ""
    urusan: str = ""
    status: str = ""
    cari: str = ""
    tabel: str = "register"
    halaman: int = 1
    total: int = 0
    staf: bool = False
    tahun_opsi: list[str] = []
    kolom: list[str] = []
    baris: list[list[str]] = []
    ringkasan: list[list[str]] = []  # (id, label, value)
    # chart -> (label, value) rows: the text alternative of each chart
    angka: dict[str, list[list[str]]] = {k: [] for k in statistics.CHARTS}
    fig_per_tahun: go.Figure = _EMPTY
    fig_per_tahap: go.Figure = _EMPTY
    fig_per_jenis: go.Figure = _EMPTY
    fig_per_urusan: go.Figure = _EMPTY
    fig_per_kabkota: go.Figure = _EMPTY
    fig_akan_berakhir: go.Figure = _EMPTY
    fig_rata_hari: go.Figure = _EMPTY
    galat: str = ""

    def _filter(self) -> Filter:
        # Attributes named one by one: computed vars find their dependencies by reading this code.
        return Filter.parse({"tahun_dari": self.tahun_dari, "tahun_sampai": self.tahun_sampai, "jenis": self.jenis,
                             "urusan": self.urusan, "status": self.status, "cari": self.cari})

    @rx.var
    def halaman_total(self) -> int:
        return statistics.pages(self.total)

    @rx.var
    def ekspor_csv(self) -> str:
        return f"{routes.STATISTIK_EKSPOR_CSV}?{urlencode({**self._filter().query(), 'tabel': self.tabel})}"

    @rx.var
    def ekspor_xlsx(self) -> str:
        return f"{routes.STATISTIK_EKSPOR_XLSX}?{urlencode({**self._filter().query(), 'tabel': self.tabel})}"

    @rx.var
    def xlsx_terlalu_besar(self) -> bool:
        return self.total > data_export.XLSX_MAX_ROWS

    @rx.var
    def ada_saringan(self) -> bool:
        return bool(self.tahun_dari or self.tahun_sampai or self.jenis or self.urusan or self.status or self.cari)

    def _apply(self, f: Filter) -> None:
        """Show the normalised filter back in the controls."""
        self.tahun_dari = str(f.tahun_dari or "")
        self.tahun_sampai = str(f.tahun_sampai or "")
        self.jenis, self.urusan, self.status, self.cari = f.jenis, f.urusan, f.status, f.cari

    async def load(self):
        await self.load_public()
        user = await self._user()
        self.staf = statistics.is_staff(user)
        params = self.router.url.query_parameters
        # A link with a filter (/statistik?jenis=…) sets it; without one, the tab keeps its own
        # choices (on_load runs again when the websocket reconnects, e.g. on a flaky phone network).
        if any(params.get(k) for k in (*FILTER_KEYS, "cari", "tabel")):
            self._apply(Filter.parse({k: params.get(k, "") for k in (*FILTER_KEYS, "cari")}))
            self.tabel = "permohonan" if params.get("tabel") == "permohonan" else "register"
            self.halaman = 1
        lo, hi = await asyncio.to_thread(statistics.year_bounds)
        self.tahun_opsi = [str(y) for y in range(hi, lo - 1, -1)]
        await self._refresh(charts_too=True)

    async def _refresh(self, charts_too: bool) -> None:
        user = await self._user()
        self.staf = statistics.is_staff(user)
        if not self.staf:
            self.tabel = "register"
        f = self._filter()
        if charts_too:
            figs, angka, ringkasan = await asyncio.to_thread(_charts, f)
            self.fig_per_tahun, self.fig_per_tahap = figs["per_tahun"], figs["per_tahap"]
            self.fig_per_jenis, self.fig_per_urusan = figs["per_jenis"], figs["per_urusan"]
            self.fig_per_kabkota, self.fig_akan_berakhir = figs["per_kabkota"], figs["akan_berakhir"]
            self.fig_rata_hari = figs["rata_hari"]
            self.angka, self.ringkasan = angka, ringkasan
        rows, self.total = await asyncio.to_thread(statistics.table_page, user, f, self.tabel, self.halaman)
        if self.halaman > self.halaman_total:
            self.halaman = self.halaman_total
            rows, self.total = await asyncio.to_thread(statistics.table_page, user, f, self.tabel, self.halaman)
        self.kolom, self.baris = _table(self.tabel, rows)

    async def _set(self, name: str, value: object) -> None:
        setattr(self, name, str(value or "")[:40])
        self._apply(self._filter())
        self.halaman = 1
        await self._refresh(charts_too=True)

    async def set_tahun_dari(self, value: str) -> None:
        await self._set("tahun_dari", value)

    async def set_tahun_sampai(self, value: str) -> None:
        await self._set("tahun_sampai", value)

    async def set_jenis(self, value: str) -> None:
        await self._set("jenis", value)

    async def set_urusan(self, value: str) -> None:
        await self._set("urusan", value)

    async def set_status(self, value: str) -> None:
        await self._set("status", value)

    async def set_cari(self, value: str) -> None:
        self.cari = str(value or "")[: statistics.MAX_SEARCH]
        self.halaman = 1
        await self._refresh(charts_too=False)

    async def set_tabel(self, value: str) -> None:
        self.tabel = "permohonan" if value == "permohonan" else "register"
        self.halaman = 1
        await self._refresh(charts_too=False)

    async def go_page(self, delta: int) -> None:
        try:
            step = int(delta)
        except (TypeError, ValueError):
            return
        self.halaman = max(1, min(self.halaman_total, self.halaman + step))
        await self._refresh(charts_too=False)

    async def atur_ulang(self) -> None:
        self._apply(Filter())
        self.halaman = 1
        await self._refresh(charts_too=True)


def _charts(f: Filter) -> tuple[dict[str, go.Figure], dict[str, list[list[str]]], list[list[str]]]:
    a = statistics.aggregates(None, f)
    angka = {
        "per_tahun": [[str(r.year), _fmt(r.total)] for r in a.per_tahun if r.total],
        **{name: [[b.full, _fmt(b.value)] for b in getattr(a, name)]
           for name in ("per_tahap", "per_jenis", "per_urusan", "per_kabkota", "akan_berakhir")},
        "rata_hari": [[b.full, f"{b.value:.1f}".replace(".", ",") + f" hari (n = {_fmt(b.n)})"] for b in a.rata_hari],
    }
    ringkasan = [
        ["jumlah-kerja-sama", "Kerja sama tercatat", _fmt(a.jumlah_kerja_sama)],
        ["jumlah-berlaku", "Masih berlaku", _fmt(a.jumlah_berlaku)],
        ["jumlah-akan-berakhir", f"Berakhir dalam {statistics.EXPIRY_DAYS} hari", _fmt(a.jumlah_akan_berakhir)],
        ["jumlah-proses", "Permohonan dalam proses", _fmt(a.jumlah_proses)],
    ]
    return charts.figures(a), angka, ringkasan


REGISTER_HEADERS = ["Judul", "Para pihak", "Urusan", "Ditandatangani", "Masa berlaku", "Status"]
APPLICATION_HEADERS = ["Kode", "Judul", "Instansi", "Urusan", "Tahap", "Diajukan", "Perubahan terakhir"]


def _table(tabel: str, rows: list) -> tuple[list[str], list[list[str]]]:
    tz = get_settings().timezone
    if tabel == "permohonan":
        return APPLICATION_HEADERS, [
            [r.code, r.judul, r.instansi, r.urusan, r.status_label, format_date(r.submitted_at, tz),
             format_date(r.status_changed_at, tz)] for r in rows]
    return REGISTER_HEADERS, [
        [r.judul, f"{r.pihak_daerah} dan {r.mitra_nama}", r.urusan, format_date(r.tanggal_ttd, tz),  # type: ignore[arg-type]
         f"{format_date(r.berlaku_mulai, tz)} – {format_date(r.berlaku_sampai, tz)}", r.status_label]  # type: ignore[arg-type]
        for r in rows]
