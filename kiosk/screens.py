"""The kiosk's screens: attract, menu, queue number, progress, booking, guides,
checking an e-certificate, calling staff and "no such screen". All by touch and by voice, in five
languages.

Each screen's load starts by forgetting what an earlier visit left (its
state's ``reset``), and what is personal is shown only once that load has
run (``rx.State.is_hydrated``). Every result and error is spoken as well as
shown (kiosk/state.py ``say``), and every way back to the attract screen
wipes the session (kiosk/layout.py ``exit_link``)."""

from __future__ import annotations

import dataclasses
import re
import uuid

import reflex as rx

from clients import applications, bundles, catalogue, certificates, halls
from clients.base import ClientError, Conflict, NotFound, RateLimited
from components.icons import icon
from components.images import image
from components.links import nav_link, plain_link
from components.notices import notice
from components.joint_records import LineView, joint_lines, joint_view
from components.records import CHECK_OUTCOMES, STATUS_LABELS, StepView, check_outcome, next_step_text, qr_data_uri, status_label, timeline
from frontend import validation
from frontend.personal import mask
from frontend.formatting import date_text, datetime_text, time_text, weekday_date
from kiosk import devices
from kiosk.ask import KioskAskState, ask_page
from kiosk.config import config
from kiosk.keypad import digit_keypad, name_keyboard
from kiosk.layout import exit_link, kiosk_frame, kiosk_href, kiosk_input
from kiosk.prompts import PROMPTS, prompt_text
from kiosk.state import KioskState
from locales import HTML_LANG, LOCALES, NATIVE_NAMES, N_, api_locale, gettext_for

MENU = (
    ("queue", "queue", "document", N_("Take a queue number")),
    ("track", "track", "clock", N_("Check progress")),
    ("book", "book", "calendar", N_("Book a visit")),
    ("guides", "guide", "search", N_("Service guides")),
    ("ask", "ask", "chat", N_("Ask the assistant")),
    ("help", "help", "person", N_("Call a member of staff")),
)


@dataclasses.dataclass
class Choice:
    id: str
    label: str


@dataclasses.dataclass
class TicketView:
    number: str = ""
    service: str = ""
    time: str = ""
    ahead: str = ""


def _choice_button(choice: rx.Var, on_click) -> rx.Component:
    return rx.el.button(
        choice.label,
        type="button",
        class_name="kiosk-choice",
        on_click=on_click,
        custom_attrs={"data-voice-choice": "", "data-id": choice.id, "data-content": ""},
    )


def _loaded(content: rx.Component, locale: str) -> rx.Component:
    """``content`` once the screen's load has run: until then an earlier
    visit's data may still be in the state, and is not shown."""
    _ = gettext_for(locale)
    return rx.cond(rx.State.is_hydrated, content, rx.el.p(_("Loading…"), class_name="loading"))


def _finished(locale: str) -> rx.Component:
    """The end of a task: wipes the session for the next person."""
    _ = gettext_for(locale)
    return exit_link(icon("home"), _("Finished"), class_name="button kiosk-finished", custom_attrs={"data-testid": "kiosk-finished"})


def _error(text: str) -> rx.Component:
    return rx.el.p(text, class_name="field-error", role="alert")


# ------------------------------------------------------------------ attract


# Shown in every language at once, so marked here and translated per language below.
ATTRACT_TITLE = N_("Haizhou Citizen Services · Self-service")
TOUCH_TO_START = N_("Touch here to start")


def attract_page() -> rx.Component:
    return rx.el.div(
        rx.el.main(
            rx.el.h1(
                *(rx.el.span(gettext_for(code)(ATTRACT_TITLE), lang=HTML_LANG[code], class_name="attract__title") for code in ("zh", "en")),
            ),
            rx.el.ul(
                *(
                    rx.el.li(
                        plain_link(
                            rx.el.span(NATIVE_NAMES[code], class_name="attract__language"),
                            rx.el.span(gettext_for(code)(TOUCH_TO_START), class_name="attract__start"),
                            href=kiosk_href(code),
                            lang=HTML_LANG[code],
                            class_name="attract__button",
                            custom_attrs={"data-locale": code, "data-prompt": prompt_text("attract", code)},
                        )
                    )
                    for code in LOCALES
                ),
                class_name="attract__languages",
            ),
            id="main",
            class_name="attract",
            custom_attrs={"data-kiosk-screen": "attract", "data-start": kiosk_href("zh")},
        ),
    )


# ------------------------------------------------------------------ menu


