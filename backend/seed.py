"""Fill an empty database from the seed files, and keep the appointment slots
and today's queue current."""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import secrets

from sqlmodel import Session, select

from backend import models
from backend.bundle_content import seed_bundles
from backend.content import Content, Hall, load_content
from backend.security import hash_password, new_number

log = logging.getLogger("backend.seed")

_STEPS = ("submitted", "accepted", "in_review", "decided", "completed")
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _dump(model) -> dict:
    return model.model_dump(mode="json")


def seed_content(session: Session, content: Content) -> None:
    for department in content.departments:
        session.add(models.Department(id=department.id, data=_dump(department)))
    for theme in content.themes:
        session.add(models.Theme(id=theme.id, data=_dump(theme)))
    for position, event in enumerate(content.life_events):
        session.add(models.LifeEvent(id=event.id, position=position, data=_dump(event)))
    for position, hall in enumerate(content.halls):
        session.add(models.Hall(id=hall.id, position=position, data=_dump(hall)))
    for service in content.services:
        session.add(
            models.Service(
                id=service.id,
                department=service.department,
                mode=service.mode,
                online_application=service.online_application,
                appointment=service.appointment,
                popularity=service.popularity,
                data=_dump(service),
            )
        )
    for article in content.articles:
        session.add(models.Article(id=article.id, kind=article.kind, published=article.published, data=_dump(article)))
    for position, guide in enumerate(content.expat_guides):
        session.add(models.ExpatGuide(id=guide.id, position=position, data=_dump(guide)))
    for position, kind in enumerate(content.certificates.kinds):
        session.add(models.CertificateKind(id=kind.id, position=position, data=_dump(kind)))
    for account in content.accounts:
        session.add(
            models.Account(
                **account.model_dump(exclude={"password", "phone", "locked"}),
                phone=f"+86{account.phone}" if account.phone else None,
                password_hash=hash_password(account.password),
                locked_until=dt.datetime(2099, 1, 1, tzinfo=dt.UTC) if account.locked else None,
            )
        )
    session.flush()


def _slot_capacity(hall_id: str, day: dt.date, starts: dt.time, capacity: int) -> int:
    """Deterministic demand: some slots are already full, as in a real hall."""
    seed = hashlib.sha256(f"{hall_id}{day}{starts}".encode()).digest()[0]
    return capacity if seed % 5 == 0 else seed % max(1, capacity)


def ensure_slots(session: Session, halls: list[Hall], days: int, first: dt.date | None = None) -> None:
    """30-minute slots in every hall's opening hours, from today for ``days`` days."""
    first = first or dt.date.today()
    existing = {
        (s.hall_id, s.day, s.starts)
        for s in session.exec(select(models.Slot).where(models.Slot.day >= first, models.Slot.day < first + dt.timedelta(days=days)))
    }
    for offset in range(days):
        day = first + dt.timedelta(days=offset)
        weekday = _WEEKDAYS[day.weekday()]
        for hall in halls:
            for hours in hall.hours:
                if weekday not in hours.days:
                    continue
                start = dt.datetime.combine(day, hours.opens)
                while start + dt.timedelta(minutes=30) <= dt.datetime.combine(day, hours.closes):
                    if (hall.id, day, start.time()) not in existing:
                        session.add(
                            models.Slot(
                                hall_id=hall.id,
                                day=day,
                                starts=start.time(),
                                ends=(start + dt.timedelta(minutes=30)).time(),
                                capacity=hall.slot_capacity,
                                booked=_slot_capacity(hall.id, day, start.time(), hall.slot_capacity),
                            )
                        )
                    start += dt.timedelta(minutes=30)
    session.flush()


def _slot_for(session: Session, hall: Hall, day: dt.date, starts: dt.time) -> models.Slot:
    slot = session.exec(select(models.Slot).where(models.Slot.hall_id == hall.id, models.Slot.day == day, models.Slot.starts == starts)).first()
    if slot is None:
        ends = (dt.datetime.combine(day, starts) + dt.timedelta(minutes=30)).time()
        slot = models.Slot(hall_id=hall.id, day=day, starts=starts, ends=ends, capacity=hall.slot_capacity, booked=0)
        session.add(slot)
        session.flush()
    return slot


