"""The upload and download routes, over HTTP with real sessions (DESIGN §7 "Uploads").

Hostile uploads are refused with Indonesian messages and leave nothing behind; downloads
reach only the uploader of an unattached file or the participants of the application a
stage document or chat message attaches it to; everyone else gets the same 404.
"""

import asyncio
import concurrent.futures
import hashlib
import itertools
import json
from collections.abc import Iterator
from urllib.parse import unquote

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from sikerja_app.api.app import build_api
from sikerja_app.config import get_settings
from sikerja_app.db import session_scope
from sikerja_app.domain import filetypes as ft
from sikerja_app.models import Application, AuditLog, ChatMessage, StageDocument, StoredFile
from sikerja_app.services import auth
from sikerja_app.services.seed import DEMO_PASSWORD, demo_user
from tests.domain.test_filetypes import make_docx, make_elf, make_pdf, make_pe, make_png

pytestmark = pytest.mark.usefixtures("db")

ARABIC = "اتفاقية التعاون.pdf"
EMOJI = "Surat 📄 Penawaran.pdf"
_ips = itertools.count(1)
_numbers = itertools.count(19001)


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(build_api()) as c:
        yield c


@pytest.fixture(scope="module")
def tokens(db) -> dict[str, str]:  # noqa: ANN001
    """A real session for each demo account, signed in through services.auth.login."""
    out = {}
    for key in ("pemohon1", "pemohon2", "pemohon3", "admin", "tkksd", "protokol", "opd"):
        n = next(_ips)
        result = auth.login(f"{key}@sikerja.test", DEMO_PASSWORD, f"10.31.{n // 250}.{n % 250 + 1}", "pytest")
        assert result.token, result.error
        out[key] = result.token
    return out


def cookie(tokens: dict[str, str], key: str | None) -> dict[str, str]:
    return {"cookie": f"{auth.COOKIE_NAME}={tokens[key]}"} if key else {}


def post_file(client: TestClient, tokens: dict[str, str], name: str, data: bytes, who: str | None = "pemohon1",
              field: str = "berkas", **kw):  # noqa: ANN003, ANN201
    return client.post("/berkas/unggah", files={field: (name, data, "application/octet-stream")},
                       headers={**cookie(tokens, who), **kw.pop("headers", {})}, **kw)


def stored_paths() -> set:
    root = get_settings().files_dir
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


def row_ids() -> set[int]:
    with session_scope() as s:
        return set(s.exec(select(StoredFile.id)))


@pytest.fixture
def nothing_stored() -> Iterator[None]:
    before_files, before_rows = stored_paths(), row_ids()
    yield
    assert stored_paths() == before_files, "a refused upload left bytes in the files folder"
    assert row_ids() == before_rows, "a refused upload left a StoredFile row"


@pytest.fixture
def small_cap(monkeypatch: pytest.MonkeyPatch) -> Iterator[int]:
    monkeypatch.setenv("SIKERJA_MAX_UPLOAD_MB", "1")
    get_settings.cache_clear()
    yield 1024 * 1024
    monkeypatch.delenv("SIKERJA_MAX_UPLOAD_MB")
    get_settings.cache_clear()


@pytest.fixture
def app1() -> int:
    p1 = demo_user("pemohon1")
    with session_scope() as s:
        return s.exec(select(Application.id).where(Application.ppksd1_id == p1.id).order_by(Application.id)).first()


@pytest.fixture
def attach(app1: int) -> Iterator:
    """Attach a file to demo application 1 directly in the database; undone afterwards."""
    made: list[tuple[type, int]] = []

    def _attach(file_id: int, how: str = "document") -> None:
        with session_scope() as s:
            if how == "document":
                row: StageDocument | ChatMessage = StageDocument(
                    application_id=app1, stage="PENAWARAN", kind="UJI_BERKAS", number=next(_numbers),
                    file_id=file_id, round_version=0)
            else:
                row = ChatMessage(application_id=app1, stage="PENAWARAN", user_id=demo_user("pemohon1").id,
                                  body="Lampiran uji", file_id=file_id)
            s.add(row)
            s.flush()
            made.append((type(row), row.id or 0))

    yield _attach
    with session_scope() as s:
        for model, row_id in made:
            s.delete(s.get(model, row_id))


