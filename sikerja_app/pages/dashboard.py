"""The staff dashboard (/dasbor) and the printable summary of one application (/pengajuan/<id>/cetak)."""

import reflex as rx

from .. import routes
from ..components.display import kv_list, note_box
from ..components.layout import page
from ..state.dashboard import DashboardState as D
from ..state.dashboard import PrintState as P
from .applications import pending_list


def _count_card(c: rx.Var) -> rx.Component:
    return rx.card(rx.vstack(
        rx.text(c["n"], size="6", weight="bold", class_name="angka-tahap"),
        rx.text(c["label"], size="1", color_scheme="gray"),
        spacing="0"), class_name="kartu-tahap", data_status=c["status"], width="100%")


def _stalled() -> rx.Component:
    return rx.cond(D.stalled.length() > 0, rx.vstack(
        rx.heading("Tahap yang macet", size="4", as_="h2"),
        rx.foreach(D.stalled, lambda r: rx.link(
            rx.card(rx.vstack(rx.text(r["code"] + " · " + r["stage"] + " · " + r["days"] + " hari kerja",
                                      weight="bold", size="2"),
                              rx.text("Menunggu: " + r["who"], size="2"),
                              rx.text(r["judul"], size="1", color_scheme="gray", class_name="wrap-anywhere"),
                              spacing="0"), width="100%"),
            href=r["href"], underline="none", color="inherit", width="100%")),
        spacing="2", width="100%", id="dasbor-macet"), rx.fragment())


def _expiring() -> rx.Component:
    return rx.vstack(
        rx.heading("Kerja sama berakhir dalam 90 hari (" + D.expiring_total.to_string() + ")", size="4", as_="h2"),
        rx.cond(D.expiring.length() > 0,
                rx.vstack(rx.foreach(D.expiring, lambda r: rx.link(
                    rx.card(rx.vstack(
                        rx.text(r["judul"], weight="bold", size="2", class_name="wrap-anywhere"),
                        rx.text(r["mitra"], size="2", class_name="wrap-anywhere"),
                        rx.text("Berakhir " + r["sampai"] + " · " + r["days"] + " hari lagi", size="1",
                                color_scheme="gray"), spacing="0"), width="100%"),
                    href=r["href"], underline="none", color="inherit", width="100%", class_name="akan-berakhir")),
                    spacing="2", width="100%"),
                rx.text("Tidak ada kerja sama yang berakhir dalam 90 hari ke depan.", color_scheme="gray", size="2")),
        spacing="2", width="100%", id="dasbor-berakhir",
    )


def _trend() -> rx.Component:
    return rx.vstack(
        rx.heading("Permohonan diajukan per bulan: " + D.year.to_string() + " dibanding "
                   + (D.year - 1).to_string(), size="4", as_="h2"),
        rx.table.root(
            rx.table.header(rx.table.row(
                rx.table.column_header_cell("Bulan"),
                rx.table.column_header_cell(D.year.to_string(), justify="end"),
                rx.table.column_header_cell((D.year - 1).to_string(), justify="end"),
                rx.table.column_header_cell("Selisih", justify="end"))),
            rx.table.body(rx.foreach(D.trend, lambda t: rx.table.row(
                rx.table.row_header_cell(t["bulan"]),
                rx.table.cell(t["ini"], justify="end", weight="bold"),
                rx.table.cell(t["lalu"], justify="end"),
                rx.table.cell(t["selisih"], justify="end")))),
            size="1", variant="surface", width="100%"),
        spacing="2", width="100%", id="dasbor-tren",
    )


def dashboard_page() -> rx.Component:
    body = rx.vstack(
        rx.text(rx.cond(D.role == "TKKSD", "Permohonan yang ditugaskan kepada Anda: ", "Seluruh permohonan: "),
                rx.text.strong(D.total, id="dasbor-total"), " (tanpa draf)", size="3"),
        rx.grid(rx.foreach(D.counts, _count_card), columns=rx.breakpoints(initial="2", sm="3", md="4"),
                spacing="2", width="100%", id="dasbor-jumlah"),
        pending_list(D.pending, "Perlu tindakan saya"),
        rx.cond(D.pending.length() == 0,
                rx.text("Tidak ada yang menunggu tindakan Anda.", color_scheme="gray", size="2",
                        id="tidak-ada-tindakan"), rx.fragment()),
        _stalled(),
        _expiring(),
        _trend(),
        spacing="4", width="100%", id="dasbor",
    )
    return page(rx.cond(D.error != "", rx.callout(D.error, icon="triangle-alert", color_scheme="red",
                                                  id="galat-muat"), body), title="Dasbor")


def _section(title: str, *children: rx.Component, section_id: str) -> rx.Component:
    return rx.el.section(rx.heading(title, size="4", as_="h2"), *children, class_name="cetak-bagian",
                         id=section_id)


