"""Database tables of the reference back end.

Content (services, halls, articles, guides) keeps its five-language texts in a
JSON column, with the fields the API filters on as real columns. Transactions
(bookings, applications, letters, ...) are ordinary rows.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, Column, UniqueConstraint, false
from sqlmodel import Field, SQLModel


# Every constraint gets a predictable name, so a migration can drop or change
# it by name (SQLite's batch migrations need that).
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# ---------------------------------------------------------------- content


class Department(SQLModel, table=True):
    id: str = Field(primary_key=True)
    data: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))


class Theme(SQLModel, table=True):
    id: str = Field(primary_key=True)
    data: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))


class LifeEvent(SQLModel, table=True):
    id: str = Field(primary_key=True)
    position: int
    data: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))


class Service(SQLModel, table=True):
    id: str = Field(primary_key=True)
    department: str = Field(index=True)
    mode: str
    online_application: bool
    appointment: bool
    popularity: int = Field(index=True)
    data: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))


class Hall(SQLModel, table=True):
    id: str = Field(primary_key=True)
    position: int
    data: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))


class Article(SQLModel, table=True):
    id: str = Field(primary_key=True)
    kind: str = Field(index=True)
    published: dt.date = Field(index=True)
    data: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))


class ExpatGuide(SQLModel, table=True):
    id: str = Field(primary_key=True)
    position: int
    data: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))


# ---------------------------------------------------------------- accounts


class Account(SQLModel, table=True):
    id: str = Field(primary_key=True)
    kind: str  # resident | foreigner
    name: str
    phone: str | None = Field(default=None, index=True, unique=True)
    passport_number: str | None = Field(default=None, index=True)
    nationality: str | None = None
    id_number: str | None = None
    address: str | None = None
    password_hash: str
    locked_until: dt.datetime | None = None  # set by staff; failed log-ins slow the guesser, never lock
    created_at: dt.datetime = Field(default_factory=utcnow)


class AuthToken(SQLModel, table=True):
    token_hash: str = Field(primary_key=True)
    account_id: str = Field(foreign_key="account.id", index=True)
    expires_at: dt.datetime
    created_at: dt.datetime = Field(default_factory=utcnow)


class IdempotentRequest(SQLModel, table=True):
    """An Idempotency-Key, the owner and request it came with, and the record it made (backend/idempotency.py)."""

    scope: str = Field(primary_key=True)  # applications | appointments | letters | queue-tickets
    key: str = Field(primary_key=True)
    owner: str  # account:<id> | anonymous
    fingerprint: str  # SHA-256 of the request body
    resource_id: str
    created_at: dt.datetime = Field(default_factory=utcnow)


class Throttle(SQLModel, table=True):
    """Failed attempts at a guessable secret in one bucket (backend/throttle.py)."""

    key: str = Field(primary_key=True)  # a digest of the rule and its subject or client
    failures: int = 0
    last_failure: dt.datetime


class OneTimeCode(SQLModel, table=True):
    phone: str = Field(primary_key=True)
    code_hash: str
    expires_at: dt.datetime
    sent_at: dt.datetime
    attempts: int = 0


class Subscription(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("account_id", "topic", "target"),)
    id: int | None = Field(default=None, primary_key=True)
    account_id: str = Field(foreign_key="account.id", index=True)
    topic: str  # service | theme | article-kind
    target: str
    created_at: dt.datetime = Field(default_factory=utcnow)


class Message(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    account_id: str = Field(foreign_key="account.id", index=True)
    kind: str  # application | appointment | letter | subscription
    reference: str
    data: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))  # five-language title and body
    read: bool = False
    created_at: dt.datetime = Field(default_factory=utcnow)


# ---------------------------------------------------------------- transactions


class Slot(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("hall_id", "day", "starts"),)
    id: int | None = Field(default=None, primary_key=True)
    hall_id: str = Field(foreign_key="hall.id", index=True)
    day: dt.date = Field(index=True)
    starts: dt.time
    ends: dt.time
    capacity: int
    booked: int = 0


class Appointment(SQLModel, table=True):
    id: str = Field(primary_key=True)  # the confirmation number
    slot_id: int = Field(foreign_key="slot.id", index=True)
    hall_id: str = Field(foreign_key="hall.id")
    service_id: str = Field(foreign_key="service.id")
    account_id: str | None = Field(default=None, foreign_key="account.id", index=True)
    name: str
    phone: str
    status: str = "booked"  # booked | cancelled
    created_at: dt.datetime = Field(default_factory=utcnow)
    cancelled_at: dt.datetime | None = None


class CertificateKind(SQLModel, table=True):
    """A kind of electronic certificate (电子证照) and its five-language name."""

    id: str = Field(primary_key=True)  # resident-id-card | household-register | ... (backend/seed/certificates.yaml)
    position: int
    data: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))


class Certificate(SQLModel, table=True):
    """An electronic certificate the city issued to an account's holder. The
    verification token is the only key a QR code carries: unguessable, and
    unrelated to the certificate's number."""

    id: str = Field(primary_key=True)  # random, for references from applications
    account_id: str = Field(foreign_key="account.id", index=True)
    kind: str = Field(foreign_key="certificatekind.id")
    number: str
    holder: str
    issuer: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))  # five-language name
    issued_on: dt.date
    expires_on: dt.date | None = None  # None: valid long-term (长期)
    revoked: bool = False
    verification_token: str = Field(unique=True)


