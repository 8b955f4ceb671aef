"""UI building blocks shared by the portal and the kiosk."""

from __future__ import annotations

import reflex as rx

from components.assets import shared_stylesheet


def stylesheets() -> list[str]:
    """The design tokens and base styles, bundled into the app's global CSS."""
    return [shared_stylesheet("theme.css")]


def head_components() -> list[rx.Component]:
    """Behaviour for shared components that needs no server round trip."""
    return [
        rx.el.link(rel="icon", type="image/svg+xml", href=rx.asset("favicon.svg", shared=True)),
        rx.el.script(src=rx.asset("combobox.js", shared=True), defer=True),
        rx.el.script(src=rx.asset("forms.js", shared=True), defer=True),
        rx.el.script(src=rx.asset("uploads.js", shared=True), defer=True),
        rx.el.script(src=rx.asset("session.js", shared=True), defer=True),
        rx.el.script(src=rx.asset("voice_search.js", shared=True), defer=True),
        rx.el.script(src=rx.asset("app_boot.js", shared=True), defer=True),
    ]
