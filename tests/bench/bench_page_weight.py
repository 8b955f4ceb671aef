"""Budget: a locale home page on first visit at most 300 KB compressed; the
blank Reflex 0.10 app (about 340 KB) is the baseline. Also a service guide
and a search results page. Figures are printed and saved, never asserted."""

from __future__ import annotations

import json
import textwrap

import pytest

from locales import LOCALES
from tests.bench.weight import first_visit
from tests.portal_server import PortalServer, build, free_port


def test_first_visit_weight(browser, portal, artifacts):
    pages = [f"/{locale}/" for locale in LOCALES] + ["/en/services/ps-id-card", "/zh/search?q=shebao", "/fr/expat"]
    figures = {}
    for path in pages:
        transfer = first_visit(browser, portal.url + path, wait_for="main h1")
        figures[path] = {"kilobytes": transfer.kilobytes, "requests": transfer.requests}
        print(f"{path:32} {transfer.kilobytes:8.1f} KB  {transfer.requests:3d} requests")
    (artifacts / "bench-page-weight.json").write_text(json.dumps(figures, indent=2))
    assert all(f["requests"] > 0 for f in figures.values())


BLANK_APP = textwrap.dedent(
    '''
    import reflex as rx

    class State(rx.State):
        pass

    def index() -> rx.Component:
        return rx.container(
            rx.color_mode.button(position="top-right"),
            rx.vstack(rx.heading("Welcome to Reflex!", size="9"), rx.text("Get started by editing ", rx.code("blank/blank.py")), spacing="5"),
        )

    app = rx.App()
    app.add_page(index)
    '''
)


@pytest.fixture(scope="module")
def blank_app(tmp_path_factory, portal_env):
    """The Reflex blank template, built for production and served the same way."""
    root = tmp_path_factory.mktemp("blank-reflex")
    (root / "blank").mkdir()
    (root / "blank" / "__init__.py").write_text("")
    (root / "blank" / "blank.py").write_text(BLANK_APP)
    port = free_port()
    (root / "rxconfig.py").write_text(
        f'import reflex as rx\nconfig = rx.Config(app_name="blank", telemetry_enabled=False, '
        f'frontend_port={port}, backend_port={port}, api_url="http://localhost:{port}")\n'
    )
    env = {**portal_env, "PORT": str(port)}
    build(env, cwd=root)
    server = PortalServer(port, env, root / "server.log", cwd=root)
    server.start(ready_path="/")
    yield f"http://localhost:{port}/"
    server.stop()


def test_blank_reflex_baseline(browser, blank_app, artifacts):
    transfer = first_visit(browser, blank_app, wait_for="h1")
    print(f"blank Reflex app {transfer.kilobytes:8.1f} KB  {transfer.requests:3d} requests")
    (artifacts / "bench-blank-reflex.json").write_text(json.dumps({"kilobytes": transfer.kilobytes, "requests": transfer.requests}))
    assert transfer.requests > 0
