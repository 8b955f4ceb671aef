"""Static files kept beside the Python module that uses them."""

from __future__ import annotations

import reflex as rx


def shared_stylesheet(name: str, _stack_level: int = 1) -> str:
    """Link a CSS file next to the calling module into the app's assets and
    return its path for ``rx.App(stylesheets=...)``. The bundler fingerprints
    the compiled stylesheet, so the content-hash query is not needed here."""
    url = rx.asset(name, shared=True, _stack_level=_stack_level + 1)
    return url.split("?", 1)[0]
