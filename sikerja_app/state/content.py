"""Informasi and FAQ: the public pages and their admin management (issue 5).

Public handlers read published content only. Every handler that reads unpublished content or
changes anything calls ``self._require("ADMIN")`` first, and the service checks the role
again. Setters that only change what this tab is typing (``set_field``) touch no data.
"""

import asyncio
import re
from dataclasses import asdict

import reflex as rx

from .. import routes
from ..services import content as svc
from ..services.errors import ServiceError
from .auth import AuthState

_SLUG_IN_PATH = re.compile(r"^/informasi/([a-z0-9-]{1,80})/?$")
PAGE_FIELDS = ("title", "slug", "summary", "body")
FAQ_FIELDS = ("category_id", "question", "answer")
_FIELD_CAP = {"title": svc.MAX_TITLE + 50, "slug": svc.MAX_SLUG + 50, "summary": svc.MAX_SUMMARY + 100,
              "body": svc.MAX_BODY + 1000, "category_id": 12, "question": svc.MAX_QUESTION + 100,
              "answer": svc.MAX_ANSWER + 1000}
SAVE_FAILED = "Belum tersimpan. Periksa isian yang ditandai."


def _int(value: object) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


# ------------------------------------------------------------------ public


class InformasiState(AuthState):
    info_pages: list[dict[str, str]] = []
    templates: list[dict[str, str]] = []

    async def load(self) -> None:
        await self.load_public()
        pages = await asyncio.to_thread(svc.list_pages)
        docs = await asyncio.to_thread(svc.list_documents)
        self.info_pages = [{"slug": p.slug, "title": p.title, "summary": p.summary, "href": svc.page_url(p.slug)}
                           for p in pages]
        self.templates = [{"kind": d.kind, "title": d.title, "description": d.description, "url": d.url}
                          for d in docs]


class InfoPageState(AuthState):
    found: bool = True
    page_title: str = ""
    page_html: str = ""
    page_updated: str = ""
    prev_href: str = ""
    prev_title: str = ""
    next_href: str = ""
    next_title: str = ""

    async def load(self) -> None:
        await self.load_public()
        m = _SLUG_IN_PATH.match(self.router.url.path or "")
        view = await asyncio.to_thread(svc.get_page, m.group(1)) if m else None
        self.found = view is not None
        self.page_title = view.title if view else "Halaman tidak ditemukan"
        self.page_html = view.html if view else ""
        self.page_updated = view.updated if view else ""
        self.prev_href = svc.page_url(view.prev_slug) if view and view.prev_slug else ""
        self.prev_title = view.prev_title if view else ""
        self.next_href = svc.page_url(view.next_slug) if view and view.next_slug else ""
        self.next_title = view.next_title if view else ""


class FaqState(AuthState):
    query: str = ""
    category: str = ""  # "" = all categories
    categories: list[tuple[str, str]] = []
    results: list[dict[str, str]] = []
    searched: bool = False

    async def load(self):
        await self.load_public()
        params = self.router.url.query_parameters
        self.query = str(params.get("q", ""))[:100]
        cat = _int(params.get("kategori", ""))
        self.category = str(cat) if cat else ""
        await self._search()

    async def _search(self) -> None:
        cats = await asyncio.to_thread(svc.faq_categories)
        self.categories = [(str(i), f"{n} ({c})") for i, n, c in cats]
        if self.category and self.category not in {c[0] for c in self.categories}:
            self.category = ""
        rows = await asyncio.to_thread(svc.search_faq, self.query, _int(self.category))
        self.results = [{"id": str(r.id), "question": r.question, "category": r.category, "html": r.html}
                        for r in rows]
        self.searched = bool(svc.query_words(self.query))

    async def set_query(self, value: str) -> None:
        self.query = str(value)[:100]
        await self._search()

    async def set_category(self, value: str) -> None:
        cat = _int(value)
        self.category = str(cat) if cat else ""
        await self._search()

    async def search_form(self, form: dict) -> None:
        self.query = str((form or {}).get("q", self.query))[:100]
        await self._search()

    async def clear(self) -> None:
        self.query, self.category = "", ""
        await self._search()


# ------------------------------------------------------------------ admin: Informasi