def seed_history(session: Session, content: Content) -> None:
    """The demo accounts' applications, bookings, letters and subscriptions."""
    now = models.utcnow()
    halls = {h.id: h for h in content.halls}
    services = {s.id: s for s in content.services}
    accounts = {a.id: a for a in content.accounts}
    for item in content.history.applications:
        submitted = now - dt.timedelta(days=item.submitted_days_ago)
        account = accounts[item.account]
        application = models.Application(
            id=new_number(submitted.strftime("%Y%m%d"), 6),
            service_id=item.service,
            account_id=item.account,
            applicant={"name": account.name, "phone": f"+86{account.phone}"},
            answers={},
            uploads=[],
            status=item.status,
            result=_dump(item.result) if item.result else None,
            created_at=submitted,
        )
        session.add(application)
        # The steps already done are spread over the time since submission.
        interval = (now - submitted) / max(item.steps_done, 1)
        for position, step in enumerate(_STEPS):
            done = submitted + interval * position if position < item.steps_done else None
            session.add(models.ApplicationStep(application_id=application.id, position=position, step=step, done_at=done))
        session.add(
            models.Message(
                account_id=item.account,
                kind="application",
                reference=application.id,
                data={"title": _dump(services[item.service].name), "body": _dump(item.result) if item.result else _dump(services[item.service].summary)},
                created_at=submitted,
            )
        )
    for item in content.history.appointments:
        day = dt.date.today() + dt.timedelta(days=item.day_offset)
        slot = _slot_for(session, halls[item.hall], day, item.starts)
        slot.booked = min(slot.capacity, slot.booked + 1)
        account = accounts[item.account]
        session.add(
            models.Appointment(
                id=new_number(day.strftime("%Y%m%d"), 6),
                slot_id=slot.id,
                hall_id=item.hall,
                service_id=item.service,
                account_id=item.account,
                name=account.name,
                phone=f"+86{account.phone}",
                created_at=now - dt.timedelta(days=max(1, -item.day_offset + 1)),
            )
        )
    for item in content.history.letters:
        sent = now - dt.timedelta(days=item.sent_days_ago)
        session.add(
            models.Letter(
                id=new_number(sent.strftime("%Y%m%d"), 6),
                kind=item.kind,
                category=item.category,
                subject=item.subject,
                body=item.body,
                contact_preference="sms",
                name=accounts[item.account].name,
                phone=f"+86{accounts[item.account].phone}",
                locale=item.locale,
                account_id=item.account,
                access_code_hash=hashlib.sha256(b"demo").hexdigest(),
                attachments=[],
                status=item.status,
                reply=_dump(item.reply) if item.reply else None,
                replied_at=sent + dt.timedelta(days=3) if item.reply else None,
                created_at=sent,
            )
        )
    for item in content.history.subscriptions:
        session.add(models.Subscription(account_id=item.account, topic=item.topic, target=item.target))
    session.flush()


def seed_certificates(session: Session, content: Content) -> None:
    """The demo accounts' e-certificates, dated from today; each gets a fresh
    unguessable verification token."""
    today = dt.date.today()
    for item in content.certificates.issued:
        session.add(
            models.Certificate(
                id=secrets.token_hex(8),
                account_id=item.account,
                kind=item.kind,
                number=item.number,
                holder=item.holder,
                issuer=_dump(item.issuer),
                issued_on=today - dt.timedelta(days=item.issued_days_ago),
                expires_on=None if item.expires_in_days is None else today + dt.timedelta(days=item.expires_in_days),
                revoked=item.revoked,
                verification_token=secrets.token_urlsafe(24),
            )
        )
    session.flush()


def ensure_queue(session: Session, content: Content) -> None:
    """Today's queue in each hall, so the kiosk and hall pages show real numbers."""
    today = dt.date.today()
    if session.exec(select(models.QueueTicket).where(models.QueueTicket.day == today)).first():
        return
    for hall in content.halls:
        waiting = hashlib.sha256(f"{hall.id}{today}".encode()).digest()[0] % 12 + 2
        offered = [s.id for s in content.services if hall.id in s.halls] or [content.services[0].id]
        for number in range(1, waiting + 1):
            session.add(models.QueueTicket(hall_id=hall.id, service_id=offered[number % len(offered)], day=today, number=f"A{number:03d}"))
    session.flush()


def ensure_bundles(session: Session) -> None:
    """The life-event bundles, when the database has none yet (also a database seeded before bundles existed)."""
    if session.exec(select(models.Bundle)).first() is not None:
        return
    for position, bundle in enumerate(seed_bundles()):
        session.add(models.Bundle(id=bundle.id, position=position, data=_dump(bundle)))
    session.flush()


def prepare(session: Session, slot_days: int) -> None:
    """Seed an empty database; top up slots and today's queue on every start.
    Flushes; the caller commits."""
    content = load_content()
    if session.exec(select(models.Service)).first() is None:
        log.info("seeding an empty database")
        seed_content(session, content)
        ensure_slots(session, content.halls, slot_days)
        seed_history(session, content)
        seed_certificates(session, content)
    ensure_slots(session, content.halls, slot_days)
    ensure_queue(session, content)
    ensure_bundles(session)