def uploaded(client: TestClient, tokens: dict[str, str], name: str = "laporan.pdf", data: bytes | None = None,
             who: str = "pemohon1") -> int:
    resp = post_file(client, tokens, name, data or make_pdf(), who)
    assert resp.status_code == 200, resp.text
    return resp.json()["file_id"]


def audit_rows(action: str, user_id: int | None, **where: str) -> list[AuditLog]:
    with session_scope() as s:
        q = select(AuditLog).where(AuditLog.action == action, AuditLog.user_id == user_id)
        for field, value in where.items():
            q = q.where(getattr(AuditLog, field) == value)
        return list(s.exec(q))


# --- uploads that are accepted --------------------------------------------------------------


@pytest.mark.parametrize("name", [ARABIC, EMOJI, "Laporan Akhir.PDF"])
def test_valid_pdf_is_accepted_and_downloaded_byte_for_byte(client, tokens, name: str) -> None:  # noqa: ANN001
    data = make_pdf(f"Dokumen {len(name)}")
    resp = post_file(client, tokens, name, data)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert body["ok"] is True and body["name"] == name and body["size"] == len(data)
    assert body["sha256"] == hashlib.sha256(data).hexdigest()

    got = client.get(f"/berkas/{body['file_id']}", headers=cookie(tokens, "pemohon1"))
    assert got.status_code == 200
    assert got.content == data
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["x-content-type-options"] == "nosniff"
    assert got.headers["cache-control"] == "private, no-store"
    disposition = got.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="')
    fallback = disposition.split('filename="')[1].split('"')[0]
    assert fallback.isascii() and fallback.endswith((".pdf", ".PDF"))
    encoded = disposition.split("filename*=UTF-8''")[1]
    assert encoded.isascii() and " " not in encoded
    assert unquote(encoded, encoding="utf-8") == name  # Arabic and emoji names survive exactly


@pytest.mark.parametrize(("name", "data", "ctype"), [
    ("rancangan.docx", make_docx(), ft.DOCX.mime),
    ("bagan.png", make_png(), "image/png"),
])
def test_other_types_are_served_with_their_detected_type(client, tokens, name: str, data: bytes,  # noqa: ANN001
                                                         ctype: str) -> None:
    file_id = uploaded(client, tokens, name, data)
    got = client.get(f"/berkas/{file_id}", headers=cookie(tokens, "pemohon1"))
    assert got.status_code == 200 and got.content == data
    assert got.headers["content-type"] == ctype


# --- hostile uploads ----------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "data", "message"), [
    ("laporan.pdf", make_elf(), "Jenis berkas tidak diizinkan"),
    ("laporan.pdf", make_pe(), "Jenis berkas tidak diizinkan"),
    ("laporan.pdf", b"", "Berkas kosong"),
    ("../laporan.pdf", make_pdf(), "Nama berkas tidak boleh memuat garis miring atau '..'"),
    ("../../../etc/cron.d/x.pdf", make_pdf(), "Nama berkas tidak boleh memuat garis miring atau '..'"),
    ("a" * 5000 + ".pdf", make_pdf(), "Nama berkas terlalu panjang"),
    ("laporan.docx", make_pdf(), "Ekstensi berkas tidak sesuai dengan isinya"),
    ("rancangan.pdf", make_docx(), "Ekstensi berkas tidak sesuai dengan isinya"),
    ("program.exe", make_pe(), "Jenis berkas tidak diizinkan"),
], ids=["elf-as-pdf", "pe-as-pdf", "empty", "dotdot", "deep-dotdot", "5000-chars", "pdf-as-docx", "docx-as-pdf",
        "exe"])
