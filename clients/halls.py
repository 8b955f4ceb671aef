"""Service halls, appointment slots and bookings, and the kiosk's queue tickets
and help requests."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel

from clients.base import Cached, Endpoint, api_client
from clients.catalogue import Named


class OpeningHours(BaseModel):
    days: list[str]
    opens: dt.time
    closes: dt.time


class HallSummary(BaseModel):
    id: str
    name: str
    address: str
    district: str
    phone: str
    latitude: float
    longitude: float
    hours: list[OpeningHours]
    hours_note: str
    waiting: int
    lang: str


class HallDetail(HallSummary):
    transport: str
    accessibility: str
    counters: int
    services: list[Named]


class Slot(BaseModel):
    id: int
    day: dt.date
    starts: dt.time
    ends: dt.time
    capacity: int
    booked: int
    available: int


class Booking(BaseModel):
    slot_id: int
    service_id: str
    name: str
    phone: str


class Appointment(BaseModel):
    id: str
    status: str
    hall: Named
    service: Named
    day: dt.date
    starts: dt.time
    ends: dt.time
    name: str
    phone_masked: str
    created_at: dt.datetime
    evaluable: bool


class TicketRequest(BaseModel):
    hall_id: str
    service_id: str


class Ticket(BaseModel):
    number: str
    hall: Named
    service: Named
    issued_at: dt.datetime
    waiting_ahead: int


class HelpRequestIn(BaseModel):
    hall_id: str
    kiosk_id: str
    locale: str


class HelpCancel(BaseModel):
    kiosk_id: str


class HelpRequest(HelpRequestIn):
    id: int
    status: str
    created_at: dt.datetime


HALLS = Endpoint("GET", "/halls", list[HallSummary])
HALL = Endpoint("GET", "/halls/{hall_id}", HallDetail)
SLOTS = Endpoint("GET", "/halls/{hall_id}/slots", list[Slot])
BOOK = Endpoint("POST", "/appointments", Appointment, body=Booking)
APPOINTMENT = Endpoint("GET", "/appointments/{appointment_id}", Appointment)
CANCEL = Endpoint("POST", "/appointments/{appointment_id}/cancel", Appointment)
MY_APPOINTMENTS = Endpoint("GET", "/me/appointments", list[Appointment])
TAKE_TICKET = Endpoint("POST", "/queue-tickets", Ticket, body=TicketRequest)
ASK_FOR_HELP = Endpoint("POST", "/help-requests", HelpRequest, body=HelpRequestIn)
HELP_REQUESTS = Endpoint("GET", "/halls/{hall_id}/help-requests", list[HelpRequest])
CANCEL_HELP = Endpoint("POST", "/help-requests/{request_id}/cancel", HelpRequest, body=HelpCancel)


async def halls(locale: str) -> Cached[list[HallSummary]]:
    return await api_client().read_cached(HALLS, locale=locale)


async def hall(locale: str, hall_id: str) -> Cached[HallDetail]:
    return await api_client().read_cached(HALL, locale=locale, path={"hall_id": hall_id})


async def queues(locale: str) -> dict[str, int]:
    """Live: how many people wait at each hall now, by hall id (never cached)."""
    return {hall.id: hall.waiting for hall in await api_client().call(HALLS, locale=locale)}


async def slots(locale: str, hall_id: str, start: dt.date | None = None, days: int = 7) -> list[Slot]:
    """Live availability: never cached."""
    return await api_client().call(SLOTS, locale=locale, path={"hall_id": hall_id}, params={"from": start.isoformat() if start else None, "days": days})


async def book(locale: str, booking: Booking, *, idempotency_key: str, token: str | None = None) -> Appointment:
    return await api_client().call(BOOK, locale=locale, json=booking, token=token, idempotency_key=idempotency_key)


async def appointment(locale: str, appointment_id: str, *, token: str | None = None, phone: str | None = None) -> Appointment:
    """By its owner (``token``), or by its number and the whole phone number it was booked with."""
    return await api_client().call(APPOINTMENT, locale=locale, path={"appointment_id": appointment_id}, params={"phone": phone}, token=token)


async def cancel(locale: str, appointment_id: str, *, token: str) -> Appointment:
    """By its owner only."""
    return await api_client().call(CANCEL, locale=locale, path={"appointment_id": appointment_id}, token=token)


async def my_appointments(locale: str, token: str) -> list[Appointment]:
    return await api_client().call(MY_APPOINTMENTS, locale=locale, token=token)


async def take_ticket(locale: str, request: TicketRequest, *, idempotency_key: str) -> Ticket:
    return await api_client().call(TAKE_TICKET, locale=locale, json=request, idempotency_key=idempotency_key)


async def ask_for_help(locale: str, request: HelpRequestIn) -> HelpRequest:
    return await api_client().call(ASK_FOR_HELP, locale=locale, json=request)


async def cancel_help(locale: str, request_id: int, kiosk_id: str) -> HelpRequest:
    """Withdraw a kiosk's call for staff. NotFound for another kiosk's request, Conflict once it is no longer open."""
    return await api_client().call(CANCEL_HELP, locale=locale, path={"request_id": request_id}, json=HelpCancel(kiosk_id=kiosk_id))


async def help_requests(locale: str, hall_id: str) -> list[HelpRequest]:
    return await api_client().call(HELP_REQUESTS, locale=locale, path={"hall_id": hall_id})
