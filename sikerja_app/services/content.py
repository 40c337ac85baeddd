"""Informasi pages, downloadable templates and the FAQ (DESIGN §5, issue 5).

Reading published content needs no account. Every change takes the acting user and is
refused unless that user is an admin (the refusal is written to the audit log); each change
writes its own audit row. Markdown is stored as typed and rendered to sanitized HTML when
shown (domain/markdown.py).
"""

import re
import unicodedata
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import func
from sqlmodel import Session, SQLModel, select

from ..config import get_settings
from ..db import session_scope
from ..domain import konten_awal
from ..domain import validation as v
from ..domain.dates import format_date, utcnow
from ..domain.markdown import plain_text, render_markdown
from ..domain.templates import KINDS
from ..models import FaqCategory, FaqEntry, InfoDocument, InfoPage
from . import audit
from .auth import CurrentUser
from .errors import Forbidden, NotFound, ServiceError
from .templates import all_templates

MAX_TITLE = 200
MAX_SLUG = 80
MAX_SUMMARY = 300
MAX_BODY = 50_000
MAX_QUESTION = 300
MAX_ANSWER = 20_000
MAX_CATEGORY = 80
MAX_QUERY_WORDS = 8
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
RESERVED_SLUGS = frozenset({"templat", "baru", "admin"})

T = TypeVar("T", bound=SQLModel)


def template_url(kind: str) -> str:
    return f"/informasi/templat/{kind}.docx"


def page_url(slug: str) -> str:
    return f"/informasi/{slug}"


# ------------------------------------------------------------------ permission


def _admin(actor: CurrentUser | None, ip: str, what: str) -> CurrentUser:
    """The actor if an admin; otherwise an audit row and Forbidden."""
    if actor is None or actor.role != "ADMIN":
        with session_scope() as log_s:
            audit.record(log_s, "AKSES_DITOLAK", actor.id if actor else None, "konten", "", ip, what)
        raise Forbidden()
    return actor


# ------------------------------------------------------------------ public reads


@dataclass(frozen=True)
class PageSummary:
    id: int
    slug: str
    title: str
    summary: str
    published: bool


@dataclass(frozen=True)
class PageView:
    slug: str
    title: str
    html: str
    updated: str
    prev_slug: str = ""
    prev_title: str = ""
    next_slug: str = ""
    next_title: str = ""


@dataclass(frozen=True)
class DocumentView:
    id: int
    kind: str
    title: str
    description: str
    url: str
    published: bool


def _ordered_pages(s: Session, published_only: bool) -> list[InfoPage]:
    q = select(InfoPage).order_by(InfoPage.position, InfoPage.id)
    if published_only:
        q = q.where(InfoPage.published == True)  # noqa: E712 - SQL expression
    return list(s.exec(q))


def list_pages() -> list[PageSummary]:
    """Published pages in their order."""
    with session_scope() as s:
        return [PageSummary(p.id or 0, p.slug, p.title, p.summary, p.published) for p in _ordered_pages(s, True)]


def get_page(slug: str) -> PageView | None:
    """A published page by its slug, with its neighbours for prev/next links; None if absent."""
    slug = (slug or "").strip().lower()[:MAX_SLUG]
    with session_scope() as s:
        pages = _ordered_pages(s, True)
        for i, p in enumerate(pages):
            if p.slug == slug:
                prev = pages[i - 1] if i > 0 else None
                nxt = pages[i + 1] if i + 1 < len(pages) else None
                return PageView(
                    slug=p.slug, title=p.title, html=render_markdown(p.body_markdown),
                    updated=format_date(p.updated_at, get_settings().timezone),
                    prev_slug=prev.slug if prev else "", prev_title=prev.title if prev else "",
                    next_slug=nxt.slug if nxt else "", next_title=nxt.title if nxt else "",
                )
    return None


def _document_view(d: InfoDocument) -> DocumentView:
    return DocumentView(d.id or 0, d.kind, d.title, d.description, template_url(d.kind), d.published)


