"""Statistik & Data: filters, Plotly charts (partial bundle), the table and its exports."""

import plotly.graph_objects as go
import reflex as rx

from .. import routes
from ..components.charts import CONFIG
from ..components.layout import page
from ..config import get_settings
from ..domain.reference_files import urusan_choices
from ..services.data_export import XLSX_MAX_ROWS, status_options
from ..services.statistics import EXPIRY_DAYS, jenis_labels
from ..state.statistik import StatistikState as S

_NO_TEMPLATE = go.layout.Template()  # each figure brings its own small look; no 7 KB default template per chart

CHARTS = (
    ("per_tahun", "Kerja sama per tahun penandatanganan", S.fig_per_tahun,
     "Jumlah kerja sama menurut tahun ditandatangani, dibagi menurut statusnya."),
    ("per_tahap", "Permohonan per tahap", S.fig_per_tahap,
     "Permohonan yang sudah diajukan, menurut tahap (status) saat ini."),
    ("per_jenis", "Kerja sama per jenis mitra", S.fig_per_jenis, "Menurut jenis instansi mitra."),
    ("per_urusan", "Kerja sama per urusan", S.fig_per_urusan,
     "Sepuluh urusan terbanyak; jumlah sisanya di bawah grafik."),
    ("per_kabkota", "Kerja sama per kabupaten/kota mitra", S.fig_per_kabkota,
     "Sepuluh kabupaten/kota asal mitra terbanyak; jumlah sisanya di bawah grafik."),
    ("akan_berakhir", f"Berakhir dalam {EXPIRY_DAYS} hari ke depan", S.fig_akan_berakhir,
     "Kerja sama yang masih berlaku dan masa berlakunya segera habis."),
    ("rata_hari", "Rata-rata lama setiap tahap", S.fig_rata_hari,
     "Rata-rata hari sebuah permohonan berada di tiap tahap, dari tahap yang sudah selesai."),
)


def _select(label: str, field_id: str, value: rx.Var, on_change, options, placeholder: str) -> rx.Component:  # noqa: ANN001
    return rx.vstack(
        rx.el.label(label, html_for=field_id, class_name="label"),
        rx.el.select(
            rx.el.option(placeholder, value=""),
            *([rx.el.option(t, value=v) for v, t in options] if isinstance(options, list) else
              [rx.foreach(options, lambda y: rx.el.option(y, value=y))]),
            id=field_id, value=value, on_change=on_change, class_name="native-input",
        ),
        spacing="1", width="100%",
    )


def _filters() -> rx.Component:
    urusan = [(k, f"{k} – {n}") for k, n, _ in urusan_choices()]
    return rx.card(
        rx.vstack(
            rx.grid(
                _select("Tahun dari", "saring-tahun-dari", S.tahun_dari, S.set_tahun_dari, S.tahun_opsi,
                        "Semua tahun"),
                _select("Tahun sampai", "saring-tahun-sampai", S.tahun_sampai, S.set_tahun_sampai, S.tahun_opsi,
                        "Semua tahun"),
                columns="2", spacing="3", width="100%",
            ),
            _select("Jenis mitra", "saring-jenis", S.jenis, S.set_jenis, list(jenis_labels().items()),
                    "Semua jenis mitra"),
            _select("Urusan", "saring-urusan", S.urusan, S.set_urusan, urusan, "Semua urusan"),
            _select("Status", "saring-status", S.status, S.set_status, status_options(), "Semua status"),
            rx.cond(S.ada_saringan,
                    rx.button("Hapus saringan", variant="soft", color_scheme="gray", on_click=S.atur_ulang,
                              id="hapus-saringan"),
                    rx.fragment()),
            spacing="3", width="100%",
        ),
        width="100%", id="saringan", role="search", aria_label="Saringan statistik",
    )


def _summary() -> rx.Component:
    return rx.grid(
        rx.foreach(S.ringkasan, lambda r: rx.card(rx.vstack(
            rx.text(r[2], size="6", weight="bold"), rx.text(r[1], size="2", color_scheme="gray"), spacing="0"),
            id=r[0])),
        columns={"initial": "2", "md": "4"}, spacing="3", width="100%", id="ringkasan",
    )


def _chart(key: str, title: str, fig: rx.Var, note: str) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading(title, size="4", as_="h2"),
            rx.text(note, size="2", color_scheme="gray"),
            rx.box(
                rx.plotly.basic(data=fig, config=CONFIG, template=_NO_TEMPLATE, use_resize_handler=True,
                                style={"width": "100%"}, id=f"grafik-{key.replace('_', '-')}"),
                width="100%",
            ),
            rx.el.details(
                rx.el.summary("Lihat angka", class_name="angka-ringkas"),
                rx.el.table(rx.el.tbody(rx.foreach(S.angka[key], lambda r: rx.el.tr(rx.el.td(r[0]),
                                                                                       rx.el.td(r[1])))),
                            class_name="tabel-angka"),
            ),
            spacing="2", width="100%",
        ),
        width="100%", class_name="kartu-grafik",
    )


