"""Informasi, templates and FAQ (issue 5): seeding, permissions, safe Markdown, search, DOCX."""

import io
import os
import uuid
import zipfile
from collections.abc import Iterator
from html.parser import HTMLParser

import docx
import pytest
from sqlmodel import func, select
from starlette.testclient import TestClient

from sikerja_app import config
from sikerja_app.api.app import build_api
from sikerja_app.db import session_scope
from sikerja_app.domain import filetypes, konten_awal
from sikerja_app.domain.markdown import plain_text, render_markdown
from sikerja_app.domain.templates import KINDS
from sikerja_app.models import AuditLog, FaqCategory, FaqEntry, InfoDocument, InfoPage
from sikerja_app.services import content as svc
from sikerja_app.services import seed, templates
from sikerja_app.services.errors import Forbidden, NotFound, ServiceError
from sikerja_app.services.seed import demo_user

pytestmark = pytest.mark.usefixtures("db")


def unique(prefix: str = "u") -> str:
    return f"{prefix}{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module", autouse=True)
def seeded(db) -> None:  # noqa: ANN001 - fixture
    seed.seed_content()


@pytest.fixture(scope="module")
def admin():  # noqa: ANN201
    return demo_user("admin")


@pytest.fixture(scope="module")
def outsiders() -> dict:
    return {key: demo_user(key) for key in ("pemohon1", "tkksd", "protokol", "opd")}


def _counts() -> dict[str, int]:
    with session_scope() as s:
        return {m.__name__: s.exec(select(func.count()).select_from(m)).one()
                for m in (InfoPage, InfoDocument, FaqCategory, FaqEntry)}


def _snapshot() -> list:
    with session_scope() as s:
        return [sorted((r.model_dump() for r in s.exec(select(m))), key=lambda d: d["id"])
                for m in (InfoPage, InfoDocument, FaqCategory, FaqEntry)]


# ------------------------------------------------------------------ seeding


def test_initial_content_is_complete_and_seeding_twice_adds_nothing() -> None:
    counts = _counts()
    assert counts["InfoPage"] >= 6
    assert counts["InfoDocument"] == len(KINDS) == 4
    assert counts["FaqEntry"] >= 15
    assert seed.seed_content() == {"halaman": 0, "templat": 0, "kategori": 0, "faq": 0}
    assert _counts() == counts


def test_seed_does_not_bring_back_a_page_an_admin_renamed(admin) -> None:  # noqa: ANN001
    with session_scope() as s:
        page = s.exec(select(InfoPage).where(InfoPage.seed_key == "kontak")).one()
        page_id = page.id
    form = svc.admin_page_form(admin, page_id)
    form.slug = "hubungi-kami"
    svc.save_page(admin, page_id, form)
    try:
        before = _counts()
        seed.seed_content()
        assert _counts() == before
        assert svc.get_page("kontak") is None and svc.get_page("hubungi-kami") is not None
    finally:
        form.slug = "kontak"
        svc.save_page(admin, page_id, form)


def test_seeded_content_covers_what_a_first_time_applicant_needs() -> None:
    text = " ".join(svc.get_page(p.slug).html for p in svc.list_pages())  # type: ignore[union-attr]
    for phrase in ("Nomor 28 Tahun 2018", "Nomor 22 Tahun 2020", "KSDD wajib",
                   "KSDD sukarela", "pihak ketiga", "Nota Kesepakatan", "rencana aksi", "luar negeri",
                   "Peraturan Wali Kota Samarinda tentang fasilitasi kerja sama daerah", "studi kelayakan",
                   "Surat Penawaran", "Kesepakatan Bersama", "Perjanjian Kerja Sama", "PPKSD-2", "Penjadwalan",
                   "meja ke meja", "Bagian Kerja Sama Sekretariat Daerah Kota Samarinda"):
        assert phrase in text, phrase
    questions = " ".join(r.question.lower() for r in svc.search_faq(""))
    for topic in ("siapa", "berapa lama", "dokumen apa", "ppksd-1 dan ppksd-2", "ditolak", "perkembangan",
                  "penandatanganan", "memperpanjang"):
        assert topic in questions, topic


