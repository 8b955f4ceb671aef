"""Logging in (phone and password, phone and one-time code, passport) and the
personal centre: profile, subscriptions and messages."""

from __future__ import annotations

import datetime as dt
import hmac
import logging
from typing import Annotated, Literal

import anyio
from fastapi import APIRouter, Path, Request, Response
from pydantic import BaseModel, Field
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from backend import models
from backend.api.deps import CurrentAccount, LocaleQuery, SessionDep
from backend.errors import ApiError, field_invalid, not_found
from backend.localize import text
from backend import throttle
from backend.security import digest, hash_password, new_code, new_token, verify_password
from backend.throttle import Bucket, Rule, client_address
from backend.validation import MobileCN, OneTimeCode, Passport, Password, mask_id_number, mask_phone

router = APIRouter(tags=["accounts"])
log = logging.getLogger("backend.otp")

CODE_TTL = dt.timedelta(minutes=5)
CODE_RESEND_AFTER = dt.timedelta(seconds=60)
CODE_MAX_ATTEMPTS = 5  # a code is burnt after these misses; the subject's cool-down outlives it

# Failed log-ins slow whoever fails, and never lock the owner out (backend/throttle.py):
LOGIN_HERE = Rule("login:caller-subject", free=3, first=1, cap=15 * 60)  # this caller on this account
LOGIN_CALLER = Rule("login:caller", free=10, first=1, cap=60 * 60)  # this caller on any account
LOGIN_SUBJECT = Rule("login:subject", free=20, first=1, cap=30)  # any caller on this account: the owner waits 30 s at most
CODE_SUBJECT = Rule("code:subject", free=CODE_MAX_ATTEMPTS, first=60, cap=60 * 60)  # this phone, whichever code was sent
CODE_CALLER = Rule("code:caller", free=10, first=60, cap=60 * 60)
# An unknown account's password is checked against this, so it takes a known one's time.
_NOBODY = hash_password(new_token())


class PasswordLogin(BaseModel):
    phone: MobileCN
    password: Password


class CodeRequest(BaseModel):
    phone: MobileCN


class CodeLogin(BaseModel):
    phone: MobileCN
    code: OneTimeCode


class PassportLogin(BaseModel):
    passport_number: Passport
    nationality: str = Field(pattern=r"^[A-Z]{2}$")
    password: Password


class Profile(BaseModel):
    id: str
    kind: Literal["resident", "foreigner"]
    name: str
    phone_masked: str | None
    id_number_masked: str | None
    passport_masked: str | None
    nationality: str | None
    address: str | None
    # Unmasked values, for pre-filling the owner's own forms only.
    phone: str | None
    id_number: str | None
    passport_number: str | None


class LoginResult(BaseModel):
    token: str
    expires_at: dt.datetime
    profile: Profile


class CodeSent(BaseModel):
    sent: bool
    retry_after_seconds: int


class SubscriptionIn(BaseModel):
    topic: Literal["service", "theme", "article-kind"]
    target: str = Field(min_length=1, max_length=60, pattern=r"^[a-z0-9-]+$")


class SubscriptionOut(SubscriptionIn):
    id: int
    name: str


class MessageOut(BaseModel):
    id: int
    kind: str
    reference: str
    title: str
    body: str
    read: bool
    created_at: dt.datetime


def profile(account: models.Account) -> Profile:
    passport = account.passport_number
    return Profile(
        id=account.id,
        kind=account.kind,
        name=account.name,
        phone_masked=mask_phone(account.phone),
        id_number_masked=mask_id_number(account.id_number),
        passport_masked=f"{passport[:2]}{'*' * (len(passport) - 4)}{passport[-2:]}" if passport else None,
        nationality=account.nationality,
        address=account.address,
        phone=account.phone,
        id_number=account.id_number,
        passport_number=passport,
    )


async def _start_session(session: AsyncSession, request: Request, account: models.Account) -> LoginResult:
    token = new_token()
    expires = models.utcnow() + dt.timedelta(minutes=request.app.state.settings.token_ttl_minutes)
    session.add(models.AuthToken(token_hash=digest(token), account_id=account.id, expires_at=expires))
    await session.commit()
    return LoginResult(token=token, expires_at=expires, profile=profile(account))


def _login_buckets(request: Request, subject: str) -> tuple[Bucket, Bucket, Bucket]:
    caller = client_address(request)
    return Bucket.of(LOGIN_HERE, caller, subject), Bucket.of(LOGIN_CALLER, caller), Bucket.of(LOGIN_SUBJECT, subject)


