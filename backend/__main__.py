"""Run the reference API alone: ``python -m backend`` serves it under /api/v1
on ``BACKEND_PORT`` (default 8100)."""

from __future__ import annotations

import os

from granian.constants import Interfaces
from granian.server import Server


def main() -> None:
    Server(
        target="backend.standalone:app",
        factory=True,
        address=os.environ.get("BACKEND_HOST", "127.0.0.1"),
        port=int(os.environ.get("BACKEND_PORT", "8100")),
        interface=Interfaces.ASGI,
        workers=int(os.environ.get("BACKEND_WORKERS", "1")),
    ).serve()


if __name__ == "__main__":
    main()
