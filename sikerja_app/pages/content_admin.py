"""Admin management of Informasi pages, templates and the FAQ (issue 5)."""

import reflex as rx

from .. import routes
from ..components.forms import text_field, textarea_field
from ..components.layout import error_summary, field_error, page
from ..state.content import AdminFaqState as Q
from ..state.content import AdminInfoState as A
from .informasi import markdown_html

MARKDOWN_HINT = ("Format Markdown: ## Subjudul, **tebal**, *miring*, baris berawalan - untuk daftar, "
                 "[teks tautan](https://alamat). HTML dan skrip tidak dijalankan.")


def _admin_nav(current: str) -> rx.Component:
    links = (("Kotak masuk", routes.ADMIN), ("Kelola Informasi", routes.ADMIN_INFORMASI),
             ("Kelola FAQ", routes.ADMIN_FAQ))
    return rx.flex(
        *[rx.link(rx.button(label, variant="solid" if href == current else "soft", size="3"), href=href)
          for label, href in links],
        gap="2", wrap="wrap", width="100%", class_name="admin-nav",
    )


def _status(published: rx.Var) -> rx.Component:
    return rx.cond(published == "1", rx.badge("Terbit", color_scheme="green", size="2"),
                   rx.badge("Disembunyikan", color_scheme="gray", size="2"))


def _row_actions(row: rx.Var, up, down, toggle, edit=None, label: str = "") -> rx.Component:  # noqa: ANN001
    return rx.flex(
        rx.icon_button(rx.icon("arrow-up", size=18), variant="soft", size="3", on_click=up,
                       aria_label="Naikkan " + label, class_name="tombol-urut"),
        rx.icon_button(rx.icon("arrow-down", size=18), variant="soft", size="3", on_click=down,
                       aria_label="Turunkan " + label, class_name="tombol-urut"),
        edit if edit is not None else rx.fragment(),
        rx.button(rx.cond(row["published"] == "1", "Sembunyikan", "Terbitkan"), variant="outline", size="3",
                  on_click=toggle, class_name="tombol-terbit"),
        gap="2", wrap="wrap",
    )


def _preview_box(show: rx.Var, html: rx.Var, box_id: str) -> rx.Component:
    return rx.cond(show, rx.box(rx.text("Pratinjau", weight="bold", size="2", color_scheme="gray"),
                                markdown_html(html), class_name="pratinjau", id=box_id, width="100%"),
                   rx.fragment())


def _published_checkbox(checked: rx.Var, on_change, box_id: str, text: str) -> rx.Component:  # noqa: ANN001
    return rx.el.label(rx.checkbox(checked=checked, on_change=on_change, id=box_id, size="3"), text,
                       class_name="checkbox-row")


# ------------------------------------------------------------------ Informasi


def _info_form() -> rx.Component:
    def field(name: str, label: str, hint: str = "", required: bool = True, **kw) -> rx.Component:
        return text_field(label, f"info-{name}", A.form[name], lambda v: A.set_field(name, v),
                          A.errors.get(name, ""), hint=hint, required=required, **kw)

    return rx.cond(
        A.editing_id >= 0,
        rx.card(rx.vstack(
            rx.heading(rx.cond(A.editing_id == 0, "Halaman baru", "Ubah halaman"), size="5", as_="h2"),
            error_summary(A.error_list, "info-", "ringkasan-galat-informasi"),
            field("title", "Judul", max_length=250),
            field("slug", "Alamat halaman", "Kosongkan untuk dibuat dari judul. Contoh: jenis-kerja-sama "
                  "→ /informasi/jenis-kerja-sama", required=False, max_length=130),
            field("summary", "Ringkasan", "Satu kalimat yang tampil di daftar Informasi.", required=False),
            textarea_field("Isi halaman", "info-body", A.form["body"], lambda v: A.set_field("body", v),
                           A.errors.get("body", ""), hint=MARKDOWN_HINT, rows="16"),
            _published_checkbox(A.form_published, A.set_published_flag, "info-published",
                                "Terbitkan (tampil untuk umum)"),
            _preview_box(A.show_preview, A.preview_html, "pratinjau-informasi"),
            rx.flex(
                rx.button("Simpan", size="3", on_click=A.save, id="simpan-informasi"),
                rx.button(rx.cond(A.show_preview, "Tutup pratinjau", "Pratinjau"), size="3", variant="soft",
                          on_click=A.toggle_preview, id="pratinjau-informasi-tombol"),
                rx.button("Batal", size="3", variant="ghost", on_click=A.cancel, id="batal-informasi"),
                gap="2", wrap="wrap",
            ),
            spacing="4", width="100%",
        ), width="100%", id="form-informasi"),
        rx.fragment(),
    )


