"""Informasi and FAQ in real Chromium, on a 390px phone and a desktop (issue 5, "Must show").

A visitor reads Informasi and downloads a DOCX template that is a valid DOCX; finds an FAQ
answer by a word that occurs only in its body; an admin adds an FAQ entry (after being told
what is missing, with nothing typed lost) and a visitor finds it; Markdown carrying scripts,
``javascript:`` links and event handlers runs nothing in the browser.
"""

import io
import re
import uuid
import zipfile
from pathlib import Path

import docx
import pytest
from playwright.sync_api import Page, expect

from sikerja_app.domain import filetypes

from .conftest import Shots, login, new_context, run_in_server_db, wait_hydrated
from .test_layout import _SMALL_TARGETS

# A word that occurs in the answer of this seeded question but not in the question itself.
BODY_WORD = "meterai"
BODY_QUESTION = "Apa yang diperiksa dari salinan bertanda tangan?"


def _open_menu(page: Page, base: str, kind: str, label: str) -> None:
    page.goto(base + "/")
    wait_hydrated(page)
    if kind == "phone":
        page.locator("nav.bottom-nav").get_by_text(label, exact=True).click()
    else:
        page.locator("header").get_by_role("link", name=label, exact=True).click()
    wait_hydrated(page)


def _select_category(page: Page, name: str) -> None:
    """The options read "Umum (4)": pick by the name before the count."""
    value = page.evaluate("""(name) => [...document.querySelectorAll('#kategori-faq option')]
        .find(o => o.textContent.startsWith(name + ' ('))?.value""", name)
    assert value, name
    page.select_option("#kategori-faq", value=value)


def _no_sideways_scroll(page: Page) -> None:
    width = page.evaluate("document.scrollingElement.scrollWidth")
    viewport = page.evaluate("window.innerWidth")
    assert width <= viewport, f"{page.url} scrolls sideways: {width}px > {viewport}px"


@pytest.mark.parametrize("kind", ["phone", "desktop"])
def test_visitor_reads_informasi_and_downloads_a_valid_docx(server, browser, kind: str, tmp_path: Path) -> None:
    shots = Shots(f"informasi-{kind}")
    page = new_context(browser, kind).new_page()
    _open_menu(page, server.url, kind, "Informasi")
    expect(page).to_have_url(re.compile(r"/informasi/?$"))
    expect(page.get_by_role("heading", name="Informasi Kerja Sama Daerah")).to_be_visible()
    cards = page.locator("#daftar-informasi a")
    expect(cards.first).to_be_visible()
    assert cards.count() >= 6
    expect(page.locator("#daftar-templat")).to_contain_text("Surat Penawaran")
    _no_sideways_scroll(page)
    shots(page, "daftar")

    # Read one page, then go on to the next with the button at its end.
    page.locator("#daftar-informasi").get_by_text("Jenis kerja sama", exact=True).click()
    expect(page).to_have_url(re.compile(r"/informasi/jenis-kerja-sama/?$"))
    wait_hydrated(page)
    expect(page.locator("#judul-halaman")).to_have_text("Jenis kerja sama")
    body = page.locator("#isi-halaman")
    for phrase in ("KSDD wajib", "KSDD sukarela", "pihak ketiga", "Nota Kesepakatan", "rencana aksi",
                   "luar negeri"):
        expect(body).to_contain_text(phrase)
    _no_sideways_scroll(page)
    shots(page, "jenis-kerja-sama")
    page.click("#halaman-berikutnya")
    expect(page.locator("#judul-halaman")).to_have_text("Langkah pengajuan di Si KERJA")
    expect(page.locator("#isi-halaman")).to_contain_text("PPKSD-2")
    shots(page, "langkah")

    # A page that does not exist says so.
    page.goto(server.url + "/informasi/tidak-ada-halaman-ini")
    wait_hydrated(page)
    expect(page.locator("#halaman-tidak-ada")).to_be_visible()

    # Download a template from the list.
    page.goto(server.url + "/informasi")
    wait_hydrated(page)
    link = page.locator("#unduh-surat-penawaran")
    link.scroll_into_view_if_needed()
    shots(page, "templat")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "Templat-Surat-Penawaran.docx"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    data = saved.read_bytes()
    assert filetypes.detect_type(data) == filetypes.DOCX
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert z.testzip() is None
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "Yth. Wali Kota Samarinda" in text and "Pemerintah Kota Samarinda" in text


