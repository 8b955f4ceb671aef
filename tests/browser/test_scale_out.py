"""Scale-out: the portal on two backend workers with its page state in a real
Redis (PORTAL_REDIS_URL), behind nginx. A session started on one worker
continues on the other: the proxy is restarted (every connection drops) until
the page's websocket comes back on the other worker, and the application form
goes on from the step it was at, from the state in Redis (not rebuilt from the
server-side draft, which would say so on the page)."""

from __future__ import annotations

import time

import httpx
import psutil
import pytest
from playwright.sync_api import Browser, expect

from locales import gettext_for
from tests.browser.conftest import log_in_context
from tests.conftest import ARTIFACTS
from tests.portal_server import PortalServer, free_port
from tests.servers import Nginx, readme_nginx_site


@pytest.fixture(scope="module")
def scaled(portal, portal_env, redis_server, tmp_path_factory):
    """The session's build on two workers sharing Redis, and nginx in front of them."""
    port = free_port()
    env = {
        **portal_env,
        "PORT": str(port),
        "PORTAL_DATA_DIR": str(tmp_path_factory.mktemp("scaled-data")),
        "PORTAL_REDIS_URL": redis_server.url,
        "PORTAL_WORKERS": "2",
    }
    server = PortalServer(port, env, ARTIFACTS / "portal-scaled.log")
    proxy = Nginx(tmp_path_factory.mktemp("scaled-nginx"))
    server.start()
    try:
        proxy.start(readme_nginx_site(port, proxy.port))
        yield server, proxy
    finally:
        proxy.stop()
        server.stop()


def _workers(server: PortalServer) -> list[psutil.Process]:
    """The server's worker processes: the children listening on its port."""
    children = psutil.Process(server.process.pid).children()
    return [
        child
        for child in children
        if any(c.status == psutil.CONN_LISTEN and c.laddr.port == server.port for c in child.net_connections("tcp"))
    ]


def _websocket_holders(server: PortalServer) -> list[int]:
    """Workers holding a connection from the proxy. nginx opens a connection
    per request to its upstream and closes it after the answer, so once a
    page has loaded the only lasting one is the page's websocket."""
    return [
        worker.pid
        for worker in _workers(server)
        if any(c.status == psutil.CONN_ESTABLISHED and c.laddr.port == server.port for c in worker.net_connections("tcp"))
    ]


def _continue(page, t, to_step: int) -> None:
    """Press Continue on the application form and wait (generously: two workers and Redis on a busy machine) for the next step."""
    page.get_by_test_id("apply-continue").click()
    expect(page.get_by_text(t("Step %(number)s of %(total)s") % {"number": to_step, "total": 7})).to_be_visible(timeout=30_000)


def _until(condition, timeout: float = 60.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := condition():
            return result
        time.sleep(0.3)
    return condition()


def test_a_session_continues_on_another_worker(browser: Browser, scaled):
    server, proxy = scaled
    # Each worker builds the reference API before it listens: the second may be a while on a busy machine.
    assert _until(lambda: len(_workers(server)) == 2, timeout=240), _workers(server)
    service = next(s for s in httpx.get(f"{proxy.url}/api/v1/services?size=50&locale=en", timeout=30).json()["items"] if s["online_application"])
    context = browser.new_context(base_url=proxy.url)
    log_in_context(context, proxy.url, "13900139000")
    page = context.new_page()
    t = gettext_for("en")
    page.goto(f"/en/apply/{service['id']}/")
    expect(page.locator("main h1")).to_contain_text(service["name"], timeout=30_000)  # the page has its state
    page.get_by_label(t("I meet these conditions")).check()
    _continue(page, t, 2)
    _continue(page, t, 3)

    first = _until(lambda: (holders := _websocket_holders(server)) and len(holders) == 1 and holders)
    assert first and len(first) == 1, f"one worker holds the page's websocket: {first}"
    moved = None
    for _attempt in range(20):  # which worker accepts a new connection is up to the kernel
        proxy.stop()
        proxy.start()
        moved = _until(lambda: _websocket_holders(server))
        if moved and moved != first:
            break
    assert moved and moved != first, "the page reconnected to the other worker"
    assert len(_workers(server)) == 2  # both still serving: the session moved, nothing was restarted
    expect(page.get_by_text(t("Step %(number)s of %(total)s") % {"number": 3, "total": 7})).to_be_visible(timeout=30_000)
    expect(page.get_by_text(t("We kept your unfinished application. You can carry on where you stopped."))).to_have_count(0)
    _continue(page, t, 4)  # handled by the other worker, from the state in Redis
    assert _websocket_holders(server) == moved
    context.close()
