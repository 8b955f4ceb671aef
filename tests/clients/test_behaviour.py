"""The base client against a back end that is down, slow, failing or
answering nonsense: typed errors, no wait beyond the timeouts, retries only
for reads, and the last good copy of catalogue reads."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from pydantic import BaseModel

from clients.base import READ_TIMEOUT, RETRY_ATTEMPTS, ApiClient, Endpoint, InvalidInput, NotFound, Unavailable
from tests.portal_server import free_port


class Thing(BaseModel):
    id: str


GET_THING = Endpoint("GET", "/things/{thing_id}", Thing)
POST_THING = Endpoint("POST", "/things", Thing, body=Thing)


class FakeBackEnd:
    """An HTTP server whose behaviour each test sets: ok, slow, garbage, 503, 404, 422."""

    def __init__(self):
        self.mode = "ok"
        self.requests: list[tuple[str, str, dict]] = []
        backend = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def _answer(self):
                backend.requests.append((self.command, self.path, dict(self.headers)))
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                if backend.mode == "slow":
                    time.sleep(READ_TIMEOUT + 1)
                status, body, kind = {
                    "ok": (200, json.dumps({"id": "a"}), "application/json"),
                    "slow": (200, json.dumps({"id": "a"}), "application/json"),
                    "garbage": (200, "<html>gateway page</html>", "text/html"),
                    "unavailable": (503, "busy", "text/plain"),
                    "missing": (404, json.dumps({"error": {"code": "not_found", "message": "", "fields": []}}), "application/json"),
                    "invalid": (422, json.dumps({"error": {"code": "validation_failed", "message": "", "fields": [{"field": "phone", "code": "invalid_phone"}]}}), "application/json"),
                }[backend.mode]
                data = body.encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", kind)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            do_GET = do_POST = _answer

        self.server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


@pytest.fixture
def backend():
    fake = FakeBackEnd()
    yield fake
    fake.close()


def run(coroutine):
    """Run on a thread of its own: Playwright's sync API may hold this thread's event loop."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


async def _call(client, endpoint, **kwargs):
    try:
        return await client.call(endpoint, locale="ja", **kwargs)
    finally:
        await client.aclose()


def test_a_dead_address_is_unavailable_quickly():
    started = time.monotonic()
    with pytest.raises(Unavailable):
        run(_call(ApiClient(base_url=f"http://127.0.0.1:{free_port()}"), GET_THING, path={"thing_id": "a"}))
    assert time.monotonic() - started < 5


def test_reads_send_locale_and_request_id_and_parse(backend):
    thing = run(_call(ApiClient(base_url=backend.url), GET_THING, path={"thing_id": "a/b"}))
    assert thing == Thing(id="a")
    method, path, headers = backend.requests[0]
    assert path == "/things/a%2Fb?locale=ja"
    assert headers["Accept-Language"] == "ja" and len(headers["X-Request-ID"]) == 36


def test_failing_reads_are_retried_then_unavailable(backend):
    backend.mode = "unavailable"
    with pytest.raises(Unavailable):
        run(_call(ApiClient(base_url=backend.url), GET_THING, path={"thing_id": "a"}))
    assert len(backend.requests) == RETRY_ATTEMPTS


def test_writes_are_never_retried_and_carry_their_key(backend):
    backend.mode = "unavailable"
    with pytest.raises(Unavailable):
        run(_call(ApiClient(base_url=backend.url), POST_THING, json=Thing(id="a"), idempotency_key="key-1"))
    assert len(backend.requests) == 1
    assert backend.requests[0][2]["Idempotency-Key"] == "key-1"


def test_a_slow_back_end_times_out(backend):
    backend.mode = "slow"
    started = time.monotonic()
    with pytest.raises(Unavailable):
        run(_call(ApiClient(base_url=backend.url), POST_THING, json=Thing(id="a")))
    elapsed = time.monotonic() - started
    assert READ_TIMEOUT - 0.5 < elapsed < READ_TIMEOUT + 2


def test_garbage_is_unavailable_not_a_crash(backend):
    backend.mode = "garbage"
    with pytest.raises(Unavailable):
        run(_call(ApiClient(base_url=backend.url), GET_THING, path={"thing_id": "a"}))


def test_typed_errors(backend):
    backend.mode = "missing"
    with pytest.raises(NotFound):
        run(_call(ApiClient(base_url=backend.url), GET_THING, path={"thing_id": "a"}))
    assert len(backend.requests) == 1  # not found is an answer, not a failure to retry
    backend.mode = "invalid"
    with pytest.raises(InvalidInput) as error:
        run(_call(ApiClient(base_url=backend.url), POST_THING, json=Thing(id="a")))
    assert error.value.fields == {"phone": "invalid_phone"}


def test_catalogue_reads_are_cached_and_kept_for_outages(backend):
    async def scenario():
        client = ApiClient(base_url=backend.url, cache_ttl=0.2)
        try:
            first = await client.read_cached(GET_THING, locale="en", path={"thing_id": "a"})
            cached = await client.read_cached(GET_THING, locale="en", path={"thing_id": "a"})
            requests_after_cache = len(backend.requests)
            await asyncio.sleep(0.3)
            backend.mode = "unavailable"
            stale = await client.read_cached(GET_THING, locale="en", path={"thing_id": "a"})
            return first, cached, requests_after_cache, stale
        finally:
            await client.aclose()

    first, cached, requests_after_cache, stale = run(scenario())
    assert not first.stale and not cached.stale and requests_after_cache == 1
    assert stale.stale and stale.value == Thing(id="a")
