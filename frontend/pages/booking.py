"""Booking a visit to a hall, one question per step: what, where, when, who,
then check and confirm. Full slots are shown as full, never hidden. The
confirmation has a QR code (segno) and can be printed."""

from __future__ import annotations

import dataclasses
import uuid

import reflex as rx
from reflex.vars.base import Var

from clients import accounts, catalogue, halls
from clients.base import ClientError, Conflict, InvalidInput, Unauthorised, Unavailable
from components.fields import error_summary, field, personal_field
from components.icons import icon
from components.images import image
from components.links import locale_href, nav_link
from components.notices import notice, unavailable_notice
from components.page import page_frame
from components.records import qr_data_uri
from components.stepper import stepper
from frontend import validation
from frontend.formatting import date_text, number_text, time_text, weekday_date
from frontend.personal import PersonalNumbers
from frontend.session import api_token
from locales import N_, api_locale, gettext_for, ngettext_for

STEPS = (N_("Service"), N_("Hall"), N_("Time"), N_("Your details"), N_("Check and confirm"))
SERVICE, HALL, TIME, DETAILS, CONFIRM, DONE = range(6)


@dataclasses.dataclass
class Option:
    value: str
    label: str


@dataclasses.dataclass
class SlotView:
    id: str
    time: str
    free: bool
    places: str


@dataclasses.dataclass
class DayView:
    label: str
    slots: list[SlotView]


@dataclasses.dataclass
class Confirmation:
    number: str = ""
    service: str = ""
    hall: str = ""
    when: str = ""
    name: str = ""
    phone: str = ""
    qr: str = ""


def places_text(available: int, locale: str) -> str:
    """What is left in a time slot: "1 place left", "3 places left" or "Full"."""
    _ = gettext_for(locale)
    ngettext = ngettext_for(locale)
    if available <= 0:
        return _("Full")
    return ngettext("%(count)s place left", "%(count)s places left", available) % {"count": number_text(available, locale)}


