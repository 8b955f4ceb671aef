"""Loading what an information page shows, one way for every page.

A detail page (service guide, article, hall, expat guide) loads one record
by its id; a list page loads one or more listings. Either way the outcome is
one of the statuses in components/notices.py, decided here once: the content
(``READY``), the last good copy while the back end cannot be reached
(``STALE``), no such record (``NOT_FOUND``: an unknown id, or one the back
end refuses as malformed), or nothing to show (``UNAVAILABLE``).

A page waits at most ``READ_BUDGET`` seconds for a read (the typed clients
retry for longer): a page is served with the unavailable notice rather than
held while the back end is slow, and the read goes on to fill the cache for
the next request.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from clients.base import Cached, ClientError, InvalidInput, NotFound
from components.notices import NOT_FOUND, READY, STALE, UNAVAILABLE
from locales import api_locale

T = TypeVar("T")

READ_BUDGET = 3.0  # seconds

# Record ids are slugs ("ps-id-card", "2026-11-portal-maintenance"); anything
# else cannot name a record and is not sent to the back end.
RECORD_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,99}")


@dataclass(frozen=True)
class Loaded(Generic[T]):
    """What was loaded (``value``, None unless READY or STALE) and its status."""

    status: str
    value: T | None = None

    @property
    def shown(self) -> bool:
        """Whether there is content to show: fresh, or the last good copy."""
        return self.status in (READY, STALE)


async def load(read: Callable[[str], Awaitable[Cached[T]]], locale: str) -> Loaded[T]:
    """One read of the typed clients (``read`` takes the API locale) mapped
    to a status. Never raises a client error."""
    reading = asyncio.ensure_future(read(api_locale(locale)))
    try:
        result = await asyncio.wait_for(asyncio.shield(reading), READ_BUDGET)
    except TimeoutError:
        reading.add_done_callback(_settle)
        return Loaded(UNAVAILABLE)
    except (NotFound, InvalidInput):
        return Loaded(NOT_FOUND)
    except ClientError:
        return Loaded(UNAVAILABLE)
    return Loaded(STALE if result.stale else READY, result.value)


def _settle(reading: asyncio.Future) -> None:
    """A read that outlived its page: its outcome only fills the cache."""
    if not reading.cancelled():
        reading.exception()


async def load_record(read: Callable[[str, str], Awaitable[Cached[T]]], locale: str, record_id: str) -> Loaded[T]:
    """The record ``record_id`` through a client's read by id, such as
    ``clients.catalogue.service(locale, service_id)``."""
    if not RECORD_ID.fullmatch(record_id):
        return Loaded(NOT_FOUND)
    return await load(lambda language: read(language, record_id), locale)


async def live(read: Callable[[str], Awaitable[T]], locale: str) -> T | None:
    """A live read, never from a cache (how many people wait now): its value,
    or None when the back end cannot give it within the budget."""
    try:
        return await asyncio.wait_for(read(api_locale(locale)), READ_BUDGET)
    except (ClientError, TimeoutError):
        return None


def combined(*loaded: Loaded) -> str:
    """The status of a page built from several reads, each shown with its
    own notice: unavailable when none has anything to show, stale when any
    shows an old copy, else ready."""
    if not any(item.shown for item in loaded):
        return UNAVAILABLE
    return STALE if any(item.status == STALE for item in loaded) else READY
