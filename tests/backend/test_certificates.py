"""E-certificates (电子证照): the owner's list, the public QR verification,
references from applications, and instant approval (秒批)."""

from __future__ import annotations

import datetime as dt
import secrets

import pytest
from sqlmodel import Session

from backend import models
from tests.api_helpers import log_in

APPLICANT = {"name": "张伟", "id_type": "resident_id", "id_number": "110105196503152015", "phone": "13800138000"}


def certificates(api, phone="13800138000", locale="zh") -> dict[str, dict]:
    response = api.get("/me/certificates", headers=log_in(api, phone), params={"locale": locale})
    assert response.status_code == 200, response.text
    return {c["kind"]["id"]: c for c in response.json()}


def apply(api, service_id, certificate_ids, phone="13800138000", applicant=APPLICANT):
    body = {"service_id": service_id, "applicant": applicant, "certificates": certificate_ids, "declaration": True}
    return api.post("/applications", json=body, headers=log_in(api, phone))


def test_the_owner_lists_their_certificates_masked(api):
    assert api.get("/me/certificates").status_code == 401
    response = api.get("/me/certificates", headers=log_in(api), params={"locale": "en"})
    assert "110105196503152015" not in response.text  # never the full number
    held = {c["kind"]["id"]: c for c in response.json()}
    assert set(held) == {"resident-id-card", "household-register", "marriage-certificate", "driving-licence", "social-security-card"}
    card = held["resident-id-card"]
    assert card["kind"]["name"] == "Resident identity card"
    assert card["holder"] == "张伟" and card["number_masked"] == "1101**********2015"
    assert card["issuer"] == "Dongcheng Branch, Haizhou Public Security Bureau"
    assert card["expires_on"] is None and card["status"] == "valid" and not card["expiring_soon"]
    licence = held["driving-licence"]
    assert licence["status"] == "valid" and licence["expiring_soon"]
    assert dt.date.fromisoformat(licence["expires_on"]) - dt.date.today() == dt.timedelta(days=21)
    assert not held["social-security-card"]["expiring_soon"]
    assert len({c["verification_token"] for c in held.values()}) == len(held)


@pytest.mark.parametrize(("locale", "name"), [("zh", "外国人居留许可"), ("ja", "外国人居留許可"), ("ko", "외국인 거류허가"), ("fr", "Titre de séjour")])
def test_kinds_and_issuers_in_each_language(api, locale, name):
    held = certificates(api, "13600136000", locale)
    assert held["residence-permit"]["kind"]["name"] == name
    assert held["residence-permit"]["expiring_soon"]
    issuers = {"zh": "海州市科学技术局", "ja": "海州市科学技術局", "ko": "하이저우시 과학기술국", "fr": "Bureau des sciences et des technologies de Haizhou"}
    assert held["work-permit"]["issuer"] == issuers[locale]


def test_verification_reveals_only_validity_and_the_masked_holder(api):
    held = certificates(api)
    response = api.get(f"/certificates/verify/{held['resident-id-card']['verification_token']}")
    assert response.status_code == 200
    assert response.json() == {"status": "valid", "holder_masked": "张*"}
    foreign = certificates(api, "13600136000")
    assert api.get(f"/certificates/verify/{foreign['work-permit']['verification_token']}").json() == {
        "status": "valid", "holder_masked": "E*** M*****"}


def test_verification_says_expired_revoked_and_unknown(api):
    expired = certificates(api, "13900139000")["driving-licence"]
    assert expired["status"] == "expired" and not expired["expiring_soon"]
    assert api.get(f"/certificates/verify/{expired['verification_token']}").json()["status"] == "expired"
    revoked = [c for c in api.get("/me/certificates", headers=log_in(api, "13300133000")).json() if c["status"] == "revoked"]
    assert len(revoked) == 1
    assert api.get(f"/certificates/verify/{revoked[0]['verification_token']}").json() == {"status": "revoked", "holder_masked": "T***** Y***"}
    assert api.get("/certificates/verify/" + "A" * 32).json() == {"status": "unknown", "holder_masked": None}


@pytest.mark.parametrize("token", ["110105196503152015", "330106199207081620", "<script>alert(1)</script>", "A" * 31, "A" * 33, "%27%20OR%201%3D1--"])
def test_a_certificate_is_never_found_by_its_number_or_by_hostile_input(api, token):
    response = api.get(f"/certificates/verify/{token}")
    assert response.status_code in (404, 422)
    assert "张" not in response.text and "<script>" not in response.text


def test_someone_elses_certificate_cannot_be_referenced(api):
    theirs = certificates(api, "13900139000")["resident-id-card"]["id"]
    response = apply(api, "ps-no-criminal-record", [theirs])
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == [{"field": "certificates", "code": "unknown_certificate"}]
    unknown = apply(api, "ps-no-criminal-record", ["0123456789abcdef"])
    assert unknown.json()["error"]["fields"] == [{"field": "certificates", "code": "unknown_certificate"}]


