"""Catalogue reads answered from memory, with strong ETags and 304s.

The catalogue (services, departments, themes, life events, halls, articles,
expat guides) changes a few times a day but is read on nearly every page. A
``GET`` of one of those routes is answered from this worker's cache while the
content versions it was built from (:mod:`backend.content_versions`) are
current, and every answer carries a strong ``ETag`` (a digest of the body),
so a client holding the same copy gets ``304 Not Modified`` without a body.
The same content has the same ETag on every worker.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import logging
import re
from dataclasses import dataclass
from urllib.parse import parse_qsl

from cachetools import LRUCache
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from backend.admission import route_path
from backend.content_versions import ContentVersions

log = logging.getLogger("backend")

# Route (below the API prefix) -> the content areas its answer is built from.
CACHED_ROUTES: tuple[tuple[re.Pattern, tuple[str, ...]], ...] = (
    (re.compile(r"/(departments|themes|life-events|services)"), ("catalogue",)),
    (re.compile(r"/services/[^/]+"), ("catalogue", "halls")),
    (re.compile(r"/halls(/[^/]+)?"), ("catalogue", "halls")),
    (re.compile(r"/(articles|expat-guides)(/[^/]+)?"), ("catalogue", "information")),
)
CACHE_CONTROL = b"public, no-cache"  # any cache may keep it, but must revalidate (ETag) before use
_KEPT_HEADERS = {b"content-type", b"content-language", b"vary"}


@dataclass(frozen=True)
class Entry:
    status: int
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    etag: bytes


def strong_etag(body: bytes) -> bytes:
    return b'"' + base64.urlsafe_b64encode(hashlib.sha256(body).digest()[:18]) + b'"'


def matches(if_none_match: bytes, etag: bytes) -> bool:
    """RFC 9110's weak comparison, which If-None-Match uses."""
    if if_none_match.strip() == b"*":
        return True
    return any(tag.strip().removeprefix(b"W/") == etag for tag in if_none_match.split(b","))


class CatalogueCache:
    """ASGI middleware over the API's routes. ``max_bytes`` bounds the bodies
    kept (least recently used go first). Every other request passes through;
    after a write (any method but GET/HEAD) the versions are read again
    before the next cached answer."""

    def __init__(self, app: ASGIApp, versions: ContentVersions, max_bytes: int = 32 * 2**20):
        self.app = app
        self.versions = versions
        self._entries: LRUCache = LRUCache(maxsize=max_bytes, getsizeof=lambda entry: len(entry.body) + 256)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] not in ("GET", "HEAD"):
            try:
                await self.app(scope, receive, send)
            finally:
                self.versions.expire()
            return
        path = route_path(scope)
        areas = next((areas for pattern, areas in CACHED_ROUTES if pattern.fullmatch(path)), None)
        if scope["method"] != "GET" or areas is None:
            await self.app(scope, receive, send)
            return
        try:
            versions = await self.versions.current()
        except Exception:
            log.exception("content versions unreadable; answering without the cache")
            await self.app(scope, receive, send)
            return
        query = tuple(sorted(parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True)))
        # A hall's waiting count is today's: a new day is new content.
        key = (path, query, tuple(versions.get(area, 0) for area in areas), dt.date.today())
        entry = self._entries.get(key)
        if entry is None:
            start, body = await self._render(scope, receive)
            if start.get("status") != 200:  # errors pass as they are, uncached
                await send(start)
                await send({"type": "http.response.body", "body": body})
                return
            headers = tuple((k.lower(), v) for k, v in start.get("headers", ()) if k.lower() in _KEPT_HEADERS)
            entry = self._entries[key] = Entry(200, headers, body, strong_etag(body))
        if_none_match = dict(scope["headers"]).get(b"if-none-match")
        if if_none_match is not None and matches(if_none_match, entry.etag):
            await self._send(send, Entry(304, (), b"", entry.etag))
        else:
            await self._send(send, entry)

    async def _render(self, scope: Scope, receive: Receive) -> tuple[Message, bytes]:
        """Run the route without conditional headers; its start message and whole body."""
        start: Message = {"type": "http.response.start", "status": 500, "headers": []}
        chunks: list[bytes] = []

        async def keep(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))

        plain = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k not in (b"if-none-match", b"if-modified-since")]}
        await self.app(plain, receive, keep)
        return start, b"".join(chunks)

    @staticmethod
    async def _send(send: Send, entry: Entry) -> None:
        headers = [*entry.headers, (b"etag", entry.etag), (b"cache-control", CACHE_CONTROL)]
        if entry.status != 304:
            headers.append((b"content-length", str(len(entry.body)).encode()))
        await send({"type": "http.response.start", "status": entry.status, "headers": headers})
        await send({"type": "http.response.body", "body": entry.body})
