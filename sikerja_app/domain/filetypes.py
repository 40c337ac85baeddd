"""What an uploaded file is, decided by its content, and whether its name is acceptable (DESIGN §7).

Plain Python: no Reflex, no database. The type comes from the file's first bytes (magic
numbers); the Office formats are ZIP containers, so for them the archive's entries are
inspected as well. The name is never trusted for the type: it must merely agree with it.

The ``filetype`` package was evaluated and not used: it decides DOCX/XLSX by looking for
``word/`` or ``xl/`` among the first few ZIP entry names in the first 8 KB, so a valid DOCX
whose entries come in another order is reported as a plain ZIP, and any ZIP whose first entry
is ``word/anything`` (an executable, say) is reported as a DOCX.
"""

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import BinaryIO

MAX_NAME_LENGTH = 255
HEAD_SIZE = 8  # bytes needed to recognise every allowed signature


@dataclass(frozen=True)
class FileType:
    code: str
    label: str
    mime: str
    extensions: tuple[str, ...]  # the first one is the canonical extension

    @property
    def extension(self) -> str:
        return self.extensions[0]


PDF = FileType("PDF", "PDF", "application/pdf", ("pdf",))
DOCX = FileType("DOCX", "DOCX (Word)",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ("docx",))
ODT = FileType("ODT", "ODT (OpenDocument Text)", "application/vnd.oasis.opendocument.text", ("odt",))
XLSX = FileType("XLSX", "XLSX (Excel)",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ("xlsx",))
JPG = FileType("JPG", "JPG", "image/jpeg", ("jpg", "jpeg"))
PNG = FileType("PNG", "PNG", "image/png", ("png",))
ALLOWED: tuple[FileType, ...] = (PDF, DOCX, ODT, XLSX, JPG, PNG)
BY_CODE = {t.code: t for t in ALLOWED}
ACCEPT_ATTRIBUTE = ",".join(f".{e}" for t in ALLOWED for e in t.extensions)  # for <input accept=...>
# Plain-text CSV is accepted only where an upload asks for it (the register import, issue 4):
# it has no magic number, so it is decided by the whole content being text (``looks_like_text``).
CSV = FileType("CSV", "CSV", "text/csv", ("csv",))
SPREADSHEETS: tuple[FileType, ...] = (XLSX, CSV)

_ZIP_KINDS = (DOCX, ODT, XLSX)
_PDF_MAGIC = b"%PDF-"
_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPG_MAGIC = b"\xff\xd8\xff"
_ZIP_MAGIC = b"PK\x03\x04"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"

MSG_EMPTY = "Berkas kosong. Pilih berkas yang berisi dokumen."
MSG_NOT_ALLOWED = "Jenis berkas tidak diizinkan. Unggah berkas PDF, DOCX, ODT, XLSX, JPG atau PNG."
MSG_NAME_EMPTY = "Nama berkas kosong."
MSG_NAME_LONG = f"Nama berkas terlalu panjang (maksimal {MAX_NAME_LENGTH} karakter)."
MSG_NAME_PATH = "Nama berkas tidak boleh memuat garis miring atau '..'."
MSG_NAME_CONTROL = "Nama berkas memuat karakter yang tidak diizinkan."
MSG_NAME_NO_EXT = "Nama berkas harus memiliki ekstensi, misalnya .pdf."

# Bidirectional overrides and isolates can disguise an extension ("gpj.exe" shown as "exe.jpg").
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


# --- the type, by content ------------------------------------------------------------------


class _Pending:
    """The head is a ZIP (or text): the whole file must be read to know what it is."""


ZIP_PENDING = _Pending()
TEXT_PENDING = _Pending()
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def not_allowed_message(allowed: tuple[FileType, ...] = ALLOWED) -> str:
    """``Jenis berkas tidak diizinkan. Unggah berkas PDF, …, JPG atau PNG.`` for the given types."""
    codes = [t.code for t in allowed]
    listed = ", ".join(codes[:-1]) + " atau " + codes[-1] if len(codes) > 1 else codes[0]
    return f"Jenis berkas tidak diizinkan. Unggah berkas {listed}."


def sniff_head(head: bytes, allowed: tuple[FileType, ...] = ALLOWED) -> FileType | _Pending | None:
    """Decide from the first bytes alone: a type, ``ZIP_PENDING``/``TEXT_PENDING`` (read the whole
    file), or None (refused). Text is considered only when CSV is among ``allowed``."""
    if head.startswith(_PDF_MAGIC):
        return PDF
    if head.startswith(_PNG_MAGIC):
        return PNG
    if head.startswith(_JPG_MAGIC):
        return JPG
    if head.startswith(_ZIP_MAGIC):
        return ZIP_PENDING
    if CSV in allowed and head and not _CONTROL_BYTES.search(head):
        return TEXT_PENDING
    return None


def decode_text(data: bytes) -> str | None:
    """The text of a file as spreadsheet programs save CSV: UTF-8 (with or without BOM) or
    Windows-1252; None when it is neither or holds control bytes other than tab and line breaks."""
    if not data or _CONTROL_BYTES.search(data):
        return None
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def looks_like_text(data: bytes) -> bool:
    return decode_text(data) is not None


