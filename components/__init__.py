"""UI building blocks shared by the portal and the kiosk."""

from __future__ import annotations

from components.assets import shared_stylesheet


def stylesheets() -> list[str]:
    """The design tokens and base styles, bundled into the app's global CSS."""
    return [shared_stylesheet("theme.css")]