def menu_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return kiosk_frame(
        locale,
        "menu",
        rx.el.h1(_("What would you like to do?")),
        rx.el.ul(
            *(
                rx.el.li(nav_link(icon(icon_name), rx.el.span(_(label)), href=kiosk_href(locale, path), class_name="kiosk-tile", custom_attrs={"data-voice-intent": intent}))
                for path, intent, icon_name, label in MENU
            ),
            class_name="kiosk-tiles",
        ),
        back=None,
    )


# ------------------------------------------------------------------ queue number


class KioskQueueState(KioskState):
    status: str = "loading"  # loading, choose, ticket, unavailable
    services: list[Choice] = []
    ticket: TicketView = TicketView()
    printed: str = ""  # "", device, browser
    idempotency_key: str = ""

    @rx.event
    async def load(self, locale: str):
        self.reset()
        self.idempotency_key = str(uuid.uuid4())
        try:
            hall = (await halls.hall(api_locale(locale), config.hall_id)).value
        except ClientError:
            self.status = "unavailable"
            _ = gettext_for(locale)
            return self._say(_("Queue numbers cannot be issued right now. Please go to the information desk."))
        self.services = [Choice(s.id, s.name) for s in hall.services[:12]]
        self.status = "choose"

    @rx.event
    async def take(self, locale: str, service_id: str):
        if self.status != "choose":
            return
        _ = gettext_for(locale)
        try:
            ticket = await halls.take_ticket(
                api_locale(locale), halls.TicketRequest(hall_id=config.hall_id, service_id=service_id), idempotency_key=self.idempotency_key
            )
        except ClientError:
            self.status = "unavailable"
            yield self._say(_("Queue numbers cannot be issued right now. Please go to the information desk."))
            return
        self.ticket = TicketView(ticket.number, ticket.service.name, datetime_text(ticket.issued_at.astimezone(), locale), str(ticket.waiting_ahead))
        self.status = "ticket"
        yield self._say(_("Your number is %(number)s.") % {"number": " ".join(ticket.number)} + " " + prompt_text("ticket", locale))
        yield KioskQueueState.print_ticket(locale)

    @rx.event
    async def print_ticket(self, locale: str):
        _ = gettext_for(locale)
        lines = [
            _("Haizhou Citizen Services"),
            self.ticket.number,
            self.ticket.service,
            self.ticket.time,
            _("People ahead of you: %(count)s") % {"count": self.ticket.ahead},
        ]
        try:
            await devices.print_ticket(lines)
            self.printed = "device"
        except devices.DeviceUnavailable:
            self.printed = "browser"
            self._print()


def queue_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    ticket = KioskQueueState.ticket
    return kiosk_frame(
        locale,
        "queue",
        rx.el.h1(_("Take a queue number")),
        _loaded(
            rx.match(
                KioskQueueState.status,
                (
                    "choose",
                    rx.fragment(
                        rx.el.p(_("Which service do you need?"), class_name="kiosk-lead"),
                        rx.el.div(rx.foreach(KioskQueueState.services, lambda c: _choice_button(c, KioskQueueState.take(locale, c.id))), class_name="kiosk-choices"),
                    ),
                ),
                (
                    "ticket",
                    rx.el.section(
                        rx.el.p(_("Your number"), class_name="kiosk-lead"),
                        rx.el.p(ticket.number, class_name="ticket__number", custom_attrs={"data-testid": "ticket-number", "translate": "no"}),
                        rx.el.dl(
                            rx.el.div(rx.el.dt(_("Service")), rx.el.dd(ticket.service, custom_attrs={"data-content": ""})),
                            rx.el.div(rx.el.dt(_("Time")), rx.el.dd(ticket.time)),
                            rx.el.div(rx.el.dt(_("People ahead of you")), rx.el.dd(ticket.ahead, custom_attrs={"data-testid": "ticket-ahead"})),
                            class_name="facts facts--grid",
                        ),
                        rx.el.p(rx.cond(KioskQueueState.printed == "device", _("Your ticket is being printed. Take it from the slot below."), _("Show this screen or the printed page at the window."))),
                        rx.el.div(
                            rx.el.button(icon("printer"), _("Print again"), type="button", class_name="button button--secondary", on_click=KioskQueueState.print_ticket(locale), custom_attrs={"data-voice-intent": "print"}),
                            _finished(locale),
                            class_name="kiosk-actions",
                        ),
                        class_name="ticket",
                    ),
                ),
                ("unavailable", notice(rx.el.p(_("Queue numbers cannot be issued right now. Please go to the information desk.")), tone="error")),
                rx.el.p(_("Loading…"), class_name="loading"),
            ),
            locale,
        ),
    )


