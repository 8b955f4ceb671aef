"""One build serves anywhere: the session's build, served on a port it was
not built with (nothing listens on the built one), and behind nginx on
another host name and port with the README's own configuration, loads a
guide's content over its websocket."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Browser, expect

from tests.browser.conftest import HYDRATED
from tests.conftest import ARTIFACTS
from tests.portal_server import PortalServer, free_port
from tests.servers import Nginx, readme_nginx_site


@pytest.fixture(scope="module")
def moved_portal(portal, portal_env):
    """The build served on a new port; the port it was built with is left dead."""
    portal.stop()
    port = free_port()
    server = PortalServer(port, {**portal_env, "PORT": str(port)}, ARTIFACTS / "portal-moved.log")
    try:
        server.start()
        yield server
    finally:
        server.stop()
        portal.start()


@pytest.fixture(scope="module")
def proxy(moved_portal, tmp_path_factory):
    nginx = Nginx(tmp_path_factory.mktemp("nginx"))
    nginx.start(readme_nginx_site(moved_portal.port, nginx.port))
    yield nginx
    nginx.stop()


def _open_guide(browser: Browser, url: str) -> list[str]:
    """Open a guide at ``url`` and wait for its content, then search from it
    (search runs the live app; a guide for a reader who is not signed in
    needs none); the websocket URLs the search page opened."""
    context = browser.new_context()
    page = context.new_page()
    sockets: list[str] = []
    page.on("websocket", lambda socket: sockets.append(socket.url))
    try:
        page.goto(url)
        expect(page.locator("main .checklist")).to_be_visible(timeout=30_000)
        expect(page.locator("main h1")).not_to_be_empty()
        page.locator("#site-search").fill("passport")
        page.locator("#site-search").press("Enter")
        page.wait_for_function(HYDRATED, timeout=30_000)
        deadline = time.monotonic() + 15
        while not sockets and time.monotonic() < deadline:
            page.wait_for_timeout(200)
    finally:
        context.close()
    return sockets


def test_the_build_serves_on_another_port(browser, portal_env, moved_portal):
    assert moved_portal.port != int(portal_env["PORT"])
    sockets = _open_guide(browser, f"{moved_portal.url}/en/services/ps-id-card/")
    assert sockets and all(url.startswith(f"ws://localhost:{moved_portal.port}/_event") for url in sockets)


def test_the_build_serves_behind_a_proxy_on_another_host_and_port(browser, moved_portal, proxy):
    sockets = _open_guide(browser, f"{proxy.url}/fr/services/ps-id-card/")
    assert sockets and all(url.startswith(f"ws://127.0.0.1:{proxy.port}/_event") for url in sockets)
    # The websocket went through the proxy: nginx logs it once it has closed.
    log = proxy.folder / "access.log"
    deadline = time.monotonic() + 15
    while "/_event" not in log.read_text() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "/_event" in log.read_text()
