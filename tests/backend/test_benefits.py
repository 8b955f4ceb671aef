"""The benefits finder (政策计算器) through the reference API: a test per rule
(it applies to the answers it names and not when one is contradicted), skipped
questions, reasons in the reader's language, validation, pre-filling from the
profile, and nothing stored."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from sqlmodel import Session, SQLModel

from backend.api.benefits import age_on
from backend.benefits import seed_rules
from tests.api_helpers import log_in

# rule id -> (audience, answers that meet it, one answer that contradicts it)
CASES = {
    "elderly-allowance": ("resident", {"age": 83, "residence": "hukou"}, {"age": 79}),
    "senior-bus-card": ("resident", {"age": 61, "residence": "permanent_resident"}, {"residence": "foreigner"}),
    "retirement-pension": ("resident", {"age": 58}, {"age": 45}),
    "subsistence-allowance": ("resident", {"income": "subsistence", "residence": "residence_card"}, {"income": "low"}),
    "public-rental-housing": ("resident", {"income": "low", "residence": "hukou"}, {"residence": "elsewhere"}),
    "disability-allowances": ("resident", {"disability": True, "residence": "hukou"}, {"disability": False}),
    "newborn-medical-insurance": ("resident", {"children": "under_3"}, {"children": "none"}),
    "kindergarten-place": ("resident", {"children": "age_3_to_5"}, {"children": "age_16_to_17"}),
    "primary-school-place": ("resident", {"children": "age_6_to_15"}, {"children": "under_3"}),
    "student-aid": ("resident", {"children": "age_6_to_15", "income": "subsistence"}, {"income": "high"}),
    "child-tax-deductions": ("resident", {"children": "under_3", "income": "middle"}, {"income": "subsistence"}),
    "company-registration": ("business", {"years": 0, "location": "haizhou"}, {"years": 3}),
    "food-business-licence": ("business", {"industry": "catering", "location": "haizhou"}, {"industry": "technology"}),
    "small-business-tax-relief": ("business", {"size": "micro"}, {"size": "large"}),
    "staff-social-insurance": ("business", {"years": 1}, {"years": 5}),
}


def _check(api, audience: str, answers: dict, locale: str = "en"):
    return api.post("/benefits/check", params={"locale": locale}, json={"audience": audience, audience: answers})


def _results(api, audience: str, answers: dict, locale: str = "en") -> dict[str, dict]:
    response = _check(api, audience, answers, locale)
    assert response.status_code == 200, response.text
    return {r["rule"]: r for r in response.json()["results"]}


def test_every_rule_has_its_case():
    assert set(CASES) == {rule.id for rule in seed_rules()}


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_each_rule_applies_to_its_answers_and_not_against_them(api, rule_id):
    audience, meets, contradicts = CASES[rule_id]
    rule = next(r for r in seed_rules() if r.id == rule_id)
    found = _results(api, audience, meets)
    assert found[rule_id]["match"] == "likely" and found[rule_id]["skipped"] == []
    assert found[rule_id]["reasons"] == [rule.when[name].reason.en for name in meets]  # one plain reason per answer
    target = found[rule_id]["target"]
    assert target["id"] == (rule.service or rule.article) and target["kind"] == ("service" if rule.service else "article") and target["name"]
    assert found[rule_id]["check"] == rule.check.en
    assert rule_id not in _results(api, audience, {**meets, **contradicts})


def test_a_skipped_question_makes_a_rule_possible_and_is_named(api):
    found = _results(api, "resident", {"age": 85})  # residence skipped
    assert found["elderly-allowance"]["match"] == "possible"
    assert found["elderly-allowance"]["skipped"] == ["residence"]
    assert found["elderly-allowance"]["reasons"] == ["you are 80 or over"]
    results = _check(api, "resident", {"age": 85, "residence": "hukou", "children": "under_3"}).json()["results"]
    matches = [r["match"] for r in results]
    assert matches == sorted(matches, key=lambda m: m != "likely")  # likely ones first


def test_skipping_everything_finds_nothing(api):
    assert _results(api, "resident", {}) == {}
    assert _results(api, "business", {}) == {}


def test_the_reasons_are_in_the_readers_language(api):
    ja = _results(api, "resident", {"age": 81, "residence": "hukou"}, "ja")["elderly-allowance"]
    assert ja["reasons"] == ["80歳以上である", "海州市に戸籍がある"]
    fr = _results(api, "business", {"size": "small"}, "fr")["small-business-tax-relief"]
    assert fr["reasons"] == ["votre entreprise est petite"] and fr["target"]["lang"] == "fr"


def test_resident_answers_do_not_leak_into_a_business_check(api):
    response = api.post("/benefits/check", json={"audience": "business", "resident": {"age": 90, "residence": "hukou"}})
    assert response.json()["results"] == []


@pytest.mark.parametrize(
    ("body", "field", "code"),
    [
        ({"audience": "resident", "resident": {"age": -1}}, "resident.age", "out_of_range"),
        ({"audience": "resident", "resident": {"age": 131}}, "resident.age", "out_of_range"),
        ({"audience": "resident", "resident": {"residence": "<script>"}}, "resident.residence", "invalid_choice"),
        ({"audience": "resident", "resident": {"salary": 5000}}, "resident.salary", "extra_forbidden"),
        ({"audience": "tourist"}, "audience", "invalid_choice"),
        ({"audience": "business", "business": {"years": "many"}}, "business.years", "invalid_format"),
    ],
)
def test_answers_are_checked(api, body, field, code):
    response = api.post("/benefits/check", json=body)
    assert response.status_code == 422
    assert {"field": field, "code": code} in response.json()["error"]["fields"]


def test_checking_stores_nothing(api, api_db):
    def counts() -> dict[str, int]:
        with Session(api_db) as session:
            return {t.name: session.exec(select(func.count()).select_from(t)).one()[0] for t in SQLModel.metadata.sorted_tables}

    before = counts()
    _results(api, "resident", {"age": 70, "residence": "hukou", "income": "low", "disability": True, "children": "age_6_to_15"})
    _results(api, "business", {"size": "micro", "industry": "catering", "years": 0, "location": "haizhou"})
    assert counts() == before


def test_prefill_holds_only_what_the_profile_holds(api):
    resident = api.get("/me/benefits-prefill", headers=log_in(api)).json()
    assert resident == {"age": age_on(dt.date(1965, 3, 15), dt.date.today()), "residence": None}  # from 110105196503152015
    foreigner = api.post("/auth/passport", json={"passport_number": "18AB12345", "nationality": "FR", "password": "Haizhou-2026"})
    assert foreigner.status_code == 200, foreigner.text
    prefill = api.get("/me/benefits-prefill", headers={"Authorization": f"Bearer {foreigner.json()['token']}"}).json()
    assert prefill == {"age": None, "residence": "foreigner"}
    assert api.get("/me/benefits-prefill").status_code == 401


def test_age_counts_whole_years():
    assert age_on(dt.date(1946, 6, 1), dt.date(2026, 5, 31)) == 79
    assert age_on(dt.date(1946, 6, 1), dt.date(2026, 6, 1)) == 80
