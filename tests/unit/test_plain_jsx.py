"""The portal builds without Emotion (frontend/plain_jsx.py): no component
may pass a style, which only Emotion's ``css`` prop would apply. Styles belong
in the stylesheets."""

from __future__ import annotations

from reflex_base.components.component import Component

import frontend.frontend  # noqa: F401 - registers every page family
from frontend.pages import PAGES
from frontend.plain_jsx import with_alias
from kiosk.screens import KIOSK_SCREENS, attract_page


def _styled(component, path: str, found: list[str]) -> None:
    if not isinstance(component, Component):
        return
    if component.style:
        found.append(f"{path}: {type(component).__name__} {sorted(component.style)}")
    for child in component.children:
        _styled(child, path, found)


def test_no_component_passes_a_style():
    found: list[str] = []
    for spec in PAGES:
        _styled(spec.render("en"), spec.path, found)
    for path, render, _on_load in KIOSK_SCREENS:
        _styled(render("en"), f"kiosk/{path}", found)
    _styled(attract_page(), "kiosk", found)
    assert not found, found


def test_emotion_resolves_to_the_plain_module_once():
    config = 'resolve: {\n    alias: [\n      {\n        find: "$",'
    aliased = with_alias(config)
    assert aliased.count("@emotion") == 1 and with_alias(aliased) == aliased
