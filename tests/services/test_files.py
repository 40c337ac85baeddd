"""Private files: streamed uploads with a cap, type by content, claiming, and who may download.

Every refusal must leave nothing behind: no bytes under the files folder, no StoredFile row.
"""

import hashlib
import itertools
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func
from sqlmodel import select

from sikerja_app.config import get_settings
from sikerja_app.db import session_scope
from sikerja_app.domain import filetypes as ft
from sikerja_app.models import Application, AuditLog, ChatMessage, StageDocument, StoredFile
from sikerja_app.services import files
from sikerja_app.services.errors import NotFound, ServiceError
from sikerja_app.services.seed import demo_user
from sikerja_app.services.storage import LocalStorage, get_storage, valid_key
from tests.domain.test_filetypes import (
    SAMPLES,
    make_docx,
    make_elf,
    make_pdf,
    make_pe,
    make_png,
)

pytestmark = pytest.mark.usefixtures("db")

IP = "10.7.7.7"
_numbers = itertools.count(9001)


def chunks(data: bytes, size: int = 1000) -> list[bytes]:
    return [data[i:i + size] for i in range(0, len(data), size)] or [b""]


def stored_paths() -> set[Path]:
    root = get_settings().files_dir
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def row_count() -> int:
    with session_scope() as s:
        return s.exec(select(func.count()).select_from(StoredFile)).one()


def denied(user_id: int | None, file_id: object) -> int:
    with session_scope() as s:
        return len(s.exec(select(AuditLog).where(
            AuditLog.action == "AKSES_DITOLAK", AuditLog.user_id == user_id,
            AuditLog.target_type == "storedfile", AuditLog.target_id == str(file_id))).all())


@pytest.fixture
def nothing_stored() -> Iterator[None]:
    """The test must leave the files folder and the StoredFile table exactly as they were."""
    before_files, before_rows = stored_paths(), row_count()
    yield
    assert stored_paths() == before_files
    assert row_count() == before_rows


