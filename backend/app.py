"""The reference API: FastAPI over SQLModel. Its routes sit at the root of this
app; it is served under ``/api/v1`` (mounted into the portal, or alone with
``python -m backend``)."""

from __future__ import annotations

import stamina
from fastapi import FastAPI
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, select

from backend import health, models
from backend.api import accounts, applications, assistant, benefits, bundles, catalogue, certificates, halls, information, letters
from backend.assistant.answers import Catalogue
from backend.assistant.dialogue import Assistant
from backend.catalogue_cache import CatalogueCache
from backend.content_versions import ContentVersions, ensure_rows
from backend.db import lock_for_start_up, make_engine, make_sync_engine, migrate
from backend.errors import ErrorBody, install_error_handlers
from backend.logs import keep_personal_data_out_of_logs
from backend.search import SearchIndex
from backend.seed import prepare
from backend.settings import Settings, load_settings

API_PREFIX = "/api/v1"


def build_search_index(session: Session) -> SearchIndex:
    return SearchIndex.build(
        services=[s.data for s in session.exec(select(models.Service))],
        articles=[a.data for a in session.exec(select(models.Article))],
        guides=[g.data for g in session.exec(select(models.ExpatGuide))],
    )


def _database_busy(error: Exception) -> bool:
    """SQLite's "database is locked" that another worker's start-up causes
    without SQLite waiting its busy timeout (seen with two workers on one
    new file under load): the whole start-up transaction is tried again."""
    return isinstance(error, OperationalError) and "database is locked" in str(error)


@stamina.retry(on=_database_busy, attempts=5, timeout=None, wait_initial=0.5, wait_max=5.0)
def prepare_database(engine: Engine, slot_days: int) -> None:
    """Bring the schema to the newest migration, make the content version
    rows, seed an empty database, top up slots and today's queue: in one transaction, which one starting worker at a
    time may hold (the others wait, then find the work done)."""
    with engine.begin() as connection:
        lock_for_start_up(connection)
        migrate(connection)
        ensure_rows(connection)
        with Session(bind=connection) as session:
            prepare(session, slot_days)


def content_snapshot(session: Session) -> Catalogue:
    """The services and halls the assistant answers from, read once at start-up."""
    return Catalogue(
        services={s.id: s.data for s in session.exec(select(models.Service))},
        halls={h.id: h.data for h in session.exec(select(models.Hall))},
    )


def create_app(settings: Settings | None = None) -> FastAPI:
    """The API on the configured database. Start-up work runs here, on a
    synchronous engine used for nothing else; requests use the asyncio engine."""
    keep_personal_data_out_of_logs()
    settings = settings or load_settings()
    start_up = make_sync_engine(settings)
    try:
        prepare_database(start_up, settings.slot_days)
        with Session(start_up) as session:
            search_index = build_search_index(session)
            catalogue_snapshot = content_snapshot(session)
    finally:
        start_up.dispose()

    app = FastAPI(
        title="Haizhou government services - reference API",
        version="1.0.0",
        description="The reference implementation of the back-end services the citizen portal reaches through its typed clients.",
        openapi_url="/openapi.json",
        docs_url="/docs" if settings.api_docs else None,
        redoc_url=None,
        responses={
            400: {"model": ErrorBody, "description": "A body that cannot be read"},
            401: {"model": ErrorBody, "description": "Not logged in, or the session expired"},
            404: {"model": ErrorBody, "description": "Not found"},
            409: {"model": ErrorBody, "description": "Conflict"},
            422: {"model": ErrorBody, "description": "Invalid input, with the fields at fault"},
            423: {"model": ErrorBody, "description": "Account locked"},
            429: {"model": ErrorBody, "description": "Too many requests"},
            503: {"model": ErrorBody, "description": "Busy (error code overloaded): try again after Retry-After seconds"},
        },
    )
    app.state.settings = settings
    app.state.engine = make_engine(settings)
    app.state.search_index = search_index
    app.state.assistant = Assistant(search_index, catalogue_snapshot)
    install_error_handlers(app)
    for module in (catalogue, information, halls, applications, certificates, bundles, benefits, letters, accounts, assistant, health):
        app.include_router(module.router)
    app.add_middleware(CatalogueCache, versions=ContentVersions(app.state.engine))
    return app