@pytest.mark.parametrize("kind", ["phone", "desktop"])
def test_visitor_finds_an_faq_answer_by_a_word_from_its_body(server, browser, kind: str) -> None:
    shots = Shots(f"faq-{kind}")
    page = new_context(browser, kind).new_page()
    _open_menu(page, server.url, kind, "FAQ")
    expect(page).to_have_url(re.compile(r"/faq/?$"))
    items = page.locator("#daftar-faq .faq-item")
    expect(items.first).to_be_visible()
    total = items.count()
    assert total >= 15
    _no_sideways_scroll(page)
    shots(page, "semua")

    # Collapsed until opened.
    first = items.first
    expect(first.locator(".md-body")).to_be_hidden()
    first.locator("summary").click()
    expect(first.locator(".md-body")).to_be_visible()

    assert BODY_WORD not in BODY_QUESTION.lower()
    page.fill("#cari-faq", BODY_WORD.upper())  # case does not matter
    expect(page.locator("#jumlah-faq")).to_contain_text("memuat")
    hit = items.filter(has_text=BODY_QUESTION)
    expect(hit).to_have_count(1)
    expect(hit.locator(".md-body")).to_be_visible()  # search results open with their answer
    expect(hit.locator(".md-body")).to_contain_text("meterai")
    assert items.count() < total
    shots(page, "cari-meterai")

    # The category filter narrows further; clearing brings everything back.
    _select_category(page, "Penandatanganan")
    expect(items.filter(has_text=BODY_QUESTION)).to_have_count(1)
    _select_category(page, "Umum")
    expect(page.locator("#faq-kosong")).to_be_visible()
    shots(page, "tidak-ada")
    page.click("#hapus-cari-faq")
    expect(items).to_have_count(total)
    _no_sideways_scroll(page)


def test_admin_adds_an_faq_entry_and_a_visitor_finds_it(server, browser) -> None:
    shots = Shots("faq-admin")
    word = "kata" + uuid.uuid4().hex[:8]
    question = f"Bagaimana bila berkas saya rusak ({word[-4:]})?"
    admin = new_context(browser, "desktop").new_page()
    login(admin, server.url, "admin@sikerja.test")
    admin.goto(server.url + "/faq")
    wait_hydrated(admin)
    admin.click("#kelola-faq")  # admins get a way from the public page to its management
    expect(admin).to_have_url(re.compile(r"/admin/faq/?$"))
    wait_hydrated(admin)
    expect(admin.locator("#admin-daftar-faq .baris-faq").first).to_be_visible()

    admin.click("#tambah-faq")
    admin.fill("#faq-question", question)
    admin.wait_for_timeout(600)  # the debounced value reaches the server
    admin.click("#simpan-faq")
    summary = admin.locator("#ringkasan-galat-faq")
    expect(summary).to_contain_text("Pilih kategori.")
    expect(summary).to_contain_text("Jawaban wajib diisi.")
    expect(admin.locator("#galat-faq-answer")).to_have_text("Jawaban wajib diisi.")
    expect(admin.locator("#faq-question")).to_have_value(question)  # nothing typed is lost
    shots(admin, "galat")

    admin.select_option("#faq-category_id", label="Dokumen")
    admin.fill("#faq-answer", f"Unggah ulang berkas tersebut. Kode uji: **{word}**. Lihat juga [Lacak](/lacak).")
    admin.wait_for_timeout(700)
    expect(admin.locator("#galat-faq-answer")).to_have_count(0)
    admin.click("#pratinjau-faq-tombol")
    expect(admin.locator("#pratinjau-faq strong")).to_have_text(word)
    admin.click("#simpan-faq")
    expect(admin.locator("#form-faq")).to_have_count(0)
    row = admin.locator("#admin-daftar-faq .baris-faq").filter(has_text=question)
    expect(row).to_contain_text("Terbit")
    shots(admin, "tersimpan")

    visitor = new_context(browser, "phone").new_page()
    visitor.goto(server.url + "/faq")
    wait_hydrated(visitor)
    visitor.fill("#cari-faq", word)
    hit = visitor.locator("#daftar-faq .faq-item")
    expect(hit).to_have_count(1)
    expect(hit).to_contain_text(question)
    expect(hit.locator(".md-body strong")).to_have_text(word)
    Shots("faq-pengunjung")(visitor, "menemukan-entri-baru")

    # Hidden again by the admin: the visitor no longer finds it.
    row.locator(".tombol-terbit").click()
    expect(row).to_contain_text("Disembunyikan")
    visitor.reload()
    wait_hydrated(visitor)
    visitor.fill("#cari-faq", word)
    expect(visitor.locator("#faq-kosong")).to_be_visible()