def list_documents() -> list[DocumentView]:
    with session_scope() as s:
        rows = s.exec(select(InfoDocument).where(InfoDocument.published == True)  # noqa: E712
                      .order_by(InfoDocument.position, InfoDocument.id))
        return [_document_view(d) for d in rows if d.kind in KINDS]


def document_published(kind: str) -> bool:
    """Whether the template ``kind`` may be downloaded (it exists and an admin has not hidden it)."""
    if kind not in KINDS:
        return False
    with session_scope() as s:
        doc = s.exec(select(InfoDocument).where(InfoDocument.kind == kind)).first()
        return bool(doc and doc.published)


@dataclass(frozen=True)
class FaqView:
    id: int
    category_id: int
    category: str
    question: str
    html: str
    published: bool = True


def faq_categories() -> list[tuple[int, str, int]]:
    """(id, name, number of published entries) of the categories that have any, in order."""
    with session_scope() as s:
        rows = s.exec(
            select(FaqCategory.id, FaqCategory.name, func.count(FaqEntry.id))  # type: ignore[arg-type]
            .join(FaqEntry, FaqEntry.category_id == FaqCategory.id)
            .where(FaqEntry.published == True)  # noqa: E712
            .group_by(FaqCategory.id, FaqCategory.name, FaqCategory.position)
            .order_by(FaqCategory.position, FaqCategory.id)
        ).all()
        return [(int(i), str(n), int(c)) for i, n, c in rows]


def query_words(query: str) -> list[str]:
    """The search words: case-folded, at most a few, each at most 50 characters."""
    return [w[:50] for w in (query or "").casefold().split()][:MAX_QUERY_WORDS]


def search_faq(query: str = "", category_id: int | None = None) -> list[FaqView]:
    """Published entries whose question or answer contains every word of ``query``
    (case-insensitive, anywhere in a word), optionally in one category. Entries with more of
    the words in their question come first; otherwise the admins' order is kept.

    The answer is searched as the reader sees it (Markdown syntax and link targets removed).
    """
    words = query_words(query)
    with session_scope() as s:
        q = (select(FaqEntry, FaqCategory)
             .join(FaqCategory, FaqEntry.category_id == FaqCategory.id)
             .where(FaqEntry.published == True)  # noqa: E712
             .order_by(FaqCategory.position, FaqCategory.id, FaqEntry.position, FaqEntry.id))
        if category_id:
            q = q.where(FaqEntry.category_id == category_id)
        rows = s.exec(q).all()
    hits: list[tuple[int, FaqView]] = []
    for entry, cat in rows:
        question = entry.question.casefold()
        haystack = question + "\n" + _answer_text(entry.answer_markdown)
        if all(w in haystack for w in words):
            in_question = sum(w in question for w in words)
            hits.append((-in_question, FaqView(
                entry.id or 0, cat.id or 0, cat.name, entry.question, render_markdown(entry.answer_markdown))))
    hits.sort(key=lambda h: h[0])  # stable: keeps the admins' order within each group
    return [h[1] for h in hits]


def _answer_text(markdown: str) -> str:
    return plain_text(markdown).casefold()


# ------------------------------------------------------------------ validation


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_SLUG].strip("-")


@dataclass
class PageForm:
    title: str = ""
    slug: str = ""
    summary: str = ""
    body: str = ""
    published: bool = False


@dataclass
class FaqForm:
    category_id: str = ""
    question: str = ""
    answer: str = ""
    published: bool = False


def validate_page(f: PageForm) -> dict[str, str]:
    errors = {
        "title": v.check_required(f.title, "Judul") or v.check_max_length(f.title, MAX_TITLE, "Judul"),
        "slug": _check_slug(f.slug),
        "summary": v.check_max_length(f.summary, MAX_SUMMARY, "Ringkasan"),
        "body": v.check_required(f.body, "Isi halaman") or v.check_max_length(f.body, MAX_BODY, "Isi halaman"),
    }
    return {k: m for k, m in errors.items() if m}


