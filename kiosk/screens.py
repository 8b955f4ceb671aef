"""The kiosk's screens: attract, menu, queue number, progress, booking, guides
and calling staff. All by touch and by voice, in five languages."""

from __future__ import annotations

import dataclasses
import uuid

import reflex as rx

from clients import applications, bundles, catalogue, halls
from clients.base import ClientError, Conflict, NotFound, Unavailable
from components.icons import icon
from components.images import image
from components.links import nav_link, plain_link
from components.notices import notice
from frontend import validation
from frontend.formatting import date_text, datetime_text, time_text, weekday_date
from frontend.pages.booking import qr_data_uri
from frontend.pages.joint_progress import LineView, joint_lines, joint_view
from frontend.pages.me import StepView, status_label, timeline
from frontend.pages.track import NEXT_STEPS, clean_receipt
from kiosk import devices
from kiosk.config import config
from kiosk.keypad import digit_keypad, letter_keyboard
from kiosk.layout import kiosk_frame, kiosk_href
from kiosk.prompts import prompt_text
from kiosk.state import KioskState
from locales import HTML_LANG, LOCALES, NATIVE_NAMES, N_, api_locale, gettext_for

MENU = (
    ("queue", "queue", "document", N_("Take a queue number")),
    ("track", "track", "clock", N_("Check progress")),
    ("book", "book", "calendar", N_("Book a visit")),
    ("guides", "guide", "search", N_("Service guides")),
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


# ------------------------------------------------------------------ attract


# Shown in every language at once, so marked here and translated per language below.
ATTRACT_TITLE = N_("Haizhou Citizen Services · Self-service")
TOUCH_TO_START = N_("Touch here to start")


def attract_page() -> rx.Component:
    return rx.el.main(
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
        self.status, self.ticket, self.printed = "loading", TicketView(), ""
        self.idempotency_key = str(uuid.uuid4())
        try:
            hall = (await halls.hall(api_locale(locale), config.hall_id)).value
        except ClientError:
            self.status = "unavailable"
            return
        self.services = [Choice(s.id, s.name) for s in hall.services[:12]]
        self.status = "choose"

    @rx.event
    async def take(self, locale: str, service_id: str):
        if self.status != "choose":
            return
        try:
            ticket = await halls.take_ticket(
                api_locale(locale), halls.TicketRequest(hall_id=config.hall_id, service_id=service_id), idempotency_key=self.idempotency_key
            )
        except ClientError:
            self.status = "unavailable"
            return
        _ = gettext_for(locale)
        self.ticket = TicketView(ticket.number, ticket.service.name, datetime_text(ticket.issued_at.astimezone(), locale), str(ticket.waiting_ahead))
        self.status = "ticket"
        yield rx.call_script("window.kiosk && window.kiosk.say(" + _js_string(_("Your number is %(number)s.") % {"number": " ".join(ticket.number)}) + ")")
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
            return rx.call_script("window.print()")


def _js_string(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)


def queue_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    ticket = KioskQueueState.ticket
    return kiosk_frame(
        locale,
        "queue",
        rx.el.h1(_("Take a queue number")),
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
                    rx.el.button(icon("printer"), _("Print again"), type="button", class_name="button", on_click=KioskQueueState.print_ticket(locale), custom_attrs={"data-voice-intent": "print"}),
                    class_name="ticket",
                ),
            ),
            ("unavailable", notice(rx.el.p(_("Queue numbers cannot be issued right now. Please go to the information desk.")), tone="error")),
            rx.el.p(_("Loading…"), class_name="loading"),
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
        self.receipt, self.outcome, self.steps, self.lines = "", "", [], []

    @rx.event
    async def check(self, locale: str, form: dict):
        self.receipt = clean_receipt(str(form.get("receipt", "")))
        if len(self.receipt) != 14:
            self.outcome = "invalid"
            return
        try:
            found = await applications.track(api_locale(locale), self.receipt)
        except NotFound:
            return await self._check_joint(locale)
        except ClientError:
            self.outcome = "unavailable"
            return
        self.lines = []
        self.service, self.status = found.service.name, found.status
        self.submitted = date_text(found.created_at.date(), locale)
        self.steps = [StepView(s.step, s.done_at is not None, datetime_text(s.done_at, locale) if s.done_at else "") for s in found.steps]
        self.next_step = found.next_step or ""
        self.outcome = "found"
        return rx.call_script("window.kiosk && window.kiosk.speakPrompt('result')")

    async def _check_joint(self, locale: str):
        """A joint application (一件事一次办): a line per member service instead of one timeline."""
        try:
            joint = joint_view(await bundles.track(api_locale(locale), self.receipt), locale)
        except NotFound:
            self.outcome = "not_found"
            return
        except ClientError:
            self.outcome = "unavailable"
            return
        self.service, self.status, self.steps, self.next_step = joint.bundle, "", [], ""
        self.submitted, self.lines = joint.submitted, joint.lines
        self.outcome = "found"
        return rx.call_script("window.kiosk && window.kiosk.speakPrompt('result')")

    @rx.event
    async def scan(self, locale: str):
        try:
            code = await devices.scan_qr()
        except devices.DeviceUnavailable:
            self.outcome = "no_code"
            return
        return KioskTrackState.check(locale, {"receipt": code.text})


def track_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return kiosk_frame(
        locale,
        "track",
        rx.el.h1(_("Check the progress of an application")),
        rx.cond(
            KioskTrackState.outcome == "found",
            rx.el.section(
                rx.el.h2(KioskTrackState.service, custom_attrs={"data-content": ""}),
                rx.cond(
                    KioskTrackState.lines.length() > 0,
                    joint_lines(locale, KioskTrackState.lines),
                    rx.fragment(
                        rx.el.p(_("Status:"), " ", rx.el.strong(status_label(locale, KioskTrackState.status)), class_name="kiosk-lead", custom_attrs={"data-testid": "kiosk-status"}),
                        timeline(locale, KioskTrackState.steps),
                    ),
                ),
                rx.cond(
                    KioskTrackState.next_step != "",
                    rx.el.p(rx.el.strong(_("What happens next:")), " ", rx.match(KioskTrackState.next_step, *((code, _(text)) for code, text in NEXT_STEPS.items()), "")),
                ),
                rx.el.button(_("Check another number"), type="button", class_name="button", on_click=KioskTrackState.load),
            ),
            rx.el.form(
                rx.el.label(_("Receipt number"), html_for="kiosk-receipt", class_name="label--large"),
                rx.el.input(
                    id="kiosk-receipt",
                    name="receipt",
                    input_mode="none",
                    auto_complete="off",
                    max_length=14,
                    default_value=KioskTrackState.receipt,
                    key=KioskTrackState.receipt,
                    class_name="kiosk-field",
                    custom_attrs={"data-voice-digits": ""},
                ),
                rx.match(
                    KioskTrackState.outcome,
                    ("invalid", rx.el.p(_("Enter all 14 digits of the receipt number."), class_name="field-error", role="alert")),
                    ("not_found", rx.el.p(_("We cannot find an application with this number."), class_name="field-error", role="alert")),
                    ("unavailable", rx.el.p(_("The service is not available right now. Please go to the information desk."), class_name="field-error", role="alert")),
                    ("no_code", rx.el.p(_("No QR code was found. Hold the code under the scanner and try again, or type the number."), class_name="field-error", role="alert")),
                    rx.fragment(),
                ),
                digit_keypad(locale, "kiosk-receipt"),
                rx.el.div(
                    rx.el.button(_("Check"), type="submit", class_name="button", custom_attrs={"data-voice-intent": "yes", "data-testid": "kiosk-check"}),
                    rx.el.button(icon("search"), _("Scan the QR code"), type="button", class_name="button button--secondary", on_click=KioskTrackState.scan(locale)),
                    class_name="form-actions",
                ),
                on_submit=KioskTrackState.check(locale),
            ),
        ),
    )


# ------------------------------------------------------------------ booking


class KioskBookState(KioskState):
    step: str = "service"  # service, time, details, done, unavailable
    services: list[Choice] = []
    times: list[Choice] = []
    service_id: str = ""
    slot_id: str = ""
    name: str = ""
    phone: str = ""
    error: str = ""
    number: str = ""
    summary: str = ""
    qr: str = ""
    idempotency_key: str = ""

    @rx.event
    async def load(self, locale: str):
        self.step, self.error, self.number, self.name, self.phone = "service", "", "", "", ""
        self.idempotency_key = str(uuid.uuid4())
        language = api_locale(locale)
        try:
            hall = (await halls.hall(language, config.hall_id)).value
            listing = (await catalogue.services(language, size=50)).value
        except ClientError:
            self.step = "unavailable"
            return
        bookable = {s.id for s in listing.items if s.appointment}
        self.services = [Choice(s.id, s.name) for s in hall.services if s.id in bookable][:12]

    @rx.event
    async def choose_service(self, locale: str, service_id: str):
        self.service_id = service_id
        await self._load_times(locale)

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

    @rx.event
    def choose_time(self, slot_id: str):
        self.slot_id = slot_id
        self.step = "details"

    @rx.event
    async def read_card(self):
        try:
            card = await devices.read_id_card()
        except devices.DeviceUnavailable:
            self.error = "no_card"
            return
        self.name, self.error = card.name, ""

    @rx.event
    async def confirm(self, locale: str, form: dict):
        self.name = str(form.get("name", "")).strip() or self.name
        self.phone = str(form.get("phone", "")).strip()
        if validation.text_error(self.name, 60) or not validation.phone_e164(self.phone):
            self.error = "details"
            return
        booking = halls.Booking(slot_id=int(self.slot_id), service_id=self.service_id, name=self.name, phone=self.phone)
        try:
            appointment = await halls.book(api_locale(locale), booking, idempotency_key=self.idempotency_key)
        except Conflict:  # taken (or started) since it was listed: list the times again
            await self._load_times(locale)
            self.error = "full"
            return
        except (Unavailable, ClientError):
            self.error = "unavailable"
            return
        self.number = appointment.id
        self.summary = f"{appointment.service.name} · {date_text(appointment.day, locale)} {time_text(appointment.starts, locale)}"
        self.qr = qr_data_uri(f"HAIZHOU-APPOINTMENT:{appointment.id}")
        self.error, self.step = "", "done"


def book_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return kiosk_frame(
        locale,
        "book",
        rx.el.h1(_("Book a visit")),
        rx.match(
            KioskBookState.step,
            ("service", rx.fragment(rx.el.p(_("Which service?"), class_name="kiosk-lead"), rx.el.div(rx.foreach(KioskBookState.services, lambda c: _choice_button(c, KioskBookState.choose_service(locale, c.id))), class_name="kiosk-choices"))),
            (
                "time",
                rx.fragment(
                    rx.cond(KioskBookState.error == "full", rx.el.p(_("That time has just been taken. Please choose another."), class_name="field-error", role="alert")),
                    rx.el.p(_("Which time?"), class_name="kiosk-lead"),
                    rx.el.div(rx.foreach(KioskBookState.times, lambda c: _choice_button(c, KioskBookState.choose_time(c.id))), class_name="kiosk-choices"),
                ),
            ),
            (
                "details",
                rx.el.form(
                    rx.el.label(_("Your name"), html_for="kiosk-name", class_name="label--large"),
                    rx.el.input(id="kiosk-name", name="name", input_mode="none", auto_complete="off", max_length=60, default_value=KioskBookState.name, key=KioskBookState.name, class_name="kiosk-field"),
                    rx.el.button(icon("id_card"), _("Read my ID card"), type="button", class_name="button button--secondary", on_click=KioskBookState.read_card),
                    letter_keyboard(locale, "kiosk-name"),
                    rx.el.label(_("Your phone number"), html_for="kiosk-phone", class_name="label--large"),
                    rx.el.input(id="kiosk-phone", name="phone", input_mode="none", auto_complete="off", max_length=20, class_name="kiosk-field"),
                    digit_keypad(locale, "kiosk-phone"),
                    rx.match(
                        KioskBookState.error,
                        ("details", rx.el.p(_("Enter your name and a valid phone number."), class_name="field-error", role="alert")),
                        ("no_card", rx.el.p(_("No ID card was read. Place it on the reader, or type your name."), class_name="field-error", role="alert")),
                        ("unavailable", rx.el.p(_("Booking is not available right now. Please go to the information desk."), class_name="field-error", role="alert")),
                        rx.fragment(),
                    ),
                    rx.el.button(_("Confirm booking"), type="submit", class_name="button", custom_attrs={"data-voice-intent": "yes"}),
                    on_submit=KioskBookState.confirm(locale),
                ),
            ),
            (
                "done",
                rx.el.section(
                    rx.el.p(_("Your visit is booked. Confirmation number:"), class_name="kiosk-lead"),
                    rx.el.p(KioskBookState.number, class_name="ticket__number", custom_attrs={"translate": "no"}),
                    rx.el.p(KioskBookState.summary, custom_attrs={"data-content": ""}),
                    image(KioskBookState.qr, _("QR code of your confirmation number, to show at the hall"), class_name="qr"),
                ),
            ),
            notice(rx.el.p(_("Booking is not available right now. Please go to the information desk.")), tone="error"),
        ),
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
        self.open_id, self.unavailable = "", False
        try:
            hall = (await halls.hall(api_locale(locale), config.hall_id)).value
        except ClientError:
            self.unavailable = True
            return
        self.services = [Choice(s.id, s.name) for s in hall.services[:12]]

    @rx.event
    async def open(self, locale: str, service_id: str):
        try:
            detail = (await catalogue.service(api_locale(locale), service_id)).value
        except ClientError:
            self.unavailable = True
            return
        self.open_id, self.name, self.summary = service_id, detail.name, detail.summary
        self.conditions = detail.conditions
        self.materials = [m.name for m in detail.materials]


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
                rx.el.button(icon("speaker"), _("Read aloud"), type="button", class_name="button", aria_pressed="false", custom_attrs={"data-read-page": "", "data-say-on": "", "data-say-off": ""}),
                rx.el.button(_("Other guides"), type="button", class_name="button button--secondary", on_click=KioskGuidesState.load(locale)),
                custom_attrs={"data-content": ""},
            ),
            rx.cond(
                KioskGuidesState.unavailable,
                notice(rx.el.p(_("Guides cannot be shown right now. Please go to the information desk.")), tone="error"),
                rx.el.div(rx.foreach(KioskGuidesState.services, lambda c: _choice_button(c, KioskGuidesState.open(locale, c.id))), class_name="kiosk-choices"),
            ),
        ),
    )