@pytest.fixture
def small_cap(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    monkeypatch.setenv("SIKERJA_MAX_UPLOAD_MB", "1")
    get_settings.cache_clear()
    yield 1024 * 1024
    monkeypatch.delenv("SIKERJA_MAX_UPLOAD_MB")
    get_settings.cache_clear()


@pytest.fixture
def app1() -> int:
    """Demo application 1: pemohon1/pemohon2 are its PPKSD, tkksd and protokol are assigned."""
    p1 = demo_user("pemohon1")
    with session_scope() as s:
        return s.exec(select(Application.id).where(Application.ppksd1_id == p1.id).order_by(Application.id)).first()


@pytest.fixture
def attach(app1: int) -> Iterator:
    """Refer to a file from a stage document or a chat message of application 1; removed afterwards
    so the stage suites see application 1 as the seed left it."""
    made: list[object] = []

    def _attach(file_id: int, how: str = "document", app_id: int | None = None) -> None:
        target = app_id or app1
        with session_scope() as s:
            if how == "document":
                row: object = StageDocument(application_id=target, stage="PENAWARAN", kind="UJI_BERKAS",
                                            number=next(_numbers), file_id=file_id, round_version=0)
            else:
                row = ChatMessage(application_id=target, stage="PENAWARAN", user_id=demo_user("pemohon1").id,
                                  body="Lampiran uji", file_id=file_id)
            s.add(row)
            s.flush()
            made.append((type(row), row.id))  # type: ignore[attr-defined]

    yield _attach
    with session_scope() as s:
        for model, row_id in made:
            s.delete(s.get(model, row_id))


def upload(actor, data: bytes, name: str = "laporan.pdf") -> StoredFile:  # noqa: ANN001
    return files.receive_upload(actor, name, chunks(data), IP)


# --- receiving --------------------------------------------------------------------------------


@pytest.mark.parametrize("code", list(SAMPLES))
def test_each_allowed_type_is_stored_with_checksum_under_a_generated_key(code: str) -> None:
    build, name = SAMPLES[code]
    data = build()
    actor = demo_user("pemohon1")
    stored = upload(actor, data, name)
    assert stored.id and stored.uploaded_by == actor.id
    assert stored.size == len(data)
    assert stored.sha256 == hashlib.sha256(data).hexdigest()
    assert stored.content_type == ft.BY_CODE[code].mime
    assert stored.original_name == name
    assert valid_key(stored.storage_key) and name.split(".")[0] not in stored.storage_key
    path = LocalStorage(get_settings().files_dir).path_of(stored.storage_key)
    assert path.read_bytes() == data
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert get_settings().files_dir in path.parents
    with session_scope() as s:
        row = s.get(StoredFile, stored.id)
        assert row is not None and row.storage_key == stored.storage_key
        assert s.exec(select(AuditLog).where(AuditLog.action == "UNGGAH_BERKAS",
                                             AuditLog.target_id == str(stored.id))).first() is not None


def test_the_same_bytes_twice_are_two_files_never_one_overwritten() -> None:
    actor = demo_user("pemohon1")
    a, b = upload(actor, make_pdf()), upload(actor, make_pdf())
    assert a.id != b.id and a.storage_key != b.storage_key and a.sha256 == b.sha256
    assert get_storage().exists(a.storage_key) and get_storage().exists(b.storage_key)


@pytest.mark.parametrize(("name", "data", "message"), [
    ("laporan.pdf", make_elf(), ft.MSG_NOT_ALLOWED),
    ("laporan.pdf", make_pe(), ft.MSG_NOT_ALLOWED),
    ("laporan.pdf", b"", ft.MSG_EMPTY),
    ("../laporan.pdf", make_pdf(), ft.MSG_NAME_PATH),
    ("..\\..\\laporan.pdf", make_pdf(), ft.MSG_NAME_PATH),
    ("a" * 5000 + ".pdf", make_pdf(), ft.MSG_NAME_LONG),
    ("laporan.exe", make_pdf(), ft.MSG_NOT_ALLOWED),
    ("laporan", make_pdf(), ft.MSG_NAME_NO_EXT),
    ("rancangan.pdf", make_docx(), "Ekstensi berkas tidak sesuai dengan isinya"),  # refused after inspection
    ("bagan.jpg", make_png(), "Ekstensi berkas tidak sesuai dengan isinya"),
], ids=["elf", "pe", "empty", "dotdot", "backslash", "5000-chars", "exe-name", "no-ext", "docx-as-pdf", "png-as-jpg"])
def test_hostile_uploads_are_refused_and_nothing_is_stored(nothing_stored, name: str, data: bytes,
                                                           message: str) -> None:
    with pytest.raises(files.UploadRefused) as err:
        upload(demo_user("pemohon1"), data, name)
    assert err.value.message.startswith(message)
    assert err.value.status == 400


def test_pdf_with_the_wrong_extension_is_refused_with_the_reason(nothing_stored) -> None:
    with pytest.raises(files.UploadRefused) as err:
        upload(demo_user("pemohon1"), make_pdf(), "laporan.docx")
    assert err.value.message.startswith("Ekstensi berkas tidak sesuai dengan isinya")
    assert ".pdf" in err.value.message


def test_zip_that_is_no_office_document_is_refused(nothing_stored) -> None:
    import io
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("word/evil.exe", make_pe())
    with pytest.raises(files.UploadRefused) as err:
        upload(demo_user("pemohon1"), buf.getvalue(), "rancangan.docx")
    assert err.value.message == ft.MSG_NOT_ALLOWED


def test_over_the_cap_is_refused_while_streaming_and_nothing_is_kept(nothing_stored, small_cap: int) -> None:
    pulled = 0

    def endless() -> Iterator[bytes]:
        """A body that never ends: only the cap can stop it."""
        nonlocal pulled
        yield make_pdf()
        while True:
            pulled += 1
            yield b"\0" * 65536

    with pytest.raises(files.UploadTooLarge) as err:
        files.receive_upload(demo_user("pemohon1"), "besar.pdf", endless(), IP)
    assert err.value.message == "Berkas melebihi batas 1 MB."
    assert err.value.status == 413
    assert pulled <= small_cap // 65536 + 1  # stopped at the cap, not at the end of the body
    assert not any((get_settings().files_dir / "tmp").glob("*"))


def test_exactly_the_cap_is_accepted(small_cap: int) -> None:
    data = make_pdf()
    data += b"%" * (small_cap - len(data))
    stored = upload(demo_user("pemohon1"), data, "pas.pdf")
    assert stored.size == small_cap


def test_default_cap_is_20_mb() -> None:
    assert get_settings().max_upload_mb == 20
    assert files.too_large_message() == "Berkas melebihi batas 20 MB."


def test_arabic_and_emoji_names_are_kept_exactly() -> None:
    actor = demo_user("pemohon2")
    for name in ("اتفاقية التعاون.pdf", "Surat 📄 Penawaran.pdf"):
        stored = upload(actor, make_pdf(), name)
        assert stored.original_name == name
        with session_scope() as s:
            assert s.get(StoredFile, stored.id).original_name == name


def test_a_failing_storage_write_leaves_nothing(nothing_stored, monkeypatch: pytest.MonkeyPatch) -> None:
    storage = get_storage()
    pending = storage.begin()
    pending.write(b"abc")
    pending.abort()
    assert not any((get_settings().files_dir / "tmp").glob("*"))

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("basis data menolak")

    # the database refusing the row also removes the stored bytes
    monkeypatch.setattr(files.audit, "record", broken)
    with pytest.raises(RuntimeError):
        upload(demo_user("pemohon1"), make_pdf())


def test_storage_refuses_keys_that_are_not_its_own() -> None:
    storage = LocalStorage(get_settings().files_dir)
    for key in ("../../etc/passwd", "laporan.pdf", "", "A" * 40):
        assert not storage.exists(key)
        with pytest.raises(ValueError):
            storage.open(key)


def test_storage_put_aborts_when_the_source_fails() -> None:
    storage = LocalStorage(get_settings().files_dir)

    def failing() -> Iterator[bytes]:
        yield b"%PDF-1.4"
        raise OSError("koneksi putus")

    before = stored_paths()
    with pytest.raises(OSError):
        storage.put(failing())
    assert stored_paths() == before
    key = storage.put([b"satu", b"dua"])
    with storage.open(key) as fh:
        assert fh.read() == b"satudua"
    storage.delete(key)
    assert not storage.exists(key)


# --- claiming ---------------------------------------------------------------------------------


def test_claim_only_own_unattached_upload(attach) -> None:  # noqa: ANN001
    p1, p2 = demo_user("pemohon1"), demo_user("pemohon2")
    stored = upload(p1, make_pdf())
    with session_scope() as s:
        assert files.claim_file(s, p1, stored.id).id == stored.id
        with pytest.raises(NotFound):
            files.claim_file(s, p2, stored.id)
        for bad in (999_999_999, str(stored.id), None, True):
            with pytest.raises(NotFound):
                files.claim_file(s, p1, bad)
    attach(stored.id)
    with session_scope() as s, pytest.raises(NotFound):
        files.claim_file(s, p1, stored.id)  # already a document version: cannot be attached twice


# --- downloading ------------------------------------------------------------------------------


def test_unattached_file_only_for_its_uploader() -> None:
    p1 = demo_user("pemohon1")
    stored = upload(p1, make_pdf())
    got, app_id = files.file_access(p1, stored.id, IP)
    assert got.id == stored.id and app_id is None
    for key in ("pemohon2", "admin", "tkksd", "pemohon3"):
        other = demo_user(key)
        with pytest.raises(NotFound):
            files.file_access(other, stored.id, IP)
        assert denied(other.id, stored.id) == 1


@pytest.mark.parametrize("how", ["document", "message"])
def test_attached_file_for_the_participants_of_its_application(attach, app1: int, make, how: str) -> None:  # noqa: ANN001
    stored = upload(demo_user("pemohon1"), make_pdf())
    attach(stored.id, how)
    for key in ("pemohon1", "pemohon2", "admin", "tkksd", "protokol"):
        got, app_id = files.file_access(demo_user(key), stored.id, IP)
        assert (got.id, app_id) == (stored.id, app1)
    unassigned_tkksd = make.user("TKKSD")
    for actor in (demo_user("pemohon3"), demo_user("opd"), unassigned_tkksd, make.pemohon()):
        with pytest.raises(NotFound):
            files.file_access(actor, stored.id, IP)
        assert denied(actor.id, stored.id) == 1


def test_unknown_ids_and_no_session_are_the_same_not_found() -> None:
    p1 = demo_user("pemohon1")
    stored = upload(p1, make_pdf())
    errors = []
    for actor, file_id in ((p1, 987_654_321), (p1, str(stored.id)), (p1, "../1"), (None, stored.id)):
        with pytest.raises(NotFound) as err:
            files.file_access(actor, file_id, IP)
        errors.append(err.value.message)
    assert len(set(errors)) == 1
    assert denied(None, stored.id) == 1
    assert denied(p1.id, 987_654_321) == 1


def test_record_download_names_who_what_and_where(attach, app1: int) -> None:  # noqa: ANN001
    admin = demo_user("admin")
    stored = upload(demo_user("pemohon1"), make_pdf(), "اتفاقية التعاون.pdf")
    attach(stored.id)
    got, app_id = files.file_access(admin, stored.id, IP)
    files.record_download(admin, got, app_id, IP)
    with session_scope() as s:
        row = s.exec(select(AuditLog).where(AuditLog.action == "UNDUH", AuditLog.user_id == admin.id)
                     .order_by(AuditLog.id.desc())).first()  # type: ignore[union-attr]
    assert row is not None
    assert (row.target_type, row.target_id, row.ip) == ("application", str(app1), IP)
    assert f"berkas={stored.id}" in row.detail
    with files.open_stored(got) as fh:
        assert fh.read() == make_pdf()


def test_file_permissions_of_the_storage_folder() -> None:
    stored = upload(demo_user("pemohon1"), make_pdf())
    path = LocalStorage(get_settings().files_dir).path_of(stored.storage_key)
    assert stat.S_IMODE(os.stat(path.parent).st_mode) & 0o077 == 0


def test_service_error_base() -> None:
    assert issubclass(files.UploadRefused, ServiceError)
    assert issubclass(files.UploadTooLarge, files.UploadRefused)
