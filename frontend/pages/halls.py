"""Service halls: where they are, when they open, how busy they are now, what
they offer and how to book a visit."""

from __future__ import annotations

import dataclasses

import reflex as rx

from clients import halls
from clients.base import ClientError, NotFound, Unavailable
from components.icons import icon
from components.links import locale_href, nav_link, plain_link
from components.notices import LOADING, NOT_FOUND, READY, STALE, UNAVAILABLE, has_content, not_found_notice, remote_content, untranslated_notice
from components.page import page_frame
from frontend.formatting import days_text, number_text, time_text
from locales import HTML_LANG, api_locale, gettext_for


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
    id: str = ""
    name: str = ""
    href: str = ""
    address: str = ""
    district: str = ""
    phone: str = ""
    phone_href: str = ""
    map_href: str = ""
    hours: list[HoursRow] = dataclasses.field(default_factory=list)
    hours_note: str = ""
    waiting: str = "0"
    transport: str = ""
    accessibility: str = ""
    counters: str = ""
    services: list[Link] = dataclasses.field(default_factory=list)
    book_href: str = ""
    translated: bool = True
    lang: str = ""


def hall_view(hall: halls.HallSummary, locale: str) -> HallView:
    return HallView(
        id=hall.id,
        name=hall.name,
        href=locale_href(locale, f"halls/{hall.id}"),
        address=hall.address,
        district=hall.district,
        phone=hall.phone,
        phone_href="tel:" + hall.phone.replace(" ", ""),
        map_href=f"geo:{hall.latitude},{hall.longitude}",
        hours=[HoursRow(days_text(h.days, locale), f"{time_text(h.opens, locale)}–{time_text(h.closes, locale)}") for h in hall.hours],
        hours_note=hall.hours_note,
        waiting=number_text(hall.waiting, locale),
        book_href=locale_href(locale, f"book?hall={hall.id}"),
        translated=hall.lang != "zh" or locale == "zh",
        lang=HTML_LANG["zh"] if hall.lang == "zh" else HTML_LANG.get(locale, "en"),
    )


class HallsState(rx.State):
    status: str = LOADING
    halls: list[HallView] = []

    @rx.event
    async def load(self, locale: str):
        self.status = LOADING
        yield
        try:
            result = await halls.halls(api_locale(locale))
        except ClientError as error:
            self.status = UNAVAILABLE if isinstance(error, Unavailable) else READY
            return
        self.halls = [hall_view(h, locale) for h in result.value]
        self.status = STALE if result.stale else READY


class HallState(rx.State):
    status: str = LOADING
    hall: HallView = HallView()

    @rx.event
    async def load(self, locale: str):
        hall_id = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        self.status = LOADING
        yield
        try:
            result = await halls.hall(api_locale(locale), hall_id)
        except NotFound:
            self.status = NOT_FOUND
            return
        except Unavailable:
            self.status = UNAVAILABLE
            return
        detail = result.value
        view = hall_view(detail, locale)
        view.transport = detail.transport
        view.accessibility = detail.accessibility
        view.counters = number_text(detail.counters, locale)
        view.services = [Link(s.name, locale_href(locale, f"services/{s.id}")) for s in detail.services]
        self.hall = view
        self.status = STALE if result.stale else READY


def _hours(hours: rx.Var) -> rx.Component:
    return rx.el.ul(rx.foreach(hours, lambda row: rx.el.li(rx.el.span(row.days, class_name="hours__days"), " ", row.times)), class_name="hours")