def _check_slug(slug: str) -> str:
    if not slug:
        return "Alamat halaman wajib diisi (huruf kecil, angka dan tanda hubung)."
    if len(slug) > MAX_SLUG:
        return f"Alamat halaman paling banyak {MAX_SLUG} karakter."
    if not SLUG_RE.fullmatch(slug):
        return "Alamat halaman hanya boleh berisi huruf kecil, angka dan tanda hubung, misalnya jenis-kerja-sama."
    if slug in RESERVED_SLUGS:
        return "Alamat halaman ini dipakai sistem. Pilih alamat lain."
    return ""


def validate_faq(f: FaqForm, category_ids: set[int]) -> dict[str, str]:
    cat = int(f.category_id) if str(f.category_id).isdigit() else 0
    errors = {
        "category_id": "" if cat in category_ids else "Pilih kategori.",
        "question": v.check_required(f.question, "Pertanyaan")
        or v.check_max_length(f.question, MAX_QUESTION, "Pertanyaan"),
        "answer": v.check_required(f.answer, "Jawaban") or v.check_max_length(f.answer, MAX_ANSWER, "Jawaban"),
    }
    return {k: m for k, m in errors.items() if m}


def _clean_line(text: str) -> str:
    return " ".join((text or "").split())


# ------------------------------------------------------------------ admin: pages


def admin_pages(actor: CurrentUser, ip: str = "") -> list[PageSummary]:
    _admin(actor, ip, "daftar informasi")
    with session_scope() as s:
        return [PageSummary(p.id or 0, p.slug, p.title, p.summary, p.published) for p in _ordered_pages(s, False)]


def admin_page_form(actor: CurrentUser, page_id: int, ip: str = "") -> PageForm:
    _admin(actor, ip, "buka informasi")
    with session_scope() as s:
        p = s.get(InfoPage, page_id) if isinstance(page_id, int) else None
        if p is None:
            raise NotFound()
        return PageForm(p.title, p.slug, p.summary, p.body_markdown, p.published)


def save_page(actor: CurrentUser, page_id: int | None, form: PageForm, ip: str = "") -> int:
    """Create (``page_id`` None) or update a page; returns its id. Field errors in ServiceError."""
    _admin(actor, ip, "simpan informasi")
    f = PageForm(title=_clean_line(form.title), slug=(form.slug or "").strip().lower() or slugify(form.title),
                 summary=_clean_line(form.summary), body=(form.body or "").strip(), published=bool(form.published))
    errors = validate_page(f)
    with session_scope() as s:
        page = None
        if page_id is not None:
            page = s.get(InfoPage, page_id) if isinstance(page_id, int) else None
            if page is None:
                raise NotFound()
        if "slug" not in errors:
            other = s.exec(select(InfoPage.id).where(InfoPage.slug == f.slug)).first()
            if other is not None and other != page_id:
                errors["slug"] = "Alamat halaman ini sudah dipakai halaman lain."
        if errors:
            raise ServiceError("Periksa kembali isian halaman.", errors)
        if page is None:
            page = InfoPage(slug=f.slug, title=f.title, position=_next_position(s, InfoPage))
        page.slug, page.title, page.summary, page.body_markdown = f.slug, f.title, f.summary, f.body
        page.published = f.published
        page.updated_at, page.updated_by = utcnow(), actor.id
        s.add(page)
        s.flush()
        audit.record(s, "INFO_SIMPAN" if page_id else "INFO_BUAT", actor.id, "infopage", page.id, ip, f.slug)
        return page.id or 0


def set_page_published(actor: CurrentUser, page_id: int, published: bool, ip: str = "") -> None:
    _admin(actor, ip, "terbitkan informasi")
    _set_published(InfoPage, page_id, published, actor, ip, "infopage")


def move_page(actor: CurrentUser, page_id: int, delta: int, ip: str = "") -> None:
    _admin(actor, ip, "urutkan informasi")
    with session_scope() as s:
        rows = list(s.exec(select(InfoPage).order_by(InfoPage.position, InfoPage.id)))
        _move(s, rows, page_id, delta)
        audit.record(s, "INFO_URUT", actor.id, "infopage", page_id, ip, f"{delta:+d}")


