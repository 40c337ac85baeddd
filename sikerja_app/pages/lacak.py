"""Lacak: anyone with a code sees the stage and dates, nothing personal."""

import reflex as rx

from ..components.display import status_badge
from ..components.layout import page
from ..state.lacak import LacakState as L


def lacak_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.text("Masukkan kode registrasi dari tanda terima, misalnya KSD-2026-7QX4-M9."),
            rx.form(
                rx.flex(
                    rx.input(value=L.code_input, on_change=L.set_code_input, placeholder="KSD-2026-…",
                             size="3", id="kode-lacak", flex="1", min_width="220px", auto_capitalize="characters",
                             aria_describedby="galat-kode-lacak", name="kode"),
                    rx.button(rx.icon("search"), "Lacak", size="3", type="submit", id="tombol-lacak"),
                    gap="3", wrap="wrap", width="100%",
                ),
                on_submit=L.submit_form, width="100%",
            ),
            rx.cond(L.error != "", rx.callout(L.error, icon="triangle-alert", color_scheme="red", role="alert",
                                              id="galat-kode-lacak", width="100%"), rx.fragment()),
            rx.cond((L.error == "") & (L.status != ""), rx.card(rx.vstack(
                rx.hstack(rx.text(L.code, weight="bold", font_family="monospace"), rx.spacer(),
                          status_badge(L.status, L.status_label), width="100%", wrap="wrap"),
                rx.text("Diajukan: " + L.submitted),
                rx.text("Tahap terakhir berubah: " + L.last_change),
                rx.el.ol(rx.foreach(L.steps, lambda s: rx.el.li(s[0] + " – " + s[1]))),
                spacing="2", id="hasil-lacak"), width="100%"), rx.fragment()),
            spacing="4", width="100%", max_width="720px",
        ),
        title="Lacak permohonan",
    )
