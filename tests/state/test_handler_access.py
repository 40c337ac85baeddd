"""Reflex event handlers called directly, as a hostile browser could (DESIGN §7).

Every public method of a State class can be sent from the browser with any arguments,
and the router data of an event (path, query, route args) is chosen by the client. These
tests build a real state tree, give it the Cookie header of a real session (or none, or a
forged one) and a route arg ``aid`` of somebody else's application, call the handlers'
own functions and check that they refuse and that the database row stays as it was.
"""

import asyncio
import concurrent.futures
import dataclasses
import inspect
import json
import secrets
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import pytest
import reflex as rx
from reflex.istate.data import RouterData
from reflex_base.constants import RouteVar
from reflex_base.utils import format as rx_format
from sqlmodel import select

import sikerja_app.sikerja_app  # noqa: F401 - registers every page and state before a tree is built
from sikerja_app import routes
from sikerja_app.db import session_scope
from sikerja_app.models import Application, ApplicationEvent, ApplicationOpd, TkksdAssignment, User
from sikerja_app.services import applications as apps
from sikerja_app.services import auth
from sikerja_app.services.auth import CurrentUser
from sikerja_app.services.errors import NotFound, NotSignedIn, ServiceError
from sikerja_app.services.seed import DEMO_ACCOUNTS, DEMO_PASSWORD, demo_user, fill_application, sample_applications
from sikerja_app.state.admin import InboxState
from sikerja_app.state.applications import DetailState, MyAppsState, ReceiptState
from sikerja_app.state.auth import AuthState
from sikerja_app.state.login import LoginState
from sikerja_app.state.profile import ProfileState
from sikerja_app.state.wizard import WizardState

pytestmark = pytest.mark.usefixtures("db")

NOT_FOUND = NotFound().message
EMAIL = {a.key: a.email for a in DEMO_ACCOUNTS}
ORIGIN = "http://localhost:3000"


# --------------------------------------------------------------------------- helpers


def sign_in(key: str) -> str:
    result = auth.login(EMAIL[key], DEMO_PASSWORD, "127.0.0.1", "pytest")
    assert result.token, f"demo account {key} could not sign in: {result.error}"
    return result.token


def cookie_for(token: str | None) -> str:
    """A realistic Cookie header: the session cookie among others."""
    if token is None:
        return "theme=light; _ga=GA1.1.1"
    return f"theme=light; {auth.COOKIE_NAME}={token}; _ga=GA1.1.1"


def router_data(cookie: str, path: str, aid: int | str | None = None, query: str = "") -> dict[str, Any]:
    """What Reflex builds for an event: handshake headers plus the client's page data."""
    params: dict[str, str] = {"aid": str(aid)} if aid is not None else {}
    params.update({k: v[0] for k, v in parse_qs(query).items()})
    concrete = path.replace("[aid]", str(aid)) if aid is not None else path
    headers = {"origin": ORIGIN, "host": "localhost:3000", "user-agent": "pytest"}
    if cookie:
        headers["cookie"] = cookie
    return {
        RouteVar.HEADERS: headers,
        RouteVar.PATH: path,
        RouteVar.ORIGIN: concrete + (f"?{query}" if query else ""),
        RouteVar.QUERY: params,
        RouteVar.CLIENT_TOKEN: secrets.token_hex(8),
        RouteVar.CLIENT_IP: "127.0.0.1",
        RouteVar.SESSION_ID: secrets.token_hex(8),
    }


def make_state(cls: type[AuthState], cookie: str, path: str = routes.PENGAJUAN,
               aid: int | str | None = None, query: str = "") -> AuthState:
    """A fresh state tree (one browser tab) and the instance of ``cls`` inside it."""
    root = rx.State(_reflex_internal_init=True)
    root.router = RouterData.from_router_data(router_data(cookie, path, aid, query))
    state = root.get_substate(cls._get_substate_path())
    assert isinstance(state, cls)
    return state


def as_user(cls: type[AuthState], token: str | None, path: str = routes.PENGAJUAN,
            aid: int | str | None = None, query: str = "") -> AuthState:
    return make_state(cls, cookie_for(token), path, aid, query)


async def _drain(gen: Any) -> list[Any]:
    return [item async for item in gen]


