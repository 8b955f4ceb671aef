"""The portal's page families. Each is compiled once per locale."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import reflex as rx

from frontend.pages import home


@dataclass(frozen=True)
class PageSpec:
    """A page family: its path below the locale and how to build it for one."""

    path: str  # "" for home; "[name]" segments are path parameters
    render: Callable[[str], rx.Component]
    title: Callable[[str], str]
    description: Callable[[str], str]
    on_load: Callable[[str], Any] | None = None

    @property
    def is_dynamic(self) -> bool:
        return "[" in self.path


PAGES: tuple[PageSpec, ...] = (
    PageSpec("", home.home_page, home.home_title, home.home_description),
)
