"""The register of agreements: staff list, detail (revoke, addendum, renewal), manual entry."""

import asyncio
from dataclasses import fields

import reflex as rx

from .. import routes
from ..services import registry
from ..services.errors import ServiceError
from ..services.reference import opd_options
from .auth import AuthState

_ENTRY_FIELDS = tuple(
    f.name for f in fields(registry.ManualEntry) if f.name not in ("confirm_long", "opd_id", "monev_months")
)


class RegisterListState(AuthState):
    rows: list[registry.RegisterRow] = []
    total: int = 0
    page: int = 1
    q: str = ""
    year: str = ""
    status: str = ""
    expiring: str = ""
    jenis: str = ""
    urusan: str = ""
    kabkota: str = ""
    opd: str = ""
    opd_choices: list[tuple[str, str]] = []  # maintained by admins: read at load, not at build

    @rx.var
    def pages(self) -> int:
        return max(1, -(-self.total // registry.PAGE_SIZE))

    async def load(self):
        user = await self._guard("ADMIN", "TKKSD")
        if user is None:
            return self._to_login()
        self.opd_choices = [(str(i), label) for i, label in await asyncio.to_thread(opd_options)]
        await self._fetch()
        return None

    async def _fetch(self) -> None:
        user = await self._require("ADMIN", "TKKSD")
        f = registry.RegisterFilter(
            q=self.q,
            year=int(self.year) if self.year.isdigit() else 0,
            status=self.status,
            expiring_days=int(self.expiring) if self.expiring.isdigit() else 0,
            jenis=self.jenis,
            urusan=self.urusan,
            kabkota=self.kabkota,
            opd_id=int(self.opd) if self.opd.isdigit() else 0,
        )
        self.rows, self.total = await asyncio.to_thread(registry.search, user, f, self.page)

    async def set_filter(self, name: str, value: str) -> None:
        if name in ("q", "year", "status", "expiring", "jenis", "urusan", "kabkota", "opd"):
            setattr(self, name, str(value)[:100])
            self.page = 1
            await self._fetch()

    async def go_page(self, delta: int) -> None:
        self.page = max(1, min(self.pages, self.page + int(delta)))
        await self._fetch()


class AgreementState(AuthState):
    rid: int = 0
    error: str = ""
    v: registry.AgreementView = registry.empty_view()
    reason: str = ""
    add_date: str = ""
    add_change: str = ""
    form_errors: dict[str, str] = {}

    async def load(self):
        user = await self._guard()
        if user is None:
            return self._to_login()
        try:
            self.rid = int((self.router.url.path or "").rstrip("/").split("/")[-1])
        except ValueError:
            self.rid = 0
        await self._refresh(user)
        return None

    async def _refresh(self, user=None) -> None:  # noqa: ANN001
        user = user or await self._require()
        try:
            self.v = await asyncio.to_thread(registry.view, user, self.rid, self._ip())
            self.error = ""
        except ServiceError as exc:
            self.v, self.error = registry.empty_view(), exc.message

    def set_form(self, name: str, value: str) -> None:
        if name in ("reason", "add_date", "add_change"):
            setattr(self, name, str(value)[:4000])
            self.form_errors = {}

    async def revoke(self):
        user = await self._require("ADMIN")
        try:
            await asyncio.to_thread(registry.revoke, user, self.rid, self.reason, self._ip())
        except ServiceError as exc:
            self.form_errors = exc.errors or {"alasan": exc.message}
            return rx.toast.error(exc.message)
        self.reason = ""
        await self._refresh(user)
        return rx.toast.success("Kerja sama dicabut.")

    async def add_addendum(self):
        user = await self._require("ADMIN")
        try:
            await asyncio.to_thread(
                registry.add_addendum, user, self.rid, self.add_date, self.add_change, None, self._ip()
            )
        except ServiceError as exc:
            self.form_errors = exc.errors or {"perubahan": exc.message}
            return rx.toast.error(exc.message)
        self.add_date, self.add_change = "", ""
        await self._refresh(user)
        return rx.toast.success("Adendum dicatat.")

    async def renew(self):
        user = await self._require("PEMOHON")
        try:
            new_id = await asyncio.to_thread(registry.start_renewal, user, self.rid, self._ip())
        except ServiceError as exc:
            return rx.toast.error(exc.message)
        return rx.redirect(routes.ubah(new_id))


class ManualEntryState(AuthState):
    entry: dict[str, str] = {"bentuk": "PKS"}
    opd_id: str = ""
    monev_months: str = "6"
    confirm_long: bool = False
    errors: dict[str, str] = {}

    @rx.var
    def error_list(self) -> list[tuple[str, str]]:
        return list(self.errors.items())

    async def load(self):
        user = await self._guard("ADMIN")
        if user is None:
            return self._to_login()
        return None

    def set_entry(self, name: str, value: str) -> None:
        if name in _ENTRY_FIELDS:
            self.entry[name] = str(value)[:300]
            self.errors.pop(name, None)
        elif name in ("opd_id", "monev_months"):
            setattr(self, name, str(value)[:10])
            self.errors.pop(name, None)

    def set_confirm(self, value: bool) -> None:
        self.confirm_long = bool(value)

    async def save(self):
        user = await self._require("ADMIN")
        e = registry.ManualEntry(
            **{k: self.entry.get(k, "") for k in _ENTRY_FIELDS},
            opd_id=int(self.opd_id) if self.opd_id.isdigit() else 0,
            monev_months=int(self.monev_months) if self.monev_months.isdigit() else 0,
            confirm_long=self.confirm_long,
        )
        try:
            rid = await asyncio.to_thread(registry.create_manual, user, e, self._ip())
        except ServiceError as exc:
            self.errors = exc.errors or {"judul": exc.message}
            return rx.scroll_to("ringkasan-galat")
        self.entry, self.errors, self.confirm_long = {"bentuk": "PKS"}, {}, False
        return rx.redirect(routes.register_detail(rid))