# ------------------------------------------------------------------ help


class KioskHelpState(KioskState):
    request: str = ""
    failed: bool = False

    @rx.event
    async def load(self, locale: str):
        self.failed = False
        try:
            made = await halls.ask_for_help(api_locale(locale), halls.HelpRequestIn(hall_id=config.hall_id, kiosk_id=config.kiosk_id, locale=api_locale(locale)))
        except ClientError:
            self.failed = True
            return
        self.request = str(made.id)


def help_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return kiosk_frame(
        locale,
        "help",
        rx.el.h1(_("Call a member of staff")),
        rx.cond(
            KioskHelpState.failed,
            notice(rx.el.p(_("We could not call staff from this screen. Please go to the information desk, or call 12345.")), tone="error"),
            rx.el.section(
                rx.el.p(_("A member of staff is on the way. Please wait here."), class_name="kiosk-lead"),
                rx.el.p(_("Request number:"), " ", rx.el.strong(KioskHelpState.request, custom_attrs={"data-testid": "help-request"})),
            ),
        ),
    )


KIOSK_SCREENS = (
    ("", menu_page, None),
    ("queue", queue_page, KioskQueueState.load),
    ("track", track_page, lambda locale: KioskTrackState.load),
    ("book", book_page, KioskBookState.load),
    ("guides", guides_page, KioskGuidesState.load),
    ("help", help_page, KioskHelpState.load),
)
