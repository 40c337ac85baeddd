"""Masuk: a plain HTML form posting to /auth/masuk, so the cookie can be HttpOnly."""

import reflex as rx

from .. import routes
from ..components.layout import error_summary, field_error, page
from ..state.login import LoginState, RegisterState


def login_page() -> rx.Component:
    return page(
        rx.center(
            rx.card(
                rx.el.form(
                    rx.vstack(
                        rx.heading("Masuk ke Si KERJA", size="6", as_="h1"),
                        rx.text("Gunakan email atau NIP dan kata sandi akun Anda.", color_scheme="gray"),
                        rx.cond(LoginState.info != "",
                                rx.callout(LoginState.info, color_scheme="green", width="100%"), rx.fragment()),
                        rx.cond(LoginState.galat != "",
                                rx.callout(LoginState.galat, icon="triangle-alert", color_scheme="red", role="alert",
                                           id="galat-masuk", width="100%"), rx.fragment()),
                        rx.el.label("Email atau NIP", html_for="identitas", class_name="label"),
                        rx.el.input(id="identitas", name="identitas", type="text", required=True,
                                    auto_complete="username", default_value=LoginState.identitas,
                                    key=LoginState.identitas, class_name="native-input", max_length=254),
                        rx.el.label("Kata sandi", html_for="kata_sandi", class_name="label"),
                        rx.el.input(id="kata_sandi", name="kata_sandi", type="password", required=True,
                                    auto_complete="current-password", class_name="native-input",
                                    max_length=300),
                        rx.el.input(type="hidden", name="lanjut", value=LoginState.lanjut),
                        rx.button("Masuk", type="submit", size="3", width="100%", id="kirim-masuk"),
                        rx.text("Lupa kata sandi? Hubungi admin Bagian Kerja Sama.", size="2",
                                color_scheme="gray"),
                        rx.link("Belum punya akun pemohon? Daftar di sini", href=routes.DAFTAR, id="ke-daftar"),
                        spacing="3", width="100%",
                    ),
                    # Reflex's form handler always calls preventDefault; HTMLFormElement.submit()
                    # skips that handler and posts natively, so the answer can set the cookie.
                    action=routes.AUTH_MASUK, method="post", id="form-masuk",
                    on_submit=rx.call_script("document.getElementById('form-masuk').submit()"),
                ),
                width="100%", max_width="420px",
            ),
            padding_y="2em",
        ),
    )


def _reg_field(label: str, name: str, kind: str, value: rx.Var | None, auto: str, hint: str = "") -> rx.Component:
    err = RegisterState.galat.get(name, "")
    extra = {"default_value": value, "key": value} if value is not None else {}
    return rx.vstack(
        rx.el.label(label, html_for=f"daftar-{name}", class_name="label"),
        rx.el.input(id=f"daftar-{name}", name=name, type=kind, auto_complete=auto, class_name="native-input",
                    max_length=254, aria_describedby=f"galat-daftar-{name}", **extra),
        rx.text(hint, size="1", color_scheme="gray") if hint else rx.fragment(),
        field_error(err, f"daftar-{name}"),
        spacing="1", width="100%", class_name=rx.cond(err != "", "field-invalid", ""),
    )


def register_page() -> rx.Component:
    return page(
        rx.center(
            rx.card(
                rx.el.form(
                    rx.vstack(
                        rx.heading("Daftar sebagai pemohon", size="6", as_="h1"),
                        rx.text("Untuk petugas instansi yang akan mengajukan kerja sama (PPKSD). Admin dan "
                                "TKKSD mendapat akun dari Bagian Kerja Sama.", color_scheme="gray", size="2"),
                        error_summary(RegisterState.galat_list, "daftar-"),
                        _reg_field("Nama lengkap dengan gelar", "nama", "text", RegisterState.nama_awal, "name"),
                        _reg_field("Email", "email", "email", RegisterState.email_awal, "email"),
                        _reg_field("Kata sandi", "kata_sandi", "password", None, "new-password",
                                   "Paling sedikit 10 karakter, memuat huruf dan angka."),
                        _reg_field("Ulangi kata sandi", "ulangi", "password", None, "new-password"),
                        rx.button("Daftar", type="submit", size="3", width="100%", id="kirim-daftar"),
                        rx.link("Sudah punya akun? Masuk", href=routes.MASUK),
                        spacing="3", width="100%",
                    ),
                    action=routes.AUTH_DAFTAR, method="post", id="form-daftar",
                    on_submit=rx.call_script("document.getElementById('form-daftar').submit()"),
                ),
                width="100%", max_width="460px",
            ),
            padding_y="2em",
        ),
    )
