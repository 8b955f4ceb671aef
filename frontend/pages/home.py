"""The home page of each locale: search first, then the ways into services."""

from __future__ import annotations

import reflex as rx

from components.footer import hotline_link
from components.header import portal_name, search_form
from components.icons import icon
from components.links import locale_href, nav_link
from components.page import page_frame
from locales import N_, gettext_for

# (audience code, icon, title, description) - the four entry points.
AUDIENCES = (
    ("resident", "person", N_("Residents"), N_("Social insurance, health, housing, schooling and certificates")),
    ("business", "building", N_("Businesses"), N_("Registration, licences, tax and employment of staff")),
    ("tourist", "map", N_("Visitors"), N_("Travel information, permits and help while you are here")),
    ("investor", "chart", N_("Investors"), N_("Setting up, incentives, land and project approval")),
)

# (life-event code, icon, label) in the order of a life.
LIFE_EVENTS = (
    ("birth", "baby", N_("Having a baby")),
    ("schooling", "school", N_("Going to school")),
    ("employment", "briefcase", N_("Finding work")),
    ("marriage", "heart", N_("Getting married")),
    ("housing", "home", N_("Housing")),
    ("business", "store", N_("Starting a business")),
    ("retirement", "sun", N_("Retirement")),
    ("death", "flower", N_("After a death")),
)


def _audiences(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("Services by audience"), id="audiences-title"),
        rx.el.ul(
            *(
                rx.el.li(
                    rx.el.div(
                        icon(icon_name),
                        rx.el.h3(
                            nav_link(_(title), href=locale_href(locale, f"services?audience={code}"), class_name="card__link")
                        ),
                        rx.el.p(_(description)),
                        class_name="card",
                    )
                )
                for code, icon_name, title, description in AUDIENCES
            ),
            class_name="card-grid",
        ),
        aria_labelledby="audiences-title",
        class_name="section",
    )


def _life_events(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("Life events"), id="life-events-title"),
        rx.el.p(_("Everything you need for a moment in life, in one place."), class_name="lead"),
        rx.el.ul(
            *(
                rx.el.li(
                    nav_link(icon(icon_name), rx.el.span(_(label)), href=locale_href(locale, f"services?event={code}"), class_name="tile")
                )
                for code, icon_name, label in LIFE_EVENTS
            ),
            class_name="tile-grid",
        ),
        aria_labelledby="life-events-title",
        class_name="section",
    )


def _coming_from_back_end(locale: str, section_id: str, title: str) -> rx.Component:
    """A section whose content the reference back end supplies."""
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(title, id=f"{section_id}-title"),
        rx.el.p(_("This list is being prepared."), class_name="placeholder"),
        aria_labelledby=f"{section_id}-title",
        class_name="section",
    )


def home_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "",
        rx.el.div(
            rx.el.h1(portal_name(locale)),
            rx.el.p(_("Government services for everyone who lives, works or travels in Haizhou."), class_name="lead"),
            search_form(locale, "home-search"),
            hotline_link(locale),
            class_name="hero",
        ),
        _audiences(locale),
        _life_events(locale),
        _coming_from_back_end(locale, "popular", _("Most used services")),
        _coming_from_back_end(locale, "notices", _("Notices")),
    )


def home_title(locale: str) -> str:
    return portal_name(locale)


def home_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Government services for everyone who lives, works or travels in Haizhou.")
