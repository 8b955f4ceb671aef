"""The one way information pages load what they show (frontend/records.py):
every outcome of a read maps to the status the page reports, for all four
detail pages alike."""

from __future__ import annotations

import asyncio
import time

import pytest

from clients.base import Cached, InvalidInput, NotFound, RateLimited, Unavailable
from components.notices import NOT_FOUND, READY, STALE, UNAVAILABLE
from frontend import records
from frontend.records import Loaded, combined, live, load, load_record
from tests.conftest import run_async


def _reading(outcome):
    async def read(locale: str, record_id: str = ""):
        if isinstance(outcome, Exception):
            raise outcome
        return outcome

    return read


@pytest.mark.parametrize(
    ("outcome", "status"),
    [
        (Cached({"id": "x"}), READY),
        (Cached({"id": "x"}, stale=True), STALE),
        (NotFound("not_found"), NOT_FOUND),
        (InvalidInput({"service_id": "too_long"}), NOT_FOUND),  # an id the back end refuses names no record
        (Unavailable("unavailable"), UNAVAILABLE),
        (RateLimited("rate_limited"), UNAVAILABLE),
    ],
)
def test_each_outcome_of_a_read_has_its_status(outcome, status):
    loaded = run_async(load_record(_reading(outcome), "en", "ps-id-card"))
    assert loaded.status == status
    assert loaded.shown == (status in (READY, STALE))
    assert (loaded.value is not None) == loaded.shown


@pytest.mark.parametrize("record_id", ["", "a b", "../etc", "x" * 101, "ps-id-card\n", "<script>", "名前"])
def test_an_id_that_cannot_name_a_record_is_not_sent(record_id):
    asked = []

    async def read(locale: str, record_id: str):
        asked.append(record_id)
        return Cached({})

    assert run_async(load_record(read, "en", record_id)).status == NOT_FOUND
    assert not asked


def test_the_api_locale_is_asked_for():
    asked = []

    async def read(locale: str, record_id: str):
        asked.append(locale)
        return Cached({})

    run_async(load_record(read, "qps", "ps-id-card"))
    assert asked == ["en"]  # the pseudo-locale reads English content


def test_a_slow_read_gives_way_to_the_page_and_still_completes(monkeypatch):
    monkeypatch.setattr(records, "READ_BUDGET", 0.2)
    finished = []

    async def slow(locale: str):
        await asyncio.sleep(0.5)
        finished.append(locale)
        return Cached({})

    async def scenario():
        started = time.monotonic()
        loaded = await load(slow, "en")
        waited = time.monotonic() - started
        await asyncio.sleep(0.5)
        return loaded, waited

    loaded, waited = run_async(scenario())
    assert loaded.status == UNAVAILABLE
    assert waited < 0.45
    assert finished == ["en"]  # not cancelled: it fills the cache for the next request


def test_a_live_read_that_fails_is_none():
    async def failing(locale: str):
        raise Unavailable("unavailable")

    async def counted(locale: str):
        return {"city-centre": 3}

    assert run_async(live(failing, "en")) is None
    assert run_async(live(counted, "en")) == {"city-centre": 3}


def test_a_page_of_several_reads_is_unavailable_only_when_none_can_be_shown():
    ready, stale, gone = Loaded(READY, 1), Loaded(STALE, 1), Loaded(UNAVAILABLE)
    assert combined(ready, ready) == READY
    assert combined(ready, stale) == STALE
    assert combined(ready, gone) == READY  # the missing part says so itself
    assert combined(gone, stale) == STALE
    assert combined(gone, gone) == UNAVAILABLE
