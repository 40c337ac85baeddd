"""The session secret stays on the server side of the browser (DESIGN §7), in real Chromium.

Sign-in posts a plain HTML form to /auth/masuk, which answers with an HttpOnly cookie
`sikerja_sesi`. The websocket handshake carries that cookie to the backend, where
handlers read it from ``self.router.headers``; the copy of the router data Reflex sends
to the browser must not carry it. These tests watch every websocket frame the page
receives and the page's own view of its cookies, sign out and replay the old cookie,
and check the sign-in route against cross-site posts and open redirects.
"""

import contextlib
import re
import time
from collections.abc import Iterator
from urllib.parse import quote, urlsplit

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .conftest import DEMO_PASSWORD, Server, Shots, login, new_context, wait_hydrated

COOKIE = "sikerja_sesi"
GENERIC_ERROR = "Email/NIP atau kata sandi salah."
PEMOHON1 = "pemohon1@sikerja.test"
PEMOHON1_NAME = "Siti"  # the header shows the nickname of "Dr. Siti Rahmawati, M.Kom."
PEMOHON1_NIK = "6472015708860004"  # sikerja_app/services/seed.py
EVIL = re.compile(r"^https?://evil\.example(?::\d+)?(/.*)?$")
EVIL_PAGE = "<!doctype html><title>evil</title><p id='evil'>evil.example</p>"

# Ways to spell "another site" that a careless check lets through. Browsers (WHATWG URL)
# read "\" as "/" and drop tabs and newlines, so several of these are protocol-relative.
OFFSITE_NEXT = ["//evil.example", "https://evil.example", "https://evil.example/pengajuan",
                "/\\evil.example", "\\\\evil.example", "/\t/evil.example", "http:evil.example",
                "javascript:alert(document.cookie)"]


@pytest.fixture
def ctx(browser: Browser) -> Iterator[BrowserContext]:
    context = new_context(browser)
    # Nothing may really leave for evil.example: answer it locally, so a test can see the visit.
    context.route(EVIL, lambda route: route.fulfill(status=200, content_type="text/html", body=EVIL_PAGE))
    yield context
    context.close()


def session_cookie(context: BrowserContext) -> dict | None:
    return next((c for c in context.cookies() if c["name"] == COOKIE), None)


def header_text(page: Page) -> str:
    return page.locator("header.site-header").inner_text()


def is_local(page: Page, base: str) -> bool:
    parts, here = urlsplit(page.url), urlsplit(base)
    return (parts.scheme, parts.netloc) == (here.scheme, here.netloc)


def browser_resolves(page: Page, location: str, base: str) -> str:
    """The origin a browser reaches when it follows ``location`` from ``base``."""
    return page.evaluate("([l, b]) => new URL(l, b).origin", [location, base])


class FrameLog:
    """Every websocket frame the page receives (and sends), from before the first navigation."""

    def __init__(self, page: Page) -> None:
        self.received: list[str] = []
        self.sent: list[str] = []
        self.sockets: list[str] = []
        page.on("websocket", self._on_socket)

    def _on_socket(self, ws) -> None:  # noqa: ANN001 - playwright WebSocket
        self.sockets.append(ws.url)
        ws.on("framereceived", lambda payload: self.received.append(self._text(payload)))
        ws.on("framesent", lambda payload: self.sent.append(self._text(payload)))

    @staticmethod
    def _text(payload: str | bytes) -> str:
        return payload if isinstance(payload, str) else payload.decode("utf-8", errors="replace")


def _assert_page_cannot_read(page: Page, token: str) -> None:
    cookies = page.evaluate("document.cookie")
    assert token not in cookies and COOKIE not in cookies, f"document.cookie exposes the session: {cookies!r}"
    storage = page.evaluate("JSON.stringify({...localStorage}) + JSON.stringify({...sessionStorage})")
    assert token not in storage and COOKIE not in storage
    assert token not in page.content()


