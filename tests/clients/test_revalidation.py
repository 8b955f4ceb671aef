"""The client's catalogue cache: past its TTL a copy is revalidated with
If-None-Match, and the last good copy lives where every worker sees it and a
restart does not lose it (disk, or Redis), within a bound."""

from __future__ import annotations

import asyncio
import hashlib
import json
from pathlib import Path

import pytest
import redis
from pydantic import BaseModel

from clients.base import ApiClient, Endpoint, Unavailable
from clients.last_good import Copy, DiskStore, MemoryStore, RedisStore
from tests.clients.test_behaviour import run
from tests.portal_server import free_port


class Thing(BaseModel):
    id: str
    name: str


GET_THING = Endpoint("GET", "/things/{thing_id}", Thing)


class Catalogue:
    """A back end (ASGI) with one record, a strong ETag and 304s; it can be turned off."""

    def __init__(self):
        self.name = "first"
        self.up = True
        self.seen: list[tuple[str | None, int]] = []  # (If-None-Match sent, status answered)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return
        sent = dict(scope["headers"]).get(b"if-none-match")
        if not self.up:
            status, body, headers = 503, b"down", []
        else:
            body = json.dumps({"id": "a", "name": self.name}).encode()
            etag = f'"{hashlib.sha256(body).hexdigest()[:16]}"'.encode()
            status, headers = (304, [(b"etag", etag)]) if sent == etag else (200, [(b"etag", etag), (b"content-type", b"application/json")])
            body = b"" if status == 304 else body
        self.seen.append((sent.decode() if sent else None, status))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def _read(client: ApiClient):
    return client.read_cached(GET_THING, locale="en", path={"thing_id": "a"})


def test_an_expired_copy_is_revalidated_and_a_304_keeps_it():
    backend = Catalogue()

    async def scenario():
        client = ApiClient(asgi_app=backend, cache_ttl=0.2)
        try:
            first = await _read(client)
            await _read(client)  # within the TTL: no request
            requests_within_ttl = len(backend.seen)
            await asyncio.sleep(0.3)
            again = await _read(client)
            backend.name = "second"
            await asyncio.sleep(0.3)
            changed = await _read(client)
            return first, requests_within_ttl, again, changed
        finally:
            await client.aclose()

    first, requests_within_ttl, again, changed = run(scenario())
    assert requests_within_ttl == 1
    (sent_first, status_first), (sent_again, status_again), (sent_changed, status_changed) = backend.seen
    assert sent_first is None and status_first == 200
    assert sent_again is not None and status_again == 304  # the copy's own ETag, and no body back
    assert again.value == first.value == Thing(id="a", name="first") and not again.stale
    assert sent_changed == sent_again and status_changed == 200
    assert changed.value.name == "second"


def _outage_after_another_client_read(store_for_each_client) -> tuple:
    """A client reads and closes (a worker, or a process that restarts);
    another, with its own store object on the same storage, reads during an outage."""
    backend = Catalogue()

    async def scenario():
        writer = ApiClient(asgi_app=backend, cache_ttl=60, last_good=store_for_each_client())
        try:
            await _read(writer)
        finally:
            await writer.aclose()
        backend.up = False
        reader = ApiClient(asgi_app=backend, cache_ttl=60, last_good=store_for_each_client())
        try:
            return await _read(reader)
        finally:
            await reader.aclose()

    return run(scenario())


def test_the_last_good_copy_on_disk_survives_a_restart(tmp_path):
    kept = _outage_after_another_client_read(lambda: DiskStore(tmp_path / "last-good"))
    assert kept.stale and kept.value == Thing(id="a", name="first")


def test_the_last_good_copy_in_redis_is_seen_by_every_worker(redis_server):
    kept = _outage_after_another_client_read(lambda: RedisStore(redis_server.url, prefix="test:shared"))
    assert kept.stale and kept.value == Thing(id="a", name="first")


def test_without_a_shared_store_a_new_process_has_no_copy():
    with pytest.raises(Unavailable):
        _outage_after_another_client_read(MemoryStore)


def test_stores_are_bounded(tmp_path, redis_server):
    async def fill(store) -> None:
        try:
            for n in range(25):
                await store.put(f"key-{n}", Copy(f'"{n}"', b"{}"))
            assert await store.get("key-24") == Copy('"24"', b"{}")
        finally:
            await store.aclose()

    folder = tmp_path / "bounded"
    run(fill(DiskStore(folder, max_entries=10)))
    assert 0 < len([p for p in folder.iterdir() if not p.name.startswith(".")]) <= 10
    run(fill(RedisStore(redis_server.url, max_entries=10, prefix="test:bounded")))
    plain = redis.Redis.from_url(redis_server.url)
    assert plain.zcard("test:bounded") == 10
    assert len(plain.keys("test:bounded:*")) == 10
    memory = MemoryStore(max_entries=10)
    run(fill(memory))
    assert len(memory._copies) == 10


def test_a_failing_store_never_fails_a_read(tmp_path):
    backend = Catalogue()
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")

    async def scenario(store):
        client = ApiClient(asgi_app=backend, cache_ttl=60, last_good=store)
        try:
            return await _read(client)
        finally:
            await client.aclose()

    for store in (DiskStore(Path(blocked)), RedisStore(f"redis://127.0.0.1:{free_port()}/0")):
        assert run(scenario(store)).value == Thing(id="a", name="first")
