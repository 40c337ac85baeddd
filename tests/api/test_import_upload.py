"""The register import's upload: ``/berkas/unggah?tujuan=impor-register`` takes XLSX or CSV, from admins only."""

import itertools
from collections.abc import Iterator

import pytest
from sqlmodel import select
from starlette.testclient import TestClient

from sikerja_app.api.app import build_api
from sikerja_app.db import session_scope
from sikerja_app.domain import filetypes as ft
from sikerja_app.models import AuditLog, StoredFile
from sikerja_app.services import auth
from sikerja_app.services.seed import DEMO_PASSWORD, demo_user
from tests.domain.test_filetypes import make_pdf, make_xlsx

pytestmark = pytest.mark.usefixtures("db")
_ips = itertools.count(1)
CSV = "judul,bentuk\r\nKerja sama,PKS\r\n".encode("utf-8-sig")


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(build_api()) as c:
        yield c


@pytest.fixture(scope="module")
def tokens(db) -> dict[str, str]:  # noqa: ANN001
    out = {}
    for key in ("admin", "pemohon1", "tkksd", "opd"):
        n = next(_ips)
        result = auth.login(f"{key}@sikerja.test", DEMO_PASSWORD, f"10.47.{n // 250}.{n % 250 + 1}", "pytest")
        assert result.token, result.error
        out[key] = result.token
    return out


def post(client: TestClient, tokens: dict[str, str], who: str, name: str, data: bytes, purpose: str = "impor-register"):  # noqa: ANN201
    url = "/berkas/unggah" + (f"?tujuan={purpose}" if purpose else "")
    return client.post(url, files={"berkas": (name, data, "application/octet-stream")},
                       headers={"cookie": f"{auth.COOKIE_NAME}={tokens[who]}"})


def test_admin_uploads_csv_and_xlsx_for_the_import(client, tokens) -> None:  # noqa: ANN001
    for name, data, mime in (("register.csv", CSV, "text/csv"), ("register.xlsx", make_xlsx(), ft.XLSX.mime)):
        resp = post(client, tokens, "admin", name, data)
        assert resp.status_code == 200, resp.text
        with session_scope() as s:
            stored = s.get(StoredFile, resp.json()["file_id"])
        assert (stored.content_type, stored.uploaded_by) == (mime, demo_user("admin").id)


def test_the_import_upload_refuses_other_types_in_indonesian(client, tokens) -> None:  # noqa: ANN001
    for name, data in (("register.pdf", make_pdf()), ("register.csv", make_pdf()), ("register.csv", b"\x00\x01junk")):
        resp = post(client, tokens, "admin", name, data)
        assert resp.status_code == 400
        assert resp.json() == {"ok": False, "error": "Jenis berkas tidak diizinkan. Unggah berkas XLSX atau CSV."}


def test_only_admins_may_upload_for_the_import(client, tokens) -> None:  # noqa: ANN001
    for who in ("pemohon1", "tkksd", "opd"):
        resp = post(client, tokens, who, "register.csv", CSV)
        assert resp.status_code == 403 and resp.json()["ok"] is False
        with session_scope() as s:
            rows = s.exec(select(AuditLog).where(AuditLog.action == "AKSES_DITOLAK",
                                                 AuditLog.user_id == demo_user(who).id,
                                                 AuditLog.detail == "unggah tujuan=impor-register")).all()
        assert rows


def test_ordinary_uploads_still_refuse_csv_and_unknown_purposes(client, tokens) -> None:  # noqa: ANN001
    resp = post(client, tokens, "admin", "register.csv", CSV, purpose="")
    assert resp.status_code == 400 and resp.json()["error"] == ft.MSG_NOT_ALLOWED
    resp = post(client, tokens, "admin", "register.csv", CSV, purpose="lainnya")
    assert resp.status_code == 400