def _run(awaitable: Any) -> Any:
    """asyncio.run, in a worker thread: the browser tests' Playwright keeps a loop running in this one."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, awaitable).result()


def call(handler: Any, state: AuthState, *args: Any) -> Any:
    """Run an event handler's own function on ``state``, as Reflex's processor does."""
    result = handler.fn(state, *args)
    if inspect.iscoroutine(result):
        return _run(result)
    if inspect.isasyncgen(result):
        return _run(_drain(result))
    return result


def events_of(result: Any) -> list[Any]:
    if result is None:
        return []
    if isinstance(result, list | tuple):
        return [e for item in result for e in events_of(item)]
    return [result]


def redirects(result: Any) -> list[str]:
    out = []
    for ev in events_of(result):
        handler = getattr(ev, "handler", None)
        if handler is not None and handler.fn.__qualname__.rsplit(".", 1)[-1] == "_redirect":
            out.extend(v._var_value for k, v in ev.args if str(k) == "path")
    return out


def event_text(result: Any) -> str:
    """The JS of returned events (toasts carry their message there)."""
    parts = []
    for ev in events_of(result):
        parts.extend(str(v) for _k, v in getattr(ev, "args", ()))
    return "\n".join(parts)


def goes_to_login(result: Any) -> bool:
    return any(urlsplit(p).path == routes.MASUK for p in redirects(result))


def snapshot(app_id: int) -> dict[str, Any]:
    """Every column of the application and the rows hanging off it."""
    with session_scope() as s:
        app = s.get(Application, app_id)
        assert app is not None
        return {
            "row": app.model_dump(),
            "opd": sorted(s.exec(select(ApplicationOpd.opd_id).where(ApplicationOpd.application_id == app_id))),
            "tkksd": sorted(s.exec(select(TkksdAssignment.user_id)
                                   .where(TkksdAssignment.application_id == app_id))),
            "events": len(s.exec(select(ApplicationEvent.id).where(ApplicationEvent.application_id == app_id)).all()),
        }


def user_row(user_id: int) -> dict[str, Any]:
    with session_scope() as s:
        user = s.get(User, user_id)
        assert user is not None
        return user.model_dump()


def new_draft(actor: CurrentUser, judul: str) -> int:
    """A complete draft of ``actor`` (a unique title, so start_draft never reuses it)."""
    app_id = apps.start_draft(actor)
    sample = {**sample_applications()[0], "judul": judul}
    fill_application(actor, app_id, sample, ["DISKOMINFO", "BAPPEDA"])
    return app_id


def new_submitted(actor: CurrentUser, judul: str) -> int:
    app_id = new_draft(actor, judul)
    result = apps.submit(actor, app_id, True, "127.0.0.1")
    assert result.code and not result.errors, result.errors
    return app_id


def walk_strings(value: Any) -> Iterator[str]:
    """Every string inside a state value: dict keys and values, lists, dataclasses."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from walk_strings(k)
            yield from walk_strings(v)
    elif isinstance(value, list | tuple | set | frozenset):
        for v in value:
            yield from walk_strings(v)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            yield from walk_strings(getattr(value, f.name))
    elif value is not None and not isinstance(value, int | float | bool):
        yield str(value)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def people() -> dict[str, CurrentUser]:
    return {k: demo_user(k) for k in ("pemohon1", "pemohon2", "pemohon3", "tkksd", "protokol", "admin")}


@pytest.fixture(scope="module")
def tokens(people: dict[str, CurrentUser]) -> dict[str, str]:
    return {k: sign_in(k) for k in people}


@pytest.fixture(scope="module")
def draft1(people: dict[str, CurrentUser]) -> int:
    """pemohon1's draft with pemohon2 as PPKSD-2: the target of the hostile calls."""
    app_id = new_draft(people["pemohon1"], f"Draf uji akses handler {secrets.token_hex(3)}")
    apps.set_ppksd2(people["pemohon1"], app_id, people["pemohon2"].id)
    return app_id


@pytest.fixture(scope="module")
def submitted1(people: dict[str, CurrentUser]) -> int:
    """pemohon1's application waiting for the admin (DIAJUKAN)."""
    return new_submitted(people["pemohon1"], f"Permohonan uji akses handler {secrets.token_hex(3)}")


