"""Admin: import the register of agreements signed before Si KERJA, from an XLSX or CSV file."""

import reflex as rx

from .. import routes
from ..components.files import file_picker
from ..components.layout import page
from ..services import registry_import as ri
from ..state.registry_import import PREVIEW_ROWS
from ..state.registry_import import ImportState as S


def _columns() -> rx.Component:
    head = rx.el.thead(rx.el.tr(rx.el.th("Kolom"), rx.el.th("Wajib"), rx.el.th("Isi yang diterima")))
    body = rx.el.tbody(*[rx.el.tr(
        rx.el.td(rx.el.code(c.header), custom_attrs={"data-label": "Kolom"}, white_space="nowrap"),
        rx.el.td("ya" if c.required else "tidak", custom_attrs={"data-label": "Wajib"}),
        rx.el.td(c.accepts, custom_attrs={"data-label": "Isi"}),
    ) for c in ri.columns()])
    return rx.el.details(
        rx.el.summary("Kolom berkas impor dan isi yang diterima", class_name="label", cursor="pointer",
                      min_height="44px", display="flex", align_items="center"),
        rx.text("Baris pertama berisi judul kolom (huruf besar/kecil tidak dibedakan; urutan bebas). Kolom lain "
                "diabaikan. Hanya lembar (sheet) pertama berkas XLSX yang dibaca; berkas CSV boleh dipisah koma "
                "atau titik koma. Baris kosong dilewati. Satu berkas paling banyak "
                f"{ri.MAX_ROWS:,} baris data.".replace(",", "."), size="2", margin_y="8px"),
        rx.box(rx.el.table(head, body, class_name="tabel-data"), class_name="tabel-bungkus"),
        rx.text("Nomor pihak daerah dan nomor pihak mitra bersama-sama menjadi kunci: baris dengan pasangan nomor "
                "yang sudah ada di register tidak diimpor lagi, sehingga berkas yang sama aman diimpor dua kali.",
                size="2", color_scheme="gray", margin_top="8px"),
        id="petunjuk-kolom", open=True,
    )


def _templates() -> rx.Component:
    return rx.flex(
        rx.button(rx.icon("download"), "Unduh templat CSV", variant="soft", size="3", on_click=S.template_csv,
                  id="templat-csv"),
        rx.button(rx.icon("download"), "Unduh templat XLSX", variant="soft", size="3", on_click=S.template_xlsx,
                  id="templat-xlsx"),
        gap="2", wrap="wrap",
    )


def _upload() -> rx.Component:
    return rx.card(rx.vstack(
        rx.heading("1. Unggah berkas", size="4", as_="h2"),
        file_picker("berkas-impor", "Pilih berkas register (XLSX atau CSV)", accept=".xlsx,.csv"),
        rx.el.progress(id="progres-impor", max=100, value=0, hidden=True, width="100%"),
        rx.button(rx.icon("upload"), "Unggah dan periksa", size="3", id="unggah-impor",
                  on_click=rx.call_script("sikerjaUpload('berkas-impor', 'progres-impor', 'IMPOR', 'impor-register')",
                                          callback=S.upload_done)),
        rx.text("XLSX atau CSV; paling besar 20 MB. Berkas diperiksa dulu: belum ada yang disimpan ke register.",
                size="1", color_scheme="gray"),
        rx.cond(S.error != "", rx.callout(S.error, icon="triangle-alert", color_scheme="red", id="galat-impor",
                                          role="alert", width="100%"), rx.fragment()),
        spacing="2", width="100%"), width="100%")


def _bad_table() -> rx.Component:
    return rx.cond(S.bad_rows.length() > 0, rx.vstack(
        rx.heading("Baris bermasalah (" + S.bad_rows.length().to_string() + ")", size="3", as_="h3",
                   color_scheme="red"),
        rx.box(rx.el.table(
            rx.el.thead(rx.el.tr(rx.el.th("Baris"), rx.el.th("Alasan"))),
            rx.el.tbody(rx.foreach(S.bad_rows, lambda b: rx.el.tr(
                rx.el.td(b["row"], custom_attrs={"data-label": "Baris"}),
                rx.el.td(b["reason"], custom_attrs={"data-label": "Alasan"}),
                class_name="baris-bermasalah"))),
            class_name="tabel-data", id="tabel-bermasalah"), class_name="tabel-bungkus", width="100%"),
        spacing="2", width="100%"), rx.fragment())


