"""The discussion page of one stage: documents, decisions, Persetujuan and live chat."""

import asyncio

import reflex as rx

from ..domain.stages import PEMBAHASAN
from ..services import chat, stages
from ..services.errors import ServiceError
from .auth import AuthState, aid_from_path

_LIVE_SECONDS = 1.0  # how often an open page looks for new messages and versions
_LIVE_MAX_MINUTES = 30  # an idle tab stops watching; any click or reload starts it again


class StageState(AuthState):
    app_id: int = 0
    stage: str = ""
    code: str = ""
    judul: str = ""
    app_status: str = ""
    stage_label: str = ""
    round_status: str = ""
    version: int = 0
    version_label: str = ""
    skip_reason: str = ""
    can_upload: bool = False
    can_decide: bool = False
    my_decision: str = ""
    decision_options: list[str] = []
    can_skip: bool = False
    documents: list[stages.DocSlot] = []
    decisions: list[stages.DecisionRow] = []
    waiting: list[str] = []
    stages_nav: list[tuple[str, str, str]] = []
    chat_unread: dict[str, int] = {}
    messages: list[chat.Message] = []
    error: str = ""
    draft_message: str = ""
    pending_file_id: int = 0
    pending_file_name: str = ""
    decision_note: str = ""
    revision_kind: str = ""
    form_error: str = ""
    _marker: tuple = ()
    _watch_id: int = 0

    async def load(self):
        user = await self._guard()
        if user is None:
            return self._to_login()
        self.app_id = aid_from_path(self.router.url.path)
        wanted = self.router.url.query_parameters.get("tahap", "")
        self.stage = wanted if wanted in {s.value for s in PEMBAHASAN} else ""
        if not self.stage:
            self.stage = await asyncio.to_thread(self._current_stage, user)
        await self._refresh(user)
        self._watch_id += 1
        return StageState.watch

    def _current_stage(self, user) -> str:  # noqa: ANN001
        from ..services import app_view

        status = app_view.view(user, self.app_id).status
        return status if status in {s.value for s in PEMBAHASAN} else PEMBAHASAN[0].value

    async def _refresh(self, user=None) -> None:  # noqa: ANN001
        user = user or await self._require()
        try:
            v = await asyncio.to_thread(stages.view, user, self.app_id, self.stage, self._ip())
            msgs = await asyncio.to_thread(chat.thread, user, self.app_id, self.stage, self._ip())
            self.chat_unread = await asyncio.to_thread(chat.unread, user, self.app_id)
        except ServiceError as exc:
            self.error, self.documents, self.decisions, self.messages = exc.message, [], [], []
            return
        self.error = ""
        for name in ("code", "judul", "app_status", "stage_label", "round_status", "version", "version_label",
                     "skip_reason",
                     "can_upload", "can_decide", "my_decision", "decision_options", "can_skip", "documents",
                     "decisions", "waiting"):
            setattr(self, name, getattr(v, name))
        self.stages_nav = v.stages
        self.messages = msgs
        self._marker = await asyncio.to_thread(chat.latest_marker, self.app_id, self.stage)
        if self.messages:
            await asyncio.to_thread(chat.mark_read, user, self.app_id, self.stage, self.messages[-1].id)
            self.chat_unread[self.stage] = 0

    @rx.event(background=True)
    async def watch(self):
        """Look for new messages and document versions while this page is open."""
        async with self:
            my_id, app_id, stage = self._watch_id, self.app_id, self.stage
        for _ in range(int(_LIVE_MAX_MINUTES * 60 / _LIVE_SECONDS)):
            await asyncio.sleep(_LIVE_SECONDS)
            marker = await asyncio.to_thread(chat.latest_marker, app_id, stage)
            async with self:
                if self._watch_id != my_id or "/pembahasan" not in (self.router.url.path or ""):
                    return  # another load started its own watcher, or the user left the page
                if marker != self._marker:
                    try:
                        await self._refresh()
                    except ServiceError:
                        return  # signed out meanwhile

    # --- documents and attachments (the browser posts the file to /berkas/unggah first) ---
    async def upload_done(self, result: dict):
        """Callback of the upload script: attach the stored file, or show why it was refused."""
        if not isinstance(result, dict) or not result.get("ok"):
            message = str((result or {}).get("error") or "Unggahan gagal.")[:300] if isinstance(result, dict) \
                else "Unggahan gagal."
            self.form_error = message
            return rx.toast.error(message)
        kind = str(result.get("kind", ""))[:40]
        if kind == "LAMPIRAN":
            self.pending_file_id = int(result.get("file_id") or 0)
            self.pending_file_name = str(result.get("name", ""))[:255]
            return None
        return await self._attach_document(kind, result.get("file_id"))

    async def _attach_document(self, kind: str, file_id: object):
        user = await self._require("PEMOHON")
        try:
            number = await asyncio.to_thread(stages.add_document_version, user, self.app_id, self.stage,
                                             kind, int(file_id), self._ip())  # type: ignore[arg-type]
        except (ServiceError, ValueError, TypeError) as exc:
            self.form_error = getattr(exc, "message", "Berkas tidak dapat dilampirkan.")
            return rx.toast.error(self.form_error)
        self.form_error = ""
        await self._refresh(user)
        return rx.toast.success(f"Versi {number} tersimpan.")

    # --- decisions --------------------------------------------------------------------
    def set_decision_note(self, value: str) -> None:
        self.decision_note = str(value)[:4000]
        self.form_error = ""

    def set_revision_kind(self, value: str) -> None:
        self.revision_kind = str(value)[:40]
        self.form_error = ""

    async def decide(self, decision: str):
        user = await self._require("ADMIN", "TKKSD")
        version = self.version
        try:
            await asyncio.to_thread(stages.decide, user, self.app_id, self.stage, decision, version,
                                    self.decision_note, self.revision_kind if decision == "REVISI" else "",
                                    self._ip())
        except ServiceError as exc:
            self.form_error = exc.message
            await self._refresh(user)
            return rx.toast.error(exc.message)
        self.decision_note, self.revision_kind = "", ""
        await self._refresh(user)
        return rx.toast.success("Keputusan tersimpan.")

    async def skip(self):
        user = await self._require("ADMIN")
        try:
            await asyncio.to_thread(stages.skip_stage, user, self.app_id, self.stage, self.decision_note,
                                    self._ip())
        except ServiceError as exc:
            self.form_error = exc.message
            return rx.toast.error(exc.message)
        self.decision_note = ""
        await self._refresh(user)
        return rx.toast.success("Tahap dinyatakan tidak diperlukan.")

    # --- chat -------------------------------------------------------------------------
    def set_draft_message(self, value: str) -> None:
        self.draft_message = str(value)[:chat.MAX_MESSAGE + 10]

    def clear_attachment(self) -> None:
        self.pending_file_id, self.pending_file_name = 0, ""

    async def send_message(self):
        user = await self._require()
        try:
            await asyncio.to_thread(chat.send, user, self.app_id, self.stage, self.draft_message,
                                    self.pending_file_id or None, self._ip())
        except ServiceError as exc:
            return rx.toast.error(exc.message)  # the typed message stays in the box
        self.draft_message, self.pending_file_id, self.pending_file_name = "", 0, ""
        await self._refresh(user)
        return rx.scroll_to("akhir-diskusi")