# --------------------------------------------------------------------------- the harness itself


def test_handlers_see_the_cookie_and_route_arg(tokens: dict[str, str], draft1: int) -> None:
    """The harness is real: the owner's own call goes through with the same router set-up."""
    state = as_user(WizardState, tokens["pemohon1"], routes.PENGAJUAN_UBAH, draft1)
    assert state.router.headers.cookie == cookie_for(tokens["pemohon1"])
    assert state.router.page.params.get("aid") == str(draft1)
    assert state._token() == tokens["pemohon1"]
    assert state._aid() == draft1
    assert state.router.url.path == routes.ubah(draft1)

    assert call(WizardState.load, state) is None
    assert state.load_error == ""
    assert state.app_id == draft1
    assert state.judul.startswith("Draf uji akses handler")
    assert state.instansi_rows and state.ppksd1_rows
    assert state.signed_in and state.nama and state.role == "PEMOHON"


def test_owner_edit_through_harness_reaches_the_database(tokens: dict[str, str], people: dict[str, CurrentUser]
                                                         ) -> None:
    """The same calls by the owner do change the row, so 'unchanged' below is meaningful."""
    app_id = new_draft(people["pemohon1"], f"Draf kontrol {secrets.token_hex(3)}")
    state = as_user(WizardState, tokens["pemohon1"], routes.PENGAJUAN_UBAH, app_id)
    call(WizardState.load, state)
    call(WizardState.set_text, state, "lokasi", "Kantor Wali Kota Samarinda, Jl. Kesuma Bangsa")
    assert state.saved_note == "Draf tersimpan otomatis."
    assert snapshot(app_id)["row"]["lokasi"] == "Kantor Wali Kota Samarinda, Jl. Kesuma Bangsa"


# --------------------------------------------------------------------------- the wizard


def test_foreign_wizard_load_shows_nothing(tokens: dict[str, str], draft1: int) -> None:
    before = snapshot(draft1)
    state = as_user(WizardState, tokens["pemohon3"], routes.PENGAJUAN_UBAH, draft1)
    assert state.router.page.params.get("aid") == str(draft1)
    call(WizardState.load, state)
    assert state.load_error == NOT_FOUND
    assert state.judul == "" and state.urusan == ""
    assert not any(state.texts.values())
    assert state.instansi_rows == [] and state.ppksd1_rows == []
    assert state.ppksd2_options == [] and state.ppksd2_id == 0 and state.opd_selected == []
    assert snapshot(draft1) == before


def test_same_instansi_colleague_cannot_open_the_draft(tokens: dict[str, str], draft1: int) -> None:
    """Even PPKSD-2 of the same institution does not fill PPKSD-1's draft."""
    before = snapshot(draft1)
    state = as_user(WizardState, tokens["pemohon2"], routes.PENGAJUAN_UBAH, draft1)
    call(WizardState.load, state)
    assert state.load_error == NOT_FOUND
    assert state.judul == "" and state.instansi_rows == []
    call(WizardState.set_judul, state, "Diubah oleh rekan")
    assert snapshot(draft1) == before


# Handlers of the wizard with the arguments a hostile browser would send.
WIZARD_CALLS = {
    "set_judul": ("Judul diganti penyerang",),
    "set_urusan": ("01",),
    "set_text": ("latar_belakang", "Teks yang disisipkan penyerang"),
    "toggle_opd": (1,),
    "choose_ppksd2": (0,),
    "search_ppksd2": ("",),
    "next_step": (),
    "prev_step": (),
    "go_to": (0,),
    "submit": (),
}


@pytest.mark.parametrize("name", list(WIZARD_CALLS))
def test_foreign_wizard_handler_refused(name: str, tokens: dict[str, str], people: dict[str, CurrentUser],
                                        draft1: int) -> None:
    """pemohon3 (another institution) loads pemohon1's draft id, then calls ``name``."""
    state = as_user(WizardState, tokens["pemohon3"], routes.PENGAJUAN_UBAH, draft1)
    call(WizardState.load, state)  # sets app_id to the foreign id, as the page would
    assert state.app_id == draft1 and state.load_error == NOT_FOUND
    state.pakta = True
    before = snapshot(draft1)
    handler = getattr(WizardState, name)
    try:
        result = call(handler, state, *WIZARD_CALLS[name])
    except ServiceError as exc:
        refused = True
        result = exc.message
    else:
        shown = " ".join([state.saved_note, *state.errors.values(), event_text(result)])
        refused = NOT_FOUND in shown
    assert refused, f"{name} on a foreign application was not refused: {result!r}"
    after = snapshot(draft1)
    assert after == before
    assert after["row"]["ppksd2_id"] == people["pemohon2"].id


