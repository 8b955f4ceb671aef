"""No request path starves another: a burst of a few hundred concurrent
callers on the API embedded in the portal gets answers (200, or 503 with
Retry-After), never a 500 or a hang; static pages answer during the burst;
and the API answers again after it, with no restart."""

from __future__ import annotations

import asyncio
import itertools
import threading
import time
from collections import Counter

import httpx

from tests.conftest import run_async
from tests.http_load import Connection

CALLERS = 300
BURST_SECONDS = 10
API_PATHS = [
    "/api/v1/services?locale=zh",
    "/api/v1/services/ps-id-card?locale=fr",
    "/api/v1/search?q=passport&locale=en",
    "/api/v1/search?q=shebao&locale=zh",
    "/api/v1/halls/city-centre/slots",
    "/api/v1/articles?locale=ja",
]
STATIC_PATHS = ["/zh/", "/en/services/", "/fr/accessibility/"]


async def _caller(port: int, index: int, stop: float, answers: list) -> None:
    """One caller on its own connection, asking again as soon as it has an answer."""
    connection = Connection("127.0.0.1", port)
    try:
        for path in itertools.islice(itertools.cycle(API_PATHS), index % len(API_PATHS), None):
            if time.monotonic() >= stop:
                return
            try:
                answer = await connection.get(path)
                answers.append((answer.status, answer.headers.get("retry-after")))
            except (OSError, asyncio.IncompleteReadError, TimeoutError) as error:
                answers.append((type(error).__name__, None))
    finally:
        await connection.close()


def _static_during(base_url: str, burst_running: threading.Event, seen: list) -> None:
    """Static pages fetched one after another while the burst runs, from a
    thread of their own (the burst's event loop would delay them here, not
    in the server): (path, status, whether the burst was still running)."""
    with httpx.Client(base_url=base_url, timeout=60) as client:
        time.sleep(2)
        while burst_running.is_set():
            for path in STATIC_PATHS:
                try:
                    status = client.get(path).status_code
                except httpx.HTTPError as error:
                    status = type(error).__name__
                seen.append((path, status, burst_running.is_set()))


def _burst(base_url: str, port: int) -> tuple[list, list]:
    answers: list = []
    pages: list = []
    running = threading.Event()
    running.set()
    static = threading.Thread(target=_static_during, args=(base_url, running, pages))

    async def callers() -> None:
        stop = time.monotonic() + BURST_SECONDS
        await asyncio.gather(*(_caller(port, index, stop, answers) for index in range(CALLERS)))

    static.start()
    try:
        run_async(callers())
    finally:
        running.clear()
        static.join()
    return answers, pages


def test_a_burst_on_the_api_is_answered_and_starves_nothing(portal):
    answers, pages = _burst(portal.url, portal.port)
    statuses = Counter(status for status, _ in answers)
    print("burst answers:", dict(statuses), "static during the burst:", Counter(status for _, status, _ in pages))
    assert set(statuses) <= {200, 503}, statuses  # no 500, no timeout, no dropped connection
    assert all(retry for status, retry in answers if status == 503), "every 503 says when to come back"
    assert statuses[200] > 0
    assert pages and all(status == 200 for _, status, _ in pages), pages
    assert any(during for _, _, during in pages), "static pages answered while the callers were at it"

    with httpx.Client(base_url=portal.url, timeout=30) as client:
        for path in API_PATHS:
            response = client.get(path)
            assert response.status_code == 200, (path, response.status_code)
