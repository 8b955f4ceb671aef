"""Health of the reference API: ``/health`` says the process answers
(liveness); ``/health/ready`` says it can serve, i.e. its database answers
(readiness). A load balancer takes a node out while it is not ready."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel
from sqlalchemy import text

router = APIRouter(tags=["meta"])

CHECK_TIMEOUT = 2.0  # seconds; a database slower than this counts as down


class Readiness(BaseModel):
    ready: bool
    database: bool


@router.get("/health")
async def live() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/health/ready", response_model=Readiness, responses={503: {"model": Readiness, "description": "The database does not answer"}})
async def ready(request: Request, response: Response) -> Readiness:
    """200 when the database answers within the check's timeout, else 503."""
    try:
        async with asyncio.timeout(CHECK_TIMEOUT), request.app.state.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
        database = True
    except Exception:
        database = False
    response.status_code = 200 if database else 503
    return Readiness(ready=database, database=database)