@pytest.mark.parametrize("name", ["set_text", "toggle_opd", "choose_ppksd2", "submit"])
def test_foreign_wizard_handler_refused_without_load(name: str, tokens: dict[str, str], draft1: int) -> None:
    """A crafted event straight to the handler, the state never loaded."""
    state = as_user(WizardState, tokens["pemohon3"], routes.PENGAJUAN_UBAH, draft1)
    state.app_id = draft1  # what a state restored from the page would hold
    before = snapshot(draft1)
    try:
        result = call(getattr(WizardState, name), state, *WIZARD_CALLS[name])
    except ServiceError:
        result = None
    else:
        assert NOT_FOUND in " ".join([state.saved_note, *state.errors.values(), event_text(result)])
    assert snapshot(draft1) == before


@pytest.mark.parametrize("candidate", ["pemohon3", "admin", "tkksd", "pemohon1", "missing"])
def test_ppksd2_must_be_another_applicant_of_the_same_instansi(candidate: str, tokens: dict[str, str],
                                                              people: dict[str, CurrentUser], draft1: int) -> None:
    state = as_user(WizardState, tokens["pemohon1"], routes.PENGAJUAN_UBAH, draft1)
    call(WizardState.load, state)
    assert state.load_error == "" and state.ppksd2_id == people["pemohon2"].id
    before = snapshot(draft1)
    user_id = people[candidate].id if candidate in people else 987_654
    call(WizardState.choose_ppksd2, state, user_id)
    assert state.errors.get("ppksd2"), "the wizard did not report the refused PPKSD-2"
    assert state.ppksd2_id == people["pemohon2"].id
    assert snapshot(draft1) == before
    assert snapshot(draft1)["row"]["ppksd2_id"] == people["pemohon2"].id


def test_ppksd2_options_never_list_other_instansi(tokens: dict[str, str], people: dict[str, CurrentUser],
                                                  draft1: int) -> None:
    state = as_user(WizardState, tokens["pemohon1"], routes.PENGAJUAN_UBAH, draft1)
    call(WizardState.load, state)
    call(WizardState.search_ppksd2, state, "")
    ids = {i for i, _label in state.ppksd2_options}
    assert people["pemohon2"].id in ids
    assert not ids & {people[k].id for k in ("pemohon1", "pemohon3", "admin", "tkksd")}
    call(WizardState.search_ppksd2, state, "Yusuf")  # pemohon3's name
    assert state.ppksd2_options == []


# --------------------------------------------------------------------------- the detail page


DETAIL_DATA = ("code", "status", "status_label", "judul", "urusan", "submitted", "ppksd2", "admin_note", "pakta")
DETAIL_LISTS = ("instansi", "ppksd1", "opd", "narratives", "tkksd", "timeline", "actions")


@pytest.mark.parametrize(("who", "target"), [
    ("pemohon3", "submitted1"), ("pemohon3", "draft1"), ("pemohon2", "draft1"), ("pemohon2", "submitted1"),
    ("tkksd", "submitted1"), ("admin", "draft1"),
])
def test_detail_load_of_a_foreign_application_shows_nothing(who: str, target: str, tokens: dict[str, str],
                                                            request: pytest.FixtureRequest) -> None:
    app_id = request.getfixturevalue(target)
    before = snapshot(app_id)
    state = as_user(DetailState, tokens[who], routes.PENGAJUAN_DETAIL, app_id)
    call(DetailState.load, state)
    assert state.error == NOT_FOUND
    for name in DETAIL_DATA:
        assert getattr(state, name) == "", f"{name} leaked: {getattr(state, name)!r}"
    for name in DETAIL_LISTS:
        assert getattr(state, name) == [], f"{name} leaked: {getattr(state, name)!r}"
    assert state.is_applicant is False
    assert snapshot(app_id) == before


