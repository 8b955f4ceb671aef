"""The expat zone: emergency numbers first, then guides on visas, work
permits, tax, healthcare, housing and schooling, each with the date it was
last checked; the services foreigners use most; help in your language."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt

import reflex as rx
from markupsafe import Markup

from clients import catalogue, information
from components.footer import hotline_link
from components.links import locale_href, plain_link
from components.page import page_frame
from frontend.formatting import date_text
from frontend.records import combined, load, load_record
from frontend.rich_text import markdown_to_html
from frontend.seo import Record, indexes
from frontend.served import PageRequest, Served, region, serves
from frontend.views import inline, record_lang, render
from locales import N_, gettext_for

REVIEW_AGE = dt.timedelta(days=365)
# Life-saving numbers are compiled into the page: they must show even when the back end is down.
EMERGENCY_NUMBERS = (
    ("110", N_("Police")),
    ("119", N_("Fire")),
    ("120", N_("Ambulance")),
    ("122", N_("Traffic accident")),
    ("12345", N_("City hotline, with interpreters")),
    ("12367", N_("Immigration hotline")),
)
GUIDE_ICONS = {
    "visas": "id_card",
    "work-permits": "briefcase",
    "tax": "wallet",
    "healthcare": "health",
    "housing": "home",
    "schooling": "school",
    "emergencies": "phone",
}


@dataclasses.dataclass
class Number:
    number: str
    label: str
    href: str


@dataclasses.dataclass
class Link:
    label: str
    href: str
    lang: str = ""


@dataclasses.dataclass
class GuideCard:
    icon: str
    title: str
    summary: str
    href: str
    reviewed: str
    iso_reviewed: str
    outdated: bool
    lang: str


@dataclasses.dataclass
class GuideView:
    title: str
    summary: str
    body_html: Markup
    reviewed: str
    iso_reviewed: str
    outdated: bool
    numbers: list[Number]
    related: list[Link]
    translated: bool
    lang: str


def _numbers(guide: information.GuideDetail) -> list[Number]:
    return [Number(n.number, n.label, "tel:" + n.number.replace(" ", "")) for n in guide.emergency_numbers]


def is_outdated(reviewed: dt.date) -> bool:
    return dt.date.today() - reviewed > REVIEW_AGE


def guide_view(guide: information.GuideDetail, locale: str) -> GuideView:
    return GuideView(
        title=guide.title,
        summary=guide.summary,
        body_html=markdown_to_html(guide.body),
        reviewed=date_text(guide.last_reviewed, locale),
        iso_reviewed=guide.last_reviewed.isoformat(),
        outdated=is_outdated(guide.last_reviewed),
        numbers=_numbers(guide),
        related=[Link(s.name, locale_href(locale, f"services/{s.id}")) for s in guide.related_services],
        translated=guide.lang != "zh" or locale == "zh",
        lang=record_lang(guide.lang, locale),
    )


@serves("expat")
async def expat_content(request: PageRequest) -> Served:
    """The guides, and the services foreign residents use most."""
    locale = request.locale
    guides, services = await asyncio.gather(
        load(information.guides, locale),
        load(lambda language: catalogue.services(language, theme="exit-entry", size=6), locale),
    )
    status = combined(guides, services)
    cards = [
        GuideCard(
            icon=GUIDE_ICONS.get(g.id, "document"),
            title=g.title,
            summary=g.summary,
            href=locale_href(locale, f"expat/{g.id}"),
            reviewed=date_text(g.last_reviewed, locale),
            iso_reviewed=g.last_reviewed.isoformat(),
            outdated=is_outdated(g.last_reviewed),
            lang=record_lang(g.lang, locale),
        )
        for g in (guides.value if guides.shown else [])
    ]
    links = [Link(s.name, locale_href(locale, f"services/{s.id}"), record_lang(s.lang, locale)) for s in (services.value.items if services.shown else [])]
    html = render("expat.html", locale, guides_loaded=guides, guides=cards, services_loaded=services, services=links, request=request)
    return Served(status, {"content": html})


@serves("expat/[guide_id]")
async def expat_guide_content(request: PageRequest) -> Served:
    """The guide in the address."""
    locale = request.locale
    _ = gettext_for(locale)
    loaded = await load_record(information.guide, locale, request.params["guide_id"])
    guide = guide_view(loaded.value, locale) if loaded.shown else None
    return Served(
        loaded.status,
        {
            "main": render("expat_guide.html", locale, status=loaded.status, guide=guide, request=request),
            "crumb": inline(guide.title, locale, guide.lang) if guide else inline(_("Guide for foreign residents"), locale),
        },
        title=guide.title if guide else _("Guide for foreign residents"),
        description=guide.summary if guide else _("A practical guide for foreign residents and visitors in Haizhou."),
    )


@indexes("expat/[guide_id]")
async def guide_index(locale: str) -> list[Record]:
    """Every guide, with the date it was last reviewed."""
    return [Record(g.id, g.last_reviewed) for g in (await information.guides(locale)).value]


def _number(number: str | rx.Var, label: str | rx.Var, href: str | rx.Var) -> rx.Component:
    return rx.el.li(plain_link(rx.el.span(number, class_name="emergency__number"), rx.el.span(label, class_name="emergency__label"), href=href))


def emergency_numbers(locale: str) -> rx.Component:
    """The life-saving numbers as tel: links, compiled into the page."""
    _ = gettext_for(locale)
    items = rx.el.ul(*(_number(number, _(label), f"tel:{number}") for number, label in EMERGENCY_NUMBERS), class_name="emergency")
    return rx.el.section(rx.el.h2(_("Emergency numbers"), id="emergency-title"), items, aria_labelledby="emergency-title", class_name="emergency-box")


def expat_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "expat",
        rx.el.h1(_("Living in Haizhou: help for foreign residents and visitors")),
        emergency_numbers(locale),
        region(locale, "content"),
        rx.el.section(
            rx.el.h2(_("Help in your language"), id="help-title"),
            rx.el.p(_("Call the 12345 hotline and say the language you speak: an interpreter for English, Japanese, Korean or French joins the call. For visas and residence permits, the immigration hotline 12367 also has interpreters.")),
            rx.el.p(_("At the Haizhou Citizen Service Centre, the international window (window 1) helps foreign residents in person.")),
            hotline_link(locale),
            aria_labelledby="help-title",
            class_name="section",
        ),
        trail=[(_("Foreign residents"), "expat")],
    )


def expat_guide_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "expat/[guide_id]",
        region(locale, "main"),
        trail=[(_("Foreign residents"), "expat"), (region(locale, "crumb", "span"), "")],
    )


def expat_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Foreign residents")


def expat_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Visas, work permits, tax, healthcare, housing, schooling and emergencies: practical guides for foreigners in Haizhou.")