def _hall_card(locale: str, hall: rx.Var) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.article(
            rx.el.h2(nav_link(hall.name, href=hall.href), lang=hall.lang, custom_attrs={"data-content": ""}),
            rx.el.p(hall.address, lang=hall.lang, custom_attrs={"data-content": ""}),
            _hours(hall.hours),
            rx.el.p(rx.el.strong(_("Waiting now:")), " ", rx.el.span(hall.waiting, custom_attrs={"data-testid": "waiting"}), class_name="queue"),
            rx.el.div(
                nav_link(icon("calendar"), _("Book a visit"), href=hall.book_href, class_name="button button--secondary"),
                plain_link(icon("phone"), rx.el.span(hall.phone, custom_attrs={"translate": "no"}), href=hall.phone_href, class_name="button button--secondary"),
                class_name="actions",
            ),
            class_name="hall-card",
        )
    )


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
        remote_content(
            locale,
            HallsState.status,
            rx.el.ul(rx.foreach(HallsState.halls, lambda hall: _hall_card(locale, hall)), class_name="card-grid card-grid--wide"),
            retry=HallsState.load(locale),
        ),
        trail=[(_("Service halls"), "halls")],
    )


def hall_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    hall = HallState.hall
    return page_frame(
        locale,
        "halls/[hall_id]",
        rx.el.h1(rx.cond(has_content(HallState.status), hall.name, _("Service hall")), lang=hall.lang),
        remote_content(
            locale,
            HallState.status,
            rx.el.div(
                rx.cond(hall.translated, rx.fragment(), untranslated_notice(locale)),
                rx.el.div(
                    nav_link(icon("calendar"), _("Book a visit"), href=hall.book_href, class_name="button"),
                    plain_link(icon("phone"), _("Call the hall"), href=hall.phone_href, class_name="button button--secondary"),
                    plain_link(icon("map"), _("Open in a map app"), href=hall.map_href, class_name="button button--secondary"),
                    class_name="actions",
                ),
                rx.el.dl(
                    rx.el.div(rx.el.dt(_("Address")), rx.el.dd(hall.address, lang=hall.lang, custom_attrs={"data-content": ""})),
                    rx.el.div(rx.el.dt(_("District")), rx.el.dd(hall.district, lang=hall.lang, custom_attrs={"data-content": ""})),
                    rx.el.div(rx.el.dt(_("Telephone")), rx.el.dd(hall.phone, custom_attrs={"translate": "no"})),
                    rx.el.div(rx.el.dt(_("Waiting now")), rx.el.dd(hall.waiting, custom_attrs={"data-testid": "waiting"})),
                    rx.el.div(rx.el.dt(_("Service windows")), rx.el.dd(hall.counters)),
                    class_name="facts facts--grid",
                ),
                rx.el.section(rx.el.h2(_("Opening hours"), id="hours-title"), _hours(hall.hours), rx.el.p(hall.hours_note, lang=hall.lang, custom_attrs={"data-content": ""}), aria_labelledby="hours-title"),
                rx.el.section(rx.el.h2(_("Getting there"), id="transport-title"), rx.el.p(hall.transport, lang=hall.lang, custom_attrs={"data-content": ""}), aria_labelledby="transport-title"),
                rx.el.section(rx.el.h2(_("Accessibility and help"), id="access-title"), rx.el.p(hall.accessibility, lang=hall.lang, custom_attrs={"data-content": ""}), aria_labelledby="access-title"),
                rx.el.section(
                    rx.el.h2(_("Services offered here"), id="services-title"),
                    rx.el.ul(rx.foreach(hall.services, lambda link: rx.el.li(nav_link(link.label, href=link.href))), class_name="link-list link-list--columns", lang=hall.lang, custom_attrs={"data-content": ""}),
                    aria_labelledby="services-title",
                ),
            ),
            retry=HallState.load(locale),
            not_found=not_found_notice(locale, _("We cannot find this hall"), _("All service halls"), "halls"),
        ),
        trail=[(_("Service halls"), "halls"), (hall.name, "")],
    )


def halls_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Service halls")


def halls_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Addresses, opening hours, queues and appointments at Haizhou's service halls.")


def hall_title(locale: str) -> rx.Var:
    _ = gettext_for(locale)
    return rx.cond(HallState.hall.name != "", HallState.hall.name, _("Service hall"))


def hall_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Address, opening hours, queue and services of a service hall.")
