"""Bind each tab's Reflex state to the sign-in session that filled it (DESIGN §7).

Reflex keys a tab's state by a client token kept in sessionStorage; that token is not a
credential. Before any event is processed (the hydrate event included, which sends the
whole state), this middleware compares the session cookie with the one that owns the
state; on a change (sign-out, another user, a copied client token) every state holding
personal data is reset, so nothing of the previous person reaches the browser.
"""

import dataclasses

from reflex.middleware.middleware import Middleware

from ..services.auth import token_from_cookie_header
from ..services.security import hash_token
from .auth import AuthState


def _subclasses(cls: type) -> list[type]:
    out = []
    for sub in cls.__subclasses__():
        out += [sub, *_subclasses(sub)]
    return out


@dataclasses.dataclass(init=True)
class SessionBinding(Middleware):
    async def preprocess(self, app, state, event):  # noqa: ANN001, ANN201 - Reflex's signature
        token = token_from_cookie_header(state.router.headers.cookie)
        owner = hash_token(token) if token else ""
        auth_state = await state.get_state(AuthState)
        if auth_state._owner == owner:
            return None
        for cls in _subclasses(AuthState):  # load every substate so none keeps old data
            await state.get_state(cls)
        auth_state.reset()
        auth_state._owner = owner
        return None
