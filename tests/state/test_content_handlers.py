"""The Informasi/FAQ management handlers called directly, as a hostile browser could (DESIGN §7).

Each public method of AdminInfoState and AdminFaqState is sent by a signed-out tab, an
applicant, a TKKSD member and an OPD officer, with plausible arguments: every one that
touches data is refused before it reaches the database, and nothing changes. The admin's own
tab saves through the same handlers, and a failed save keeps what was typed.
"""

import inspect
from typing import Any

import pytest
from reflex.event import EventHandler
from sqlmodel import select

from sikerja_app import routes
from sikerja_app.db import session_scope
from sikerja_app.models import FaqCategory, FaqEntry, InfoDocument, InfoPage
from sikerja_app.services import seed
from sikerja_app.services.errors import NotSignedIn
from sikerja_app.state.auth import AuthState
from sikerja_app.state.content import AdminFaqState, AdminInfoState, FaqState, InfoPageState

from .test_handler_access import as_user, call, goes_to_login, redirects, sign_in

pytestmark = pytest.mark.usefixtures("db")

# Handlers that only change what the tab is typing; they touch no data and need no account.
LOCAL_ONLY = {"set_field", "set_published_flag", "cancel", "set_cat_name", "cancel_cat"}


@pytest.fixture(scope="module", autouse=True)
def seeded(db) -> None:  # noqa: ANN001 - fixture
    seed.seed_content()


@pytest.fixture(scope="module")
def tokens() -> dict[str, str | None]:
    return {"anonim": None, **{k: sign_in(k) for k in ("pemohon1", "tkksd", "opd", "admin")}}


def _snapshot() -> list:
    with session_scope() as s:
        return [sorted((r.model_dump() for r in s.exec(select(m))), key=lambda d: d["id"])
                for m in (InfoPage, InfoDocument, FaqCategory, FaqEntry)]


def _ids() -> dict[str, int]:
    with session_scope() as s:
        return {"page": s.exec(select(InfoPage.id)).first(), "doc": s.exec(select(InfoDocument.id)).first(),
                "entry": s.exec(select(FaqEntry.id)).first(), "cat": s.exec(select(FaqCategory.id)).first()}


def _handlers(cls: type) -> list[str]:
    inherited = set(dir(AuthState))
    own = [n for n in vars(cls) if not n.startswith("_") and n not in inherited
           and isinstance(getattr(cls, n, None), EventHandler)]
    assert own, cls
    return own


def _args(name: str, ids: dict[str, int]) -> tuple:
    if name in ("edit_page", "move_page", "set_page_published"):
        return {"edit_page": (ids["page"],), "move_page": (ids["page"], 1),
                "set_page_published": (ids["page"], False)}[name]
    if name in ("move_doc", "set_doc_published"):
        return (ids["doc"], 1) if name == "move_doc" else (ids["doc"], False)
    if name in ("edit_entry", "move_entry", "set_entry_published"):
        return {"edit_entry": (ids["entry"],), "move_entry": (ids["entry"], 1),
                "set_entry_published": (ids["entry"], False)}[name]
    if name in ("move_cat", "rename_cat"):
        return (ids["cat"], 1) if name == "move_cat" else (ids["cat"],)
    if name == "set_filter":
        return (str(ids["cat"]),)
    return ()


@pytest.mark.parametrize("cls", [AdminInfoState, AdminFaqState])
@pytest.mark.parametrize("who", ["anonim", "pemohon1", "tkksd", "opd"])
def test_every_admin_handler_refuses_everyone_else(cls: type, who: str, tokens) -> None:  # noqa: ANN001
    ids = _ids()
    before = _snapshot()
    path = routes.ADMIN_INFORMASI if cls is AdminInfoState else routes.ADMIN_FAQ
    names = _handlers(cls)
    assert {"save", "load"} <= set(names)
    for name in names:
        state = as_user(cls, tokens[who], path)
        # a tab that somehow holds a filled form, as a hostile client could arrange
        state.editing_id = 0
        state.form = {k: "Diisi penyerang" for k in state.form}
        if cls is AdminFaqState:
            state.form["category_id"] = str(ids["cat"])
            state.cat_name = "Kategori penyerang"
        handler = getattr(cls, name)
        if name == "load":
            result = call(handler, state)
            if who == "anonim":
                assert goes_to_login(result)
            else:
                assert redirects(result) == [routes.PENGAJUAN]
            assert getattr(state, "info_rows", None) in ([], None) and getattr(state, "faq_rows", None) in ([], None)
            continue
        if name in LOCAL_ONLY:
            call(handler, state, *(["title", "x"] if name == "set_field" else [True] if "flag" in name else
                                   ["x"] if name == "set_cat_name" else []))
            continue
        with pytest.raises(NotSignedIn):
            call(handler, state, *_args(name, ids))
        assert _snapshot() == before, f"{cls.__name__}.{name} by {who} changed data"
    assert _snapshot() == before


