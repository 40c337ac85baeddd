"""Pemberitahuan page."""

import reflex as rx

from ..components.layout import page
from ..state.notifications import NotifState as N


def notifications_page() -> rx.Component:
    return page(
        rx.vstack(
            rx.button("Tandai semua sudah dibaca", variant="soft", size="3", on_click=N.mark_all_read,
                      id="tandai-dibaca", disabled=N.unread == 0),
            rx.cond(N.items.length() == 0, rx.text("Belum ada pemberitahuan.", color_scheme="gray"),
                    rx.fragment()),
            rx.foreach(N.items, lambda n: rx.link(
                rx.card(rx.hstack(
                    rx.box(width="10px", height="10px", border_radius="50%", flex_shrink="0", margin_top="6px",
                           background=rx.cond(n["unread"] != "", "var(--accent-9)", "transparent")),
                    rx.vstack(rx.text(n["text"], weight=rx.cond(n["unread"] != "", "bold", "regular"),
                                      class_name="wrap-anywhere"),
                              rx.text(n["when"], size="1", color_scheme="gray"), spacing="1"),
                    align="start", spacing="3"), width="100%"),
                href=n["link"], underline="none", color="inherit", width="100%", class_name="pemberitahuan")),
            spacing="3", width="100%", max_width="760px",
        ),
        title="Pemberitahuan",
    )