# ------------------------------------------------------------------ progress


class KioskTrackState(KioskState):
    receipt: str = ""
    outcome: str = ""  # "", found, not_found, invalid, unavailable, no_code
    service: str = ""
    status: str = ""
    submitted: str = ""
    steps: list[StepView] = []
    next_step: str = ""
    lines: list[LineView] = []  # a joint application's line per member service

    @rx.event
    def load(self):
        self.reset()

    @rx.event
    def back(self, locale: str):
        """From a result back to the number; from the number back to the menu."""
        if self.outcome == "found":
            self.reset()
            return self._speak_prompt("track")
        return rx.redirect(kiosk_href(locale))

    @rx.event
    async def check(self, locale: str, form: dict):
        _ = gettext_for(locale)
        typed = str(form.get("receipt", ""))
        receipt = validation.check(validation.RECEIPT, typed)
        self.receipt = typed if receipt.error else receipt.value  # a wrong number stays as typed, to correct
        if receipt.error:
            self.outcome = "invalid"
            return self._say(_("Enter all 14 digits of the receipt number."))
        try:
            found = await applications.track(api_locale(locale), self.receipt)
        except NotFound:
            return await self._check_joint(locale)
        except ClientError:
            self.outcome = "unavailable"
            return self._say(_("The service is not available right now. Please go to the information desk."))
        self.lines = []
        self.service, self.status = found.service.name, found.status
        self.submitted = date_text(found.created_at.date(), locale)
        self.steps = [StepView(s.step, s.done_at is not None, datetime_text(s.done_at, locale) if s.done_at else "") for s in found.steps]
        self.next_step = found.next_step or ""
        self.outcome = "found"
        status = _(STATUS_LABELS[found.status]) if found.status in STATUS_LABELS else found.status
        return self._say(_("Here is the progress of your application: %(service)s. Status: %(status)s.") % {"service": found.service.name, "status": status})

    async def _check_joint(self, locale: str):
        """A joint application (一件事一次办): a line per member service instead of one timeline."""
        _ = gettext_for(locale)
        try:
            joint = joint_view(await bundles.track(api_locale(locale), self.receipt), locale)
        except NotFound:
            self.outcome = "not_found"
            return self._say(_("We cannot find an application with this number."))
        except ClientError:
            self.outcome = "unavailable"
            return self._say(_("The service is not available right now. Please go to the information desk."))
        self.service, self.status, self.steps, self.next_step = joint.bundle, "", [], ""
        self.submitted, self.lines = joint.submitted, joint.lines
        self.outcome = "found"
        return self._say(_("Here is the progress of your joint application: %(bundle)s, one line for each service.") % {"bundle": joint.bundle})

    @rx.event
    async def scan(self, locale: str):
        try:
            code = await devices.scan_qr()
        except devices.DeviceUnavailable:
            self.outcome = "no_code"
            _ = gettext_for(locale)
            return self._say(_("No QR code was found. Hold the code under the scanner and try again, or type the number."))
        return KioskTrackState.check(locale, {"receipt": code.text})


