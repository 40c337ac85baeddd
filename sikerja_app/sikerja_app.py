"""The Reflex app: pages, the plain HTTP routes and the theme."""

import reflex as rx

from . import routes
from .api.app import build_api
from .pages import login, public
from .state.auth import AuthState
from .state.login import LoginState

app = rx.App(
    stylesheets=["/sikerja.css"],
    api_transformer=build_api(),
    head_components=[rx.el.meta(name="theme-color", content="#0d5c63")],
)

_PUBLIC = AuthState.load_public
app.add_page(public.beranda, route=routes.BERANDA, title="Si KERJA", on_load=_PUBLIC)
app.add_page(login.login_page, route=routes.MASUK, title="Masuk – Si KERJA", on_load=LoginState.load)
app.add_page(public.informasi, route=routes.INFORMASI, title="Informasi – Si KERJA", on_load=_PUBLIC)
app.add_page(public.statistik, route=routes.STATISTIK, title="Statistik – Si KERJA", on_load=_PUBLIC)
app.add_page(public.faq, route=routes.FAQ, title="FAQ – Si KERJA", on_load=_PUBLIC)
