"""A lean HTTP/1.1 keep-alive client for load tests and benchmarks.

httpx's connection pool becomes the bottleneck above about a hundred
concurrent connections in one process (a few hundred requests a second on
this machine), which would measure the client rather than the server. This
client is one connection per caller and a few lines of parsing: GET only,
``Content-Length`` or chunked bodies.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field


@dataclass
class Answer:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


class Connection:
    """One keep-alive connection to ``host:port``; reopened after the server closes it."""

    def __init__(self, host: str, port: int, timeout: float = 60.0):
        self.host, self.port, self.timeout = host, port, timeout
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def get(self, path: str, headers: dict[str, str] | None = None) -> Answer:
        """Raises OSError, asyncio.IncompleteReadError or TimeoutError when the exchange fails."""
        try:
            async with asyncio.timeout(self.timeout):
                if self._writer is None:
                    self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
                extra = "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items())
                self._writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n{extra}\r\n".encode("latin-1"))
                answer = await self._read()
        except BaseException:  # a failed or abandoned exchange leaves the connection unusable
            await self.close()
            raise
        if answer.headers.get("connection", "").lower() == "close":
            await self.close()
        return answer

    async def _read(self) -> Answer:
        head = (await self._reader.readuntil(b"\r\n\r\n")).decode("latin-1").split("\r\n")
        status = int(head[0].split()[1])
        headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in head[1:] if line)}
        if headers.get("transfer-encoding", "").lower() == "chunked":
            body = bytearray()
            while size := int((await self._reader.readuntil(b"\r\n")).strip().split(b";")[0], 16):
                body += await self._reader.readexactly(size + 2)
                del body[-2:]
            await self._reader.readuntil(b"\r\n")
            return Answer(status, headers, bytes(body))
        if status in (204, 304):
            return Answer(status, headers)
        return Answer(status, headers, await self._reader.readexactly(int(headers.get("content-length", "0"))))

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
        self._reader = self._writer = None