def test_hostile_uploads_are_refused_in_indonesian_and_nothing_is_stored(
        client, tokens, nothing_stored, name: str, data: bytes, message: str) -> None:  # noqa: ANN001
    resp = post_file(client, tokens, name, data)
    assert resp.status_code == 400, resp.text
    assert resp.json() == {"ok": False, "error": resp.json()["error"]}
    assert resp.json()["error"].startswith(message)


def asgi_post(headers: list[tuple[bytes, bytes]], pieces: Iterator[bytes]) -> tuple[int, dict, int]:
    """POST /berkas/unggah through ASGI directly, the body handed over piece by piece as a real
    server does (TestClient hands the whole body at once). Returns status, JSON, pieces pulled."""
    pulled = 0
    sent: list[dict] = []

    async def receive() -> dict:
        nonlocal pulled
        piece = next(pieces, None)
        if piece is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        pulled += 1
        return {"type": "http.request", "body": piece, "more_body": True}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/berkas/unggah", "raw_path": b"/berkas/unggah", "query_string": b"", "root_path": "",
        "client": ("10.40.0.1", 5000), "server": ("testserver", 80),
        "headers": [(b"host", b"testserver"), *headers],
    }
    # In a worker thread: when the browser tests ran first, Playwright keeps a loop running here.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, build_api()(scope, receive, send)).result()
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return start["status"], json.loads(body), pulled


def big_body(boundary: str, pieces: int) -> Iterator[bytes]:
    yield (f"--{boundary}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"besar.pdf\"\r\n"
           "Content-Type: application/pdf\r\n\r\n").encode() + make_pdf()
    for _ in range(pieces):
        yield b"%" * 65536
    yield f"\r\n--{boundary}--\r\n".encode()


def test_over_the_cap_by_content_length_is_refused_before_reading(client, tokens, nothing_stored,  # noqa: ANN001
                                                                  small_cap: int) -> None:
    resp = post_file(client, tokens, "besar.pdf", make_pdf() + b"%" * small_cap)
    assert resp.status_code == 413
    assert resp.json() == {"ok": False, "error": "Berkas melebihi batas 1 MB."}
    status, body, pulled = asgi_post([
        (b"cookie", cookie(tokens, "pemohon1")["cookie"].encode()),
        (b"content-type", b"multipart/form-data; boundary=b"), (b"content-length", str(400 * 65536).encode()),
    ], big_body("b", 400))
    assert (status, body, pulled) == (413, {"ok": False, "error": "Berkas melebihi batas 1 MB."}, 0)


def test_over_the_cap_without_content_length_is_cut_off_while_streaming(tokens, nothing_stored,  # noqa: ANN001
                                                                        small_cap: int) -> None:
    status, body, pulled = asgi_post([
        (b"cookie", cookie(tokens, "pemohon1")["cookie"].encode()),
        (b"content-type", b"multipart/form-data; boundary=batasuji"), (b"transfer-encoding", b"chunked"),
    ], big_body("batasuji", 400))  # 25 MB whose size is not announced
    assert (status, body) == (413, {"ok": False, "error": "Berkas melebihi batas 1 MB."})
    assert pulled <= small_cap // 65536 + 2  # stopped at the cap, not at the end of the body


def test_streamed_upload_under_the_cap_is_accepted(tokens, small_cap: int) -> None:  # noqa: ANN001
    status, body, pulled = asgi_post([
        (b"cookie", cookie(tokens, "pemohon1")["cookie"].encode()),
        (b"content-type", b"multipart/form-data; boundary=potong"),
    ], big_body("potong", 10))
    assert status == 200 and body["ok"] is True and body["size"] == len(make_pdf()) + 10 * 65536
    assert pulled == 12


