"""Where the last good copy of each catalogue read is kept, so an information
page can still be served (marked stale) while the back end is down.

The copy is the answer's raw body and its ETag (which the client sends back
as ``If-None-Match`` to revalidate it). Stores are bounded in entries; the
least recently written go first:

- :class:`RedisStore` (``PORTAL_REDIS_URL`` set): every worker on every
  machine sees the same copies, and they outlive a restart of the portal;
- :class:`DiskStore` (the default): a folder under ``PORTAL_DATA_DIR``, shared
  by the processes of one machine and kept across restarts;
- :class:`MemoryStore`: this process only (a client built by hand).

A store that fails (Redis down, disk full) never fails a read: it logs and
answers as if it had no copy.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

log = logging.getLogger("clients")

DEFAULT_MAX_ENTRIES = 5000
DATA_DIR = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Copy:
    """A response body as the back end sent it, and its ETag (None when it sent none)."""

    etag: str | None
    body: bytes

    def dump(self) -> bytes:
        return (self.etag or "").encode() + b"\n" + self.body

    @classmethod
    def load(cls, data: bytes) -> Copy:
        etag, _, body = data.partition(b"\n")
        return cls(etag.decode() or None, body)


def digest(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class LastGoodStore(Protocol):
    async def get(self, key: str) -> Copy | None: ...

    async def put(self, key: str, copy: Copy) -> None: ...

    async def aclose(self) -> None: ...


class MemoryStore:
    """This process's copies, at most ``max_entries``."""

    def __init__(self, max_entries: int = DEFAULT_MAX_ENTRIES):
        self.max_entries = max_entries
        self._copies: OrderedDict[str, Copy] = OrderedDict()

    async def get(self, key: str) -> Copy | None:
        return self._copies.get(key)

    async def put(self, key: str, copy: Copy) -> None:
        self._copies[key] = copy
        self._copies.move_to_end(key)
        while len(self._copies) > self.max_entries:
            self._copies.popitem(last=False)

    async def aclose(self) -> None:
        pass


class DiskStore:
    """One file per copy in ``folder`` (written whole, then renamed into place,
    so a reader never sees half a copy). Beyond ``max_entries`` files, the
    oldest are removed down to nine tenths of the bound."""

    def __init__(self, folder: Path, max_entries: int = DEFAULT_MAX_ENTRIES):
        self.folder = folder
        self.max_entries = max_entries
        self._count: int | None = None  # files on disk, as far as this process knows

    def _path(self, key: str) -> Path:
        return self.folder / digest(key)

    async def get(self, key: str) -> Copy | None:
        try:
            return Copy.load(await asyncio.to_thread(self._path(key).read_bytes))
        except FileNotFoundError:
            return None
        except OSError:
            log.warning("last good copy unreadable", exc_info=True)
            return None

    async def put(self, key: str, copy: Copy) -> None:
        try:
            await asyncio.to_thread(self._write, self._path(key), copy.dump())
        except OSError:
            log.warning("last good copy not kept", exc_info=True)

    def _write(self, path: Path, data: bytes) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self._count is None:
            self._count = sum(1 for entry in os.scandir(self.folder) if entry.is_file())
        new = not path.exists()
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        temporary.write_bytes(data)
        temporary.replace(path)
        self._count += new
        if self._count > self.max_entries:
            self._trim()

    def _trim(self) -> None:
        files = sorted((entry for entry in os.scandir(self.folder) if entry.is_file() and not entry.name.startswith(".")),
                       key=lambda entry: entry.stat().st_mtime)
        keep = self.max_entries * 9 // 10
        for entry in files[: max(0, len(files) - keep)]:
            Path(entry.path).unlink(missing_ok=True)
        self._count = min(len(files), keep)

    async def aclose(self) -> None:
        pass


class RedisStore:
    """Copies in Redis under ``prefix:<digest>``, with a sorted set
    ``prefix`` of keys by time written; beyond ``max_entries``, the oldest
    are removed with their copies."""

    def __init__(self, url: str, max_entries: int = DEFAULT_MAX_ENTRIES, prefix: str = "portal:last-good"):
        from redis.asyncio import Redis

        self._redis = Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
        self.max_entries = max_entries
        self.prefix = prefix

    async def get(self, key: str) -> Copy | None:
        try:
            data = await self._redis.get(f"{self.prefix}:{digest(key)}")
        except Exception:
            log.warning("last good copy unreadable from Redis", exc_info=True)
            return None
        return Copy.load(data) if data is not None else None

    async def put(self, key: str, copy: Copy) -> None:
        name = f"{self.prefix}:{digest(key)}"
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.set(name, copy.dump())
                pipe.zadd(self.prefix, {name: time.time()})
                pipe.zcard(self.prefix)
                *_, count = await pipe.execute()
            if count > self.max_entries:
                oldest = [member for member, _ in await self._redis.zpopmin(self.prefix, count - self.max_entries)]
                if oldest:
                    await self._redis.delete(*oldest)
        except Exception:
            log.warning("last good copy not kept in Redis", exc_info=True)

    async def aclose(self) -> None:
        await self._redis.aclose()


def last_good_store() -> LastGoodStore:
    """The store this configuration calls for: Redis when ``PORTAL_REDIS_URL``
    is set, else a folder in ``PORTAL_DATA_DIR`` (default ``data/``).
    ``PORTAL_LAST_GOOD_MAX`` bounds the number of copies (default 5000)."""
    max_entries = int(os.environ.get("PORTAL_LAST_GOOD_MAX", DEFAULT_MAX_ENTRIES))
    if url := os.environ.get("PORTAL_REDIS_URL"):
        return RedisStore(url, max_entries)
    return DiskStore(Path(os.environ.get("PORTAL_DATA_DIR", DATA_DIR)) / "last-good", max_entries)
