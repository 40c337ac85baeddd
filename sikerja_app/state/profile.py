"""Pengaturan: biodata and instansi forms. Typed values live in state until saved."""

import asyncio
from dataclasses import asdict, fields

import reflex as rx

from ..services import profile as svc
from ..services.errors import ServiceError
from .auth import AuthState

BIO_TEXT = tuple(f.name for f in fields(svc.Biodata) if f.name != "is_asn")
INST_TEXT = tuple(f.name for f in fields(svc.InstansiData))


class ProfileState(AuthState):
    bio: dict[str, str] = {k: "" for k in BIO_TEXT}
    is_asn: bool = True
    bio_errors: dict[str, str] = {}
    bio_saved: str = ""
    inst: dict[str, str] = {k: "" for k in INST_TEXT}
    has_instansi: bool = False
    can_edit_instansi: bool = True
    inst_errors: dict[str, str] = {}
    inst_saved: str = ""
    inst_mode: str = "baru"  # "baru" (create) or "gabung" (join an existing one)
    inst_query: str = ""
    inst_results: list[tuple[int, str]] = []
    tab: str = "biodata"
    _loaded_for: int = 0

    @rx.var
    def bio_error_list(self) -> list[tuple[str, str]]:
        return list(self.bio_errors.items())

    @rx.var
    def inst_error_list(self) -> list[tuple[str, str]]:
        return list(self.inst_errors.items())

    async def load(self):
        user = await self._guard()
        if user is None:
            return self._to_login()
        if self.router.url.query_parameters.get("tab") == "instansi":
            self.tab = "instansi"
        if self._loaded_for == user.id:
            return None  # keep what was typed but not yet saved (reload, reconnect)
        bio = await asyncio.to_thread(svc.get_biodata, user)
        self.bio = {k: str(v) for k, v in asdict(bio).items() if k != "is_asn"}
        self.is_asn = bio.is_asn
        inst_id, inst = await asyncio.to_thread(svc.get_instansi, user)
        self.has_instansi = inst_id is not None
        self.inst = asdict(inst)
        self.can_edit_instansi = await asyncio.to_thread(svc.instansi_editable, user)
        self.bio_errors, self.inst_errors = {}, {}
        self._loaded_for = user.id
        return None

    def set_tab(self, tab: str) -> None:
        self.tab = tab if tab in ("biodata", "instansi") else "biodata"

    def set_bio(self, name: str, value: str) -> None:
        if name in BIO_TEXT:
            self.bio[name] = str(value)[:600]
            self.bio_errors.pop(name, None)
            self.bio_saved = ""

    def set_asn(self, value: bool) -> None:
        self.is_asn = bool(value)
        self.bio_errors.pop("nomor_pegawai", None)

    def set_inst(self, name: str, value: str) -> None:
        if name in INST_TEXT:
            self.inst[name] = str(value)[:600]
            self.inst_errors.pop(name, None)
            self.inst_saved = ""

    async def save_bio(self):
        user = await self._require()
        data = svc.Biodata(**{k: self.bio.get(k, "") for k in BIO_TEXT}, is_asn=self.is_asn)
        try:
            await asyncio.to_thread(svc.save_biodata, user, data, self._ip())
        except ServiceError as exc:
            self.bio_errors = exc.errors or {"umum": exc.message}
            self.bio_saved = ""
            return rx.scroll_to("ringkasan-galat")
        self.bio_errors = {}
        self.bio_saved = "Biodata tersimpan."
        return rx.toast.success("Biodata tersimpan.")

    async def save_inst(self):
        user = await self._require("PEMOHON")
        data = svc.InstansiData(**{k: self.inst.get(k, "") for k in INST_TEXT})
        try:
            await asyncio.to_thread(svc.save_instansi, user, data, self._ip())
        except ServiceError as exc:
            self.inst_errors = exc.errors or {"umum": exc.message}
            self.inst_saved = ""
            return rx.scroll_to("ringkasan-galat-instansi")
        self.inst_errors = {}
        self.has_instansi, self.can_edit_instansi = True, True
        self.inst_saved = "Data instansi tersimpan."
        return rx.toast.success("Data instansi tersimpan.")

    def set_inst_mode(self, mode: str) -> None:
        self.inst_mode = mode if isinstance(mode, str) and mode in ("baru", "gabung") else "baru"

    async def search_inst(self, query: str) -> None:
        await self._require("PEMOHON")
        self.inst_query = str(query)[:100]
        self.inst_results = await asyncio.to_thread(svc.search_instansi, self.inst_query)

    async def join_inst(self, instansi_id: int):
        user = await self._require("PEMOHON")
        try:
            await asyncio.to_thread(svc.join_instansi, user, int(instansi_id), self._ip())
        except (ServiceError, ValueError, TypeError):
            return rx.toast.error("Instansi tidak ditemukan.")
        self._loaded_for = 0
        self.inst_mode = "baru"
        await self.load()
        return rx.toast.success("Anda bergabung dengan instansi ini.")
