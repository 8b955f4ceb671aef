"""Limits on guessing: failed attempts are counted in buckets - per subject
(a phone number, an account, a letter, an appointment) and per client (the
caller's address) - and past a few free failures each further attempt must
wait a cool-down that doubles with every failure, up to a cap.

The counts belong to the subject, not to the secret being guessed: asking
for a new one-time code does not give anyone new tries. Buckets are keyed
by a digest, so the table holds no phone numbers or addresses; a bucket
forgets its failures a day after the last one.

The caller's address is the peer's, or - when the peer is a trusted proxy,
such as the portal calling in process - the last address it put in
``X-Forwarded-For``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from fastapi import Request
from sqlmodel.ext.asyncio.session import AsyncSession

from backend import models
from backend.errors import ApiError
from backend.security import digest

FORGET_AFTER = dt.timedelta(days=1)


@dataclass(frozen=True)
class Rule:
    """``free`` failures pass; then each attempt waits ``first`` seconds,
    doubling with every further failure, at most ``cap`` seconds."""

    name: str
    free: int
    first: float
    cap: float

    def cool_down(self, failures: int) -> dt.timedelta:
        if failures < self.free:
            return dt.timedelta(0)
        return dt.timedelta(seconds=min(self.cap, self.first * 2 ** (failures - self.free)))


def client_address(request: Request) -> str:
    """The caller's address (see the module's description)."""
    peer = request.client.host if request.client else ""
    forwarded = [part.strip() for part in request.headers.get("x-forwarded-for", "").split(",") if part.strip()]
    if forwarded and peer in request.app.state.settings.trusted_proxies:
        return forwarded[-1]
    return peer


@dataclass(frozen=True)
class Bucket:
    rule: Rule
    key: str  # digested

    @classmethod
    def of(cls, rule: Rule, *parts: str) -> Bucket:
        return cls(rule, digest(":".join((rule.name, *parts))))


async def _records(session: AsyncSession, buckets: tuple[Bucket, ...]) -> list[tuple[Bucket, models.Throttle]]:
    now = models.utcnow()
    found = []
    for bucket in buckets:
        record = await session.get(models.Throttle, bucket.key)
        if record is None or aware(record.last_failure) + FORGET_AFTER < now:
            record = record or models.Throttle(key=bucket.key, last_failure=now)
            record.failures = 0
        found.append((bucket, record))
    return found


def aware(moment: dt.datetime) -> dt.datetime:
    """A stored time as UTC (SQLite gives times back without their zone)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


async def check(session: AsyncSession, *buckets: Bucket) -> None:
    """Refuse the attempt (429, with ``Retry-After``) while any bucket cools down."""
    now = models.utcnow()
    wait = 0.0
    for bucket, record in await _records(session, buckets):
        if cool_down := bucket.rule.cool_down(record.failures):
            wait = max(wait, (aware(record.last_failure) + cool_down - now).total_seconds())
    if wait > 0:
        seconds = str(int(wait) + 1)
        raise ApiError(429, "too_many_attempts", f"too many failed attempts; wait {seconds} seconds", headers={"Retry-After": seconds})


async def failed(session: AsyncSession, *buckets: Bucket) -> None:
    """Count a failed attempt in every bucket (committed)."""
    now = models.utcnow()
    for _bucket, record in await _records(session, buckets):
        record.failures += 1
        record.last_failure = now
        session.add(record)
    await session.commit()


async def succeeded(session: AsyncSession, *buckets: Bucket) -> None:
    """Forget the failures of these buckets (added to the session, not committed)."""
    for _bucket, record in await _records(session, buckets):
        if record.failures:
            record.failures = 0
            session.add(record)