def _valid_table() -> rx.Component:
    return rx.cond(S.valid_rows.length() > 0, rx.vstack(
        rx.heading("Baris valid (" + S.valid_count.to_string() + ")", size="3", as_="h3", color_scheme="green"),
        rx.cond(S.valid_count > PREVIEW_ROWS,
                rx.text(f"Ditampilkan {PREVIEW_ROWS} baris pertama.", size="1", color_scheme="gray"),
                rx.fragment()),
        rx.box(rx.el.table(
            rx.el.thead(rx.el.tr(*[rx.el.th(h) for h in ("Baris", "Judul", "Mitra", "Bentuk", "Nomor (daerah / mitra)",
                                                         "Masa berlaku", "Status")])),
            rx.el.tbody(rx.foreach(S.valid_rows, lambda v: rx.el.tr(
                *[rx.el.td(v[k], custom_attrs={"data-label": label},
                           white_space="nowrap" if k in ("row", "status") else None) for k, label in (
                    ("row", "Baris"), ("judul", "Judul"), ("mitra", "Mitra"), ("bentuk", "Bentuk"),
                    ("nomor", "Nomor"), ("berlaku", "Berlaku"), ("status", "Status"))],
                class_name="baris-valid"))),
            class_name="tabel-data", id="tabel-valid"), class_name="tabel-bungkus", width="100%"),
        spacing="2", width="100%"), rx.fragment())


def _mode_choice() -> rx.Component:
    def option(value: str, text: str) -> rx.Component:
        return rx.el.label(
            rx.el.input(type="radio", name="cara-impor", value=value, checked=S.mode == value,
                        on_change=S.set_mode(value), id=f"cara-{value}"),
            rx.text(text, size="2"), class_name="opt-row", html_for=f"cara-{value}",
            display="flex", align_items="center", gap="8px", min_height="44px")
    return rx.vstack(
        rx.el.fieldset(
            rx.el.legend("Cara impor", class_name="label"),
            *[option(v, t) for v, t in ri.MODES.items()],
            role="radiogroup", aria_invalid=rx.cond(S.mode_error != "", "true", "false"),
            border="0", padding="0", margin="0", id="cara-impor",
        ),
        rx.cond(S.mode_error != "", rx.text(S.mode_error, color_scheme="red", size="2", role="alert",
                                            id="galat-cara-impor"), rx.fragment()),
        spacing="1", width="100%")


def _report() -> rx.Component:
    return rx.cond(S.checked, rx.card(rx.vstack(
        rx.heading("2. Laporan pemeriksaan", size="4", as_="h2"),
        rx.text(S.file_name + " · " + S.kind + " · " + S.total.to_string() + " baris: "
                + S.valid_count.to_string() + " valid, " + S.bad_rows.length().to_string() + " bermasalah",
                weight="medium", class_name="wrap-anywhere", id="ringkasan-impor"),
        _bad_table(),
        _valid_table(),
        rx.cond(S.imported, rx.fragment(), rx.cond(S.valid_count == 0, rx.callout(
            "Tidak ada baris yang dapat diimpor. Perbaiki berkasnya, lalu unggah lagi.", icon="info",
            color_scheme="gray", id="tidak-ada-valid", width="100%"), rx.vstack(
            rx.heading("3. Konfirmasi", size="4", as_="h2"),
            _mode_choice(),
            rx.button(rx.icon("database"), "Impor ke register", size="3", id="konfirmasi-impor", on_click=S.confirm),
            spacing="2", width="100%"))),
        rx.cond(S.result != "", rx.callout(S.result, icon=rx.cond(S.result_ok, "check", "triangle-alert"),
                                           color_scheme=rx.cond(S.result_ok, "green", "orange"), id="hasil-impor",
                                           role="status", width="100%"), rx.fragment()),
        rx.cond(S.imported, rx.flex(
            rx.link(rx.button("Lihat register", size="3"), href=routes.REGISTER),
            rx.button("Impor berkas lain", size="3", variant="soft", on_click=S.start_over, id="impor-lagi"),
            gap="2", wrap="wrap"), rx.fragment()),
        spacing="3", width="100%"), width="100%", id="laporan-impor"), rx.fragment())


def import_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.link("‹ Kembali ke kotak masuk", href=routes.ADMIN),
            rx.text("Masukkan perjanjian yang ditandatangani sebelum Si KERJA digunakan. Setiap baris diperiksa; "
                    "Anda melihat laporannya dan memilih cara impor sebelum ada yang disimpan. Perjanjian hasil "
                    "impor tercatat di register seperti perjanjian lain: ikut statistik, pengingat dan monev.",
                    size="2"),
            _templates(),
            _columns(),
            _upload(),
            _report(),
            spacing="4", width="100%",
        ),
        title="Impor register perjanjian",
    )
