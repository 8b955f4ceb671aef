"""Service halls: where they are, when they open, how busy they are now, what
they offer and how to book a visit. The pages arrive as HTML
(frontend/served.py); the number of people waiting is read live for every
page, never from a cache, and says the time it was read."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt

import reflex as rx

from clients import halls
from components.links import locale_href
from components.page import page_frame
from frontend.formatting import days_text, number_text, time_text
from frontend.records import live, load, load_record
from frontend.seo import Record, indexes
from frontend.served import PageRequest, Served, region, serves
from frontend.views import inline, record_lang, render
from locales import gettext_for


@dataclasses.dataclass
class HoursRow:
    days: str
    times: str


@dataclasses.dataclass
class Link:
    label: str
    href: str


@dataclasses.dataclass
class HallView:
    name: str
    href: str
    address: str
    district: str
    phone: str
    phone_href: str
    map_href: str
    hours: list[HoursRow]
    hours_note: str
    waiting: str | None  # None: the live count could not be read
    waiting_at: str
    book_href: str
    translated: bool
    lang: str
    transport: str = ""
    accessibility: str = ""
    counters: str = ""
    services: list[Link] = dataclasses.field(default_factory=list)


def hall_view(hall: halls.HallSummary, locale: str, waiting: dict[str, int] | None) -> HallView:
    """What a page shows of ``hall``; ``waiting`` is the live count by hall id (None when unknown)."""
    count = waiting.get(hall.id) if waiting is not None else None
    return HallView(
        name=hall.name,
        href=locale_href(locale, f"halls/{hall.id}"),
        address=hall.address,
        district=hall.district,
        phone=hall.phone,
        phone_href="tel:" + hall.phone.replace(" ", ""),
        map_href=f"geo:{hall.latitude},{hall.longitude}",
        hours=[HoursRow(days_text(h.days, locale), f"{time_text(h.opens, locale)}–{time_text(h.closes, locale)}") for h in hall.hours],
        hours_note=hall.hours_note,
        waiting=number_text(count, locale) if count is not None else None,
        waiting_at=time_text(dt.datetime.now().time(), locale),
        book_href=locale_href(locale, f"book?hall={hall.id}"),
        translated=hall.lang != "zh" or locale == "zh",
        lang=record_lang(hall.lang, locale),
    )


@serves("halls")
async def halls_content(request: PageRequest) -> Served:
    """Every hall with its hours and its queue now."""
    locale = request.locale
    loaded, waiting = await asyncio.gather(load(halls.halls, locale), live(halls.queues, locale))
    cards = [hall_view(hall, locale, waiting) for hall in loaded.value] if loaded.shown else []
    return Served(loaded.status, {"list": render("halls.html", locale, status=loaded.status, halls=cards, request=request)})


@serves("halls/[hall_id]")
async def hall_content(request: PageRequest) -> Served:
    """The hall in the address, with its queue now."""
    locale = request.locale
    _ = gettext_for(locale)
    loaded, waiting = await asyncio.gather(load_record(halls.hall, locale, request.params["hall_id"]), live(halls.queues, locale))
    hall = None
    if loaded.shown:
        detail = loaded.value
        hall = hall_view(detail, locale, waiting)
        hall.transport = detail.transport
        hall.accessibility = detail.accessibility
        hall.counters = number_text(detail.counters, locale)
        hall.services = [Link(s.name, locale_href(locale, f"services/{s.id}")) for s in detail.services]
    return Served(
        loaded.status,
        {
            "main": render("hall.html", locale, status=loaded.status, hall=hall, request=request),
            "crumb": inline(hall.name, locale, hall.lang) if hall else inline(_("Service hall"), locale),
        },
        title=hall.name if hall else _("Service hall"),
        description=hall.address if hall else _("Address, opening hours, queue and services of a service hall."),
    )


@indexes("halls/[hall_id]")
async def hall_index(locale: str) -> list[Record]:
    """Every hall."""
    return [Record(hall.id) for hall in (await halls.halls(locale)).value]


def halls_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "halls",
        rx.el.h1(_("Service halls")),
        rx.el.p(
            _("Visit a hall for services you cannot do online. Book a time to avoid the queue; older people can use the priority window."),
            class_name="lead",
        ),
        region(locale, "list"),
        trail=[(_("Service halls"), "halls")],
    )


def hall_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "halls/[hall_id]",
        region(locale, "main"),
        trail=[(_("Service halls"), "halls"), (region(locale, "crumb", "span"), "")],
    )


def halls_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Service halls")


def halls_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Addresses, opening hours, queues and appointments at Haizhou's service halls.")
