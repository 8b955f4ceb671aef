"""The portal's pages as documents, answered by the portal's own routes.

Every page is prerendered at build time into ``.web/build/client`` (a page
with a path parameter once per locale, with a placeholder for the parameter:
frontend/prerender.py). For a document request the server takes that
template and

- puts in the parameter's value (the language switcher keeps the address);
- adds the canonical address and the ``hreflang`` alternates, absolute
  (``PORTAL_ORIGIN`` names the public origin; else the request's own);
- on an information page (frontend/served.py), renders the content into the
  page's regions and sets the record's title and description, so the page is
  readable with no script and no websocket. Content comes through the typed
  clients' cache, so it is at most ``PORTAL_CACHE_SECONDS`` old, or the last
  good copy, marked as such, while the back end cannot be reached;
- on an information page for a reader who is not signed in, holds the live
  app back: nothing on it needs the app (its controls are plain scripts), so
  the first visit fetches none of the app's modules (about 150 KB compressed);
  components/app_boot.js starts the app when the page may be out of date.
  Signed in, a page may show the person's own things (the materials they
  hold, on a guide), which the app brings.

Answers carry a strong ETag of their body and ``Cache-Control: no-cache``:
a browser or proxy may keep a page but asks again before using it.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
from collections.abc import Awaitable, Callable, Mapping
from functools import cache
from html import escape
from pathlib import Path
from urllib.parse import quote, urlencode

from cachetools import LRUCache
from fastapi import Request, Response
from markupsafe import Markup

from components.notices import NOT_FOUND, UNAVAILABLE
from frontend.prerender import placeholder, template_route
from frontend.served import PageRequest, Served, content_for, digest, page_title
from frontend.session import SESSION_COOKIE
from locales import LOCALES, HTML_LANG

try:
    import brotli
except ImportError:  # pragma: no cover - gzip then
    brotli = None

BUILD = Path(".web/build/client")
_REGION = re.compile(r'<(?P<tag>[a-z0-9]+)(?P<attributes>[^>]*\sdata-region="(?P<name>[\w-]+)"[^>]*)></(?P=tag)>')
_TITLE = re.compile(r"<title>[^<]*</title>")
_DESCRIPTION = re.compile(r'<meta[^>]*\sname="description"[^>]*/>')
_STATUS = {NOT_FOUND: 404, UNAVAILABLE: 503}
# React Router's boot script and its module preloads in a prerendered page.
_APP_BOOT = '<script type="module" async="">import "/assets/'
_MODULE_PRELOAD = re.compile(r'<link rel="modulepreload" href="[^"]*"/>')
_compressed: LRUCache = LRUCache(maxsize=512)


@cache
def _template(route: str, app: bool = True) -> str:
    """The prerendered page of ``route``; without ``app``, with the live app held back."""
    html = (BUILD / route / "index.html").read_text(encoding="utf-8")
    return html if app else without_app(html)


def public_origin(request: Request) -> str:
    """The origin the public sees: the first of ``PORTAL_ORIGIN``, else the request's."""
    configured = os.environ.get("PORTAL_ORIGIN", "").split(",")[0].strip().rstrip("/")
    if configured:
        return configured
    scheme = request.headers.get("x-forwarded-proto", request.url.scheme).split(",")[0].strip()
    host = request.headers.get("x-forwarded-host", request.headers.get("host", request.url.netloc)).split(",")[0].strip()
    return f"{scheme}://{host}"


def address(locale: str, path: str, query: Mapping[str, str] | None = None) -> str:
    """A page's address below the origin: ``/en/services/?audience=resident``."""
    route = f"/{locale}/{path}/" if path else f"/{locale}/"
    return route + ("?" + urlencode(query) if query else "")


