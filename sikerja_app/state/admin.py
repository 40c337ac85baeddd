"""Admin inbox of submitted applications: filter by stage, search by code or title."""

import asyncio

import reflex as rx

from .. import routes
from ..config import get_settings
from ..domain.dates import format_date
from ..domain.stages import SHORT_LABELS, Status
from ..services import review, stages
from .applications import pending_row
from .auth import AuthState


class InboxState(AuthState):
    status_filter: str = "DIAJUKAN"
    query: str = ""
    page: int = 1
    total: int = 0
    rows: list[dict[str, str]] = []
    pending: list[dict[str, str]] = []  # stages waiting for an admin decision
    stalled: list[dict[str, str]] = []  # stages waiting longer than the reminder threshold

    @rx.var
    def pages(self) -> int:
        return max(1, -(-self.total // review.PAGE_SIZE))

    async def load(self):
        user = await self._guard("ADMIN")
        if user is None:
            return self._to_login()
        await self._fetch()
        self.pending = [pending_row(p) for p in await asyncio.to_thread(stages.waiting_for, user)]
        self.stalled = [{"code": r.code, "judul": r.judul, "stage": r.stage_label, "who": r.waiting_on,
                         "days": str(r.days), "href": routes.pembahasan(r.app_id, r.stage)}
                        for r in await asyncio.to_thread(stages.stalled, user)]
        return None

    async def _fetch(self) -> None:
        user = await self._require("ADMIN")
        tz = get_settings().timezone
        rows, self.total = await asyncio.to_thread(review.inbox, user, self.status_filter, self.query, self.page)
        self.rows = [{
            "id": str(r.id), "code": r.code, "judul": r.judul, "instansi": r.instansi, "status": r.status,
            "status_label": SHORT_LABELS[Status(r.status)], "diajukan": format_date(r.submitted_at, tz),
            "berubah": format_date(r.status_changed_at, tz), "href": routes.detail(r.id),
        } for r in rows]

    async def set_status_filter(self, value: str) -> None:
        self.status_filter = value if value in {s.value for s in Status} else ""
        self.page = 1
        await self._fetch()

    async def set_query(self, value: str) -> None:
        self.query = str(value)[:100]
        self.page = 1
        await self._fetch()

    async def go_page(self, delta: int) -> None:
        self.page = max(1, min(self.pages, self.page + int(delta)))
        await self._fetch()
