"""The reference API's health: live while it answers, ready only while its
database answers."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import create_async_engine


def test_the_api_is_not_ready_without_its_database(api, api_app):
    assert api.get("/health/ready").json() == {"ready": True, "database": True}
    engine = api_app.state.engine
    api_app.state.engine = create_async_engine("sqlite+aiosqlite:////nonexistent-folder/portal.db")
    try:
        answer = api.get("/health/ready")
        assert answer.status_code == 503 and answer.json() == {"ready": False, "database": False}
        assert api.get("/health").status_code == 200
    finally:
        api_app.state.engine = engine
    assert api.get("/health/ready").status_code == 200
