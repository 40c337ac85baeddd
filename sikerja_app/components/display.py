"""Read-only display helpers."""

import reflex as rx


def kv_list(rows: rx.Var) -> rx.Component:
    """A definition list of (label, value) pairs; wraps nicely on a phone."""
    return rx.el.dl(
        rx.foreach(rows, lambda r: rx.fragment(rx.el.dt(r[0]), rx.el.dd(rx.cond(r[1] != "", r[1], "–")))),
        class_name="kv",
    )


STATUS_COLORS = {
    "DRAFT": "gray", "DIAJUKAN": "blue", "DIKEMBALIKAN": "orange", "DITOLAK": "red",
    "PENAWARAN": "teal", "KESEPAKATAN_BERSAMA": "teal", "PERJANJIAN_KERJA_SAMA": "teal",
    "PENJADWALAN": "purple", "PENANDATANGANAN": "purple", "PELAKSANAAN": "green",
    "BERAKHIR": "gray", "DIBATALKAN": "gray", "DICABUT": "red",
}


def status_badge(status: rx.Var, label: rx.Var) -> rx.Component:
    return rx.badge(label, color_scheme=rx.match(status, *STATUS_COLORS.items(), "gray"), size="2",
                    class_name="status-badge", white_space="normal")


def note_box(title: rx.Var | str, body: rx.Var, color: rx.Var | str, box_id: str) -> rx.Component:
    """A coloured box with a bold title and a multi-line note (admin notes, reasons)."""
    return rx.box(
        rx.text(title, weight="bold"),
        rx.text(body, white_space="pre-wrap", class_name="wrap-anywhere"),
        id=box_id, width="100%", padding="12px 16px", border_radius="10px",
        background=f"var(--{color}-3)" if isinstance(color, str) else rx.cond(color == "red", "var(--red-3)",
                                                                                  "var(--orange-3)"),
        border="1px solid var(--gray-6)",
    )
