"""The reference API as its clients meet it: catalogue, halls and bookings,
applications, letters, ratings, accounts, validation and errors."""

from __future__ import annotations

import datetime as dt
import threading
import uuid
from urllib.parse import quote

import pytest
from sqlmodel import Session, select

from backend import models
from tests.api_helpers import log_in

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.4\n" + b"0" * 64


def test_catalogue_filters_and_pages(api):
    everything = api.get("/services", params={"size": 50}).json()
    assert everything["total"] >= 40
    for audience in ("resident", "business", "tourist", "investor"):
        page = api.get("/services", params={"audience": audience, "size": 50}).json()
        assert page["total"] > 0 and all(audience in item["audiences"] for item in page["items"])
    online = api.get("/services", params={"mode": "online", "size": 50}).json()["items"]
    assert online and all(item["mode"] in ("online", "both") for item in online)
    first, second = (api.get("/services", params={"size": 10, "page": n}).json()["items"] for n in (1, 2))
    assert not {i["id"] for i in first} & {i["id"] for i in second}
    popularity = [item["popularity"] for item in everything["items"]]
    assert popularity == sorted(popularity, reverse=True)


def test_service_detail_in_each_locale(api):
    # Each summary is written in its own script: hanzi, kana, hangul.
    scripts = {"zh": ("\u4e00", "\u9fff"), "ja": ("\u3040", "\u30ff"), "ko": ("\uac00", "\ud7a3")}
    for locale, (low, high) in scripts.items():
        detail = api.get("/services/ps-id-card", params={"locale": locale}).json()
        assert detail["lang"] == locale
        assert detail["conditions"] and detail["materials"] and detail["halls"]
        assert any(low <= ch <= high for ch in detail["summary"]), detail["summary"]
    assert api.get("/services/no-such-service").status_code == 404


def test_missing_translation_falls_back_to_chinese(api, api_db):
    with Session(api_db) as session:
        source = session.get(models.Service, "ps-id-card")
        data = {**source.data, "id": "test-untranslated", "summary": {"zh": "只有中文的摘要"}}
        session.merge(models.Service(id="test-untranslated", department=source.department, mode=source.mode,
                                     online_application=False, appointment=False, popularity=0, data=data))
        session.commit()
    detail = api.get("/services/test-untranslated", params={"locale": "fr"}).json()
    assert detail["lang"] == "zh"
    assert detail["summary"] == "只有中文的摘要"
    assert detail["name"] == data["name"]["zh"]  # the whole record in one language, never a mix


@pytest.mark.parametrize(
    ("query", "locale", "expected"),
    [
        ("shebao", "zh", "hrss-social-insurance-enrolment"),
        ("sb", "zh", "hrss-social-insurance-enrolment"),
        ("社保", "en", "hrss-social-insurance-enrolment"),
        ("passport", "en", "ee-passport"),
        ("pasport", "en", "ee-passport"),
        ("huzhao", "zh", "ee-passport"),
        ("パスポート", "ja", "ee-passport"),
        ("여권", "ko", "ee-passport"),
        ("passeport", "fr", "ee-passport"),
        ("gongjijin", "zh", "pf-withdrawal-rent"),
        ("residence permit", "en", "ee-work-residence-permit"),
    ],
)
def test_search_finds_services(api, query, locale, expected):
    results = api.get("/search", params={"q": query, "locale": locale}).json()["results"]
    assert expected in [r["id"] for r in results[:5]], [r["id"] for r in results[:5]]


@pytest.mark.parametrize(
    ("query", "locale", "expected"),
    [
        # The failing inputs: colloquial words the catalogue does not use.
        ("身份证丢了", "zh", "ps-id-card"),
        ("生孩子上户口", "zh", "ps-newborn-hukou"),
        ("驾照到期换证", "zh", "ps-driving-licence-renewal"),
        ("school for my kids", "en", "edu-foreign-children-enrolment"),
        ("start a business", "en", "mr-company-registration"),
        # A homophone typo, a question with its question words, another language's name.
        ("身分证补办", "zh", "ps-id-card"),
        ("how do I extend my visa", "en", "ee-visa-extension"),
        ("签证延期", "ja", "ee-visa-extension"),
    ],
)
def test_search_understands_how_people_ask(api, query, locale, expected):
    results = api.get("/search", params={"q": query, "locale": locale}).json()["results"]
    assert results and results[0]["id"] == expected, [r["id"] for r in results[:3]]


