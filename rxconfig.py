"""Reflex configuration: production serves the frontend and backend on one port."""

import os

import reflex as rx

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
    default_color_mode="light",
    frontend_compression_formats=["brotli", "gzip"],
    # Pages with a path parameter are prerendered as templates the server fills
    # (frontend/page_server.py); no CSS-in-JS runtime (frontend/plain_jsx.py).
    plugins=[RecordTemplates(), PlainJsx()],
    # The portal's server writes robots.txt and the sitemaps from live content (frontend/seo.py).
    disable_plugins=[rx.plugins.SitemapPlugin],
)
