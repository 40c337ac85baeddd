"""Penjadwalan and Penandatanganan page: schedule back-and-forth, signed copy, signing record."""

import asyncio

import reflex as rx

from ..services import signing
from ..services.errors import ServiceError
from .auth import AuthState, aid_from_path

RECORD_FIELDS = ("nomor_daerah", "nomor_mitra", "tanggal_ttd", "berlaku_mulai", "berlaku_sampai", "opd_id", "bentuk")


class SigningState(AuthState):
    app_id: int = 0
    error: str = ""
    v: signing.SigningView = signing.empty_view()
    proposals: list[signing.ProposalRow] = []
    copies: list[signing.SignedCopyRow] = []
    opd_choices: list[tuple[int, str]] = []
    errors: dict[str, str] = {}
    # forms (kept on errors)
    day: str = ""
    at: str = ""
    place: str = ""
    note: str = ""
    paraf: bool = False
    meterai: bool = False
    stempel: bool = False
    review_reason: str = ""
    record: dict[str, str] = {"bentuk": "PKS"}
    confirm_long: bool = False
    scans: list[tuple[int, str]] = []

    async def load(self):
        user = await self._guard()
        if user is None:
            return self._to_login()
        self.app_id = aid_from_path(self.router.url.path)
        await self._refresh(user)
        return None

    async def _refresh(self, user=None) -> None:  # noqa: ANN001
        user = user or await self._require()
        try:
            v = await asyncio.to_thread(signing.view, user, self.app_id, self._ip())
        except ServiceError as exc:
            self.error, self.v, self.proposals, self.copies = exc.message, signing.empty_view(), [], []
            return
        self.error, self.v, self.proposals, self.copies = "", v, v.proposals, v.copies
        self.opd_choices = v.opd_choices

    async def _do(self, fn, *args, ok: str = "Tersimpan."):  # noqa: ANN001, ANN202
        user = await self._require()
        try:
            await asyncio.to_thread(fn, user, self.app_id, *args, self._ip())
        except ServiceError as exc:
            self.errors = exc.errors or {"umum": exc.message}
            await self._refresh(user)
            return rx.toast.error(exc.message)
        self.errors = {}
        await self._refresh(user)
        return rx.toast.success(ok)

    def set_field(self, name: str, value: str) -> None:
        if name in ("day", "at", "place", "note", "review_reason"):
            setattr(self, name, str(value)[:2000])
            self.errors.pop({"day": "tanggal", "at": "jam", "place": "tempat"}.get(name, name), None)

    def set_record(self, name: str, value: str) -> None:
        if name in RECORD_FIELDS:
            self.record[name] = str(value)[:200]
            self.errors.pop(name, None)

    def set_check(self, name: str, value: bool) -> None:
        if name in ("paraf", "meterai", "stempel", "confirm_long"):
            setattr(self, name, bool(value))
            self.errors.pop("deklarasi", None)

    async def choose(self, method: str):
        return await self._do(signing.choose_method, method, ok="Cara penandatanganan dipilih.")

    async def propose(self):
        result = await self._do(signing.propose, self.day, self.at, self.place, self.note, ok="Usulan jadwal terkirim.")
        if not self.errors:
            self.day, self.at, self.place, self.note = "", "", "", ""
        return result

    async def accept(self):
        return await self._do(signing.respond, self.v.open_proposal_id, "TERIMA", "",
                              ok="Jadwal disepakati.")

    async def switch_to_desk(self):
        return await self._do(signing.respond, self.v.open_proposal_id, "ALIHKAN", self.note,
                              ok="Penandatanganan dialihkan ke meja ke meja.")

    async def upload_done(self, result: dict):
        """Callback of the upload script (signed copy or scans of the signed agreement)."""
        if not isinstance(result, dict) or not result.get("ok"):
            msg = str(result.get("error", "Unggahan gagal.")) if isinstance(result, dict) else "Unggahan gagal."
            self.errors = {"berkas": msg[:300]}
            return rx.toast.error(msg[:300])
        file_id = int(result.get("file_id") or 0)
        if result.get("kind") == "PINDAIAN":
            self.scans = [*self.scans, (file_id, str(result.get("name", ""))[:255])]
            self.errors.pop("berkas", None)
            return None
        return await self._do(signing.upload_signed_copy, file_id, self.paraf, self.meterai, self.stempel,
                              ok="Naskah bertanda tangan terkirim untuk diperiksa.")

    async def review(self, valid: bool):
        copy_id = self.v.pending_copy_id
        return await self._do(signing.review_signed_copy, copy_id, bool(valid), self.review_reason,
                              ok="Pemeriksaan naskah tersimpan.")

    async def save_record(self):
        try:
            opd = int(self.record.get("opd_id") or 0)
        except ValueError:
            opd = 0
        rec = signing.SigningRecord(**{k: self.record.get(k, "") for k in RECORD_FIELDS if k != "opd_id"},
                                    opd_id=opd, confirm_long=self.confirm_long, file_ids=[f for f, _ in self.scans])
        result = await self._do(signing.record_signing, rec, ok="Penandatanganan tercatat; kerja sama masuk register.")
        if not self.errors:
            self.scans, self.record, self.confirm_long = [], {"bentuk": "PKS"}, False
        return result
