"""Masuk: a plain HTML form posting to /auth/masuk, so the cookie can be HttpOnly."""

import reflex as rx

from .. import routes
from ..components.layout import page
from ..state.login import LoginState


def login_page() -> rx.Component:
    return page(
        rx.center(
            rx.card(
                rx.el.form(
                    rx.vstack(
                        rx.heading("Masuk ke Si KERJA", size="6", as_="h1"),
                        rx.text("Gunakan email atau NIP dan kata sandi akun Anda.", color_scheme="gray"),
                        rx.cond(LoginState.info != "", rx.callout(LoginState.info, color="green", width="100%"),
                                rx.fragment()),
                        rx.cond(LoginState.galat != "",
                                rx.callout(LoginState.galat, icon="triangle-alert", color="red", role="alert",
                                           id="galat-masuk", width="100%"), rx.fragment()),
                        rx.el.label("Email atau NIP", html_for="identitas", class_name="label"),
                        rx.el.input(id="identitas", name="identitas", type="text", required=True,
                                    autocomplete="username", default_value=LoginState.identitas, key=LoginState.identitas,
                                    class_name="native-input", max_length=254),
                        rx.el.label("Kata sandi", html_for="kata_sandi", class_name="label"),
                        rx.el.input(id="kata_sandi", name="kata_sandi", type="password", required=True,
                                    autocomplete="current-password", class_name="native-input",
                                    max_length=300),
                        rx.el.input(type="hidden", name="lanjut", value=LoginState.lanjut),
                        rx.button("Masuk", type="submit", size="3", width="100%", id="kirim-masuk"),
                        rx.text("Lupa kata sandi? Hubungi admin Bagian Kerja Sama.", size="2",
                                color_scheme="gray"),
                        spacing="3", width="100%",
                    ),
                    action=routes.AUTH_MASUK, method="post",
                ),
                width="100%", max_width="420px",
            ),
            padding_y="2em",
        ),
    )
