"""Budget: the portal under mixed load on this machine, with one worker and
with two workers on Redis (a real redis-server).

Each client is a person with a page open: a Socket.IO session speaking
Reflex's event protocol as a browser tab does (hydrated on connect like a
service guide, whose on_load reads the catalogue; answering the server's
pings), and a keep-alive HTTP connection. Sessions connect at 100 a second;
the load starts once the server has settled (its CPU quiet again).
At people's pace (1 to 9 s between actions, 5 s on average) each does one of:
fetch a static page or asset (40 %), read the API (30 %: catalogue lists and
details, which the API caches, and search, which it does not), or send a page
event (30 %: the search box's suggestions, a handler calling the typed
client). At 200, 1,000 and 2,000 clients: actions per second, p50/p95 per
kind, errors, and the memory each live session costs (the server's processes
and, on Redis, Redis itself). Then an overload (400 callers asking the API
back to back and 400 sessions sending events back to back, for 15 s), and
the time from its end until a static page, an API read and a page event all
answer again within a second.

Printed and saved to tests/artifacts/bench-mixed-load.json, never asserted.
The machine is shared (other work may run beside it): the figures say what
was measured then, not what the machine can do alone.
"""

from __future__ import annotations

import asyncio
import json
import random
import statistics
import time
import uuid
from collections import Counter, defaultdict

import httpx
import psutil
import pytest
import redis
import websockets

from frontend.pages.search import SearchState
from locales import LOCALES
from reflex.state import State
from tests.conftest import ARTIFACTS, run_async
from tests.http_load import Connection
from tests.portal_server import PortalServer, free_port

LEVELS = (200, 1000, 2000)
RUN_SECONDS = 40
THINK = (1.0, 9.0)
MIX = (("static", 0.4), ("api", 0.3), ("event", 0.3))
STATIC_PATHS = ("/zh/", "/en/services/", "/fr/expat/", "/ja/news/")
API_PATHS = (
    "/api/v1/services?locale=zh",
    "/api/v1/services?locale=en&page=2",
    "/api/v1/services/ps-id-card?locale=fr",
    "/api/v1/halls?locale=ko",
    "/api/v1/expat-guides/visas?locale=en",
    "/api/v1/search?q=passport&locale=en",
)
WORDS = ("pass", "shebao", "社保", "visa", "居住", "여권", "パス", "titre")
NAMESPACE = "/_event"
TIMEOUT = 10.0  # seconds; a later answer counts as an error
OVERLOAD_SECONDS = 15
OVERLOAD_CALLERS = 400
RECOVERED_WITHIN = 1.0  # seconds each probe may take once recovered