def test_region_rules_and_contact_come_from_configuration(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setenv("SIKERJA_REGION_NAME", "Kabupaten Contoh")
    monkeypatch.setenv("SIKERJA_REGION_SHORT", "Contoh")
    monkeypatch.setenv("SIKERJA_REGION_RULES", "Peraturan Bupati Contoh tentang kerja sama; Peraturan Daerah X")
    monkeypatch.setenv("SIKERJA_REGION_HEAD", "Bupati Contoh")
    monkeypatch.setenv("SIKERJA_CONTACT_PHONE", "(0541) 111-222")
    monkeypatch.setenv("SIKERJA_CONTACT_EMAIL", "kerjasama@contoh.go.id")
    config.get_settings.cache_clear()
    try:
        k = svc.konteks()
        assert k.aturan_daerah == ("Peraturan Bupati Contoh tentang kerja sama", "Peraturan Daerah X")
        pages = {p.key: p for p in konten_awal.pages(k)}
        assert "- Peraturan Bupati Contoh tentang kerja sama\n- Peraturan Daerah X" in pages["dasar-hukum"].body
        assert "Samarinda" not in " ".join(p.body for p in pages.values())
        kontak = render_markdown(pages["kontak"].body)
        assert 'href="tel:(0541)111222"' not in kontak and 'href="tel:0541111222"' in kontak
        assert 'href="mailto:kerjasama@contoh.go.id"' in kontak
        tpl = templates.build_docx(templates.all_templates()["surat-penawaran"], "Kabupaten Contoh")
        body = "\n".join(p.text for p in docx.Document(io.BytesIO(tpl)).paragraphs)
        assert "Yth. Bupati Contoh" in body and "Pemerintah Kabupaten Contoh" in body
    finally:
        monkeypatch.undo()
        config.get_settings.cache_clear()


# ------------------------------------------------------------------ permissions


def _admin_calls(page_id: int, doc_id: int, entry_id: int, cat_id: int) -> dict:
    return {
        "admin_pages": lambda u: svc.admin_pages(u),
        "admin_page_form": lambda u: svc.admin_page_form(u, page_id),
        "save_page(baru)": lambda u: svc.save_page(u, None, svc.PageForm("Judul sisipan", "", "", "Isi", True)),
        "save_page(ubah)": lambda u: svc.save_page(u, page_id, svc.PageForm("Diubah", "diubah", "", "Isi", True)),
        "set_page_published": lambda u: svc.set_page_published(u, page_id, False),
        "move_page": lambda u: svc.move_page(u, page_id, 1),
        "admin_documents": lambda u: svc.admin_documents(u),
        "set_document_published": lambda u: svc.set_document_published(u, doc_id, False),
        "move_document": lambda u: svc.move_document(u, doc_id, 1),
        "admin_faq": lambda u: svc.admin_faq(u),
        "admin_faq_form": lambda u: svc.admin_faq_form(u, entry_id),
        "save_faq(baru)": lambda u: svc.save_faq(u, None, svc.FaqForm(str(cat_id), "Sisipan?", "Jawab", True)),
        "save_faq(ubah)": lambda u: svc.save_faq(u, entry_id, svc.FaqForm(str(cat_id), "Diubah?", "Jawab", True)),
        "set_faq_published": lambda u: svc.set_faq_published(u, entry_id, False),
        "move_faq": lambda u: svc.move_faq(u, entry_id, 1),
        "save_category(baru)": lambda u: svc.save_category(u, None, "Kategori sisipan"),
        "save_category(ubah)": lambda u: svc.save_category(u, cat_id, "Diubah"),
        "move_category": lambda u: svc.move_category(u, cat_id, 1),
        "preview": lambda u: svc.preview(u, "**x**"),
    }


def test_everyone_but_admins_is_refused_every_change_and_every_admin_read(outsiders) -> None:  # noqa: ANN001
    with session_scope() as s:
        page_id = s.exec(select(InfoPage.id)).first()
        doc_id = s.exec(select(InfoDocument.id)).first()
        entry_id = s.exec(select(FaqEntry.id)).first()
        cat_id = s.exec(select(FaqCategory.id)).first()
        refusals_before = s.exec(select(func.count()).select_from(AuditLog)
                                 .where(AuditLog.action == "AKSES_DITOLAK", AuditLog.target_type == "konten")).one()
    before = _snapshot()
    calls = _admin_calls(page_id, doc_id, entry_id, cat_id)
    actors = [*outsiders.values(), None]
    for name, call in calls.items():
        for actor in actors:
            with pytest.raises(Forbidden):
                call(actor)
            assert _snapshot() == before, f"{name} by {actor and actor.role} changed data"
    with session_scope() as s:
        refusals = s.exec(select(func.count()).select_from(AuditLog)
                          .where(AuditLog.action == "AKSES_DITOLAK", AuditLog.target_type == "konten")).one()
    assert refusals - refusals_before == len(calls) * len(actors)


def test_admin_creates_edits_hides_and_reorders_a_page(admin) -> None:  # noqa: ANN001
    title = f"Panduan Uji {unique()}"
    page_id = svc.save_page(admin, None, svc.PageForm(title, "", "Ringkas.", "## Bagian\n\nIsi **tebal**.", True))
    slug = svc.slugify(title)
    view = svc.get_page(slug)
    assert view is not None and "<strong>tebal</strong>" in view.html and "<h2>Bagian</h2>" in view.html
    assert slug in [p.slug for p in svc.list_pages()]
    ordered = [p.id for p in svc.admin_pages(admin)]
    assert ordered[-1] == page_id
    svc.move_page(admin, page_id, -1)
    assert [p.id for p in svc.admin_pages(admin)].index(page_id) == len(ordered) - 2
    svc.move_page(admin, page_id, 1)
    svc.move_page(admin, page_id, 1)  # already last: stays last
    assert [p.id for p in svc.admin_pages(admin)][-1] == page_id
    svc.set_page_published(admin, page_id, False)
    assert svc.get_page(slug) is None and slug not in [p.slug for p in svc.list_pages()]
    assert slug in [p.slug for p in svc.admin_pages(admin)]
    with session_scope() as s:
        actions = set(s.exec(select(AuditLog.action).where(AuditLog.target_type == "infopage",
                                                          AuditLog.target_id == str(page_id))))
    assert {"INFO_BUAT", "INFO_URUT", "KONTEN_SEMBUNYI"} <= actions


def test_page_form_errors_are_per_field_and_in_indonesian(admin) -> None:  # noqa: ANN001
    with pytest.raises(ServiceError) as exc:
        svc.save_page(admin, None, svc.PageForm("", "Bukan Slug!", "x" * 400, "", True))
    assert exc.value.errors == {
        "title": "Judul wajib diisi.",
        "slug": "Alamat halaman hanya boleh berisi huruf kecil, angka dan tanda hubung, misalnya jenis-kerja-sama.",
        "summary": "Ringkasan paling banyak 300 karakter.",
        "body": "Isi halaman wajib diisi.",
    }
    with pytest.raises(ServiceError) as exc:
        svc.save_page(admin, None, svc.PageForm("Kontak lain", "kontak", "", "Isi", True))
    assert exc.value.errors == {"slug": "Alamat halaman ini sudah dipakai halaman lain."}
    with pytest.raises(ServiceError) as exc:
        svc.save_page(admin, None, svc.PageForm("Templat", "templat", "", "Isi", True))
    assert "dipakai sistem" in exc.value.errors["slug"]
    with pytest.raises(NotFound):
        svc.save_page(admin, 99_999_999, svc.PageForm("Judul", "judul", "", "Isi", True))
    with pytest.raises(NotFound):
        svc.move_page(admin, "1; drop table", 1)  # type: ignore[arg-type]


def test_faq_form_errors_and_category_rules(admin) -> None:  # noqa: ANN001
    with pytest.raises(ServiceError) as exc:
        svc.save_faq(admin, None, svc.FaqForm("999999", "  ", "", True))
    assert exc.value.errors == {"category_id": "Pilih kategori.", "question": "Pertanyaan wajib diisi.",
                                "answer": "Jawaban wajib diisi."}
    with pytest.raises(ServiceError) as exc:
        svc.save_category(admin, None, "umum")
    assert exc.value.errors == {"name": "Kategori dengan nama ini sudah ada."}
    name = f"Kategori {unique()}"
    cat_id = svc.save_category(admin, None, name)
    assert svc.admin_faq(admin).categories[-1] == (cat_id, name)
    svc.move_category(admin, cat_id, -1)
    assert svc.admin_faq(admin).categories[-2] == (cat_id, name)
    # a category without published entries is not offered to visitors
    assert cat_id not in [c[0] for c in svc.faq_categories()]


# ------------------------------------------------------------------ Markdown


HOSTILE = """# Judul

<script>alert('skrip')</script>
<SCRIPT SRC=https://jahat.example/x.js></SCRIPT>
<iframe src="https://jahat.example"></iframe>
<img src=x onerror="alert('img')">
<a href="https://ok.example" onclick="alert('klik')" onmouseover=alert(1)>tautan</a>
<svg onload=alert(1)><circle /></svg>
<details open ontoggle=alert(1)>x</details>
<style>body{display:none}</style>

[skrip](javascript:alert('link'))
[besar](JAVASCRIPT:alert(1))
[spasi](  javascript:alert(1))
[entitas](&#106;avascript:alert(1))
[tab](java\tscript:alert(1))
[vb](vbscript:msgbox(1))
[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
![gambar](javascript:alert(1))
![gambar2](https://jahat.example/pixel.png)
<javascript:alert(1)>
[ref][r]

[r]: javascript:alert('ref')

| a | b |
|---|---|
| <b onclick=alert(1)>x</b> | [t](javascript:alert(1)) |

[aman](https://kemendagri.go.id) dan [surel](mailto:kerjasama@contoh.go.id) dan [lacak](/lacak)
"""


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attrs.extend((tag, k, v or "") for k, v in attrs)


def _scheme(url: str) -> str:
    cleaned = "".join(c for c in url if c > " ").lower()
    return cleaned.split(":", 1)[0] if ":" in cleaned.split("/", 1)[0] else ""


def assert_harmless(html: str) -> _Collect:
    parsed = _Collect()
    parsed.feed(html)
    assert not {"script", "iframe", "img", "svg", "style", "object", "embed", "form", "details"} & set(parsed.tags)
    for tag, name, value in parsed.attrs:
        assert not name.startswith("on"), (tag, name)
        assert name in {"href", "title", "rel", "start", "style"}, (tag, name)
        if name == "href":
            assert _scheme(value) in {"", "http", "https", "mailto", "tel"}, value
        if name == "style":
            assert value.replace(" ", "") in {"text-align:left", "text-align:right", "text-align:center"}
    return parsed


def test_hostile_markdown_is_rendered_harmless() -> None:
    html = render_markdown(HOSTILE)
    parsed = assert_harmless(html)
    hrefs = [v for t, k, v in parsed.attrs if k == "href"]
    assert "https://kemendagri.go.id" in hrefs and "mailto:kerjasama@contoh.go.id" in hrefs and "/lacak" in hrefs
    assert "&lt;script&gt;alert('skrip')&lt;/script&gt;" in html  # shown as text, not run
    assert all(rel == "noopener noreferrer nofollow" for t, k, rel in parsed.attrs if k == "rel")
    assert "<h1>" not in html  # the page title is the only h1


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>", "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "<p onclick=alert(1)>x</p>", "[x](data:text/html,<script>alert(1)</script>)",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>", "<body onload=alert(1)>",
])
def test_each_hostile_payload_through_the_service_and_back(admin, payload: str) -> None:  # noqa: ANN001
    title = f"Uji XSS {unique()}"
    svc.save_page(admin, None, svc.PageForm(title, "", "", f"Sebelum\n\n{payload}\n\nSesudah", True))
    view = svc.get_page(svc.slugify(title))
    assert view is not None
    assert_harmless(view.html)
    assert "Sebelum" in view.html and "Sesudah" in view.html
    cats = svc.admin_faq(admin).categories
    entry = svc.save_faq(admin, None, svc.FaqForm(str(cats[0][0]), f"XSS {title}?", payload, True))
    found = [r for r in svc.search_faq(title) if r.id == entry]
    assert found and assert_harmless(found[0].html)
    assert_harmless(svc.preview(admin, payload))