def _zip_kind(fileobj: BinaryIO) -> FileType | None:
    """DOCX, XLSX or ODT by the archive's entries; None for any other or a damaged archive.

    Only the central directory and the tiny ``mimetype`` entry are read, never the whole
    content, so a compressed bomb costs nothing here.
    """
    try:
        with zipfile.ZipFile(fileobj) as zf:
            names = set(zf.namelist())
            found: list[FileType] = []
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                found.append(DOCX)
            if "[Content_Types].xml" in names and "xl/workbook.xml" in names:
                found.append(XLSX)
            if "mimetype" in names and "content.xml" in names:
                with zf.open("mimetype") as fh:
                    if fh.read(len(_ODT_MIMETYPE) + 2).strip() == _ODT_MIMETYPE:
                        found.append(ODT)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, RuntimeError,
            NotImplementedError, ValueError, KeyError):
        return None
    return found[0] if len(found) == 1 else None  # two formats at once is not a document


def detect_type(data: bytes | BinaryIO, allowed: tuple[FileType, ...] = ALLOWED) -> FileType | None:
    """The type of a whole file (bytes or a seekable binary file), or None.

    A type outside ``allowed`` may still be returned (the caller refuses it with its own
    message); CSV only when ``allowed`` includes it."""
    if isinstance(data, bytes | bytearray):
        data = io.BytesIO(bytes(data))
    data.seek(0)
    head = data.read(HEAD_SIZE)
    kind = sniff_head(head, allowed)
    if kind is TEXT_PENDING:
        data.seek(0)
        return CSV if looks_like_text(data.read()) else None
    if isinstance(kind, _Pending):
        data.seek(0)
        return _zip_kind(data)
    return kind


# --- the name -------------------------------------------------------------------------------


def _bad_char(ch: str) -> bool:
    return unicodedata.category(ch) in {"Cc", "Cs", "Co"} or ch in _BIDI_CONTROLS or ch in "\u2028\u2029"


def check_filename(name: str) -> str:
    """An Indonesian message when the uploaded file's name is refused, else "".

    Names in any script (Arabic, emoji, ...) are accepted; path separators, ``..``,
    control characters, text-direction overrides and over-long names are not.
    """
    if name is None or not str(name).strip():
        return MSG_NAME_EMPTY
    name = str(name)
    if len(name) > MAX_NAME_LENGTH:
        return MSG_NAME_LONG
    if "/" in name or "\\" in name or name.strip() in {".", ".."}:
        return MSG_NAME_PATH
    if any(_bad_char(ch) for ch in name):
        return MSG_NAME_CONTROL
    return ""


def safe_display_name(name: str) -> str:
    """The name as it may be stored and shown: NFC, no path, no control characters, ≤255."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[/\\]", name)[-1]
    name = "".join(" " if ch.isspace() else ch for ch in name if ch.isspace() or not _bad_char(ch))
    name = " ".join(name.split()).strip(" .")
    if not name:
        return "berkas"
    if len(name) > MAX_NAME_LENGTH:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 10 and stem:
            name = stem[: MAX_NAME_LENGTH - len(ext) - 1] + "." + ext
        else:
            name = name[:MAX_NAME_LENGTH]
    return name


def extension_of(name: str) -> str:
    """The lower-case extension without the dot ("" when there is none)."""
    stem, dot, ext = str(name or "").strip().rpartition(".")
    return ext.lower() if dot and stem.strip() else ""


def check_extension_matches(name: str, detected: FileType | None) -> str:
    """An Indonesian message when the content is not allowed or the name's extension disagrees."""
    if detected is None:
        return MSG_NOT_ALLOWED
    ext = extension_of(name)
    if not ext:
        return MSG_NAME_NO_EXT
    if ext not in detected.extensions:
        return (f"Ekstensi berkas tidak sesuai dengan isinya: isi berkas ini {detected.label}, "
                f"jadi namanya harus berakhiran .{detected.extension}.")
    return ""


def check_extension_allowed(name: str, allowed: tuple[FileType, ...] = ALLOWED) -> str:
    """Refuse early, before any content arrives, a name whose extension is never allowed."""
    ext = extension_of(name)
    if not ext:
        return MSG_NAME_NO_EXT
    if not any(ext in t.extensions for t in allowed):
        return not_allowed_message(allowed)
    return ""


def ascii_fallback_name(name: str) -> str:
    """A plain-ASCII name for the ``filename=`` parameter of Content-Disposition.

    Letters with accents lose them; other scripts and emoji become nothing; what is left
    is limited to letters, digits, space and ``._-()``. Empty stems become "berkas".
    """
    name = safe_display_name(name)
    stem, dot, ext = name.rpartition(".")
    if not dot:
        stem, ext = name, ""

    def clean(text: str) -> str:
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
        text = re.sub(r"[^A-Za-z0-9 ._()-]+", "_", text)
        return " ".join(text.split()).strip(" ._")

    stem, ext = clean(stem) or "berkas", clean(ext)
    return f"{stem}.{ext}" if ext else stem