# ------------------------------------------------------------------ admin: templates


def admin_documents(actor: CurrentUser, ip: str = "") -> list[DocumentView]:
    _admin(actor, ip, "daftar templat")
    with session_scope() as s:
        rows = s.exec(select(InfoDocument).order_by(InfoDocument.position, InfoDocument.id))
        return [_document_view(d) for d in rows if d.kind in KINDS]


def set_document_published(actor: CurrentUser, doc_id: int, published: bool, ip: str = "") -> None:
    _admin(actor, ip, "terbitkan templat")
    _set_published(InfoDocument, doc_id, published, actor, ip, "infodocument")


def move_document(actor: CurrentUser, doc_id: int, delta: int, ip: str = "") -> None:
    _admin(actor, ip, "urutkan templat")
    with session_scope() as s:
        rows = list(s.exec(select(InfoDocument).order_by(InfoDocument.position, InfoDocument.id)))
        _move(s, rows, doc_id, delta)
        audit.record(s, "TEMPLAT_URUT", actor.id, "infodocument", doc_id, ip, f"{delta:+d}")


# ------------------------------------------------------------------ admin: FAQ


@dataclass
class FaqAdminView:
    categories: list[tuple[int, str]] = field(default_factory=list)
    entries: list[FaqView] = field(default_factory=list)


def admin_faq(actor: CurrentUser, category_id: int | None = None, ip: str = "") -> FaqAdminView:
    """Every category and every entry (published or not), optionally of one category."""
    _admin(actor, ip, "daftar FAQ")
    with session_scope() as s:
        cats = list(s.exec(select(FaqCategory).order_by(FaqCategory.position, FaqCategory.id)))
        names = {c.id: c.name for c in cats}
        q = select(FaqEntry).order_by(FaqEntry.position, FaqEntry.id)
        if category_id:
            q = q.where(FaqEntry.category_id == category_id)
        order = {c.id: i for i, c in enumerate(cats)}
        entries = sorted(s.exec(q), key=lambda e: (order.get(e.category_id, 0), e.position, e.id))
        return FaqAdminView(
            categories=[(c.id or 0, c.name) for c in cats],
            entries=[FaqView(e.id or 0, e.category_id, names.get(e.category_id, ""), e.question, "", e.published)
                     for e in entries],
        )


def admin_faq_form(actor: CurrentUser, entry_id: int, ip: str = "") -> FaqForm:
    _admin(actor, ip, "buka FAQ")
    with session_scope() as s:
        e = s.get(FaqEntry, entry_id) if isinstance(entry_id, int) else None
        if e is None:
            raise NotFound()
        return FaqForm(str(e.category_id), e.question, e.answer_markdown, e.published)


def save_faq(actor: CurrentUser, entry_id: int | None, form: FaqForm, ip: str = "") -> int:
    _admin(actor, ip, "simpan FAQ")
    f = FaqForm(category_id=str(form.category_id or "").strip(), question=_clean_line(form.question),
                answer=(form.answer or "").strip(), published=bool(form.published))
    with session_scope() as s:
        category_ids = {int(i) for i in s.exec(select(FaqCategory.id))}
        errors = validate_faq(f, category_ids)
        entry = None
        if entry_id is not None:
            entry = s.get(FaqEntry, entry_id) if isinstance(entry_id, int) else None
            if entry is None:
                raise NotFound()
        if errors:
            raise ServiceError("Periksa kembali isian FAQ.", errors)
        cat = int(f.category_id)
        if entry is None:
            entry = FaqEntry(category_id=cat, question=f.question, position=_next_position(
                s, FaqEntry, FaqEntry.category_id == cat))
        elif entry.category_id != cat:
            entry.position = _next_position(s, FaqEntry, FaqEntry.category_id == cat)
        entry.category_id, entry.question, entry.answer_markdown = cat, f.question, f.answer
        entry.published = f.published
        entry.updated_at, entry.updated_by = utcnow(), actor.id
        s.add(entry)
        s.flush()
        audit.record(s, "FAQ_SIMPAN" if entry_id else "FAQ_BUAT", actor.id, "faqentry", entry.id, ip)
        return entry.id or 0


