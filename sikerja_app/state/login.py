"""Sign-in page state: only what the form shows after a failed attempt."""

import reflex as rx

from .. import routes
from ..api.auth_routes import is_local_path
from ..services.auth import GENERIC_LOGIN_ERROR
from .auth import AuthState


class LoginState(AuthState):
    identitas: str = ""
    lanjut: str = routes.PENGAJUAN
    galat: str = ""
    info: str = ""

    async def load(self):
        params = self.router.url.query_parameters
        self.identitas = params.get("identitas", "")[:254]
        lanjut = params.get("lanjut", "")
        self.lanjut = lanjut if is_local_path(lanjut) else routes.PENGAJUAN
        self.galat = GENERIC_LOGIN_ERROR if params.get("galat") else ""
        self.info = "Anda telah keluar." if params.get("keluar") else ""
        user = await self._user()
        self._show_user(user)
        if user is not None:
            return rx.redirect(self.lanjut)


class RegisterState(AuthState):
    """Shows the register form again after a refused attempt, with what was typed."""

    nama_awal: str = ""
    email_awal: str = ""
    galat: dict[str, str] = {}

    @rx.var
    def galat_list(self) -> list[tuple[str, str]]:
        return list(self.galat.items())

    async def load(self):
        params = self.router.url.query_parameters
        self.nama_awal = params.get("nama", "")[:160]
        self.email_awal = params.get("email", "")[:254]
        self.galat = {k.removeprefix("galat_"): v[:200] for k, v in params.items()
                      if k in ("galat_nama", "galat_email", "galat_kata_sandi", "galat_ulangi")}
        user = await self._user()
        self._show_user(user)
        if user is not None:
            return rx.redirect(routes.PENGAJUAN)
        return None