class BookingState(PersonalNumbers, rx.State):
    step: int = SERVICE
    services: list[Option] = []
    halls: list[Option] = []
    days: list[DayView] = []
    service_id: str = ""
    service_name: str = ""
    hall_id: str = ""
    hall_name: str = ""
    slot_id: str = ""
    slot_label: str = ""
    name: str = ""
    errors: dict[str, str] = {}
    problem: str = ""
    busy: bool = False
    idempotency_key: str = ""
    confirmation: Confirmation = Confirmation()

    @rx.event
    async def load(self, locale: str):
        query = self.router.url.query_parameters
        self.step, self.errors, self.problem, self.busy = SERVICE, {}, "", False
        self.service_id, self.hall_id, self.slot_id = str(query.get("service", ""))[:60], str(query.get("hall", ""))[:60], ""
        self.confirmation = Confirmation()
        self._forget_numbers()
        language = api_locale(locale)
        try:
            listing = await catalogue.services(language, size=50)
        except ClientError:
            self.problem = "unavailable"
            return
        bookable = [s for s in listing.value.items if s.appointment]
        if self.hall_id:
            try:
                offered = {s.id for s in (await halls.hall(language, self.hall_id)).value.services}
                bookable = [s for s in bookable if s.id in offered] or bookable
            except ClientError:
                self.hall_id = ""
        self.services = [Option(s.id, s.name) for s in bookable]
        token = await api_token(self)
        if token:
            try:
                profile = await accounts.me(language, token)
                self.name = profile.name
                self._keep_number("phone", "phone", (profile.phone or "").removeprefix("+86"))
            except ClientError:
                pass
        if self.service_id in {s.value for s in self.services}:
            yield BookingState.choose_service(locale, {"service": self.service_id})

    @rx.event
    async def choose_service(self, locale: str, form: dict):
        choice = str(form.get("service", ""))
        match = next((s for s in self.services if s.value == choice), None)
        if match is None:
            self.errors = {"service": "invalid_choice"}
            return rx.set_focus("booking-problem")
        self.errors, self.problem = {}, ""
        self.service_id, self.service_name = match.value, match.label
        try:
            detail = (await catalogue.service(api_locale(locale), self.service_id)).value
        except ClientError as error:
            self.problem = "unavailable" if isinstance(error, Unavailable) else "error"
            return
        self.halls = [Option(h.id, h.name) for h in detail.halls]
        if self.hall_id in {h.value for h in self.halls}:
            return BookingState.choose_hall(locale, {"hall": self.hall_id})
        self.step = HALL
        return rx.set_focus("booking-step")

    @rx.event
    async def choose_hall(self, locale: str, form: dict):
        choice = str(form.get("hall", ""))
        match = next((h for h in self.halls if h.value == choice), None)
        if match is None:
            self.errors = {"hall": "invalid_choice"}
            return rx.set_focus("booking-problem")
        self.errors, self.problem = {}, ""
        self.hall_id, self.hall_name = match.value, match.label
        await self._load_slots(locale)
        self.step = TIME
        return rx.set_focus("booking-step")

    async def _load_slots(self, locale: str) -> None:
        try:
            slots = await halls.slots(api_locale(locale), self.hall_id, days=7)
        except ClientError as error:
            self.problem = "unavailable" if isinstance(error, Unavailable) else "error"
            self.days = []
            return
        days: dict = {}
        for slot in slots:
            days.setdefault(slot.day, []).append(
                SlotView(
                    id=str(slot.id),
                    time=f"{time_text(slot.starts, locale)}–{time_text(slot.ends, locale)}",
                    free=slot.available > 0,
                    places=places_text(slot.available, locale),
                )
            )
        self.days = [DayView(weekday_date(day, locale), views) for day, views in days.items()]

    @rx.event
    def choose_time(self, form: dict):
        choice = str(form.get("slot", ""))
        match = next((s for d in self.days for s in d.slots if s.id == choice and s.free), None)
        if match is None:
            self.errors = {"slot": "invalid_choice"}
            return rx.set_focus("booking-problem")
        day = next(d.label for d in self.days if match in d.slots)
        self.errors = {}
        self.slot_id, self.slot_label = match.id, f"{day} {match.time}"
        self.step = DETAILS
        return rx.set_focus("booking-step")

    @rx.event
    def give_details(self, form: dict):
        name = validation.check(validation.NAME, str(form.get("name", "")))
        self._keep_number("phone", "phone", self._submitted_number(form, "phone"))
        phone = validation.check(validation.PHONE, self._number("phone"))
        self.errors = {k: v for k, v in {"name": name.error, "phone": phone.error}.items() if v}
        self._stop_editing(keep_open=list(self.errors))
        if self.errors:
            self.name = str(form.get("name", "")).strip()
            return rx.set_focus("booking-problem")
        self.name = name.value
        self._keep_number("phone", "phone", phone.value)
        self.idempotency_key = str(uuid.uuid4())
        self.step = CONFIRM
        return rx.set_focus("booking-step")

    @rx.event
    def back(self):
        self.errors, self.problem = {}, ""
        self._stop_editing()
        self.step = max(SERVICE, self.step - 1)
        return rx.set_focus("booking-step")

    @rx.event
    async def confirm(self, locale: str):
        if self.busy:
            return
        self.busy, self.problem = True, ""
        yield
        token = await api_token(self)
        booking = halls.Booking(slot_id=int(self.slot_id), service_id=self.service_id, name=self.name, phone=self._number("phone"))
        try:
            appointment = await halls.book(api_locale(locale), booking, idempotency_key=self.idempotency_key, token=token)
        except Unauthorised:
            appointment = await halls.book(api_locale(locale), booking, idempotency_key=self.idempotency_key)
        except Conflict as error:
            self.busy = False
            self.problem = error.code
            if error.code == "slot_full":
                await self._load_slots(locale)
                self.step = TIME
            yield rx.set_focus("booking-problem")
            return
        except InvalidInput as error:
            self.busy = False
            self.errors = error.fields
            self._stop_editing(keep_open=list(error.fields))
            self.step = DETAILS
            yield rx.set_focus("booking-problem")
            return
        except ClientError as error:
            self.busy = False
            self.problem = "unavailable" if isinstance(error, Unavailable) else "error"
            yield rx.set_focus("booking-problem")
            return
        self.confirmation = Confirmation(
            number=appointment.id,
            service=appointment.service.name,
            hall=appointment.hall.name,
            when=f"{date_text(appointment.day, locale)} {time_text(appointment.starts, locale)}–{time_text(appointment.ends, locale)}",
            name=appointment.name,
            phone=appointment.phone_masked,
            qr=qr_data_uri(f"HAIZHOU-APPOINTMENT:{appointment.id}"),
        )
        self.busy = False
        self.step = DONE
        self._forget_numbers()
        yield rx.set_focus("booking-step")


