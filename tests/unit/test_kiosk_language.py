"""The kiosk's words: every screen's prompt in every locale, every command in
every locale, and every Korean command word in the speech model's vocabulary
(vosk silently drops unknown words from a grammar)."""

from __future__ import annotations

import pytest

from kiosk.commands import SCREEN_INTENTS, best_reading, grammar, phrases, understand
from kiosk.config import config
from kiosk.prompts import PROMPTS, prompt_keys, prompt_text
from locales import LOCALES, gettext_for


@pytest.mark.parametrize("locale", LOCALES)
def test_every_screen_has_its_prompt_translated(locale):
    for key in PROMPTS:
        text = prompt_text(key, locale)
        assert text
        if locale != "en":
            assert text != PROMPTS[key], f"{key} is not translated into {locale}"
    for key in prompt_keys():
        assert prompt_text(key, locale)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_command_has_phrases_in_every_locale(locale):
    needed = {intent for intents in SCREEN_INTENTS.values() for intent in intents}
    data = phrases(locale)
    assert needed <= set(data.intents), needed - set(data.intents)
    assert all(len(data.intents[intent]) >= 2 for intent in needed), "several ways of saying each command"
    assert sorted(data.digits) == [str(d) for d in range(10)]


def test_korean_commands_are_in_the_models_vocabulary():
    from kiosk.listen import model

    assert "ko" in config.models
    missing = sorted(
        {word for screen in SCREEN_INTENTS for phrase in grammar("ko", screen, {}) for word in phrase.split() if model("ko").vosk_model_find_word(word) < 0}
    )
    assert not missing, missing


@pytest.mark.parametrize(
    ("screen", "heard", "intent"),
    [("menu", "번호표 주세요", "queue"), ("menu", "민원 조회", "track"), ("track", "하나 둘 삼", "digits"), ("queue", "처음으로", "home"), ("menu", "", None)],
)
def test_understanding_korean(screen, heard, intent):
    meaning = understand("ko", screen, heard, {})
    assert meaning.intent == intent
    if intent == "digits":
        assert meaning.digits == "123"


@pytest.mark.parametrize(
    ("screen", "readings", "taken"),
    [
        ("menu", ["민원 조회 직원", "직원 호출"], "직원 호출"),  # one whole command beats a run of words
        ("track", ["이 확인 공", "이 공 이"], "이 공 이"),  # a number where the screen asks for one
        ("menu", ["이 공 이", "번호표"], "번호표"),  # digits mean nothing on the menu
        ("menu", ["민원 직원", "조회 직원"], "민원 직원"),  # nothing whole: the best reading
        ("menu", [], ""),
    ],
)
def test_the_first_whole_reading_is_taken(screen, readings, taken):
    assert best_reading("ko", screen, readings) == taken


def test_choices_are_understood_by_their_words():
    meaning = understand("ko", "queue", "여권", {"ee-passport": "여권 발급", "ps-id-card": "주민등록증"})
    assert meaning.intent == "choose" and meaning.choice == "ee-passport"


def test_the_attract_screen_speaks_every_language():
    welcome = {locale: gettext_for(locale)(PROMPTS["attract"]) for locale in LOCALES}
    assert len(set(welcome.values())) == len(LOCALES)
