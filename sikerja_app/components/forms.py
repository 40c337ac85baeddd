"""Form fields with a label, a hint and an inline Indonesian error beside the field."""

import reflex as rx

from .layout import field_error


def _wrap(label: str, field_id: str, control: rx.Component, error: rx.Var,
          hint: str = "", required: bool = True) -> rx.Component:
    return rx.vstack(
        rx.el.label(label, rx.text.span(" *", color_scheme="red") if required else rx.fragment(),
                    html_for=field_id, class_name="label"),
        control,
        rx.text(hint, size="1", color_scheme="gray") if hint else rx.fragment(),
        field_error(error, field_id),
        spacing="1", width="100%", id=f"bidang-{field_id}",
        class_name=rx.cond(error != "", "field-invalid", ""),
    )


def text_field(label: str, field_id: str, value: rx.Var, on_change, error: rx.Var,  # noqa: ANN001
               hint: str = "", required: bool = True, **input_props) -> rx.Component:
    control = rx.input(id=field_id, value=value, on_change=on_change, size="3", width="100%",
                       aria_invalid=rx.cond(error != "", "true", "false"),
                       aria_describedby=f"galat-{field_id}", debounce_timeout=400, **input_props)
    return _wrap(label, field_id, control, error, hint, required)


def select_field(label: str, field_id: str, value: rx.Var, on_change,  # noqa: ANN001
                 options: list[tuple[str, str]], error: rx.Var, hint: str = "",
                 placeholder: str = "– Pilih –", required: bool = True) -> rx.Component:
    """A native select: on a phone it opens the system picker, which is the fastest to use."""
    control = rx.el.select(
        rx.el.option(placeholder, value=""),
        *[rx.el.option(text, value=val) for val, text in options],
        id=field_id, value=value, on_change=on_change, class_name="native-input",
        aria_invalid=rx.cond(error != "", "true", "false"),
    )
    return _wrap(label, field_id, control, error, hint, required)


def textarea_field(label: str, field_id: str, value: rx.Var, on_change, error: rx.Var,  # noqa: ANN001
                   counter: rx.Component | None = None, hint: str = "", rows: str = "5") -> rx.Component:
    control = rx.text_area(id=field_id, value=value, on_change=on_change, size="3", rows=rows,
                           width="100%", debounce_timeout=500,
                           aria_invalid=rx.cond(error != "", "true", "false"))
    body = rx.vstack(control, counter, spacing="1", width="100%") if counter is not None else control
    return _wrap(label, field_id, body, error, hint)