def test_plain_text_drops_markdown_syntax_and_link_targets() -> None:
    assert plain_text("**Tebal** dan [tautan](https://x.example/rahasia) `kode`") == "Tebal dan tautan kode"


# ------------------------------------------------------------------ search


def test_search_finds_a_word_only_in_the_answer_case_insensitively() -> None:
    hits = svc.search_faq("MeTerAi")
    questions = [h.question for h in hits]
    assert "Apa yang diperiksa dari salinan bertanda tangan?" in questions  # "meterai" only in its answer
    assert all("meterai" in (h.question + plain_text(h.html)).lower() for h in hits)


def test_every_word_must_match_and_question_matches_come_first(admin) -> None:  # noqa: ANN001
    hits = svc.search_faq("ppksd-2 instansi")
    assert hits and all("ppksd-2" in (h.question + h.html).lower() and "instansi" in (h.question + h.html).lower()
                        for h in hits)
    assert hits[0].question.lower().count("ppksd-2") >= 1
    assert svc.search_faq("ppksd-2 zzzkatatakada") == []


def test_search_ignores_link_targets_and_markup() -> None:
    # "https" appears nowhere in a seeded answer as text; only Markdown link targets could contain it
    assert svc.search_faq("https") == []
    assert svc.search_faq("**") == []


