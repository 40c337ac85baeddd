"""FAQ: questions and answers by category, searched on the server (DESIGN §5)."""

import reflex as rx

from .. import routes
from ..components.layout import page
from ..state.content import FaqState as F
from .informasi import admin_button, markdown_html


def _item(r: rx.Var) -> rx.Component:
    return rx.el.details(
        rx.el.summary(
            rx.vstack(rx.text(r["category"], size="1", color_scheme="gray"),
                      rx.text(r["question"], weight="medium", class_name="wrap-anywhere"), spacing="0"),
            class_name="faq-question",
        ),
        markdown_html(r["html"]),
        open=F.searched, key=r["id"] + "-" + F.searched.to_string(), class_name="faq-item",
        id="faq-" + r["id"],
    )


def faq_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.flex(
                rx.text("Jawaban atas pertanyaan yang paling sering diajukan pemohon. Ketik kata apa saja: "
                        "pencarian melihat pertanyaan dan isi jawaban.", flex="1", min_width="240px"),
                admin_button("Kelola FAQ", routes.ADMIN_FAQ, "kelola-faq"),
                gap="3", wrap="wrap", align="center", width="100%",
            ),
            rx.form(
                rx.flex(
                    rx.input(value=F.query, on_change=F.set_query, debounce_timeout=300, name="q", type="search",
                             placeholder="Cari kata, misalnya: meterai", size="3", id="cari-faq",
                             flex="1", min_width="220px", aria_label="Cari pertanyaan atau jawaban"),
                    rx.button(rx.icon("search", size=18), "Cari", type="submit", size="3", id="tombol-cari-faq"),
                    gap="2", wrap="wrap", width="100%",
                ),
                on_submit=F.search_form, width="100%", role="search",
            ),
            rx.el.select(
                rx.el.option("Semua kategori", value=""),
                rx.foreach(F.categories, lambda c: rx.el.option(c[1], value=c[0])),
                value=F.category, on_change=F.set_category, class_name="native-input", id="kategori-faq",
                aria_label="Saring menurut kategori",
            ),
            rx.flex(
                rx.text(
                    rx.cond(F.searched,
                            F.results.length().to_string() + " pertanyaan memuat “" + F.query + "”",
                            F.results.length().to_string() + " pertanyaan"),
                    size="2", color_scheme="gray", id="jumlah-faq", aria_live="polite",
                ),
                rx.cond(F.searched | (F.category != ""),
                        rx.button("Hapus pencarian", variant="ghost", size="3", on_click=F.clear, id="hapus-cari-faq"),
                        rx.fragment()),
                align="center", justify="between", width="100%", gap="2", wrap="wrap",
            ),
            rx.vstack(rx.foreach(F.results, _item), spacing="2", width="100%", id="daftar-faq"),
            rx.cond(
                rx.State.is_hydrated & (F.results.length() == 0),
                rx.callout.root(
                    rx.callout.icon(rx.icon("search-x")),
                    rx.callout.text("Belum ada jawaban untuk kata itu. Coba kata lain, atau tanyakan langsung ke "
                                    "Bagian Kerja Sama melalui halaman Informasi › Kontak."),
                    color_scheme="gray", width="100%", id="faq-kosong",
                ),
                rx.fragment(),
            ),
            spacing="4", width="100%", max_width="820px",
        ),
        title="Pertanyaan yang Sering Diajukan",
    )