def head_links(origin: str, locale: str, path: str, query: Mapping[str, str]) -> str:
    """The canonical address and the page in every language, for the ``<head>``."""
    links = [f'<link rel="canonical" href="{escape(origin + address(locale, path, query))}"/>']
    links += [f'<link rel="alternate" hreflang="{HTML_LANG[code]}" href="{escape(origin + address(code, path, query))}"/>' for code in LOCALES]
    links.append(f'<link rel="alternate" hreflang="x-default" href="{escape(origin)}/"/>')
    return "".join(links)


def fill(template: str, served: Served | None, title: str) -> str:
    """The template with the served regions, title and description in place."""
    if served is None:
        return template
    html = _REGION.sub(lambda match: _region(match, served.regions), template)
    if title:
        html = _TITLE.sub(f"<title>{escape(title)}</title>", html, count=1)
    if served.description:
        meta = f'<meta name="description" content="{escape(served.description)}"/>'
        html, found = _DESCRIPTION.subn(meta, html, count=1)
        if not found:
            html = html.replace("</head>", meta + "</head>", 1)
    return html


def without_app(html: str) -> str:
    """The page with the live app held back: its boot script inert (kept,
    marked ``data-app-boot``, for components/app_boot.js) and none of its
    modules preloaded. A page without the boot script is returned as it is."""
    if _APP_BOOT not in html:
        return html
    html = html.replace(_APP_BOOT, '<script type="text/plain" data-app-boot="">import "/assets/', 1)
    return _MODULE_PRELOAD.sub("", html)


def _region(match: re.Match, regions: Mapping[str, str]) -> str:
    content = regions.get(match.group("name"))
    if content is None:
        return match.group(0)
    tag = match.group("tag")
    return f'<{tag}{match.group("attributes")} data-version="{digest(content)}">{Markup(content)}</{tag}>'


def page_route(path: str, query_keys: tuple[str, ...]) -> Callable[[Request], Awaitable[Response]]:
    """The endpoint of the page family at ``path`` (below the locale, with
    ``[name]`` parameters); ``query_keys`` are the query parameters that make
    another page of it (a filter, a page number), kept in its canonical address."""

    async def endpoint(request: Request) -> Response:
        params = dict(request.path_params)
        return await _page(request, params.pop("locale"), path, query_keys, params)

    return endpoint


async def _page(request: Request, locale: str, path: str, query_keys: tuple[str, ...], params: dict[str, str]) -> Response:
    query = {key: value for key in query_keys if (value := request.query_params.get(key, "").strip())}
    content = content_for(path)
    html = _template(template_route(f"{locale}/{path}"), app=not content or SESSION_COOKIE in request.cookies)
    for name, value in params.items():
        html = html.replace(placeholder(name), escape(quote(value, safe="")))
    here = re.sub(r"\[(\w+)\]", lambda match: quote(params[match.group(1)], safe=""), path)
    html = html.replace("</head>", head_links(public_origin(request), locale, here, query) + "</head>", 1)
    status = 200
    if content:
        served = await content(PageRequest(locale, params, dict(request.query_params), request.url.path))
        html = fill(html, served, page_title(served.title, locale) if served.title else "")
        status = _STATUS.get(served.status, 200)
    return _response(request, html.encode("utf-8"), status)


def _response(request: Request, body: bytes, status: int) -> Response:
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    headers = {"ETag": etag, "Cache-Control": "no-cache", "Vary": "Accept-Encoding"}
    if status == 503:
        headers["Retry-After"] = "30"
    if status == 200 and etag in (tag.strip() for tag in request.headers.get("if-none-match", "").split(",")):
        return Response(status_code=304, headers=headers)
    accepted = request.headers.get("accept-encoding", "")
    encoding = "br" if brotli and "br" in accepted else "gzip" if "gzip" in accepted else None
    if encoding:
        key = (etag, encoding)
        if key not in _compressed:
            _compressed[key] = brotli.compress(body, quality=5) if encoding == "br" else gzip.compress(body, 6)
        body = _compressed[key]
        headers["Content-Encoding"] = encoding
    return Response(body, status_code=status, media_type="text/html; charset=utf-8", headers=headers)