def test_category_filter_and_unpublished_entries(admin) -> None:  # noqa: ANN001
    cats = {name: cid for cid, name, _ in svc.faq_categories()}
    only = svc.search_faq("", cats["Penandatanganan"])
    assert only and {h.category for h in only} == {"Penandatanganan"}
    word = unique("kataunik")
    entry = svc.save_faq(admin, None, svc.FaqForm(str(cats["Umum"]), "Pertanyaan tersembunyi?",
                                                  f"Jawaban memuat {word}.", False))
    assert svc.search_faq(word) == []
    svc.set_faq_published(admin, entry, True)
    assert [h.id for h in svc.search_faq(word.upper())] == [entry]
    assert svc.search_faq(word, cats["Penandatanganan"]) == []


def test_move_faq_stays_within_its_category(admin) -> None:  # noqa: ANN001
    cats = {name: cid for cid, name, _ in svc.faq_categories()}
    before = [h.id for h in svc.search_faq("", cats["Umum"])]
    svc.move_faq(admin, before[1], -1)
    after = [h.id for h in svc.search_faq("", cats["Umum"])]
    assert after[:2] == [before[1], before[0]] and sorted(after) == sorted(before)
    svc.move_faq(admin, before[0], -1)
    assert [h.id for h in svc.search_faq("", cats["Umum"])] == before


