"""The service guide (办事指南): what it is, who can apply, conditions,
materials as a checklist, fees, time limits, where and when, FAQs, actions."""

from __future__ import annotations

import dataclasses

import reflex as rx

from clients import bundles, catalogue, certificates
from clients.base import ClientError
from components.links import locale_href
from components.notices import notice
from components.page import page_frame
from components.records import fee_text, time_limit_text
from frontend.formatting import date_text, number_text
from frontend.records import load_record
from frontend.seo import Record, indexes
from frontend.served import PageRequest, Served, region, serves
from frontend.session import api_token
from frontend.views import inline, render
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
    instant_approval: bool = False
    appointment: bool = False
    apply_href: str = ""
    book_href: str = ""
    ask_href: str = ""
    joint_services: list[HallLink] = dataclasses.field(default_factory=list)  # the joint services (一件事) it belongs to
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
        instant_approval=detail.instant_approval,
        appointment=detail.appointment,
        apply_href=locale_href(locale, f"apply/{detail.id}"),
        book_href=locale_href(locale, f"book?service={detail.id}"),
        ask_href=locale_href(locale, f"interact/consultation?service={detail.id}"),
        translated=detail.lang != "zh" or locale == "zh",
        lang=HTML_LANG["zh"] if detail.lang == "zh" else HTML_LANG.get(locale, "en"),
    )


@serves("services/[service_id]")
async def guide_content(request: PageRequest) -> Served:
    """The guide of the service in the address, as HTML (frontend/served.py)."""
    locale = request.locale
    _ = gettext_for(locale)
    loaded = await load_record(catalogue.service, locale, request.params["service_id"])
    guide = guide_view(loaded.value, locale) if loaded.shown else None
    if guide:
        try:
            joint = (await bundles.bundles(api_locale(locale), service=guide.id)).value
        except ClientError:
            joint = []  # the guide stands without them
        guide.joint_services = [HallLink(b.name, locale_href(locale, f"bundles/{b.id}")) for b in joint]
    return Served(
        loaded.status,
        {
            "main": render("service_guide.html", locale, status=loaded.status, guide=guide, request=request),
            "crumb": inline(guide.name, locale, guide.lang) if guide else inline(_("Service guide"), locale),
        },
        title=guide.name if guide else _("Service guide"),
        description=guide.summary if guide else guide_description(locale),
    )


class HeldMaterialsState(rx.State):
    """The guide's materials the logged-in person already holds as valid
    e-certificates. Per person, so live state beside the guide, which is
    served alike to everyone."""

    names: list[str] = []

    @rx.event
    async def load(self, locale: str):
        self.names = []
        token = await api_token(self)
        if not token:
            return
        service_id = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        language = api_locale(locale)
        try:
            service = (await catalogue.service(language, service_id)).value
            held = {c.kind.id for c in await certificates.my_certificates(language, token) if c.status == "valid"}
        except ClientError:
            return  # the guide reads the same without it
        self.names = [m.name for m in service.materials if m.certificate in held]


def held_materials(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.div(
        rx.cond(
            HeldMaterialsState.names.length() > 0,
            notice(
                rx.el.h2(_("Documents we already have"), class_name="notice__title"),
                rx.el.ul(rx.foreach(HeldMaterialsState.names, lambda name: rx.el.li(name, custom_attrs={"data-testid": "material-on-file"})), custom_attrs={"data-content": ""}),
                rx.el.p(_("They are your e-certificates: you do not need to bring or upload them.")),
            ),
        ),
        aria_live="polite",
        on_mount=HeldMaterialsState.load(locale),
    )


def guide_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "services/[service_id]",
        region(locale, "main"),
        held_materials(locale),
        trail=[(_("Services"), "services"), (region(locale, "crumb", "span"), "")],
    )


def guide_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("What you need, how long it takes, what it costs and where to apply.")


@indexes("services/[service_id]")
async def service_index(locale: str) -> list[Record]:
    """Every service in the catalogue."""
    records, page = [], 1
    while True:
        listing = (await catalogue.services(locale, page=page, size=50)).value
        records += [Record(s.id) for s in listing.items]
        if page * 50 >= listing.total:
            return records
        page += 1
