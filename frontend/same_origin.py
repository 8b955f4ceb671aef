"""One build serves on any port and host, behind any proxy.

Reflex writes its backend's URLs (``api_url``: the websocket at ``/_event``,
uploads at ``/_upload``...) into ``.web/env.json`` at build time, and Vite
bundles that file as its own chunk, ``assets/reflex-env-<hash>.js``. In the
browser, Reflex swaps a ``localhost`` host name for the page's, but keeps the
built port unless the page is on https, so a build served on another port,
or behind a proxy on another host or port, talks to the wrong server.

The portal serves its frontend and backend from one origin, so after the
build this plugin rewrites that chunk: each URL keeps its path and takes the
scheme, host and port of the page that loaded it (``ws:``/``wss:`` following
``http:``/``https:``). It is a static file like the others, decided in the
browser at run time; nothing depends on proxy headers.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from reflex_base.plugins.base import Plugin

_EXPORT = re.compile(r"export\s*\{\s*\w+\s+as\s+(\w+)\s*\}\s*;?\s*$")


def same_origin_module(env: dict, export_name: str) -> str:
    """The env chunk as an ES module whose URLs follow ``window.location``."""
    entries = []
    for key, value in env.items():
        url = urlsplit(value) if isinstance(value, str) else None
        if url and url.scheme in ("http", "https", "ws", "wss") and url.netloc:
            base = "w" if url.scheme.startswith("ws") else "h"
            entries.append(f"{json.dumps(key)}:{base}+{json.dumps(url.path)}")
        else:
            entries.append(f"{json.dumps(key)}:{json.dumps(value)}")
    return (
        "// The backend is wherever this page came from (frontend/same_origin.py).\n"
        'const o=typeof window==="undefined"?new URL("http://localhost"):window.location;\n'
        'const h=o.protocol+"//"+o.host,w=(o.protocol==="https:"?"wss:":"ws:")+"//"+o.host;\n'
        f"const env={{{','.join(entries)}}};\n"
        f"export{{env as {export_name}}};\n"
    )


class SameOriginBackend(Plugin):
    """After ``reflex export``, rewrite the env chunk (see the module's docstring)."""

    def post_build(self, **context) -> None:
        static_dir: Path = context["static_dir"]
        chunks = list((static_dir / "assets").glob("reflex-env-*.js"))
        if len(chunks) != 1:
            msg = f"expected one reflex-env chunk in {static_dir / 'assets'}, found {[c.name for c in chunks]}"
            raise RuntimeError(msg)
        export = _EXPORT.search(chunks[0].read_text())
        if export is None:
            msg = f"{chunks[0].name} does not end with the single export this plugin rewrites"
            raise RuntimeError(msg)
        from reflex.utils.prerequisites import get_web_dir
        from reflex_base.constants import Dirs

        env = json.loads((get_web_dir() / Dirs.ENV_JSON).read_text())
        chunks[0].write_text(same_origin_module(env, export.group(1)))
