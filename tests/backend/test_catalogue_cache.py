"""Catalogue reads are cached in the API and answer conditional requests:
a strong ETag, 304 for a copy the client already has, and a new answer as
soon as the content changes, on every worker sharing the database."""

from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import Session, create_engine

from backend import models
from backend.app import create_app
from backend.settings import Settings, load_settings

CATALOGUE_READS = [
    "/services?locale=en",
    "/services/ps-id-card?locale=fr",
    "/departments?locale=ja",
    "/themes",
    "/life-events?locale=ko",
    "/halls?locale=en",
    "/halls/city-centre",
    "/articles?locale=en",
    "/expat-guides?locale=fr",
    "/expat-guides/visas?locale=en",
]


@pytest.fixture(scope="module")
def workers(tmp_path_factory):
    """Two API workers on one database, as behind a load balancer, and a plain engine on it."""
    data = tmp_path_factory.mktemp("cache-data")
    base = load_settings()
    settings = Settings(data_dir=data, database_url=f"sqlite:///{data / 'portal.db'}", token_ttl_minutes=base.token_ttl_minutes,
                        upload_max_bytes=base.upload_max_bytes, slot_days=base.slot_days)
    first, second = create_app(settings), create_app(settings)
    yield TestClient(first), TestClient(second), create_engine(settings.database_url)


def _until(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.parametrize("path", CATALOGUE_READS)
def test_catalogue_reads_carry_a_strong_etag_and_answer_304(workers, path):
    api = workers[0]
    first = api.get(path)
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert etag.startswith('"') and not etag.startswith("W/")
    assert "no-cache" in first.headers["cache-control"]
    assert api.get(path).headers["etag"] == etag
    assert workers[1].get(path).headers["etag"] == etag  # the same content has the same tag on every worker

    unchanged = api.get(path, headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.content == b""
    assert unchanged.headers["etag"] == etag
    assert api.get(path, headers={"If-None-Match": f'"other", W/{etag}'}).status_code == 304
    changed = api.get(path, headers={"If-None-Match": '"something-else"'})
    assert changed.status_code == 200 and changed.json() == first.json()


def test_another_locale_is_another_copy(workers):
    api = workers[0]
    assert api.get("/services/ps-id-card?locale=en").headers["etag"] != api.get("/services/ps-id-card?locale=zh").headers["etag"]


def test_reads_come_from_the_cache_until_the_content_changes(workers):
    api, _, engine = workers
    path = "/services/hr-unemployment-benefit?locale=en"
    if api.get(path).status_code == 404:
        path = "/services/ps-id-card?locale=en"
    before = api.get(path)
    with engine.begin() as connection:  # behind the ORM's back: no version bump, so the cache must not notice
        connection.execute(text("UPDATE service SET popularity = popularity + 1000 WHERE id = :id"), {"id": before.json()["id"]})
    assert api.get(path).json() == before.json()

    with Session(engine) as session:  # an editor's change through the ORM bumps the catalogue's version
        service = session.get(models.Service, before.json()["id"])
        service.data = {**service.data, "name": {**service.data["name"], "en": "Renamed for the cache test"}}
        session.commit()
    # The worker sees the new version at its next poll of the database.
    assert _until(lambda: api.get(path, headers={"If-None-Match": before.headers["etag"]}).status_code == 200)
    after = api.get(path)
    assert after.json()["name"] == "Renamed for the cache test"
    assert after.json()["popularity"] == before.json()["popularity"] + 1000
    assert after.headers["etag"] != before.headers["etag"]


def test_a_change_made_on_one_worker_reaches_the_others(workers):
    first, second, _ = workers
    path = "/halls/city-centre?locale=en"
    waiting = second.get(path).json()["waiting"]
    service = first.get(path).json()["services"][0]["id"]
    ticket = first.post("/queue-tickets", json={"hall_id": "city-centre", "service_id": service})
    assert ticket.status_code == 201, ticket.text
    assert first.get(path).json()["waiting"] == waiting + 1  # at once where the write happened
    assert _until(lambda: second.get(path).json()["waiting"] == waiting + 1)  # and within a poll on the other


def test_errors_are_not_cached(workers):
    api = workers[0]
    missing = api.get("/services/no-such-service?locale=en")
    assert missing.status_code == 404 and "etag" not in missing.headers
    assert api.get("/services?locale=xx").status_code == 422


def test_personal_reads_are_not_cached(workers):
    api = workers[0]
    assert "etag" not in api.get("/me").headers
    assert "etag" not in api.get("/search?q=passport").headers