def track_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return kiosk_frame(
        locale,
        "track",
        rx.el.h1(_("Check the progress of an application")),
        _loaded(
            rx.cond(
                KioskTrackState.outcome == "found",
                rx.el.section(
                    rx.el.h2(KioskTrackState.service, custom_attrs={"data-content": ""}),
                    rx.cond(
                        KioskTrackState.lines.length() > 0,
                        joint_lines(locale, KioskTrackState.lines, links=False),
                        rx.fragment(
                            rx.el.p(_("Status:"), " ", rx.el.strong(status_label(locale, KioskTrackState.status)), class_name="kiosk-lead", custom_attrs={"data-testid": "kiosk-status"}),
                            timeline(locale, KioskTrackState.steps),
                        ),
                    ),
                    rx.cond(
                        KioskTrackState.next_step != "",
                        rx.el.p(rx.el.strong(_("What happens next:")), " ", next_step_text(locale, KioskTrackState.next_step)),
                    ),
                    rx.el.div(
                        rx.el.button(_("Check another number"), type="button", class_name="button button--secondary", on_click=KioskTrackState.load),
                        _finished(locale),
                        class_name="kiosk-actions",
                    ),
                ),
                rx.el.form(
                    rx.el.label(_("Receipt number"), html_for="kiosk-receipt", class_name="label--large"),
                    kiosk_input("receipt", 14, value=KioskTrackState.receipt, key=KioskTrackState.receipt, voice="digits"),
                    rx.match(
                        KioskTrackState.outcome,
                        ("invalid", _error(_("Enter all 14 digits of the receipt number."))),
                        ("not_found", _error(_("We cannot find an application with this number."))),
                        ("unavailable", _error(_("The service is not available right now. Please go to the information desk."))),
                        ("no_code", _error(_("No QR code was found. Hold the code under the scanner and try again, or type the number."))),
                        rx.fragment(),
                    ),
                    digit_keypad(locale, "kiosk-receipt"),
                    rx.el.div(
                        rx.el.button(_("Check"), type="submit", class_name="button", custom_attrs={"data-voice-intent": "check", "data-testid": "kiosk-check"}),
                        rx.el.button(icon("search"), _("Scan the QR code"), type="button", class_name="button button--secondary", on_click=KioskTrackState.scan(locale)),
                        # A certificate's QR code is checked on a screen of its own.
                        nav_link(icon("shield"), _("Check an e-certificate"), href=kiosk_href(locale, "verify"), class_name="button button--secondary"),
                        class_name="kiosk-actions",
                    ),
                    on_submit=KioskTrackState.check(locale),
                ),
            ),
            locale,
        ),
        back=KioskTrackState.back(locale),
    )


# ------------------------------------------------------------------ booking

BOOKING_STEPS = ("service", "time", "name", "phone", "check", "done")


