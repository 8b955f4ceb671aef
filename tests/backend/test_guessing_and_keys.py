"""Nobody reads, guesses or inherits another person's data through the API:
idempotency keys scoped to their owner and body, concurrent duplicates that
all get the one record, no personal data in the logs, attempt limits on
every guessable secret, and log-in throttling that slows the guesser, not
the owner, and answers known and unknown accounts alike."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import uuid
from pathlib import Path

import pytest
import yaml
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from backend import models
from backend.logs import MARK
from tests.api_helpers import log_in
from tests.backend.test_database import engine_of

SEED_ACCOUNTS = yaml.safe_load((Path(__file__).parents[2] / "backend" / "seed" / "accounts.yaml").read_text(encoding="utf-8"))
DEMO_NUMBERS = [a[field] for a in SEED_ACCOUNTS for field in ("id_number", "phone", "passport_number") if a.get(field)]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


def _client(n: int) -> dict[str, str]:
    """A caller of its own (the test client is a trusted proxy, like the portal)."""
    return {"X-Forwarded-For": f"198.51.100.{n}"}


def _application(api, headers: dict, purpose: str) -> dict:
    upload = api.post("/uploads", files={"file": ("a.png", PNG, "image/png")}, headers=headers).json()
    return {
        "service_id": "ps-id-card",
        "applicant": {"name": "张伟", "id_type": "resident_id", "id_number": "110105196503152015", "phone": "13800138000"},
        "answers": {"purpose": purpose},
        "uploads": [upload["id"]],
        "declaration": True,
    }


# ---------------------------------------------------------------- idempotency


def test_an_idempotency_key_is_no_key_to_someone_elses_application(api):
    owner, other = log_in(api), log_in(api, "13900139000")
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = _application(api, owner, "换领，原证件即将到期")
    first = api.post("/applications", json=body, headers={**owner, **key})
    assert first.status_code == 201
    stolen = api.post("/applications", json=_application(api, other, "x"), headers={**other, **key})
    assert stolen.status_code == 409 and stolen.json()["error"]["code"] == "idempotency_key_in_use"
    assert first.json()["id"] not in stolen.text and "张伟" not in stolen.text
    changed = api.post("/applications", json=_application(api, owner, "另一件事"), headers={**owner, **key})
    assert changed.status_code == 422 and changed.json()["error"]["code"] == "idempotency_key_reused"
    assert first.json()["id"] not in changed.text
    again = api.post("/applications", json=body, headers={**owner, **key})
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]


def test_an_anonymous_letter_is_returned_only_for_the_same_letter(api):
    key = {"Idempotency-Key": str(uuid.uuid4())}
    letter = {"kind": "complaint", "category": "other", "subject": "Noise at night", "body": "Every night.", "contact_preference": "none", "locale": "en"}
    first = api.post("/letters", json=letter, headers=key)
    assert first.status_code == 201
    other = api.post("/letters", json={**letter, "subject": "Something else", "body": "?"}, headers=key)
    assert other.status_code == 422 and "Noise at night" not in other.text and first.json()["id"] not in other.text
    signed_in = api.post("/letters", json=letter, headers={**key, **log_in(api, "13900139000")})
    assert signed_in.status_code == 409 and "Noise at night" not in signed_in.text
    again = api.post("/letters", json=letter, headers=key)
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"] and again.json()["access_code"] is None


def test_concurrent_duplicates_all_get_the_one_record(api, api_app, api_settings):
    """Six identical submissions with one key at the same moment, for each kind of write."""
    token = log_in(api)
    slot = next(s for s in api.get("/halls/city-centre/slots", params={"days": 14}).json() if s["booked"] < s["capacity"] - 1)
    writes = {
        "/applications": (_application(api, token, "并发"), token),
        "/letters": ({"kind": "suggestion", "category": "other", "subject": "s", "body": "b", "contact_preference": "none", "locale": "en"}, {}),
        "/appointments": ({"slot_id": slot["id"], "service_id": "ps-id-card", "name": "张伟", "phone": "13800138000"}, token),
        "/queue-tickets": ({"hall_id": "city-centre", "service_id": "ps-id-card"}, {}),
    }

    async def scenario():
        async with engine_of(api_app, api_settings, db_timeout_seconds=10) as (_engine, client):
            results = {}
            for path, (body, headers) in writes.items():
                key = {"Idempotency-Key": str(uuid.uuid4())}
                results[path] = await asyncio.gather(*(client.post(path, json=body, headers={**headers, **key}) for _ in range(6)))
            return results

    for path, responses in asyncio.run(scenario()).items():
        statuses = sorted(r.status_code for r in responses)
        assert statuses == [200] * 5 + [201], (path, [(r.status_code, r.text[:200]) for r in responses])
        assert len({r.json().get("id") or r.json().get("number") for r in responses}) == 1, path


# ---------------------------------------------------------------- logs


def test_personal_data_never_reaches_the_log(api, api_settings, caplog):
    """Whatever logs it - a route, SQLAlchemy, an exception - the demo ID and phone numbers come out removed."""
    assert len(DEMO_NUMBERS) >= 6
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("backend").error("a message naming %s and %s", DEMO_NUMBERS[0], DEMO_NUMBERS[1])
        logging.getLogger("sqlalchemy.engine").warning(f"parameters: {DEMO_NUMBERS}")
        try:
            raise ValueError(f"input {DEMO_NUMBERS[2]} refused; +86 {DEMO_NUMBERS[1][:3]} {DEMO_NUMBERS[1][3:7]} {DEMO_NUMBERS[1][7:]}")
        except ValueError:
            logging.getLogger("uvicorn.error").exception("unexpected")
    assert caplog.text.count(MARK) >= len(DEMO_NUMBERS) + 3
    for number in DEMO_NUMBERS:
        assert number not in caplog.text
    assert "20261129000001" in logging.getLogger("x").makeRecord("x", 20, "f", 1, "receipt 20261129000001", (), None).getMessage()


def test_database_errors_carry_no_parameters(api_app, api_db, caplog):
    """An IntegrityError names the constraint, not the statement's parameters
    (``hide_parameters``); PostgreSQL's own DETAIL still quotes the key, so the
    error as logged is where the phone number must not appear."""
    with Session(api_db) as session:
        phone = session.exec(select(models.Account.phone).where(models.Account.phone.is_not(None))).first()
        session.add(models.Account(id="twin", kind="resident", name="Twin", phone=phone, password_hash="x"))
        with pytest.raises(IntegrityError) as raised:
            session.commit()
    assert "UNIQUE" in str(raised.value).upper() and "hidden due to hide_parameters" in str(raised.value)
    with caplog.at_level(logging.ERROR):
        try:
            raise raised.value
        except IntegrityError:
            logging.getLogger("sqlalchemy.engine").exception("the insert failed")
    assert "UNIQUE" in caplog.text.upper() and phone not in caplog.text


# ---------------------------------------------------------------- guessable secrets


def _backdate_code(api_db, phone: str) -> None:
    """As if the last code had been sent long ago: a new one may be asked for."""
    with Session(api_db) as session:
        record = session.get(models.OneTimeCode, phone)
        record.sent_at = models.utcnow() - dt.timedelta(minutes=10)
        session.add(record)
        session.commit()


def test_a_burnt_code_gives_no_new_tries(api, api_db):
    client, phone = _client(1), "13600136000"
    assert api.post("/auth/code/request", json={"phone": phone}, headers=client).status_code == 202
    misses = [api.post("/auth/code", json={"phone": phone, "code": f"{n:06d}"}, headers=client).status_code for n in range(5)]
    assert misses == [401] * 5
    _backdate_code(api_db, "+86" + phone)
    assert api.post("/auth/code/request", json={"phone": phone}, headers=client).status_code == 202
    refused = api.post("/auth/code", json={"phone": phone, "code": "000000"}, headers=_client(2))  # another client, the same phone
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert refused.json()["error"]["code"] == "too_many_attempts"


def test_one_client_cannot_guess_codes_across_many_phones(api):
    client = _client(3)
    answers = []
    for n in range(12):
        phone = f"1370000{n:04d}"
        api.post("/auth/code/request", json={"phone": phone}, headers=client)
        answers.append(api.post("/auth/code", json={"phone": phone, "code": "123456"}, headers=client).status_code)
    assert answers[:10] == [401] * 10 and answers[10:] == [429, 429]
    assert api.post("/auth/code/request", json={"phone": "13700009999"}, headers=_client(4)).status_code == 202  # others are not held back


def test_letter_access_codes_have_attempt_limits(api):
    letter = api.post("/letters", json={"kind": "consultation", "category": "other", "subject": "s", "body": "b", "contact_preference": "none", "locale": "en"}).json()
    wrong = str((int(letter["access_code"]) + 1) % 1_000_000).zfill(6)
    misses = [api.get(f"/letters/{letter['id']}", params={"access_code": wrong}, headers=_client(5)).status_code for _ in range(5)]
    assert misses == [404] * 5
    held = api.get(f"/letters/{letter['id']}", params={"access_code": letter["access_code"]}, headers=_client(6))
    assert held.status_code == 429 and "Retry-After" in held.headers  # even the right code waits out the cool-down


def test_anonymous_appointment_access_needs_the_whole_phone_and_cannot_cancel(api):
    slot = next(s for s in api.get("/halls/city-centre/slots", params={"days": 14}).json() if s["booked"] < s["capacity"])
    booked = api.post("/appointments", json={"slot_id": slot["id"], "service_id": "ps-id-card", "name": "王小明", "phone": "13912345678"}).json()
    assert api.get(f"/appointments/{booked['id']}", params={"phone_last4": "5678"}).status_code == 404
    assert api.get(f"/appointments/{booked['id']}", params={"phone": "5678"}).status_code == 422
    found = api.get(f"/appointments/{booked['id']}", params={"phone": "139 1234 5678"})
    assert found.status_code == 200 and found.json()["name"] == "王小明"
    assert api.post(f"/appointments/{booked['id']}/cancel", params={"phone": "13912345678"}).status_code == 401
    misses = [api.get(f"/appointments/{booked['id']}", params={"phone": f"1391234{n:04d}"}, headers=_client(7)).status_code for n in range(5)]
    assert misses == [404] * 5
    assert api.get(f"/appointments/{booked['id']}", params={"phone": "13912345678"}, headers=_client(8)).status_code == 429


# ---------------------------------------------------------------- logging in


def test_wrong_passwords_slow_the_guesser_not_the_owner(api):
    guesser, owner = _client(9), _client(10)
    answers = [api.post("/auth/password", json={"phone": "13300133000", "password": f"wrong{n}"}, headers=guesser) for n in range(6)]
    assert [a.status_code for a in answers[:3]] == [401] * 3
    assert answers[-1].status_code == 429 and int(answers[-1].headers["Retry-After"]) > 0
    assert api.post("/auth/password", json={"phone": "13300133000", "password": "Haizhou-2026"}, headers=owner).status_code == 200


def test_known_and_unknown_accounts_are_answered_alike(api, monkeypatch):
    """The same answer, and the same work: the password is checked (scrypt) for an unknown phone too."""
    from backend.api import accounts

    checked = []
    real = accounts.verify_password
    monkeypatch.setattr(accounts, "verify_password", lambda password, stored: checked.append(stored) or real(password, stored))
    known = api.post("/auth/password", json={"phone": "13800138000", "password": "wrong"}, headers=_client(11))
    unknown = api.post("/auth/password", json={"phone": "13811112222", "password": "wrong"}, headers=_client(11))
    assert (known.status_code, known.json()["error"]) == (unknown.status_code, unknown.json()["error"]) == (401, known.json()["error"])
    assert len(checked) == 2
    locked_wrong = api.post("/auth/password", json={"phone": "13700137000", "password": "wrong"}, headers=_client(12))
    assert locked_wrong.json()["error"] == unknown.json()["error"]  # a locked account says so only to its owner
    held = [api.post("/auth/password", json={"phone": phone, "password": "wrong"}, headers=_client(13 + i)) for i, phone in enumerate(["13800138000", "13811113333"]) for _ in range(5)]
    assert [r.status_code for r in held[3:5]] == [r.status_code for r in held[8:10]] == [429, 429]
