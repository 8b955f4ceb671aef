"""What the benchmarks share: the blank Reflex app of the same version, built
for production and served the same way as the portal, as the baseline."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from tests.portal_server import PortalServer, build, free_port

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


@pytest.fixture(scope="session")
def blank_app(tmp_path_factory, portal_env):
    """The Reflex blank template, built for production and served on its own port."""
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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Benchmarks measure for as long as they need: the suite's per-test timeout is for hangs, not for them."""
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):  # the hook sees the whole session's items
            item.add_marker(pytest.mark.timeout(0))
