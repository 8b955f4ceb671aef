"""Health that means something: the portal is live while its process
answers, and ready only while the back end it needs answers (and that back
end is ready only while its database answers)."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.portal_server import ReferenceApi


def _status(url: str) -> int:
    try:
        return httpx.get(url, timeout=15).status_code
    except httpx.HTTPError:
        return 0


def _until(url: str, status: int, timeout: float = 60) -> int:
    """The status ``url`` answers once it answers ``status``, or the last one seen at the deadline."""
    deadline = time.monotonic() + timeout
    seen = _status(url)
    while seen != status and time.monotonic() < deadline:
        time.sleep(0.5)
        seen = _status(url)
    return seen


@pytest.fixture(scope="module")
def separate_api(portal, portal_env, tmp_path_factory):
    """The portal pointed at a reference API run alone, which the tests stop and start."""
    api = ReferenceApi(portal_env, str(tmp_path_factory.mktemp("health-api")))
    api.start()
    portal.stop()
    portal.start(PORTAL_API_URL=api.url)
    yield api
    api.stop()
    portal.stop()
    portal.start()


def test_readiness_follows_the_back_end(portal, separate_api):
    assert _status(f"{portal.url}/_portal/ready") == 200
    assert httpx.get(f"{portal.url}/_portal/ready").json() == {"status": True, "api": True}
    separate_api.stop()
    try:
        assert _until(f"{portal.url}/_portal/ready", 503) == 503
        body = httpx.get(f"{portal.url}/_health", timeout=15)
        assert body.status_code == 503 and body.json() == {"status": False, "api": False}
        assert _status(f"{portal.url}/_portal/live") == 200  # alive all the same: nothing to restart
        assert _status(f"{portal.url}/zh/") == 200
    finally:
        separate_api.start()
    assert _until(f"{portal.url}/_portal/ready", 200) == 200

