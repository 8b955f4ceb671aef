"""The service guide (办事指南): what it is, who can apply, conditions,
materials as a checklist, fees, time limits, where and when, FAQs, actions."""

from __future__ import annotations

import dataclasses

import reflex as rx

from clients import catalogue
from clients.base import NotFound, Unavailable
from components.icons import icon
from components.links import locale_href, nav_link
from components.notices import LOADING, NOT_FOUND, READY, STALE, UNAVAILABLE, has_content, not_found_notice, remote_content, untranslated_notice
from components.page import page_frame
from frontend.formatting import date_text, number_text
from frontend.pages.bundles import guide_bundle_links
from frontend.pages.services import fee_text, time_limit_text
from locales import HTML_LANG, api_locale, gettext_for, ngettext_for


@dataclasses.dataclass
class MaterialView:
    name: str
    note: str
    detail: str
    required: bool


@dataclasses.dataclass
class HallLink:
    name: str
    href: str


@dataclasses.dataclass
class Faq:
    question: str
    answer: str


@dataclasses.dataclass
class GuideView:
    id: str = ""
    name: str = ""
    summary: str = ""
    code: str = ""
    department: str = ""
    how: str = ""
    legal_limit: str = ""
    promised_limit: str = ""
    fee: str = ""
    fee_note: str = ""
    visits: str = ""
    eligibility: str = ""
    conditions: list[str] = dataclasses.field(default_factory=list)
    materials: list[MaterialView] = dataclasses.field(default_factory=list)
    where: str = ""
    halls: list[HallLink] = dataclasses.field(default_factory=list)
    faqs: list[Faq] = dataclasses.field(default_factory=list)
    legal_basis: str = ""
    last_reviewed: str = ""
    online: bool = False
    appointment: bool = False
    apply_href: str = ""
    book_href: str = ""
    ask_href: str = ""
    translated: bool = True
    lang: str = ""


def guide_view(detail: catalogue.ServiceDetail, locale: str) -> GuideView:
    _ = gettext_for(locale)
    ngettext = ngettext_for(locale)
    how = {"online": _("Online only"), "in_person": _("In person at a hall"), "both": _("Online or in person")}[detail.mode]
    if detail.max_visits == 0:
        visits = _("No visit needed")
    else:
        visits = ngettext("At most %(count)s visit", "At most %(count)s visits", detail.max_visits) % {"count": number_text(detail.max_visits, locale)}
    materials = []
    for material in detail.materials:
        parts = [_("Original") if material.original else None]
        if material.copies:
            parts.append(ngettext("%(count)s copy", "%(count)s copies", material.copies) % {"count": number_text(material.copies, locale)})
        materials.append(
            MaterialView(
                name=material.name,
                note=material.note or "",
                detail=" · ".join(p for p in parts if p),
                required=material.required,
            )
        )
    return GuideView(
        id=detail.id,
        name=detail.name,
        summary=detail.summary,
        code=detail.code,
        department=detail.department.name,
        how=how,
        legal_limit=time_limit_text(detail.legal_limit_days, locale),
        promised_limit=time_limit_text(detail.promised_limit_days, locale),
        fee=fee_text(detail.fee_cny, locale),
        fee_note=detail.fee_note,
        visits=visits,
        eligibility=detail.eligibility,
        conditions=detail.conditions,
        materials=materials,
        where=detail.where,
        halls=[HallLink(h.name, locale_href(locale, f"halls/{h.id}")) for h in detail.halls],
        faqs=[Faq(f.question, f.answer) for f in detail.faqs],
        legal_basis=detail.legal_basis,
        last_reviewed=date_text(detail.last_reviewed, locale),
        online=detail.online_application,
        appointment=detail.appointment,
        apply_href=locale_href(locale, f"apply/{detail.id}"),
        book_href=locale_href(locale, f"book?service={detail.id}"),
        ask_href=locale_href(locale, f"interact/consultation?service={detail.id}"),
        translated=detail.lang != "zh" or locale == "zh",
        lang=HTML_LANG["zh"] if detail.lang == "zh" else HTML_LANG.get(locale, "en"),
    )


class GuideState(rx.State):
    status: str = LOADING
    guide: GuideView = GuideView()

    @rx.event
    async def load(self, locale: str):
        service_id = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        self.status = LOADING
        yield
        try:
            result = await catalogue.service(api_locale(locale), service_id)
        except NotFound:
            self.status = NOT_FOUND
            return
        except Unavailable:
            self.status = UNAVAILABLE
            return
        self.guide = guide_view(result.value, locale)
        self.status = STALE if result.stale else READY