def _problem(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    messages = {
        "slot_full": _("Sorry, someone has just taken the last place at that time. Please choose another time."),
        "slot_past": _("That time has already started. Please choose a later time."),
        "unavailable": _("We cannot book right now because the service is not available. Your choices are kept: try again in a few minutes, or call 12345."),
        "error": _("Something went wrong. Please try again."),
    }
    return rx.el.div(
        rx.cond(BookingState.problem != "", notice(rx.el.p(rx.match(BookingState.problem, *messages.items(), messages["error"])), tone="error")),
        id="booking-problem",
        tab_index=-1,
        role="alert",
    )


def _back(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.button(_("Back"), type="button", class_name="button button--secondary", on_click=BookingState.back)


def _choose(locale: str, name: str, question: str, options: rx.Var, current: rx.Var, on_submit, back: bool = False) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.form(
        rx.el.fieldset(
            rx.el.legend(question, class_name="label--large"),
            rx.foreach(
                options,
                lambda o, i: rx.el.div(
                    rx.el.input(type="radio", name=name, value=o.value, id=f"booking-{name}-" + i.to_string(), default_checked=o.value == current, required=True, custom_attrs={"data-error-required": _("Choose an answer: %(question)s") % {"question": question}}, aria_describedby=f"booking-{name}-0-error"),
                    rx.el.label(o.label, html_for=f"booking-{name}-" + i.to_string(), custom_attrs={"data-content": ""}),
                    class_name="choice",
                ),
            ),
            rx.el.p(id=f"booking-{name}-0-error", class_name="field-error", hidden=True),
        ),
        rx.el.div(_back(locale) if back else rx.fragment(), rx.el.button(_("Continue"), type="submit", class_name="button"), class_name="form-actions"),
        on_submit=on_submit,
        no_validate=True,
        custom_attrs=validation.form_attributes(),
    )


def _slots(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.form(
        rx.el.fieldset(
            rx.el.legend(_("When would you like to come?"), class_name="label--large"),
            rx.el.p(_("Times that are full are shown crossed out. New places open as people cancel."), class_name="hint"),
            rx.el.p(id="booking-slot-0-error", class_name="field-error", hidden=True),
            rx.foreach(
                BookingState.days,
                lambda day: rx.el.div(
                    rx.el.h3(day.label),
                    rx.el.div(
                        rx.foreach(
                            day.slots,
                            lambda s: rx.el.div(
                                rx.el.input(type="radio", name="slot", value=s.id, id="slot-" + s.id, disabled=~s.free, required=True, custom_attrs={"data-error-required": _("Choose a time.")}, aria_describedby="booking-slot-0-error"),
                                rx.el.label(rx.el.span(s.time), rx.el.span(s.places, class_name="slot__state"), html_for="slot-" + s.id),
                                class_name="slot",
                            ),
                        ),
                        class_name="slot-grid",
                    ),
                    role="group",
                    aria_label=day.label,
                    class_name="slot-day",
                ),
            ),
        ),
        rx.el.div(_back(locale), rx.el.button(_("Continue"), type="submit", class_name="button"), class_name="form-actions"),
        on_submit=BookingState.choose_time,
        no_validate=True,
        custom_attrs=validation.form_attributes(),
    )


def _details(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    labels = {"name": _("Full name"), "phone": _("Phone number")}
    return rx.el.form(
        error_summary(locale, "booking", BookingState.errors, labels),
        field(locale, "name", labels["name"], errors=BookingState.errors, form_id="booking", rule=validation.NAME, autocomplete="name", value=BookingState.name, hint=_("As on your ID card or passport.")),
        personal_field(
            locale, "phone", labels["phone"], masked=BookingState.masked, unmasked=BookingState.unmasked, edit=BookingState.edit_number("phone", "booking-phone"),
            errors=BookingState.errors, form_id="booking", rule=validation.PHONE, kind="tel", autocomplete="tel", input_mode="tel",
            hint=_("We send a reminder the day before. A foreign number is fine, with its country code."),
        ),
        rx.el.div(_back(locale), rx.el.button(_("Continue"), type="submit", class_name="button"), class_name="form-actions"),
        on_submit=BookingState.give_details,
        no_validate=True,
        custom_attrs=validation.form_attributes(**{"data-keep": "booking-details"}),
    )


def _review(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.div(
        rx.el.dl(
            rx.el.div(rx.el.dt(_("Service")), rx.el.dd(BookingState.service_name, custom_attrs={"data-content": ""})),
            rx.el.div(rx.el.dt(_("Hall")), rx.el.dd(BookingState.hall_name, custom_attrs={"data-content": ""})),
            rx.el.div(rx.el.dt(_("Time")), rx.el.dd(BookingState.slot_label)),
            rx.el.div(rx.el.dt(_("Name")), rx.el.dd(BookingState.name, custom_attrs={"data-content": ""})),
            rx.el.div(rx.el.dt(_("Phone")), rx.el.dd(BookingState.masked["phone"], custom_attrs={"translate": "no"})),
            class_name="facts facts--grid",
        ),
        rx.el.p(_("Bring the documents listed in the service guide. If you cannot come, please cancel so someone else can have the place.")),
        rx.el.div(
            _back(locale),
            rx.el.button(
                rx.cond(BookingState.busy, _("Booking…"), _("Confirm booking")),
                type="button",
                class_name="button",
                on_click=BookingState.confirm(locale),
                aria_disabled=BookingState.busy,
                custom_attrs={"data-testid": "confirm-booking"},
            ),
            class_name="form-actions",
        ),
    )


def _done(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    c = BookingState.confirmation
    return rx.el.section(
        rx.el.h2(_("Your visit is booked")),
        rx.el.p(_("Confirmation number"), class_name="meta"),
        rx.el.p(c.number, class_name="confirmation__number", custom_attrs={"translate": "no", "data-testid": "confirmation-number"}),
        image(c.qr, _("QR code of your confirmation number, to show at the hall"), class_name="qr"),
        rx.el.dl(
            rx.el.div(rx.el.dt(_("Service")), rx.el.dd(c.service, custom_attrs={"data-content": ""})),
            rx.el.div(rx.el.dt(_("Hall")), rx.el.dd(c.hall, custom_attrs={"data-content": ""})),
            rx.el.div(rx.el.dt(_("Time")), rx.el.dd(c.when)),
            rx.el.div(rx.el.dt(_("Name")), rx.el.dd(c.name, custom_attrs={"data-content": ""})),
            rx.el.div(rx.el.dt(_("Phone")), rx.el.dd(c.phone, custom_attrs={"translate": "no"})),
            class_name="facts facts--grid",
        ),
        rx.el.div(
            rx.el.button(icon("document"), _("Print"), type="button", class_name="button button--secondary", on_click=rx.call_function(Var("window.print"))),
            nav_link(_("See my appointments"), href=locale_href(locale, "me"), class_name="button button--secondary"),
            class_name="actions",
        ),
        class_name="confirmation",
    )


def booking_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "book",
        rx.el.h1(_("Book a visit to a service hall")),
        rx.el.div(
            rx.cond(BookingState.step < DONE, stepper(locale, [_(label) for label in STEPS], BookingState.step)),
            id="booking-step",
            tab_index=-1,
        ),
        _problem(locale),
        rx.cond(
            BookingState.problem == "unavailable",
            rx.cond(BookingState.services.length() == 0, unavailable_notice(locale, BookingState.load(locale))),
        ),
        rx.match(
            BookingState.step,
            (SERVICE, _choose(locale, "service", _("What do you need to do?"), BookingState.services, BookingState.service_id, BookingState.choose_service(locale))),
            (HALL, _choose(locale, "hall", _("Which hall would you like to go to?"), BookingState.halls, BookingState.hall_id, BookingState.choose_hall(locale), back=True)),
            (TIME, _slots(locale)),
            (DETAILS, _details(locale)),
            (CONFIRM, _review(locale)),
            _done(locale),
        ),
        trail=[(_("Book a visit"), "book")],
    )


def booking_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Book a visit to a service hall")


def booking_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Choose a service, a hall and a time, and get a confirmation with a QR code.")
