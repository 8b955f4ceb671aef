"""Alembic migrations, on SQLite and PostgreSQL: a migrated database is exactly
the models' schema (a model changed without a revision fails here), an older
database made by create_all is taken over, and workers starting together
migrate and seed once."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import func, text
from sqlmodel import Session, SQLModel, select

from backend import models
from backend.content import load_content
from backend.db import BASELINE, alembic_config, make_sync_engine, migrate
from tests.conftest import DATABASES, fresh_settings
from tests.portal_server import ROOT

HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()


def schema_differences(connection) -> list:
    context = MigrationContext.configure(connection, opts={"compare_type": True, "compare_server_default": True})
    return compare_metadata(context, SQLModel.metadata)


@pytest.fixture(params=DATABASES)
def empty_database(request, tmp_path):
    """A sync engine on a new, empty database, and its settings."""
    settings = fresh_settings(request.param, tmp_path, request)
    engine = make_sync_engine(settings)
    yield engine, settings
    engine.dispose()


def test_a_migrated_database_is_exactly_the_models_schema(api_app, api_db):
    """The API's own database, migrated from empty at start-up: if this fails, a model changed without a revision (see README)."""
    with api_db.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == HEAD
        assert schema_differences(connection) == []


def test_a_database_made_before_migrations_is_taken_over(empty_database):
    """A database create_all made before migrations (the baseline's tables, no
    ``alembic_version``) is stamped at the baseline and brought to the head."""
    engine, _settings = empty_database
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), BASELINE)
        connection.execute(text("DROP TABLE alembic_version"))
    with engine.begin() as connection:
        migrate(connection)
    with engine.connect() as connection:
        assert MigrationContext.configure(connection).get_current_revision() == HEAD
        assert schema_differences(connection) == []


# A worker process: import first (slow), then start preparing the database at the given moment.
WORKER = """
import sys, time
from backend.app import prepare_database
from backend.db import make_sync_engine
from backend.settings import load_settings
settings = load_settings()
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
prepare_database(make_sync_engine(settings), settings.slot_days)
"""


def test_workers_starting_together_migrate_and_seed_once(empty_database):
    """Two worker processes (as ``BACKEND_WORKERS=2`` starts them) on one empty database, at the same moment."""
    engine, settings = empty_database
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PORTAL_DATA_DIR": str(settings.data_dir), "PORTAL_DATABASE_URL": settings.database_url}
    start_at = str(time.time() + 10)
    workers = [
        subprocess.Popen([sys.executable, "-c", WORKER, start_at], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        for _ in range(2)
    ]
    errors = [worker.communicate(timeout=600)[1] for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], [e[-600:] for e in errors]
    content = load_content()
    with Session(engine) as session:
        assert session.exec(select(func.count()).select_from(models.Service)).one() == len(content.services)
        assert session.exec(select(func.count()).select_from(models.Application)).one() == len(content.history.applications)