def test_session_token_never_reaches_the_page(server: Server, ctx: BrowserContext) -> None:
    shots = Shots("sesi-rahasia")
    page = ctx.new_page()
    frames = FrameLog(page)  # listening before the first navigation

    login(page, server.url, PEMOHON1)
    cookie = session_cookie(ctx)
    assert cookie is not None, "signing in set no session cookie"
    token = cookie["value"]
    assert len(token) >= 32
    assert cookie["httpOnly"] is True
    assert cookie["sameSite"] == "Lax"
    assert cookie["path"] == "/"

    # The backend got the cookie through the websocket handshake: the header shows the user.
    expect(page.locator("#menu-pengguna")).to_contain_text(PEMOHON1_NAME)
    _assert_page_cannot_read(page, token)
    shots(page, "pengajuan")

    # A client-side navigation to a detail page, then full page loads.
    card = page.locator("a.kartu-permohonan[href]").filter(has_text=re.compile(r"KSD-\d{4}-")).first
    href = card.get_attribute("href")
    assert href and re.fullmatch(r"/pengajuan/\d+/?", href), href
    card.click()
    page.wait_for_url(re.compile(rf".*{re.escape(href.rstrip('/'))}/?$"))
    wait_hydrated(page)
    expect(page.locator("#kode")).to_have_text(re.compile(r"KSD-\d{4}-"))
    expect(page.locator("#menu-pengguna")).to_contain_text(PEMOHON1_NAME)
    _assert_page_cannot_read(page, token)
    shots(page, "detail")

    page.goto(f"{server.url}/pengaturan")
    wait_hydrated(page)
    expect(page.locator("#menu-pengguna")).to_contain_text(PEMOHON1_NAME)
    _assert_page_cannot_read(page, token)
    shots(page, "pengaturan")

    page.goto(f"{server.url}{href}")
    wait_hydrated(page)
    expect(page.locator("#kode")).to_have_text(re.compile(r"KSD-\d{4}-"))
    page.reload()
    wait_hydrated(page)
    expect(page.locator("#menu-pengguna")).to_contain_text(PEMOHON1_NAME)
    _assert_page_cannot_read(page, token)

    page.goto(f"{server.url}/pengajuan")
    wait_hydrated(page)
    expect(page.locator("#menu-pengguna")).to_contain_text(PEMOHON1_NAME)
    page.wait_for_timeout(500)  # let the last deltas arrive

    # The frames were really captured, and they carried the signed-in state.
    assert len(frames.sockets) >= 4, frames.sockets
    assert len(frames.received) > 0
    assert any(PEMOHON1_NAME in f for f in frames.received), "no frame carried the user's state"
    assert any("router" in f or "rx_router" in f for f in frames.received), "no frame carried router data"
    for i, frame in enumerate(frames.received):
        assert token not in frame, f"received frame {i} carries the session token: {frame[:500]}"
        assert COOKIE not in frame, f"received frame {i} names the session cookie: {frame[:500]}"
    for i, frame in enumerate(frames.sent):
        assert token not in frame, f"sent frame {i} carries the session token: {frame[:500]}"


def test_sign_out_ends_the_session(server: Server, browser: Browser, ctx: BrowserContext) -> None:
    shots = Shots("sesi-keluar")
    page = ctx.new_page()
    login(page, server.url, PEMOHON1)
    cookie = session_cookie(ctx)
    assert cookie is not None
    token = cookie["value"]
    replay = {"name": COOKIE, "value": token, "url": server.url, "httpOnly": True, "sameSite": "Lax"}

    # Control: the same cookie injected into a fresh browser works while the session lives,
    # so the refusal after sign-out below is not an artefact of the injection.
    before = new_context(browser)
    try:
        before.add_cookies([replay])
        other = before.new_page()
        other.goto(f"{server.url}/pengajuan")
        wait_hydrated(other)
        expect(other.locator("#menu-pengguna")).to_contain_text(PEMOHON1_NAME)
        assert urlsplit(other.url).path.rstrip("/") == "/pengajuan"
    finally:
        before.close()

    page.click("#menu-pengguna")
    shots(page, "menu-pengguna")
    page.get_by_role("menuitem", name="Keluar").click()
    page.wait_for_url(re.compile(r".*/masuk/?\?keluar=1$"))
    wait_hydrated(page)
    expect(page.get_by_text("Anda telah keluar.")).to_be_visible()
    assert session_cookie(ctx) is None, "the browser kept the session cookie after sign-out"
    expect(page.locator("#menu-pengguna")).to_have_count(0)
    shots(page, "keluar")

    page.goto(f"{server.url}/pengajuan")
    page.wait_for_url(re.compile(r".*/masuk/?\?lanjut=%2Fpengajuan(%2F)?$"))
    wait_hydrated(page)
    expect(page.locator("#tombol-masuk")).to_be_visible()
    expect(page.locator("#menu-pengguna")).to_have_count(0)
    assert PEMOHON1_NAME not in header_text(page)

    # The old token replayed in a fresh browser is dead.
    after = new_context(browser)
    try:
        after.add_cookies([replay])
        assert session_cookie(after)["value"] == token
        stale = after.new_page()
        stale.goto(f"{server.url}/pengajuan")
        stale.wait_for_url(re.compile(r".*/masuk/?\?lanjut=%2Fpengajuan(%2F)?$"))
        wait_hydrated(stale)
        expect(stale.locator("#tombol-masuk")).to_be_visible()
        expect(stale.locator("#menu-pengguna")).to_have_count(0)
        assert PEMOHON1_NAME not in header_text(stale)
        shots(stale, "token-lama-ditolak")
    finally:
        after.close()


