"""Notices: what a page says while its data arrives, when the back end fails,
when it shows an older copy, and when content is not yet translated."""

from __future__ import annotations

import reflex as rx

from components.footer import hotline_link
from components.links import locale_href, nav_link
from locales import HTML_LANG, gettext_for

# What a page that reads from the back end can be showing.
LOADING, READY, STALE, NOT_FOUND, UNAVAILABLE = "loading", "ready", "stale", "not_found", "unavailable"


def has_content(status: rx.Var) -> rx.Var:
    """The content on show is the one asked for: fresh, or the last good copy."""
    return (status == READY) | (status == STALE)


def notice(*children, tone: str = "info", role: str | None = None, **props) -> rx.Component:
    """A boxed message; ``tone`` is info, warning or error, always said in words too."""
    return rx.el.div(*children, class_name=f"notice notice--{tone}", role=role, **props)


def unavailable_notice(locale: str, retry: rx.EventSpec | None = None) -> rx.Component:
    _ = gettext_for(locale)
    return notice(
        rx.el.h2(_("This service is not available right now"), class_name="notice__title"),
        rx.el.p(_("We could not reach the government service. Nothing you typed has been lost. Please try again in a few minutes, or call the hotline.")),
        rx.el.div(
            rx.el.button(_("Try again"), type="button", on_click=retry, class_name="button button--secondary") if retry else rx.fragment(),
            hotline_link(locale),
            class_name="notice__actions",
        ),
        tone="error",
    )


def not_found_notice(locale: str, what: str, back_label: str, back_path: str) -> rx.Component:
    _ = gettext_for(locale)
    return notice(
        rx.el.h2(what, class_name="notice__title"),
        rx.el.p(_("It may have been moved or withdrawn. Check the address, or search for what you need.")),
        nav_link(back_label, href=locale_href(locale, back_path)),
        tone="warning",
    )


def stale_notice(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return notice(
        rx.el.p(
            rx.el.strong(_("Please note:")),
            " ",
            _("the government service cannot be reached, so this is the last copy we have. It may be out of date."),
        ),
        tone="warning",
    )


def loading_notice(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.p(_("Loading…"), class_name="loading")


def untranslated_notice(locale: str) -> rx.Component:
    """Said in the reader's language when a record comes in Chinese only."""
    _ = gettext_for(locale)
    return notice(
        rx.el.p(_("This information has not been translated into your language yet, so it is shown in Chinese. Call 12345 for help in your language.")),
        tone="warning",
    )


def content_lang(locale: str, record_lang: rx.Var) -> rx.Var:
    """The ``lang`` attribute for a record's text: Chinese when it fell back."""
    return rx.cond(record_lang == "zh", HTML_LANG["zh"], HTML_LANG.get(locale, "en"))


def remote_content(
    locale: str,
    status: rx.Var,
    ready: rx.Component,
    retry: rx.EventSpec | None = None,
    not_found: rx.Component | None = None,
    announce: rx.Var | str = "",
) -> rx.Component:
    """The part of a page that comes from the back end. A polite status region
    tells screen-reader users when it is loading, has failed, or (``announce``)
    what arrived, without reading the whole content out."""
    _ = gettext_for(locale)
    return rx.fragment(
        rx.el.p(
            rx.match(
                status,
                (LOADING, _("Loading…")),
                (UNAVAILABLE, _("This service is not available right now")),
                (NOT_FOUND, _("Not found")),
                announce,
            ),
            role="status",
            class_name="visually-hidden",
        ),
        rx.match(
            status,
            (LOADING, loading_notice(locale)),
            (UNAVAILABLE, unavailable_notice(locale, retry)),
            (NOT_FOUND, not_found or rx.fragment()),
            (STALE, rx.fragment(stale_notice(locale), ready)),
            ready,
        ),
    )
