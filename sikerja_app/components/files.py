"""A file picker with an Indonesian label (the browser's own button speaks its UI language)."""

import reflex as rx

ACCEPT = ".pdf,.docx,.odt,.xlsx,.jpg,.jpeg,.png"


def file_picker(input_id: str | rx.Var, aria_label: str | rx.Var, accept: str = ACCEPT) -> rx.Component:
    return rx.el.label(
        rx.icon("file-up", size=18),
        rx.el.span("Pilih berkas…", id=input_id + "-nama", class_name="file-picker-name"),
        rx.el.input(type="file", id=input_id, accept=accept, class_name="visually-hidden", aria_label=aria_label,
                    custom_attrs={"data-nama": input_id + "-nama"}),
        html_for=input_id, class_name="file-picker",
    )
