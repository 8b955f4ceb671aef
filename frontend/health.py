"""The portal's health, for a load balancer or an orchestrator.

- ``/_portal/live``: the process answers (restart it when it does not).
- ``/_portal/ready``: it can serve pages with their data: the back end
  answers its own readiness check (which covers its database), and Redis
  answers when page state lives there. 503 otherwise, so a load balancer
  takes the node out until it is ready again.
- ``/_health``: Reflex's health address, answered with the readiness above
  (Reflex's own checks only its Redis and database, not the back end).
"""

from __future__ import annotations

import os

from fastapi import FastAPI
from fastapi.responses import JSONResponse

from clients import health


async def live() -> JSONResponse:
    return JSONResponse({"status": True}, headers={"Cache-Control": "no-store"})


async def ready() -> JSONResponse:
    """``{"status": bool, "api": bool[, "redis": bool]}``; 200 when all are true, else 503."""
    checks = {"api": await health.ready()}
    if os.environ.get("PORTAL_REDIS_URL"):
        from reflex.utils.prerequisites import get_redis_status

        checks["redis"] = bool((await get_redis_status()).get("redis"))
    status = all(checks.values())
    return JSONResponse({"status": status, **checks}, status_code=200 if status else 503, headers={"Cache-Control": "no-store"})


def add_health_routes(api: FastAPI) -> None:
    api.add_api_route("/_portal/live", live, methods=["GET"], include_in_schema=False)
    for path in ("/_portal/ready", "/_health"):
        api.add_api_route(path, ready, methods=["GET"], include_in_schema=False)