def test_sign_out_by_post_from_the_page(server: Server, browser: Browser, ctx: BrowserContext) -> None:
    page = ctx.new_page()
    login(page, server.url, PEMOHON1)
    token = session_cookie(ctx)["value"]
    status = page.evaluate("async () => (await fetch('/auth/keluar', {method: 'POST', redirect: 'manual'})).type")
    assert status == "opaqueredirect"
    assert session_cookie(ctx) is None
    page.goto(f"{server.url}/pengajuan")
    page.wait_for_url(re.compile(r".*/masuk/?\?lanjut=%2Fpengajuan(%2F)?$"))
    wait_hydrated(page)
    expect(page.locator("#menu-pengguna")).to_have_count(0)

    replayed = new_context(browser)
    try:
        replayed.add_cookies([{"name": COOKIE, "value": token, "url": server.url, "httpOnly": True}])
        stale = replayed.new_page()
        stale.goto(f"{server.url}/pengaturan")
        stale.wait_for_url(re.compile(r".*/masuk/?\?lanjut=%2Fpengaturan(%2F)?$"))
    finally:
        replayed.close()


def _visit_private_pages(page: Page, base: str) -> list[str]:
    """pemohon1 opens an application and the settings; returns what identifies their data."""
    cards = page.locator("a.kartu-permohonan[href]").filter(has_text=re.compile(r"KSD-\d{4}-"))
    href = cards.first.get_attribute("href")
    page.goto(f"{base}{href}")
    wait_hydrated(page)
    expect(page.locator("#kode")).to_have_text(re.compile(r"KSD-\d{4}-"))
    code = page.locator("#kode").inner_text().strip()
    page.goto(f"{base}/pengaturan")
    wait_hydrated(page)
    expect(page.locator("#bio-nik")).to_have_value(PEMOHON1_NIK)
    page.wait_for_timeout(500)
    return [PEMOHON1_NIK, PEMOHON1, "Rahmawati", code]


def _leaks(frames: list[str], needles: list[str]) -> list[str]:
    return [f"{needle!r} in frame {i}: …{frame[max(0, frame.find(needle) - 120):frame.find(needle) + 60]}…"
            for i, frame in enumerate(frames) for needle in needles if needle in frame]


def test_sign_out_leaves_no_personal_data_in_the_tab(server: Server, ctx: BrowserContext) -> None:
    """After "Keluar" the browser receives nothing more of the signed-out user's data.

    Reflex keeps the state of a tab on the server under the tab's client token, which
    survives sign-out (it lives in sessionStorage). If sign-out does not clear that state,
    the next page load in the tab sends it all again: a shared computer hands the previous
    user's NIK, email and application to whoever uses the tab next.
    """
    page = ctx.new_page()
    frames = FrameLog(page)
    login(page, server.url, PEMOHON1)
    needles = _visit_private_pages(page, server.url)
    assert all(any(n in f for f in frames.received) for n in needles), "the needles never reached the tab"

    frames.received.clear()
    page.click("#menu-pengguna")
    page.get_by_role("menuitem", name="Keluar").click()
    page.wait_for_url(re.compile(r".*/masuk/?\?keluar=1$"))
    wait_hydrated(page)
    page.wait_for_timeout(1000)
    assert frames.received, "no frame captured after sign-out"
    leaks = _leaks(frames.received, needles + ['"signed_in_rx_state_":true'])
    assert not leaks, "after sign-out the tab still received:\n" + "\n".join(leaks[:6])


