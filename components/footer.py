"""The footer every page shares: the hotline, the accessibility statement, contacts."""

from __future__ import annotations

import reflex as rx

from components.icons import icon
from components.links import locale_href, nav_link, plain_link
from locales import gettext_for

HOTLINE = "12345"
EMAIL = "service@haizhou.gov.example"


def hotline_link(locale: str, class_name: str = "hotline") -> rx.Component:
    """The government service hotline as a one-tap call."""
    _ = gettext_for(locale)
    return plain_link(
        icon("phone"),
        rx.el.span(_("Hotline %(number)s") % {"number": HOTLINE}),
        href=f"tel:{HOTLINE}",
        class_name=class_name,
    )


def site_footer(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.footer(
        rx.el.div(
            rx.el.div(
                rx.el.section(
                    rx.el.h2(_("Help by phone")),
                    hotline_link(locale, "hotline site-footer__hotline"),
                    rx.el.p(_("Every day, 24 hours. Interpreting in English, Japanese, Korean and French on request.")),
                ),
                rx.el.section(
                    rx.el.h2(_("About this site")),
                    rx.el.ul(
                        rx.el.li(nav_link(_("Accessibility statement"), href=locale_href(locale, "accessibility"))),
                        rx.el.li(nav_link(_("Contact us"), href=locale_href(locale, "contact"))),
                        rx.el.li(nav_link(_("Privacy"), href=locale_href(locale, "privacy"))),
                    ),
                ),
                rx.el.section(
                    rx.el.h2(_("Write to us")),
                    rx.el.ul(
                        rx.el.li(plain_link(EMAIL, href=f"mailto:{EMAIL}", custom_attrs={"translate": "no"})),
                    ),
                ),
                class_name="site-footer__grid",
            ),
            rx.el.p(
                _("Haizhou Municipal People's Government. Content licensed for reuse with attribution."),
                class_name="site-footer__legal",
            ),
            class_name="container",
        ),
        class_name="site-footer",
    )
