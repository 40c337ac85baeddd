"""Receiving, claiming and handing out private files (DESIGN §7 "Uploads").

An upload is streamed to storage piece by piece while its size is counted and its SHA-256
computed; it is abandoned the moment it passes the cap, so the body is never held whole
in memory. The type is decided by content (domain/filetypes.py). Any refusal leaves
nothing behind: no stored bytes, no ``StoredFile`` row.

A stored file is reachable only by the person who uploaded it until a stage document or a
chat message refers to it (``claim_file``); from then on, by the participants of that
application's discussion (``file_access``).
"""

import hashlib
import threading
from collections.abc import Iterable
from typing import BinaryIO

from sqlmodel import Session, select

from ..config import get_settings
from ..db import session_scope
from ..domain import filetypes
from ..domain.pembahasan import is_participant
from ..domain.permissions import can_view
from ..models import Application, ChatMessage, StageDocument, StoredFile
from . import audit
from .app_access import facts_of
from .auth import CurrentUser
from .errors import NotFound, ServiceError
from .storage import PendingWrite, Storage, get_storage


class UploadRefused(ServiceError):
    """A refused upload; ``status`` is the HTTP status the upload route answers with."""

    status = 400

    def __init__(self, message: str) -> None:
        super().__init__(message, {"berkas": message})


class UploadTooLarge(UploadRefused):
    status = 413


def max_upload_bytes() -> int:
    return get_settings().max_upload_mb * 1024 * 1024


def too_large_message() -> str:
    return f"Berkas melebihi batas {get_settings().max_upload_mb} MB."


class UploadReceiver:
    """One upload in progress: ``feed`` it pieces, then ``finish`` (or ``abort``).

    The name is checked when the receiver is created, before any byte is stored; the
    type as soon as the first bytes arrive; the size on every piece.
    """

    def __init__(self, actor: CurrentUser, name: str, ip: str = "", storage: Storage | None = None,
                 max_bytes: int | None = None, allowed: tuple[filetypes.FileType, ...] = filetypes.ALLOWED) -> None:
        message = filetypes.check_filename(name) or filetypes.check_extension_allowed(name, allowed)
        if message:
            raise UploadRefused(message)
        self.allowed = allowed  # the register import asks for XLSX or CSV instead of the document types
        self.actor = actor
        self.name = filetypes.safe_display_name(name)
        self.ip = ip
        self.storage = storage or get_storage()
        self.max_bytes = max_upload_bytes() if max_bytes is None else max_bytes
        self.size = 0
        self._sha = hashlib.sha256()
        self._head = b""
        self._kind: filetypes.FileType | object | None = None
        self._pending: PendingWrite | None = None
        self._closed = False
        # the route feeds from a worker thread; a cancelled request aborts from the event loop
        self._lock = threading.RLock()

    def _refuse(self, error: UploadRefused) -> UploadRefused:
        self._abort()
        return error

    def _check_head(self, final: bool = False) -> None:
        if self._kind is not None or (len(self._head) < filetypes.HEAD_SIZE and not final):
            return
        kind = filetypes.sniff_head(self._head, self.allowed)
        if kind is None or (isinstance(kind, filetypes.FileType) and kind not in self.allowed):
            raise self._refuse(UploadRefused(filetypes.not_allowed_message(self.allowed)))
        if isinstance(kind, filetypes.FileType):
            message = filetypes.check_extension_matches(self.name, kind)
            if message:
                raise self._refuse(UploadRefused(message))
        self._kind = kind

    def feed(self, data: bytes) -> None:
        with self._lock:
            self._feed(data)

    def _feed(self, data: bytes) -> None:
        if self._closed:
            raise ServiceError("Unggahan sudah selesai atau dibatalkan.")
        if not data:
            return
        if self.size + len(data) > self.max_bytes:
            raise self._refuse(UploadTooLarge(too_large_message()))
        self.size += len(data)
        self._sha.update(data)
        if len(self._head) < filetypes.HEAD_SIZE:
            self._head += data[: filetypes.HEAD_SIZE - len(self._head)]
            self._check_head()
        if self._pending is None:
            self._pending = self.storage.begin()
        try:
            self._pending.write(data)
        except BaseException:
            self.abort()
            raise

    def abort(self) -> None:
        """Drop whatever was written; safe to call more than once."""
        with self._lock:
            self._abort()

    def _abort(self) -> None:
        self._closed = True
        if self._pending is not None:
            self._pending.abort()
            self._pending = None

    def finish(self) -> StoredFile:
        """Decide the type of the complete file, keep it and record it; refuse otherwise."""
        with self._lock:
            return self._finish()

    def _finish(self) -> StoredFile:
        if self._closed:
            raise ServiceError("Unggahan sudah selesai atau dibatalkan.")
        if self.size == 0 or self._pending is None:
            raise self._refuse(UploadRefused(filetypes.MSG_EMPTY))
        self._check_head(final=True)
        pending, self._pending = self._pending, None
        self._closed = True
        key = pending.commit()
        try:
            kind = self._kind
            if not isinstance(kind, filetypes.FileType):  # a ZIP container (or text): look inside
                with self.storage.open(key) as fh:
                    kind = filetypes.detect_type(fh, self.allowed)
            if kind is None or kind not in self.allowed:
                raise UploadRefused(filetypes.not_allowed_message(self.allowed))
            message = filetypes.check_extension_matches(self.name, kind)
            if message:
                raise UploadRefused(message)
            with session_scope() as s:
                stored = StoredFile(
                    storage_key=key, original_name=self.name, content_type=kind.mime,
                    extension=filetypes.extension_of(self.name), size=self.size,
                    sha256=self._sha.hexdigest(), uploaded_by=self.actor.id,
                )
                s.add(stored)
                s.flush()
                audit.record(s, "UNGGAH_BERKAS", self.actor.id, "storedfile", stored.id, self.ip,
                             f"{kind.code} {self.size} B sha256={stored.sha256} nama={self.name[:200]!r}")
            return stored
        except BaseException:
            self.storage.delete(key)
            raise