def test_next_user_in_the_same_tab_gets_nothing_of_the_previous(server: Server, ctx: BrowserContext) -> None:
    page = ctx.new_page()
    login(page, server.url, PEMOHON1)
    needles = _visit_private_pages(page, server.url)
    page.click("#menu-pengguna")
    page.get_by_role("menuitem", name="Keluar").click()
    page.wait_for_url(re.compile(r".*/masuk/?\?keluar=1$"))
    wait_hydrated(page)

    frames = FrameLog(page)  # from here on: the next person at this computer
    login(page, server.url, "pemohon3@sikerja.test")
    expect(page.locator("#menu-pengguna")).to_contain_text("Yusuf")
    page.goto(f"{server.url}/pengaturan")
    wait_hydrated(page)
    page.wait_for_timeout(1000)
    assert frames.received
    leaks = _leaks(frames.received, needles)
    assert not leaks, "pemohon3 received pemohon1's data:\n" + "\n".join(leaks[:6])


def test_client_token_alone_reveals_nothing(server: Server, browser: Browser, ctx: BrowserContext) -> None:
    """The client token that keys Reflex state is not a credential (DESIGN §7).

    A second browser with no session cookie that presents the (closed) victim tab's
    client token must not receive the victim's data.
    """
    page = ctx.new_page()
    login(page, server.url, PEMOHON1)
    needles = _visit_private_pages(page, server.url)
    client_token = page.evaluate("sessionStorage.getItem('token')")
    assert client_token
    page.close()  # the victim closes the tab but stays signed in
    time.sleep(1)  # let the server see the socket go (a live token would be replaced, not shared)

    other = new_context(browser)
    try:
        other.add_init_script(f"sessionStorage.setItem('token', {client_token!r})")
        intruder = other.new_page()
        frames = FrameLog(intruder)
        intruder.goto(f"{server.url}/lacak")
        wait_hydrated(intruder)
        intruder.wait_for_timeout(1000)
        assert session_cookie(other) is None
        assert frames.received
        leaks = _leaks(frames.received, needles)
        assert not leaks, "a browser without the session cookie received:\n" + "\n".join(leaks[:6])
    finally:
        other.close()


def test_other_cookies_of_the_host_do_not_hide_the_session(server: Server, ctx: BrowserContext) -> None:
    """A JSON-valued cookie set earlier by another application of the host (sent first)."""
    ctx.add_cookies([{"name": "preferensi", "value": '{"tema":"gelap"}', "url": server.url}])
    page = ctx.new_page()
    page.goto(f"{server.url}/kesehatan")
    assert "preferensi=" in page.evaluate("document.cookie")
    login(page, server.url, PEMOHON1)
    assert session_cookie(ctx) is not None
    page.goto(f"{server.url}/pengaturan")
    page.wait_for_timeout(1500)
    assert urlsplit(page.url).path.rstrip("/") == "/pengaturan", f"sent to {page.url}"
    expect(page.locator("#menu-pengguna")).to_contain_text(PEMOHON1_NAME)


@pytest.mark.parametrize("route", ["/auth/masuk", "/auth/keluar", "/auth/daftar"])
@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://127.0.0.1:1"])
def test_cross_site_posts_are_refused(server: Server, route: str, origin: str) -> None:
    form = {"identitas": PEMOHON1, "kata_sandi": DEMO_PASSWORD, "lanjut": "/pengajuan",
            "nama": "Penyerang", "email": "penyerang@evil.example", "ulangi": DEMO_PASSWORD}
    answer = httpx.post(f"{server.url}{route}", data=form, headers={"Origin": origin}, follow_redirects=False)
    assert answer.status_code == 403
    assert "set-cookie" not in answer.headers


def test_cross_site_sign_in_form_in_a_real_browser(server: Server, ctx: BrowserContext) -> None:
    """Login CSRF: a page on evil.example auto-posts the sign-in form with the attacker's account."""
    page = ctx.new_page()
    attack = (f"<!doctype html><form id='f' method='post' action='{server.url}/auth/masuk'>"
              f"<input name='identitas' value='{PEMOHON1}'><input name='kata_sandi' value='{DEMO_PASSWORD}'>"
              "<input name='lanjut' value='/pengajuan'></form><script>document.getElementById('f').submit()</script>")
    page.route("http://evil.example/serang", lambda route: route.fulfill(status=200, content_type="text/html",
                                                                         body=attack))
    page.goto("http://evil.example/serang")
    page.wait_for_url(f"{server.url}/auth/masuk")
    expect(page.locator("body")).to_contain_text("Permintaan ditolak.")
    assert session_cookie(ctx) is None