class Upload(SQLModel, table=True):
    id: str = Field(primary_key=True)
    account_id: str | None = Field(default=None, foreign_key="account.id")
    filename: str
    content_type: str
    size: int
    sha256: str
    created_at: dt.datetime = Field(default_factory=utcnow)


class Application(SQLModel, table=True):
    id: str = Field(primary_key=True)  # the receipt number
    service_id: str = Field(foreign_key="service.id", index=True)
    account_id: str | None = Field(default=None, foreign_key="account.id", index=True)
    applicant: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    answers: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    uploads: list[str] = Field(sa_column=Column(JSON, nullable=False))
    status: str = "submitted"  # submitted | accepted | in_review | approved | rejected | completed
    result: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))  # five-language result notice
    # Approved by rule in seconds (秒批): every required material was an e-certificate on file.
    instant_approval: bool = Field(default=False, sa_column_kwargs={"server_default": false()})
    created_at: dt.datetime = Field(default_factory=utcnow)


class ApplicationCertificate(SQLModel, table=True):
    """An e-certificate an application refers to instead of an uploaded copy."""

    application_id: str = Field(foreign_key="application.id", primary_key=True)
    certificate_id: str = Field(foreign_key="certificate.id", primary_key=True)


class ApplicationStep(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    application_id: str = Field(foreign_key="application.id", index=True)
    position: int
    step: str  # submitted | accepted | in_review | decided | completed
    done_at: dt.datetime | None = None


class Draft(SQLModel, table=True):
    account_id: str = Field(foreign_key="account.id", primary_key=True)
    service_id: str = Field(foreign_key="service.id", primary_key=True)
    data: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    updated_at: dt.datetime = Field(default_factory=utcnow)


class Letter(SQLModel, table=True):
    id: str = Field(primary_key=True)  # the ticket number
    kind: str  # consultation | complaint | suggestion | mailbox
    category: str
    subject: str
    body: str
    contact_preference: str  # phone | email | sms | none
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    locale: str
    account_id: str | None = Field(default=None, foreign_key="account.id", index=True)
    access_code_hash: str
    attachments: list[str] = Field(sa_column=Column(JSON, nullable=False))
    status: str = "received"  # received | in_progress | replied
    reply: dict[str, Any] | None = Field(default=None, sa_column=Column(JSON))  # five-language reply
    replied_at: dt.datetime | None = None
    created_at: dt.datetime = Field(default_factory=utcnow)


class Evaluation(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("target_type", "target_id"),)
    id: int | None = Field(default=None, primary_key=True)
    target_type: str  # application | appointment
    target_id: str
    account_id: str | None = Field(default=None, foreign_key="account.id")
    ease: int
    speed: int
    attitude: int
    comment: str = ""
    created_at: dt.datetime = Field(default_factory=utcnow)


class QueueTicket(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("hall_id", "day", "number"),)
    id: int | None = Field(default=None, primary_key=True)
    hall_id: str = Field(foreign_key="hall.id", index=True)
    service_id: str = Field(foreign_key="service.id")
    day: dt.date = Field(index=True)
    number: str
    status: str = "waiting"  # waiting | called | done
    created_at: dt.datetime = Field(default_factory=utcnow)


class HelpRequest(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    hall_id: str = Field(foreign_key="hall.id", index=True)
    kiosk_id: str
    locale: str
    status: str = "open"  # open | answered | cancelled
    created_at: dt.datetime = Field(default_factory=utcnow)


class ContentVersion(SQLModel, table=True):
    """A counter per content area (``backend.content_versions``): bumped with
    every change to the area's records, so cached reads know when they are stale."""

    __tablename__ = "content_versions"

    area: str = Field(primary_key=True, max_length=20)
    version: int = 0


# ---------------------------------------------------------------- life-event bundles (一件事一次办)


class Bundle(SQLModel, table=True):
    """A life-event bundle: member services, shared questions and materials (``backend/seed/bundles.yaml``)."""

    id: str = Field(primary_key=True)
    position: int
    data: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))


class BundleApplication(SQLModel, table=True):
    """One joint application: one receipt number for every member service."""

    id: str = Field(primary_key=True)  # the receipt number, in the same 14-digit space as single applications
    bundle_id: str = Field(foreign_key="bundle.id", index=True)
    account_id: str = Field(foreign_key="account.id", index=True)
    applicant: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    answers: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    uploads: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))  # material id -> upload id
    created_at: dt.datetime = Field(default_factory=utcnow)


class BundleLine(SQLModel, table=True):
    """A member service's part of a joint application, with its own progress."""

    id: int | None = Field(default=None, primary_key=True)
    bundle_application_id: str = Field(foreign_key="bundleapplication.id", index=True)
    service_id: str = Field(foreign_key="service.id")
    position: int
    status: str = "submitted"  # as Application.status
    answers: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))  # the shared answers this service uses
    uploads: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))  # the materials this service uses
    steps: list[Any] = Field(sa_column=Column(JSON, nullable=False))  # [{"step": ..., "done_at": ISO 8601 or null}]


class BundleDraft(SQLModel, table=True):
    account_id: str = Field(foreign_key="account.id", primary_key=True)
    bundle_id: str = Field(foreign_key="bundle.id", primary_key=True)
    data: dict[str, Any] = Field(sa_column=Column(JSON, nullable=False))
    updated_at: dt.datetime = Field(default_factory=utcnow)