def test_admin_writes_an_informasi_page_and_a_visitor_reads_it(server, browser) -> None:
    shots = Shots("informasi-admin")
    title = f"Jadwal konsultasi {uuid.uuid4().hex[:6]}"
    admin = new_context(browser, "phone").new_page()
    login(admin, server.url, "admin@sikerja.test")
    admin.goto(server.url + "/admin/faq")
    wait_hydrated(admin)
    admin.click("#tambah-faq")
    expect(admin.locator("#form-faq")).to_be_visible()
    _no_sideways_scroll(admin)
    assert admin.evaluate(_SMALL_TARGETS) == []
    shots(admin, "kelola-faq-ponsel")
    admin.goto(server.url + "/admin/informasi")
    wait_hydrated(admin)
    admin.click("#tambah-halaman")
    expect(admin.locator("#form-informasi")).to_be_visible()
    _no_sideways_scroll(admin)
    assert admin.evaluate(_SMALL_TARGETS) == []
    admin.fill("#info-title", title)
    admin.fill("#info-slug", "kontak")  # taken by a seeded page
    admin.fill("#info-body", "## Konsultasi\n\nSetiap **Selasa** pukul 09.00.")
    admin.wait_for_timeout(700)
    admin.click("#simpan-informasi")
    expect(admin.locator("#galat-info-slug")).to_have_text("Alamat halaman ini sudah dipakai halaman lain.")
    expect(admin.locator("#info-title")).to_have_value(title)
    expect(admin.locator("#info-body")).to_have_value("## Konsultasi\n\nSetiap **Selasa** pukul 09.00.")
    shots(admin, "galat-alamat")
    admin.fill("#info-slug", "")
    admin.wait_for_timeout(600)
    admin.click("#simpan-informasi")
    rows = admin.locator("#admin-daftar-informasi .baris-informasi")
    row = rows.filter(has_text=title)
    expect(row).to_contain_text("Terbit")
    # Move it to the top: it becomes the first card visitors see.
    for _ in range(rows.count()):
        if rows.first.filter(has_text=title).count():
            break
        row.get_by_role("button", name="Naikkan halaman").click()
        admin.wait_for_timeout(300)
    expect(rows.first).to_contain_text(title)
    shots(admin, "daftar")

    visitor = new_context(browser, "desktop").new_page()
    visitor.goto(server.url + "/informasi")
    wait_hydrated(visitor)
    expect(visitor.locator("#daftar-informasi a").first).to_contain_text(title)
    visitor.locator("#daftar-informasi a").first.click()
    wait_hydrated(visitor)
    expect(visitor.locator("#isi-halaman h2")).to_have_text("Konsultasi")
    expect(visitor.locator("#isi-halaman strong")).to_have_text("Selasa")


