"""Budget: production build time, and `make run` (build, then serve) to the
first page served, with the virtual environment and node modules in place.
(A cold `make run` on a fresh machine adds the installs; see the notes.)"""

from __future__ import annotations

import json
import time

import httpx

from tests.portal_server import PortalServer, build, free_port


def test_build_and_first_page(portal_env, artifacts, tmp_path):
    # The same build the session serves (same settings, so its files come out the same).
    started = time.monotonic()
    build(portal_env)
    built = time.monotonic()
    port = free_port()
    server = PortalServer(port, {**portal_env, "PORT": str(port)}, tmp_path / "server.log")
    server.start(ready_path="/zh/")  # "/" only redirects
    first_page = time.monotonic()
    assert httpx.get(f"{server.url}/zh/").status_code == 200
    server.stop()
    figures = {"build_seconds": round(built - started, 1), "build_and_serve_to_first_page_seconds": round(first_page - started, 1)}
    print(figures)
    (artifacts / "bench-build.json").write_text(json.dumps(figures, indent=2))
