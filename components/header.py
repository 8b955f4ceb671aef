"""The header every page shares: the masthead (name, search), then the site
menu - the utility bar (senior mode, accessibility, read aloud, languages),
the accessibility toolbar and the navigation.

On a phone in senior mode the masthead is all there is at first (name, the
hotline as one tap, one search, a Menu button) so the page opens on its
tasks; the Menu button discloses the site menu, which follows it in the
document, so focus and reading order run straight on into it."""

from __future__ import annotations

import reflex as rx

from a11y.toolbar import bar_button, elder_toggle, read_aloud_button, toolbar_button, toolbar_panel
from components.footer import HOTLINE
from components.icons import icon
from components.language_switcher import language_switcher
from components.links import get_form, locale_href, nav_link, plain_link
from locales import N_, gettext_for

MENU_ID = "site-menu"


def portal_name(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Haizhou Citizen Services")


def search_form(locale: str, field_id: str, value: str | rx.Var = "") -> rx.Component:
    """A plain GET form to the search page: works before any script runs."""
    _ = gettext_for(locale)
    return get_form(
        rx.el.label(_("Search services and information"), html_for=field_id, class_name="visually-hidden"),
        rx.el.input(
            id=field_id,
            name="q",
            type="search",
            default_value=value,
            placeholder=_("e.g. social insurance, passport, residence permit"),
            auto_complete="off",
            enter_key_hint="search",
        ),
        rx.el.button(icon("search"), rx.el.span(_("Search")), type="submit"),
        action=locale_href(locale, "search"),
        role="search",
        class_name="search-form",
    )


# (path below the locale, catalogue message) of the primary navigation.
NAV_ITEMS: tuple[tuple[str, str], ...] = (
    ("", N_("Home")),
    ("services", N_("Services")),
    ("news", N_("News and notices")),
    ("halls", N_("Service halls")),
    ("expat", N_("Foreign residents")),
    ("interact", N_("Contact the government")),
    ("assistant", N_("Ask the assistant")),
    ("me", N_("My account")),
)


def primary_nav(locale: str, section: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.nav(
        rx.el.div(
            rx.el.ul(
                *(
                    rx.el.li(
                        nav_link(
                            _(label),
                            href=locale_href(locale, target),
                            aria_current="page" if target == section else None,
                        )
                    )
                    for target, label in NAV_ITEMS
                ),
            ),
            class_name="container",
        ),
        aria_label=_("Main menu"),
        class_name="primary-nav",
    )


def menu_button(locale: str) -> rx.Component:
    """Discloses the site menu where it is folded away (senior mode on a phone, a11y/prefs.css)."""
    _ = gettext_for(locale)
    return bar_button(
        "menu", _("Menu"), {"data-menu-toggle": "", "data-testid": "menu-toggle"}, class_name="pref-button menu-button", aria_expanded="false", aria_controls=MENU_ID
    )


def header_hotline(locale: str) -> rx.Component:
    """The hotline as one tap, in senior mode on every page."""
    _ = gettext_for(locale)
    return plain_link(
        icon("phone"),
        HOTLINE,
        href=f"tel:{HOTLINE}",
        aria_label=_("Call the hotline %(number)s") % {"number": HOTLINE},
        class_name="masthead__hotline elder-only",
    )


def site_header(locale: str, path: str | rx.Var, section: str) -> rx.Component:
    return rx.el.header(
        rx.el.div(
            rx.el.div(
                nav_link(icon("landmark"), rx.el.span(portal_name(locale)), href=locale_href(locale), class_name="masthead__name"),
                header_hotline(locale),
                search_form(locale, "site-search"),
                menu_button(locale),
                class_name="container masthead__inner",
            ),
            class_name="masthead",
        ),
        rx.el.div(
            rx.el.div(
                rx.el.div(
                    rx.el.div(elder_toggle(locale), toolbar_button(locale), read_aloud_button(locale), class_name="utility-bar__prefs"),
                    language_switcher(locale, path),
                    class_name="container utility-bar__inner",
                ),
                class_name="utility-bar",
            ),
            toolbar_panel(locale),
            primary_nav(locale, section),
            id=MENU_ID,
            class_name="site-menu",
        ),
    )
