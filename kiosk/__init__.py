"""The kiosk profile for community service points: touch and voice screens,
speech out and in, the device bridge, and the idle reset."""

from __future__ import annotations

import reflex as rx

from components.assets import shared_stylesheet


def stylesheets() -> list[str]:
    return [shared_stylesheet("kiosk.css")]


def head_components() -> list[rx.Component]:
    return [
        rx.el.script(src=rx.asset("kiosk.js", shared=True), defer=True),
        rx.el.script(src=rx.asset("hangul.js", shared=True), defer=True),
    ]
