"""Pengajuan saya, a new draft, the receipt and the detail page (with admin decisions)."""

import asyncio

import reflex as rx

from .. import routes
from ..config import get_settings
from ..domain.dates import format_date
from ..domain.stages import SHORT_LABELS, STATUS_LABELS, Status
from ..services import app_view, monev, review, signing, stages
from ..services import applications as svc
from ..services.errors import ServiceError
from .auth import AuthState, aid_from_path


def _aid(state: rx.State) -> int:
    return aid_from_path(state.router.url.path)


class MyAppsState(AuthState):
    rows: list[dict[str, str]] = []
    pending: list[dict[str, str]] = []  # "Perlu tindakan saya" for TKKSD members
    agreements: list[dict[str, str]] = []  # "Kerja sama saya" / "Kerja sama OPD saya" with their monev links

    async def load(self):
        user = await self._guard()
        if user is None:
            return self._to_login()
        if user.role == "ADMIN":
            return rx.redirect(routes.ADMIN)
        tz = get_settings().timezone
        items = await asyncio.to_thread(svc.list_assigned if user.role == "TKKSD" else svc.list_mine, user)
        self.pending = [pending_row(p) for p in await asyncio.to_thread(stages.waiting_for, user)] + [
            {"code": code, "judul": judul, "stage": "Usulan jadwal penandatanganan", "since": when,
             "href": routes.PENGAJUAN + f"/{aid}/penandatanganan"}
            for aid, code, judul, when in await asyncio.to_thread(signing.waiting_for_protokol, user)]
        self.agreements = [{
            "id": str(a.id), "judul": a.judul, "mitra": a.mitra, "berlaku": a.berlaku, "status": a.status,
            "status_label": a.status_label, "todo": a.todo, "late": "1" if a.late else "",
            "href": routes.monev(a.id),
        } for a in await asyncio.to_thread(monev.my_agreements, user)] if user.role in ("OPD", "PEMOHON") else []
        self.rows = [{
            "id": str(a.id), "code": a.code or "Belum ada kode", "judul": a.judul, "status": a.status,
            "status_label": SHORT_LABELS[Status(a.status)], "peran": a.role_in_app,
            "tanggal": format_date(a.submitted_at or a.created_at, tz),
            "berubah": format_date(a.status_changed_at, tz),
            "href": routes.ubah(a.id) if a.status == Status.DRAFT else routes.detail(a.id),
        } for a in items]
        return None

    async def new_application(self):
        user = await self._require("PEMOHON")
        try:
            app_id = await asyncio.to_thread(svc.start_draft, user)
        except ServiceError as exc:
            return [rx.toast.error(exc.message), rx.redirect(f"{routes.PENGATURAN}?tab=instansi")]
        return rx.redirect(routes.ubah(app_id))


def pending_row(p: stages.PendingItem) -> dict[str, str]:
    return {"code": p.code, "judul": p.judul, "stage": p.stage_label, "since": p.since,
            "href": routes.pembahasan(p.app_id, p.stage)}


class ReceiptState(AuthState):
    code: str = ""
    judul: str = ""
    submitted: str = ""
    instansi: str = ""
    pemohon: str = ""
    status_label: str = ""
    error: str = ""

    async def load(self):
        user = await self._guard()
        if user is None:
            return self._to_login()
        try:
            v = await asyncio.to_thread(app_view.view, user, _aid(self), self._ip())
        except ServiceError as exc:
            self.error = exc.message
            return None
        self.error = ""
        self.code, self.judul, self.submitted = v.code, v.judul, v.submitted
        self.instansi = v.instansi[0][1] if v.instansi else ""
        self.pemohon = v.ppksd1[0][1] if v.ppksd1 else ""
        self.status_label = v.status_label
        return None


