"""What the routes share: the database session, the current account, the
locale, paging and idempotency keys."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated, Literal

from fastapi import Depends, Header, Query, Request
from pydantic import PlainSerializer, WithJsonSchema
from sqlmodel import Session

from backend.errors import ApiError
from backend.models import Account, AuthToken, utcnow
from backend.security import digest

Locale = Literal["zh", "en", "ja", "ko", "fr"]
LocaleQuery = Annotated[Locale, Query(description="Language of the texts in the response")]


def get_session(request: Request) -> Iterator[Session]:
    with Session(request.app.state.engine, expire_on_commit=False) as session:
        yield session


SessionDep = Annotated[Session, Depends(get_session)]


def _account_from_token(session: Session, authorization: str | None) -> Account | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise ApiError(401, "unauthorized", "a bearer token is required")
    stored = session.get(AuthToken, digest(token.strip()))
    if stored is None:
        raise ApiError(401, "unauthorized", "the token is not valid")
    if stored.expires_at <= utcnow():
        session.delete(stored)
        session.commit()
        raise ApiError(401, "token_expired", "the session has expired")
    return session.get(Account, stored.account_id)


def optional_account(
    session: SessionDep, authorization: Annotated[str | None, Header(max_length=512)] = None
) -> Account | None:
    return _account_from_token(session, authorization)


def required_account(
    session: SessionDep, authorization: Annotated[str | None, Header(max_length=512)] = None
) -> Account:
    account = _account_from_token(session, authorization)
    if account is None:
        raise ApiError(401, "unauthorized", "log in first")
    return account


OptionalAccount = Annotated[Account | None, Depends(optional_account)]
CurrentAccount = Annotated[Account, Depends(required_account)]
IdempotencyKey = Annotated[str | None, Header(alias="Idempotency-Key", max_length=100, pattern=r"^[A-Za-z0-9_.:-]+$")]
Page = Annotated[int, Query(ge=1, le=10_000)]
# A time of day as "HH:MM" (JSON Schema's "time" format would demand a UTC offset).
ClockTime = Annotated[
    dt.time,
    PlainSerializer(lambda value: value.strftime("%H:%M"), return_type=str),
    WithJsonSchema({"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"}),
]
Size = Annotated[int, Query(ge=1, le=50)]


def today() -> dt.date:
    return dt.date.today()
