"""The stage page's handlers called directly by outsiders: nothing is shown, nothing changes."""

import contextlib

import pytest
from sqlmodel import select

from sikerja_app.db import session_scope
from sikerja_app.models import ChatMessage, StageDecision, StageDocument
from sikerja_app.services import applications as apps
from sikerja_app.services import review, stages
from sikerja_app.services.errors import NotSignedIn
from sikerja_app.services.files import receive_upload
from sikerja_app.services.seed import demo_user, fill_application, sample_applications
from sikerja_app.state.stage import StageState

from .test_handler_access import as_user, call, sign_in

pytestmark = pytest.mark.usefixtures("db")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture(scope="module")
def app_with_documents() -> int:
    p1 = demo_user("pemohon1")
    aid = apps.start_draft(p1)
    fill_application(p1, aid, sample_applications()[0], ["DISKOMINFO"])
    apps.submit(p1, aid, True, "127.0.0.1")
    review.approve(demo_user("admin"), aid, [demo_user("tkksd").id], "127.0.0.1")
    for kind in ("SURAT_PENAWARAN", "STUDI_KELAYAKAN"):
        fid = receive_upload(p1, f"{kind}.pdf", [PDF + kind.encode()]).id
        stages.add_document_version(p1, aid, "PENAWARAN", kind, fid)
    return aid


def _counts(aid: int) -> tuple[int, int, int]:
    with session_scope() as s:
        return tuple(len(s.exec(select(m).where(m.application_id == aid)).all())  # type: ignore[return-value]
                     for m in (StageDocument, StageDecision, ChatMessage))


def _state(who: str | None, aid: int) -> StageState:
    token = sign_in(who) if who else None
    return as_user(StageState, token, f"/pengajuan/{aid}/pembahasan", aid, "tahap=PENAWARAN")


@pytest.mark.parametrize("who", ["pemohon3", "protokol", "opd"])
def test_outsiders_see_no_documents_chat_or_decisions(who: str, app_with_documents: int) -> None:
    aid = app_with_documents
    state = _state(who, aid)
    call(StageState.load, state)
    assert state.error and state.documents == [] and state.messages == [] and state.decisions == []
    assert state.judul == "" and state.code == ""


def test_the_applicant_sees_them(app_with_documents: int) -> None:
    state = _state("pemohon1", app_with_documents)
    call(StageState.load, state)
    assert not state.error and [len(d.versions) for d in state.documents] == [1, 1]


@pytest.mark.parametrize("who", ["pemohon3", "protokol", "pemohon1"])
def test_outsiders_and_the_applicant_cannot_decide(who: str, app_with_documents: int) -> None:
    aid = app_with_documents
    before = _counts(aid)
    state = _state(who, aid)
    state.app_id, state.stage, state.version = aid, "PENAWARAN", 2
    with contextlib.suppress(NotSignedIn):  # some roles may not call it at all
        call(StageState.decide, state, "SETUJU")
    assert _counts(aid) == before


@pytest.mark.parametrize("who", ["pemohon3", "protokol", None])
def test_outsiders_cannot_post_or_attach(who: str, app_with_documents: int) -> None:
    aid = app_with_documents
    before = _counts(aid)
    state = _state(who, aid)
    state.app_id, state.stage = aid, "PENAWARAN"
    state.draft_message = "Pesan dari luar"
    with pytest.raises(NotSignedIn) if who is None else _nothing():
        call(StageState.send_message, state)
    foreign_file = receive_upload(demo_user("pemohon3"), "asing.pdf", [PDF]).id
    with pytest.raises(NotSignedIn) if who in (None, "protokol") else _nothing():
        call(StageState.upload_done, state, {"ok": True, "kind": "SURAT_PENAWARAN", "file_id": foreign_file})
    assert _counts(aid) == before


def test_applicant_cannot_attach_a_file_uploaded_by_someone_else(app_with_documents: int) -> None:
    aid = app_with_documents
    before = _counts(aid)
    state = _state("pemohon1", aid)
    call(StageState.load, state)
    foreign_file = receive_upload(demo_user("pemohon2"), "rekan.pdf", [PDF]).id
    call(StageState.upload_done, state, {"ok": True, "kind": "SURAT_PENAWARAN", "file_id": foreign_file})
    assert state.form_error and _counts(aid) == before


class _nothing:  # noqa: N801 - a no-op context manager read like pytest.raises
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> bool:
        return False
