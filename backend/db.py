"""The database: SQLite by default (a file in the data folder), PostgreSQL in
production (``PORTAL_DATABASE_URL=postgresql+psycopg://...``).

Requests use one asyncio engine (aiosqlite or psycopg's async mode): a request
waiting for a connection waits on the event loop, never in a thread it cannot
give back, and gives up after ``Settings.db_timeout_seconds`` (the API then
answers 503). Start-up work (migrations, seeding, the search index) and tests
use a synchronous engine on the same database, never a request.
"""

from __future__ import annotations

import asyncio
import sqlite3
from functools import partial
from pathlib import Path

import aiosqlite

from alembic import command
from alembic.config import Config
from sqlalchemy import event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlmodel import create_engine

from backend.settings import Settings

MIGRATIONS = Path(__file__).with_name("migrations")
BASELINE = "0001"  # the schema as create_all made it before migrations
# How long a starting worker waits on SQLite for another one to finish migrating
# and seeding (on PostgreSQL it waits for the advisory lock as long as it takes).
START_UP_WAIT_SECONDS = 120
# Any constant: the PostgreSQL advisory lock that lets one worker at a time prepare the database.
START_UP_LOCK = 0x48415A48


def database_url(settings: Settings, *, asynchronous: bool) -> URL:
    """``PORTAL_DATABASE_URL`` with the driver each engine needs: ``sqlite:///`` is
    aiosqlite for requests and sqlite3 at start-up; ``postgresql://`` and
    ``postgresql+psycopg://`` are psycopg 3 (async or not) both times."""
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        return url.set(drivername="sqlite+aiosqlite" if asynchronous else "sqlite")
    if url.get_backend_name() == "postgresql":
        return url.set(drivername="postgresql+psycopg")
    return url


class SQLiteConnection(aiosqlite.Connection):
    """aiosqlite's connection (0.22), whose worker thread is stopped once.

    SQLAlchemy ends a cancelled request's connection with ``close()`` under
    ``asyncio.shield`` and, when that wait is cancelled too, ``stop()`` at
    once. aiosqlite's ``close()`` then queues a second stop behind the first,
    which the ended worker never answers, and waits for it for ever: a task
    left behind by every such request, and an event loop that cannot finish
    (a server shutting down, a test's ``asyncio.run``) once it cancels one
    (sqlalchemy#13039, wapiti-scanner/wapiti#802).
    """

    async def close(self) -> None:
        """Close the connection and end the worker; after ``stop()``, nothing to do:
        the worker's last job closes the connection."""
        if self._running:
            await super().close()

    def stop(self) -> asyncio.Future | None:
        """Queue the worker's last job (close, then end) unless it is queued already;
        the future resolves when the worker has run it."""
        return super().stop() if self._running else None


def make_engine(settings: Settings) -> AsyncEngine:
    """The engine every request uses: a pool of ``db_pool_size`` connections;
    checking one out waits at most ``db_timeout_seconds``, then raises
    ``sqlalchemy.exc.TimeoutError``; waiting for a lock (SQLite's write lock,
    a PostgreSQL row or table lock) gives up as soon, with an ``OperationalError``."""
    url = database_url(settings, asynchronous=True)
    # hide_parameters: a database error never quotes the ID or phone number it was given (backend/logs.py).
    pool = {"pool_size": settings.db_pool_size, "max_overflow": 0, "pool_timeout": settings.db_timeout_seconds, "hide_parameters": True}
    if url.get_backend_name() != "sqlite":
        # A statement waiting for a row or table lock gives up as soon as a checkout would.
        lock_timeout = f"-c lock_timeout={int(settings.db_timeout_seconds * 1000)}"
        return create_async_engine(url, pool_pre_ping=True, connect_args={"options": lock_timeout}, **pool)
    settings.data_dir.mkdir(parents=True, exist_ok=True)

    async def connect() -> SQLiteConnection:
        connection = SQLiteConnection(partial(sqlite3.connect, url.database, timeout=settings.db_timeout_seconds), iter_chunk_size=64)
        connection._thread.daemon = True  # as SQLAlchemy does for aiosqlite.connect(): a worker never holds up exit
        return await connection

    engine = create_async_engine(url, async_creator=connect, **pool)

    @event.listens_for(engine.sync_engine, "connect")
    def _sqlite_pragmas(connection, _record) -> None:
        cursor = connection.cursor()
        # WAL lets readers run beside the one writer; foreign keys are off by default in SQLite.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return engine


def make_sync_engine(settings: Settings) -> Engine:
    """A synchronous engine on the same database, for start-up work and tests.
    On SQLite each of its transactions takes the write lock at BEGIN
    (``BEGIN IMMEDIATE``), so DDL is transactional and two starting workers
    take turns; foreign keys stay off, as SQLite's batch migrations need."""
    url = database_url(settings, asynchronous=False)
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, hide_parameters=True)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, connect_args={"timeout": START_UP_WAIT_SECONDS}, hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _sqlite_transactions(connection, _record) -> None:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.isolation_level = None  # sqlite3 no longer begins by itself: the "begin" hook does

    @event.listens_for(engine, "begin")
    def _begin_immediate(connection) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def lock_for_start_up(connection: Connection) -> None:
    """Let one worker at a time migrate and seed, until ``connection``'s
    transaction ends. SQLite's ``BEGIN IMMEDIATE`` already holds its write lock."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": START_UP_LOCK})


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration for ``backend/migrations``; with ``connection``,
    migrations run on it, inside its transaction."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def migrate(connection: Connection) -> None:
    """Bring the schema to the newest Alembic revision, in ``connection``'s
    transaction. A database whose tables ``create_all`` made, before there were
    migrations, is taken as being at the baseline."""
    config = alembic_config(connection)
    tables = inspect(connection).get_table_names()
    if tables and "alembic_version" not in tables:
        command.stamp(config, BASELINE)
    command.upgrade(config, "head")