def _info_row(r: rx.Var) -> rx.Component:
    return rx.card(rx.flex(
        rx.vstack(
            rx.hstack(_status(r["published"]), rx.text(r["title"], weight="bold", class_name="wrap-anywhere"),
                      align="center", wrap="wrap"),
            rx.link("/informasi/" + r["slug"], href=r["href"], size="2", class_name="wrap-anywhere"),
            spacing="1", flex="1", min_width="200px",
        ),
        _row_actions(r, A.move_page(r["id"], -1), A.move_page(r["id"], 1),
                     A.set_page_published(r["id"], r["published"] != "1"),
                     rx.button("Ubah", size="3", variant="soft", on_click=A.edit_page(r["id"]),
                               class_name="tombol-ubah"), "halaman"),
        gap="3", wrap="wrap", align="center", width="100%",
    ), width="100%", class_name="baris-informasi")


def _doc_row(r: rx.Var) -> rx.Component:
    return rx.card(rx.flex(
        rx.hstack(_status(r["published"]), rx.text(r["title"], weight="bold"), align="center", wrap="wrap",
                  flex="1", min_width="200px"),
        _row_actions(r, A.move_doc(r["id"], -1), A.move_doc(r["id"], 1),
                     A.set_doc_published(r["id"], r["published"] != "1"), None, "templat"),
        gap="3", wrap="wrap", align="center", width="100%",
    ), width="100%", class_name="baris-templat")


def admin_info_page() -> rx.Component:
    return page(
        rx.vstack(
            _admin_nav(routes.ADMIN_INFORMASI),
            rx.flex(
                rx.button(rx.icon("plus", size=18), "Tambah halaman", size="3", on_click=A.new_page,
                          id="tambah-halaman"),
                rx.link(rx.button("Lihat Informasi", size="3", variant="outline"), href=routes.INFORMASI),
                gap="2", wrap="wrap",
            ),
            _info_form(),
            rx.heading("Halaman", size="5", as_="h2"),
            rx.text("Urutan di sini adalah urutan di menu Informasi. Halaman yang disembunyikan tidak tampil untuk "
                    "umum.", size="2", color_scheme="gray"),
            rx.vstack(rx.foreach(A.info_rows, _info_row), spacing="2", width="100%", id="admin-daftar-informasi"),
            rx.heading("Templat dokumen", size="5", as_="h2"),
            rx.text("Berkas DOCX dibuat oleh aplikasi dengan nama daerah dari konfigurasi.", size="2",
                    color_scheme="gray"),
            rx.vstack(rx.foreach(A.doc_rows, _doc_row), spacing="2", width="100%", id="admin-daftar-templat"),
            spacing="4", width="100%",
        ),
        title="Kelola Informasi",
    )


# ------------------------------------------------------------------ FAQ


def _category_select(value: rx.Var, on_change, select_id: str, first: str, error: rx.Var | None = None,  # noqa: ANN001
                     label: str = "") -> rx.Component:
    return rx.el.select(
        rx.el.option(first, value=""),
        rx.foreach(Q.faq_categories, lambda c: rx.el.option(c[1], value=c[0])),
        value=value, on_change=on_change, class_name="native-input", id=select_id,
        aria_invalid=rx.cond(error != "", "true", "false") if error is not None else "false",
        aria_label=label or None,
    )


def _faq_form() -> rx.Component:
    err = Q.errors.get("category_id", "")
    return rx.cond(
        Q.editing_id >= 0,
        rx.card(rx.vstack(
            rx.heading(rx.cond(Q.editing_id == 0, "Pertanyaan baru", "Ubah pertanyaan"), size="5", as_="h2"),
            error_summary(Q.error_list, "faq-", "ringkasan-galat-faq"),
            rx.vstack(
                rx.el.label("Kategori", rx.text.span(" *", color_scheme="red"), html_for="faq-category_id",
                            class_name="label"),
                _category_select(Q.form["category_id"], lambda v: Q.set_field("category_id", v), "faq-category_id",
                                 "– Pilih kategori –", err),
                field_error(err, "faq-category_id"),
                spacing="1", width="100%", class_name=rx.cond(err != "", "field-invalid", ""),
            ),
            text_field("Pertanyaan", "faq-question", Q.form["question"], lambda v: Q.set_field("question", v),
                       Q.errors.get("question", ""), hint="Tulis seperti pemohon bertanya.", max_length=400),
            textarea_field("Jawaban", "faq-answer", Q.form["answer"], lambda v: Q.set_field("answer", v),
                           Q.errors.get("answer", ""), hint=MARKDOWN_HINT, rows="10"),
            _published_checkbox(Q.form_published, Q.set_published_flag, "faq-published",
                                "Terbitkan (tampil untuk umum)"),
            _preview_box(Q.show_preview, Q.preview_html, "pratinjau-faq"),
            rx.flex(
                rx.button("Simpan", size="3", on_click=Q.save, id="simpan-faq"),
                rx.button(rx.cond(Q.show_preview, "Tutup pratinjau", "Pratinjau"), size="3", variant="soft",
                          on_click=Q.toggle_preview, id="pratinjau-faq-tombol"),
                rx.button("Batal", size="3", variant="ghost", on_click=Q.cancel, id="batal-faq"),
                gap="2", wrap="wrap",
            ),
            spacing="4", width="100%",
        ), width="100%", id="form-faq"),
        rx.fragment(),
    )


