"""The one configured HTTP client every service-area client goes through.

- Base URL from ``PORTAL_API_URL``; without one, the reference API mounted in
  this process is called through httpx's ASGI transport (same code path above
  the transport).
- Timeouts: connect 2 s, read 5 s (enforced for the in-process transport too).
- Idempotent reads are retried with exponential backoff (stamina); writes never
  are: they carry an Idempotency-Key instead, so a retry by the user is safe.
- Every call sends the locale and a request id, and the address of the person
  it is made for (``END_USER``, as ``X-Forwarded-For``: the back end limits
  guessing per caller); failures become typed errors.
- Catalogue reads are cached with a TTL; past it they are revalidated with
  ``If-None-Match`` (a 304 costs the back end no body). The last good copy
  is kept where every worker sees it (:mod:`clients.last_good`) so an
  information page can still be served, marked stale, when the back end fails.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import json as json_module
import os
import uuid
from contextvars import ContextVar
from urllib.parse import quote
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import httpx
import stamina
from cachetools import TTLCache
from pydantic import BaseModel, TypeAdapter, ValidationError

from clients.last_good import Copy, LastGoodStore, MemoryStore, last_good_store

T = TypeVar("T")

CONNECT_TIMEOUT = 2.0
READ_TIMEOUT = 5.0
RETRY_ATTEMPTS = 3
# The address of the person the calls are made for (set per event by the portal).
END_USER: ContextVar[str | None] = ContextVar("end_user", default=None)


# ------------------------------------------------------------------ errors


class ClientError(Exception):
    """A failure the UI explains in the user's language, by ``code``."""

    code = "error"

    def __init__(self, code: str | None = None, message: str = ""):
        super().__init__(message or code or self.code)
        self.code = code or self.code


class NotFound(ClientError):
    code = "not_found"


class InvalidInput(ClientError):
    """The back end refused the input; ``fields`` maps each field to an error code."""

    code = "validation_failed"

    def __init__(self, fields: dict[str, str], message: str = ""):
        super().__init__("validation_failed", message)
        self.fields = fields


class Unauthorised(ClientError):
    """Not logged in, wrong credentials, an expired session or code (see ``code``)."""

    code = "unauthorized"


class Locked(ClientError):
    code = "account_locked"


class Conflict(ClientError):
    """The request clashes with the state of things (e.g. ``slot_full``, ``already_rated``)."""

    code = "conflict"


class RateLimited(ClientError):
    code = "rate_limited"


class Unavailable(ClientError):
    """The back end could not be reached, was too slow, or answered nonsense."""

    code = "unavailable"


_STATUS_ERRORS: dict[int, type[ClientError]] = {401: Unauthorised, 404: NotFound, 409: Conflict, 423: Locked, 429: RateLimited}


# ------------------------------------------------------------------ endpoints


@dataclass(frozen=True)
class Endpoint(Generic[T]):
    """A call a client makes; the contract test checks each against the OpenAPI document."""

    method: str
    path: str
    response: Any  # a pydantic model, a list of one, or None for 204
    body: type[BaseModel] | None = None

    @property
    def is_read(self) -> bool:
        """Only reads are retried: a write is retried by the user, with the same Idempotency-Key."""
        return self.method == "GET"

    def url(self, **path_params: str) -> str:
        return self.path.format(**{key: quote(str(value), safe="") for key, value in path_params.items()})


@dataclass(frozen=True)
class Cached(Generic[T]):
    """A read that may have come from the last good copy (``stale``) when the back end failed."""

    value: T
    stale: bool = False


@functools.cache
def _model_digest(endpoint: Endpoint) -> str:
    schema = TypeAdapter(endpoint.response).json_schema() if endpoint.response is not None else None
    return hashlib.sha256(json_module.dumps(schema, sort_keys=True).encode()).hexdigest()[:16]


# ------------------------------------------------------------------ the client


