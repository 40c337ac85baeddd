"""Markdown written by admins, rendered to HTML that cannot run anything (DESIGN §7, issue 5).

Two independent layers, so a mistake in one is caught by the other:

1. markdown-it-py (CommonMark) with raw HTML switched off: ``<script>``, ``<iframe>`` or
   ``<img onerror=…>`` typed into the text come out as visible text, and its link validator
   refuses ``javascript:``, ``vbscript:``, ``file:`` and ``data:`` link targets.
2. nh3 (the Rust ``ammonia`` sanitizer) over the result with a short allow-list: only the
   tags Markdown produces, no images, no event-handler or style attributes (except the
   ``text-align`` of table cells), and links only to http, https, mailto and tel, each with
   ``rel="noopener noreferrer nofollow"``.

The HTML is shown with ``rx.html`` (``dangerouslySetInnerHTML``) only after passing here.
"""

from functools import lru_cache

import nh3
from markdown_it import MarkdownIt

ALLOWED_TAGS = frozenset({
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "del", "s", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
})
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"style"}, "td": {"style"}}
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
MAX_SOURCE = 100_000  # characters; longer text is refused by the services, cut here as a last guard

_md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False, "breaks": False})
_md.enable(["table", "strikethrough"])


def _demote_h1(html: str) -> str:
    """The page title is the only <h1>; a ``# heading`` in the body becomes an <h2>."""
    return html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")


@lru_cache(maxsize=512)
def render_markdown(source: str) -> str:
    """Sanitized HTML for ``source`` (Markdown). Pure, so it is cached by text."""
    html = _demote_h1(_md.render((source or "")[:MAX_SOURCE]))
    return nh3.clean(
        html,
        tags=set(ALLOWED_TAGS),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer nofollow",
        filter_style_properties={"text-align"},
        strip_comments=True,
    )


@lru_cache(maxsize=1024)
def plain_text(source: str) -> str:
    """The words of ``source`` without Markdown syntax (for search snippets and previews)."""
    tokens = _md.parse((source or "")[:MAX_SOURCE])
    words: list[str] = []
    for tok in tokens:
        if tok.type == "inline" and tok.children:
            words.extend(child.content for child in tok.children if child.type in ("text", "code_inline"))
        elif tok.type in ("code_block", "fence"):
            words.append(tok.content)
    return " ".join(" ".join(words).split())