class DetailState(AuthState):
    app_id: int = 0
    code: str = ""
    status: str = ""
    status_label: str = ""
    judul: str = ""
    urusan: str = ""
    submitted: str = ""
    instansi: list[tuple[str, str]] = []
    ppksd1: list[tuple[str, str]] = []
    ppksd2: str = ""
    opd: list[str] = []
    narratives: list[tuple[str, str]] = []
    admin_note: str = ""
    pakta: str = ""
    tkksd: list[str] = []
    timeline: list[dict[str, str]] = []
    versions: list[tuple[str, str]] = []
    actions: list[str] = []
    is_applicant: bool = False
    error: str = ""
    # Admin decision form
    note: str = ""
    note_error: str = ""
    tkksd_options: list[tuple[int, str]] = []
    tkksd_chosen: list[int] = []
    tkksd_error: str = ""

    async def load(self):
        user = await self._guard()
        if user is None:
            return self._to_login()
        self.app_id = _aid(self)
        await self._refresh(user)
        if user.role == "ADMIN":
            self.tkksd_options = await asyncio.to_thread(review.tkksd_members)
        return None

    async def _refresh(self, user) -> None:  # noqa: ANN001
        try:
            v = await asyncio.to_thread(app_view.view, user, self.app_id, self._ip())
        except ServiceError as exc:
            self.error = exc.message
            return
        self.error = ""
        self.code, self.status, self.status_label = v.code, v.status, v.status_label
        self.judul, self.urusan, self.submitted = v.judul, v.urusan, v.submitted
        self.instansi, self.ppksd1, self.ppksd2, self.opd = v.instansi, v.ppksd1, v.ppksd2, v.opd
        self.narratives, self.admin_note, self.pakta, self.tkksd = v.narratives, v.admin_note, v.pakta, v.tkksd
        self.timeline = [{"when": t.when, "label": t.label, "who": t.who, "note": t.note} for t in v.timeline]
        self.actions, self.is_applicant, self.versions = v.actions, v.is_applicant, v.versions

    @rx.var
    def in_discussion(self) -> bool:
        """The stage pages exist once the application reached Penawaran."""
        return self.status in {"PENAWARAN", "KESEPAKATAN_BERSAMA", "PERJANJIAN_KERJA_SAMA", "PENJADWALAN",
                               "PENANDATANGANAN", "PELAKSANAAN", "BERAKHIR", "DICABUT"} or (
            self.status in {"DITOLAK", "DIBATALKAN"} and bool(self.tkksd))

    @rx.var
    def in_signing(self) -> bool:
        return self.status in {"PENJADWALAN", "PENANDATANGANAN", "PELAKSANAAN", "BERAKHIR", "DICABUT"}

    def set_note(self, value: str) -> None:
        self.note = str(value)[:4000]
        self.note_error = ""

    def toggle_tkksd(self, user_id: int) -> None:
        chosen = set(self.tkksd_chosen) ^ {int(user_id)}
        self.tkksd_chosen = sorted(chosen)
        self.tkksd_error = ""

    async def _decide(self, kind: str):
        user = await self._require("ADMIN")
        ip = self._ip()
        try:
            if kind == "approve":
                await asyncio.to_thread(review.approve, user, self.app_id, self.tkksd_chosen, ip)
            elif kind == "return":
                await asyncio.to_thread(review.return_for_revision, user, self.app_id, self.note, ip)
            else:
                await asyncio.to_thread(review.reject, user, self.app_id, self.note, ip)
        except ServiceError as exc:
            if "tkksd" in exc.errors:
                self.tkksd_error = exc.errors["tkksd"]
            elif "Catatan" in exc.message:
                self.note_error = "Tulis catatan atau alasan untuk pemohon."
            return rx.toast.error(exc.message)
        self.note, self.tkksd_chosen = "", []
        await self._refresh(user)
        done = {"approve": "Permohonan diverifikasi. Tahap Penawaran dibuka.",
                "return": "Permohonan dikembalikan kepada pemohon.", "reject": "Permohonan ditolak."}
        return rx.toast.success(done[kind])

    async def approve(self):
        return await self._decide("approve")

    async def return_app(self):
        return await self._decide("return")

    async def reject(self):
        return await self._decide("reject")

    async def withdraw(self):
        user = await self._require("PEMOHON")
        try:
            await asyncio.to_thread(svc.withdraw, user, self.app_id, self._ip())
        except ServiceError as exc:
            return rx.toast.error(exc.message)
        await self._refresh(user)
        return rx.toast.success("Permohonan dibatalkan.")


STATUS_FILTERS = [("", "Semua tahap")] + [(s.value, STATUS_LABELS[s]) for s in Status if s != Status.DRAFT]