async def _check_password(session: AsyncSession, request: Request, subject: str, account: models.Account | None, password: str) -> models.Account:
    """The account, when ``password`` is its own. ``subject`` is what the caller
    typed (a phone, a passport): known and unknown accounts are throttled,
    checked (scrypt) and answered alike; a lock set by staff is told only to
    someone who knows the password."""
    here, caller, everywhere = _login_buckets(request, subject)
    await throttle.check(session, here, caller, everywhere)
    # scrypt takes tens of milliseconds: in a worker thread, not on the event loop.
    matches = await anyio.to_thread.run_sync(verify_password, password, account.password_hash if account else _NOBODY)
    if account is None or not matches:
        await throttle.failed(session, here, caller, everywhere)
        raise ApiError(401, "wrong_credentials", "the details do not match an account")
    if account.locked_until and throttle.aware(account.locked_until) > models.utcnow():
        raise ApiError(423, "account_locked", "this account is locked; call 12345")
    await throttle.succeeded(session, here, everywhere)
    return account


@router.post("/auth/password", response_model=LoginResult)
async def log_in_with_password(body: PasswordLogin, session: SessionDep, request: Request) -> LoginResult:
    account = (await session.exec(select(models.Account).where(models.Account.phone == body.phone))).first()
    return await _start_session(session, request, await _check_password(session, request, f"phone:{body.phone}", account, body.password))


@router.post("/auth/passport", response_model=LoginResult)
async def log_in_with_passport(body: PassportLogin, session: SessionDep, request: Request) -> LoginResult:
    holder = select(models.Account).where(
        models.Account.passport_number == body.passport_number, models.Account.nationality == body.nationality
    )
    account = (await session.exec(holder)).first()
    subject = f"passport:{body.nationality}:{body.passport_number}"
    return await _start_session(session, request, await _check_password(session, request, subject, account, body.password))


@router.post("/auth/code/request", response_model=CodeSent, status_code=202)
async def request_code(body: CodeRequest, session: SessionDep) -> CodeSent:
    """Send a one-time code. The reference back end writes it to its log
    (an operator reads it there); production sends an SMS."""
    now = models.utcnow()
    existing = await session.get(models.OneTimeCode, body.phone)
    if existing and now - existing.sent_at < CODE_RESEND_AFTER:
        wait = int((CODE_RESEND_AFTER - (now - existing.sent_at)).total_seconds()) + 1
        raise ApiError(429, "rate_limited", f"wait {wait} seconds before asking again")
    code = new_code()
    record = existing or models.OneTimeCode(phone=body.phone, code_hash="", expires_at=now, sent_at=now)
    record.code_hash = digest(f"{body.phone}:{code}")
    record.expires_at = now + CODE_TTL
    record.sent_at = now
    record.attempts = 0
    session.add(record)
    await session.commit()
    log.warning("one-time code for the phone ending %s: %s", body.phone[-4:], code)
    return CodeSent(sent=True, retry_after_seconds=int(CODE_RESEND_AFTER.total_seconds()))


@router.post("/auth/code", response_model=LoginResult)
async def log_in_with_code(body: CodeLogin, session: SessionDep, request: Request) -> LoginResult:
    """Log in with the code sent to the phone. Misses count against the phone
    (whichever code it was sent) and the caller, with cool-downs (429)."""
    phone, caller = Bucket.of(CODE_SUBJECT, body.phone), Bucket.of(CODE_CALLER, client_address(request))
    await throttle.check(session, phone, caller)
    record = await session.get(models.OneTimeCode, body.phone)
    if record is not None and (record.expires_at <= models.utcnow() or record.attempts >= CODE_MAX_ATTEMPTS):
        await session.delete(record)
        await session.commit()
        raise ApiError(401, "code_expired", "the code has expired; ask for a new one")
    if record is None or not hmac.compare_digest(record.code_hash, digest(f"{body.phone}:{body.code}")):
        if record is not None:
            record.attempts += 1
            session.add(record)
        await throttle.failed(session, phone, caller)
        raise ApiError(401, "code_invalid", "the code is not correct")
    account = (await session.exec(select(models.Account).where(models.Account.phone == body.phone))).first()
    await session.delete(record)
    await throttle.succeeded(session, phone)
    if account is None:
        await session.commit()
        raise ApiError(401, "wrong_credentials", "no account uses this phone number")
    if account.locked_until and throttle.aware(account.locked_until) > models.utcnow():
        await session.commit()
        raise ApiError(423, "account_locked", "this account is locked; call 12345")
    return await _start_session(session, request, account)


