"""Whether the back end can serve: its readiness, asked once."""

from __future__ import annotations

from pydantic import BaseModel

from clients.base import Endpoint, api_client


class Readiness(BaseModel):
    ready: bool


READY = Endpoint("GET", "/health/ready", Readiness)


async def ready() -> bool:
    """True when the back end answers its readiness check with 200 (its
    database answers), within the client's timeouts and without retries."""
    return await api_client().probe(READY)
