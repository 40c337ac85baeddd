"""Private files over plain HTTP: upload (streamed, capped) and authorized download (DESIGN §7).

The upload route only stores the file and answers with its id; attaching it to a stage
document or a chat message is done by the stage services (``claim_file``), which check
that the caller uploaded it and that nothing refers to it yet.

Nothing here uses Reflex's public ``/_upload`` folder.
"""

import asyncio
import re
from collections.abc import AsyncIterator
from typing import BinaryIO
from urllib.parse import quote

from python_multipart.exceptions import FormParserError
from python_multipart.multipart import MultipartParser, parse_options_header
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from ..domain import filetypes
from ..models import StoredFile
from ..services import auth, files
from ..services.auth import CurrentUser
from ..services.errors import Forbidden, NotFound, NotSignedIn
from .auth_routes import _same_origin, client_ip

BERKAS_UNGGAH = "/berkas/unggah"
BERKAS_UNDUH = "/berkas/{file_id}"
FIELD = "berkas"
MULTIPART_ALLOWANCE = 64 * 1024  # boundaries and part headers on top of the file itself
CHUNK = 64 * 1024
MAX_PART_HEADER = 32 * 1024  # room for an over-long name, so it gets its own message, not "invalid form"
NOT_FOUND_TEXT = "Berkas tidak ditemukan atau Anda tidak memiliki akses."
MSG_NO_FILE = "Pilih berkas yang akan diunggah."
MSG_ONE_FILE = "Unggah satu berkas saja."
MSG_BAD_FORM = "Formulir unggahan tidak valid. Muat ulang halaman lalu coba lagi."
MSG_BAD_NAME = "Nama berkas tidak dapat dibaca."
MSG_INCOMPLETE = "Unggahan terputus sebelum selesai. Coba lagi."
_ID = re.compile(r"[0-9]{1,18}")
# ?tujuan=… of an upload: which types it accepts and who may send it ("" = the documents, anyone signed in)
PURPOSES: dict[str, tuple[tuple[filetypes.FileType, ...], str]] = {
    "": (filetypes.ALLOWED, ""),
    "impor-register": (filetypes.SPREADSHEETS, "ADMIN"),  # the register import (XLSX or CSV), admins only
}


def download_url(file_id: int) -> str:
    return f"/berkas/{int(file_id)}"


def _fail(message: str, status: int) -> JSONResponse:
    return JSONResponse({"ok": False, "error": message}, status_code=status,
                        headers={"Cache-Control": "no-store"})


class _FormUpload:
    """Callbacks for python-multipart's streaming parser: the ``berkas`` part goes straight
    into an ``UploadReceiver``; other parts are ignored (their size still counts)."""

    def __init__(self, actor: CurrentUser, ip: str, max_bytes: int,
                 allowed: tuple[filetypes.FileType, ...] = filetypes.ALLOWED) -> None:
        self.actor, self.ip, self.max_bytes, self.allowed = actor, ip, max_bytes, allowed
        self.receiver: files.UploadReceiver | None = None
        self.complete = False
        self._in_file = False
        self._headers: dict[bytes, bytes] = {}
        self._field = b""
        self._value = b""

    def callbacks(self) -> dict:
        return {
            "on_part_begin": self._part_begin,
            "on_header_field": self._header_field,
            "on_header_value": self._header_value,
            "on_header_end": self._header_end,
            "on_headers_finished": self._headers_finished,
            "on_part_data": self._part_data,
            "on_part_end": self._part_end,
        }

    def _part_begin(self) -> None:
        self._headers, self._field, self._value, self._in_file = {}, b"", b"", False

    def _header_field(self, data: bytes, start: int, end: int) -> None:
        self._field += data[start:end]

    def _header_value(self, data: bytes, start: int, end: int) -> None:
        self._value += data[start:end]

    def _header_end(self) -> None:
        self._headers[self._field.strip().lower()] = self._value.strip()
        self._field, self._value = b"", b""

    def _headers_finished(self) -> None:
        _, options = parse_options_header(self._headers.get(b"content-disposition", b"").decode("latin-1"))
        if options.get(b"name") != FIELD.encode():
            return
        if self.receiver is not None:
            raise files.UploadRefused(MSG_ONE_FILE)
        raw_name = options.get(b"filename")
        if raw_name is None:
            raise files.UploadRefused(MSG_NO_FILE)
        try:
            name = raw_name.decode("utf-8")  # browsers send the name as UTF-8
        except UnicodeDecodeError:
            raise files.UploadRefused(MSG_BAD_NAME) from None
        self.receiver = files.UploadReceiver(self.actor, name, self.ip, max_bytes=self.max_bytes,
                                             allowed=self.allowed)
        self._in_file = True

    def _part_data(self, data: bytes, start: int, end: int) -> None:
        if self._in_file and self.receiver is not None:
            self.receiver.feed(data[start:end])

    def _part_end(self) -> None:
        if self._in_file:
            self.complete = True
            self._in_file = False

    def finish(self) -> StoredFile:
        if self.receiver is None:
            raise files.UploadRefused(MSG_NO_FILE)
        if not self.complete:
            raise files.UploadRefused(MSG_INCOMPLETE)
        return self.receiver.finish()

    def abort(self) -> None:
        if self.receiver is not None:
            self.receiver.abort()


