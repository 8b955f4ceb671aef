"""The reference API: FastAPI over SQLModel. Its routes sit at the root of this
app; it is served under ``/api/v1`` (mounted into the portal, or alone with
``python -m backend``)."""

from __future__ import annotations

import logging

from fastapi import FastAPI
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from backend import models
from backend.api import accounts, applications, assistant, catalogue, halls, information, letters
from backend.assistant.answers import Catalogue
from backend.assistant.dialogue import Assistant
from backend.db import create_tables, make_engine
from backend.errors import ErrorBody, install_error_handlers
from backend.search import SearchIndex
from backend.seed import prepare
from backend.settings import Settings, load_settings

API_PREFIX = "/api/v1"
log = logging.getLogger("backend")


def build_search_index(engine) -> SearchIndex:
    with Session(engine) as session:
        return SearchIndex.build(
            services=[s.data for s in session.exec(select(models.Service))],
            articles=[a.data for a in session.exec(select(models.Article))],
            guides=[g.data for g in session.exec(select(models.ExpatGuide))],
        )


def content_snapshot(engine) -> Catalogue:
    """The services and halls the assistant answers from, read once at start-up."""
    with Session(engine) as session:
        return Catalogue(
            services={s.id: s.data for s in session.exec(select(models.Service))},
            halls={h.id: h.data for h in session.exec(select(models.Hall))},
        )


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or load_settings()
    engine = make_engine(settings)
    create_tables(engine)
    try:
        prepare(engine, settings.slot_days)
    except IntegrityError:
        # Another worker seeded the same database at the same moment.
        log.info("the database was seeded by another worker")

    app = FastAPI(
        title="Haizhou government services - reference API",
        version="1.0.0",
        description="The reference implementation of the back-end services the citizen portal reaches through its typed clients.",
        openapi_url="/openapi.json",
        docs_url="/docs",
        redoc_url=None,
        responses={
            400: {"model": ErrorBody, "description": "A body that cannot be read"},
            401: {"model": ErrorBody, "description": "Not logged in, or the session expired"},
            404: {"model": ErrorBody, "description": "Not found"},
            409: {"model": ErrorBody, "description": "Conflict"},
            422: {"model": ErrorBody, "description": "Invalid input, with the fields at fault"},
            423: {"model": ErrorBody, "description": "Account locked"},
            429: {"model": ErrorBody, "description": "Too many requests"},
        },
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.search_index = build_search_index(engine)
    app.state.assistant = Assistant(app.state.search_index, content_snapshot(engine))
    install_error_handlers(app)
    for module in (catalogue, information, halls, applications, letters, accounts, assistant):
        app.include_router(module.router)

    @app.get("/health", tags=["meta"])
    def health() -> dict[str, str]:
        return {"status": "ok"}

    return app
