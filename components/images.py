"""Images that say what they show: the alternative text is also kept as text
that the text-only view shows in the image's place (a11y/prefs.css)."""

from __future__ import annotations

import reflex as rx


def image(src: str | rx.Var, alt: str | rx.Var, class_name: str = "") -> rx.Component:
    return rx.fragment(
        rx.el.img(src=src, alt=alt, class_name=class_name),
        rx.el.span("[", alt, "]", class_name="alt-text"),
    )
