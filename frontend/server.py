"""HTTP routes the portal serves beside Reflex's own, on the same port.

- ``/`` sends the visitor to their saved language, else the best match of the
  browser's languages, else the default locale.
- Pages with a path parameter (``/en/services/42``) are answered by the
  production build's single-page fallback, which is prerendered once for the
  whole app; it is served here with the ``<html lang>`` of its locale, so the
  first response already carries the right language.
"""

from __future__ import annotations

import gzip
import re
from functools import cache
from pathlib import Path

from babel import negotiate_locale
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from starlette.convertors import Convertor, register_url_convertor

from locales import DEFAULT_LOCALE, HTML_LANG, LOCALES, build_locales

LOCALE_COOKIE = "portal_locale"
_FALLBACK = Path(".web/build/client/__spa-fallback.html")
_HTML_LANG_ATTR = re.compile(r'<html lang="[^"]*"')


def preferred_locale(cookie: str | None, accept_language: str | None) -> str:
    """The saved choice, else the best of the browser's languages, else the default."""
    if cookie in LOCALES:
        return cookie
    ranked = []
    for position, part in enumerate((accept_language or "").split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and tag != "*" and quality > 0:
            ranked.append((-quality, position, tag))
    preferred = [tag for _, _, tag in sorted(ranked)]
    return negotiate_locale(preferred, list(LOCALES), sep="-") or DEFAULT_LOCALE


class _LocaleConvertor(Convertor[str]):
    """Matches only the locales this build compiles."""

    regex = "|".join(build_locales())

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("locale", _LocaleConvertor())


@cache
def _localized_fallback(locale: str) -> tuple[bytes, bytes]:
    """The fallback page with its locale's ``lang``, plain and gzipped."""
    html = _FALLBACK.read_text(encoding="utf-8")
    html = _HTML_LANG_ATTR.sub(f'<html lang="{HTML_LANG[locale]}"', html, count=1)
    body = html.encode("utf-8")
    return body, gzip.compress(body, 9)


def _fallback_response(request: Request, locale: str) -> HTMLResponse:
    plain, compressed = _localized_fallback(locale)
    headers = {"Vary": "Accept-Encoding", "Cache-Control": "no-cache"}
    if "gzip" in request.headers.get("accept-encoding", ""):
        headers["Content-Encoding"] = "gzip"
        return HTMLResponse(compressed, headers=headers)
    return HTMLResponse(plain, headers=headers)


def portal_routes(dynamic_paths: list[str]) -> FastAPI:
    """The portal's own routes. ``dynamic_paths`` are page paths below the
    locale with ``[param]`` segments, such as ``services/[id]``."""
    api = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @api.get("/", include_in_schema=False)
    def choose_language(request: Request) -> RedirectResponse:
        locale = preferred_locale(request.cookies.get(LOCALE_COOKIE), request.headers.get("accept-language"))
        response = RedirectResponse(f"/{locale}/", status_code=302)
        response.headers["Vary"] = "Accept-Language, Cookie"
        response.headers["Cache-Control"] = "no-store"
        return response

    for path in dynamic_paths:
        route = "/{locale:locale}/" + re.sub(r"\[(\w+)\]", r"{\1}", path)
        api.add_api_route(route, _fallback_response, methods=["GET"], include_in_schema=False)
    return api
