"""The service assistant through its API: it finds the service, answers the
question asked from the guide's own data, keeps a conversation's context,
switches when corrected, asks when two services fit, refuses what the city
does not do, and keeps no personal data."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from backend import models
from backend.assistant.dialogue import TTL_SECONDS, Assistant, Conversation
from backend.analysis import INTENTS
from backend.localize import localize


def _say(api, text: str, locale: str = "zh", conversation_id: str | None = None) -> dict:
    response = api.post("/assistant/messages", params={"locale": locale}, json={"text": text, "conversation_id": conversation_id})
    assert response.status_code == 200, response.text
    return response.json()


def _guide(api_db, service_id: str, locale: str) -> dict:
    with Session(api_db) as session:
        return localize(session.get(models.Service, service_id).data, locale)


@pytest.mark.parametrize(
    ("text", "locale", "service"),
    [
        ("身份证丢了", "zh", "ps-id-card"),
        ("生孩子上户口", "zh", "ps-newborn-hukou"),
        ("驾照到期换证", "zh", "ps-driving-licence-renewal"),
        ("school for my kids", "en", "edu-foreign-children-enrolment"),
        ("start a business", "en", "mr-company-registration"),
        ("ビザを延長したい", "ja", "ee-visa-extension"),
        ("여권을 잃어버렸어요", "ko", "ee-passport"),
        ("je veux prolonger mon visa", "fr", "ee-visa-extension"),
    ],
)
def test_finds_the_service_people_describe(api, text, locale, service):
    reply = _say(api, text, locale)
    assert reply["act"] == "answer" and not reply["handoff"]
    assert reply["services"][0]["id"] == service
    assert reply["topics"] == ["general"]


def test_answers_the_question_asked_from_the_guide(api, api_db):
    guide = _guide(api_db, "ps-id-card", "zh")
    materials = _say(api, "身份证丢了要带什么材料", "zh")
    assert materials["topics"] == ["materials"] and materials["services"][0]["id"] == "ps-id-card"
    assert all(m["name"] in materials["reply"] for m in guide["materials"])

    fee = _say(api, "补办身份证多少钱", "zh")
    assert fee["topics"] == ["fee"]
    assert guide["fee_note"] in fee["reply"] and "20.00" in fee["reply"]

    english = _guide(api_db, "ee-passport", "en")
    where = _say(api, "where do I apply for a chinese passport", "en")
    assert where["topics"] == ["where"] and english["where"] in where["reply"]
    hours = _say(api, "what are the opening hours for a chinese passport", "en")
    assert hours["topics"] == ["hours"]
    with Session(api_db) as session:
        hall = localize(session.get(models.Hall, english["halls"][0]).data, "en")
    assert hall["name"] in hours["reply"] and hall["hours_note"] in hours["reply"]


def test_follow_ups_stay_with_the_service_and_a_correction_switches(api):
    first = _say(api, "我想补办身份证", "zh")
    conversation = first["conversation_id"]
    follow = _say(api, "要带什么材料？", "zh", conversation)
    assert follow["services"][0]["id"] == "ps-id-card" and follow["topics"] == ["materials"]
    assert follow["conversation_id"] == conversation
    switched = _say(api, "不是，我是说护照", "zh", conversation)
    assert switched["services"][0]["id"] == "ee-passport"
    assert switched["topics"] == ["materials"], "a correction keeps the question that was asked"

    english = _say(api, "my visa is about to expire", "en")
    assert _say(api, "how long does it take?", "en", english["conversation_id"])["topics"] == ["time"]
    korean = _say(api, "비자를 연장하고 싶어요", "ko")
    fee = _say(api, "수수료가 있나요?", "ko", korean["conversation_id"])
    assert fee["services"][0]["id"] == "ee-visa-extension" and fee["topics"] == ["fee"]


def test_asks_which_service_when_two_fit_then_answers_the_choice(api):
    asked = _say(api, "rendez-vous pour un mariage avec un chinois", "fr")
    assert asked["act"] == "clarify"
    ids = [s["id"] for s in asked["services"]]
    assert set(ids) == {"ca-foreign-marriage-registration", "ca-marriage-registration"}
    assert asked["suggestions"] == [s["name"] for s in asked["services"]]
    chosen = _say(api, asked["suggestions"][ids.index("ca-foreign-marriage-registration")], "fr", asked["conversation_id"])
    assert chosen["act"] == "answer" and chosen["services"][0]["id"] == "ca-foreign-marriage-registration"
    assert chosen["topics"] == ["booking"], "the question asked before the choice is answered"


def test_a_question_without_a_service_asks_which(api):
    asked = _say(api, "how much does it cost?", "en")
    assert asked["act"] == "clarify" and not asked["services"] and not asked["handoff"]
    answered = _say(api, "passport", "en", asked["conversation_id"])
    assert answered["services"][0]["id"] == "ee-passport" and answered["topics"] == ["fee"]


@pytest.mark.parametrize(
    ("text", "locale"),
    [("明天会下雨吗", "zh"), ("where can I buy train tickets", "en"), ("新幹線の切符を買いたい", "ja"), ("근처 맛집 추천해 주세요", "ko"), ("quel temps fera-t-il demain", "fr")],
)
def test_refuses_what_the_city_does_not_do(api, text, locale):
    reply = _say(api, text, locale)
    assert reply["act"] == "handoff" and reply["handoff"] is True
    assert reply["services"] == []
    assert "12345" in reply["reply"]


def test_keeps_no_personal_data_and_never_echoes(api, api_app):
    hostile = "身份证丢了<img src=x onerror=alert(1)>{{7*7}} 我的身份证号110101199003077777，电话13800138000"
    reply = _say(api, hostile, "zh")
    assert reply["services"][0]["id"] == "ps-id-card"
    for secret in ("<img", "onerror", "{{", "49", "110101199003077777", "13800138000"):
        assert secret not in reply["reply"]
    state = api_app.state.assistant._conversations[reply["conversation_id"]]
    assert isinstance(state, Conversation)
    remembered = [state.service, *state.intents, *state.pending]
    known = {*api_app.state.assistant.catalogue.services, *INTENTS, "general", None}
    assert set(remembered) <= known, "only catalogue ids and kinds of question are kept"
    assert "ps-id-card" in remembered


def test_an_expired_conversation_starts_again(api):
    reply = _say(api, "要带什么材料", "zh", "no-such-conversation")
    assert reply["conversation_id"] != "no-such-conversation"
    assert reply["act"] == "clarify"
    assert reply["reply"].startswith("之前的对话已过期")


def test_a_conversation_expires_after_thirty_minutes_of_silence(api_app):
    now = [0.0]
    assistant = Assistant(api_app.state.search_index, api_app.state.assistant.catalogue, clock=lambda: now[0])
    conversation_id, state, _expired = assistant.conversation(None)
    assistant.remember(conversation_id, assistant.respond(state, "护照", "zh").state)
    now[0] += TTL_SECONDS - 60
    assert assistant.conversation(conversation_id) == (conversation_id, Conversation(service="ee-passport", intents=("general",)), False)
    now[0] += 120
    new_id, state, expired = assistant.conversation(conversation_id)
    assert expired and new_id != conversation_id and state == Conversation()


def test_bad_input_is_refused_with_field_errors(api):
    too_long = api.post("/assistant/messages", params={"locale": "en"}, json={"text": "a" * 501})
    assert too_long.status_code == 422 and too_long.json()["error"]["fields"][0]["code"] == "too_long"
    empty = api.post("/assistant/messages", params={"locale": "en"}, json={"text": ""})
    assert empty.status_code == 422
    odd_id = api.post("/assistant/messages", params={"locale": "en"}, json={"text": "hi", "conversation_id": "../../etc"})
    assert odd_id.status_code == 422


def test_every_suggestion_is_understood(api):
    """What the assistant offers to say next leads somewhere in every locale."""
    for locale, start in {"zh": "护照", "en": "passport", "ja": "パスポート", "ko": "여권", "fr": "passeport"}.items():
        first = _say(api, start, locale)
        assert first["services"][0]["id"] == "ee-passport", locale
        for suggestion in first["suggestions"]:
            follow = _say(api, suggestion, locale, first["conversation_id"])
            assert follow["act"] == "answer" and follow["services"][0]["id"] == "ee-passport", (locale, suggestion, follow)
            assert follow["topics"] != ["general"], (locale, suggestion)