HOSTILE = (
    "Awal teks aman.\n\n"
    "<script>window.__xss = 'script'</script>\n\n"
    "<img src=x onerror=\"window.__xss='img'\">\n\n"
    "<a href=\"#\" onclick=\"window.__xss='onclick'\" id=\"klik-jahat\">klik</a>\n\n"
    "<iframe src=\"javascript:window.parent.__xss='iframe'\"></iframe>\n\n"
    "<svg onload=\"window.__xss='svg'\"></svg>\n\n"
    "[tautan jahat](javascript:window.__xss='link')\n\n"
    "<details open ontoggle=\"window.__xss='toggle'\">x</details>\n\n"
    "Akhir teks aman."
)

ARRANGE_HOSTILE = """
from sqlmodel import select
from sikerja_app.db import session_scope
from sikerja_app.models import FaqCategory
from sikerja_app.services import content
from sikerja_app.services.seed import demo_user
admin = demo_user('admin')
with session_scope() as s:
    cat = s.exec(select(FaqCategory).where(FaqCategory.name == 'Umum')).one().id
body = {body!r}
content.save_page(admin, None, content.PageForm('Halaman uji skrip {tag}', 'uji-skrip-{tag}', '', body, True))
content.save_faq(admin, None, content.FaqForm(str(cat), 'Pertanyaan uji skrip {tag}?', body, True))
"""

_DOM_CHECK = """(sel) => {
  const bad = [];
  const roots = [...document.querySelectorAll(sel)];
  if (!roots.length) bad.push('no ' + sel);
  for (const el of roots.flatMap(r => [...r.querySelectorAll('*')])) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'img', 'svg', 'object', 'embed', 'details', 'style'].includes(tag)) bad.push(tag);
    for (const a of el.attributes) {
      if (a.name.startsWith('on')) bad.push(tag + '@' + a.name);
      if (['href', 'src', 'action', 'formaction'].includes(a.name) &&
          /^\\s*(javascript|data|vbscript):/i.test(a.value)) bad.push(tag + '@' + a.name + '=' + a.value);
    }
  }
  return bad;
}"""


@pytest.mark.parametrize("kind", ["phone", "desktop"])
def test_hostile_markdown_runs_nothing_in_the_browser(server, browser, kind: str) -> None:
    tag = uuid.uuid4().hex[:6]
    run_in_server_db(server, ARRANGE_HOSTILE.format(body=HOSTILE, tag=tag))
    shots = Shots(f"markdown-aman-{kind}")
    page = new_context(browser, kind).new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    page.goto(f"{server.url}/informasi/uji-skrip-{tag}")
    wait_hydrated(page)
    body = page.locator("#isi-halaman")
    expect(body).to_contain_text("Akhir teks aman.")
    expect(body).to_contain_text("<script>")  # shown as text
    assert page.evaluate(_DOM_CHECK, "#isi-halaman") == []
    expect(body).to_contain_text("[tautan jahat](javascript:")  # not a link: left as text
    page.wait_for_timeout(300)
    shots(page, "halaman")

    page.goto(f"{server.url}/faq")
    wait_hydrated(page)
    page.fill("#cari-faq", f"skrip {tag}")
    item = page.locator("#daftar-faq .faq-item")
    expect(item).to_have_count(1)
    expect(item.locator(".md-body")).to_contain_text("Akhir teks aman.")
    assert page.evaluate(_DOM_CHECK, "#daftar-faq .md-body") == []
    page.wait_for_timeout(300)
    shots(page, "faq")
    assert page.evaluate("window.__xss") is None
    assert dialogs == []


def test_admin_pages_send_everyone_else_away(server, browser) -> None:
    anon = new_context(browser, "phone").new_page()
    for path in ("/admin/informasi", "/admin/faq"):
        anon.goto(server.url + path)
        expect(anon).to_have_url(re.compile(r"/masuk/?\?lanjut=%2Fadmin%2F"))
    applicant = new_context(browser, "phone").new_page()
    login(applicant, server.url, "pemohon1@sikerja.test")
    for path in ("/admin/informasi", "/admin/faq"):
        applicant.goto(server.url + path)
        expect(applicant).to_have_url(re.compile(r"/pengajuan/?$"))
    # And the public pages offer them no way in.
    applicant.goto(server.url + "/faq")
    wait_hydrated(applicant)
    expect(applicant.locator("#kelola-faq")).to_have_count(0)