def receive_upload(actor: CurrentUser, name: str, chunks: Iterable[bytes], ip: str = "",
                   storage: Storage | None = None,
                   allowed: tuple[filetypes.FileType, ...] = filetypes.ALLOWED) -> StoredFile:
    """Store an upload fed as pieces (bytes); raises ``UploadRefused`` with an Indonesian message."""
    receiver = UploadReceiver(actor, name, ip, storage, allowed=allowed)
    try:
        for chunk in chunks:
            receiver.feed(chunk)
        return receiver.finish()
    except BaseException:
        receiver.abort()
        raise


# --- who may have a stored file ---------------------------------------------------------------


def _referencing_apps(s: Session, file_id: int) -> list[int]:
    docs = s.exec(select(StageDocument.application_id).where(StageDocument.file_id == file_id)).all()
    msgs = s.exec(select(ChatMessage.application_id).where(ChatMessage.file_id == file_id)).all()
    return sorted(set(docs) | set(msgs))


def claim_file(session: Session, actor: CurrentUser, file_id: object) -> StoredFile:
    """The caller's own, not yet attached upload, for attaching in ``session``; else NotFound.

    The row is read ``FOR UPDATE`` so that on PostgreSQL two attachments of the same upload
    racing each other are serialised (the second then sees the first's reference).
    """
    if not isinstance(file_id, int) or isinstance(file_id, bool):
        raise NotFound()
    from .monev import is_evidence

    stored = session.exec(select(StoredFile).where(StoredFile.id == file_id).with_for_update()).first()
    if stored is None or stored.uploaded_by != actor.id or _referencing_apps(session, file_id) \
            or is_evidence(session, file_id):
        raise NotFound()
    return stored


def refuse_file(actor: CurrentUser | None, file_id: object, ip: str, detail: str = "unduh") -> NotFound:
    """Record a refused download (in its own transaction) and return the error to raise."""
    with session_scope() as log_s:
        audit.record(log_s, "AKSES_DITOLAK", actor.id if actor else None, "storedfile", str(file_id)[:40], ip,
                     detail)
    return NotFound()


def file_access(actor: CurrentUser | None, file_id: object, ip: str = "") -> tuple[StoredFile, int | None]:
    """The file and the application it belongs to, if this user may download it.

    Allowed: a participant of the discussion (PPKSD-1/2, admins, the assigned TKKSD) of an
    application whose stage document or chat message refers to the file; for a file nothing
    refers to yet, only its uploader (application None). Anything else, including an unknown
    id and no session, is NotFound with an AKSES_DITOLAK audit row.
    """
    if actor is None:
        raise refuse_file(None, file_id, ip, "unduh tanpa sesi")
    if not isinstance(file_id, int) or isinstance(file_id, bool):
        raise refuse_file(actor, file_id, ip)
    with session_scope() as s:
        stored = s.get(StoredFile, file_id)
        if stored is None:
            raise refuse_file(actor, file_id, ip)
        app_ids = _referencing_apps(s, file_id)
        if not app_ids:
            from .monev import evidence_access

            monev_ok = evidence_access(s, actor, file_id)  # None: not a monev evidence file
            if monev_ok is not None:
                if monev_ok:
                    return stored, None
                raise refuse_file(actor, file_id, ip, "unduh bukti monev")
            if stored.uploaded_by == actor.id:
                return stored, None
            raise refuse_file(actor, file_id, ip)
        viewer = actor.viewer
        for app_id in app_ids:
            app = s.get(Application, app_id)
            if app is None:
                continue
            facts = facts_of(s, app)
            if can_view(viewer, facts) and is_participant(viewer, facts):
                return stored, app_id
    raise refuse_file(actor, file_id, ip, f"unduh permohonan={','.join(map(str, app_ids))}")


def record_download(actor: CurrentUser, stored: StoredFile, app_id: int | None, ip: str = "") -> None:
    """The UNDUH audit row: who, which file, of which application, from where."""
    with session_scope() as s:
        if app_id is None:
            audit.record(s, "UNDUH", actor.id, "storedfile", stored.id, ip, f"nama={stored.original_name[:200]!r}")
        else:
            audit.record(s, "UNDUH", actor.id, "application", app_id, ip,
                         f"berkas={stored.id} nama={stored.original_name[:200]!r}")


def open_stored(stored: StoredFile, storage: Storage | None = None) -> BinaryIO:
    """The stored bytes of a file ``file_access`` allowed."""
    return (storage or get_storage()).open(stored.storage_key)
