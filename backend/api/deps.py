"""What the routes share: the database session, the current account, the
locale, paging and idempotency keys."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Annotated, Literal

from fastapi import Depends, Header, Query, Request
from pydantic import PlainSerializer, WithJsonSchema
from sqlmodel.ext.asyncio.session import AsyncSession

from backend.errors import ApiError
from backend.models import Account, AuthToken, utcnow
from backend.security import digest

Locale = Literal["zh", "en", "ja", "ko", "fr"]
LocaleQuery = Annotated[Locale, Query(description="Language of the texts in the response")]


async def get_session(request: Request) -> AsyncIterator[AsyncSession]:
    """One session per request, on the asyncio engine. Nothing is expired at
    commit, so attributes never load lazily (which asyncio cannot do)."""
    async with AsyncSession(request.app.state.engine, expire_on_commit=False) as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session)]


async def _account_from_token(session: AsyncSession, authorization: str | None) -> Account | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise ApiError(401, "unauthorized", "a bearer token is required")
    stored = await session.get(AuthToken, digest(token.strip()))
    if stored is None:
        raise ApiError(401, "unauthorized", "the token is not valid")
    if stored.expires_at <= utcnow():
        await session.delete(stored)
        await session.commit()
        raise ApiError(401, "token_expired", "the session has expired")
    return await session.get(Account, stored.account_id)


async def optional_account(
    session: SessionDep, authorization: Annotated[str | None, Header(max_length=512)] = None
) -> Account | None:
    return await _account_from_token(session, authorization)


async def required_account(
    session: SessionDep, authorization: Annotated[str | None, Header(max_length=512)] = None
) -> Account:
    account = await _account_from_token(session, authorization)
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