class KioskBookState(KioskState):
    step: str = "loading"  # loading, then BOOKING_STEPS, or unavailable
    services: list[Choice] = []
    times: list[Choice] = []
    hall: str = ""
    service_id: str = ""
    service: str = ""
    slot_id: str = ""
    when: str = ""
    name: str = ""
    phone: str = ""  # on the screen only while the person types or changes it
    _phone: str = ""  # the number given, normalised (server only)
    _phone_typed: str = ""  # as typed, to change it (server only)
    phone_masked: str = ""
    error: str = ""
    number: str = ""
    qr: str = ""
    printed: str = ""  # "", device, browser
    idempotency_key: str = ""

    @rx.event
    async def load(self, locale: str):
        self.reset()
        self.idempotency_key = str(uuid.uuid4())
        language = api_locale(locale)
        try:
            hall = (await halls.hall(language, config.hall_id)).value
            listing = (await catalogue.services(language, size=50)).value
        except ClientError:
            self.step = "unavailable"
            _ = gettext_for(locale)
            return self._say(_("Booking is not available right now. Please go to the information desk."))
        bookable = {s.id for s in listing.items if s.appointment}
        self.hall = hall.name
        self.services = [Choice(s.id, s.name) for s in hall.services if s.id in bookable][:12]
        self.step = "service"

    @rx.event
    async def choose_service(self, locale: str, service_id: str):
        chosen = next((c for c in self.services if c.id == service_id), None)
        if chosen is None:
            return
        self.service_id, self.service = chosen.id, chosen.label
        await self._load_times(locale)
        return self._speak_prompt("book-time") if self.step == "time" else self._unavailable(locale)

    async def _load_times(self, locale: str) -> None:
        try:
            slots = await halls.slots(api_locale(locale), config.hall_id, days=3)
        except ClientError:
            self.step = "unavailable"
            return
        self.times = [
            Choice(str(s.id), f"{weekday_date(s.day, locale)} {time_text(s.starts, locale)}") for s in slots if s.available > 0
        ][:12]
        self.step = "time"

    def _unavailable(self, locale: str):
        _ = gettext_for(locale)
        return self._say(_("Booking is not available right now. Please go to the information desk."))

    @rx.event
    def choose_time(self, slot_id: str):
        chosen = next((c for c in self.times if c.id == slot_id), None)
        if chosen is None:
            return
        self.slot_id, self.when = chosen.id, chosen.label
        self.error, self.step = "", "name"
        return self._speak_prompt("book-name")

    @rx.event
    async def read_card(self, locale: str):
        try:
            card = await devices.read_id_card()
        except devices.DeviceUnavailable:
            self.error = "no_card"
            _ = gettext_for(locale)
            return self._say(_("No ID card was read. Place it on the reader, or type your name."))
        self.name, self.error = card.name, ""

    @rx.event
    def give_name(self, locale: str, form: dict):
        name = validation.check(validation.NAME, str(form.get("name", "")).strip() or self.name)
        self.name = name.value
        if name.error:
            self.error = "name"
            _ = gettext_for(locale)
            return self._say(_("Enter your name."))
        self.error, self.step = "", "phone"
        return self._speak_prompt("book-phone")

    @rx.event
    def give_phone(self, locale: str, form: dict):
        _ = gettext_for(locale)
        typed = str(form.get("phone", ""))
        phone = validation.check(validation.PHONE, typed)
        if phone.error:
            self.phone, self.error = typed.strip(), "phone"  # on the screen, to correct
            return self._say(_("Enter a valid phone number."))
        # From here the screen has the number masked; the full one stays on the server.
        self._phone, self._phone_typed = phone.value, typed.strip()
        self.phone, self.phone_masked = "", mask("phone", phone.value)
        self.error, self.step = "", "check"
        return self._say(
            _("Please check your booking: %(service)s at %(hall)s, %(time)s, for %(name)s. Touch Confirm booking if it is right, or Back to change it.")
            % {"service": self.service, "hall": self.hall, "time": self.when, "name": self.name}
        )

    @rx.event
    async def confirm(self, locale: str):
        if self.step != "check":
            return
        _ = gettext_for(locale)
        booking = halls.Booking(slot_id=int(self.slot_id), service_id=self.service_id, name=self.name, phone=self._phone)
        try:
            appointment = await halls.book(api_locale(locale), booking, idempotency_key=self.idempotency_key)
        except Conflict:  # taken (or started) since it was listed: list the times again
            await self._load_times(locale)
            self.error = "full"
            yield self._say(_("That time has just been taken. Please choose another."))
            return
        except ClientError:
            self.error = "unavailable"
            yield self._unavailable(locale)
            return
        self.number = appointment.id
        self.when = f"{weekday_date(appointment.day, locale)} {time_text(appointment.starts, locale)}"
        self._phone, self._phone_typed, self.phone_masked = "", "", appointment.phone_masked
        self.qr = qr_data_uri(f"HAIZHOU-APPOINTMENT:{appointment.id}")
        self.error, self.step = "", "done"
        yield self._say(
            _("Your visit is booked. Your confirmation number is %(number)s. Show it, or its QR code, at the hall.")
            % {"number": " ".join(appointment.id)}
        )
        yield KioskBookState.print_confirmation(locale)

    @rx.event
    async def print_confirmation(self, locale: str):
        _ = gettext_for(locale)
        lines = [
            _("Haizhou Citizen Services"),
            _("Your visit is booked. Confirmation number:"),
            self.number,
            self.service,
            self.hall,
            self.when,
            self.name,
        ]
        try:
            await devices.print_ticket(lines, qr=f"HAIZHOU-APPOINTMENT:{self.number}")
            self.printed = "device"
        except devices.DeviceUnavailable:
            self.printed = "browser"
            self._print()

    @rx.event
    def back(self, locale: str):
        """One step back; from the first step (or a finished booking) to the menu."""
        earlier = {"time": "service", "name": "time", "phone": "name", "check": "phone"}
        if self.step not in earlier:
            return rx.redirect(kiosk_href(locale))
        self.error, self.step = "", earlier[self.step]
        if self.step == "phone":
            self.phone = self._phone_typed  # being changed: as typed, on its own screen only
        return self._speak_prompt({"service": "book", "time": "book-time", "name": "book-name", "phone": "book-phone"}[self.step])


def _fact(label: str, value: rx.Var, test_id: str) -> rx.Component:
    return rx.el.div(rx.el.dt(label), rx.el.dd(value, custom_attrs={"data-testid": test_id}))


