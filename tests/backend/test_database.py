"""The reference API's database layer under pressure: a saturated pool or a
held lock is a quick 503 with Retry-After, and requests cancelled at any point
(a client that goes away) give their connections back."""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import threading
import warnings
from contextlib import asynccontextmanager

import anyio
import httpx
import pytest
from sqlalchemy import text

from backend.db import make_engine
from tests.conftest import fresh_settings

LETTER = {"kind": "suggestion", "category": "other", "subject": "s", "body": "b", "contact_preference": "none", "locale": "en"}


@asynccontextmanager
async def engine_of(api_app, api_settings, **pool):
    """The API on a connection pool of its own (``db_pool_size``, ``db_timeout_seconds``), and a client calling it in this loop."""
    engine = make_engine(dataclasses.replace(api_settings, **pool))
    original, api_app.state.engine = api_app.state.engine, engine
    try:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(api_app), base_url="http://api") as client:
            yield engine, client
    finally:
        api_app.state.engine = original
        await engine.dispose()


def assert_overloaded(response: httpx.Response) -> None:
    assert response.status_code == 503, response.text
    assert int(response.headers["Retry-After"]) > 0
    assert response.json()["error"]["code"] == "overloaded"


def test_no_free_connection_is_a_503_with_retry_after(api_app, api_settings):
    async def scenario():
        async with engine_of(api_app, api_settings, db_pool_size=1, db_timeout_seconds=0.5) as (engine, client):
            async with engine.connect() as held:
                await held.execute(text("SELECT 1"))  # the only connection, taken
                busy = await asyncio.wait_for(client.get("/services"), timeout=60)  # a hang fails, not blocks the suite
            return busy, await client.get("/services")

    busy, after = asyncio.run(scenario())
    assert_overloaded(busy)
    assert after.status_code == 200


def test_a_write_behind_a_held_lock_is_a_503_with_retry_after(api_app, api_settings, api_db):
    async def scenario():
        async with engine_of(api_app, api_settings, db_timeout_seconds=0.5) as (_engine, client):
            with api_db.begin() as connection:
                # SQLite's write lock (the sync engine's BEGIN IMMEDIATE), or PostgreSQL's lock on the table.
                if connection.dialect.name == "postgresql":
                    connection.execute(text("LOCK TABLE letter IN EXCLUSIVE MODE"))
                blocked = await asyncio.wait_for(client.post("/letters", json=LETTER), timeout=60)
            return blocked, await client.post("/letters", json=LETTER)

    blocked, after = asyncio.run(scenario())
    assert_overloaded(blocked)
    assert after.status_code == 201


@pytest.mark.parametrize("cancel", ["task", "cancel scope"])
def test_cancelled_requests_give_their_connections_back(api_app, api_settings, cancel):
    """Requests cancelled after 0 to 60 turns of the event loop: waiting for a
    connection, mid-query, mid-commit or closing. Then the pool is whole and serves."""

    async def call(client: httpx.AsyncClient, n: int) -> None:
        if n % 3 == 0:
            await client.get("/services", params={"size": 50})
        elif n % 3 == 1:
            await client.post("/letters", json=LETTER)
        else:  # holds its connection while the password is checked in a thread
            await client.post("/auth/password", json={"phone": "13800138000", "password": "Haizhou-2026"})

    async def scenario():
        async with engine_of(api_app, api_settings, db_pool_size=2, db_timeout_seconds=5) as (engine, client):
            for turns in range(0, 60, 2):
                if cancel == "task":
                    tasks = [asyncio.create_task(call(client, n)) for n in range(6)]
                    for _ in range(turns):
                        await asyncio.sleep(0)
                    for task in tasks:
                        task.cancel()
                    await asyncio.gather(*tasks, return_exceptions=True)
                else:
                    async with anyio.create_task_group() as group:
                        group.cancel_scope.deadline = anyio.current_time() + turns / 2000
                        for n in range(6):
                            group.start_soon(call, client, n)
            left_out = engine.pool.checkedout()
            served = await asyncio.gather(*(client.get("/services") for _ in range(8)))
            return left_out, [r.status_code for r in served]

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        left_out, served = asyncio.run(scenario())
        gc.collect()
    assert left_out == 0
    # A connection left to the garbage collector is terminated, with this warning: it must never come to that.
    assert not [w for w in caught if "garbage collector" in str(w.message)], [str(w.message)[:120] for w in caught]
    assert served == [200] * 8




# Keeps SQLite's one worker thread busy for about a second.
SLOW_QUERY = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT count(*) FROM n"


# When the loop has ended first, the busy worker's report of its last job
# meets a closed loop and its thread ends on that error (aiosqlite): expected
# here, where the loop is ended on purpose, and kept to this test.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
@pytest.mark.parametrize("timing", ["close, then stop", "stop, then close", "the loop ends while closing"])
def test_a_terminated_sqlite_connection_leaves_no_close_waiting(tmp_path, request, timing):
    """SQLAlchemy ends a cancelled request's SQLite connection with a graceful
    close under ``asyncio.shield`` and, when that wait is cancelled too, a
    forced stop at once. However the two meet, the close must end: one that
    waits on the stopped worker is a task pending for ever, and an event loop
    (a test's ``asyncio.run``, a server shutting down) that never finishes."""
    sqlite = fresh_settings("sqlite", tmp_path, request)

    async def terminate() -> bool:
        """Whether the graceful close ended, and without an error."""
        engine = make_engine(sqlite)
        pooled = await engine.raw_connection()
        driver = pooled.driver_connection
        pooled.detach()  # open and out of the pool's hands: this test ends it
        workers.append(driver._thread)
        if timing == "the loop ends while closing":
            asyncio.ensure_future(driver.execute(SLOW_QUERY))
            await asyncio.sleep(0)
        graceful = asyncio.ensure_future(driver.close())
        if timing != "stop, then close":
            await asyncio.sleep(0)  # the graceful close has queued its work
        stopped = driver.stop()
        if timing == "the loop ends while closing":
            return True  # asyncio.run cancels the close while the worker is still busy
        await asyncio.wait({graceful, stopped}, timeout=5)
        await engine.dispose()
        return graceful.done() and graceful.exception() is None

    outcome: list[bool | BaseException] = []
    workers: list[threading.Thread] = []

    def run() -> None:
        try:
            outcome.append(asyncio.run(terminate()))
        except BaseException as error:  # noqa: BLE001 - reported below, in the test's thread
            outcome.append(error)

    loop = threading.Thread(target=run, daemon=True)  # a loop that never finishes must not hold up the suite
    loop.start()
    loop.join(timeout=30)
    for worker in workers:
        worker.join(timeout=30)  # within this test, so nothing it reports lands on a later one
    assert outcome, "the event loop never finished"
    assert outcome == [True], "the graceful close never ended" if outcome == [False] else outcome
