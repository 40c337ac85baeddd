"""Pemberitahuan: the signed-in person's own notifications."""

import asyncio

from ..config import get_settings
from ..domain.dates import format_datetime
from ..services import notifications as svc
from .auth import AuthState


class NotifState(AuthState):
    items: list[dict[str, str]] = []

    async def load(self):
        user = await self._guard()
        if user is None:
            return self._to_login()
        s = get_settings()
        rows = await asyncio.to_thread(svc.latest, user.id, 50)
        self.items = [{"text": n.text, "link": n.link or "/pengajuan",
                       "when": format_datetime(n.at, s.timezone, s.tz_label),
                       "unread": "1" if n.read_at is None else ""} for n in rows]
        return None

    async def mark_all_read(self) -> None:
        user = await self._require()
        await asyncio.to_thread(svc.mark_all_read, user.id)
        self.unread = 0
        for item in self.items:
            item["unread"] = ""
