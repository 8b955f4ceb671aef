"""Reflex configuration: production serves the frontend and backend on one port."""

import os

import reflex as rx

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
    disable_plugins=[rx.plugins.SitemapPlugin],
    # Pages, websocket and API share one origin, so no other origin is allowed
    # to read an answer; frontend/security.py refuses their writes.
    cors_allowed_origins=[],
)