def test_local_only_handlers_are_really_local() -> None:
    """Every handler not listed as local-only calls _require (or _guard) before anything else."""
    for cls in (AdminInfoState, AdminFaqState):
        for name in _handlers(cls):
            src = inspect.getsource(getattr(cls, name).fn)
            if name in LOCAL_ONLY:
                assert "asyncio" not in src and "await" not in src, name  # no service call
            elif name != "load":
                assert "self._require(\"ADMIN\")" in src or "self._change(" in src, name


def test_admin_saves_through_the_handlers_and_errors_keep_what_was_typed(tokens) -> None:  # noqa: ANN001
    state: Any = as_user(AdminFaqState, tokens["admin"], routes.ADMIN_FAQ)
    call(AdminFaqState.load, state)
    assert len(state.faq_rows) >= 15
    call(AdminFaqState.new_entry, state)
    call(AdminFaqState.set_field, state, "question", "Apakah formulir bisa diisi dari ponsel?")
    call(AdminFaqState.set_field, state, "not_a_field", "x")
    call(AdminFaqState.save, state)
    assert state.errors == {"category_id": "Pilih kategori.", "answer": "Jawaban wajib diisi."}
    assert state.form["question"] == "Apakah formulir bisa diisi dari ponsel?"
    assert state.editing_id == 0 and "not_a_field" not in state.form
    call(AdminFaqState.set_field, state, "category_id", state.faq_categories[0][0])
    call(AdminFaqState.set_field, state, "answer", "Bisa, tampilan menyesuaikan layar **ponsel**.")
    assert "answer" not in state.errors  # typing clears that field's error
    call(AdminFaqState.toggle_preview, state)
    assert "<strong>ponsel</strong>" in state.preview_html
    call(AdminFaqState.save, state)
    assert state.errors == {} and state.editing_id == -1
    assert "Apakah formulir bisa diisi dari ponsel?" in [r["question"] for r in state.faq_rows]

    public: Any = as_user(FaqState, None, routes.FAQ)
    call(FaqState.set_query, public, "PONSEL")
    assert "Apakah formulir bisa diisi dari ponsel?" in [r["question"] for r in public.results]


def test_public_handlers_show_published_content_only(tokens) -> None:  # noqa: ANN001
    admin: Any = as_user(AdminInfoState, tokens["admin"], routes.ADMIN_INFORMASI)
    call(AdminInfoState.load, admin)
    call(AdminInfoState.new_page, admin)
    for k, v in {"title": "Halaman draf rahasia", "slug": "draf-rahasia", "body": "Belum terbit."}.items():
        call(AdminInfoState.set_field, admin, k, v)
    call(AdminInfoState.set_published_flag, admin, False)
    call(AdminInfoState.save, admin)
    assert admin.errors == {}
    page: Any = as_user(InfoPageState, tokens["pemohon1"], "/informasi/draf-rahasia")
    call(InfoPageState.load, page)
    assert page.found is False and page.page_html == ""
    seeded_page: Any = as_user(InfoPageState, None, "/informasi/dasar-hukum")
    call(InfoPageState.load, seeded_page)
    assert seeded_page.found and "Nomor 22 Tahun 2020" in seeded_page.page_html
    faq: Any = as_user(FaqState, None, routes.FAQ)
    call(FaqState.set_category, faq, "1; DROP TABLE faqentry")
    assert faq.category == "" and len(faq.results) >= 15
