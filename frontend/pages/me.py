"""The personal centre (我的): applications with their timeline, appointments
(with cancel), letters and replies, subscriptions, messages, recommended
services, and the profile with ID and phone numbers masked."""

from __future__ import annotations

import dataclasses

import reflex as rx
from babel import Locale

from clients import accounts, applications, halls, interaction
from clients.base import ClientError, Unauthorised, Unavailable
from components.icons import icon
from components.links import locale_href, nav_link
from components.notices import LOADING, READY, UNAVAILABLE, notice, remote_content
from components.page import page_frame
from components.records import StepView, instant_approval_note, status_label, timeline
from frontend.formatting import date_text, datetime_text, time_text
from frontend.pages.joint_progress import my_joint_applications
from frontend.session import api_token, login_url, token_refused
from locales import N_, api_locale, babel_locale, gettext_for

LETTER_KINDS = {
    "consultation": N_("Question"),
    "complaint": N_("Complaint"),
    "suggestion": N_("Suggestion"),
    "mailbox": N_("Letter to the mayor"),
}


@dataclasses.dataclass
class ApplicationView:
    id: str
    service: str
    status: str
    steps: list[StepView]
    result: str
    submitted: str
    track_href: str
    rate_href: str
    evaluable: bool
    instant: bool


@dataclasses.dataclass
class AppointmentView:
    id: str
    service: str
    hall: str
    when: str
    status: str
    cancellable: bool
    rate_href: str
    evaluable: bool


@dataclasses.dataclass
class LetterView:
    id: str
    kind: str
    subject: str
    status: str
    sent: str
    reply: str


@dataclasses.dataclass
class SubscriptionView:
    id: int
    name: str


@dataclasses.dataclass
class MessageView:
    id: int
    title: str
    body: str
    when: str
    read: bool


@dataclasses.dataclass
class Link:
    label: str
    href: str


@dataclasses.dataclass
class ProfileView:
    name: str = ""
    phone: str = ""
    id_number: str = ""
    passport: str = ""
    nationality: str = ""
    foreigner: bool = False


def application_view(a: applications.Application, locale: str) -> ApplicationView:
    return ApplicationView(
        id=a.id,
        service=a.service.name,
        status=a.status,
        steps=[StepView(s.step, s.done_at is not None, datetime_text(s.done_at, locale) if s.done_at else "") for s in a.steps],
        result=a.result or "",
        submitted=date_text(a.created_at.date(), locale),
        track_href=locale_href(locale, f"track?receipt={a.id}"),
        rate_href=locale_href(locale, f"rate?type=application&id={a.id}"),
        evaluable=a.evaluable,
        instant=a.instant_approval,
    )


class MeState(rx.State):
    status: str = LOADING
    profile: ProfileView = ProfileView()
    applications: list[ApplicationView] = []
    appointments: list[AppointmentView] = []
    letters: list[LetterView] = []
    subscriptions: list[SubscriptionView] = []
    messages: list[MessageView] = []
    recommended: list[Link] = []
    notice: str = ""

    async def _token(self, locale: str) -> str | None:
        token = await api_token(self)
        return token or None

    @rx.event
    async def load(self, locale: str):
        token = await self._token(locale)
        if not token:
            yield rx.redirect(login_url(locale, self.router.url.path))
            return
        self.status = LOADING
        yield
        language = api_locale(locale)
        try:
            profile = await accounts.me(language, token)
            apps = await applications.my_applications(language, token)
            booked = await halls.my_appointments(language, token)
            letters = await interaction.my_letters(language, token)
            subscriptions = await accounts.subscriptions(language, token)
            messages = await accounts.messages(language, token)
            recommended = await applications.recommendations(language, token)
        except Unauthorised as error:
            await token_refused(self)
            yield rx.redirect(login_url(locale, self.router.url.path, expired=error.code == "token_expired"))
            return
        except ClientError as error:
            self.status = UNAVAILABLE if isinstance(error, Unavailable) else READY
            return
        countries = Locale.parse(babel_locale(locale)).territories
        self.profile = ProfileView(
            name=profile.name,
            phone=profile.phone_masked or "",
            id_number=profile.id_number_masked or "",
            passport=profile.passport_masked or "",
            nationality=countries.get(profile.nationality or "", ""),
            foreigner=profile.kind == "foreigner",
        )
        self.applications = [application_view(a, locale) for a in apps]
        self.appointments = [
            AppointmentView(
                id=b.id,
                service=b.service.name,
                hall=b.hall.name,
                when=f"{date_text(b.day, locale)} {time_text(b.starts, locale)}–{time_text(b.ends, locale)}",
                status=b.status,
                cancellable=b.status == "booked" and not b.evaluable,
                rate_href=locale_href(locale, f"rate?type=appointment&id={b.id}"),
                evaluable=b.evaluable,
            )
            for b in booked
        ]
        self.letters = [
            LetterView(l.id, l.kind, l.subject, l.status, date_text(l.created_at.date(), locale), l.reply or "") for l in letters
        ]
        self.subscriptions = [SubscriptionView(s.id, s.name) for s in subscriptions]
        self.messages = [MessageView(m.id, m.title, m.body, datetime_text(m.created_at, locale), m.read) for m in messages]
        self.recommended = [Link(s.name, locale_href(locale, f"services/{s.id}")) for s in recommended]
        self.status = READY

    @rx.event
    async def cancel(self, locale: str, appointment_id: str):
        token = await self._token(locale)
        try:
            await halls.cancel(api_locale(locale), appointment_id, token=token)
        except Unauthorised:
            yield rx.redirect(login_url(locale, self.router.url.path, expired=True))
            return
        except ClientError:
            self.notice = "cancel_failed"
            return
        self.notice = "cancelled"
        for view in self.appointments:
            if view.id == appointment_id:
                view.status = "cancelled"
                view.cancellable = False
        self.appointments = list(self.appointments)

    @rx.event
    async def unsubscribe(self, locale: str, subscription_id: int):
        token = await self._token(locale)
        try:
            await accounts.unsubscribe(api_locale(locale), subscription_id, token=token)
        except ClientError:
            self.notice = "unsubscribe_failed"
            return
        self.subscriptions = [s for s in self.subscriptions if s.id != subscription_id]
        self.notice = "unsubscribed"

    @rx.event
    async def mark_read(self, locale: str, message_id: int):
        token = await self._token(locale)
        try:
            await accounts.mark_read(api_locale(locale), message_id, token=token)
        except ClientError:
            return
        self.messages = [dataclasses.replace(m, read=True) if m.id == message_id else m for m in self.messages]


