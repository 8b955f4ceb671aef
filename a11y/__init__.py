"""Accessibility preferences: elder mode, text size, contrast, cursor, reading
guide, text-only view. Their CSS and browser script live beside this module;
the toolbar that sets them is in :mod:`a11y.toolbar`."""

from __future__ import annotations

from pathlib import Path

import reflex as rx

from components.assets import shared_stylesheet

_HERE = Path(__file__).parent


def head_components() -> list[rx.Component]:
    """The boot script (inline, runs before first paint) and the deferred toolbar script."""
    return [
        rx.el.script((_HERE / "boot.js").read_text(encoding="utf-8")),
        rx.el.script(src=rx.asset("prefs.js", shared=True), defer=True),
    ]


def stylesheets() -> list[str]:
    """The preference stylesheets, bundled into the app's global CSS."""
    return [shared_stylesheet("prefs.css")]