async def unggah(request: Request) -> Response:
    """POST /berkas/unggah: one file in the multipart field ``berkas``; answers JSON."""
    if not _same_origin(request):
        return _fail("Permintaan ditolak.", 403)
    max_bytes = files.max_upload_bytes()
    limit = max_bytes + MULTIPART_ALLOWANCE
    length = request.headers.get("content-length")
    if length is not None:
        if not length.isascii() or not length.isdigit():
            return _fail(MSG_BAD_FORM, 400)
        if int(length) > limit:
            return _fail(files.too_large_message(), 413)
    token = auth.token_from_cookie_header(request.headers.get("cookie", ""))
    actor = await asyncio.to_thread(auth.resolve, token)
    if actor is None:
        return _fail(NotSignedIn().message, 401)
    ctype, params = parse_options_header(request.headers.get("content-type", ""))
    boundary = params.get(b"boundary")
    if ctype != b"multipart/form-data" or not boundary or len(boundary) > 70:
        return _fail(MSG_BAD_FORM, 400)
    ip = client_ip(request)
    purpose = request.query_params.get("tujuan", "")
    if purpose not in PURPOSES:
        return _fail(MSG_BAD_FORM, 400)
    allowed, role = PURPOSES[purpose]
    if role and actor.role != role:
        await asyncio.to_thread(files.refuse_file, actor, "", ip, f"unggah tujuan={purpose}")
        return _fail(Forbidden().message, 403)
    form = _FormUpload(actor, ip, max_bytes, allowed)
    parser = MultipartParser(boundary, callbacks=form.callbacks(),  # type: ignore[arg-type]
                             max_header_size=MAX_PART_HEADER)
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            if received > limit:
                raise files.UploadTooLarge(files.too_large_message())
            if chunk:
                await asyncio.to_thread(parser.write, chunk)
        parser.finalize()
        stored = await asyncio.to_thread(form.finish)
    except files.UploadRefused as err:
        form.abort()
        return _fail(err.message, err.status)
    except FormParserError:
        form.abort()
        return _fail(MSG_BAD_FORM, 400)
    except ClientDisconnect:
        form.abort()
        return _fail(MSG_INCOMPLETE, 400)
    except BaseException:
        form.abort()
        raise
    return JSONResponse({"ok": True, "file_id": stored.id, "name": stored.original_name,
                         "size": stored.size, "sha256": stored.sha256},
                        headers={"Cache-Control": "no-store"})


def content_disposition(name: str) -> str:
    """``attachment`` with an ASCII fallback and the exact UTF-8 name (RFC 6266 / RFC 5987)."""
    fallback = filetypes.ascii_fallback_name(name).replace("\\", "_").replace('"', "_")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filetypes.safe_display_name(name), safe='')}"


def _not_found() -> Response:
    """One answer for an unknown id, someone else's file and no session."""
    return Response(NOT_FOUND_TEXT, status_code=404, media_type="text/plain; charset=utf-8",
                    headers={"Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"})


async def _chunks(fh: BinaryIO) -> AsyncIterator[bytes]:
    try:
        while True:
            data = await asyncio.to_thread(fh.read, CHUNK)
            if not data:
                break
            yield data
    finally:
        fh.close()


async def unduh(request: Request) -> Response:
    """GET /berkas/{file_id}: the file, to someone allowed to have it; 404 for anyone else."""
    ip = client_ip(request)
    raw = request.path_params.get("file_id", "")
    file_id: object = int(raw) if _ID.fullmatch(raw) else raw
    token = auth.token_from_cookie_header(request.headers.get("cookie", ""))
    actor = await asyncio.to_thread(auth.resolve, token)
    if not _same_origin(request):
        # a script on another origin (a sibling subdomain gets the Lax cookie) must not read files,
        # whatever CORS allows; the app's own links are navigations, which send no foreign Origin
        await asyncio.to_thread(files.refuse_file, actor, file_id, ip, "unduh dari asal lain")
        return _not_found()
    try:
        stored, app_id = await asyncio.to_thread(files.file_access, actor, file_id, ip)
        fh = await asyncio.to_thread(files.open_stored, stored)
    except (NotFound, FileNotFoundError):
        return _not_found()
    assert actor is not None  # file_access refuses anonymous requests
    await asyncio.to_thread(files.record_download, actor, stored, app_id, ip)
    headers = {
        "Content-Disposition": content_disposition(stored.original_name),
        "Content-Length": str(stored.size),
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": "default-src 'none'; sandbox",
    }
    return StreamingResponse(_chunks(fh), media_type=stored.content_type, headers=headers)