@pytest.mark.parametrize("lanjut", OFFSITE_NEXT)
def test_sign_in_route_never_redirects_off_site(server: Server, ctx: BrowserContext, lanjut: str) -> None:
    answer = httpx.post(f"{server.url}/auth/masuk", follow_redirects=False,
                        data={"identitas": PEMOHON1, "kata_sandi": DEMO_PASSWORD, "lanjut": lanjut})
    assert answer.status_code == 303
    assert COOKIE in answer.headers.get("set-cookie", "")
    location = answer.headers["location"]
    page = ctx.new_page()
    page.goto(f"{server.url}/kesehatan")
    assert browser_resolves(page, location, server.url) == server.url, f"{lanjut!r} -> Location {location!r}"


@pytest.mark.parametrize("lanjut", ["//evil.example", "https://evil.example", "/\\evil.example"])
def test_sign_in_form_with_offsite_next_ends_here(server: Server, ctx: BrowserContext, lanjut: str) -> None:
    page = ctx.new_page()
    page.goto(f"{server.url}/masuk?lanjut={quote(lanjut, safe='')}")
    wait_hydrated(page)
    page.fill("#identitas", PEMOHON1)
    page.fill("#kata_sandi", DEMO_PASSWORD)
    page.click("#kirim-masuk")
    page.wait_for_load_state("load")
    page.wait_for_url(lambda url: "/masuk" not in url)
    page.wait_for_timeout(1000)  # a client-side redirect would happen after hydration
    assert is_local(page, server.url), f"lanjut={lanjut!r} ended at {page.url}"
    assert session_cookie(ctx) is not None


@pytest.mark.parametrize("lanjut", OFFSITE_NEXT)
def test_signed_in_visit_to_masuk_stays_here(server: Server, ctx: BrowserContext, lanjut: str) -> None:
    """A signed-in user on /masuk is sent on to ``lanjut`` by the page's on_load: never off-site."""
    page = ctx.new_page()
    login(page, server.url, PEMOHON1)
    page.goto(f"{server.url}/masuk?lanjut={quote(lanjut, safe='')}")
    wait_hydrated(page)
    # Some spellings leave the browser on /masuk (react-router refuses them): still this site.
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_url(lambda url: "/masuk" not in url, timeout=5_000)
    page.wait_for_timeout(1000)  # any further client-side redirect
    assert is_local(page, server.url), f"lanjut={lanjut!r} took the signed-in user to {page.url}"


def test_wrong_role_page_does_not_loop(server: Server, ctx: BrowserContext) -> None:
    """An applicant opening /admin must land somewhere and stay there.

    InboxState.load sends a signed-in user of the wrong role to /masuk?lanjut=/admin, and
    LoginState.load sends any signed-in user straight back to ``lanjut``: without a fix the
    browser flips between the two pages for ever.
    """
    page = ctx.new_page()
    login(page, server.url, PEMOHON1)
    navigations: list[str] = []
    page.on("framenavigated", lambda frame: navigations.append(frame.url) if frame == page.main_frame else None)
    page.goto(f"{server.url}/admin")
    page.wait_for_timeout(4000)
    settled = len(navigations)
    page.wait_for_timeout(2000)
    assert len(navigations) == settled, (
        f"still navigating after 4 s: {len(navigations)} navigations, last ones {navigations[-4:]}")
    assert len(navigations) <= 6, f"{len(navigations)} navigations: {navigations[:8]}"


def test_wrong_password_gives_the_generic_message(server: Server, ctx: BrowserContext) -> None:
    shots = Shots("sesi-salah-sandi")
    page = ctx.new_page()
    wrong = "BukanKataSandi-2026"
    for identity in (PEMOHON1, "tidak-terdaftar@sikerja.test"):
        page.goto(f"{server.url}/masuk")
        wait_hydrated(page)
        page.fill("#identitas", identity)
        page.fill("#kata_sandi", wrong)
        page.click("#kirim-masuk")
        page.wait_for_url(re.compile(r".*/masuk/?\?.*galat=1"))
        wait_hydrated(page)
        expect(page.locator("#galat-masuk")).to_have_text(GENERIC_ERROR)
        expect(page.locator("#identitas")).to_have_value(identity)
        expect(page.locator("#kata_sandi")).to_have_value("")
        assert wrong not in page.url, "the password travelled in the URL"
        assert session_cookie(ctx) is None
        expect(page.locator("#menu-pengguna")).to_have_count(0)
        shots(page, "salah-sandi")
