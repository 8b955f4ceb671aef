"""The frame of every portal page: skip link, header, main landmark, footer.
(The page's canonical address and its ``hreflang`` alternates are added by
the server, absolute, to the document's head: frontend/page_server.py.)"""

from __future__ import annotations

import reflex as rx

from a11y.toolbar import reading_guide, status_region
from components.footer import site_footer
from components.header import site_header
from components.links import CURRENT_PATH, locale_href, nav_link, plain_link
from components.problems import problem_notice
from locales import gettext_for


def breadcrumbs(locale: str, trail: list[tuple[str | rx.Var, str]]) -> rx.Component:
    """Where the page sits: (label, path) pairs from home to the current page."""
    _ = gettext_for(locale)
    items = [(_("Home"), ""), *trail]
    return rx.el.nav(
        rx.el.ol(
            *(
                rx.el.li(
                    rx.el.span(label, aria_current="page")
                    if index == len(items) - 1
                    else nav_link(label, href=locale_href(locale, path))
                )
                for index, (label, path) in enumerate(items)
            )
        ),
        aria_label=_("Breadcrumb"),
        class_name="breadcrumbs container",
    )


def page_frame(
    locale: str, path: str, *content: rx.Component, trail: list[tuple[str | rx.Var, str]] | None = None
) -> rx.Component:
    """A whole page. ``path`` is its route below the locale (``""`` for home,
    ``[name]`` segments for parameters); ``trail`` gives the breadcrumbs after
    home (none on the home page itself)."""
    here = CURRENT_PATH if "[" in path else path
    _ = gettext_for(locale)
    return rx.fragment(
        plain_link(_("Skip to main content"), href="#main", class_name="skip-link"),
        site_header(locale, here, path.split("/", 1)[0]),
        breadcrumbs(locale, trail) if trail else rx.fragment(),
        rx.el.main(problem_notice(locale), *content, id="main", tab_index=-1, class_name="container"),
        site_footer(locale),
        status_region(),
        reading_guide(),
    )
