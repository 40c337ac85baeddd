"""Informasi: pages about KSD and the downloadable document outlines (DESIGN §5)."""

import reflex as rx

from .. import routes
from ..components.layout import page
from ..config import get_settings
from ..state.auth import AuthState
from ..state.content import InfoPageState as P
from ..state.content import InformasiState as S


def admin_button(label: str, href: str, button_id: str) -> rx.Component:
    """Shown to admins only: a way from the public page to its management page."""
    return rx.cond(
        AuthState.role == "ADMIN",
        rx.link(rx.button(rx.icon("pencil", size=16), label, variant="soft", size="3"), href=href, id=button_id),
        rx.fragment(),
    )


def markdown_html(html: rx.Var, box_id: str = "") -> rx.Component:
    """HTML rendered and sanitized on the server (domain/markdown.py); never raw input."""
    return rx.html(html, class_name="md-body", id=box_id) if box_id else rx.html(html, class_name="md-body")


def _page_card(p: rx.Var) -> rx.Component:
    return rx.link(
        rx.card(
            rx.hstack(
                rx.vstack(rx.heading(p["title"], size="4", as_="h2"),
                          rx.text(p["summary"], color_scheme="gray", size="2"), spacing="1", flex="1"),
                rx.icon("chevron-right", size=20, color="var(--gray-9)"),
                align="center", width="100%",
            ),
            width="100%", class_name="kartu-informasi",
        ),
        href=p["href"], underline="none", color="inherit", width="100%",
    )


def _template_row(t: rx.Var) -> rx.Component:
    return rx.card(
        rx.flex(
            rx.hstack(
                rx.icon("file-text", size=28, color="var(--accent-9)", flex_shrink="0"),
                rx.vstack(rx.text(t["title"], weight="bold"), rx.text(t["description"], size="2", color_scheme="gray"),
                          spacing="0"),
                align="center", spacing="3", flex="1", min_width="220px",
            ),
            rx.el.a(rx.icon("download", size=18), "Unduh DOCX", href=t["url"], download=True, reload_document=True,
                    class_name="tombol-unduh", id="unduh-" + t["kind"],
                    aria_label="Unduh templat " + t["title"] + " (DOCX)"),
            gap="3", align="center", wrap="wrap", width="100%",
        ),
        width="100%",
    )


def informasi_page() -> rx.Component:
    s = get_settings()
    return page(
        rx.vstack(
            rx.flex(
                rx.text(f"Panduan kerja sama daerah {s.region_name}: pengertian, jenis kerja sama, langkah "
                        "pengajuan, dasar hukum, isi dokumen, dan templat yang dapat diunduh.", flex="1",
                        min_width="240px"),
                admin_button("Kelola Informasi", routes.ADMIN_INFORMASI, "kelola-informasi"),
                gap="3", wrap="wrap", align="center", width="100%",
            ),
            rx.cond(
                S.info_pages.length() > 0,
                rx.grid(rx.foreach(S.info_pages, _page_card), columns={"initial": "1", "sm": "2"}, spacing="3",
                        width="100%", id="daftar-informasi"),
                rx.cond(rx.State.is_hydrated, rx.text("Belum ada halaman informasi yang diterbitkan."),
                        rx.fragment()),
            ),
            rx.heading("Templat dokumen", size="5", as_="h2", id="templat", margin_top="0.5em"),
            rx.text("Kerangka dokumen dalam format Word. Bagian bertanda kurung siku dan berlatar kuning adalah "
                    "isian yang perlu Anda sesuaikan.", color_scheme="gray", size="2"),
            rx.vstack(rx.foreach(S.templates, _template_row), spacing="3", width="100%", id="daftar-templat"),
            spacing="4", width="100%",
        ),
        title="Informasi Kerja Sama Daerah",
    )


def info_detail_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.link(rx.hstack(rx.icon("arrow-left", size=16), rx.text("Semua informasi"), align="center",
                              spacing="1"), href=routes.INFORMASI, class_name="tautan-kembali", id="kembali-informasi"),
            rx.heading(P.page_title, size="7", as_="h1", id="judul-halaman"),
            rx.cond(
                P.found,
                rx.vstack(
                    rx.cond(P.page_updated != "", rx.text("Diperbarui " + P.page_updated, size="1",
                                                          color_scheme="gray"), rx.fragment()),
                    markdown_html(P.page_html, "isi-halaman"),
                    rx.flex(
                        rx.cond(P.prev_href != "", rx.link(
                            rx.button(rx.icon("chevron-left", size=16), P.prev_title, variant="outline", size="3",
                                      class_name="tombol-navigasi"), href=P.prev_href, id="halaman-sebelumnya"),
                            rx.fragment()),
                        rx.spacer(),
                        rx.cond(P.next_href != "", rx.link(
                            rx.button(P.next_title, rx.icon("chevron-right", size=16), size="3",
                                      class_name="tombol-navigasi"), href=P.next_href, id="halaman-berikutnya"),
                            rx.fragment()),
                        gap="3", wrap="wrap", width="100%", margin_top="1em",
                    ),
                    spacing="3", width="100%",
                ),
                rx.cond(rx.State.is_hydrated,
                        rx.text("Halaman ini tidak ada atau belum diterbitkan.", id="halaman-tidak-ada"),
                        rx.fragment()),
            ),
            spacing="3", width="100%", max_width="780px",
        ),
    )
