"""The shared auth state: who is signed in, resolved again on every event.

The signed-in user is never trusted from state: the client token that keys Reflex
state is not a credential. Each handler calls ``_user()``, which reads the session
cookie from the websocket handshake headers and looks it up.
"""

import asyncio
import re
from urllib.parse import urlencode

import reflex as rx

from .. import routes
from ..domain.roles import role_label
from ..services import auth, notifications
from ..services.auth import CurrentUser
from ..services.errors import NotSignedIn

_AID = re.compile(r"^/pengajuan/(\d{1,12})(?:/|$)")


def aid_from_path(path: str) -> int:
    """The application id in /pengajuan/<id>/…; 0 when the path has none."""
    m = _AID.match(path or "")
    return int(m.group(1)) if m else 0


class AuthState(rx.State):
    # Shown in the header only: the person's own name and role, nothing secret.
    nama: str = ""
    peran: str = ""
    role: str = ""
    signed_in: bool = False
    unread: int = 0
    _owner: str = ""  # hash of the session token that filled this tab's state (see session_binding)

    def _token(self) -> str | None:
        return auth.token_from_cookie_header(self.router.headers.cookie)

    def _ip(self) -> str:
        return self.router.session.client_ip or ""

    async def _user(self) -> CurrentUser | None:
        return await asyncio.to_thread(auth.resolve, self._token())

    async def _require(self, *roles: str) -> CurrentUser:
        user = await self._user()
        if user is None or (roles and user.role not in roles):
            raise NotSignedIn()
        return user

    def _show_user(self, user: CurrentUser | None) -> None:
        self.signed_in = user is not None
        self.nama = user.nama if user else ""
        self.role = user.role if user else ""
        self.peran = role_label(user.role, user.is_protokol) if user else ""

    async def load_public(self) -> None:
        """on_load of public pages: fill the header."""
        user = await self._user()
        self._show_user(user)
        self.unread = await asyncio.to_thread(notifications.unread_count, user.id) if user else 0

    async def _guard(self, *roles: str) -> CurrentUser | None:
        """For protected pages: the user, or None (then return ``self._to_login()``)."""
        user = await self._user()
        self._show_user(user)
        if user is None:
            return None
        self.unread = await asyncio.to_thread(notifications.unread_count, user.id)
        if roles and user.role not in roles:
            return None
        return user

    def _to_login(self) -> rx.event.EventSpec | list[rx.event.EventSpec]:
        """Signed out: to the sign-in page and back here after. Signed in with another
        role: to the own start page, never back to sign-in (which would bounce here)."""
        if self.signed_in:
            return [rx.toast.warning("Halaman itu bukan untuk peran Anda."), rx.redirect(routes.PENGAJUAN)]
        path = self.router.url.path or routes.PENGAJUAN
        return rx.redirect(f"{routes.MASUK}?{urlencode({'lanjut': path})}")