# ------------------------------------------------------------------ templates


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(build_api()) as c:
        yield c


@pytest.mark.parametrize("kind", KINDS)
def test_each_template_downloads_as_a_valid_docx(client: TestClient, kind: str) -> None:
    r = client.get(f"/informasi/templat/{kind}.docx")
    assert r.status_code == 200
    assert r.headers["content-type"] == templates.DOCX_MIME
    assert r.headers["content-disposition"].startswith("attachment; filename=\"Templat-")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert filetypes.detect_type(r.content) == filetypes.DOCX
    with zipfile.ZipFile(io.BytesIO(r.content)) as z:
        assert z.testzip() is None and "word/document.xml" in z.namelist()
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(r.content)).paragraphs)
    assert "Samarinda" in text and "[" in text


def test_unknown_or_hidden_templates_are_not_served(client: TestClient, admin) -> None:  # noqa: ANN001
    for path in ("/informasi/templat/rahasia.docx", "/informasi/templat/..%2F..%2Fetc%2Fpasswd.docx",
                 "/informasi/templat/SURAT-PENAWARAN.docx"):
        assert client.get(path).status_code == 404, path
    doc = next(d for d in svc.admin_documents(admin) if d.kind == "studi-kelayakan")
    svc.set_document_published(admin, doc.id, False)
    try:
        assert client.get("/informasi/templat/studi-kelayakan.docx").status_code == 404
        assert "studi-kelayakan" not in [d.kind for d in svc.list_documents()]
    finally:
        svc.set_document_published(admin, doc.id, True)
    assert client.get("/informasi/templat/studi-kelayakan.docx").status_code == 200


def test_setup_loads_the_content_without_demo_data_and_twice_adds_nothing(tmp_path) -> None:  # noqa: ANN001
    import sqlite3
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "SIKERJA_DATA_DIR": str(tmp_path), "SIKERJA_DEMO_DATA": "0"}
    env.pop("SIKERJA_DATABASE_URL", None)

    def setup() -> dict[str, int]:
        out = subprocess.run([sys.executable, "-m", "sikerja_app.cli", "setup"], cwd=root, env=env,
                             capture_output=True, text=True, timeout=180)
        assert out.returncode == 0, out.stderr
        with sqlite3.connect(tmp_path / "sikerja.db") as conn:
            return {t: conn.execute(f"select count(*) from {t}").fetchone()[0]  # noqa: S608 - fixed names
                    for t in ("infopage", "infodocument", "faqcategory", "faqentry", "user")}

    first = setup()
    assert first["user"] == 0 and first["infopage"] >= 6 and first["infodocument"] == 4 and first["faqentry"] >= 15
    assert setup() == first
