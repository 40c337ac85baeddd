"""The page frame: top navigation on desktop, bottom navigation on phones."""

import reflex as rx

from .. import routes
from ..config import get_settings
from ..state.auth import AuthState

MENUS = (
    ("Pengajuan", routes.PENGAJUAN, "file-text"),
    ("Informasi", routes.INFORMASI, "info"),
    ("Statistik", routes.STATISTIK, "chart-bar"),
    ("FAQ", routes.FAQ, "circle-help"),
)


def _brand() -> rx.Component:
    s = get_settings()
    return rx.link(
        rx.hstack(
            rx.image(src="/logo.svg", width="36px", height="36px", alt=""),
            rx.vstack(
                rx.text("Si KERJA", weight="bold", size="4", line_height="1"),
                rx.text(f"Kerja Sama Daerah {s.region_name}", size="1", color_scheme="gray",
                        line_height="1.1"),
                spacing="0",
            ),
            align="center", spacing="2",
        ),
        href=routes.BERANDA, underline="none", color="inherit",
    )


def _top_menu() -> rx.Component:
    return rx.hstack(
        *[rx.link(label, href=href, class_name="nav-link", underline="none") for label, href, _ in MENUS],
        rx.link("Lacak", href=routes.LACAK, class_name="nav-link", underline="none"),
        spacing="1", align="center", class_name="desktop-only",
    )


def _user_menu() -> rx.Component:
    return rx.cond(
        AuthState.signed_in,
        rx.hstack(
            rx.link(
                rx.hstack(rx.icon("bell", size=20), rx.cond(
                    AuthState.unread > 0, rx.badge(AuthState.unread, color_scheme="red"), rx.fragment()),
                    align="center", spacing="1"),
                href=routes.PEMBERITAHUAN, aria_label="Pemberitahuan", class_name="icon-link", id="lonceng",
            ),
            rx.menu.root(
                rx.menu.trigger(rx.button(rx.icon("user", size=18), rx.text(AuthState.nama, class_name="nama-pengguna"),
                                          variant="soft", id="menu-pengguna")),
                rx.menu.content(
                    rx.box(rx.text(AuthState.peran, size="1", color_scheme="gray"), padding="6px 10px"),
                    rx.cond(AuthState.role == "ADMIN",
                            rx.menu.item("Kotak masuk permohonan", on_click=rx.redirect(routes.ADMIN)), rx.fragment()),
                    rx.cond((AuthState.role == "ADMIN") | (AuthState.role == "TKKSD"),
                            rx.menu.item("Register kerja sama", on_click=rx.redirect(routes.REGISTER)),
                            rx.fragment()),
                    rx.cond((AuthState.role == "ADMIN") | (AuthState.role == "TKKSD"),
                            rx.menu.item("Dasbor", on_click=rx.redirect(routes.DASBOR)), rx.fragment()),
                    rx.menu.item("Pengaturan", on_click=rx.redirect(routes.PENGATURAN)),
                    rx.menu.separator(),
                    rx.menu.item("Keluar", color="red", on_click=rx.call_script(
                        "document.getElementById('form-keluar').submit()")),
                ),
            ),
            rx.el.form(id="form-keluar", action=routes.AUTH_KELUAR, method="post", style={"display": "none"}),
            align="center", spacing="2",
        ),
        rx.link(rx.button("Masuk", size="3", id="tombol-masuk"), href=routes.MASUK),
    )


def header() -> rx.Component:
    return rx.el.header(
        rx.hstack(_brand(), rx.spacer(), _top_menu(), _user_menu(),
                  align="center", spacing="4", max_width="1100px", margin="0 auto", padding_x="1em",
                  height="60px"),
        class_name="site-header",
    )


def bottom_nav() -> rx.Component:
    return rx.el.nav(
        rx.hstack(
            *[rx.link(rx.vstack(rx.icon(icon, size=22), rx.text(label, size="1"), align="center", spacing="0"),
                      href=href, class_name="bottom-link", underline="none") for label, href, icon in MENUS],
            justify="between", width="100%",
        ),
        aria_label="Menu utama", class_name="bottom-nav",
    )


def page(*children: rx.Component, title: str = "") -> rx.Component:
    return rx.box(
        header(),
        rx.el.main(
            rx.heading(title, size="6", margin_bottom="0.5em", as_="h1") if title else rx.fragment(),
            *children,
            class_name="site-main",
        ),
        bottom_nav(),
        # Present once the page's on_load has run: browser tests wait for it.
        rx.cond(rx.State.is_hydrated, rx.el.span(id="halaman-siap", hidden=True), rx.fragment()),
    )


def field_error(message: rx.Var, field_id: str) -> rx.Component:
    return rx.cond(
        message != "",
        rx.text(message, color_scheme="red", size="2", id=f"galat-{field_id}", role="alert",
                class_name="field-error"),
        rx.fragment(),
    )


def error_summary(errors: rx.Var, prefix: str = "", box_id: str = "ringkasan-galat") -> rx.Component:
    """All field errors at the top of a form, each linking to its field."""
    return rx.cond(
        errors.length() > 0,
        rx.box(
            rx.hstack(rx.icon("triangle-alert", size=18), rx.text("Periksa kembali isian berikut:", weight="bold"),
                      align="center"),
            rx.el.ul(rx.foreach(errors, lambda item: rx.el.li(rx.link(item[1], href="#" + prefix + item[0])))),
            role="alert", id=box_id, class_name="error-summary", width="100%",
        ),
        rx.fragment(),
    )


def coming_soon(menu: str) -> rx.Component:
    return rx.callout.root(
        rx.callout.icon(rx.icon("info")),
        rx.callout.text(f"Isi menu {menu} sedang disiapkan oleh Bagian Kerja Sama dan akan segera tersedia."),
        color_scheme="blue",
    )
