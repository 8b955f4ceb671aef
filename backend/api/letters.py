"""Consultations, complaints, suggestions and the mayor's mailbox (12345-style),
and ratings of finished applications and appointments (好差评)."""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Request, Response
from pydantic import BaseModel, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError
from sqlalchemy.exc import IntegrityError
from sqlmodel import select

from backend import models, throttle
from backend.api.deps import CurrentAccount, IdempotencyKey, LocaleQuery, OptionalAccount, SessionDep
from backend.errors import ApiError, field_invalid, not_found
from backend.idempotency import Write, create_once
from backend.localize import text
from backend.security import digest, new_code, new_number
from backend.throttle import Bucket, Rule, client_address
from backend.validation import AccessCode, Email, Name, Phone, Text, Ticket

router = APIRouter(tags=["interaction"])
# A letter's 6-digit access code: a few tries per letter and per caller, then cool-downs.
ACCESS_SUBJECT = Rule("letter:subject", free=5, first=60, cap=60 * 60)
ACCESS_CALLER = Rule("letter:caller", free=10, first=60, cap=60 * 60)

Kind = Literal["consultation", "complaint", "suggestion", "mailbox"]
Category = Literal[
    "social-security", "healthcare", "education", "housing", "transport", "environment", "public-safety", "business", "other"
]


class LetterIn(BaseModel):
    kind: Kind
    category: Category
    subject: Text(100)
    body: Text(5000)
    contact_preference: Literal["phone", "sms", "email", "none"]
    name: Name | None = None
    phone: Phone | None = Field(default=None, validate_default=True)
    email: Email | None = Field(default=None, validate_default=True)
    locale: Literal["zh", "en", "ja", "ko", "fr"]
    attachments: list[Annotated[str, Field(pattern=r"^[a-f0-9]{32}$")]] = Field(default_factory=list, max_length=3)

    @field_validator("phone", "email")
    @classmethod
    def _contact_given(cls, value: str | None, info: ValidationInfo) -> str | None:
        """The contact the user prefers must be given."""
        wanted = {"phone": ("phone", "sms"), "email": ("email",)}[info.field_name]
        if value is None and info.data.get("contact_preference") in wanted:
            raise PydanticCustomError("required", "needed for the contact you chose")
        return value


class LetterOut(BaseModel):
    id: str
    kind: Kind
    category: Category
    subject: str
    body: str
    status: Literal["received", "in_progress", "replied"]
    reply: str | None
    replied_at: dt.datetime | None
    created_at: dt.datetime
    # Given once, when the letter is sent: with the number it lets anyone read the reply.
    access_code: str | None = None


class EvaluationIn(BaseModel):
    target_type: Literal["application", "appointment"]
    target_id: str = Field(pattern=r"^\d{14}$")
    ease: int = Field(ge=1, le=5)
    speed: int = Field(ge=1, le=5)
    attitude: int = Field(ge=1, le=5)
    comment: Text(500, required=False) = ""


class EvaluationOut(BaseModel):
    target_type: str
    target_id: str
    ease: int
    speed: int
    attitude: int
    comment: str
    created_at: dt.datetime


def letter_out(letter: models.Letter, locale: str, access_code: str | None = None) -> LetterOut:
    return LetterOut(
        id=letter.id,
        kind=letter.kind,
        category=letter.category,
        subject=letter.subject,
        body=letter.body,
        status=letter.status,
        reply=text(letter.reply, locale) if letter.reply else None,
        replied_at=letter.replied_at,
        created_at=letter.created_at,
        access_code=access_code,
    )