def test_detail_load_by_the_owner_shows_the_application(tokens: dict[str, str], submitted1: int) -> None:
    state = as_user(DetailState, tokens["pemohon1"], routes.PENGAJUAN_DETAIL, submitted1)
    call(DetailState.load, state)
    assert state.error == ""
    assert state.judul.startswith("Permohonan uji akses handler") and state.instansi and state.status == "DIAJUKAN"


@pytest.mark.parametrize("who", ["pemohon1", "pemohon3", "tkksd", "protokol"])
@pytest.mark.parametrize("decision", ["approve", "return_app", "reject"])
def test_admin_decisions_refused_for_non_admins(who: str, decision: str, tokens: dict[str, str],
                                                people: dict[str, CurrentUser], submitted1: int) -> None:
    before = snapshot(submitted1)
    state = as_user(DetailState, tokens[who], routes.PENGAJUAN_DETAIL, submitted1)
    call(DetailState.load, state)
    state.app_id = submitted1
    call(DetailState.set_note, state, "Catatan dari yang tidak berwenang.")
    call(DetailState.toggle_tkksd, state, people["tkksd"].id)
    with pytest.raises(NotSignedIn):
        call(getattr(DetailState, decision), state)
    after = snapshot(submitted1)
    assert after == before
    assert after["row"]["status"] == "DIAJUKAN" and after["tkksd"] == []


def test_admin_decision_through_the_same_harness_works(tokens: dict[str, str], people: dict[str, CurrentUser]
                                                       ) -> None:
    """Control: the admin's identical call is accepted (the refusals above are not an artefact)."""
    app_id = new_submitted(people["pemohon1"], f"Permohonan kontrol admin {secrets.token_hex(3)}")
    state = as_user(DetailState, tokens["admin"], routes.PENGAJUAN_DETAIL, app_id)
    call(DetailState.load, state)
    assert state.error == "" and state.status == "DIAJUKAN"
    call(DetailState.set_note, state, "Lengkapi lokasi kegiatan.")
    call(DetailState.return_app, state)
    assert snapshot(app_id)["row"]["status"] == "DIKEMBALIKAN"


def test_withdraw_of_a_foreign_application_refused(tokens: dict[str, str], submitted1: int) -> None:
    before = snapshot(submitted1)
    state = as_user(DetailState, tokens["pemohon3"], routes.PENGAJUAN_DETAIL, submitted1)
    call(DetailState.load, state)
    result = call(DetailState.withdraw, state)
    assert NOT_FOUND in event_text(result)
    assert snapshot(submitted1) == before


# --------------------------------------------------------------------------- admin inbox


def test_inbox_load_by_applicant_fills_nothing(tokens: dict[str, str]) -> None:
    state = as_user(InboxState, tokens["pemohon1"], routes.ADMIN)
    result = call(InboxState.load, state)
    assert state.rows == [] and state.total == 0
    targets = redirects(result)
    assert targets and urlsplit(targets[0]).path != routes.ADMIN, f"the applicant was not sent away: {targets}"


@pytest.mark.parametrize(("name", "args"), [
    ("set_status_filter", ("DIAJUKAN",)), ("set_query", ("",)), ("go_page", (1,)),
])
@pytest.mark.parametrize("who", ["pemohon1", "tkksd"])
def test_inbox_filters_refused_for_non_admins(name: str, args: tuple, who: str, tokens: dict[str, str]) -> None:
    state = as_user(InboxState, tokens[who], routes.ADMIN)
    with pytest.raises(NotSignedIn):
        call(getattr(InboxState, name), state, *args)
    assert state.rows == [] and state.total == 0


def test_inbox_load_by_admin_fills_rows(tokens: dict[str, str], submitted1: int) -> None:
    state = as_user(InboxState, tokens["admin"], routes.ADMIN)
    call(InboxState.load, state)
    assert state.total > 0 and any(r["id"] == str(submitted1) for r in state.rows)


# --------------------------------------------------------------------------- no session, forged session


def _ended_token() -> str:
    token = sign_in("pemohon1")
    auth.logout(token, "127.0.0.1")
    return token


