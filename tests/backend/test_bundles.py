"""Life-event bundles (一件事一次办) through the reference API: the bundles,
one joint application with one receipt number and a progress line per member
service, server-side validation, idempotency scoped to owner and body, drafts."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from tests.api_helpers import log_in

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
APPLICANT = {"name": "张伟", "id_type": "resident_id", "id_number": "110105196503152015", "phone": "13800138000"}
NEWBORN_SERVICES = [
    "health-birth-certificate",
    "ps-newborn-hukou",
    "hrss-resident-medical-insurance",
    "hrss-social-security-card",
    "health-vaccination-certificate",
]


def _newborn_body(api, headers, **changes) -> dict:
    uploads = {
        material: api.post("/uploads", files={"file": (f"{material}.png", PNG, "image/png")}, headers=headers).json()["id"]
        for material in ("parents_id_cards", "hukou_booklet")
    }
    body = {
        "bundle_id": "newborn",
        "applicant": APPLICANT,
        "answers": {
            "child_name": "张小满",
            "child_birth_date": (dt.date.today() - dt.timedelta(days=10)).isoformat(),
            "child_sex": "female",
            "birth_hospital": "海州市妇幼保健院",
            "hukou_parent": "mother",
            "delivery_address": "海州市东城区解放路1号",
        },
        "uploads": uploads,
        "declaration": True,
    }
    body.update(changes)
    return body


def test_the_four_life_events_are_bundled_in_every_locale(api):
    for locale in ("zh", "en", "ja", "ko", "fr"):
        bundles = api.get("/bundles", params={"locale": locale}).json()
        assert {b["life_event"] for b in bundles} >= {"birth", "death", "business", "retirement"}
        assert all(b["lang"] == locale for b in bundles)
    newborn = api.get("/bundles/newborn", params={"locale": "en"}).json()
    assert newborn["name"] == "Having a baby"
    assert [s["id"] for s in newborn["member_services"]] == NEWBORN_SERVICES
    assert newborn["services"] == NEWBORN_SERVICES
    # Each question and material names the member services it flows into.
    assert all(set(q["services"]) <= set(NEWBORN_SERVICES) for q in newborn["questions"])
    choice = next(q for q in newborn["questions"] if q["kind"] == "choice")
    assert choice["choices"] and all(c["label"] for c in choice["choices"])
    savings = newborn["savings"]
    assert savings["materials_bundle"] < savings["materials_separately"]
    assert savings["visits_bundle"] <= savings["visits_separately"]
    assert api.get("/bundles/no-such-bundle").status_code == 404


def test_a_member_service_leads_to_its_bundles(api):
    assert [b["id"] for b in api.get("/bundles", params={"service": "ps-death-hukou-cancellation"}).json()] == ["after-a-death"]
    assert [b["id"] for b in api.get("/bundles", params={"life_event": "retirement"}).json()] == ["retirement"]
    assert api.get("/bundles", params={"service": "ps-id-card"}).json() == []


def test_a_joint_application_has_one_receipt_and_a_line_per_member_service(api):
    headers = log_in(api)
    body = _newborn_body(api, headers)
    response = api.post("/bundle-applications", json=body, headers={**headers, "Idempotency-Key": str(uuid.uuid4())})
    assert response.status_code == 201, response.text
    joint = response.json()
    receipt = joint["id"]
    assert len(receipt) == 14 and receipt.isdigit()
    assert [line["service"]["id"] for line in joint["lines"]] == NEWBORN_SERVICES
    assert all(line["status"] == "submitted" and line["steps"][0]["done_at"] and line["next_step"] == "accepted" for line in joint["lines"])
    # Each shared answer and material reached exactly the services that use it.
    lines = {line["service"]["id"]: line for line in joint["lines"]}
    assert "child_name" in lines["health-vaccination-certificate"]["answers"]
    assert "hukou_parent" in lines["ps-newborn-hukou"]["answers"]
    assert "hukou_parent" not in lines["health-vaccination-certificate"]["answers"]
    assert lines["ps-newborn-hukou"]["materials"] == ["hukou_booklet", "parents_id_cards"]
    assert lines["health-vaccination-certificate"]["materials"] == []

    public = api.get(f"/bundle-applications/{receipt}", params={"locale": "fr"}).json()
    assert public["bundle"]["name"] == "Naissance" and len(public["lines"]) == len(NEWBORN_SERVICES)
    assert public["applicant_name"] is None and all(line["answers"] is None for line in public["lines"])
    assert api.get(f"/bundle-applications/{receipt}", headers=headers).json()["applicant_name"] == "张伟"
    assert api.get(f"/bundle-applications/{receipt}", headers=log_in(api, "13900139000")).json()["applicant_name"] is None
    mine = api.get("/me/bundle-applications", headers=headers).json()
    assert [a["id"] for a in mine].count(receipt) == 1
    assert api.get(f"/applications/{receipt}").status_code == 404  # a joint receipt is tracked by its own endpoint
    assert any(m["reference"] == receipt for m in api.get("/me/messages", headers=headers).json())


def test_an_idempotency_key_is_scoped_to_its_owner_and_its_body(api):
    headers = log_in(api)
    key = {"Idempotency-Key": f"joint-{uuid.uuid4()}"}
    body = _newborn_body(api, headers)
    first = api.post("/bundle-applications", json=body, headers={**headers, **key})
    again = api.post("/bundle-applications", json=body, headers={**headers, **key})
    assert first.status_code == 201 and again.status_code == 200 and again.json()["id"] == first.json()["id"]
    changed = {**body, "answers": {**body["answers"], "child_name": "张小雪"}}
    reused = api.post("/bundle-applications", json=changed, headers={**headers, **key})
    assert reused.status_code == 422 and reused.json()["error"]["code"] == "idempotency_key_reused"
    # Another person's identical key never gives them someone else's application.
    other = log_in(api, "13900139000")
    theirs = api.post("/bundle-applications", json=_newborn_body(api, other), headers={**other, **key})
    assert theirs.status_code == 409 and theirs.json()["error"]["code"] == "idempotency_key_in_use"
    assert "张伟" not in theirs.text and first.json()["id"] not in theirs.text
    assert sum(1 for a in api.get("/me/bundle-applications", headers=headers).json() if a["id"] == first.json()["id"]) == 1


@pytest.mark.parametrize(
    ("answers", "field", "code"),
    [
        ({"child_name": "  "}, "answers.child_name", "required"),
        ({"child_name": "x" * 31}, "answers.child_name", "too_long"),
        ({"child_name": "a\x07b"}, "answers.child_name", "invalid_characters"),
        ({"child_birth_date": "2026-02-30"}, "answers.child_birth_date", "invalid_date"),
        ({"child_birth_date": (dt.date.today() + dt.timedelta(days=3)).isoformat()}, "answers.child_birth_date", "date_in_future"),
        ({"child_sex": "unknown"}, "answers.child_sex", "invalid_choice"),
        ({"child_sex": True}, "answers.child_sex", "invalid_format"),
        ({"favourite_colour": "blue"}, "answers.favourite_colour", "unknown_question"),
    ],
)
def test_joint_answers_are_checked_field_by_field(api, answers, field, code):
    headers = log_in(api)
    body = _newborn_body(api, headers)
    body["answers"] = {**body["answers"], **answers}
    response = api.post("/bundle-applications", json=body, headers=headers)
    assert response.status_code == 422
    assert {"field": field, "code": code} in response.json()["error"]["fields"]


def test_every_missing_answer_and_material_is_reported_at_once(api):
    headers = log_in(api)
    response = api.post("/bundle-applications", json={**_newborn_body(api, headers), "answers": {}, "uploads": {}}, headers=headers)
    fields = {(f["field"], f["code"]) for f in response.json()["error"]["fields"]}
    assert ("answers.child_name", "required") in fields and ("answers.hukou_parent", "required") in fields
    assert ("uploads.parents_id_cards", "required") in fields
    assert ("uploads.marriage_certificate", "required") not in fields  # optional material


def test_someone_elses_upload_cannot_be_handed_in(api):
    mine, theirs = log_in(api), log_in(api, "13900139000")
    foreign = api.post("/uploads", files={"file": ("id.png", PNG, "image/png")}, headers=theirs).json()["id"]
    body = _newborn_body(api, mine)
    body["uploads"]["parents_id_cards"] = foreign
    response = api.post("/bundle-applications", json=body, headers=mine)
    assert {"field": "uploads.parents_id_cards", "code": "unknown_upload"} in response.json()["error"]["fields"]


def test_joint_applications_need_a_login_and_a_known_bundle(api):
    body = {"bundle_id": "newborn", "applicant": APPLICANT, "declaration": True}
    assert api.post("/bundle-applications", json=body).status_code == 401
    response = api.post("/bundle-applications", json={**body, "bundle_id": "no-such"}, headers=log_in(api))
    assert {"field": "bundle_id", "code": "unknown_bundle"} in response.json()["error"]["fields"]
    assert api.get("/bundle-applications/20260101000000").status_code == 404


def test_hostile_answers_are_kept_as_plain_text(api):
    headers = log_in(api)
    hostile = "<img src=x onerror=alert(1)>"
    body = _newborn_body(api, headers)
    body["answers"]["birth_hospital"] = hostile
    response = api.post("/bundle-applications", json=body, headers=headers)
    assert response.status_code == 201
    assert hostile not in response.text  # answers are never echoed into the progress view


def test_bundle_drafts_belong_to_their_account_and_go_on_submission(api):
    headers = log_in(api)
    draft = {"answers": {"child_name": "张小满"}, "step": 2}
    assert api.put("/me/bundle-drafts/newborn", json={"data": draft}, headers=headers).status_code == 200
    assert api.get("/me/bundle-drafts/newborn", headers=headers).json()["data"] == draft
    assert api.get("/me/bundle-drafts/newborn", headers=log_in(api, "13900139000")).status_code == 404
    assert api.put("/me/bundle-drafts/no-such", json={"data": {}}, headers=headers).status_code == 404
    too_big = api.put("/me/bundle-drafts/newborn", json={"data": {"x": "y" * 70_000}}, headers=headers)
    assert {"field": "data", "code": "too_large"} in too_big.json()["error"]["fields"]
    assert api.post("/bundle-applications", json=_newborn_body(api, headers), headers=headers).status_code == 201
    assert api.get("/me/bundle-drafts/newborn", headers=headers).status_code == 404


def test_a_database_seeded_before_bundles_existed_gets_them(tmp_path, request):
    from sqlalchemy import delete
    from sqlmodel import Session, select

    from backend import models
    from backend.app import prepare_database
    from backend.db import make_sync_engine
    from tests.conftest import fresh_settings

    engine = make_sync_engine(fresh_settings("sqlite", tmp_path, request))
    try:
        prepare_database(engine, 1)
        with Session(engine) as session:
            session.exec(delete(models.Bundle))  # as a database seeded before this release
            session.commit()
        prepare_database(engine, 1)
        with Session(engine) as session:
            ids = [b.id for b in session.exec(select(models.Bundle).order_by(models.Bundle.position))]
        assert ids == ["newborn", "after-a-death", "starting-a-business", "retirement"]
    finally:
        engine.dispose()
