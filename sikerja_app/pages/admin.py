"""Admin inbox."""

import reflex as rx

from .. import routes
from ..components.display import status_badge
from ..components.layout import page
from ..state.admin import InboxState as I
from ..state.applications import STATUS_FILTERS
from .applications import pending_list


def _row(r: rx.Var) -> rx.Component:
    return rx.link(
        rx.card(rx.vstack(
            rx.hstack(rx.text(r["code"], weight="bold", font_family="monospace"), rx.spacer(),
                      status_badge(r["status"], r["status_label"]), width="100%", wrap="wrap"),
            rx.text(r["judul"], class_name="wrap-anywhere"),
            rx.text(r["instansi"] + " · diajukan " + r["diajukan"] + " · berubah " + r["berubah"],
                    size="1", color_scheme="gray"),
            spacing="1", width="100%"), width="100%"),
        href=r["href"], underline="none", color="inherit", width="100%", class_name="baris-kotak-masuk",
    )


def inbox_page() -> rx.Component:
    return page(
        rx.vstack(
            pending_list(I.pending, "Menunggu keputusan admin"),
            rx.link(rx.button(rx.icon("clipboard-list"), "Laporan monev terlambat", variant="soft", size="3"),
                    href=routes.ADMIN_MONEV, id="tautan-monev-terlambat"),
            rx.link(rx.button(rx.icon("file-spreadsheet"), "Impor register perjanjian", variant="soft", size="3"),
                    href=routes.ADMIN_REGISTER_IMPOR, id="tautan-impor-register"),
            rx.cond(I.stalled.length() > 0, rx.vstack(
                rx.heading("Tahap yang macet", size="4", as_="h2"),
                rx.foreach(I.stalled, lambda r: rx.link(
                    rx.card(rx.vstack(rx.text(r["code"] + " · " + r["stage"] + " · " + r["days"] + " hari kerja",
                                              weight="bold", size="2"),
                                      rx.text("Menunggu: " + r["who"], size="2"),
                                      rx.text(r["judul"], size="1", color_scheme="gray"), spacing="0"),
                            width="100%"), href=r["href"], underline="none", color="inherit", width="100%")),
                spacing="2", width="100%", id="tahap-macet"), rx.fragment()),
            rx.heading("Semua permohonan", size="4", as_="h2"),
            rx.flex(
                rx.el.select(*[rx.el.option(t, value=v) for v, t in STATUS_FILTERS], value=I.status_filter,
                             on_change=I.set_status_filter, class_name="native-input", id="saring-tahap",
                             aria_label="Saring menurut tahap", max_width="360px"),
                rx.input(placeholder="Cari kode, judul atau instansi…", value=I.query, on_change=I.set_query,
                         debounce_timeout=300, size="3", id="cari-permohonan", flex="1", min_width="220px"),
                gap="3", wrap="wrap", width="100%",
            ),
            rx.text(I.total.to_string() + " permohonan", size="2", color_scheme="gray"),
            rx.vstack(rx.foreach(I.rows, _row), spacing="3", width="100%"),
            rx.hstack(
                rx.button("‹ Sebelumnya", variant="soft", on_click=I.go_page(-1), disabled=I.page <= 1),
                rx.text("Halaman " + I.page.to_string() + " dari " + I.pages.to_string()),
                rx.button("Berikutnya ›", variant="soft", on_click=I.go_page(1), disabled=I.page >= I.pages),
                align="center", spacing="3",
            ),
            spacing="4", width="100%",
        ),
        title="Kotak masuk permohonan",
    )