COOKIES = {
    "anonim": lambda: cookie_for(None),
    "token-acak": lambda: cookie_for(secrets.token_urlsafe(32)),
    "token-kosong": lambda: f"{auth.COOKIE_NAME}=",
    "token-berakhir": lambda: cookie_for(_ended_token()),
    "cookie-rusak": lambda: f'{auth.COOKIE_NAME}="{secrets.token_urlsafe(8)}; ;;=',
    "hash-sebagai-token": lambda: cookie_for(auth.hash_token(secrets.token_urlsafe(32))),
}

# (state, handler, args, path): every handler that reads or writes an application or a profile.
HANDLERS = [
    (WizardState, "load", (), routes.PENGAJUAN_UBAH),
    (WizardState, "set_text", ("latar_belakang", "isian tanpa sesi"), routes.PENGAJUAN_UBAH),
    (WizardState, "set_judul", ("judul tanpa sesi",), routes.PENGAJUAN_UBAH),
    (WizardState, "toggle_opd", (1,), routes.PENGAJUAN_UBAH),
    (WizardState, "choose_ppksd2", (0,), routes.PENGAJUAN_UBAH),
    (WizardState, "search_ppksd2", ("",), routes.PENGAJUAN_UBAH),
    (WizardState, "next_step", (), routes.PENGAJUAN_UBAH),
    (WizardState, "submit", (), routes.PENGAJUAN_UBAH),
    (DetailState, "load", (), routes.PENGAJUAN_DETAIL),
    (DetailState, "approve", (), routes.PENGAJUAN_DETAIL),
    (DetailState, "return_app", (), routes.PENGAJUAN_DETAIL),
    (DetailState, "reject", (), routes.PENGAJUAN_DETAIL),
    (DetailState, "withdraw", (), routes.PENGAJUAN_DETAIL),
    (ReceiptState, "load", (), routes.PENGAJUAN_TANDA_TERIMA),
    (MyAppsState, "load", (), routes.PENGAJUAN),
    (MyAppsState, "new_application", (), routes.PENGAJUAN),
    (InboxState, "load", (), routes.ADMIN),
    (InboxState, "set_query", ("",), routes.ADMIN),
    (ProfileState, "load", (), routes.PENGATURAN),
    (ProfileState, "save_bio", (), routes.PENGATURAN),
    (ProfileState, "save_inst", (), routes.PENGATURAN),
    (ProfileState, "search_inst", ("Universitas",), routes.PENGATURAN),
    (ProfileState, "join_inst", (1,), routes.PENGATURAN),
]

# The fields each state would fill with somebody's data if the call went through.
FILLED = {
    WizardState: ("judul", "instansi_rows", "ppksd1_rows", "ppksd2_options", "opd_all"),
    DetailState: ("judul", "instansi", "ppksd1", "narratives", "timeline", "code"),
    ReceiptState: ("code", "judul", "instansi", "pemohon"),
    MyAppsState: ("rows",),
    InboxState: ("rows", "total"),
    ProfileState: ("inst_results", "has_instansi", "_loaded_for"),
}


@pytest.mark.parametrize("kind", list(COOKIES))
@pytest.mark.parametrize(("cls", "name", "args", "path"), HANDLERS,
                         ids=[f"{c.__name__}.{n}" for c, n, _a, _p in HANDLERS])
def test_handlers_refuse_without_a_valid_session(kind: str, cls: type[AuthState], name: str, args: tuple,
                                                 path: str, submitted1: int) -> None:
    state = make_state(cls, COOKIES[kind](), path, submitted1)
    if cls in (DetailState, WizardState):
        state.app_id = submitted1
    if cls is DetailState:
        state.note, state.tkksd_chosen = "Catatan tanpa sesi.", [1]
    before = snapshot(submitted1)
    try:
        result = call(getattr(cls, name), state, *args)
    except NotSignedIn:
        result = None
    else:
        assert goes_to_login(result), f"{cls.__name__}.{name} with {kind} neither raised nor sent to /masuk"
    assert state.signed_in is False and state.nama == "" and state.role == ""
    for field in FILLED[cls]:
        value = getattr(state, field)
        if value in args:
            continue  # the caller's own input echoed into its own tab, e.g. set_judul's title
        assert not value, f"{cls.__name__}.{field} was filled without a session"
    assert snapshot(submitted1) == before


