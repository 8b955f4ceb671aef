"""The expat zone: emergency numbers first, then guides on visas, work
permits, tax, healthcare, housing and schooling, each with the date it was
last checked; the services foreigners use most; help in your language."""

from __future__ import annotations

import dataclasses
import datetime as dt

import reflex as rx

from clients import catalogue, information
from clients.base import ClientError, NotFound, Unavailable
from components.footer import hotline_link
from components.icons import icon
from components.links import locale_href, nav_link, plain_link
from components.notices import LOADING, NOT_FOUND, READY, STALE, UNAVAILABLE, has_content, not_found_notice, remote_content, untranslated_notice
from components.page import page_frame
from frontend.formatting import date_text
from frontend.rich_text import markdown_to_html
from locales import HTML_LANG, N_, api_locale, gettext_for

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


@dataclasses.dataclass
class GuideCard:
    id: str
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
    title: str = ""
    summary: str = ""
    body_html: str = ""
    reviewed: str = ""
    iso_reviewed: str = ""
    outdated: bool = False
    numbers: list[Number] = dataclasses.field(default_factory=list)
    related: list[Link] = dataclasses.field(default_factory=list)
    translated: bool = True
    lang: str = ""


def _lang(record_lang: str, locale: str) -> str:
    return HTML_LANG["zh"] if record_lang == "zh" else HTML_LANG.get(locale, "en")


def _numbers(guide: information.GuideDetail) -> list[Number]:
    return [Number(n.number, n.label, "tel:" + n.number.replace(" ", "")) for n in guide.emergency_numbers]


def is_outdated(reviewed: dt.date) -> bool:
    return dt.date.today() - reviewed > REVIEW_AGE


class ExpatState(rx.State):
    status: str = LOADING
    guides: list[GuideCard] = []
    services: list[Link] = []

    @rx.event
    async def load(self, locale: str):
        self.status = LOADING
        yield
        language = api_locale(locale)
        try:
            guides = await information.guides(language)
            services = await catalogue.services(language, theme="exit-entry", size=6)
        except ClientError as error:
            self.status = UNAVAILABLE if isinstance(error, Unavailable) else READY
            return
        self.guides = [
            GuideCard(
                id=g.id,
                icon=g.id,
                title=g.title,
                summary=g.summary,
                href=locale_href(locale, f"expat/{g.id}"),
                reviewed=date_text(g.last_reviewed, locale),
                iso_reviewed=g.last_reviewed.isoformat(),
                outdated=is_outdated(g.last_reviewed),
                lang=_lang(g.lang, locale),
            )
            for g in guides.value
        ]
        self.services = [Link(s.name, locale_href(locale, f"services/{s.id}")) for s in services.value.items]
        self.status = STALE if any(r.stale for r in (guides, services)) else READY


class ExpatGuideState(rx.State):
    status: str = LOADING
    guide: GuideView = GuideView()

    @rx.event
    async def load(self, locale: str):
        guide_id = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        self.status = LOADING
        yield
        try:
            result = await information.guide(api_locale(locale), guide_id)
        except NotFound:
            self.status = NOT_FOUND
            return
        except ClientError as error:
            self.status = UNAVAILABLE if isinstance(error, Unavailable) else NOT_FOUND
            return
        g = result.value
        self.guide = GuideView(
            title=g.title,
            summary=g.summary,
            body_html=markdown_to_html(g.body),
            reviewed=date_text(g.last_reviewed, locale),
            iso_reviewed=g.last_reviewed.isoformat(),
            outdated=is_outdated(g.last_reviewed),
            numbers=_numbers(g),
            related=[Link(s.name, locale_href(locale, f"services/{s.id}")) for s in g.related_services],
            translated=g.lang != "zh" or locale == "zh",
            lang=_lang(g.lang, locale),
        )
        self.status = STALE if result.stale else READY


def reviewed_line(locale: str, reviewed: rx.Var, iso: rx.Var, outdated: rx.Var) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.p(
        _("Last reviewed:"),
        " ",
        rx.el.time(reviewed, date_time=iso),
        rx.cond(
            outdated,
            rx.el.strong(" — ", _("not reviewed for over a year: check with the hotline before you act on it."), class_name="outdated"),
        ),
        class_name="meta",
    )


def _number(number: str | rx.Var, label: str | rx.Var, href: str | rx.Var) -> rx.Component:
    return rx.el.li(plain_link(rx.el.span(number, class_name="emergency__number"), rx.el.span(label, class_name="emergency__label"), href=href))


