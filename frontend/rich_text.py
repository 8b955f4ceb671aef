"""Rich text from the back end: Markdown rendered to HTML with raw HTML turned
off, then cleaned by nh3 (Ammonia) to an allowlist. A script tag in a content
record comes out as the visible text ``<script>``, never as a script."""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_TAGS = {"h2", "h3", "h4", "p", "ul", "ol", "li", "strong", "em", "blockquote", "code", "br", "hr", "table", "thead", "tbody", "tr", "th", "td"}


def markdown_to_html(text: str) -> Markup:
    """The HTML of ``text`` (Markdown), cleaned: safe to put in a page as it is."""
    return Markup(nh3.clean(_MARKDOWN.render(text), tags=_TAGS, attributes={}, link_rel=None))