def _section(title: str, section_id: str, count: rx.Var, empty: str, *content) -> rx.Component:
    return rx.el.section(
        rx.el.h2(title, id=section_id),
        rx.cond(count > 0, rx.fragment(*content), rx.el.p(empty, class_name="hint")),
        aria_labelledby=section_id,
        class_name="section",
    )


def _application(locale: str, a: rx.Var) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.article(
            rx.el.h3(a.service, custom_attrs={"data-content": ""}),
            rx.el.p(_("Receipt number:"), " ", rx.el.strong(a.id, custom_attrs={"translate": "no"}), " · ", _("Submitted:"), " ", a.submitted, class_name="meta"),
            rx.el.p(_("Status:"), " ", rx.el.strong(status_label(locale, a.status))),
            rx.cond(a.instant, instant_approval_note(locale)),
            timeline(locale, a.steps),
            rx.cond(a.result != "", rx.el.p(rx.el.strong(_("Result:")), " ", rx.el.span(a.result, custom_attrs={"data-content": ""}))),
            rx.el.div(
                nav_link(_("Follow progress"), href=a.track_href, class_name="button button--secondary"),
                rx.cond(a.evaluable, nav_link(icon("heart"), _("Rate this service"), href=a.rate_href, class_name="button button--secondary")),
                class_name="actions",
            ),
            class_name="record",
        )
    )


def _appointment(locale: str, b: rx.Var) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.article(
            rx.el.h3(b.service, custom_attrs={"data-content": ""}),
            rx.el.p(b.when, " · ", rx.el.span(b.hall, custom_attrs={"data-content": ""})),
            rx.el.p(_("Confirmation number:"), " ", rx.el.strong(b.id, custom_attrs={"translate": "no"}), " · ", _("Status:"), " ", rx.el.strong(status_label(locale, b.status))),
            rx.el.div(
                rx.cond(
                    b.cancellable,
                    rx.el.button(_("Cancel this appointment"), type="button", class_name="button button--secondary", on_click=MeState.cancel(locale, b.id)),
                ),
                rx.cond(b.evaluable, nav_link(icon("heart"), _("Rate this visit"), href=b.rate_href, class_name="button button--secondary")),
                class_name="actions",
            ),
            class_name="record",
        )
    )


def _letter(locale: str, letter: rx.Var) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.article(
            rx.el.h3(letter.subject, custom_attrs={"data-content": ""}),
            rx.el.p(
                rx.match(letter.kind, *((code, _(label)) for code, label in LETTER_KINDS.items()), letter.kind),
                " · ",
                _("Ticket number:"),
                " ",
                rx.el.span(letter.id, custom_attrs={"translate": "no"}),
                " · ",
                letter.sent,
                " · ",
                status_label(locale, letter.status),
                class_name="meta",
            ),
            rx.cond(letter.reply != "", rx.el.div(rx.el.h4(_("Reply")), rx.el.p(letter.reply, custom_attrs={"data-content": ""}), class_name="reply")),
            class_name="record",
        )
    )