def set_faq_published(actor: CurrentUser, entry_id: int, published: bool, ip: str = "") -> None:
    _admin(actor, ip, "terbitkan FAQ")
    _set_published(FaqEntry, entry_id, published, actor, ip, "faqentry")


def move_faq(actor: CurrentUser, entry_id: int, delta: int, ip: str = "") -> None:
    """Up or down within its category."""
    _admin(actor, ip, "urutkan FAQ")
    with session_scope() as s:
        entry = s.get(FaqEntry, entry_id) if isinstance(entry_id, int) else None
        if entry is None:
            raise NotFound()
        rows = list(s.exec(select(FaqEntry).where(FaqEntry.category_id == entry.category_id)
                           .order_by(FaqEntry.position, FaqEntry.id)))
        _move(s, rows, entry_id, delta)
        audit.record(s, "FAQ_URUT", actor.id, "faqentry", entry_id, ip, f"{delta:+d}")


def save_category(actor: CurrentUser, category_id: int | None, name: str, ip: str = "") -> int:
    _admin(actor, ip, "simpan kategori FAQ")
    name = _clean_line(name)
    error = v.check_required(name, "Nama kategori") or v.check_max_length(name, MAX_CATEGORY, "Nama kategori")
    with session_scope() as s:
        cat = None
        if category_id is not None:
            cat = s.get(FaqCategory, category_id) if isinstance(category_id, int) else None
            if cat is None:
                raise NotFound()
        if not error:
            other = s.exec(select(FaqCategory.id).where(func.lower(FaqCategory.name) == name.lower())).first()
            if other is not None and other != category_id:
                error = "Kategori dengan nama ini sudah ada."
        if error:
            raise ServiceError(error, {"name": error})
        if cat is None:
            cat = FaqCategory(name=name, position=_next_position(s, FaqCategory))
        cat.name = name
        s.add(cat)
        s.flush()
        audit.record(s, "FAQ_KATEGORI", actor.id, "faqcategory", cat.id, ip, name)
        return cat.id or 0


def move_category(actor: CurrentUser, category_id: int, delta: int, ip: str = "") -> None:
    _admin(actor, ip, "urutkan kategori FAQ")
    with session_scope() as s:
        rows = list(s.exec(select(FaqCategory).order_by(FaqCategory.position, FaqCategory.id)))
        _move(s, rows, category_id, delta)
        audit.record(s, "FAQ_KATEGORI_URUT", actor.id, "faqcategory", category_id, ip, f"{delta:+d}")


def preview(actor: CurrentUser, markdown: str, ip: str = "") -> str:
    """The sanitized HTML of text an admin is writing (Pratinjau)."""
    _admin(actor, ip, "pratinjau")
    return render_markdown((markdown or "")[:MAX_BODY])


# ------------------------------------------------------------------ helpers


def _next_position(s: Session, model: type[SQLModel], *where: object) -> int:
    q = select(func.max(model.position))  # type: ignore[attr-defined]
    for cond in where:
        q = q.where(cond)  # type: ignore[arg-type]
    top = s.exec(q).one()
    return (top if top is not None else -1) + 1


def _move(s: Session, rows: list[T], row_id: int, delta: int) -> None:
    """Move ``row_id`` one place up (delta < 0) or down among ``rows`` and renumber them 0..n."""
    ids = [r.id for r in rows]  # type: ignore[attr-defined]
    if not isinstance(row_id, int) or row_id not in ids:
        raise NotFound()
    i = ids.index(row_id)
    j = i + (1 if delta > 0 else -1)
    if 0 <= j < len(rows):
        rows[i], rows[j] = rows[j], rows[i]
    for pos, r in enumerate(rows):
        if r.position != pos:  # type: ignore[attr-defined]
            r.position = pos  # type: ignore[attr-defined]
            s.add(r)


