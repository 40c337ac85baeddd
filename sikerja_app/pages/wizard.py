"""Permohonan: the three-step wizard and the pakta integritas gate."""

import reflex as rx

from .. import routes
from ..components.display import kv_list, note_box
from ..components.forms import select_field, text_field, textarea_field
from ..components.layout import error_summary, field_error, page
from ..domain.application_form import NARRATIVE_FIELDS, PAKTA_STATEMENTS
from ..domain.reference_files import urusan_choices
from ..state.wizard import WizardState as W

STEPS = ((1, "Pemohon"), (2, "Petugas"), (3, "Persiapan"))


def _stepper() -> rx.Component:
    def item(n: int, label: str) -> rx.Component:
        active = W.step == n
        return rx.button(
            rx.badge(str(n), variant=rx.cond(active, "solid", "soft"), radius="full"),
            rx.text(label, weight=rx.cond(active, "bold", "regular")),
            variant="ghost", on_click=W.go_to(n), aria_current=rx.cond(active, "step", "false"),
            id=f"langkah-{n}",
        )
    return rx.el.nav(rx.hstack(*[item(n, t) for n, t in STEPS], spacing="2", wrap="wrap"),
                     aria_label="Langkah permohonan")


def _step1() -> rx.Component:
    urusan = [(k, f"{k} – {n}") for k, n, _ in urusan_choices()]
    return rx.vstack(
        text_field("Judul kerja sama", "judul", W.judul, W.set_judul, W.errors.get("judul", ""),
                   hint="Contoh: Kerja Sama Pengembangan Kota Cerdas.", max_length=300),
        select_field("Urusan pemerintahan", "urusan", W.urusan, W.set_urusan, urusan,
                     W.errors.get("urusan", "")),
        rx.heading("Data instansi pemohon", size="4", as_="h3"),
        rx.text("Diambil dari Pengaturan › Instansi. Ubah di sana bila ada yang keliru.",
                size="2", color_scheme="gray"),
        kv_list(W.instansi_rows),
        field_error(W.errors.get("instansi", ""), "instansi"),
        rx.link("Ubah data instansi", href=f"{routes.PENGATURAN}?tab=instansi"),
        spacing="4", width="100%",
    )


def _step2() -> rx.Component:
    return rx.vstack(
        rx.heading("PPKSD-1 (Anda)", size="4", as_="h3"),
        rx.text("Diambil dari biodata Anda.", size="2", color_scheme="gray"),
        kv_list(W.ppksd1_rows),
        field_error(W.errors.get("ppksd1", ""), "ppksd1"),
        rx.link("Ubah biodata", href=routes.PENGATURAN),
        rx.heading("PPKSD-2 (opsional)", size="4", as_="h3", id="ppksd2"),
        rx.text("Petugas kedua dari instansi yang sama, yang ikut memantau dan membahas permohonan.",
                size="2", color_scheme="gray"),
        rx.cond(W.ppksd2_id > 0,
                rx.hstack(rx.icon("user-check"), rx.text(W.ppksd2_label, weight="bold", flex="1"),
                          rx.button("Hapus", variant="soft", color_scheme="gray",
                                    on_click=W.choose_ppksd2(0)), align="center", width="100%"),
                rx.text("Belum dipilih.", color_scheme="gray")),
        rx.input(placeholder="Cari nama atau email rekan…", value=W.ppksd2_query, on_change=W.search_ppksd2,
                 debounce_timeout=300, size="3", width="100%", id="cari-ppksd2"),
        rx.vstack(
            rx.foreach(W.ppksd2_options, lambda c: rx.hstack(
                rx.text(c[1], flex="1"),
                rx.button("Pilih", variant="soft", on_click=W.choose_ppksd2(c[0])),
                class_name="opt-row", width="100%")),
            rx.cond(W.ppksd2_options.length() == 0,
                    rx.text("Tidak ada pengguna lain dari instansi Anda. Minta rekan Anda mendaftar dan "
                            "bergabung ke instansi yang sama.", size="2", color_scheme="gray"),
                    rx.fragment()),
            width="100%", spacing="1",
        ),
        field_error(W.errors.get("ppksd2", ""), "ppksd2"),
        spacing="3", width="100%",
    )


