"""Idempotency keys, scoped to their owner and to the request they came with.

A write sent again with the same ``Idempotency-Key`` - a double click, a
retry after an outage - gets the record the first one made, but only when
it comes from the same owner (the same account, or no account) with the
same body. The same key with another body is refused with 422
(``idempotency_key_reused``), from another owner with 409
(``idempotency_key_in_use``): never the stored record. For anonymous writes
the body is the scope: only someone who holds both the random key and the
identical submission gets the stored answer.

The key is claimed in the transaction that creates the record, so of several
identical requests racing, one creates it and the others - stopped by the
key's primary key, or by SQLite's write lock - read it and return it.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlmodel.ext.asyncio.session import AsyncSession

from backend import models
from backend.errors import ApiError
from backend.security import digest


@dataclass(frozen=True)
class Write:
    """One idempotent write: ``scope`` names the operation ("applications"),
    ``key`` is the client's Idempotency-Key (None: not idempotent)."""

    scope: str
    key: str | None
    owner: str
    fingerprint: str

    @classmethod
    def of(cls, scope: str, key: str | None, account: models.Account | None, body: BaseModel) -> Write:
        canonical = json.dumps(body.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
        return cls(scope, key, f"account:{account.id}" if account else "anonymous", digest(canonical))


async def _done(session: AsyncSession, write: Write) -> str | None:
    """The id of the record this key stands for, when this is the same request again."""
    if write.key is None:
        return None
    stored = await session.get(models.IdempotentRequest, (write.scope, write.key))
    if stored is None:
        return None
    if stored.owner != write.owner:
        raise ApiError(409, "idempotency_key_in_use", "this Idempotency-Key was used by someone else")
    if stored.fingerprint != write.fingerprint:
        raise ApiError(422, "idempotency_key_reused", "this Idempotency-Key was used with another request")
    return stored.resource_id


async def create_once(session: AsyncSession, write: Write, create: Callable[[], Awaitable[str]]) -> tuple[str, bool]:
    """The record's id and whether this call created it. ``create`` adds the
    record (and whatever goes with it) to the session and returns its id;
    it is committed here with the claim on the key."""
    if done := await _done(session, write):
        return done, False
    try:
        resource_id = await create()
        if write.key is not None:
            session.add(models.IdempotentRequest(scope=write.scope, key=write.key, owner=write.owner, fingerprint=write.fingerprint, resource_id=resource_id))
        await session.commit()
        return resource_id, True
    except (IntegrityError, OperationalError):
        # Another request with this key got there first, or holds SQLite's write lock while it does.
        await session.rollback()
        if done := await _done(session, write):
            return done, False
        raise
