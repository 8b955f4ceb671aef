"""HTTP routes the portal serves beside Reflex's own, on the same port.

- ``/api/v1`` is the reference back end, when no remote ``PORTAL_API_URL`` is
  configured; the typed clients then call it in process.
- ``/`` sends the visitor to their saved language, else the best match of the
  browser's languages, else the default locale.
- ``/_portal/live`` and ``/_portal/ready`` (also ``/_health``) report health
  (``frontend/health.py``).
- ``/_portal/speech`` reads text aloud (WAV) when the browser has no voice
  for the page's language.
- ``/_portal/session`` and ``/_portal/session/end`` begin and end a
  login's session: the server sets and clears its HttpOnly cookie and resets
  the tab's state (frontend/session.py).
- ``/_portal/uploads`` takes a file from an upload field and passes it to the
  back end through the typed client, with the logged-in user's token.
- Every page of the portal in every locale (``/en/services/``,
  ``/en/services/ps-id-card/``) is answered from its prerendered template,
  with its canonical address, its alternates and, on information pages, its
  content (frontend/page_server.py).
- ``/sitemap.xml`` and ``/robots.txt`` (frontend/seo.py).
- Everything served on the port passes through the security middleware
  (frontend/security.py), applied as Reflex's ``api_transformer``.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import threading
from collections.abc import Callable, Sequence
from functools import cache
from html import escape
from pathlib import Path

from babel import negotiate_locale
from typing import Literal

from fastapi import FastAPI, Request, Response, UploadFile
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse
from pydantic import BaseModel, Field

from a11y.speech import DEFAULT_RATE, MAX_CHARACTERS, speech
from starlette.convertors import Convertor, register_url_convertor

from clients import applications
from clients.base import ClientError, InvalidInput, Unauthorised
from components.uploads import MAX_BYTES
from frontend import page_server, seo
from frontend.health import add_health_routes
from frontend.security import SecurityHeaders
from frontend.session import SESSION_COOKIE, add_session_routes
from kiosk.routes import KIOSK_PROFILE, add_kiosk_routes
from locales import DEFAULT_LOCALE, HTML_LANG, LOCALES, build_locales, gettext_for

LOCALE_COOKIE = "portal_locale"
_NOT_FOUND = Path(".web/build/client/404.html")  # for the name of the stylesheet


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
def _global_stylesheet() -> str:
    """The build's stylesheet, as its pages link it (the name carries its hash)."""
    found = re.search(r'href="(/assets/__reflex_global_styles-[^"]+\.css)"', _NOT_FOUND.read_text(encoding="utf-8"))
    return found.group(1) if found else ""


@cache
def _plain_not_found(locale: str) -> bytes:
    """A not-found page without the app: for an address the app's own router
    cannot read (a line break in the path), it would fail in English."""
    _ = gettext_for(locale)
    title, home = escape(_("We cannot find this page")), escape(_("Home"))
    detail = escape(_("It may have been moved or withdrawn. Check the address, or search for what you need."))
    stylesheet = f'<link rel="stylesheet" href="{_global_stylesheet()}">' if _global_stylesheet() else ""
    return (
        f'<!DOCTYPE html><html lang="{HTML_LANG[locale]}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>{stylesheet}</head>'
        f'<body><main id="main" class="container"><h1>{title}</h1><p>{detail}</p><p><a href="/{locale}/">{home}</a></p></main></body></html>'
    ).encode("utf-8")


async def not_found_page(scope, receive, send) -> None:
    """The not-found page in the language of the path's first segment."""
    first = scope["path"].lstrip("/").split("/", 1)[0]
    locale = first if first in LOCALES else DEFAULT_LOCALE
    await HTMLResponse(_plain_not_found(locale), status_code=404, headers={"Cache-Control": "no-cache"})(scope, receive, send)


def with_security_headers(app):
    """The ``api_transformer`` that puts the security middleware around everything served."""
    return SecurityHeaders(app, not_found=not_found_page)