@pytest.mark.parametrize("kind", list(COOKIES))
def test_resolve_refuses_forged_cookies(kind: str) -> None:
    assert auth.resolve(auth.token_from_cookie_header(COOKIES[kind]())) is None


FOREIGN_COOKIES = [
    "theme=light",  # control: a plain cookie
    'preferensi={"tema":"gelap","bahasa":"id"}',  # JSON-valued, as many scripts set them
    "nama_terakhir=Siti Rahmawati",  # a space in the value: browsers send it as is
    'pesan="belum selesai',  # a stray quote
]


@pytest.mark.parametrize("foreign", FOREIGN_COOKIES)
def test_session_cookie_is_found_next_to_other_cookies(foreign: str, tokens: dict[str, str]) -> None:
    """Another cookie of the same host, sent before ours, must not sign the user out.

    Browsers accept and send such values (other applications on a shared domain set
    them); one of them in front of `sikerja_sesi` must not hide the session.
    """
    token = tokens["pemohon1"]
    header = f"{foreign}; {auth.COOKIE_NAME}={token}"
    state = make_state(AuthState, header, routes.BERANDA)
    assert state.router.headers.cookie == header
    call(AuthState.load_public, state)
    assert state.signed_in, f"the session was not found in {header!r}"


# --------------------------------------------------------------------------- profile


@pytest.mark.parametrize("instansi_id", [987_654, -1, 0, "abc", None])
def test_join_unknown_instansi_gives_an_error(instansi_id: object, tokens: dict[str, str],
                                              people: dict[str, CurrentUser]) -> None:
    before = user_row(people["pemohon3"].id)
    state = as_user(ProfileState, tokens["pemohon3"], routes.PENGATURAN)
    result = call(ProfileState.join_inst, state, instansi_id)
    assert "Instansi tidak ditemukan." in event_text(result)
    assert user_row(people["pemohon3"].id) == before


@pytest.mark.parametrize("who", ["admin", "tkksd"])
def test_join_instansi_refused_for_staff(who: str, tokens: dict[str, str], people: dict[str, CurrentUser]) -> None:
    with session_scope() as s:
        some_instansi = s.get(User, people["pemohon1"].id).instansi_id
    before = user_row(people[who].id)
    state = as_user(ProfileState, tokens[who], routes.PENGATURAN)
    with pytest.raises(NotSignedIn):
        call(ProfileState.join_inst, state, some_instansi)
    assert user_row(people[who].id) == before


# --------------------------------------------------------------------------- secrets in state


SECRET_CASES = [
    ("pemohon1", AuthState, "load_public", routes.BERANDA, None),
    ("pemohon1", WizardState, "load", routes.PENGAJUAN_UBAH, "draft1"),
    ("pemohon1", DetailState, "load", routes.PENGAJUAN_DETAIL, "submitted1"),
    ("pemohon1", ReceiptState, "load", routes.PENGAJUAN_TANDA_TERIMA, "submitted1"),
    ("pemohon1", MyAppsState, "load", routes.PENGAJUAN, None),
    ("pemohon1", ProfileState, "load", routes.PENGATURAN, None),
    ("admin", InboxState, "load", routes.ADMIN, None),
    ("admin", DetailState, "load", routes.PENGAJUAN_DETAIL, "submitted1"),
    ("pemohon3", DetailState, "load", routes.PENGAJUAN_DETAIL, "submitted1"),
]


@pytest.mark.parametrize(("who", "cls", "name", "path", "target"), SECRET_CASES,
                         ids=[f"{w}-{c.__name__}" for w, c, _n, _p, _t in SECRET_CASES])
