"""The three-step application wizard. Every keystroke batch is saved to the database."""

import asyncio

import reflex as rx

from .. import routes
from ..domain.application_form import FIELD_BY_KEY, NARRATIVE_KEYS
from ..domain.validation import check_word_limit, count_words
from ..services import app_view
from ..services import applications as svc
from ..services.errors import ServiceError
from ..services.reference import opd_options
from .auth import AuthState, aid_from_path

STEP_FIELDS = {1: ("judul", "urusan", "instansi"), 2: ("ppksd1", "ppksd2"),
               3: ("opd", *NARRATIVE_KEYS, "pakta")}


class WizardState(AuthState):
    app_id: int = 0
    step: int = 1
    status: str = ""
    admin_note: str = ""
    judul: str = ""
    urusan: str = ""
    texts: dict[str, str] = {k: "" for k in NARRATIVE_KEYS}
    errors: dict[str, str] = {}
    instansi_rows: list[tuple[str, str]] = []
    ppksd1_rows: list[tuple[str, str]] = []
    ppksd2_id: int = 0
    ppksd2_label: str = ""
    ppksd2_query: str = ""
    ppksd2_options: list[tuple[int, str]] = []
    opd_all: list[tuple[int, str]] = []
    opd_selected: list[int] = []
    opd_query: str = ""
    pakta: bool = False
    saved_note: str = ""
    submitting: bool = False
    load_error: str = ""

    @rx.var
    def counts(self) -> dict[str, int]:
        return {k: count_words(v) for k, v in self.texts.items()}

    @rx.var
    def error_list(self) -> list[tuple[str, str]]:
        wanted = STEP_FIELDS.get(self.step, ())
        return [(k, v) for k, v in self.errors.items() if k in wanted]

    @rx.var
    def opd_matches(self) -> list[tuple[int, str]]:
        q = self.opd_query.strip().lower()
        rows = [r for r in self.opd_all if not q or q in r[1].lower()]
        return rows[:12]

    @rx.var
    def opd_chosen(self) -> list[tuple[int, str]]:
        chosen = set(self.opd_selected)
        return [r for r in self.opd_all if r[0] in chosen]

    def _aid(self) -> int:
        return aid_from_path(self.router.url.path)

    async def load(self):
        user = await self._guard("PEMOHON")
        if user is None:
            return self._to_login()
        self.app_id = self._aid()
        self.load_error, self.submitting = "", False
        try:
            draft = await asyncio.to_thread(svc.get_draft, user, self.app_id)
            detail = await asyncio.to_thread(app_view.view, user, self.app_id, self._ip())
            candidates = await asyncio.to_thread(svc.ppksd2_candidates, user, self.app_id, "")
        except ServiceError as exc:
            self.load_error = exc.message
            return None
        self.step, self.status, self.admin_note = draft.wizard_step, draft.status, draft.admin_note
        self.judul, self.urusan, self.texts = draft.judul, draft.urusan_kode, dict(draft.texts)
        self.ppksd2_id = draft.ppksd2_id or 0
        self.ppksd2_options = candidates
        self.ppksd2_label = next((c[1] for c in candidates if c[0] == self.ppksd2_id), "")
        self.opd_selected = list(draft.opd_ids)
        self.opd_all = await asyncio.to_thread(opd_options)
        self.instansi_rows, self.ppksd1_rows = detail.instansi, detail.ppksd1
        self.errors, self.pakta, self.saved_note = {}, False, ""
        return None

    async def _save(self, name: str, value: str) -> bool:
        user = await self._require("PEMOHON")
        try:
            await asyncio.to_thread(svc.save_field, user, self.app_id, name, value)
        except ServiceError as exc:
            self.saved_note = exc.message
            return False
        self.saved_note = "Draf tersimpan otomatis."
        return True

    async def set_judul(self, value: str) -> None:
        self.judul = str(value)
        self.errors.pop("judul", None)
        await self._save("judul", self.judul)

    async def set_urusan(self, value: str) -> None:
        self.urusan = str(value)
        self.errors.pop("urusan", None)
        await self._save("urusan_kode", self.urusan)

    async def set_text(self, key: str, value: str) -> None:
        if key not in FIELD_BY_KEY:
            return
        self.texts[key] = str(value)
        f = FIELD_BY_KEY[key]
        over = count_words(self.texts[key]) > f.limit
        if over:
            self.errors[key] = check_word_limit(self.texts[key], f.limit, f.label)
        else:
            self.errors.pop(key, None)
        await self._save(key, self.texts[key])

    async def search_ppksd2(self, query: str) -> None:
        user = await self._require("PEMOHON")
        self.ppksd2_query = str(query)[:100]
        self.ppksd2_options = await asyncio.to_thread(svc.ppksd2_candidates, user, self.app_id,
                                                      self.ppksd2_query)

    async def choose_ppksd2(self, user_id: int):
        user = await self._require("PEMOHON")
        try:
            await asyncio.to_thread(svc.set_ppksd2, user, self.app_id, int(user_id) or None)
        except (ServiceError, ValueError, TypeError) as exc:
            self.errors["ppksd2"] = getattr(exc, "message", "PPKSD-2 tidak valid.")
            return None
        self.ppksd2_id = int(user_id)
        self.ppksd2_label = next((c[1] for c in self.ppksd2_options if c[0] == self.ppksd2_id), "")
        self.errors.pop("ppksd2", None)
        return None

    def set_opd_query(self, value: str) -> None:
        self.opd_query = str(value)[:100]

    async def toggle_opd(self, opd_id: int) -> None:
        user = await self._require("PEMOHON")
        chosen = set(self.opd_selected)
        chosen ^= {int(opd_id)}
        try:
            await asyncio.to_thread(svc.set_opds, user, self.app_id, sorted(chosen))
        except ServiceError as exc:
            self.errors["opd"] = exc.errors.get("opd", exc.message)
            return
        self.opd_selected = sorted(chosen)
        self.errors.pop("opd", None)

    def set_pakta(self, value: bool) -> None:
        self.pakta = bool(value)
        self.errors.pop("pakta", None)

    async def _go(self, step: int) -> None:
        user = await self._require("PEMOHON")
        self.step = max(1, min(3, step))
        await asyncio.to_thread(svc.set_step, user, self.app_id, self.step)

    async def next_step(self):
        user = await self._require("PEMOHON")
        errs = await asyncio.to_thread(svc.step_errors, user, self.app_id, self.step)
        self.errors = {**{k: v for k, v in self.errors.items() if k not in STEP_FIELDS[self.step]}, **errs}
        if errs:
            return rx.scroll_to("ringkasan-galat")
        await self._go(self.step + 1)
        return rx.scroll_to("judul-langkah")

    async def prev_step(self):
        await self._go(self.step - 1)
        return rx.scroll_to("judul-langkah")

    async def go_to(self, step: int):
        if int(step) < self.step:
            await self._go(int(step))
        return None

    async def submit(self):
        if self.submitting:
            return
        user = await self._require("PEMOHON")
        self.submitting = True
        yield
        try:
            result = await asyncio.to_thread(svc.submit, user, self.app_id, self.pakta, self._ip())
        except ServiceError as exc:
            self.submitting = False
            yield rx.toast.error(exc.message)
            return
        self.submitting = False
        if result.errors:
            self.errors = result.errors
            if result.step_with_error != self.step:
                await self._go(result.step_with_error)
            yield rx.scroll_to("ringkasan-galat")
            return
        yield rx.redirect(routes.tanda_terima(self.app_id))
