"""The service catalogue: browse by department, theme, audience and life event,
filter by how to apply, page through; every choice is in the URL."""

from __future__ import annotations

import dataclasses
import math
from urllib.parse import urlencode

import reflex as rx

from clients import catalogue
from clients.base import ClientError, Unavailable
from components.icons import icon
from components.links import get_form, locale_href, nav_link
from components.notices import LOADING, READY, STALE, UNAVAILABLE, remote_content
from components.page import page_frame
from components.records import fee_text, time_limit_text
from frontend.formatting import number_text
from locales import HTML_LANG, N_, api_locale, around, gettext_for, ngettext_for

PAGE_SIZE = 10
FILTERS = ("audience", "department", "theme", "event", "mode")
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
    id: str
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
        id=summary.id,
        href=locale_href(locale, f"services/{summary.id}"),
        name=summary.name,
        summary=summary.summary,
        department=summary.department.name,
        online=summary.online_application,
        appointment=summary.appointment,
        time_limit=time_limit_text(summary.promised_limit_days, locale),
        fee=fee_text(summary.fee_cny, locale),
        lang=HTML_LANG["zh"] if summary.lang == "zh" and locale != "zh" else HTML_LANG.get(locale, "en"),
    )


class ServicesState(rx.State):
    status: str = LOADING
    cards: list[ServiceCard] = []
    total: str = "0"
    found_before: str = ""
    found_after: str = ""
    has_results: bool = False
    departments: list[Option] = []
    themes: list[Option] = []
    life_events: list[Option] = []
    selected: dict[str, str] = {}
    page_links: list[PageLink] = []

    @rx.event
    async def load(self, locale: str):
        query = self.router.url.query_parameters
        selected = {name: str(query.get(name, ""))[:60] for name in FILTERS}
        if selected["mode"] not in ("", "online", "in_person"):
            selected["mode"] = ""
        try:
            page = max(1, min(1000, int(query.get("page", "1"))))
        except ValueError:
            page = 1
        self.selected = selected
        self.status = LOADING
        yield
        language = api_locale(locale)
        try:
            result = await catalogue.services(
                language,
                department=selected["department"] or None,
                theme=selected["theme"] or None,
                audience=selected["audience"] if selected["audience"] in dict(AUDIENCES) else None,
                life_event=selected["event"] or None,
                mode=selected["mode"] or None,
                page=page,
                size=PAGE_SIZE,
            )
            departments = await catalogue.departments(language)
            themes = await catalogue.themes(language)
            events = await catalogue.life_events(language)
        except ClientError as error:
            self.status = UNAVAILABLE if isinstance(error, Unavailable) else READY
            self.cards = []
            return
        listing = result.value
        self.cards = [service_card(item, locale) for item in listing.items]
        self.total = number_text(listing.total, locale)
        self.found_before, self.found_after = found_heading(listing.total, locale)
        self.has_results = listing.total > 0
        self.departments = [Option(d.id, d.name) for d in departments.value]
        self.themes = [Option(t.id, t.name) for t in themes.value]
        self.life_events = [Option(e.id, e.name) for e in events.value]
        pages = max(1, math.ceil(listing.total / PAGE_SIZE))
        base = {k: v for k, v in selected.items() if v}
        self.page_links = [
            PageLink(number_text(n, locale), locale_href(locale, "services") + "?" + urlencode({**base, "page": n}), n == page)
            for n in range(1, pages + 1)
        ] if pages > 1 else []
        stale = any(r.stale for r in (result, departments, themes, events))
        self.status = STALE if stale else READY


def _select(label: str, name: str, any_label: str, options: rx.Var | list[Option], field_id: str) -> rx.Component:
    if isinstance(options, list):
        choices = [rx.el.option(option.label, value=option.value) for option in options]
    else:
        choices = [rx.foreach(options, lambda option: rx.el.option(option.label, value=option.value))]
    return rx.el.div(
        rx.el.label(label, html_for=field_id),
        rx.el.select(
            rx.el.option(any_label, value=""),
            *choices,
            id=field_id,
            name=name,
            default_value=ServicesState.selected[name],
        ),
        class_name="field",
    )