def test_an_expired_or_revoked_certificate_is_not_accepted(api, api_db):
    # An identity card of li-na's that expired yesterday, beside her valid one.
    with Session(api_db) as session:
        session.add(models.Certificate(
            id=secrets.token_hex(8), account_id="li-na", kind="resident-id-card", number="330106199207081620", holder="李娜",
            issuer={"zh": "海州市公安局西港分局"}, issued_on=dt.date.today() - dt.timedelta(days=3700),
            expires_on=dt.date.today() - dt.timedelta(days=1), verification_token=secrets.token_urlsafe(24)))
        session.commit()
    expired = next(c for c in api.get("/me/certificates", headers=log_in(api, "13900139000")).json()
                   if c["kind"]["id"] == "resident-id-card" and c["status"] == "expired")
    applicant = {**APPLICANT, "name": "李娜", "id_number": "330106199207081620", "phone": "13900139000"}
    response = apply(api, "ps-no-criminal-record", [expired["id"]], phone="13900139000", applicant=applicant)
    assert response.status_code == 422
    assert response.json()["error"]["fields"] == [{"field": "certificates", "code": "certificate_not_valid"}]
    revoked = next(c for c in api.get("/me/certificates", headers=log_in(api, "13300133000")).json() if c["status"] == "revoked")
    applicant = {"name": "TANAKA YUKI", "id_type": "passport", "id_number": "TK1234567", "phone": "13300133000"}
    response = apply(api, "hrss-foreign-employee-insurance", [revoked["id"]], phone="13300133000", applicant=applicant)
    assert response.json()["error"]["fields"] == [{"field": "certificates", "code": "certificate_not_valid"}]


def test_a_certificate_the_service_does_not_take_is_refused(api):
    held = certificates(api)
    response = apply(api, "ps-no-criminal-record", [held["marriage-certificate"]["id"]])
    assert response.json()["error"]["fields"] == [{"field": "certificates", "code": "certificate_not_needed"}]


@pytest.mark.parametrize("bad", [["x"], ["<b>0123456789</b>"], ["0123456789ABCDEF"], ["0" * 16] * 11, "0123456789abcdef"])
def test_hostile_certificate_references_are_refused(api, bad):
    response = apply(api, "ps-no-criminal-record", bad)
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["field"].startswith("certificates")


def test_instant_approval_when_every_required_material_is_on_file(api):
    held = certificates(api)
    response = apply(api, "ps-no-criminal-record", [held["resident-id-card"]["id"]])
    assert response.status_code == 201, response.text
    application = response.json()
    assert application["instant_approval"] is True
    assert application["status"] == "completed"
    assert all(step["done_at"] for step in application["steps"]) and application["next_step"] is None
    assert "秒批" in application["result"]
    tracked = api.get(f"/applications/{application['id']}", params={"locale": "fr"}).json()
    assert tracked["instant_approval"] and "approuvée immédiatement" in tracked["result"]
    mine = api.get("/me/applications", headers=log_in(api)).json()
    assert any(a["id"] == application["id"] and a["instant_approval"] for a in mine)


def test_no_instant_approval_without_the_certificate_or_the_rule(api):
    held = certificates(api)
    without = apply(api, "ps-no-criminal-record", [])
    assert without.status_code == 201
    assert without.json()["instant_approval"] is False and without.json()["status"] == "submitted"
    assert [bool(s["done_at"]) for s in without.json()["steps"]] == [True, False, False, False, False]
    # ps-id-card takes both certificates as materials but its rules do not allow instant approval.
    not_allowed = apply(api, "ps-id-card", [held["resident-id-card"]["id"], held["household-register"]["id"]])
    assert not_allowed.status_code == 201
    assert not_allowed.json()["instant_approval"] is False and not_allowed.json()["status"] == "submitted"
    # ca-elderly-allowance allows it, but needs the social security card as well as the identity card.
    partial = apply(api, "ca-elderly-allowance", [held["resident-id-card"]["id"]])
    assert partial.status_code == 201 and partial.json()["instant_approval"] is False
    whole = apply(api, "ca-elderly-allowance", [held["resident-id-card"]["id"], held["social-security-card"]["id"]])
    assert whole.status_code == 201 and whole.json()["instant_approval"] is True


def test_service_guide_names_the_certificate_kind_of_each_material(api):
    detail = api.get("/services/ps-no-criminal-record").json()
    assert detail["instant_approval"] is True
    assert detail["materials"][0]["certificate"] == "resident-id-card"
    assert api.get("/services/ps-id-card").json()["instant_approval"] is False


def test_guessing_verification_tokens_is_slowed_per_caller(api):
    """Tokens are unguessable; a caller trying many anyway waits, others do not."""
    guesser, other = {"X-Forwarded-For": "198.51.100.171"}, {"X-Forwarded-For": "198.51.100.172"}
    token = certificates(api)["resident-id-card"]["verification_token"]
    answers = [api.get(f"/certificates/verify/{secrets.token_urlsafe(24)}", headers=guesser) for _ in range(25)]
    assert answers[0].json()["status"] == "unknown"
    refused = [a for a in answers if a.status_code == 429]
    assert refused and refused[0].json()["error"]["code"] == "too_many_attempts" and int(refused[0].headers["Retry-After"]) > 0
    assert api.get(f"/certificates/verify/{token}", headers=guesser).status_code == 429
    assert api.get(f"/certificates/verify/{token}", headers=other).json()["status"] == "valid"