def _account(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    p = MeState.profile
    return rx.el.section(
        rx.el.h2(_("My details"), id="details-title"),
        rx.el.dl(
            rx.el.div(rx.el.dt(_("Name")), rx.el.dd(p.name, custom_attrs={"data-content": ""})),
            rx.el.div(rx.el.dt(_("Mobile phone")), rx.el.dd(p.phone, custom_attrs={"translate": "no"})),
            rx.cond(
                p.foreigner,
                rx.fragment(
                    rx.el.div(rx.el.dt(_("Passport number")), rx.el.dd(p.passport, custom_attrs={"translate": "no"})),
                    rx.el.div(rx.el.dt(_("Nationality")), rx.el.dd(p.nationality, custom_attrs={"data-content": ""})),
                ),
                rx.el.div(rx.el.dt(_("Resident ID number")), rx.el.dd(p.id_number, custom_attrs={"translate": "no"})),
            ),
            class_name="facts facts--grid",
        ),
        rx.el.p(_("For your privacy, only part of your ID and phone numbers is shown."), class_name="hint"),
        # A plain form: logging out needs the server to clear the cookie, and works without the websocket.
        rx.el.form(
            rx.el.input(type="hidden", name="locale", default_value=locale),
            rx.el.div(notice(rx.el.p(_("You are not logged out yet: the portal could not be reached. Try again, or close the browser.")), tone="error"), hidden=True, role="alert", custom_attrs={"data-session-problem": ""}),
            rx.el.button(_("Log out"), type="submit", class_name="button button--secondary"),
            action="/_portal/session/end",
            method="post",
            on_submit=None,
            custom_attrs={"data-session-end": "", "data-next": locale_href(locale)},
        ),
        aria_labelledby="details-title",
        class_name="section",
    )


def me_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    notices = {
        "cancelled": _("Your appointment has been cancelled."),
        "cancel_failed": _("We could not cancel the appointment. Please try again, or call 12345."),
        "unsubscribed": _("You will no longer get updates on this topic."),
        "unsubscribe_failed": _("We could not change your subscriptions. Please try again."),
    }
    return page_frame(
        locale,
        "me",
        rx.el.h1(_("My account")),
        rx.el.div(rx.cond(MeState.notice != "", notice(rx.el.p(rx.match(MeState.notice, *notices.items(), "")))), role="status"),
        remote_content(
            locale,
            MeState.status,
            rx.fragment(
                _section(
                    _("My applications"), "applications-title", MeState.applications.length(), _("You have not applied for anything online yet."),
                    rx.el.ul(rx.foreach(MeState.applications, lambda a: _application(locale, a)), class_name="record-list"),
                ),
                my_joint_applications(locale),
                rx.el.section(
                    rx.el.h2(_("My e-certificates"), id="certificates-title"),
                    rx.el.p(_("Electronic copies of your certificates: you need not upload them again, and each has a QR code to show at a counter.")),
                    nav_link(_("See my e-certificates"), href=locale_href(locale, "me/certificates"), class_name="button button--secondary"),
                    aria_labelledby="certificates-title",
                    class_name="section",
                ),
                _section(
                    _("My appointments"), "appointments-title", MeState.appointments.length(), _("You have no appointments."),
                    rx.el.ul(rx.foreach(MeState.appointments, lambda b: _appointment(locale, b)), class_name="record-list"),
                ),
                _section(
                    _("My letters and replies"), "letters-title", MeState.letters.length(), _("You have not written to us yet."),
                    rx.el.ul(rx.foreach(MeState.letters, lambda l: _letter(locale, l)), class_name="record-list"),
                ),
                _section(
                    _("My messages"), "messages-title", MeState.messages.length(), _("No messages."),
                    rx.el.ul(
                        rx.foreach(
                            MeState.messages,
                            lambda m: rx.el.li(
                                rx.el.h3(rx.cond(m.read, rx.fragment(), rx.el.span(_("New:"), " ", class_name="badge")), rx.el.span(m.title, custom_attrs={"data-content": ""})),
                                rx.el.p(m.body, custom_attrs={"data-content": ""}),
                                rx.el.p(m.when, class_name="meta"),
                                rx.cond(m.read, rx.fragment(), rx.el.button(_("Mark as read"), type="button", class_name="button button--secondary", on_click=MeState.mark_read(locale, m.id))),
                                class_name="record",
                            ),
                        ),
                        class_name="record-list",
                    ),
                ),
                _section(
                    _("My subscriptions"), "subscriptions-title", MeState.subscriptions.length(), _("You are not following any topic. Use “Follow updates” on a service guide."),
                    rx.el.ul(
                        rx.foreach(
                            MeState.subscriptions,
                            lambda s: rx.el.li(
                                rx.el.span(s.name, custom_attrs={"data-content": ""}),
                                " ",
                                rx.el.button(_("Stop following"), type="button", class_name="button button--secondary", on_click=MeState.unsubscribe(locale, s.id)),
                                class_name="subscription",
                            ),
                        ),
                        class_name="record-list",
                    ),
                ),
                rx.el.section(
                    rx.el.h2(_("Recommended for you"), id="recommended-title"),
                    rx.el.ul(rx.foreach(MeState.recommended, lambda link: rx.el.li(nav_link(link.label, href=link.href))), class_name="link-list", custom_attrs={"data-content": ""}),
                    aria_labelledby="recommended-title",
                    class_name="section",
                ),
                _account(locale),
            ),
            retry=MeState.load(locale),
        ),
        trail=[(_("My account"), "me")],
    )


def me_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("My account")


def me_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Your applications, appointments, letters, subscriptions and messages.")