@router.post(
    "/letters", response_model=LetterOut, status_code=201,
    responses={200: {"model": LetterOut, "description": "Already sent under this Idempotency-Key: that letter, without its access code"}},
)
async def send_letter(
    body: LetterIn, session: SessionDep, account: OptionalAccount, response: Response, idempotency_key: IdempotencyKey = None
) -> LetterOut:
    access_code = new_code()

    async def create() -> str:
        for upload_id in body.attachments:
            if await session.get(models.Upload, upload_id) is None:
                raise field_invalid("attachments", "unknown_upload")
        letter = models.Letter(
            id=new_number(models.utcnow().strftime("%Y%m%d"), 6),
            **body.model_dump(exclude={"email"}),
            email=str(body.email) if body.email else None,
            account_id=account.id if account else None,
            access_code_hash=digest(access_code),
        )
        session.add(letter)
        return letter.id

    letter_id, created = await create_once(session, Write.of("letters", idempotency_key, account, body), create)
    letter = await session.get(models.Letter, letter_id)
    if not created:
        response.status_code = 200
        return letter_out(letter, body.locale)  # the access code was shown once, with the first answer
    return letter_out(letter, body.locale, access_code)


@router.get("/letters/{ticket}", response_model=LetterOut)
async def read_letter(
    ticket: Annotated[Ticket, Path()],
    session: SessionDep,
    account: OptionalAccount,
    request: Request,
    access_code: Annotated[AccessCode | None, Query()] = None,
    locale: LocaleQuery = "zh",
) -> LetterOut:
    """Read a letter and its reply: its sender when logged in, or anyone with
    the ticket and access code (a few tries per letter and per caller)."""
    letter = await session.get(models.Letter, ticket)
    if letter is not None and account is not None and letter.account_id == account.id:
        return letter_out(letter, locale)
    buckets = Bucket.of(ACCESS_SUBJECT, ticket), Bucket.of(ACCESS_CALLER, client_address(request))
    await throttle.check(session, *buckets)
    if letter is None or not (access_code and hmac.compare_digest(digest(access_code), letter.access_code_hash)):
        await throttle.failed(session, *buckets)
        raise not_found("letter")
    return letter_out(letter, locale)


@router.get("/me/letters", response_model=list[LetterOut])
async def my_letters(account: CurrentAccount, session: SessionDep, locale: LocaleQuery = "zh") -> list[LetterOut]:
    rows = await session.exec(select(models.Letter).where(models.Letter.account_id == account.id).order_by(models.Letter.created_at.desc()))
    return [letter_out(r, locale) for r in rows]


@router.post("/evaluations", response_model=EvaluationOut, status_code=201)
async def rate(body: EvaluationIn, account: CurrentAccount, session: SessionDep) -> EvaluationOut:
    """Rate a finished application or a past appointment, once."""
    if body.target_type == "application":
        target = await session.get(models.Application, body.target_id)
        finished = target is not None and target.status == "completed"
    else:
        target = await session.get(models.Appointment, body.target_id)
        slot = await session.get(models.Slot, target.slot_id) if target else None
        finished = slot is not None and target.status == "booked" and dt.datetime.combine(slot.day, slot.ends) <= dt.datetime.now()
    if target is None or target.account_id != account.id:
        raise not_found(body.target_type)
    if not finished:
        raise ApiError(409, "not_finished", "only finished items can be rated")
    evaluation = models.Evaluation(**body.model_dump(), account_id=account.id)
    session.add(evaluation)
    try:
        await session.commit()
    except IntegrityError:
        await session.rollback()
        raise ApiError(409, "already_rated", "this item has already been rated") from None
    return EvaluationOut(**evaluation.model_dump())


@router.get("/evaluations/{target_type}/{target_id}", response_model=EvaluationOut)
async def read_rating(
    target_type: Literal["application", "appointment"],
    target_id: Annotated[str, Path(pattern=r"^\d{14}$")],
    account: CurrentAccount,
    session: SessionDep,
) -> EvaluationOut:
    rating = select(models.Evaluation).where(models.Evaluation.target_type == target_type, models.Evaluation.target_id == target_id)
    evaluation = (await session.exec(rating)).first()
    if evaluation is None or evaluation.account_id != account.id:
        raise not_found("evaluation")
    return EvaluationOut(**evaluation.model_dump())
