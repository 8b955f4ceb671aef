"""What search engines read besides the pages: ``/robots.txt`` and the
sitemaps, one per locale (``/sitemap-en.xml``), listed by ``/sitemap.xml``.

Each sitemap lists the portal's public pages in its locale, every record page
(service guides, articles, halls, expat guides) from the back end's current
content, each with its address in every language (``xhtml:link`` alternates).
Addresses are absolute, on the public origin (frontend/page_server.py).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from fastapi import FastAPI, Request, Response

from clients.base import ClientError
from frontend.page_server import address, public_origin
from locales import HTML_LANG, LOCALES, api_locale

# Personal and transactional pages: nothing there for a search engine.
PRIVATE_PATHS = ("me", "apply", "book", "track", "rate", "login", "interact/reply")


@dataclass(frozen=True)
class Record:
    """A record page to list: its id and when it last changed, if known."""

    id: str
    changed: dt.date | None = None


RecordIndex = Callable[[str], Awaitable[list[Record]]]
_INDEXES: dict[str, RecordIndex] = {}


def indexes(path: str) -> Callable[[RecordIndex], RecordIndex]:
    """Register the function that lists the records of the page family at
    ``path`` (``services/[service_id]``); it takes the API locale."""

    def register(function: RecordIndex) -> RecordIndex:
        _INDEXES[path] = function
        return function

    return register


def is_private(path: str) -> bool:
    return any(path == private or path.startswith(private + "/") for private in PRIVATE_PATHS)


def robots_txt(origin: str) -> str:
    """Everything may be crawled but the API, the live connection, the kiosk
    and the personal pages; the sitemap is named."""
    disallowed = ["/api/", "/_event", "/_upload", "/_portal/", "/kiosk/", "/*/kiosk/", *(f"/*/{path}/" for path in PRIVATE_PATHS)]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed), "", f"Sitemap: {origin}/sitemap.xml", ""]
    return "\n".join(lines)


def sitemap_index(origin: str) -> str:
    entries = "".join(f"<sitemap><loc>{escape(f'{origin}/sitemap-{locale}.xml')}</loc></sitemap>" for locale in LOCALES)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>\n'


def _url(origin: str, locale: str, path: str, changed: dt.date | None) -> str:
    alternates = "".join(
        f'<xhtml:link rel="alternate" hreflang="{HTML_LANG[code]}" href={quoteattr(origin + address(code, path))}/>' for code in LOCALES
    )
    alternates += f'<xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(origin + "/")}/>'
    lastmod = f"<lastmod>{changed.isoformat()}</lastmod>" if changed else ""
    return f"<url><loc>{escape(origin + address(locale, path))}</loc>{lastmod}{alternates}</url>"


async def sitemap(origin: str, locale: str, pages: Sequence) -> str:
    """The sitemap of ``locale``: every public page, and each record page of
    the back end's content (a listing that fails is left out, not faked)."""
    urls = []
    for spec in pages:
        if is_private(spec.path) or (spec.is_dynamic and spec.path not in _INDEXES):
            continue
        if not spec.is_dynamic:
            urls.append(_url(origin, locale, spec.path, None))
            continue
        try:
            records = await _INDEXES[spec.path](api_locale(locale))
        except ClientError:
            continue
        for record in records:
            urls.append(_url(origin, locale, re.sub(r"\[\w+\]", record.id, spec.path), record.changed))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">'
        + "".join(urls)
        + "</urlset>\n"
    )


def add_seo_routes(api: FastAPI, pages: Sequence) -> None:
    """``/robots.txt``, ``/sitemap.xml`` and ``/sitemap-<locale>.xml`` on ``api``."""

    @api.get("/robots.txt", include_in_schema=False)
    def robots(request: Request) -> Response:
        return Response(robots_txt(public_origin(request)), media_type="text/plain; charset=utf-8", headers={"Cache-Control": "no-cache"})

    @api.get("/sitemap.xml", include_in_schema=False)
    def sitemaps(request: Request) -> Response:
        return Response(sitemap_index(public_origin(request)), media_type="application/xml", headers={"Cache-Control": "no-cache"})

    @api.get("/sitemap-{locale:locale}.xml", include_in_schema=False)
    async def locale_sitemap(request: Request, locale: str) -> Response:
        if locale not in LOCALES:
            return Response(status_code=404)
        body = await sitemap(public_origin(request), locale, pages)
        return Response(body, media_type="application/xml", headers={"Cache-Control": "no-cache"})
