"""The built env chunk takes its backend URLs from the page's own origin."""

from __future__ import annotations

import json
import subprocess

import pytest

from frontend.same_origin import same_origin_module
from tests.portal_server import BIN

BUILT_ENV = {
    "PING": "http://localhost:3999/ping",
    "EVENT": "ws://localhost:3999/_event",
    "UPLOAD": "http://localhost:3999/_upload",
    "TRANSPORT": "websocket",
    "TEST_MODE": False,
}


def _evaluate(module: str, page: str, folder) -> dict:
    """Import the module in Node with ``window.location`` at ``page``."""
    (folder / "env.mjs").write_text(module)
    script = f"globalThis.window={{location:new URL({json.dumps(page)})}};const m=await import('./env.mjs');console.log(JSON.stringify(m.t))"
    (folder / "run.mjs").write_text(script)
    return json.loads(subprocess.run([str(BIN / "node"), "run.mjs"], cwd=folder, capture_output=True, text=True, check=True).stdout)


@pytest.mark.parametrize(
    ("page", "http", "ws"),
    [
        ("http://localhost:8080/en/services/", "http://localhost:8080", "ws://localhost:8080"),
        ("http://portal.example:8000/zh/", "http://portal.example:8000", "ws://portal.example:8000"),
        ("https://portal.example/fr/expat/visas/", "https://portal.example", "wss://portal.example"),
        ("https://[::1]:8443/ko/", "https://[::1]:8443", "wss://[::1]:8443"),
    ],
)
def test_urls_follow_the_page(tmp_path, page, http, ws):
    env = _evaluate(same_origin_module(BUILT_ENV, "t"), page, tmp_path)
    assert env == {"PING": f"{http}/ping", "EVENT": f"{ws}/_event", "UPLOAD": f"{http}/_upload", "TRANSPORT": "websocket", "TEST_MODE": False}