@router.post("/auth/logout", status_code=204)
async def log_out(account: CurrentAccount, session: SessionDep, request: Request) -> Response:
    token = request.headers["authorization"].partition(" ")[2].strip()
    stored = await session.get(models.AuthToken, digest(token))
    if stored:
        await session.delete(stored)
        await session.commit()
    return Response(status_code=204)


@router.get("/me", response_model=Profile)
async def me(account: CurrentAccount) -> Profile:
    return profile(account)


ARTICLE_KINDS = {
    "news": {"zh": "政务动态", "en": "News", "ja": "ニュース", "ko": "소식", "fr": "Actualités"},
    "notice": {"zh": "通知公告", "en": "Notices", "ja": "お知らせ", "ko": "공지사항", "fr": "Avis et annonces"},
    "policy": {"zh": "政策解读", "en": "Policy explained", "ja": "政策解説", "ko": "정책 해설", "fr": "Politiques expliquées"},
}


async def _topic_name(session: AsyncSession, topic: str, target: str, locale: str) -> str | None:
    table = {"service": models.Service, "theme": models.Theme}.get(topic)
    if table is not None:
        record = await session.get(table, target)
        return text(record.data["name"], locale) if record else None
    return text(ARTICLE_KINDS[target], locale) if target in ARTICLE_KINDS else None


@router.get("/me/subscriptions", response_model=list[SubscriptionOut])
async def my_subscriptions(account: CurrentAccount, session: SessionDep, locale: LocaleQuery = "zh") -> list[SubscriptionOut]:
    rows = await session.exec(select(models.Subscription).where(models.Subscription.account_id == account.id).order_by(models.Subscription.id))
    return [SubscriptionOut(id=r.id, topic=r.topic, target=r.target, name=await _topic_name(session, r.topic, r.target, locale) or r.target) for r in rows]


@router.post(
    "/me/subscriptions", response_model=SubscriptionOut, status_code=201,
    responses={200: {"model": SubscriptionOut, "description": "Already subscribed: the existing subscription"}},
)
async def subscribe(body: SubscriptionIn, account: CurrentAccount, session: SessionDep, response: Response, locale: LocaleQuery = "zh") -> SubscriptionOut:
    name = await _topic_name(session, body.topic, body.target, locale)
    if name is None:
        raise field_invalid("target", "invalid_choice")
    same = select(models.Subscription).where(
        models.Subscription.account_id == account.id, models.Subscription.topic == body.topic, models.Subscription.target == body.target
    )
    existing = (await session.exec(same)).first()
    if existing:
        response.status_code = 200
        return SubscriptionOut(id=existing.id, topic=existing.topic, target=existing.target, name=name)
    row = models.Subscription(account_id=account.id, topic=body.topic, target=body.target)
    session.add(row)
    await session.commit()
    return SubscriptionOut(id=row.id, topic=row.topic, target=row.target, name=name)


@router.delete("/me/subscriptions/{subscription_id}", status_code=204)
async def unsubscribe(subscription_id: Annotated[int, Path(ge=1, le=2**31 - 1)], account: CurrentAccount, session: SessionDep) -> Response:
    row = await session.get(models.Subscription, subscription_id)
    if row is None or row.account_id != account.id:
        raise not_found("subscription")
    await session.delete(row)
    await session.commit()
    return Response(status_code=204)


@router.get("/me/messages", response_model=list[MessageOut])
async def my_messages(account: CurrentAccount, session: SessionDep, locale: LocaleQuery = "zh") -> list[MessageOut]:
    rows = await session.exec(select(models.Message).where(models.Message.account_id == account.id).order_by(models.Message.created_at.desc()))
    return [
        MessageOut(
            id=r.id,
            kind=r.kind,
            reference=r.reference,
            title=text(r.data["title"], locale),
            body=text(r.data["body"], locale),
            read=r.read,
            created_at=r.created_at,
        )
        for r in rows
    ]


@router.post("/me/messages/{message_id}/read", response_model=MessageOut)
async def mark_read(message_id: Annotated[int, Path(ge=1, le=2**31 - 1)], account: CurrentAccount, session: SessionDep, locale: LocaleQuery = "zh") -> MessageOut:
    row = await session.get(models.Message, message_id)
    if row is None or row.account_id != account.id:
        raise not_found("message")
    row.read = True
    session.add(row)
    await session.commit()
    return MessageOut(
        id=row.id, kind=row.kind, reference=row.reference, title=text(row.data["title"], locale),
        body=text(row.data["body"], locale), read=True, created_at=row.created_at,
    )
