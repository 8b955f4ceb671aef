"""The service catalogue: browse by department, theme, audience and life event,
filter by how to apply, page through; every choice is in the URL, and the
page arrives as HTML (frontend/served.py)."""

from __future__ import annotations

import asyncio
import dataclasses
import math
from collections.abc import Mapping
from urllib.parse import urlencode

import reflex as rx

from clients import bundles, catalogue
from clients.base import ClientError
from components.links import locale_href
from components.notices import UNAVAILABLE
from components.page import page_frame
from components.records import fee_text, time_limit_text
from frontend.formatting import number_text
from frontend.records import combined, load
from frontend.served import PageRequest, Served, region, serves
from frontend.views import record_lang, render
from locales import N_, api_locale, around, gettext_for, ngettext_for

PAGE_SIZE = 10
FILTERS = ("audience", "department", "theme", "event", "mode")
QUERY = (*FILTERS, "page")
AUDIENCES = (
    ("resident", N_("Residents")),
    ("business", N_("Businesses")),
    ("tourist", N_("Visitors")),
    ("investor", N_("Investors")),
)


@dataclasses.dataclass
class Option:
    value: str
    label: str


@dataclasses.dataclass
class ServiceCard:
    href: str
    name: str
    summary: str
    department: str
    online: bool
    appointment: bool
    time_limit: str
    fee: str
    lang: str


@dataclasses.dataclass
class PageLink:
    label: str
    href: str
    current: bool


def found_heading(count: int, locale: str) -> tuple[str, str]:
    """The words before and after the number in the heading of the list
    ("1 service found", "12 services found"), in the locale's plural forms."""
    ngettext = ngettext_for(locale)
    return around(ngettext("%(count)s service found", "%(count)s services found", count), "count")


def service_card(summary: catalogue.ServiceSummary, locale: str) -> ServiceCard:
    return ServiceCard(
        href=locale_href(locale, f"services/{summary.id}"),
        name=summary.name,
        summary=summary.summary,
        department=summary.department.name,
        online=summary.online_application,
        appointment=summary.appointment,
        time_limit=time_limit_text(summary.promised_limit_days, locale),
        fee=fee_text(summary.fee_cny, locale),
        lang=record_lang(summary.lang, locale),
    )


def selected_filters(query: Mapping[str, str]) -> dict[str, str]:
    """The filters asked for in the query; a mode we do not know is none."""
    selected = {name: str(query.get(name, ""))[:60] for name in FILTERS}
    if selected["mode"] not in ("", "online", "in_person"):
        selected["mode"] = ""
    return selected


@serves("services")
async def services_content(request: PageRequest) -> Served:
    """One page of the services that match the filters in the query."""
    locale = request.locale
    _ = gettext_for(locale)
    selected = selected_filters(request.query)
    page = request.page_number
    listing, departments, themes, events = await asyncio.gather(
        load(
            lambda language: catalogue.services(
                language,
                department=selected["department"] or None,
                theme=selected["theme"] or None,
                audience=selected["audience"] if selected["audience"] in dict(AUDIENCES) else None,
                life_event=selected["event"] or None,
                mode=selected["mode"] or None,
                page=page,
                size=PAGE_SIZE,
            ),
            locale,
        ),
        load(catalogue.departments, locale),
        load(catalogue.themes, locale),
        load(catalogue.life_events, locale),
    )
    context = {
        "selected": selected,
        "audiences": [Option(code, _(label)) for code, label in AUDIENCES],
        "departments": [Option(d.id, d.name) for d in departments.value] if departments.shown else [],
        "themes": [Option(t.id, t.name) for t in themes.value] if themes.shown else [],
        "life_events": [Option(e.id, e.name) for e in events.value] if events.shown else [],
        "cards": [],
        "pages": [],
    }
    if listing.shown:
        total = listing.value.total
        context["cards"] = [service_card(item, locale) for item in listing.value.items]
        context["total"] = number_text(total, locale)
        context["found_before"], context["found_after"] = found_heading(total, locale)
        pages = max(1, math.ceil(total / PAGE_SIZE))
        base = {k: v for k, v in selected.items() if v}
        if pages > 1:
            context["pages"] = [
                PageLink(number_text(n, locale), locale_href(locale, "services") + "?" + urlencode({**base, "page": n}), n == page) for n in range(1, pages + 1)
            ]
    context["joint_services"] = await _joint_services(locale, selected["event"])
    status = UNAVAILABLE if not listing.shown else combined(listing, departments, themes, events)
    return Served(status, {"catalogue": render("services.html", locale, status=status, request=request, **context)})


async def _joint_services(locale: str, life_event: str) -> list[Option]:
    """The joint services (一件事一次办) of the life event chosen, as (address, name); none when it has none or they cannot be read."""
    if not life_event:
        return []
    try:
        found = (await bundles.bundles(api_locale(locale), life_event=life_event)).value
    except ClientError:
        return []
    return [Option(locale_href(locale, f"bundles/{b.id}"), b.name) for b in found]


def services_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "services",
        rx.el.h1(_("Services")),
        rx.el.p(_("Find the service you need, see what to bring and apply online or book a visit."), class_name="lead"),
        region(locale, "catalogue"),
        trail=[(_("Services"), "services")],
    )


def services_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Services")


def services_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("All government services in Haizhou: what you need, how long it takes, and where to apply.")
