"""The home page of each locale: search first, then the ways into services.
In elder mode it becomes one column of the most-used tasks as large tiles,
under the header's one search and one-tap hotline."""

from __future__ import annotations

import asyncio
import dataclasses

import reflex as rx

from clients import catalogue, information
from components.footer import hotline_link
from components.header import portal_name, search_form
from components.icons import icon
from components.links import locale_href, nav_link, plain_link
from components.page import page_frame
from frontend.formatting import date_text
from frontend.records import combined, load
from frontend.served import PageRequest, Served, region, serves
from frontend.views import record_lang, render
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


# The elder home's tasks: (path, icon, label), most used first.
ELDER_TASKS = (
    ("track", "clock", N_("Check the progress of an application")),
    ("services?event=retirement", "sun", N_("Pension and retirement")),
    ("services?theme=healthcare", "health", N_("Medical insurance")),
    ("book", "calendar", N_("Book a visit to a hall")),
    ("services?theme=elderly-care", "heart", N_("Help for older people")),
    ("benefits", "wallet", N_("Benefits finder")),
    ("halls", "building", N_("Find a service hall")),
    ("search", "search", N_("Search")),
)


@dataclasses.dataclass
class Link:
    label: str
    href: str
    lang: str
    date: str = ""


@serves("")
async def home_content(request: PageRequest) -> Served:
    """The most used services and the latest notices, each with its own status."""
    locale = request.locale
    services, notices = await asyncio.gather(
        load(lambda language: catalogue.services(language, size=8), locale),
        load(lambda language: information.articles(language, kind="notice", size=5), locale),
    )
    popular = [Link(s.name, locale_href(locale, f"services/{s.id}"), record_lang(s.lang, locale)) for s in services.value.items] if services.shown else []
    latest = [
        Link(a.title, locale_href(locale, f"news/{a.id}"), record_lang(a.lang, locale), date_text(a.published, locale)) for a in notices.value.items
    ] if notices.shown else []
    html = render("home_lists.html", locale, services=services, popular=popular, notices_loaded=notices, notices_links=latest, request=request)
    return Served(combined(services, notices), {"lists": html})


def _elder_home(locale: str) -> rx.Component:
    """What elder mode shows instead of the full home: large tiles (the hotline is in the header)."""
    _ = gettext_for(locale)
    return rx.el.section(
        rx.el.h2(_("What would you like to do?"), id="elder-tasks-title"),
        rx.el.ul(
            *(
                rx.el.li(nav_link(icon(icon_name), rx.el.span(_(label)), href=locale_href(locale, path), class_name="tile"))
                for path, icon_name, label in ELDER_TASKS
            ),
            class_name="tile-grid",
        ),
        aria_labelledby="elder-tasks-title",
        class_name="section elder-only",
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
        class_name="section standard-only",
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
        rx.el.ul(
            rx.el.li(nav_link(_("Apply once for a whole life event: the joint services"), href=locale_href(locale, "bundles"))),
            rx.el.li(nav_link(_("Benefits finder: see what you may be entitled to"), href=locale_href(locale, "benefits"))),
            class_name="link-list",
        ),
        aria_labelledby="life-events-title",
        class_name="section standard-only",
    )


def home_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "",
        rx.el.div(
            rx.el.h1(portal_name(locale)),
            # Senior mode has one search and the hotline in the header, and goes straight to the tasks.
            rx.el.div(
                rx.el.p(_("Government services for everyone who lives, works or travels in Haizhou."), class_name="lead"),
                search_form(locale, "home-search"),
                hotline_link(locale),
                class_name="standard-only",
            ),
            class_name="hero",
        ),
        _elder_home(locale),
        _audiences(locale),
        _life_events(locale),
        region(locale, "lists"),
        rx.el.section(
            rx.el.h2(_("More for you"), id="more-title"),
            rx.el.ul(
                rx.el.li(nav_link(icon("globe"), rx.el.span(_("Foreign residents and visitors: visas, work, tax, healthcare")), href=locale_href(locale, "expat"), class_name="tile")),
                rx.el.li(plain_link(icon("eye"), rx.el.span(_("Senior mode: larger text, simpler pages")), href=locale_href(locale, "?elder=1"), class_name="tile")),
                rx.el.li(nav_link(icon("chat"), rx.el.span(_("Contact the government")), href=locale_href(locale, "interact"), class_name="tile")),
                class_name="tile-grid",
            ),
            aria_labelledby="more-title",
            class_name="section standard-only",
        ),
    )


def home_title(locale: str) -> str:
    return portal_name(locale)


def home_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Government services for everyone who lives, works or travels in Haizhou.")