class ApiClient:
    """One back end, over HTTP (``base_url``) or in process (``asgi_app``).
    ``cache_ttl`` seconds of catalogue reads are answered from memory;
    ``last_good`` keeps their last good copies (this process's memory by default)."""

    def __init__(self, base_url: str | None = None, asgi_app: Any = None, cache_ttl: float = 60.0, last_good: LastGoodStore | None = None):
        if base_url:
            transport: httpx.AsyncBaseTransport = httpx.AsyncHTTPTransport(retries=0)
            self.base_url = base_url.rstrip("/")
            self._in_process = False
        elif asgi_app is not None:
            transport = httpx.ASGITransport(app=asgi_app)
            self.base_url = "http://reference-api.internal"
            self._in_process = True
        else:
            raise RuntimeError("set PORTAL_API_URL, or mount the reference API in this process")
        self._http = httpx.AsyncClient(
            transport=transport,
            base_url=self.base_url,
            timeout=httpx.Timeout(READ_TIMEOUT, connect=CONNECT_TIMEOUT),
            headers={"User-Agent": "haizhou-portal/1"},
        )
        self._cache: TTLCache = TTLCache(maxsize=2048, ttl=cache_ttl)
        self._last_good = last_good or MemoryStore()

    async def aclose(self) -> None:
        await self._http.aclose()
        await self._last_good.aclose()

    async def _send(self, method: str, url: str, **kwargs) -> httpx.Response:
        try:
            if self._in_process:
                # The ASGI transport ignores httpx's timeouts; hold it to the same budget.
                async with asyncio.timeout(CONNECT_TIMEOUT + READ_TIMEOUT):
                    return await self._http.request(method, url, **kwargs)
            return await self._http.request(method, url, **kwargs)
        except (httpx.TransportError, TimeoutError) as exc:
            raise Unavailable("unavailable", f"{method} {url}: {type(exc).__name__}") from None

    async def call(self, endpoint: Endpoint, **request: Any) -> Any:
        """``endpoint``'s answer parsed into its response model; ``request`` as
        for :meth:`_request` (``locale`` required; ``path``, ``params``, ``json``,
        ``files``, ``token``, ``idempotency_key``). Raises the typed errors above."""
        return self._parse(endpoint, (await self._request(endpoint, **request)).content)

    async def _request(
        self,
        endpoint: Endpoint,
        *,
        locale: str,
        path: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        json: BaseModel | None = None,
        files: dict | None = None,
        token: str | None = None,
        idempotency_key: str | None = None,
        etag: str | None = None,
    ) -> httpx.Response:
        """The back end's answer (2xx, or 304 for a read sent with ``etag``), else a typed error."""
        url = endpoint.url(**(path or {}))
        query = {k: v for k, v in {**(params or {}), "locale": locale}.items() if v is not None}
        headers = {"Accept-Language": locale, "X-Request-ID": str(uuid.uuid4())}
        if end_user := END_USER.get():
            headers["X-Forwarded-For"] = end_user
        if token:
            headers["Authorization"] = f"Bearer {token}"
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key
        if etag:
            headers["If-None-Match"] = etag
        body = json.model_dump(mode="json", exclude_none=True) if json is not None else None

        try:
            if endpoint.is_read:
                async for attempt in stamina.retry_context(on=Unavailable, attempts=RETRY_ATTEMPTS, wait_initial=0.2, wait_max=1.0, timeout=15):
                    with attempt:
                        response = await self._send(endpoint.method, url, params=query, headers=headers)
                        self._raise_for_status(response)
            else:
                response = await self._send(endpoint.method, url, params=query, headers=headers, json=body, files=files)
                self._raise_for_status(response)
        except InvalidInput as error:
            if error.fields and set(error.fields) <= set(path or {}):
                # An id the back end refuses to even look up names nothing there is.
                raise NotFound("not_found", str(error)) from None
            raise
        return response

    async def probe(self, endpoint: Endpoint) -> bool:
        """One try of a read, without retries or cache: whether it answered 2xx."""
        try:
            response = await self._send(endpoint.method, endpoint.path, headers={"X-Request-ID": str(uuid.uuid4())})
        except Unavailable:
            return False
        return response.is_success

    async def read_cached(self, endpoint: Endpoint, *, locale: str, path: dict | None = None, params: dict | None = None) -> Cached:
        """A catalogue read: from the TTL cache; else revalidated with the back
        end (``If-None-Match`` with the last good copy's ETag: a 304 renews
        that copy); else, when the back end fails, the last good copy, stale."""
        key = (endpoint.path, locale, tuple(sorted((path or {}).items())), tuple(sorted((params or {}).items())))
        if key in self._cache:
            return Cached(self._cache[key])
        store_key = f"{_model_digest(endpoint)}:{key!r}"  # a copy read under another model is never reused
        copy = await self._last_good.get(store_key)
        try:
            response = await self._request(endpoint, locale=locale, path=path, params=params, etag=copy.etag if copy else None)
        except Unavailable:
            if copy is not None:
                return Cached(self._parse(endpoint, copy.body), stale=True)
            raise
        if response.status_code == 304 and copy is not None:
            value = self._parse(endpoint, copy.body)
        else:
            value = self._parse(endpoint, response.content)
            await self._last_good.put(store_key, Copy(response.headers.get("etag"), response.content))
        self._cache[key] = value
        return Cached(value)

    @staticmethod
    def _raise_for_status(response: httpx.Response) -> None:
        status = response.status_code
        if status < 400:
            return
        if status >= 500 or status == 408:
            raise Unavailable("unavailable", f"HTTP {status}")
        try:
            error = response.json()["error"]
            code = str(error["code"])
        except (ValueError, KeyError, TypeError):
            raise Unavailable("unavailable", f"HTTP {status} without an error body") from None
        if status == 422:
            raise InvalidInput({str(f.get("field")): str(f.get("code")) for f in error.get("fields") or []}, error.get("message", ""))
        raise _STATUS_ERRORS.get(status, ClientError)(code, error.get("message", ""))

    @staticmethod
    def _parse(endpoint: Endpoint, body: bytes) -> Any:
        if endpoint.response is None:
            return None
        try:
            return TypeAdapter(endpoint.response).validate_json(body)
        except ValidationError:
            raise Unavailable("unavailable", f"{endpoint.method} {endpoint.path}: the answer did not match its model") from None


# ------------------------------------------------------------------ configuration

_embedded_app: Any = None
_client: ApiClient | None = None
_client_loop: asyncio.AbstractEventLoop | None = None


def use_embedded_api(asgi_app: Any) -> None:
    """Register the reference API mounted in this process (used when no PORTAL_API_URL is set)."""
    global _embedded_app
    _embedded_app = asgi_app


def api_client() -> ApiClient:
    """The process's client, bound to the running event loop."""
    global _client, _client_loop
    loop = asyncio.get_running_loop()
    if _client is None or _client_loop is not loop:
        _client = ApiClient(
            base_url=os.environ.get("PORTAL_API_URL") or None,
            asgi_app=_embedded_app,
            cache_ttl=float(os.environ.get("PORTAL_CACHE_SECONDS", "60")),
            last_good=last_good_store(),
        )
        _client_loop = loop
    return _client