def _filters(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    audience_options = [Option(code, _(label)) for code, label in AUDIENCES]
    return get_form(
        rx.el.h2(_("Filter services"), class_name="filters__title"),
        _select(_("Who it is for"), "audience", _("Everyone"), audience_options, "filter-audience"),
        _select(_("Life event"), "event", _("All life events"), ServicesState.life_events, "filter-event"),
        _select(_("Department"), "department", _("All departments"), ServicesState.departments, "filter-department"),
        _select(_("Theme"), "theme", _("All themes"), ServicesState.themes, "filter-theme"),
        rx.el.fieldset(
            rx.el.legend(_("How to apply")),
            *(
                rx.el.div(
                    rx.el.input(
                        type="radio",
                        name="mode",
                        value=value,
                        id=f"filter-mode-{value or 'any'}",
                        default_checked=ServicesState.selected["mode"] == value,
                    ),
                    rx.el.label(label, html_for=f"filter-mode-{value or 'any'}"),
                    class_name="choice",
                )
                for value, label in (("", _("Any way")), ("online", _("Online")), ("in_person", _("In person at a hall")))
            ),
        ),
        rx.el.div(
            rx.el.button(_("Show services"), type="submit", class_name="button"),
            nav_link(_("Clear filters"), href=locale_href(locale, "services")),
            class_name="form-actions",
        ),
        action=locale_href(locale, "services"),
        class_name="filters",
        # Re-mount when the choices arrive, so each control shows what the URL asked for.
        key=ServicesState.status,
    )


def service_list_item(locale: str, card: rx.Var) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.article(
            rx.el.h3(nav_link(card.name, href=card.href)),
            rx.el.p(card.summary),
            rx.el.dl(
                rx.el.div(rx.el.dt(_("Department")), rx.el.dd(card.department)),
                rx.el.div(rx.el.dt(_("Time limit")), rx.el.dd(card.time_limit)),
                rx.el.div(rx.el.dt(_("Fee")), rx.el.dd(card.fee)),
                class_name="facts",
            ),
            rx.el.ul(
                rx.cond(card.online, rx.el.li(icon("globe"), _("Apply online"), class_name="badge badge--online")),
                rx.cond(card.appointment, rx.el.li(icon("calendar"), _("Book a visit"), class_name="badge")),
                class_name="badges",
            ),
            lang=card.lang,
            class_name="service-item",
            custom_attrs={"data-content": ""},
        )
    )


def services_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "services",
        rx.el.h1(_("Services")),
        rx.el.p(_("Find the service you need, see what to bring and apply online or book a visit."), class_name="lead"),
        rx.el.div(
            _filters(locale),
            rx.el.section(
                remote_content(
                    locale,
                    ServicesState.status,
                    rx.fragment(
                        rx.el.h2(
                            ServicesState.found_before,
                            rx.el.span(ServicesState.total, custom_attrs={"data-testid": "result-count"}),
                            ServicesState.found_after,
                            id="results-title",
                        ),
                        rx.cond(
                            ServicesState.has_results,
                            rx.el.ul(rx.foreach(ServicesState.cards, lambda card: service_list_item(locale, card)), class_name="service-list"),
                            rx.el.p(_("No service matches all of these choices. Try fewer filters, or search.")),
                        ),
                        rx.cond(
                            ServicesState.page_links.length() > 0,
                            rx.el.nav(
                                rx.el.ul(
                                    rx.foreach(
                                        ServicesState.page_links,
                                        lambda link: rx.el.li(
                                            nav_link(link.label, href=link.href, aria_current=rx.cond(link.current, "page", None))
                                        ),
                                    )
                                ),
                                aria_label=_("Pages of results"),
                                class_name="pagination",
                            ),
                        ),
                    ),
                    retry=ServicesState.load(locale),
                    announce=ServicesState.found_before + ServicesState.total + ServicesState.found_after,
                ),
                aria_labelledby="results-title",
                class_name="results",
            ),
            class_name="with-sidebar",
        ),
        trail=[(_("Services"), "services")],
    )


def services_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Services")


def services_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("All government services in Haizhou: what you need, how long it takes, and where to apply.")