def _faq_row(r: rx.Var) -> rx.Component:
    return rx.card(rx.flex(
        rx.vstack(
            rx.hstack(_status(r["published"]), rx.text(r["category"], size="1", color_scheme="gray"),
                      align="center", wrap="wrap"),
            rx.text(r["question"], weight="bold", class_name="wrap-anywhere"),
            spacing="1", flex="1", min_width="200px",
        ),
        _row_actions(r, Q.move_entry(r["id"], -1), Q.move_entry(r["id"], 1),
                     Q.set_entry_published(r["id"], r["published"] != "1"),
                     rx.button("Ubah", size="3", variant="soft", on_click=Q.edit_entry(r["id"]),
                               class_name="tombol-ubah"), "pertanyaan"),
        gap="3", wrap="wrap", align="center", width="100%",
    ), width="100%", class_name="baris-faq")


def _categories() -> rx.Component:
    return rx.vstack(
        rx.heading("Kategori", size="5", as_="h2"),
        rx.foreach(Q.faq_categories, lambda c: rx.flex(
            rx.text(c[1], flex="1", min_width="160px"),
            rx.icon_button(rx.icon("arrow-up", size=18), variant="soft", size="3", on_click=Q.move_cat(c[0], -1),
                           aria_label="Naikkan kategori " + c[1], class_name="tombol-urut"),
            rx.icon_button(rx.icon("arrow-down", size=18), variant="soft", size="3", on_click=Q.move_cat(c[0], 1),
                           aria_label="Turunkan kategori " + c[1], class_name="tombol-urut"),
            rx.button("Ganti nama", variant="soft", size="3", on_click=Q.rename_cat(c[0])),
            gap="2", align="center", wrap="wrap", width="100%", class_name="baris-kategori",
        )),
        rx.vstack(
            rx.el.label(rx.cond(Q.cat_editing > 0, "Nama baru kategori", "Kategori baru"), html_for="kategori-nama",
                        class_name="label"),
            rx.flex(
                rx.input(value=Q.cat_name, on_change=Q.set_cat_name, size="3", id="kategori-nama", flex="1",
                         min_width="200px", max_length=100, debounce_timeout=300,
                         aria_invalid=rx.cond(Q.cat_error != "", "true", "false"),
                         aria_describedby="galat-kategori-nama"),
                rx.button(rx.cond(Q.cat_editing > 0, "Simpan nama", "Tambah kategori"), size="3",
                          on_click=Q.save_cat, id="simpan-kategori"),
                rx.cond(Q.cat_editing > 0, rx.button("Batal", variant="ghost", size="3", on_click=Q.cancel_cat),
                        rx.fragment()),
                gap="2", wrap="wrap", width="100%",
            ),
            field_error(Q.cat_error, "kategori-nama"),
            spacing="1", width="100%", class_name=rx.cond(Q.cat_error != "", "field-invalid", ""),
        ),
        spacing="2", width="100%", id="admin-kategori",
    )


def admin_faq_page() -> rx.Component:
    return page(
        rx.vstack(
            _admin_nav(routes.ADMIN_FAQ),
            rx.flex(
                rx.button(rx.icon("plus", size=18), "Tambah pertanyaan", size="3", on_click=Q.new_entry,
                          id="tambah-faq"),
                rx.link(rx.button("Lihat FAQ", size="3", variant="outline"), href=routes.FAQ),
                gap="2", wrap="wrap",
            ),
            _faq_form(),
            rx.heading("Pertanyaan", size="5", as_="h2"),
            _category_select(Q.filter_category, Q.set_filter, "saring-kategori-faq", "Semua kategori",
                             label="Saring menurut kategori"),
            rx.text("Urutan naik/turun berlaku di dalam kategorinya.", size="2", color_scheme="gray"),
            rx.vstack(rx.foreach(Q.faq_rows, _faq_row), spacing="2", width="100%", id="admin-daftar-faq"),
            _categories(),
            spacing="4", width="100%",
        ),
        title="Kelola FAQ",
    )
