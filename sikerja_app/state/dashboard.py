"""The staff dashboard (/dasbor) and the printable summary of one application."""

import asyncio

from .. import routes
from ..services import app_print, dashboard
from ..services.errors import ServiceError
from .applications import pending_row
from .auth import AuthState, aid_from_path


def _int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


class DashboardState(AuthState):
    total: str = "0"
    counts: list[dict[str, str]] = []
    pending: list[dict[str, str]] = []
    stalled: list[dict[str, str]] = []
    expiring: list[dict[str, str]] = []
    expiring_total: int = 0
    year: int = 0
    trend: list[dict[str, str]] = []
    error: str = ""

    async def load(self):
        user = await self._guard("ADMIN", "TKKSD")
        if user is None:
            return self._to_login()
        try:
            sm = await asyncio.to_thread(dashboard.summary, user)
        except ServiceError as exc:
            self.error = exc.message
            return None
        self.error = ""
        self.total = _int(sm.total)
        self.counts = [{"status": c.status, "label": c.label, "n": _int(c.n)} for c in sm.counts]
        self.pending = [pending_row(p) for p in sm.waiting] + [
            {"code": code, "judul": judul, "stage": "Usulan jadwal penandatanganan", "since": when,
             "href": routes.PENGAJUAN + f"/{aid}/penandatanganan"} for aid, code, judul, when in sm.protokol]
        self.stalled = [{"code": r.code, "judul": r.judul, "stage": r.stage_label, "who": r.waiting_on,
                         "days": str(r.days), "href": routes.pembahasan(r.app_id, r.stage)} for r in sm.stalled]
        self.expiring = [{"judul": r.judul, "mitra": r.mitra, "sampai": r.sampai, "days": str(r.days),
                          "href": routes.register_detail(r.id)} for r in sm.expiring]
        self.expiring_total = sm.expiring_total
        self.year = sm.year
        self.trend = [{"bulan": t.label, "ini": _int(t.this_year), "lalu": _int(t.last_year),
                       "selisih": ("+" if t.this_year > t.last_year else "") + _int(t.this_year - t.last_year)
                       if t.this_year != t.last_year else "0"} for t in sm.trend]
        return None


def _stage_rows(sections: list[app_print.StageSection]) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for sec in sections:
        rows.append({"kind": "stage", "label": sec.label, "state": sec.state, "note": sec.skip_reason})
        rows += [{"kind": "doc", **d} for d in sec.documents]
        rows += [{"kind": "decision", **d} for d in sec.decisions]
        if not sec.documents and not sec.decisions:
            rows.append({"kind": "none"})
    return rows


class PrintState(AuthState):
    app_id: int = 0
    code: str = ""
    status_label: str = ""
    judul: str = ""
    urusan: str = ""
    submitted: str = ""
    instansi: list[tuple[str, str]] = []
    ppksd1: list[tuple[str, str]] = []
    ppksd2: str = ""
    opd: list[str] = []
    tkksd: list[str] = []
    narratives: list[tuple[str, str]] = []
    pakta: str = ""
    admin_note: str = ""
    timeline: list[dict[str, str]] = []
    # The discussion as one flat list of lines: kind "stage" (a heading), "doc", "decision" or "none".
    stage_rows: list[dict[str, str]] = []
    signing: list[tuple[str, str]] = []
    proposals: list[dict[str, str]] = []
    register: list[tuple[str, str]] = []
    register_href: str = ""
    error: str = ""

    async def load(self):
        user = await self._guard()
        if user is None:
            return self._to_login()
        self.app_id = aid_from_path(self.router.url.path)
        try:
            pv = await asyncio.to_thread(app_print.view, user, self.app_id, self._ip())
        except ServiceError as exc:
            self.error = exc.message
            self.code = self.judul = ""
            self.narratives, self.timeline, self.stage_rows, self.instansi, self.ppksd1 = [], [], [], [], []
            self.signing, self.proposals, self.register = [], [], []
            return None
        self.error = ""
        v = pv.app
        self.code, self.status_label, self.judul, self.urusan, self.submitted = (
            v.code, v.status_label, v.judul, v.urusan, v.submitted)
        self.instansi, self.ppksd1, self.ppksd2, self.opd, self.tkksd = v.instansi, v.ppksd1, v.ppksd2, v.opd, v.tkksd
        self.narratives, self.pakta, self.admin_note = v.narratives, v.pakta, v.admin_note
        self.timeline = [{"when": t.when, "label": t.label, "who": t.who, "note": t.note} for t in v.timeline]
        self.stage_rows = _stage_rows(pv.stages)
        self.signing, self.proposals, self.register = pv.signing, pv.proposals, pv.register
        self.register_href = routes.register_detail(pv.register_id) if pv.register_id else ""
        return None
