"""Security headers on every response the portal's port serves - pages,
assets, the portal's own routes, the reference API - and the origin check
for anything that changes state.

One ASGI middleware, applied by ``api_transformer`` around the whole app
(Reflex's backend, its compiled frontend and the portal's routes):

- ``Content-Security-Policy``: scripts, styles, images, media and
  connections only from this origin. The inline scripts and styles a
  prerendered page carries (React Router's boot scripts, the accessibility
  boot script, Emotion's server-rendered styles) are allowed by their SHA-256
  hashes, computed from the very HTML being served; no ``unsafe-inline``, no
  ``unsafe-eval``, no plugins, no ``<base>``, forms post only here, and no
  site may frame the portal (``frame-ancestors 'none'``).
- ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: same-origin`` (an
  address such as ``?receipt=...`` never leaves for another site), a
  ``Permissions-Policy`` that denies every powerful feature but the
  microphone for this origin (the kiosk's speech input, the portal's voice
  search), COOP and CORP same-origin,
  HSTS when served over https.
- Hashed build assets (``/assets/name-HASH.js``) and content-versioned files
  (``?v=HASH``) are cached for a year as ``immutable``; pages revalidate.
- A request that changes something, or opens a websocket, from a page of
  another origin is refused (403): the browser's ``Origin`` must be the
  portal's own (``PORTAL_ORIGIN`` names it behind a proxy that rewrites
  ``Host``). With CORS limited to nothing (rxconfig), no other site can read
  an answer either.
- An address the app's routers cannot read alike (a line break, an encoded
  slash) gets the localised not-found page, not the router's bare English
  "Not Found" nor a page that waits forever.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import re
from collections.abc import Awaitable, Callable
from functools import lru_cache
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import brotli
from starlette.convertors import PathConvertor, register_url_convertor
from starlette.datastructures import Headers, MutableHeaders


ASGIApp = Callable[[dict, Callable, Callable], Awaitable[None]]

YEAR = 365 * 24 * 3600
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
# Vite names every build asset after its content: /assets/root-DEL93FRd.js.
_HASHED_ASSET = re.compile(r"^/assets/[^/]+-[A-Za-z0-9_-]{8}\.[a-z0-9]+$")
_INLINE = re.compile(rb"<(script|style)\b([^>]*)>(.*?)</\1\s*>", re.S | re.I)
_HAS_SRC = re.compile(rb"\ssrc\s*=", re.I)

_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    # Emotion (Reflex's CSS-in-JS) adds empty <style> elements and fills them through the CSSOM.
    "style-src": "'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
    "img-src": "'self' data: blob:",  # QR codes are data: URIs; upload previews are blob: URLs
    "media-src": "'self' blob:",  # speech is fetched, then played from a blob: URL
    "connect-src": "'self'",  # the API, Reflex's websocket and the kiosk's listening socket
    "font-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}
_DENIED_FEATURES = (
    "accelerometer", "browsing-topics", "camera", "display-capture", "encrypted-media", "geolocation",
    "gyroscope", "hid", "idle-detection", "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get",
    "serial", "usb", "xr-spatial-tracking",
)  # fmt: skip


class _WholePath(PathConvertor):
    """Starlette's ``{path:path}`` stops at a line break, so a request for
    ``/en/a%0Ab`` matched none of Reflex's mounts and got Starlette's bare
    English 404 before any of the portal's code ran. Registered before Reflex
    mounts its apps (this module is imported with the app)."""

    regex = "(?s:.*)"


register_url_convertor("path", _WholePath())


def permissions_policy() -> str:
    """Every powerful feature off, but the microphone for this origin only: the
    kiosk listens, and so does the portal's voice search. (Not per page: a
    document keeps its policy through client-side navigation, so the page a
    person starts from decides.) The browser still asks the person first."""
    allowed = {"microphone": "(self)"}
    return ", ".join(f"{feature}={allowed.get(feature, '()')}" for feature in _DENIED_FEATURES)


def _source_hash(content: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(content).digest()).decode() + "'"


@lru_cache(maxsize=1024)
def content_security_policy(html: bytes = b"") -> str:
    """The policy for a response; for an HTML page, its own inline scripts and
    styles are allowed by hash. ``html`` is the decoded page (UTF-8 bytes)."""
    scripts: set[str] = set()
    styles: set[str] = set()
    for tag, attributes, content in _INLINE.findall(html):
        if tag.lower() == b"style":
            styles.add(_source_hash(content))
        elif not _HAS_SRC.search(attributes):
            scripts.add(_source_hash(content))
    policy = dict(_POLICY)
    policy["script-src"] = " ".join([policy["script-src"], *sorted(scripts)])
    policy["style-src"] = " ".join([policy["style-src"], *sorted(styles)])
    return "; ".join(f"{name} {value}" for name, value in policy.items())


def _decoded(body: bytes, encoding: str) -> bytes | None:
    """The page as the browser will read it, or None for an encoding we cannot read."""
    try:
        if encoding in ("", "identity"):
            return body
        if encoding == "gzip":
            return gzip.decompress(body)
        if encoding == "br":
            return brotli.decompress(body)
    except (OSError, EOFError, brotli.error):
        return None
    return None


def _is_https(scope: dict, headers: Headers) -> bool:
    return scope.get("scheme") in ("https", "wss") or headers.get("x-forwarded-proto", "").split(",")[0].strip() == "https"


def _allowed_origins() -> set[str]:
    return {origin.strip().rstrip("/").lower() for origin in os.environ.get("PORTAL_ORIGIN", "").split(",") if origin.strip()}


def same_origin(headers: Headers) -> bool:
    """True unless a browser says the request comes from a page of another
    origin. ``PORTAL_ORIGIN`` (comma-separated) names the portal's public
    origins; without it, the request's own host is the portal's."""
    origin = headers.get("origin")
    if origin is None:
        return True  # not sent by a browser page of another site
    allowed = _allowed_origins()
    if allowed:
        return origin.rstrip("/").lower() in allowed
    host = (headers.get("x-forwarded-host") or headers.get("host") or "").split(",")[0].strip().lower()
    return bool(host) and urlsplit(origin).netloc.lower() == host


def _cache_control(scope: dict) -> str | None:
    """A year, immutable, for files whose address changes with their content."""
    path = scope.get("path", "")
    if _HASHED_ASSET.match(path) or (path.startswith("/external/") and "v" in parse_qs(scope.get("query_string", b"").decode("latin-1"))):
        return f"public, max-age={YEAR}, immutable"
    return None


def _unreadable(scope: dict) -> bool:
    """An address the app's routers read differently from the server's: a
    control character (a line break) or an encoded slash inside a segment
    (React Router keeps it in the segment, Reflex's backend splits there, so
    the page would wait for data that never comes)."""
    return bool(_CONTROL_CHARACTERS.search(scope["path"])) or b"%2f" in (scope.get("raw_path") or b"").lower()


class SecurityHeaders:
    """The middleware (see the module's description). ``not_found`` answers
    an address the app cannot read."""

    def __init__(self, app: ASGIApp, *, not_found: ASGIApp):
        self.app = app
        self.not_found = not_found
        self.permissions = permissions_policy()

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] == "websocket":
            if not same_origin(Headers(scope=scope)):
                await receive()  # the handshake, refused: the server answers 403
                await send({"type": "websocket.close", "code": 1008})
                return
            await self.app(scope, receive, send)
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_headers = Headers(scope=scope)
        app = self.app
        if scope["method"] not in _SAFE_METHODS and not same_origin(request_headers):
            app = _refuse_cross_origin
        elif _unreadable(scope):
            app = self.not_found
        await app(scope, receive, self._sender(scope, request_headers, send))

    def _sender(self, scope: dict, request_headers: Headers, send: Callable) -> Callable:
        held: list[dict] = []  # an HTML page's start, until its body is known
        chunks: list[bytes] = []

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                self._add_headers(scope, request_headers, headers, message["status"])
                if headers.get("content-type", "").startswith("text/html") and message["status"] != 304:
                    held.append(message)
                    return
                if message["status"] != 304:  # a 304 keeps the policy stored with its page
                    headers["Content-Security-Policy"] = content_security_policy()
                await send(message)
            elif message["type"] == "http.response.body" and held:
                chunks.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                body = b"".join(chunks)
                await send(_with_policy(held.pop(), body))
                await send({"type": "http.response.body", "body": body})
            elif message["type"] == "http.response.pathsend" and held:  # a file the server sends itself
                await send(_with_policy(held.pop(), Path(message["path"]).read_bytes()))
                await send(message)
            else:
                await send(message)

        return send_with_headers

    def _add_headers(self, scope: dict, request_headers: Headers, headers: MutableHeaders, status: int) -> None:
        headers["X-Content-Type-Options"] = "nosniff"
        headers["X-Frame-Options"] = "DENY"
        headers["Referrer-Policy"] = "same-origin"
        headers["Permissions-Policy"] = self.permissions
        headers["Cross-Origin-Opener-Policy"] = "same-origin"
        headers["Cross-Origin-Resource-Policy"] = "same-origin"
        if _is_https(scope, request_headers):
            headers["Strict-Transport-Security"] = f"max-age={YEAR}"
        if status == 200 and (lasting := _cache_control(scope)):
            headers["Cache-Control"] = lasting
        elif headers.get("content-type", "").startswith("text/html") and "cache-control" not in headers:
            headers["Cache-Control"] = "no-cache"


def _with_policy(start: dict, body: bytes) -> dict:
    """An HTML response's start, with the policy for its body (as sent, maybe compressed)."""
    headers = MutableHeaders(scope=start)
    page = _decoded(body, headers.get("content-encoding", "").strip().lower())
    headers["Content-Security-Policy"] = content_security_policy(page or b"")
    return start


async def _refuse_cross_origin(scope: dict, receive: Callable, send: Callable) -> None:
    body = json.dumps({"error": {"code": "cross_origin", "message": "requests from other sites are not accepted", "fields": []}}).encode()
    await send({"type": "http.response.start", "status": 403, "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