def _set_published(model: type[SQLModel], row_id: int, published: bool, actor: CurrentUser, ip: str,
                   target: str) -> None:
    with session_scope() as s:
        row = s.get(model, row_id) if isinstance(row_id, int) else None
        if row is None:
            raise NotFound()
        row.published = bool(published)  # type: ignore[attr-defined]
        row.updated_at, row.updated_by = utcnow(), actor.id  # type: ignore[attr-defined]
        s.add(row)
        audit.record(s, "KONTEN_TERBIT" if published else "KONTEN_SEMBUNYI", actor.id, target, row_id, ip)


# ------------------------------------------------------------------ initial content


def konteks() -> konten_awal.Konteks:
    st = get_settings()
    rules = tuple(r.strip() for r in st.region_rules.split(";") if r.strip())
    return konten_awal.Konteks(
        wilayah=st.region_name, provinsi=st.province_name, kepala=st.region_head, aturan_daerah=rules,
        unit=st.contact_unit, alamat=st.contact_address, telepon=st.contact_phone, email=st.contact_email,
        jam_layanan=st.contact_hours, hari_pengingat=st.reminder_workdays, batas_unggah_mb=st.max_upload_mb,
    )


def load_initial_content(s: Session) -> dict[str, int]:
    """Insert the shipped pages, templates, categories and FAQ entries that are missing, by their
    seed key (idempotent). Rows admins have edited, hidden or renamed are left as they are."""
    k = konteks()
    counts = {"halaman": 0, "templat": 0, "kategori": 0, "faq": 0}
    now = utcnow()
    have_pages = set(s.exec(select(InfoPage.seed_key).where(InfoPage.seed_key != None)))  # noqa: E711
    taken_slugs = set(s.exec(select(InfoPage.slug)))
    pos = _next_position(s, InfoPage)
    for sp in konten_awal.pages(k):
        if sp.key in have_pages or sp.slug in taken_slugs:
            continue
        s.add(InfoPage(slug=sp.slug, title=sp.title, summary=sp.summary, body_markdown=sp.body, position=pos,
                       published=True, seed_key=sp.key, created_at=now, updated_at=now))
        pos += 1
        counts["halaman"] += 1
    have_docs = set(s.exec(select(InfoDocument.kind)))
    pos = _next_position(s, InfoDocument)
    for kind, tpl in all_templates().items():
        if kind not in have_docs:
            s.add(InfoDocument(kind=kind, title=tpl.title, description=tpl.description, position=pos))
            pos += 1
            counts["templat"] += 1
    s.flush()
    cat_ids: dict[str, int] = {}
    for c in s.exec(select(FaqCategory)):
        if c.seed_key:
            cat_ids[c.seed_key] = c.id or 0
    names = {n.lower() for n in s.exec(select(FaqCategory.name))}
    pos = _next_position(s, FaqCategory)
    for sc in konten_awal.CATEGORIES:
        if sc.key in cat_ids or sc.name.lower() in names:
            continue
        cat = FaqCategory(name=sc.name, position=pos, seed_key=sc.key)
        s.add(cat)
        s.flush()
        cat_ids[sc.key] = cat.id or 0
        pos += 1
        counts["kategori"] += 1
    have_faq = set(s.exec(select(FaqEntry.seed_key).where(FaqEntry.seed_key != None)))  # noqa: E711
    for sf in konten_awal.faqs(k):
        if sf.key in have_faq or sf.category not in cat_ids:
            continue
        cat_id = cat_ids[sf.category]
        s.add(FaqEntry(category_id=cat_id, question=sf.question, answer_markdown=sf.answer,
                       position=_next_position(s, FaqEntry, FaqEntry.category_id == cat_id), published=True,
                       seed_key=sf.key, created_at=now, updated_at=now))
        s.flush()
        counts["faq"] += 1
    return counts
