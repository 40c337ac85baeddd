"""Lacak: public status by registration code."""

import asyncio
import time

from ..services import tracking
from .auth import AuthState

_MIN_INTERVAL = 1.0  # seconds between look-ups from one browser tab: no bulk guessing


class LacakState(AuthState):
    code_input: str = ""
    error: str = ""
    code: str = ""
    status: str = ""
    status_label: str = ""
    submitted: str = ""
    last_change: str = ""
    steps: list[tuple[str, str]] = []
    _last_lookup: float = 0.0

    async def load(self):
        await self.load_public()
        code = self.router.url.query_parameters.get("kode", "")
        if code:
            self.code_input = code[:40]
            return LacakState.lookup
        return None

    def set_code_input(self, value: str) -> None:
        self.code_input = str(value)[:40]
        self.error = ""

    async def lookup(self):
        now = time.monotonic()
        if now - self._last_lookup < _MIN_INTERVAL:
            await asyncio.sleep(_MIN_INTERVAL - (now - self._last_lookup))
        self._last_lookup = time.monotonic()
        if not tracking.LIMITER.allow(self._ip() or self.router.session.client_token, self._last_lookup):
            self.error, self.status, self.steps = tracking.TOO_MANY, "", []
            return None
        r = await asyncio.to_thread(tracking.track, self.code_input)
        self.error, self.code, self.status = r.error, r.code, r.status
        self.status_label, self.submitted, self.last_change = r.status_label, r.submitted, r.last_change
        self.steps = r.steps or []
        if not r.error:
            self.code_input = r.code
        return None

    async def submit_form(self, _form: dict):
        return LacakState.lookup