def emergency_numbers(locale: str, numbers: rx.Var | None = None) -> rx.Component:
    """The numbers as tel: links: the guide's own, or the compiled list."""
    _ = gettext_for(locale)
    if numbers is None:
        items = rx.el.ul(*(_number(number, _(label), f"tel:{number}") for number, label in EMERGENCY_NUMBERS), class_name="emergency")
    else:
        items = rx.el.ul(rx.foreach(numbers, lambda n: _number(n.number, n.label, n.href)), class_name="emergency", custom_attrs={"data-content": ""})
    return rx.el.section(rx.el.h2(_("Emergency numbers"), id="emergency-title"), items, aria_labelledby="emergency-title", class_name="emergency-box")


def _guide_card(locale: str, card: rx.Var) -> rx.Component:
    return rx.el.li(
        rx.el.article(
            rx.match(card.icon, *((key, icon(name)) for key, name in GUIDE_ICONS.items()), icon("document")),
            rx.el.h3(nav_link(card.title, href=card.href, class_name="card__link"), lang=card.lang, custom_attrs={"data-content": ""}),
            rx.el.p(card.summary, lang=card.lang, custom_attrs={"data-content": ""}),
            reviewed_line(locale, card.reviewed, card.iso_reviewed, card.outdated),
            class_name="card",
        )
    )


def expat_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "expat",
        rx.el.h1(_("Living in Haizhou: help for foreign residents and visitors")),
        emergency_numbers(locale),
        remote_content(
            locale,
            ExpatState.status,
            rx.fragment(
                rx.el.section(
                    rx.el.h2(_("Guides"), id="guides-title"),
                    rx.el.ul(rx.foreach(ExpatState.guides, lambda card: _guide_card(locale, card)), class_name="card-grid"),
                    aria_labelledby="guides-title",
                    class_name="section",
                ),
                rx.el.section(
                    rx.el.h2(_("Services foreign residents use most"), id="expat-services-title"),
                    rx.el.ul(rx.foreach(ExpatState.services, lambda link: rx.el.li(nav_link(link.label, href=link.href))), class_name="link-list", custom_attrs={"data-content": ""}),
                    aria_labelledby="expat-services-title",
                    class_name="section",
                ),
            ),
            retry=ExpatState.load(locale),
        ),
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
    guide = ExpatGuideState.guide
    return page_frame(
        locale,
        "expat/[guide_id]",
        rx.el.h1(rx.cond(has_content(ExpatGuideState.status), guide.title, _("Guide for foreign residents")), lang=guide.lang),
        remote_content(
            locale,
            ExpatGuideState.status,
            rx.el.article(
                rx.cond(guide.translated, rx.fragment(), untranslated_notice(locale)),
                reviewed_line(locale, guide.reviewed, guide.iso_reviewed, guide.outdated),
                rx.cond(guide.numbers.length() > 0, emergency_numbers(locale, guide.numbers)),
                rx.el.p(guide.summary, class_name="lead", lang=guide.lang, custom_attrs={"data-content": ""}),
                rx.html(guide.body_html, class_name="prose", lang=guide.lang, custom_attrs={"data-content": ""}),
                rx.cond(
                    guide.related.length() > 0,
                    rx.el.section(
                        rx.el.h2(_("Related services"), id="related-title"),
                        rx.el.ul(rx.foreach(guide.related, lambda link: rx.el.li(nav_link(link.label, href=link.href))), class_name="link-list", lang=guide.lang, custom_attrs={"data-content": ""}),
                        aria_labelledby="related-title",
                    ),
                ),
            ),
            retry=ExpatGuideState.load(locale),
            not_found=not_found_notice(locale, _("We cannot find this guide"), _("All guides for foreign residents"), "expat"),
        ),
        trail=[(_("Foreign residents"), "expat"), (guide.title, "")],
    )


def expat_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Foreign residents")


def expat_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Visas, work permits, tax, healthcare, housing, schooling and emergencies: practical guides for foreigners in Haizhou.")


def expat_guide_title(locale: str) -> rx.Var:
    _ = gettext_for(locale)
    return rx.cond(ExpatGuideState.guide.title != "", ExpatGuideState.guide.title, _("Guide for foreign residents"))


def expat_guide_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("A practical guide for foreign residents and visitors in Haizhou.")
