"""Service halls, their appointment slots, bookings and the kiosk queue."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import func, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from backend import models, throttle
from backend.api.catalogue import Named
from backend.api.deps import ClockTime, CurrentAccount, IdempotencyKey, LocaleQuery, OptionalAccount, SessionDep, today
from backend.idempotency import Write, create_once
from backend.throttle import Bucket, Rule, client_address
from backend.errors import ApiError, field_invalid, not_found
from backend.localize import localize, text
from backend.security import new_number
from backend.validation import Name, Phone, mask_phone

router = APIRouter(tags=["halls"])

HallId = Annotated[str, Path(max_length=60)]
# Looking up a booking without logging in: its number and the whole phone, a few tries each.
LOOKUP_SUBJECT = Rule("appointment:subject", free=5, first=60, cap=60 * 60)
LOOKUP_CALLER = Rule("appointment:caller", free=10, first=60, cap=60 * 60)


class OpeningHoursOut(BaseModel):
    days: list[str]
    opens: ClockTime
    closes: ClockTime


class HallSummary(BaseModel):
    id: str
    name: str
    address: str
    district: str
    phone: str
    latitude: float
    longitude: float
    hours: list[OpeningHoursOut]
    hours_note: str
    waiting: int
    lang: str


class HallDetail(HallSummary):
    transport: str
    accessibility: str
    counters: int
    services: list[Named]


class SlotOut(BaseModel):
    id: int
    day: dt.date
    starts: ClockTime
    ends: ClockTime
    capacity: int
    booked: int
    available: int


class BookingRequest(BaseModel):
    slot_id: int = Field(ge=1, le=2**31 - 1)
    service_id: str = Field(max_length=60)
    name: Name
    phone: Phone


class AppointmentOut(BaseModel):
    id: str
    status: str
    hall: Named
    service: Named
    day: dt.date
    starts: ClockTime
    ends: ClockTime
    name: str
    phone_masked: str
    created_at: dt.datetime
    evaluable: bool


class TicketRequest(BaseModel):
    hall_id: str = Field(max_length=60)
    service_id: str = Field(max_length=60)


class TicketOut(BaseModel):
    number: str
    hall: Named
    service: Named
    issued_at: dt.datetime
    waiting_ahead: int


class HelpRequestIn(BaseModel):
    hall_id: str = Field(max_length=60)
    kiosk_id: str = Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_-]+$")
    locale: str = Field(pattern=r"^(zh|en|ja|ko|fr)$")


class HelpCancel(BaseModel):
    kiosk_id: str = Field(min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_-]+$")


class HelpRequestOut(BaseModel):
    id: int
    hall_id: str
    kiosk_id: str
    locale: str
    status: str
    created_at: dt.datetime


async def waiting_count(session: AsyncSession, hall_id: str) -> int:
    waiting = (
        select(func.count())
        .select_from(models.QueueTicket)
        .where(models.QueueTicket.hall_id == hall_id, models.QueueTicket.day == today(), models.QueueTicket.status == "waiting")
    )
    return (await session.exec(waiting)).one()


async def _summary(hall: models.Hall, session: AsyncSession, locale: str) -> dict:
    data = localize(hall.data, locale)
    return {
        "id": hall.id,
        **{k: data[k] for k in ("name", "address", "district", "phone", "latitude", "longitude", "hours", "hours_note", "lang")},
        "waiting": await waiting_count(session, hall.id),
    }


async def _hall(session: AsyncSession, hall_id: str) -> models.Hall:
    hall = await session.get(models.Hall, hall_id)
    if hall is None:
        raise not_found("hall")
    return hall


def _named(record, locale: str) -> Named:
    name = record.data["name"]
    return Named(id=record.id, name=text(name, locale), lang=locale if name.get(locale) else "zh")


@router.get("/halls", response_model=list[HallSummary])
async def list_halls(session: SessionDep, locale: LocaleQuery = "zh") -> list[HallSummary]:
    halls = await session.exec(select(models.Hall).order_by(models.Hall.position))
    return [HallSummary(**await _summary(h, session, locale)) for h in halls]


@router.get("/halls/{hall_id}", response_model=HallDetail)
async def get_hall(hall_id: HallId, session: SessionDep, locale: LocaleQuery = "zh") -> HallDetail:
    hall = await _hall(session, hall_id)
    data = localize(hall.data, locale)
    services = [
        _named(s, locale)
        for s in await session.exec(select(models.Service).order_by(models.Service.popularity.desc()))
        if hall.id in s.data["halls"]
    ]
    return HallDetail(
        **await _summary(hall, session, locale),
        transport=data["transport"],
        accessibility=data["accessibility"],
        counters=data["counters"],
        services=services,
    )


@router.get("/halls/{hall_id}/slots", response_model=list[SlotOut])
async def list_slots(
    hall_id: HallId,
    session: SessionDep,
    start: Annotated[dt.date | None, Query(alias="from")] = None,
    days: Annotated[int, Query(ge=1, le=31)] = 7,
) -> list[SlotOut]:
    """Slots not yet started, full ones included (``available`` is 0): a full slot is shown, not hidden."""
    await _hall(session, hall_id)
    now = dt.datetime.now()
    first = max(start or now.date(), now.date())
    last = first + dt.timedelta(days=days - 1)
    slots = await session.exec(
        select(models.Slot)
        .where(models.Slot.hall_id == hall_id, models.Slot.day >= first, models.Slot.day <= last)
        .where(or_(models.Slot.day > now.date(), models.Slot.starts > now.time()))
        .order_by(models.Slot.day, models.Slot.starts)
    )
    return [SlotOut(**s.model_dump(), available=max(0, s.capacity - s.booked)) for s in slots]


async def appointment_out(session: AsyncSession, appointment: models.Appointment, locale: str) -> AppointmentOut:
    slot = await session.get(models.Slot, appointment.slot_id)
    hall = await session.get(models.Hall, appointment.hall_id)
    service = await session.get(models.Service, appointment.service_id)
    ended = dt.datetime.combine(slot.day, slot.ends) <= dt.datetime.now()
    return AppointmentOut(
        id=appointment.id,
        status=appointment.status,
        hall=_named(hall, locale),
        service=_named(service, locale),
        day=slot.day,
        starts=slot.starts,
        ends=slot.ends,
        name=appointment.name,
        phone_masked=mask_phone(appointment.phone),
        created_at=appointment.created_at,
        evaluable=appointment.status == "booked" and ended,
    )


@router.post(
    "/appointments", response_model=AppointmentOut, status_code=201,
    responses={200: {"model": AppointmentOut, "description": "Already booked under this Idempotency-Key: that booking"}},
)
async def book(
    request: BookingRequest,
    session: SessionDep,
    account: OptionalAccount,
    response: Response,
    idempotency_key: IdempotencyKey = None,
    locale: LocaleQuery = "zh",
) -> AppointmentOut:
    """Book a place in a slot. The place is taken with one conditional update,
    so a slot is never over-booked, however many requests race for it."""

    async def create() -> str:
        slot = await session.get(models.Slot, request.slot_id)
        if slot is None:
            raise not_found("slot")
        service = await session.get(models.Service, request.service_id)
        if service is None or not service.appointment or slot.hall_id not in service.data["halls"]:
            raise field_invalid("service_id", "not_bookable_here")
        if dt.datetime.combine(slot.day, slot.starts) <= dt.datetime.now():
            raise ApiError(409, "slot_past", "the slot has already started")
        taken = await session.exec(
            update(models.Slot)
            .where(models.Slot.id == slot.id, models.Slot.booked < models.Slot.capacity)
            .values(booked=models.Slot.booked + 1)
        )
        if taken.rowcount != 1:
            await session.rollback()
            raise ApiError(409, "slot_full", "the slot is fully booked")
        appointment = models.Appointment(
            id=new_number(slot.day.strftime("%Y%m%d"), 6),
            slot_id=slot.id,
            hall_id=slot.hall_id,
            service_id=service.id,
            account_id=account.id if account else None,
            name=request.name,
            phone=request.phone,
        )
        session.add(appointment)
        return appointment.id

    appointment_id, created = await create_once(session, Write.of("appointments", idempotency_key, account, request), create)
    if not created:
        response.status_code = 200
    return await appointment_out(session, await session.get(models.Appointment, appointment_id), locale)


@router.get("/appointments/{appointment_id}", response_model=AppointmentOut)
async def get_appointment(
    appointment_id: Annotated[str, Path(max_length=40)],
    session: SessionDep,
    account: OptionalAccount,
    request: Request,
    phone: Annotated[Phone | None, Query(description="The whole phone number it was booked with, for anyone not logged in")] = None,
    locale: LocaleQuery = "zh",
) -> AppointmentOut:
    """Read by its owner, or by anyone with its number and the whole phone
    number it was booked with (a few tries per booking and per caller)."""
    appointment = await session.get(models.Appointment, appointment_id)
    if appointment is not None and account is not None and appointment.account_id == account.id:
        return await appointment_out(session, appointment, locale)
    if phone is None:
        raise not_found("appointment")
    buckets = Bucket.of(LOOKUP_SUBJECT, appointment_id), Bucket.of(LOOKUP_CALLER, client_address(request))
    await throttle.check(session, *buckets)
    if appointment is None or appointment.phone != phone:
        await throttle.failed(session, *buckets)
        raise not_found("appointment")
    return await appointment_out(session, appointment, locale)


@router.post("/appointments/{appointment_id}/cancel", response_model=AppointmentOut)
async def cancel_appointment(
    appointment_id: Annotated[str, Path(max_length=40)],
    session: SessionDep,
    account: CurrentAccount,
    locale: LocaleQuery = "zh",
) -> AppointmentOut:
    """Cancel, by its owner only (a booking made without an account is cancelled by phone)."""
    appointment = await session.get(models.Appointment, appointment_id)
    if appointment is None or appointment.account_id != account.id:
        raise not_found("appointment")
    if appointment.status == "booked":
        appointment.status = "cancelled"
        appointment.cancelled_at = models.utcnow()
        await session.exec(update(models.Slot).where(models.Slot.id == appointment.slot_id, models.Slot.booked > 0).values(booked=models.Slot.booked - 1))
        session.add(appointment)
        await session.commit()
    return await appointment_out(session, appointment, locale)


@router.post(
    "/queue-tickets", response_model=TicketOut, status_code=201,
    responses={200: {"model": TicketOut, "description": "Already issued under this Idempotency-Key: that ticket"}},
)
async def take_ticket(request: TicketRequest, session: SessionDep, response: Response, idempotency_key: IdempotencyKey = None, locale: LocaleQuery = "zh") -> TicketOut:
    """A queue number for a service at a hall today, as the kiosk prints it."""
    hall = await _hall(session, request.hall_id)
    service = await session.get(models.Service, request.service_id)
    if service is None or hall.id not in service.data["halls"]:
        raise field_invalid("service_id", "not_offered_here")
    # Named now: a rollback below expires the loaded rows, and asyncio cannot reload them lazily.
    hall_name, service_name = _named(hall, locale), _named(service, locale)
    write = Write.of("queue-tickets", idempotency_key, None, request)

    async def create() -> str:
        issued_today = select(func.count()).select_from(models.QueueTicket).where(
            models.QueueTicket.hall_id == hall_name.id, models.QueueTicket.day == today()
        )
        issued = (await session.exec(issued_today)).one()
        ticket = models.QueueTicket(hall_id=hall_name.id, service_id=service_name.id, day=today(), number=f"A{issued + 1:03d}")
        session.add(ticket)
        await session.flush()
        return str(ticket.id)

    for _attempt in range(5):
        try:
            ticket_id, created = await create_once(session, write, create)
        except IntegrityError:
            continue  # another kiosk took that number at the same moment; count again
        if not created:
            response.status_code = 200
        return await _ticket_out(session, await session.get(models.QueueTicket, int(ticket_id)), hall_name, service_name)
    raise ApiError(409, "busy", "please try again")


async def _ticket_out(session: AsyncSession, ticket: models.QueueTicket, hall: Named, service: Named) -> TicketOut:
    ahead = select(func.count()).select_from(models.QueueTicket).where(
        models.QueueTicket.hall_id == ticket.hall_id,
        models.QueueTicket.day == ticket.day,
        models.QueueTicket.status == "waiting",
        models.QueueTicket.id < ticket.id,
    )
    return TicketOut(number=ticket.number, hall=hall, service=service, issued_at=ticket.created_at, waiting_ahead=(await session.exec(ahead)).one())


@router.post("/help-requests", response_model=HelpRequestOut, status_code=201)
async def ask_for_help(request: HelpRequestIn, session: SessionDep) -> HelpRequestOut:
    """A kiosk user asks for a member of staff; the hall sees it in its list."""
    await _hall(session, request.hall_id)
    help_request = models.HelpRequest(**request.model_dump())
    session.add(help_request)
    await session.commit()
    return HelpRequestOut(**help_request.model_dump())


@router.post("/help-requests/{request_id}/cancel", response_model=HelpRequestOut)
async def cancel_help(request_id: Annotated[int, Path(ge=1, le=2**31 - 1)], body: HelpCancel, session: SessionDep) -> HelpRequestOut:
    """The person at the kiosk no longer needs staff. Only the kiosk that
    asked can cancel, and only while the request is open."""
    help_request = await session.get(models.HelpRequest, request_id)
    if help_request is None or help_request.kiosk_id != body.kiosk_id:
        raise not_found("help request")
    if help_request.status != "open":
        raise ApiError(409, "not_open", "the request is no longer open")
    help_request.status = "cancelled"
    session.add(help_request)
    await session.commit()
    return HelpRequestOut(**help_request.model_dump())


@router.get("/halls/{hall_id}/help-requests", response_model=list[HelpRequestOut])
async def list_help_requests(hall_id: HallId, session: SessionDep) -> list[HelpRequestOut]:
    await _hall(session, hall_id)
    rows = await session.exec(
        select(models.HelpRequest).where(models.HelpRequest.hall_id == hall_id, models.HelpRequest.status == "open").order_by(models.HelpRequest.id)
    )
    return [HelpRequestOut(**r.model_dump()) for r in rows]