def test_search_offers_a_spelling_when_nothing_matches(api_app):
    index = api_app.state.search_index
    assert index.search("zzqqxx", "en") == []
    assert index.did_you_mean("pasport", "en") == "passport"
    assert index.did_you_mean("zzqqxx", "en") is None


def test_nothing_found_still_offers_the_nearest_services(api):
    found = api.get("/search", params={"q": "pazzport", "locale": "en"}).json()
    assert found["results"] == []
    assert "ee-passport" in [r["id"] for r in found["nearest"]]
    matched = api.get("/search", params={"q": "passport", "locale": "en"}).json()
    assert matched["results"] and matched["nearest"] == []


def test_suggestions_as_you_type(api):
    suggestions = api.get("/search/suggest", params={"q": "护", "locale": "zh"}).json()
    assert any(s["id"] == "ee-passport" for s in suggestions)
    unfinished = api.get("/search/suggest", params={"q": "driving lic", "locale": "en"}).json()
    assert unfinished and unfinished[0]["id"] in ("ps-driving-licence-renewal", "ps-foreign-licence-conversion")


def _free_slot(api, hall="city-centre") -> dict:
    slots = api.get(f"/halls/{hall}/slots", params={"days": 14}).json()
    future = [s for s in slots if s["available"] > 0 and dt.datetime.combine(dt.date.fromisoformat(s["day"]), dt.time.fromisoformat(s["starts"])) > dt.datetime.now()]
    return future[-1]


def test_full_slots_are_listed_not_hidden(api):
    slots = api.get("/halls/city-centre/slots", params={"days": 14}).json()
    assert any(s["available"] == 0 for s in slots)
    assert all(s["available"] == s["capacity"] - s["booked"] for s in slots)
    now = dt.datetime.now()
    assert all(dt.datetime.combine(dt.date.fromisoformat(s["day"]), dt.time.fromisoformat(s["starts"])) > now for s in slots), "started slots are not offered"


def test_a_slot_is_offered_until_it_starts(api, api_db):
    """Two slots, one started two minutes ago and one starting in two minutes."""
    now = dt.datetime.now().replace(second=7, microsecond=0)  # :07 never clashes with a seeded slot
    started, upcoming = now - dt.timedelta(minutes=2), now + dt.timedelta(minutes=2)
    with Session(api_db) as session:
        rows = [models.Slot(hall_id="city-centre", day=at.date(), starts=at.time(), ends=(at + dt.timedelta(minutes=30)).time(), capacity=3) for at in (started, upcoming)]
        session.add_all(rows)
        session.commit()
        started_id, upcoming_id = (row.id for row in rows)
    listed = {s["id"] for s in api.get("/halls/city-centre/slots", params={"days": 3}).json()}
    assert upcoming_id in listed
    assert started_id not in listed


