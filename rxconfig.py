"""Reflex configuration: production serves the frontend and backend on one port.

The built pages find their backend at run time on the origin they were
served from (frontend/same_origin.py), so ``PORT`` at build time matters only
to ``reflex run``. ``PORTAL_REDIS_URL`` keeps page state in Redis, which lets
several backend workers (and machines) share sessions.
"""

import os

import reflex as rx

from frontend.same_origin import SameOriginBackend
from frontend.plain_jsx import PlainJsx
from frontend.prerender import RecordTemplates

PORT = int(os.environ.get("PORT", "3000"))

config = rx.Config(
    app_name="frontend",
    telemetry_enabled=False,
    # The "built with Reflex" badge is an external link and a 30 px target:
    # a kiosk must not have the first, elder mode must not have the second.
    show_built_with_reflex=False,
    frontend_port=PORT,
    backend_port=PORT,
    api_url=f"http://localhost:{PORT}",
    redis_url=os.environ.get("PORTAL_REDIS_URL") or None,
    default_color_mode="light",
    frontend_compression_formats=["brotli", "gzip"],
    # One build for any origin (frontend/same_origin.py); pages with a path
    # parameter prerendered as templates the server fills (frontend/page_server.py);
    # no CSS-in-JS runtime (frontend/plain_jsx.py).
    plugins=[SameOriginBackend(), RecordTemplates(), PlainJsx()],
    # The portal's server writes robots.txt and the sitemaps from live content (frontend/seo.py).
    disable_plugins=[rx.plugins.SitemapPlugin],
    # Pages, websocket and API share one origin, so no other origin is allowed
    # to read an answer; frontend/security.py refuses their writes.
    cors_allowed_origins=[],
)