def book_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    summary = rx.el.dl(
        _fact(_("Service"), KioskBookState.service, "book-service"),
        _fact(_("Service hall"), KioskBookState.hall, "book-hall"),
        _fact(_("Time"), KioskBookState.when, "book-time"),
        _fact(_("Name"), KioskBookState.name, "book-name"),
        _fact(_("Phone"), KioskBookState.phone_masked, "book-phone"),
        class_name="facts facts--grid kiosk-summary",
    )
    return kiosk_frame(
        locale,
        "book",
        rx.el.h1(_("Book a visit")),
        _loaded(
            rx.match(
                KioskBookState.step,
                ("loading", rx.el.p(_("Loading…"), class_name="loading")),
                ("service", rx.fragment(rx.el.p(_("Which service?"), class_name="kiosk-lead"), rx.el.div(rx.foreach(KioskBookState.services, lambda c: _choice_button(c, KioskBookState.choose_service(locale, c.id))), class_name="kiosk-choices"))),
                (
                    "time",
                    rx.fragment(
                        rx.cond(KioskBookState.error == "full", _error(_("That time has just been taken. Please choose another."))),
                        rx.el.p(_("Which time?"), class_name="kiosk-lead"),
                        rx.el.div(rx.foreach(KioskBookState.times, lambda c: _choice_button(c, KioskBookState.choose_time(c.id))), class_name="kiosk-choices"),
                    ),
                ),
                (
                    "name",
                    rx.el.form(
                        rx.el.label(_("Your name"), html_for="kiosk-name", class_name="label--large"),
                        rx.el.div(
                            kiosk_input("name", 60, value=KioskBookState.name, key=KioskBookState.name),
                            rx.el.button(icon("id_card"), _("Read my ID card"), type="button", class_name="button button--secondary", on_click=KioskBookState.read_card(locale)),
                            class_name="kiosk-field-row",
                        ),
                        rx.match(
                            KioskBookState.error,
                            ("name", _error(_("Enter your name."))),
                            ("no_card", _error(_("No ID card was read. Place it on the reader, or type your name."))),
                            rx.fragment(),
                        ),
                        name_keyboard(locale, "kiosk-name"),
                        rx.el.p(_("If your name cannot be typed here, a member of staff at the information desk can help you."), class_name="hint"),
                        rx.el.div(rx.el.button(_("Next"), type="submit", class_name="button"), class_name="kiosk-actions"),
                        on_submit=KioskBookState.give_name(locale),
                    ),
                ),
                (
                    "phone",
                    rx.el.form(
                        rx.el.label(_("Your phone number"), html_for="kiosk-phone", class_name="label--large"),
                        kiosk_input("phone", 20, value=KioskBookState.phone),
                        rx.cond(KioskBookState.error == "phone", _error(_("Enter a valid phone number."))),
                        digit_keypad(locale, "kiosk-phone"),
                        rx.el.div(rx.el.button(_("Next"), type="submit", class_name="button"), class_name="kiosk-actions"),
                        on_submit=KioskBookState.give_phone(locale),
                    ),
                ),
                (
                    "check",
                    rx.el.section(
                        rx.el.p(_("Please check your booking."), class_name="kiosk-lead"),
                        summary,
                        rx.cond(KioskBookState.error == "unavailable", _error(_("Booking is not available right now. Please go to the information desk."))),
                        rx.el.div(
                            rx.el.button(_("Confirm booking"), type="button", class_name="button", on_click=KioskBookState.confirm(locale), custom_attrs={"data-voice-intent": "confirm_booking"}),
                            class_name="kiosk-actions",
                        ),
                    ),
                ),
                (
                    "done",
                    rx.el.section(
                        rx.el.p(_("Your visit is booked. Confirmation number:"), class_name="kiosk-lead"),
                        rx.el.p(KioskBookState.number, class_name="ticket__number", custom_attrs={"translate": "no", "data-testid": "booking-number"}),
                        summary,
                        image(KioskBookState.qr, _("QR code of your confirmation number, to show at the hall"), class_name="qr"),
                        rx.el.p(rx.cond(KioskBookState.printed == "device", _("Your confirmation is being printed. Take it from the slot below."), _("Show this screen or the printed page at the hall."))),
                        rx.el.div(
                            rx.el.button(icon("printer"), _("Print again"), type="button", class_name="button button--secondary", on_click=KioskBookState.print_confirmation(locale), custom_attrs={"data-voice-intent": "print"}),
                            _finished(locale),
                            class_name="kiosk-actions",
                        ),
                    ),
                ),
                notice(rx.el.p(_("Booking is not available right now. Please go to the information desk.")), tone="error"),
            ),
            locale,
        ),
        back=KioskBookState.back(locale),
    )


# ------------------------------------------------------------------ guides