def _stage_line(r: rx.Var) -> rx.Component:
    return rx.match(
        r["kind"],
        ("stage", rx.heading(r["label"] + " – " + r["state"], size="3", as_="h3", class_name="cetak-tahap")),
        ("doc", rx.text("Dokumen: " + r["label"] + " " + r["version"] + " · " + r["name"] + " · " + r["when"],
                        size="2", class_name="wrap-anywhere cetak-dokumen")),
        ("decision", rx.box(
            rx.text("Keputusan: " + r["label"] + " – " + r["who"] + " (" + r["role"] + ") · " + r["when"],
                    size="2", weight="bold"),
            rx.text("Atas: " + r["version"], size="1", color_scheme="gray"),
            rx.cond(r["note"] != "", rx.text("Catatan: " + r["note"], size="2", white_space="pre-wrap",
                                             class_name="wrap-anywhere"), rx.fragment()),
            class_name="cetak-keputusan")),
        rx.text("Belum ada dokumen atau keputusan.", size="2", color_scheme="gray"),
    )


def print_page() -> rx.Component:
    back = routes.PENGAJUAN + "/" + P.app_id.to_string()
    body = rx.vstack(
        rx.hstack(
            rx.link(rx.button(rx.icon("arrow-left"), "Kembali ke detail", variant="soft"), href=back),
            rx.button(rx.icon("printer"), "Cetak", on_click=rx.call_script("window.print()"), id="tombol-cetak"),
            spacing="2", wrap="wrap", class_name="no-print"),
        rx.hstack(rx.text(P.code, weight="bold", font_family="monospace", id="kode"),
                  rx.text(P.status_label), spacing="3", wrap="wrap"),
        rx.heading(P.judul, size="5", as_="h1", class_name="wrap-anywhere"),
        rx.text("Urusan: " + P.urusan + " · Diajukan " + P.submitted, size="2"),
        rx.cond(P.admin_note != "", note_box("Catatan admin:", P.admin_note, "orange", "catatan-admin"),
                rx.fragment()),
        _section("Instansi pemohon", kv_list(P.instansi), section_id="cetak-instansi"),
        _section("PPKSD", rx.heading("PPKSD-1", size="3", as_="h3"), kv_list(P.ppksd1),
                 rx.text("PPKSD-2: ", rx.text.strong(P.ppksd2)), rx.text(P.pakta, size="2"),
                 section_id="cetak-ppksd"),
        _section("OPD terkait", rx.el.ul(rx.foreach(P.opd, lambda o: rx.el.li(o))),
                 rx.cond(P.tkksd.length() > 0, rx.box(
                     rx.heading("Anggota TKKSD yang menelaah", size="3", as_="h3"),
                     rx.el.ul(rx.foreach(P.tkksd, lambda o: rx.el.li(o)))), rx.fragment()),
                 section_id="cetak-opd"),
        _section("Persiapan kerja sama", rx.foreach(P.narratives, lambda n: rx.box(
            rx.heading(n[0], size="3", as_="h3"),
            rx.text(n[1], white_space="pre-wrap", class_name="wrap-anywhere"), class_name="cetak-narasi")),
            section_id="cetak-narasi"),
        _section("Riwayat", rx.el.ol(rx.foreach(P.timeline, lambda t: rx.el.li(
            rx.text(t["when"] + " – ", rx.text.strong(t["label"]), " · " + t["who"], size="2"),
            rx.cond(t["note"] != "", rx.text(t["note"], size="2", white_space="pre-wrap",
                                             class_name="wrap-anywhere"), rx.fragment())))),
            section_id="cetak-riwayat"),
        rx.cond(P.stage_rows.length() > 0,
                _section("Pembahasan", rx.foreach(P.stage_rows, _stage_line), section_id="cetak-pembahasan"),
                rx.fragment()),
        rx.cond(P.signing.length() > 0,
                _section("Penjadwalan & penandatanganan", kv_list(P.signing),
                         rx.el.ul(rx.foreach(P.proposals, lambda p: rx.el.li(
                             p["when"] + " · " + p["place"] + " · diusulkan " + p["who"] + " · " + p["status"]))),
                         section_id="cetak-penandatanganan"),
                rx.fragment()),
        rx.cond(P.register.length() > 0,
                _section("Register kerja sama", kv_list(P.register),
                         rx.link("Buka di register", href=P.register_href, class_name="no-print"),
                         section_id="cetak-register"),
                rx.fragment()),
        spacing="3", width="100%", class_name="ringkasan-cetak", id="ringkasan-cetak",
    )
    return page(rx.cond(P.error != "", rx.callout(P.error, icon="triangle-alert", color_scheme="red",
                                                  id="galat-muat"), body))

