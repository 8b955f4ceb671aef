"""The reference API on its own, under /api/v1 (see ``python -m backend``)."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.routing import Mount

from backend.admission import AdmissionControl, Limits
from backend.app import API_PREFIX, create_app


def app() -> Starlette:
    return Starlette(routes=[Mount(API_PREFIX, app=AdmissionControl(create_app(), Limits.from_env()))])