class KioskGuidesState(KioskState):
    services: list[Choice] = []
    open_id: str = ""
    name: str = ""
    summary: str = ""
    conditions: list[str] = []
    materials: list[str] = []
    unavailable: bool = False

    @rx.event
    async def load(self, locale: str):
        self.reset()
        try:
            hall = (await halls.hall(api_locale(locale), config.hall_id)).value
        except ClientError:
            self.unavailable = True
            _ = gettext_for(locale)
            return self._say(_("Guides cannot be shown right now. Please go to the information desk."))
        self.services = [Choice(s.id, s.name) for s in hall.services[:12]]
        asked = str(self.router.url.query_parameters.get("service", ""))[:60]
        if asked:  # a guide the assistant answered from (kiosk/ask.py)
            await self._open(locale, asked)

    @rx.event
    async def open(self, locale: str, service_id: str):
        await self._open(locale, service_id)

    async def _open(self, locale: str, service_id: str) -> None:
        try:
            detail = (await catalogue.service(api_locale(locale), service_id)).value
        except ClientError:
            self.unavailable = True
            _ = gettext_for(locale)
            return self._say(_("Guides cannot be shown right now. Please go to the information desk."))
        self.open_id, self.name, self.summary = service_id, detail.name, detail.summary
        self.conditions = detail.conditions
        self.materials = [m.name for m in detail.materials]
        return self._speak_prompt("guide")

    @rx.event
    def close(self):
        self.open_id = ""
        return self._speak_prompt("guides")

    @rx.event
    def back(self, locale: str):
        """From a guide back to the list; from the list back to the menu."""
        if not self.open_id:
            return rx.redirect(kiosk_href(locale))
        self.open_id = ""
        return self._speak_prompt("guides")


def guides_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return kiosk_frame(
        locale,
        "guides",
        rx.el.h1(_("Service guides")),
        rx.cond(
            KioskGuidesState.open_id != "",
            rx.el.article(
                rx.el.h2(KioskGuidesState.name),
                rx.el.p(KioskGuidesState.summary, class_name="kiosk-lead"),
                rx.el.h3(_("Conditions")),
                rx.el.ul(rx.foreach(KioskGuidesState.conditions, lambda c: rx.el.li(c))),
                rx.el.h3(_("What to bring")),
                rx.el.ul(rx.foreach(KioskGuidesState.materials, lambda m: rx.el.li(m))),
                rx.el.div(
                    rx.el.button(icon("speaker"), _("Read aloud"), type="button", class_name="button", aria_pressed="false", custom_attrs={"data-read-page": "", "data-say-on": "", "data-say-off": ""}),
                    rx.el.button(_("Other guides"), type="button", class_name="button button--secondary", on_click=KioskGuidesState.close),
                    class_name="kiosk-actions",
                ),
                custom_attrs={"data-content": ""},
            ),
            rx.cond(
                KioskGuidesState.unavailable,
                notice(rx.el.p(_("Guides cannot be shown right now. Please go to the information desk.")), tone="error"),
                rx.el.div(rx.foreach(KioskGuidesState.services, lambda c: _choice_button(c, KioskGuidesState.open(locale, c.id))), class_name="kiosk-choices"),
            ),
        ),
        back=KioskGuidesState.back(locale),
    )


# ------------------------------------------------------------------ e-certificate check

# The address an e-certificate's QR code carries: .../{locale}/verify/{token}/
CHECK_ADDRESS = re.compile(r"/verify/([A-Za-z0-9_-]{32})/?(?:[?#].*)?$")


class KioskVerifyState(KioskState):
    outcome: str = ""  # "", valid, expired, revoked, unknown, no_code, rate_limited, unavailable
    holder: str = ""  # masked by the API

    @rx.event
    def load(self):
        self.reset()

    @rx.event
    async def scan(self, locale: str):
        """Read the QR code under the scanner and check the certificate it names."""
        _ = gettext_for(locale)
        self.holder = ""
        try:
            code = await devices.scan_qr()
        except devices.DeviceUnavailable:
            self.outcome = "no_code"
            return self._say(_("No QR code was found. Hold the code under the scanner and try again."))
        address = CHECK_ADDRESS.search(code.text.strip())
        try:
            checked = await certificates.verify(api_locale(locale), address.group(1)) if address else None
        except RateLimited:
            self.outcome = "rate_limited"
            return self._say(_("Too many wrong attempts. Please wait a few minutes and try again, or call 12345."))
        except ClientError:
            self.outcome = "unavailable"
            return self._say(_("The service is not available right now. Please go to the information desk."))
        self.outcome = checked.status if checked else "unknown"
        self.holder = checked.holder_masked or "" if checked else ""
        return self._say(_(CHECK_OUTCOMES[self.outcome][1]))