def _opd_picker() -> rx.Component:
    return rx.vstack(
        rx.el.label("OPD terkait", rx.text.span(" *", color_scheme="red"), html_for="cari-opd", class_name="label"),
        rx.text("Perangkat daerah yang terlibat. Pilih satu atau lebih.", size="2", color_scheme="gray"),
        rx.flex(rx.foreach(W.opd_chosen, lambda o: rx.badge(
            o[1], rx.icon("x", size=14), size="2", on_click=W.toggle_opd(o[0]), cursor="pointer",
            class_name="opd-terpilih", white_space="normal")), gap="2", wrap="wrap"),
        rx.input(placeholder="Cari OPD, mis. Dinas Kesehatan…", value=W.opd_query, on_change=W.set_opd_query,
                 debounce_timeout=200, size="3", width="100%", id="cari-opd"),
        rx.vstack(rx.foreach(W.opd_matches, lambda o: rx.el.label(
            rx.checkbox(checked=W.opd_selected.contains(o[0]), on_change=lambda _v: W.toggle_opd(o[0])),
            rx.text(o[1]), class_name="opt-row")), spacing="0", width="100%", max_height="260px",
            overflow_y="auto"),
        field_error(W.errors.get("opd", ""), "opd"),
        spacing="2", width="100%", id="opd",
        class_name=rx.cond(W.errors.get("opd", "") != "", "field-invalid", ""),
    )


def _counter(key: str, limit: int) -> rx.Component:
    n = W.counts.get(key, 0)
    return rx.text(n.to_string() + f" / {limit} kata", size="1", id=f"hitung-{key}", align="right",
                   width="100%", color_scheme=rx.cond(n > limit, "red", "gray"), aria_live="polite")


def _pakta() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.heading("Pakta integritas", size="4", as_="h3"),
            rx.text("Dengan mengajukan permohonan ini, saya menyatakan:"),
            rx.el.ol(*[rx.el.li(s) for s in PAKTA_STATEMENTS]),
            rx.el.label(rx.checkbox(checked=W.pakta, on_change=W.set_pakta, size="3", id="pakta"),
                        rx.text("Saya telah membaca dan menyetujui pakta integritas di atas.", weight="bold"),
                        class_name="checkbox-row"),
            field_error(W.errors.get("pakta", ""), "pakta"),
            spacing="2",
        ),
        width="100%",
    )


def _step3() -> rx.Component:
    return rx.vstack(
        rx.text("Persiapan kerja sama sesuai Permendagri 22/2020. Semua isian wajib; batas kata dihitung "
                "otomatis.", size="2", color_scheme="gray"),
        _opd_picker(),
        *[textarea_field(f"{f.label} (maks. {f.limit} kata)", f.key, W.texts[f.key],
                         lambda v, k=f.key: W.set_text(k, v), W.errors.get(f.key, ""),
                         counter=_counter(f.key, f.limit), hint=f.hint,
                         rows="4" if f.limit <= 150 else "7")
          for f in NARRATIVE_FIELDS],
        _pakta(),
        spacing="5", width="100%",
    )


def _nav() -> rx.Component:
    return rx.flex(
        rx.cond(W.step > 1, rx.button("‹ Sebelumnya", variant="soft", size="3", on_click=W.prev_step,
                                      id="sebelumnya"), rx.box()),
        rx.spacer(),
        rx.cond(W.step < 3,
                rx.button("Lanjut ›", size="3", on_click=W.next_step, id="lanjut"),
                rx.button(rx.cond(W.submitting, "Mengirim…", rx.cond(W.status == "DIKEMBALIKAN",
                                                                     "Ajukan ulang", "Ajukan permohonan")),
                          size="3", on_click=W.submit, disabled=W.submitting, id="ajukan")),
        width="100%", gap="3", class_name="no-print",
    )


def wizard_page() -> rx.Component:
    body = rx.vstack(
        rx.cond(W.status == "DIKEMBALIKAN",
                note_box("Dikembalikan oleh admin untuk perbaikan:", W.admin_note, "orange", "catatan-admin"),
                rx.fragment()),
        _stepper(),
        rx.heading(rx.match(W.step, (1, "Langkah 1 dari 3: Pemohon"), (2, "Langkah 2 dari 3: Petugas"),
                            "Langkah 3 dari 3: Persiapan"), size="5", as_="h2", id="judul-langkah"),
        error_summary(W.error_list),
        rx.match(W.step, (1, _step1()), (2, _step2()), _step3()),
        rx.text(W.saved_note, size="1", color_scheme="gray", id="status-simpan"),
        _nav(),
        spacing="4", width="100%", max_width="800px",
    )
    return page(
        rx.cond(W.load_error != "",
                rx.callout(W.load_error, icon="triangle-alert", color_scheme="red", id="galat-muat"), body),
        title="Permohonan Kerja Sama",
    )