class KioskLockdown:
    """In the kiosk profile, every portal page leads back to the kiosk: there
    is no way out of it by typing an address."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] in ("GET", "HEAD"):
            parts = scope["path"].strip("/").split("/")
            if parts[0] in LOCALES and (len(parts) < 2 or parts[1] != "kiosk"):
                await RedirectResponse("/kiosk/", status_code=302)(scope, receive, send)
                return
        await self.app(scope, receive, send)


class LazyApp:
    """An ASGI app built when the server starts (``reference_api_built``) or
    on its first request, so that compiling the frontend never opens the database."""

    def __init__(self, factory: Callable):
        self._factory = factory
        self._app = None
        self._lock = threading.Lock()

    def build(self):
        with self._lock:
            if self._app is None:
                self._app = self._factory()
        return self._app

    async def __call__(self, scope, receive, send) -> None:
        # A request that arrives while the app is being built waits without blocking the loop.
        app = self._app or await asyncio.to_thread(self.build)
        await app(scope, receive, send)


_reference_api: LazyApp | None = None


@contextlib.asynccontextmanager
async def reference_api_built():
    """A lifespan task: build the embedded reference API (schema, seed, search
    index: seconds) in a thread before the server takes requests, rather than
    on the event loop during the first one, when every page would wait."""
    if _reference_api is not None:
        await asyncio.to_thread(_reference_api.build)
    yield


def embed_reference_api(api: FastAPI) -> None:
    """Mount the reference back end under /api/v1 and point the clients at it,
    unless the portal is configured to use a remote one.

    Two admission lanes: the portal's own pages calling in process, and
    callers from outside at /api/v1, so a burst from outside cannot take the
    pages' share (nor the threads static files need)."""
    if os.environ.get("PORTAL_API_URL"):
        return
    from backend.admission import AdmissionControl, Limits
    from backend.app import API_PREFIX, create_app
    from clients.base import use_embedded_api

    global _reference_api
    reference_api = _reference_api = LazyApp(create_app)
    use_embedded_api(AdmissionControl(reference_api, Limits.from_env()))
    api.mount(API_PREFIX, AdmissionControl(reference_api, Limits.from_env()))


class SpeechRequest(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_CHARACTERS)
    lang: Literal["zh", "en", "ja", "ko", "fr"]
    rate: int = Field(default=DEFAULT_RATE, ge=80, le=300)


async def read_aloud(body: SpeechRequest) -> Response:
    """The text as speech. POST, so the words never appear in a URL or a log;
    never cached, since a page may show personal data."""
    audio = await speech.speak(body.text, body.lang, body.rate)
    return Response(audio, media_type="audio/wav", headers={"Cache-Control": "no-store"})


async def upload(request: Request, file: UploadFile) -> JSONResponse:
    """Pass a chosen file to the back end (typed client), answering the
    browser with the upload's id or an error code its page translates."""
    content = await file.read(MAX_BYTES + 1)
    if len(content) > MAX_BYTES:
        return JSONResponse({"error": "file_too_large"}, status_code=422)
    language = str((await request.form()).get("locale", "")).split("-")[0]
    token = request.cookies.get(SESSION_COOKIE) or None
    try:
        stored = await applications.upload(
            language if language in LOCALES else DEFAULT_LOCALE, file.filename or "upload", content, file.content_type or "application/octet-stream", token=token
        )
    except InvalidInput as error:
        return JSONResponse({"error": next(iter(error.fields.values()), "invalid")}, status_code=422)
    except Unauthorised:
        return JSONResponse({"error": "unauthorized"}, status_code=401)
    except ClientError:
        return JSONResponse({"error": "unavailable"}, status_code=503)
    return JSONResponse(stored.model_dump())


def portal_routes(pages: Sequence) -> FastAPI:
    """The portal's own routes. ``pages`` are the page families
    (frontend/pages/__init__.py: ``path`` below the locale, with ``[param]``
    segments, and the ``query`` parameters that make another page of it)."""
    api = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)

    @api.get("/", include_in_schema=False)
    def choose_language(request: Request) -> RedirectResponse:
        if KIOSK_PROFILE:
            return RedirectResponse("/kiosk/", status_code=302)
        locale = preferred_locale(request.cookies.get(LOCALE_COOKIE), request.headers.get("accept-language"))
        response = RedirectResponse(f"/{locale}/", status_code=302)
        response.headers["Vary"] = "Accept-Language, Cookie"
        response.headers["Cache-Control"] = "no-store"
        return response

    api.add_api_route("/_portal/uploads", upload, methods=["POST"], include_in_schema=False)
    api.add_api_route("/_portal/speech", read_aloud, methods=["POST"], include_in_schema=False)
    add_session_routes(api)
    seo.add_seo_routes(api, pages)
    add_kiosk_routes(api)
    add_health_routes(api)
    if KIOSK_PROFILE:
        api.add_middleware(KioskLockdown)

    for spec in pages:
        route = "/{locale:locale}/" + re.sub(r"\[(\w+)\]", r"{\1}", spec.path)
        endpoint = page_server.page_route(spec.path, spec.query)
        for variant in {route.rstrip("/"), route.rstrip("/") + "/"}:
            api.add_api_route(variant, endpoint, methods=["GET", "HEAD"], include_in_schema=False)
    embed_reference_api(api)
    return api