def verify_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return kiosk_frame(
        locale,
        "verify",
        rx.el.h1(_("Check an e-certificate")),
        _loaded(
            rx.el.div(
                rx.el.p(_(PROMPTS["verify"]), class_name="kiosk-lead"),
                rx.el.div(
                    rx.match(
                        KioskVerifyState.outcome,
                        ("no_code", _error(_("No QR code was found. Hold the code under the scanner and try again."))),
                        ("rate_limited", _error(_("Too many wrong attempts. Please wait a few minutes and try again, or call 12345."))),
                        ("unavailable", _error(_("The service is not available right now. Please go to the information desk."))),
                        check_outcome(locale, KioskVerifyState.outcome, KioskVerifyState.holder),
                    ),
                    custom_attrs={"data-testid": "kiosk-verification"},
                ),
                rx.el.div(
                    rx.el.button(icon("search"), _("Scan the QR code"), type="button", class_name="button", on_click=KioskVerifyState.scan(locale), custom_attrs={"data-testid": "kiosk-scan"}),
                    _finished(locale),
                    class_name="kiosk-actions",
                ),
            ),
            locale,
        ),
    )


# ------------------------------------------------------------------ help


class KioskHelpState(KioskState):
    status: str = "ask"  # ask, called, cancelled, failed
    request: str = ""

    @rx.event
    def load(self):
        self.reset()

    @rx.event
    async def call(self, locale: str):
        if self.status == "called":
            return
        try:
            made = await halls.ask_for_help(api_locale(locale), halls.HelpRequestIn(hall_id=config.hall_id, kiosk_id=config.kiosk_id, locale=api_locale(locale)))
        except ClientError:
            self.status = "failed"
            _ = gettext_for(locale)
            return self._say(_("We could not call staff from this screen. Please go to the information desk, or call 12345."))
        self.request, self.status = str(made.id), "called"
        return self._speak_prompt("help")

    @rx.event
    async def cancel(self, locale: str):
        _ = gettext_for(locale)
        if self.status != "called":
            return
        try:
            await halls.cancel_help(api_locale(locale), int(self.request), config.kiosk_id)
        except (NotFound, Conflict):
            pass  # already answered (or gone): nobody is on the way for this call any more
        except ClientError:
            return self._say(_("We could not cancel the call. A member of staff will still come."))
        self.status = "cancelled"
        return self._say(_("The call has been cancelled."))


def help_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return kiosk_frame(
        locale,
        "help",
        rx.el.h1(_("Call a member of staff")),
        _loaded(
            rx.match(
                KioskHelpState.status,
                (
                    "called",
                    rx.el.section(
                        rx.el.p(_("A member of staff is on the way. Please wait here."), class_name="kiosk-lead"),
                        rx.el.p(_("Request number:"), " ", rx.el.strong(KioskHelpState.request, custom_attrs={"data-testid": "help-request"})),
                        rx.el.div(rx.el.button(_("Cancel the call"), type="button", class_name="button button--secondary", on_click=KioskHelpState.cancel(locale), custom_attrs={"data-voice-intent": "no"}), class_name="kiosk-actions"),
                    ),
                ),
                ("cancelled", rx.el.p(_("The call has been cancelled."), class_name="kiosk-lead", role="status")),
                ("failed", notice(rx.el.p(_("We could not call staff from this screen. Please go to the information desk, or call 12345.")), tone="error")),
                rx.el.section(
                    rx.el.p(_("Do you want a member of staff to come to this kiosk?"), class_name="kiosk-lead"),
                    rx.el.div(
                        rx.el.button(icon("person"), _("Call staff"), type="button", class_name="button", on_click=KioskHelpState.call(locale), custom_attrs={"data-voice-intent": "help"}),
                        nav_link(_("Do not call"), href=kiosk_href(locale), class_name="button button--secondary", custom_attrs={"data-voice-intent": "no"}),
                        class_name="kiosk-actions",
                    ),
                ),
            ),
            locale,
        ),
        prompt="help-ask",
    )


# ------------------------------------------------------------------ no such screen


def kiosk_not_found_page(locale: str) -> rx.Component:
    """A kiosk address with no screen: the kiosk's frame, its bar and its idle timer still hold."""
    _ = gettext_for(locale)
    return kiosk_frame(
        locale,
        "not-found",
        rx.el.h1(_("This screen does not exist")),
        rx.el.div(nav_link(icon("home"), _("Go to the menu"), href=kiosk_href(locale), class_name="button"), class_name="kiosk-actions"),
    )


KIOSK_SCREENS = (
    ("", menu_page, None),
    ("queue", queue_page, KioskQueueState.load),
    ("track", track_page, lambda locale: KioskTrackState.load),
    ("book", book_page, KioskBookState.load),
    ("guides", guides_page, KioskGuidesState.load),
    ("verify", verify_page, lambda locale: KioskVerifyState.load),
    ("help", help_page, lambda locale: KioskHelpState.load),
    ("ask", ask_page, lambda locale: KioskAskState.load),
)