def test_booking_race_for_the_last_place(api, api_db):
    slot = _free_slot(api)
    with Session(api_db) as session:
        row = session.get(models.Slot, slot["id"])
        row.booked = row.capacity - 1
        session.add(row)
        session.commit()
    results: list[int] = []
    barrier = threading.Barrier(12)

    def book(n: int) -> None:
        barrier.wait()
        response = api.post("/appointments", json={"slot_id": slot["id"], "service_id": "ps-id-card", "name": f"测试{n}", "phone": "13800138000"})
        results.append(response.status_code)

    threads = [threading.Thread(target=book, args=(n,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results).count(201) == 1, results
    assert results.count(409) == 11, results
    with Session(api_db) as session:
        row = session.get(models.Slot, slot["id"])
        assert row.booked == row.capacity


def test_double_submit_books_once(api):
    slot = _free_slot(api)
    key = str(uuid.uuid4())
    body = {"slot_id": slot["id"], "service_id": "ps-id-card", "name": "张伟", "phone": "+8613800138000"}
    first = api.post("/appointments", json=body, headers={"Idempotency-Key": key})
    second = api.post("/appointments", json=body, headers={"Idempotency-Key": key})
    assert first.status_code == 201 and second.status_code == 200
    assert first.json()["id"] == second.json()["id"]
    after = api.get("/halls/city-centre/slots", params={"days": 14}).json()
    assert next(s for s in after if s["id"] == slot["id"])["booked"] == slot["booked"] + 1


def test_cancel_frees_the_place(api):
    headers = log_in(api, "13900139000")
    slot = _free_slot(api)
    booked = api.post("/appointments", json={"slot_id": slot["id"], "service_id": "ps-id-card", "name": "李娜", "phone": "13900139000"}, headers=headers).json()
    cancelled = api.post(f"/appointments/{booked['id']}/cancel", headers=headers).json()
    assert cancelled["status"] == "cancelled"
    after = next(s for s in api.get("/halls/city-centre/slots", params={"days": 14}).json() if s["id"] == slot["id"])
    assert after["booked"] == slot["booked"]
    assert api.get(f"/appointments/{booked['id']}").status_code == 404  # not without the owner's token or whole phone


def test_application_submit_track_and_idempotency(api):
    headers = log_in(api)
    upload = api.post("/uploads", files={"file": ("photo.png", PNG, "image/png")}, headers=headers).json()
    body = {
        "service_id": "ps-id-card",
        "applicant": {"name": "张伟", "id_type": "resident_id", "id_number": "110105196503152015", "phone": "13800138000"},
        "answers": {"purpose": "<script>alert(1)</script> 换领"},
        "uploads": [upload["id"]],
        "declaration": True,
    }
    key = {"Idempotency-Key": str(uuid.uuid4())}
    first = api.post("/applications", json=body, headers={**headers, **key})
    again = api.post("/applications", json=body, headers={**headers, **key})
    assert first.status_code == 201 and again.status_code == 200 and first.json()["id"] == again.json()["id"]
    receipt = first.json()["id"]
    assert len(receipt) == 14 and receipt.isdigit()
    public = api.get(f"/applications/{receipt}").json()
    assert public["steps"][0]["step"] == "submitted" and public["steps"][0]["done_at"]
    assert public["next_step"] == "accepted"
    assert public["applicant_name"] is None  # no personal data without the applicant's login
    assert api.get(f"/applications/{receipt}", headers=headers).json()["applicant_name"] == "张伟"
    mine = api.get("/me/applications", headers=headers).json()
    assert sum(1 for a in mine if a["id"] == receipt) == 1


@pytest.mark.parametrize(
    ("applicant", "field", "code"),
    [
        ({"id_number": "110105196503152016"}, "applicant.id_number", "invalid_id_number"),
        ({"id_type": "passport", "id_number": "!!"}, "applicant.id_number", "invalid_passport"),
        ({"phone": "12345"}, "applicant.phone", "invalid_phone"),
        ({"name": "\u200b\u200b"}, "applicant.name", "required"),
        ({"name": "x" * 61}, "applicant.name", "too_long"),
    ],
)
def test_application_fields_are_checked(api, applicant, field, code):
    headers = log_in(api)
    base = {"name": "张伟", "id_type": "resident_id", "id_number": "110105196503152015", "phone": "13800138000"}
    body = {"service_id": "ps-id-card", "applicant": {**base, **applicant}, "declaration": True}
    response = api.post("/applications", json=body, headers=headers)
    assert response.status_code == 422
    assert {"field": field, "code": code} in response.json()["error"]["fields"]


@pytest.mark.parametrize(
    ("name", "content", "declared", "code"),
    [
        ("a.png", b"", "image/png", "file_empty"),
        ("a.exe", b"MZ\x90\x00" + b"0" * 100, "application/octet-stream", "file_type_not_allowed"),
        ("a.png", PDF, "image/png", "file_type_mismatch"),
        ("a.pdf", PDF[:5] + b"0" * (5 * 1024 * 1024 + 10), "application/pdf", "file_too_large"),
    ],
)
def test_uploads_are_limited_by_type_and_size(api, name, content, declared, code):
    response = api.post("/uploads", files={"file": (name, content, declared)})
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == [{"field": "file", "code": code}]


def test_drafts_are_kept_for_the_account(api):
    headers = log_in(api)
    api.put("/me/drafts/ps-id-card", json={"data": {"answers": {"purpose": "续签"}, "step": 3}}, headers=headers)
    assert api.get("/me/drafts/ps-id-card", headers=headers).json()["data"]["step"] == 3
    assert api.get("/me/drafts/ps-id-card", headers=log_in(api, "13900139000")).status_code == 404


def test_letters_and_reading_the_reply(api):
    sent = api.post(
        "/letters",
        json={"kind": "complaint", "category": "housing", "subject": "夜间施工", "body": "晚上十一点后仍在施工。", "contact_preference": "sms", "phone": "13800138000", "locale": "zh"},
    )
    assert sent.status_code == 201
    letter = sent.json()
    assert letter["access_code"] and len(letter["id"]) == 14
    read = api.get(f"/letters/{letter['id']}", params={"access_code": letter["access_code"]})
    assert read.status_code == 200 and read.json()["access_code"] is None
    assert api.get(f"/letters/{letter['id']}", params={"access_code": "000000"}).status_code == 404
    replied = [l for l in api.get("/me/letters", headers=log_in(api)).json() if l["status"] == "replied"]
    assert replied and replied[0]["reply"]


def test_contact_preference_needs_its_contact(api):
    response = api.post("/letters", json={"kind": "suggestion", "category": "other", "subject": "s", "body": "b", "contact_preference": "email", "locale": "en"})
    assert {"field": "email", "code": "required"} in response.json()["error"]["fields"]


def test_rating_once_and_only_when_finished(api):
    headers = log_in(api)
    applications = api.get("/me/applications", headers=headers).json()
    finished = next(a for a in applications if a["status"] == "completed" and a["evaluable"])
    unfinished = next(a for a in applications if a["status"] != "completed")
    rating = {"target_type": "application", "ease": 5, "speed": 4, "attitude": 5, "comment": "很好"}
    assert api.post("/evaluations", json={**rating, "target_id": finished["id"]}, headers=headers).status_code == 201
    assert api.post("/evaluations", json={**rating, "target_id": finished["id"]}, headers=headers).json()["error"]["code"] == "already_rated"
    assert api.post("/evaluations", json={**rating, "target_id": unfinished["id"]}, headers=headers).json()["error"]["code"] == "not_finished"
    assert api.post("/evaluations", json={**rating, "target_id": finished["id"], "ease": 6}, headers=headers).status_code == 422


def test_logins(api):
    assert api.post("/auth/password", json={"phone": "13800138000", "password": "wrong"}).json()["error"]["code"] == "wrong_credentials"
    assert api.post("/auth/password", json={"phone": "13700137000", "password": "Haizhou-2026"}).json()["error"]["code"] == "account_locked"
    passport = api.post("/auth/passport", json={"passport_number": "18ab 12345", "nationality": "FR", "password": "Haizhou-2026"})
    assert passport.status_code == 200 and passport.json()["profile"]["passport_masked"] == "18*****45"
    me = api.get("/me", headers={"Authorization": f"Bearer {passport.json()['token']}"}).json()
    assert me["kind"] == "foreigner" and me["phone_masked"] == "136****6000"


def test_one_time_codes(api, api_db, caplog):
    with caplog.at_level("WARNING", logger="backend.otp"):
        assert api.post("/auth/code/request", json={"phone": "13500135000"}).status_code == 202
    code = caplog.records[-1].getMessage().rsplit(" ", 1)[-1]
    assert "13500135000" not in caplog.text  # the log names the phone's last digits only
    assert api.post("/auth/code/request", json={"phone": "13500135000"}).json()["error"]["code"] == "rate_limited"
    assert api.post("/auth/code", json={"phone": "+8613500135000", "code": "000000" if code != "000000" else "111111"}).json()["error"]["code"] == "code_invalid"
    assert api.post("/auth/code", json={"phone": "13500135000", "code": code}).status_code == 200
    with Session(api_db) as session:
        session.add(models.OneTimeCode(phone="+8613500135000", code_hash="x", sent_at=models.utcnow(), expires_at=models.utcnow() - dt.timedelta(seconds=1)))
        session.commit()
    assert api.post("/auth/code", json={"phone": "13500135000", "code": code}).json()["error"]["code"] == "code_expired"


def test_expired_session(api, api_db):
    headers = log_in(api, "13900139000")
    with Session(api_db) as session:
        for token in session.exec(select(models.AuthToken).where(models.AuthToken.account_id == "li-na")):
            token.expires_at = models.utcnow() - dt.timedelta(minutes=1)
            session.add(token)
        session.commit()
    response = api.get("/me", headers=headers)
    assert response.status_code == 401 and response.json()["error"]["code"] == "token_expired"


def test_kiosk_queue_and_help(api):
    first = api.post("/queue-tickets", json={"hall_id": "city-centre", "service_id": "ps-id-card"}).json()
    second = api.post("/queue-tickets", json={"hall_id": "city-centre", "service_id": "ps-id-card"}).json()
    assert first["number"] != second["number"] and second["waiting_ahead"] == first["waiting_ahead"] + 1
    assert api.get("/halls/city-centre").json()["waiting"] >= second["waiting_ahead"] + 1
    made = api.post("/help-requests", json={"hall_id": "city-centre", "kiosk_id": "kiosk-1", "locale": "ko"}).json()
    assert made["id"] in [r["id"] for r in api.get("/halls/city-centre/help-requests").json()]


def test_a_call_for_staff_is_cancelled_only_by_its_kiosk(api):
    made = api.post("/help-requests", json={"hall_id": "city-centre", "kiosk_id": "kiosk-1", "locale": "fr"}).json()
    assert api.post(f"/help-requests/{made['id']}/cancel", json={"kiosk_id": "kiosk-2"}).status_code == 404
    cancelled = api.post(f"/help-requests/{made['id']}/cancel", json={"kiosk_id": "kiosk-1"})
    assert cancelled.status_code == 200 and cancelled.json()["status"] == "cancelled"
    assert made["id"] not in [r["id"] for r in api.get("/halls/city-centre/help-requests").json()]
    assert api.post(f"/help-requests/{made['id']}/cancel", json={"kiosk_id": "kiosk-1"}).status_code == 409


HOSTILE = [
    "<script>alert(1)</script>",
    "' OR 1=1; DROP TABLE letter; --",
    "x" * 10_000,
    "😀👍🏽 emoji",
    "\u202eRTL override\u202c",
    "\u200b\u200c\u200d",
    "\x00nul",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_input_never_breaks_the_api(api, value):
    responses = [
        api.post("/letters", json={"kind": "consultation", "category": "other", "subject": value, "body": value, "contact_preference": "none", "name": value, "locale": "en"}),
        api.get("/search", params={"q": value[:100]}),
        api.get(f"/services/{quote(value[:50], safe='')}"),  # as a browser would send it
        api.post("/auth/password", json={"phone": value, "password": value}),
        api.post("/appointments", json={"slot_id": 1, "service_id": value, "name": value, "phone": value}),
    ]
    assert all(r.status_code < 500 for r in responses), [(r.status_code, r.text[:200]) for r in responses]
    assert all("error" in r.json() or r.status_code < 300 for r in responses)
    stored = responses[0]
    if stored.status_code == 201:
        read = api.get(f"/letters/{stored.json()['id']}", params={"access_code": stored.json()["access_code"]}).json()
        assert read["subject"].strip() == value.strip()  # kept exactly, as inert text


def test_a_repeated_request_answers_a_documented_200(api):
    """Creating what already exists (the same subscription, or a request under an Idempotency-Key
    already used) answers 200 with the existing record: the OpenAPI document must say so."""
    headers = log_in(api)
    body = {"topic": "theme", "target": "healthcare"}
    api.post("/me/subscriptions", json=body, headers=headers)
    assert api.post("/me/subscriptions", json=body, headers=headers).status_code == 200
    paths = api.get("/openapi.json").json()["paths"]
    for path in ("/me/subscriptions", "/applications", "/appointments", "/queue-tickets", "/letters"):
        assert "200" in paths[path]["post"]["responses"], path
