"""Layout on a 390px phone and a desktop: navigation, no sideways scrolling, 44px touch targets."""

import pytest
from playwright.sync_api import Page, expect

from .conftest import Shots, login, new_context, wait_hydrated

PUBLIC = ["/", "/masuk", "/daftar", "/lacak", "/informasi", "/statistik", "/faq"]
SIGNED_IN = ["/pengajuan", "/pengaturan", "/pengajuan/1"]
MENUS = ["Pengajuan", "Informasi", "Statistik", "FAQ"]

# Interactive controls a thumb has to hit; links inside running text are exempt.
_TARGETS = ("main button, main select, main input:not([type=hidden]), main textarea, main [role=tab], "
            "nav a, header button, header a")
_SMALL_TARGETS = """() => [...document.querySelectorAll('""" + _TARGETS + """')]
  .filter(el => { const r = el.getBoundingClientRect(); const s = getComputedStyle(el);
                  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'; })
  .filter(el => el.type !== 'checkbox' && el.getAttribute('role') !== 'checkbox')
  .filter(el => el.getBoundingClientRect().height < 43.5)
  .map(el => (el.id || el.tagName) + ':' + Math.round(el.getBoundingClientRect().height) + ':' +
             (el.innerText || '').slice(0, 30))"""


def _check_phone_page(page: Page) -> None:
    assert page.evaluate("document.documentElement.lang") == "id"
    width = page.evaluate("document.scrollingElement.scrollWidth")
    assert width <= 390, f"{page.url} scrolls sideways: {width}px"
    nav = page.locator("nav.bottom-nav")
    expect(nav).to_be_visible()
    for label in MENUS:
        expect(nav.get_by_text(label, exact=True)).to_be_visible()
    assert page.evaluate(_SMALL_TARGETS) == [], page.url


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_on_a_phone(server, browser, path: str) -> None:
    page = new_context(browser, "phone").new_page()
    page.goto(server.url + path)
    wait_hydrated(page)
    Shots(f"tata-letak-ponsel{path.replace('/', '-') or '-beranda'}")(page, "halaman")
    _check_phone_page(page)


def test_signed_in_pages_on_a_phone(server, browser) -> None:
    page = new_context(browser, "phone").new_page()
    login(page, server.url, "pemohon1@sikerja.test")
    for path in SIGNED_IN:
        page.goto(server.url + path)
        wait_hydrated(page)
        _check_phone_page(page)


def test_desktop_has_top_navigation_and_no_bottom_bar(server, browser) -> None:
    page = new_context(browser, "desktop").new_page()
    page.goto(server.url + "/")
    wait_hydrated(page)
    expect(page.locator("nav.bottom-nav")).to_be_hidden()
    header = page.locator("header")
    for label in [*MENUS, "Lacak"]:
        expect(header.get_by_role("link", name=label, exact=True)).to_be_visible()


@pytest.mark.parametrize(("menu", "heading", "content"), [
    ("Informasi", "Informasi Kerja Sama Daerah", "#daftar-informasi"),
    ("FAQ", "Pertanyaan yang Sering Diajukan", "#daftar-faq"),
    ("Statistik", "Statistik & Data", "#grafik-statistik"),
])
def test_menus_with_content_show_it(server, browser, menu: str, heading: str, content: str) -> None:
    page = new_context(browser, "phone").new_page()
    page.goto(server.url + "/")
    wait_hydrated(page)
    page.locator("nav.bottom-nav").get_by_text(menu, exact=True).click()
    wait_hydrated(page)
    expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.locator(content + " a, " + content + " details").first).to_be_visible()
    expect(page.locator("main")).not_to_contain_text("sedang disiapkan")