class _AdminFormMixin(rx.State, mixin=True):
    """What the Informasi and FAQ admin forms share; a mixin gives each page its own copy."""

    editing_id: int = -1  # -1 no form, 0 a new item, >0 that item
    form_published: bool = True
    errors: dict[str, str] = {}
    preview_html: str = ""
    show_preview: bool = False
    _preview_key: str = ""  # the form field the preview renders

    @rx.var
    def error_list(self) -> list[tuple[str, str]]:
        return list(self.errors.items())

    async def load(self):
        user = await self._guard("ADMIN")
        if user is None:
            return self._to_login()
        await self._refresh()
        return None  # a form being typed stays as it was (reload, reconnect)

    def _clear_form(self) -> None:
        self.errors, self.preview_html, self.show_preview = {}, "", False

    def set_published_flag(self, value: bool) -> None:
        self.form_published = bool(value)

    def cancel(self) -> None:
        self.editing_id = -1
        self._clear_form()

    async def toggle_preview(self) -> None:
        user = await self._require("ADMIN")
        self.show_preview = not self.show_preview
        if self.show_preview:
            text = self.form.get(self._preview_key, "")
            self.preview_html = await asyncio.to_thread(svc.preview, user, text, self._ip())

    async def _change(self, fn, *args) -> object:  # noqa: ANN001 - a service function
        user = await self._require("ADMIN")
        try:
            await asyncio.to_thread(fn, user, *args, self._ip())
        except ServiceError as exc:
            return rx.toast.error(exc.message)
        await self._refresh()
        return None


class AdminInfoState(_AdminFormMixin, AuthState):
    info_rows: list[dict[str, str]] = []
    doc_rows: list[dict[str, str]] = []
    form: dict[str, str] = {k: "" for k in PAGE_FIELDS}
    _preview_key: str = "body"

    async def _refresh(self) -> None:
        user = await self._require("ADMIN")
        pages = await asyncio.to_thread(svc.admin_pages, user, self._ip())
        docs = await asyncio.to_thread(svc.admin_documents, user, self._ip())
        self.info_rows = [{"id": str(p.id), "title": p.title, "slug": p.slug, "href": svc.page_url(p.slug),
                           "published": "1" if p.published else ""} for p in pages]
        self.doc_rows = [{"id": str(d.id), "title": d.title, "url": d.url, "published": "1" if d.published else ""}
                         for d in docs]

    async def new_page(self) -> None:
        await self._require("ADMIN")
        self.editing_id = 0
        self.form = {k: "" for k in PAGE_FIELDS}
        self.form_published = True
        self._clear_form()

    async def edit_page(self, page_id: int):
        user = await self._require("ADMIN")
        pid = _int(page_id)
        try:
            f = await asyncio.to_thread(svc.admin_page_form, user, pid, self._ip())  # type: ignore[arg-type]
        except ServiceError as exc:
            return rx.toast.error(exc.message)
        self.editing_id = pid or 0
        self.form = {k: str(v) for k, v in asdict(f).items() if k in PAGE_FIELDS}
        self.form_published = f.published
        self._clear_form()
        return rx.scroll_to("form-informasi")

    def set_field(self, name: str, value: str) -> None:
        if name in PAGE_FIELDS:
            self.form[name] = str(value)[:_FIELD_CAP[name]]
            self.errors.pop(name, None)

    async def save(self):
        user = await self._require("ADMIN")
        if self.editing_id < 0:
            return None
        form = svc.PageForm(**{k: self.form.get(k, "") for k in PAGE_FIELDS}, published=self.form_published)
        try:
            await asyncio.to_thread(svc.save_page, user, self.editing_id or None, form, self._ip())
        except ServiceError as exc:
            self.errors = exc.errors or {"umum": exc.message}
            return [rx.toast.error(SAVE_FAILED), rx.scroll_to("ringkasan-galat-informasi")]
        self.editing_id = -1
        self._clear_form()
        await self._refresh()
        return rx.toast.success("Halaman informasi tersimpan.")

    async def set_page_published(self, page_id: int, published: bool):
        return await self._change(svc.set_page_published, _int(page_id), bool(published))

    async def move_page(self, page_id: int, delta: int):
        return await self._change(svc.move_page, _int(page_id), -1 if _int(delta) == -1 else 1)

    async def set_doc_published(self, doc_id: int, published: bool):
        return await self._change(svc.set_document_published, _int(doc_id), bool(published))

    async def move_doc(self, doc_id: int, delta: int):
        return await self._change(svc.move_document, _int(doc_id), -1 if _int(delta) == -1 else 1)


