"""Helpers for tests that call the reference API."""

from __future__ import annotations

from fastapi.testclient import TestClient


def log_in(api: TestClient, phone: str = "13800138000", password: str = "Haizhou-2026") -> dict[str, str]:
    response = api.post("/auth/password", json={"phone": phone, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}
