"""The parent of every kiosk screen's state. The idle reset wipes all of
them, and every other state of the tab, through the session's end
(frontend/session.py, components/session.js)."""

from __future__ import annotations

import reflex as rx


class KioskState(rx.State):
    """The parent of every kiosk screen's state."""