def test_file_just_under_the_cap_is_accepted(client, tokens, small_cap: int) -> None:  # noqa: ANN001
    data = make_pdf()
    data += b"%" * (small_cap - len(data))
    resp = post_file(client, tokens, "pas.pdf", data)
    assert resp.status_code == 200, resp.text
    assert resp.json()["size"] == small_cap


def test_upload_needs_a_session(client, tokens, nothing_stored) -> None:  # noqa: ANN001
    resp = post_file(client, tokens, "laporan.pdf", make_pdf(), who=None)
    assert resp.status_code == 401
    assert resp.json() == {"ok": False, "error": "Sesi Anda telah berakhir. Silakan masuk kembali."}
    resp = client.post("/berkas/unggah", files={"berkas": ("laporan.pdf", make_pdf())},
                       headers={"cookie": f"{auth.COOKIE_NAME}=tebakan"})
    assert resp.status_code == 401


def test_cross_site_upload_is_refused(client, tokens, nothing_stored) -> None:  # noqa: ANN001
    resp = post_file(client, tokens, "laporan.pdf", make_pdf(), headers={"origin": "https://jahat.example"})
    assert resp.status_code == 403
    assert resp.json()["ok"] is False


def test_malformed_forms_are_refused(client, tokens, nothing_stored) -> None:  # noqa: ANN001
    resp = post_file(client, tokens, "laporan.pdf", make_pdf(), field="lain")
    assert resp.status_code == 400 and resp.json()["error"] == "Pilih berkas yang akan diunggah."
    resp = client.post("/berkas/unggah", files=[("berkas", ("a.pdf", make_pdf())), ("berkas", ("b.pdf", make_pdf()))],
                       headers=cookie(tokens, "pemohon1"))
    assert resp.status_code == 400 and resp.json()["error"] == "Unggah satu berkas saja."
    resp = client.post("/berkas/unggah", content=make_pdf(),
                       headers={**cookie(tokens, "pemohon1"), "content-type": "application/pdf"})
    assert resp.status_code == 400 and resp.json()["ok"] is False
    resp = client.post("/berkas/unggah", data={"berkas": "bukan berkas"}, files={"lain": ("x.txt", b"x")},
                       headers=cookie(tokens, "pemohon1"))
    assert resp.status_code == 400 and resp.json()["error"] == "Pilih berkas yang akan diunggah."


def test_truncated_body_keeps_nothing(client, tokens, nothing_stored) -> None:  # noqa: ANN001
    boundary = "putus"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"a.pdf\"\r\n\r\n"
            ).encode() + make_pdf()  # no closing boundary
    resp = client.post("/berkas/unggah", content=body, headers={
        **cookie(tokens, "pemohon1"), "content-type": f"multipart/form-data; boundary={boundary}"})
    assert resp.status_code == 400
    assert resp.json()["error"].startswith("Unggahan terputus")


# --- downloads ----------------------------------------------------------------------------------


def test_unattached_file_only_for_its_uploader(client, tokens) -> None:  # noqa: ANN001
    file_id = uploaded(client, tokens, EMOJI)
    assert client.get(f"/berkas/{file_id}", headers=cookie(tokens, "pemohon1")).status_code == 200
    same_origin = {**cookie(tokens, "pemohon1"), "origin": "http://testserver"}
    assert client.get(f"/berkas/{file_id}", headers=same_origin).status_code == 200
    refused = [client.get(f"/berkas/{file_id}", headers=cookie(tokens, who)) for who in (None, "pemohon2", "admin")]
    assert {r.status_code for r in refused} == {404}
    assert len({r.content for r in refused}) == 1
    assert audit_rows("AKSES_DITOLAK", demo_user("pemohon2").id, target_id=str(file_id))