def _cell(header: rx.Var, value: rx.Var) -> rx.Component:
    return rx.el.td(value, custom_attrs={"data-label": header})


def _download(label: str, href: rx.Var, link_id: str) -> rx.Component:
    """A link that looks like a button (the export is a plain HTTP download)."""
    return rx.button(rx.el.a(rx.icon("download", size=16), label, href=href, id=link_id, reload_document=True,
                             download=True),
                     as_child=True, variant="soft")


def _table() -> rx.Component:
    return rx.vstack(
        rx.heading(rx.cond(S.tabel == "permohonan", "Semua permohonan", "Register kerja sama"), size="5",
                   as_="h2", id="judul-tabel"),
        rx.cond(S.staf, rx.el.select(
            rx.el.option("Register kerja sama (publik)", value="register"),
            rx.el.option("Semua permohonan (petugas)", value="permohonan"),
            value=S.tabel, on_change=S.set_tabel, class_name="native-input", id="pilih-tabel",
            aria_label="Pilih tabel", max_width="360px"), rx.fragment()),
        rx.input(placeholder=rx.cond(S.tabel == "permohonan", "Cari kode, judul atau instansi…",
                                     "Cari judul atau nama mitra…"),
                 value=S.cari, on_change=S.set_cari, debounce_timeout=300, size="3", id="cari-tabel",
                 width="100%", aria_label="Cari di tabel"),
        rx.flex(
            rx.text(S.total.to_string() + " baris", size="2", color_scheme="gray", id="jumlah-baris"),
            rx.spacer(),
            _download("CSV", S.ekspor_csv, "ekspor-csv"),
            rx.cond(S.xlsx_terlalu_besar,
                    rx.button(rx.icon("download", size=16), "XLSX", variant="soft", disabled=True,
                              title=f"XLSX paling banyak {XLSX_MAX_ROWS:,} baris; persempit saringan "
                                    "atau unduh CSV".replace(",", ".")),
                    _download("XLSX", S.ekspor_xlsx, "ekspor-xlsx")),
            spacing="2", align="center", width="100%", wrap="wrap",
        ),
        rx.box(
            rx.el.table(
                rx.el.thead(rx.el.tr(rx.foreach(S.kolom, lambda h: rx.el.th(h, scope="col")))),
                rx.el.tbody(rx.foreach(S.baris, lambda row: rx.el.tr(
                    rx.foreach(row, lambda v, i: _cell(S.kolom[i], v))))),
                class_name="tabel-data", id="tabel-statistik",
            ),
            width="100%", class_name="tabel-bungkus",
        ),
        rx.cond(S.total == 0, rx.text("Tidak ada baris yang cocok dengan saringan ini.", color_scheme="gray",
                                      id="tabel-kosong"), rx.fragment()),
        rx.hstack(
            rx.button("‹ Sebelumnya", variant="soft", on_click=S.go_page(-1), disabled=S.halaman <= 1,
                      id="halaman-sebelumnya"),
            rx.text("Halaman " + S.halaman.to_string() + " dari " + S.halaman_total.to_string(), size="2",
                    id="nomor-halaman"),
            rx.button("Berikutnya ›", variant="soft", on_click=S.go_page(1), disabled=S.halaman >= S.halaman_total,
                      id="halaman-berikutnya"),
            align="center", spacing="3", wrap="wrap",
        ),
        spacing="3", width="100%", id="bagian-tabel",
    )


def statistik_page() -> rx.Component:
    s = get_settings()
    return page(
        rx.vstack(
            rx.text(f"Angka kerja sama daerah {s.region_name}: register kerja sama yang sudah ditandatangani "
                    "dan perjalanan permohonan. Grafik hanya memuat angka agregat, tanpa data pribadi.", size="3"),
            _filters(),
            _summary(),
            rx.grid(*[_chart(*c) for c in CHARTS], columns={"initial": "1", "md": "2"}, spacing="3",
                    width="100%", id="grafik-statistik"),
            _table(),
            rx.text("Data terbuka (JSON dan CSV) untuk register dan angka agregat: ",
                    rx.link("/data", href=routes.DATA, is_external=True), ".", size="2", color_scheme="gray"),
            spacing="4", width="100%",
        ),
        title="Statistik & Data",
    )
