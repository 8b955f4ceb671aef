"""Inline SVG icons (24 x 24, stroked), decorative: words always go with them.

Inline paths cost a few bytes each and need no icon library in the bundle.
The stroke is styled by the ``icon`` class in theme.css, so an icon carries
no inline style. The same paths serve the pages' components and the HTML the
server renders (:func:`icon_svg`).
"""

from __future__ import annotations

from html import escape

import reflex as rx

_PATHS: dict[str, tuple[str, ...]] = {
    "landmark": ("M3 21h18", "M5 21V10", "M9.5 21V10", "M14.5 21V10", "M19 21V10", "M2 10 12 3l10 7z"),
    "search": ("M11 3a8 8 0 1 0 0 16 8 8 0 0 0 0-16z", "m21 21-4.3-4.3"),
    "phone": (
        "M22 16.9v3a2 2 0 0 1-2.2 2 19.8 19.8 0 0 1-8.6-3.1 19.5 19.5 0 0 1-6-6A19.8 19.8 0 0 1 2.1 4.2"
        " 2 2 0 0 1 4.1 2h3a2 2 0 0 1 2 1.7c.1 1 .4 1.9.7 2.8a2 2 0 0 1-.5 2.1L8.1 9.9a16 16 0 0 0 6 6"
        "l1.3-1.3a2 2 0 0 1 2.1-.4c.9.3 1.8.6 2.8.7a2 2 0 0 1 1.7 2z",
    ),
    "person": ("M19 21v-2a4 4 0 0 0-4-4H9a4 4 0 0 0-4 4v2", "M12 3a4 4 0 1 0 0 8 4 4 0 0 0 0-8z"),
    "building": ("M6 22V3a1 1 0 0 1 1-1h10a1 1 0 0 1 1 1v19", "M3 22h18", "M10 22v-4h4v4", "M9.5 6h1M13.5 6h1M9.5 10h1M13.5 10h1M9.5 14h1M13.5 14h1"),
    "map": ("M9 4 3 6v14l6-2 6 2 6-2V4l-6 2z", "M9 4v14", "M15 6v14"),
    "chart": ("M22 7l-8.5 8.5-5-5L2 17", "M16 7h6v6"),
    "globe": ("M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z", "M12 2a14.5 14.5 0 0 0 0 20 14.5 14.5 0 0 0 0-20", "M2 12h20"),
    "baby": ("M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z", "M9 11h.01M15 11h.01", "M9.5 15c1.5 1.2 3.5 1.2 5 0", "M12 3c1.5 0 2 1.5 1 2.5"),
    "school": ("M22 10 12 5 2 10l10 5z", "M6 12v5c3 3 9 3 12 0v-5", "M22 10v6"),
    "briefcase": ("M4 7h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2z", "M16 21V5a2 2 0 0 0-2-2h-4a2 2 0 0 0-2 2v16"),
    "heart": ("M19 14c1.5-1.5 3-3.2 3-5.5A5.5 5.5 0 0 0 16.5 3c-1.8 0-3 .5-4.5 2-1.5-1.5-2.7-2-4.5-2A5.5 5.5 0 0 0 2 8.5C2 10.8 3.5 12.5 5 14l7 7z",),
    "home": ("M3 10 12 3l9 7v10a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z", "M9 22V12h6v10"),
    "sun": ("M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z", "M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"),
    "flower": ("M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z", "M12 9V3M12 21v-6M9 12H3M21 12h-6", "M12 22c-4 0-6-3-6-6M12 22c4 0 6-3 6-6"),
    "store": ("M3 9 4.5 4h15L21 9", "M3 9h18v1.5a3 3 0 0 1-6 0 3 3 0 0 1-6 0 3 3 0 0 1-6 0z", "M5 13v8h14v-8", "M10 21v-5h4v5"),
    "bell": ("M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9", "M10.3 21a2 2 0 0 0 3.4 0"),
    "accessibility": ("M12 2.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z", "M4 8l8 1.5L20 8", "M12 9.5V14l-3 7", "M12 14l3 7"),
    "eye": ("M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z", "M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6z"),
    "chat": ("M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z",),
    "calendar": ("M5 4h14a2 2 0 0 1 2 2v14a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z", "M16 2v4M8 2v4M3 10h18"),
    "document": ("M14 2H6a2 2 0 0 0-2 2v16a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2V8z", "M14 2v6h6", "M8 13h8M8 17h8"),
    "clock": ("M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20z", "M12 6v6l4 2"),
    "shield": ("M12 22s8-4 8-10V5l-8-3-8 3v7c0 6 8 10 8 10z",),
    "speaker": ("M11 5 6 9H2v6h4l5 4z", "M15.5 8.5a5 5 0 0 1 0 7", "M19 5a10 10 0 0 1 0 14"),
    "health": ("M19 14c1.5-1.5 3-3.2 3-5.5A5.5 5.5 0 0 0 16.5 3c-1.8 0-3 .5-4.5 2-1.5-1.5-2.7-2-4.5-2A5.5 5.5 0 0 0 2 8.5C2 10.8 3.5 12.5 5 14l7 7z", "M3.5 12H9l1-2 2 4 1-2h7.5"),
    "car": ("M5 17h14v-5l-2-5H7l-2 5z", "M3 12h18", "M7 17v2M17 17v2", "M7.5 14h.01M16.5 14h.01"),
    "id_card": ("M4 5h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V7a2 2 0 0 1 2-2z", "M9 9a2 2 0 1 0 0 4 2 2 0 0 0 0-4z", "M6 16c.5-1.5 1.5-2 3-2s2.5.5 3 2", "M15 10h4M15 14h3"),
    "arrow_left": ("M19 12H5", "M12 19l-7-7 7-7"),
    "menu": ("M3 6h18", "M3 12h18", "M3 18h18"),
    "mic": ("M12 2a3 3 0 0 0-3 3v7a3 3 0 0 0 6 0V5a3 3 0 0 0-3-3z", "M19 10v2a7 7 0 0 1-14 0v-2", "M12 19v3"),
    "printer": ("M6 9V2h12v7", "M6 18H4a2 2 0 0 1-2-2v-5a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v5a2 2 0 0 1-2 2h-2", "M6 14h12v8H6z"),
    "mute": ("M11 5 6 9H2v6h4l5 4z", "M22 9l-6 6", "M16 9l6 6"),
    "wallet": ("M20 7H5a2 2 0 0 1 0-4h13v4", "M3 5v14a2 2 0 0 0 2 2h15V7", "M17 14h.01"),
}


def icon(name: str, class_name: str = "icon") -> rx.Component:
    """A decorative icon, hidden from assistive technology."""
    return rx.el.svg(
        *(rx.el.path(d=d) for d in _PATHS[name]),
        view_box="0 0 24 24",
        aria_hidden="true",
        class_name=class_name,
        custom_attrs={"focusable": "false"},
    )


def icon_svg(name: str, class_name: str = "icon") -> str:
    """The same icon as SVG markup, for HTML rendered on the server."""
    paths = "".join(f'<path d="{escape(d)}"></path>' for d in _PATHS[name])
    return f'<svg viewBox="0 0 24 24" aria-hidden="true" class="{escape(class_name)}" focusable="false">{paths}</svg>'