def _section(title: str, section_id: str, *children) -> rx.Component:
    return rx.el.section(rx.el.h2(title, id=section_id), *children, aria_labelledby=section_id, class_name="guide-section")


def _guide(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    guide = GuideState.guide
    return rx.el.div(
        rx.cond(guide.translated, rx.fragment(), untranslated_notice(locale)),
        rx.el.div(
            rx.el.p(guide.summary, class_name="lead"),
            rx.el.div(
                rx.cond(guide.online, nav_link(icon("globe"), _("Apply online"), href=guide.apply_href, class_name="button")),
                rx.cond(guide.appointment, nav_link(icon("calendar"), _("Book an appointment"), href=guide.book_href, class_name="button button--secondary")),
                nav_link(icon("chat"), _("Ask a question"), href=guide.ask_href, class_name="button button--secondary"),
                class_name="actions",
            ),
            guide_bundle_links(locale),
            _section(
                _("At a glance"),
                "glance",
                rx.el.dl(
                    rx.el.div(rx.el.dt(_("Department")), rx.el.dd(guide.department)),
                    rx.el.div(rx.el.dt(_("How to apply")), rx.el.dd(guide.how)),
                    rx.el.div(rx.el.dt(_("Time limit we promise")), rx.el.dd(guide.promised_limit)),
                    rx.el.div(rx.el.dt(_("Legal time limit")), rx.el.dd(guide.legal_limit)),
                    rx.el.div(rx.el.dt(_("Fee")), rx.el.dd(guide.fee)),
                    rx.el.div(rx.el.dt(_("Visits in person")), rx.el.dd(guide.visits)),
                    rx.el.div(rx.el.dt(_("Service code")), rx.el.dd(guide.code, custom_attrs={"translate": "no"})),
                    class_name="facts facts--grid",
                ),
            ),
            _section(_("Who can apply"), "eligibility", rx.el.p(guide.eligibility)),
            _section(_("Conditions"), "conditions", rx.el.ul(rx.foreach(guide.conditions, lambda c: rx.el.li(c)))),
            _section(
                _("What to bring"),
                "materials",
                rx.el.p(_("Tick each item as you get it ready. The ticks stay on this device only."), class_name="hint"),
                rx.el.ul(
                    rx.foreach(
                        guide.materials,
                        lambda m, i: rx.el.li(
                            rx.el.input(type="checkbox", id="material-" + i.to_string()),
                            rx.el.label(
                                rx.el.span(m.name, class_name="checklist__name"),
                                rx.cond(m.required, rx.fragment(), rx.el.span(" (", _("if applicable"), ")")),
                                rx.cond(m.detail != "", rx.el.span(m.detail, class_name="checklist__detail")),
                                rx.cond(m.note != "", rx.el.span(m.note, class_name="checklist__note")),
                                html_for="material-" + i.to_string(),
                            ),
                            class_name="checklist__item",
                        ),
                    ),
                    class_name="checklist",
                ),
            ),
            _section(_("Fees"), "fees", rx.el.p(rx.el.strong(guide.fee)), rx.el.p(guide.fee_note)),
            _section(
                _("Where and when"),
                "where",
                rx.el.p(guide.where),
                rx.cond(
                    guide.halls.length() > 0,
                    rx.el.ul(rx.foreach(guide.halls, lambda h: rx.el.li(nav_link(h.name, href=h.href))), class_name="link-list"),
                ),
            ),
            rx.cond(
                guide.faqs.length() > 0,
                _section(
                    _("Questions people ask"),
                    "faqs",
                    rx.foreach(guide.faqs, lambda f: rx.el.details(rx.el.summary(f.question), rx.el.p(f.answer), class_name="faq")),
                ),
            ),
            _section(_("Legal basis"), "legal", rx.el.p(guide.legal_basis)),
            rx.el.p(_("Last reviewed:"), " ", guide.last_reviewed, class_name="meta"),
            lang=guide.lang,
            custom_attrs={"data-content": ""},
        ),
    )


def guide_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "services/[service_id]",
        rx.el.h1(rx.cond(has_content(GuideState.status), GuideState.guide.name, _("Service guide")), lang=GuideState.guide.lang),
        remote_content(
            locale,
            GuideState.status,
            _guide(locale),
            retry=GuideState.load(locale),
            not_found=not_found_notice(locale, _("We cannot find this service"), _("Browse all services"), "services"),
        ),
        trail=[(_("Services"), "services"), (GuideState.guide.name, "")],
    )


def guide_title(locale: str) -> rx.Var:
    _ = gettext_for(locale)
    return rx.cond(GuideState.guide.name != "", GuideState.guide.name, _("Service guide"))


def guide_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("What you need, how long it takes, what it costs and where to apply.")
