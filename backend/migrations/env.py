"""Alembic's environment for the reference API: the tables of
``backend.models``, on the connection the API's start-up passes in, or (from
the ``alembic`` command line) on the database the settings name."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString, UTCDateTime

from backend import models  # noqa: F401  (registers the tables)
from backend.db import lock_for_start_up, make_sync_engine
from backend.settings import load_settings


def render_item(kind: str, item, _autogen_context):
    """SQLModel's column types written as plain SQLAlchemy ones, so revisions never import SQLModel."""
    if kind == "type" and isinstance(item, AutoString):
        return f"sa.String(length={item.length})" if item.length else "sa.String()"
    if kind == "type" and isinstance(item, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def run_migrations(connection) -> None:
    # Batch operations rebuild a table where SQLite cannot ALTER it; elsewhere they are plain ALTERs.
    context.configure(connection=connection, target_metadata=SQLModel.metadata, render_as_batch=True, render_item=render_item)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    engine = make_sync_engine(load_settings())
    with engine.begin() as connection:
        lock_for_start_up(connection)
        run_migrations(connection)
    engine.dispose()
