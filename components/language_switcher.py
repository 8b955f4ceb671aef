"""The language switcher: each language named in itself, the current path kept."""

from __future__ import annotations

import reflex as rx

from components.links import locale_href, plain_link
from locales import HTML_LANG, LOCALES, NATIVE_NAMES, gettext_for


def language_switcher(locale: str, path: str | rx.Var) -> rx.Component:
    """Links to this page in every language.

    ``path`` is the page's path below the locale (``""`` for home). The links
    are plain document navigations, so the new page arrives with its own
    ``<html lang>``; a11y/prefs.js remembers the choice and keeps the query.
    """
    _ = gettext_for(locale)
    return rx.el.nav(
        rx.el.ul(
            *(
                rx.el.li(
                    plain_link(
                        NATIVE_NAMES[code],
                        href=locale_href(code, path),
                        lang=HTML_LANG[code],
                        href_lang=HTML_LANG[code],
                        aria_current="true" if code == locale else None,
                        custom_attrs={"data-locale": code},
                    )
                )
                for code in LOCALES
            )
        ),
        aria_label=_("Language"),
        class_name="language-switcher",
        custom_attrs={"data-testid": "language-switcher"},
    )
