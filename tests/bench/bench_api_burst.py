"""Budget: the reference API run alone (``python -m backend``, one worker)
under a burst: 200 clients asking for the service list
(``GET /api/v1/services?locale=zh``) back to back for 15 s, on SQLite and on
PostgreSQL. Requests/s, p50/p95, answers by status, client time-outs, and
whether the API answers normally 5 s after the burst. Printed and saved, never
asserted.

``BENCH_API_SOURCE=/path/to/a/checkout`` measures another version of the code
(for example ``git archive main``) in the same way."""

from __future__ import annotations

import asyncio
import collections
import json
import os
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conftest import DATABASES
from tests.portal_server import ROOT, free_port

CLIENTS = 200
BURST_SECONDS = 15
REQUEST_TIMEOUT = 10.0  # seconds; a slower answer counts as a time-out
PATH = "/api/v1/services"
PARAMS = {"locale": "zh"}


def _percentile(ordered: list[float], share: float) -> float | None:
    return round(ordered[min(len(ordered) - 1, int(len(ordered) * share))] * 1000, 1) if ordered else None


async def _client(http: httpx.AsyncClient, until: float, statuses: collections.Counter, latencies: list[float]) -> None:
    while time.monotonic() < until:
        started = time.monotonic()
        try:
            response = await http.get(PATH, params=PARAMS)
            statuses[response.status_code] += 1
            if response.status_code == 200:
                latencies.append(time.monotonic() - started)
        except httpx.TimeoutException:
            statuses["timeout"] += 1
        except httpx.HTTPError as error:
            statuses[type(error).__name__] += 1
            await asyncio.sleep(0.1)  # a refused connection returns at once: do not spin


async def _burst(url: str) -> dict:
    statuses: collections.Counter = collections.Counter()
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=CLIENTS, max_keepalive_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=url, timeout=REQUEST_TIMEOUT, limits=limits) as http:
        started = time.monotonic()
        until = started + BURST_SECONDS
        await asyncio.gather(*(_client(http, until, statuses, latencies) for _ in range(CLIENTS)))
        elapsed = time.monotonic() - started
    ordered = sorted(latencies)
    return {
        "requests_per_s": round(sum(statuses.values()) / elapsed, 1),
        "ok_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms_ok": _percentile(ordered, 0.50),
        "p95_ms_ok": _percentile(ordered, 0.95),
        "by_status": {str(k): v for k, v in sorted(statuses.items(), key=str)},
        "elapsed_s": round(elapsed, 1),  # the burst, then the requests still in flight
    }


async def _after(url: str) -> dict:
    """Five calls, one at a time, 5 s after the burst."""
    await asyncio.sleep(5)
    answers, times = [], []
    async with httpx.AsyncClient(base_url=url, timeout=REQUEST_TIMEOUT) as http:
        for _ in range(5):
            started = time.monotonic()
            try:
                answers.append((await http.get(PATH, params=PARAMS)).status_code)
            except httpx.HTTPError as error:
                answers.append(type(error).__name__)
            times.append(time.monotonic() - started)
    return {"statuses": answers, "median_ms": round(statistics.median(times) * 1000, 1), "answers_normally": answers == [200] * 5}


def _serve(source: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    process = subprocess.Popen(
        [sys.executable, "-m", "backend"], cwd=source, env={**env, "PYTHONPATH": str(source), "BACKEND_PORT": str(port)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/v1/health", timeout=2).status_code == 200:
                return process, url
        except httpx.HTTPError:
            time.sleep(0.5)
    os.killpg(process.pid, signal.SIGKILL)
    raise RuntimeError("the reference API did not start")


@pytest.mark.parametrize("database", DATABASES)
def test_api_burst(database, request, tmp_path, artifacts):
    source = Path(os.environ.get("BENCH_API_SOURCE", ROOT))
    env = {**os.environ, "PORTAL_DATA_DIR": str(tmp_path)}
    if database == "postgresql":
        env["PORTAL_DATABASE_URL"] = request.getfixturevalue("postgres").create_database(f"bench_{tmp_path.name[-20:].lower()}")
    process, url = _serve(source, env)
    try:
        figures = {"source": str(source), "database": database, "clients": CLIENTS, "burst": asyncio.run(_burst(url))}
        figures["after_5_s"] = asyncio.run(_after(url))
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    print(json.dumps(figures, indent=2))
    (artifacts / f"bench-api-burst-{database}-{source.name}.json").write_text(json.dumps(figures, indent=2))
    assert figures["burst"]["elapsed_s"] > 0
