"""Health of the reference API: ``/health`` says the process answers
(liveness); ``/health/ready`` says it can serve, i.e. its database answers
(readiness). A load balancer takes a node out while it is not ready."""

from __future__ import annotations

import asyncio

import anyio
from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text

router = APIRouter(tags=["meta"])

CHECK_TIMEOUT = 2.0  # seconds; a database slower than this counts as down


@router.get("/health")
def live() -> dict[str, str]:
    return {"status": "ok"}


def _ping(engine) -> None:
    with engine.connect() as connection:
        connection.execute(text("SELECT 1"))


@router.get("/health/ready", responses={503: {"description": "The database does not answer"}})
async def ready(request: Request) -> JSONResponse:
    """``{"ready": bool, "database": bool}``; 200 when ready, else 503."""
    try:
        async with asyncio.timeout(CHECK_TIMEOUT):
            await anyio.to_thread.run_sync(_ping, request.app.state.engine, abandon_on_cancel=True)
        database = True
    except Exception:
        database = False
    return JSONResponse({"ready": database, "database": database}, status_code=200 if database else 503)