# ------------------------------------------------------------------ admin: FAQ


class AdminFaqState(_AdminFormMixin, AuthState):
    faq_categories: list[tuple[str, str]] = []
    filter_category: str = ""
    faq_rows: list[dict[str, str]] = []
    form: dict[str, str] = {k: "" for k in FAQ_FIELDS}
    _preview_key: str = "answer"
    cat_name: str = ""
    cat_editing: int = 0  # 0 a new category, >0 renaming that one
    cat_error: str = ""

    async def _refresh(self) -> None:
        user = await self._require("ADMIN")
        view = await asyncio.to_thread(svc.admin_faq, user, _int(self.filter_category), self._ip())
        self.faq_categories = [(str(i), n) for i, n in view.categories]
        self.faq_rows = [{"id": str(e.id), "question": e.question, "category": e.category,
                          "published": "1" if e.published else ""} for e in view.entries]

    async def set_filter(self, value: str) -> None:
        await self._require("ADMIN")
        cat = _int(value)
        self.filter_category = str(cat) if cat else ""
        await self._refresh()

    async def new_entry(self) -> None:
        await self._require("ADMIN")
        self.editing_id = 0
        self.form = {k: "" for k in FAQ_FIELDS}
        self.form["category_id"] = self.filter_category
        self.form_published = True
        self._clear_form()

    async def edit_entry(self, entry_id: int):
        user = await self._require("ADMIN")
        eid = _int(entry_id)
        try:
            f = await asyncio.to_thread(svc.admin_faq_form, user, eid, self._ip())  # type: ignore[arg-type]
        except ServiceError as exc:
            return rx.toast.error(exc.message)
        self.editing_id = eid or 0
        self.form = {k: str(v) for k, v in asdict(f).items() if k in FAQ_FIELDS}
        self.form_published = f.published
        self._clear_form()
        return rx.scroll_to("form-faq")

    def set_field(self, name: str, value: str) -> None:
        if name in FAQ_FIELDS:
            self.form[name] = str(value)[:_FIELD_CAP[name]]
            self.errors.pop(name, None)

    async def save(self):
        user = await self._require("ADMIN")
        if self.editing_id < 0:
            return None
        form = svc.FaqForm(**{k: self.form.get(k, "") for k in FAQ_FIELDS}, published=self.form_published)
        try:
            await asyncio.to_thread(svc.save_faq, user, self.editing_id or None, form, self._ip())
        except ServiceError as exc:
            self.errors = exc.errors or {"umum": exc.message}
            return [rx.toast.error(SAVE_FAILED), rx.scroll_to("ringkasan-galat-faq")]
        self.editing_id = -1
        self._clear_form()
        await self._refresh()
        return rx.toast.success("Pertanyaan tersimpan.")

    async def set_entry_published(self, entry_id: int, published: bool):
        return await self._change(svc.set_faq_published, _int(entry_id), bool(published))

    async def move_entry(self, entry_id: int, delta: int):
        return await self._change(svc.move_faq, _int(entry_id), -1 if _int(delta) == -1 else 1)

    async def move_cat(self, category_id: int, delta: int):
        return await self._change(svc.move_category, _int(category_id), -1 if _int(delta) == -1 else 1)

    def set_cat_name(self, value: str) -> None:
        self.cat_name = str(value)[:svc.MAX_CATEGORY + 20]
        self.cat_error = ""

    async def rename_cat(self, category_id: int) -> None:
        await self._require("ADMIN")
        cid = _int(category_id) or 0
        self.cat_editing = cid
        self.cat_name = dict(self.faq_categories).get(str(cid), "")
        self.cat_error = ""

    def cancel_cat(self) -> None:
        self.cat_editing, self.cat_name, self.cat_error = 0, "", ""

    async def save_cat(self):
        user = await self._require("ADMIN")
        try:
            await asyncio.to_thread(svc.save_category, user, self.cat_editing or None, self.cat_name, self._ip())
        except ServiceError as exc:
            self.cat_error = exc.errors.get("name", exc.message)
            return None
        self.cat_editing, self.cat_name, self.cat_error = 0, "", ""
        await self._refresh()
        return rx.toast.success("Kategori tersimpan.")


ADMIN_LINKS = ((routes.ADMIN_INFORMASI, "Kelola Informasi"), (routes.ADMIN_FAQ, "Kelola FAQ"))
