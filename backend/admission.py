"""Admission control for the API: a bounded number of requests run at once,
a bounded number wait (each for a bounded time), and the rest are refused at
once with 503 and ``Retry-After``.

So a burst can neither pile up work the server cannot finish nor take every
thread and connection the rest of the process needs (static pages and the
Reflex event loop share the process with the embedded API). When the burst
ends the queue drains and every request is admitted again: nothing to restart.
"""

from __future__ import annotations

import asyncio
import json
import os
from collections import deque
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

from backend.errors import RETRY_AFTER_SECONDS, overloaded


@dataclass(frozen=True)
class Limits:
    """``concurrency`` requests at once, ``queue`` more waiting, each at most
    ``wait`` seconds; a refusal asks to come back in ``retry_after`` seconds."""

    concurrency: int = 8
    queue: int = 100
    wait: float = 2.0
    retry_after: int = RETRY_AFTER_SECONDS

    @classmethod
    def from_env(cls) -> Limits:
        """``PORTAL_API_CONCURRENCY`` and ``PORTAL_API_QUEUE`` (per lane, see :class:`AdmissionControl`)."""
        return cls(
            concurrency=int(os.environ.get("PORTAL_API_CONCURRENCY", cls.concurrency)),
            queue=int(os.environ.get("PORTAL_API_QUEUE", cls.queue)),
        )


def route_path(scope: Scope) -> str:
    """The request's path below the mount point the app is served under."""
    path, root = scope["path"], scope.get("root_path", "")
    return path[len(root) :] if root and path.startswith(root) else path


_BUSY = overloaded()
_REFUSAL = json.dumps({"error": {"code": _BUSY.code, "message": _BUSY.message, "fields": []}}).encode()


class AdmissionControl:
    """ASGI middleware admitting HTTP requests within ``limits``; each instance
    is one lane with its own counts. Paths in ``exempt`` (health checks) are
    never queued or refused. Lifespan and websocket traffic pass through.

    Waiters are plain futures of whichever event loop runs the request, so one
    instance serves any loop (the test client starts one per request)."""

    def __init__(self, app: ASGIApp, limits: Limits, exempt: tuple[str, ...] = ("/health", "/health/ready")):
        self.app = app
        self.limits = limits
        self.exempt = frozenset(exempt)
        self.running = 0
        self._waiters: deque[asyncio.Future] = deque()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or route_path(scope) in self.exempt:
            await self.app(scope, receive, send)
            return
        if not await self._admit():
            await self._refuse(send)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self._release()

    @property
    def waiting(self) -> int:
        return sum(not waiter.done() for waiter in self._waiters)

    async def _admit(self) -> bool:
        if self.running < self.limits.concurrency and not self.waiting:
            self.running += 1
            return True
        if self.waiting >= self.limits.queue:
            return False
        waiter = asyncio.get_running_loop().create_future()
        self._waiters.append(waiter)
        try:
            async with asyncio.timeout(self.limits.wait):
                await waiter
        except (TimeoutError, asyncio.CancelledError) as stop:
            if waiter.done() and not waiter.cancelled():
                # The slot was handed over just as the wait ended: take it, or give it back.
                if isinstance(stop, TimeoutError):
                    return True
                self._release()
                raise
            if isinstance(stop, asyncio.CancelledError):
                raise
            return False
        finally:
            if waiter in self._waiters and waiter.done():
                self._waiters.remove(waiter)
        return True

    def _release(self) -> None:
        """Hand the slot to the longest waiter still waiting, else free it."""
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return
        self.running -= 1

    async def _refuse(self, send: Send) -> None:
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(_REFUSAL)).encode()),
            (b"retry-after", str(self.limits.retry_after).encode()),
            (b"cache-control", b"no-store"),
        ]
        await send({"type": "http.response.start", "status": 503, "headers": headers})
        await send({"type": "http.response.body", "body": _REFUSAL})
