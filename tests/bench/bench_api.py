"""Budget: catalogue reads through the typed client, p50/p95, in process (the
embedded reference API) and over loopback (the API run alone); search latency
on the full catalogue. Printed and saved, never asserted."""

from __future__ import annotations

import asyncio
import json
import statistics
import time

import pytest

from clients import base, catalogue, information
from tests.portal_server import ReferenceApi

QUERIES = ["shebao", "sb", "passport", "pasport", "社保", "居住证", "パスポート", "여권", "titre de séjour", "gongjijin"]


def _percentiles(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 2),
        "n": len(ordered),
    }


async def _time(call, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        await call()
        samples.append(time.perf_counter() - started)
    return samples


async def _measure(client: base.ApiClient) -> dict:
    base._client, base._client_loop = client, asyncio.get_running_loop()  # the client under test
    ids = [s.id for s in (await catalogue.services("en", size=50)).value.items]
    results = {}
    # Uncached: every read goes to the back end (the TTL cache is what pages normally hit).
    client._cache.clear()
    results["list (uncached)"] = _percentiles(await _time(lambda: _uncached(client, catalogue.services("zh", size=20)), 200))
    results["detail (uncached)"] = _percentiles(await _time(lambda: _uncached(client, catalogue.service("fr", ids[len(ids) // 2])), 200))
    results["list (cached)"] = _percentiles(await _time(lambda: catalogue.services("zh", size=20), 200))
    search = []
    for query in QUERIES:
        search += await _time(lambda q=query: information.search("en", q), 20)
    results["search"] = _percentiles(search)
    return results


async def _uncached(client: base.ApiClient, coroutine):
    client._cache.clear()
    return await coroutine


def test_client_latency(api_app, api_settings, portal_env, tmp_path, artifacts):
    in_process = asyncio.run(_measure(base.ApiClient(asgi_app=api_app)))
    api = ReferenceApi(portal_env, str(tmp_path))
    api.start()
    try:
        loopback = asyncio.run(_measure(base.ApiClient(base_url=api.url)))
    finally:
        api.stop()
    database = api_settings.database_url.split(":", 1)[0].split("+")[0]
    figures = {f"in process ({database})": in_process, "loopback (SQLite)": loopback}
    print(json.dumps(figures, indent=2, ensure_ascii=False))
    (artifacts / f"bench-api-{database}.json").write_text(json.dumps(figures, indent=2))
    assert all(f["n"] for mode in figures.values() for f in mode.values())


@pytest.fixture(autouse=True)
def _restore_client():
    yield
    base._client = None