def test_no_public_var_holds_the_token_or_a_password_hash(who: str, cls: type[AuthState], name: str, path: str,
                                                          target: str | None, tokens: dict[str, str],
                                                          request: pytest.FixtureRequest) -> None:
    app_id = request.getfixturevalue(target) if target else None
    token = tokens[who]
    state = as_user(cls, token, path, app_id)
    call(getattr(cls, name), state)
    assert state.signed_in, "the handler did not see the session: the check below would be vacuous"
    root = state._get_root_state()
    everything = root.dict()
    auth_prefix = AuthState.get_full_name()
    auth_part = {k: v for k, v in everything.items() if k.startswith(auth_prefix)}
    assert len(auth_part) > 5, "AuthState and its substates are missing from dict()"
    for state_name, fields in auth_part.items():
        for field, value in fields.items():
            for text in walk_strings(value):
                assert token not in text, f"{state_name}.{field} holds the session token"
                assert "$argon2" not in text, f"{state_name}.{field} holds a password hash"
                assert auth.hash_token(token) not in text, f"{state_name}.{field} holds the token hash"
    # What is actually serialized for the browser: the whole tree, router data included.
    for payload in (rx_format.json_dumps(everything), rx_format.json_dumps(root.get_delta())):
        assert token not in payload
        assert auth.COOKIE_NAME not in payload
        assert "$argon2" not in payload
    assert json.loads(rx_format.json_dumps(everything))  # the check above read real JSON


def test_private_fields_of_auth_state_are_backend_only() -> None:
    """Helpers that touch the token are methods, and no base var is named like a secret."""
    classes = [AuthState, *AuthState.get_substates()]
    assert WizardState in classes and DetailState in classes and ProfileState in classes
    for cls in classes:
        for var in (*cls.base_vars, *cls.computed_vars):
            lowered = var.lower()
            assert not any(w in lowered for w in ("token", "sandi", "password", "hash", "cookie", "sesi")), \
                f"{cls.__name__}.{var} looks like a secret sent to the browser"


# --------------------------------------------------------------------------- wrong role on a protected page


@pytest.mark.parametrize(("who", "cls", "path", "target"), [
    ("pemohon1", InboxState, routes.ADMIN, None),
    ("admin", WizardState, routes.PENGAJUAN_UBAH, "submitted1"),
])
def test_wrong_role_is_not_bounced_between_page_and_sign_in(who: str, cls: type[AuthState], path: str,
                                                            target: str | None, tokens: dict[str, str],
                                                            request: pytest.FixtureRequest) -> None:
    """A signed-in user on a page of another role must not end in a redirect loop.

    The page's on_load sends them to /masuk?lanjut=<page>; the sign-in page's on_load
    sends a signed-in user straight back to ``lanjut``: the browser would flip between
    the two pages for ever.
    """
    app_id = request.getfixturevalue(target) if target else None
    state = as_user(cls, tokens[who], path, app_id)
    first = redirects(call(cls.load, state))
    assert first, "the protected page let the wrong role in"
    target_url = urlsplit(first[0])
    if target_url.path != routes.MASUK:
        return  # sent somewhere else than the sign-in page: no loop
    login_state = as_user(LoginState, tokens[who], routes.MASUK, query=target_url.query)
    second = redirects(call(LoginState.load, login_state))
    page_path = state.router.url.path
    assert not (second and urlsplit(second[0]).path == page_path), \
        f"redirect loop: {page_path} -> {first[0]} -> {second[0]} -> ..."


# --------------------------------------------------------------------------- sign-in page redirects


@pytest.mark.parametrize("lanjut", [
    "//evil.example", "https://evil.example/", "http:evil.example", "\\\\evil.example", "evil.example",
    "javascript:alert(1)",
])
def test_signed_in_login_page_redirects_only_to_local_paths(lanjut: str, tokens: dict[str, str]) -> None:
    """LoginState.load sends a signed-in user on to ``lanjut``: only ever to a path of this site."""
    state = as_user(LoginState, tokens["pemohon1"], routes.MASUK, query=urlencode({"lanjut": lanjut}))
    assert state.router.url.query_parameters.get("lanjut") == lanjut
    targets = redirects(call(LoginState.load, state))
    assert targets == [routes.PENGAJUAN]
    assert state.lanjut == routes.PENGAJUAN  # the hidden field of the form, too


def test_signed_in_login_page_keeps_a_local_next(tokens: dict[str, str]) -> None:
    state = as_user(LoginState, tokens["pemohon1"], routes.MASUK, query=urlencode({"lanjut": "/pengaturan"}))
    assert redirects(call(LoginState.load, state)) == ["/pengaturan"]