def test_refusals_all_look_the_same(client, tokens, attach) -> None:  # noqa: ANN001
    file_id = uploaded(client, tokens)
    attach(file_id)
    answers = [
        client.get(f"/berkas/{file_id}"),  # anonymous
        client.get(f"/berkas/{file_id}", headers={"cookie": f"{auth.COOKIE_NAME}=palsu"}),
        client.get(f"/berkas/{file_id}", headers=cookie(tokens, "pemohon3")),  # another applicant
        client.get(f"/berkas/{file_id}", headers=cookie(tokens, "opd")),
        client.get(f"/berkas/{file_id + 100_000}", headers=cookie(tokens, "pemohon1")),  # a guessed id
        client.get("/berkas/abc", headers=cookie(tokens, "pemohon1")),
        client.get("/berkas/%D9%A1", headers=cookie(tokens, "pemohon1")),  # an Arabic-Indic digit
        client.get("/berkas/-1", headers=cookie(tokens, "pemohon1")),
        client.get("/berkas/unggah", headers=cookie(tokens, "pemohon1")),
        # a script on another origin, even with the uploader's cookie
        client.get(f"/berkas/{file_id}", headers={**cookie(tokens, "pemohon1"), "origin": "https://lain.example"}),
    ]
    assert [r.status_code for r in answers] == [404] * len(answers)
    assert len({r.content for r in answers}) == 1
    assert len({r.headers["content-type"] for r in answers}) == 1
    assert all("content-disposition" not in r.headers for r in answers)
    assert audit_rows("AKSES_DITOLAK", None, target_id=str(file_id))
    assert audit_rows("AKSES_DITOLAK", demo_user("pemohon3").id, target_id=str(file_id))
    assert audit_rows("AKSES_DITOLAK", demo_user("pemohon1").id, target_id=str(file_id + 100_000))


@pytest.mark.parametrize("how", ["document", "message"])
def test_attached_file_for_every_participant_and_audited(client, tokens, attach, app1: int,  # noqa: ANN001
                                                         how: str) -> None:
    data = make_pdf("Studi Kelayakan")
    file_id = uploaded(client, tokens, ARABIC, data)
    attach(file_id, how)
    for who in ("pemohon1", "pemohon2", "admin", "tkksd", "protokol"):
        got = client.get(f"/berkas/{file_id}", headers=cookie(tokens, who))
        assert got.status_code == 200, who
        assert got.content == data
        rows = audit_rows("UNDUH", demo_user(who).id, target_type="application", target_id=str(app1))
        assert any(f"berkas={file_id}" in r.detail and r.ip == "testclient" for r in rows), who
    assert client.get(f"/berkas/{file_id}", headers=cookie(tokens, "pemohon3")).status_code == 404


def test_attached_file_can_no_longer_be_claimed_by_upload_id_reuse(client, tokens, attach) -> None:  # noqa: ANN001
    from sikerja_app.services import files
    from sikerja_app.services.errors import NotFound

    file_id = uploaded(client, tokens)
    attach(file_id)
    with session_scope() as s, pytest.raises(NotFound):
        files.claim_file(s, demo_user("pemohon1"), file_id)


# --- Reflex's public upload folder --------------------------------------------------------------


def test_reflex_public_upload_path_is_closed(client, tokens) -> None:  # noqa: ANN001
    file_id = uploaded(client, tokens, "rahasia.pdf")
    with session_scope() as s:
        key = s.get(StoredFile, file_id).storage_key
    for path in ("/_upload/anything", "/_upload/rahasia.pdf", f"/_upload/{key}", f"/_upload/{key[:2]}/{key[2:4]}/{key}",
                 "/_upload/../files"):
        resp = client.get(path, headers=cookie(tokens, "pemohon1"))
        assert resp.status_code == 404, path
        assert b"%PDF" not in resp.content
    assert client.post("/_upload", headers=cookie(tokens, "pemohon1")).status_code in {404, 405}
    assert client.post("/_upload/x", headers=cookie(tokens, "pemohon1")).status_code == 404