class Session:
    """One Socket.IO session on Reflex's event namespace."""

    def __init__(self, url: str, locale: str):
        self.url, self.locale = url, locale
        self.socket = None

    async def open(self) -> None:
        """Connect with a hydrate of the search page in the CONNECT packet, as the browser does, and wait for it."""
        token = str(uuid.uuid4())
        self.socket = await websockets.connect(f"{self.url}/_event/?token={token}&EIO=4&transport=websocket", max_size=None, open_timeout=60)
        await self.socket.recv()  # engine.io open
        boot = {"name": f"{State.get_full_name()}.hydrate_and_load", "payload": {}, "router_data": self._router("services/ps-id-card/")}
        await self.socket.send(f"40{NAMESPACE}," + json.dumps({"event": boot}, ensure_ascii=False))
        await asyncio.wait_for(self._update(), 60)
        await self._quiet(0.5)  # the page's on_load follows the hydrate

    def _router(self, path: str) -> dict:
        pathname, _, query = path.partition("?")
        full = f"/{self.locale}/{pathname}"
        return {"pathname": full, "query": dict(p.split("=") for p in query.split("&") if p), "asPath": f"{full}?{query}" if query else full}

    async def event(self, text: str) -> None:
        event = {"name": f"{SearchState.get_full_name()}.suggest", "payload": {"locale": self.locale, "text": text}, "router_data": self._router("search/")}
        await self.socket.send(f"42{NAMESPACE}," + json.dumps(["event", event], ensure_ascii=False))
        await asyncio.wait_for(self._update(), TIMEOUT)

    async def _update(self) -> None:
        while True:
            message = await self.socket.recv()
            if message == "2":
                await self.socket.send("3")
            elif message.startswith(f'42{NAMESPACE},["event"'):
                return

    async def _quiet(self, seconds: float) -> None:
        """Read (answering pings) until nothing has come for ``seconds``."""
        while True:
            try:
                message = await asyncio.wait_for(self.socket.recv(), seconds)
            except TimeoutError:
                return
            if message == "2":
                await self.socket.send("3")

    async def idle(self, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                if await asyncio.wait_for(self.socket.recv(), left) == "2":
                    await self.socket.send("3")
            except TimeoutError:
                return

    async def close(self) -> None:
        if self.socket is not None:
            await self.socket.close()


class Figures:
    def __init__(self):
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.errors: Counter = Counter()

    async def timed(self, kind: str, action) -> bool:
        started = time.perf_counter()
        try:
            ok = await asyncio.wait_for(action(), TIMEOUT)
        except (OSError, asyncio.IncompleteReadError, TimeoutError, websockets.ConnectionClosed) as error:
            self.errors[f"{kind}: {type(error).__name__}"] += 1
            return False
        if ok is not True:
            self.errors[f"{kind}: HTTP {ok}"] += 1
            return False
        self.latencies[kind].append(time.perf_counter() - started)
        return True

    def summary(self, seconds: float) -> dict:
        out = {}
        for kind, samples in sorted(self.latencies.items()):
            ordered = sorted(samples)
            out[kind] = {
                "per_s": round(len(ordered) / seconds, 1),
                "p50_ms": round(statistics.median(ordered) * 1000, 1),
                "p95_ms": round(ordered[max(0, int(len(ordered) * 0.95) - 1)] * 1000, 1),
            }
        out["errors"] = dict(self.errors)
        return out


def _http_ok(connection: Connection, path: str):
    async def action():
        answer = await connection.get(path, {"Accept-Encoding": "br, gzip"})
        return True if answer.status in (200, 304) else answer.status

    return action


def _event_ok(session: Session, text: str):
    async def action():
        await session.event(text)
        return True

    return action


async def _person(index: int, server: PortalServer, sessions: list, figures: Figures, start: asyncio.Event, stop: list[float]) -> None:
    locale = LOCALES[index % len(LOCALES)]
    session = Session(server.url.replace("http", "ws"), locale)
    connection = Connection("127.0.0.1", server.port, timeout=TIMEOUT)
    try:
        await session.open()
    except Exception as error:  # noqa: BLE001  (a session that cannot connect is an error figure, not a crash)
        figures.errors[f"connect: {type(error).__name__}"] += 1
        return
    sessions.append(session)
    pace = random.Random(index)
    await start.wait()
    try:
        while time.monotonic() < stop[0]:
            await session.idle(pace.uniform(*THINK))
            if time.monotonic() >= stop[0]:
                break
            kind = pace.choices([k for k, _ in MIX], [w for _, w in MIX])[0]
            if kind == "static":
                await figures.timed(kind, _http_ok(connection, pace.choice(STATIC_PATHS)))
            elif kind == "api":
                await figures.timed(kind, _http_ok(connection, pace.choice(API_PATHS)))
            else:
                await figures.timed(kind, _event_ok(session, pace.choice(WORDS)))
    except websockets.ConnectionClosed:
        figures.errors["session closed"] += 1
    finally:
        await connection.close()


async def _settle(server: PortalServer, quiet_percent: float = 20.0, longest: float = 120.0) -> None:
    """Wait until the server's processes use less than ``quiet_percent`` of a core for two seconds."""
    tree = psutil.Process(server.process.pid)
    processes = [tree, *tree.children(recursive=True)]
    deadline = time.monotonic() + longest
    while time.monotonic() < deadline:
        for process in processes:
            process.cpu_percent()
        await asyncio.sleep(2)
        if sum(process.cpu_percent() for process in processes) < quiet_percent:
            return


def _cpu_seconds(server: PortalServer, redis_url: str | None) -> float:
    """CPU time used so far by the server's processes (and Redis, when it holds the state)."""
    tree = psutil.Process(server.process.pid)
    used = 0.0
    for process in (tree, *tree.children(recursive=True)):
        times = process.cpu_times()
        used += times.user + times.system
    if redis_url:
        info = redis.Redis.from_url(redis_url).info("cpu")
        used += info["used_cpu_user"] + info["used_cpu_sys"]
    return used


def _memory_mb(server: PortalServer, redis_url: str | None) -> dict[str, float]:
    tree = psutil.Process(server.process.pid)
    rss = sum(p.memory_info().rss for p in (tree, *tree.children(recursive=True)))
    figures = {"server_mb": rss / 2**20}
    if redis_url:
        figures["redis_mb"] = redis.Redis.from_url(redis_url).info("memory")["used_memory"] / 2**20
    return figures


async def _level(server: PortalServer, clients: int, redis_url: str | None) -> dict:
    before = _memory_mb(server, redis_url)
    figures, sessions, start, stop = Figures(), [], asyncio.Event(), [float("inf")]
    connect_started = time.monotonic()
    people = []
    for index in range(clients):
        people.append(asyncio.create_task(_person(index, server, sessions, figures, start, stop)))
        await asyncio.sleep(0.01)  # 100 new sessions a second
    while len(sessions) + sum(figures.errors[k] for k in figures.errors if k.startswith("connect")) < clients and time.monotonic() - connect_started < 300:
        await asyncio.sleep(0.5)
    connected_in = time.monotonic() - connect_started
    await _settle(server)
    after = _memory_mb(server, redis_url)
    live = len(sessions)
    cpu_before = _cpu_seconds(server, redis_url)
    stop[0] = time.monotonic() + RUN_SECONDS
    start.set()
    await asyncio.gather(*people, return_exceptions=True)
    cpu_used = _cpu_seconds(server, redis_url) - cpu_before
    actions = sum(len(samples) for samples in figures.latencies.values())
    result = {
        "clients": clients,
        "live_sessions": live,
        "connected_in_s": round(connected_in, 1),
        **figures.summary(RUN_SECONDS),
        "server_cpu_ms_per_action": round(cpu_used * 1000 / max(actions, 1), 1),
        "server_cpu_cores_busy": round(cpu_used / RUN_SECONDS, 2),
        "memory_per_session_kb": {k: round((after[k] - before[k]) * 1024 / max(live, 1), 1) for k in after},
        "memory_mb": {k: round(v, 1) for k, v in after.items()},
    }
    await asyncio.gather(*(s.close() for s in sessions), return_exceptions=True)
    return result


async def _probe(server: PortalServer) -> bool:
    """A static page, an uncached API read and a page event, each answered within RECOVERED_WITHIN."""
    connection = Connection("127.0.0.1", server.port, timeout=RECOVERED_WITHIN)
    session = Session(server.url.replace("http", "ws"), "en")
    try:
        for path in ("/en/", "/api/v1/search?q=visa&locale=en"):
            if (await connection.get(path)).status != 200:
                return False
        async with asyncio.timeout(RECOVERED_WITHIN * 3):  # connect and hydrate, then the event
            await session.open()
        async with asyncio.timeout(RECOVERED_WITHIN):
            await session.event("visa")
        return True
    except Exception:  # noqa: BLE001  (any failure means: not recovered yet)
        return False
    finally:
        await connection.close()
        await session.close()


async def _overload(server: PortalServer) -> dict:
    statuses: Counter = Counter()
    stop = float("inf")

    async def caller(index: int) -> None:
        connection = Connection("127.0.0.1", server.port, timeout=TIMEOUT)
        while time.monotonic() < stop:
            try:
                statuses[f"api {(await connection.get(API_PATHS[index % len(API_PATHS)])).status}"] += 1
            except Exception as error:  # noqa: BLE001
                statuses[f"api {type(error).__name__}"] += 1
        await connection.close()

    senders = [Session(server.url.replace("http", "ws"), LOCALES[index % len(LOCALES)]) for index in range(OVERLOAD_CALLERS)]
    opened = await asyncio.gather(*(session.open() for session in senders), return_exceptions=True)
    senders = [session for session, error in zip(senders, opened, strict=True) if error is None]
    await _settle(server)
    stop = time.monotonic() + OVERLOAD_SECONDS

    async def sender(session: Session, index: int) -> None:
        while time.monotonic() < stop:
            try:
                await session.event(WORDS[index % len(WORDS)])
                statuses["event ok"] += 1
            except Exception as error:  # noqa: BLE001
                statuses[f"event {type(error).__name__}"] += 1
                return

    load = [asyncio.create_task(caller(i)) for i in range(OVERLOAD_CALLERS)]
    load += [asyncio.create_task(sender(session, i)) for i, session in enumerate(senders)]
    await asyncio.sleep(max(0.0, stop - time.monotonic()))
    ended = time.monotonic()
    for task in load:
        task.cancel()
    await asyncio.gather(*load, return_exceptions=True)
    await asyncio.gather(*(session.close() for session in senders), return_exceptions=True)
    recovered = None
    while time.monotonic() - ended < 120:
        if await _probe(server):
            recovered = round(time.monotonic() - ended, 1)
            break
        await asyncio.sleep(0.2)
    return {"answers_during": dict(statuses), "recovered_after_s": recovered}


def _on_fresh_server(name: str, env: dict, measure) -> dict:
    """``measure(server)`` on a server started for it alone (memory figures start from a clean process)."""
    port = free_port()
    server = PortalServer(port, {**env, "PORT": str(port)}, ARTIFACTS / f"bench-mixed-{name.replace(' ', '-')}.log")
    server.start()
    try:
        httpx.get(f"{server.url}/api/v1/health/ready", timeout=120)  # the embedded API is built on its first request
        for _ in range(3):
            run_async(_probe(server))
        return run_async(measure(server))
    finally:
        server.stop()
        if url := env.get("PORTAL_REDIS_URL"):
            redis.Redis.from_url(url).flushdb()


@pytest.fixture
def quiet_portal(portal):
    """The session's build; its own server stopped while the benchmark runs its own."""
    portal.stop()
    yield portal
    portal.start()


def test_mixed_load(quiet_portal, portal_env, redis_server, tmp_path, artifacts):
    configurations = {
        "one worker": {},
        "two workers on Redis": {"PORTAL_REDIS_URL": redis_server.url, "PORTAL_WORKERS": "2"},
    }
    figures = {"machine": {"cores": psutil.cpu_count(), "load_average_at_start": [round(x, 1) for x in psutil.getloadavg()]}}
    for name, extra in configurations.items():
        env = {**portal_env, "PORTAL_DATA_DIR": str(tmp_path / name.replace(" ", "-")), **extra}
        redis_url = extra.get("PORTAL_REDIS_URL")
        figures[name] = {
            "levels": [_on_fresh_server(name, env, lambda server, n=clients: _level(server, n, redis_url)) for clients in LEVELS],
            "overload": _on_fresh_server(name, env, _overload),
        }
        print(name, json.dumps(figures[name], indent=1, ensure_ascii=False))
    figures["machine"]["load_average_at_end"] = [round(x, 1) for x in psutil.getloadavg()]
    (artifacts / "bench-mixed-load.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    assert all(figures[name]["levels"] for name in configurations)
