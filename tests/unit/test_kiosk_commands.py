"""Voice commands: the templates of every locale, the grammar vosk listens
with (every word in the Korean model's vocabulary), what a whole utterance
means, and the decision to act, ask or admit nothing was understood."""

from __future__ import annotations

import pytest

from kiosk.commands import SCREEN_INTENTS, Heard, decide, grammar, match, phrases, sentences
from kiosk.config import config
from kiosk.prompts import ACTIONS, prompt_text, question_text
from kiosk.screens import MENU
from locales import LOCALES, gettext_for

# The controls of each screen that act on a spoken command: their labels must be sayable.
BAR = ("home", "back", "repeat")
SCREEN_CONTROLS = {
    "menu": tuple(intent for _path, intent, _icon, _label in MENU),
    "queue": ("print", *BAR),
    "track": ("check", "clear", *BAR),
    "book": ("confirm_booking", *BAR),
    "guides": BAR,
    "help": ("home", "back"),
    "confirm": ("yes", "no"),
}


@pytest.mark.parametrize("locale", LOCALES)
def test_every_screen_command_has_templates_and_every_digit_its_words(locale):
    needed = {intent for intents in SCREEN_INTENTS.values() for intent in intents}
    assert needed <= set(phrases(locale).intents.intents), needed - set(phrases(locale).intents.intents)
    assert {phrases(locale).digits[w] for w in phrases(locale).digits} >= {str(d) for d in range(10)}


@pytest.mark.parametrize("locale", LOCALES)
def test_each_screens_own_button_labels_are_understood(locale):
    _ = gettext_for(locale)
    for screen, intents in SCREEN_CONTROLS.items():
        for intent in intents:
            label = _(ACTIONS[intent])
            meaning = match(locale, screen, label, {})
            assert meaning and meaning.intent == intent, f"{screen}: {label!r} -> {meaning}"


@pytest.mark.parametrize("locale", LOCALES)
def test_no_sentence_means_two_things_on_one_screen(locale):
    for screen in SCREEN_INTENTS:
        said: dict[str, str] = {}
        for intent, sentence in sentences(locale, screen):
            key = "".join(sentence.casefold().split())
            assert said.setdefault(key, intent) == intent, f"{screen}: {sentence!r} is {said[key]} and {intent}"


@pytest.mark.parametrize(
    ("locale", "screen", "said", "intent", "digits"),
    [
        ("ko", "menu", "민원 안내", "guide", ""),
        ("ko", "menu", "대기 번호 받기", "queue", ""),
        ("ko", "menu", "진행 상황 확인", "track", ""),
        ("ko", "menu", "도와주세요", "help", ""),
        ("ko", "menu", "도와주 세요", "help", ""),  # as the model's words split it
        ("ko", "menu", "직원 불러주 세요", "help", ""),
        ("ko", "menu", "직원 불러 주세요", "help", ""),
        ("ko", "menu", "다시 말해 주세요", "repeat", ""),
        ("ko", "menu", "번호표 뽑아 주세요", "queue", ""),
        ("ko", "menu", "번호표 부탁합니다", "queue", ""),
        ("ko", "guides", "뒤로 가기", "back", ""),
        ("ko", "track", "이 공 이 육", "digits", "2026"),
        ("ja", "menu", "手続きガイド", "guide", ""),
        ("ja", "menu", "番号札 を ください", "queue", ""),
        ("ja", "track", "し しち く まる", "digits", "4790"),
        ("fr", "menu", "où en est mon dossier", "track", ""),
        ("fr", "menu", "je voudrais des renseignements", "guide", ""),
        ("fr", "menu", "je voudrais prendre un ticket s'il vous plaît", "queue", ""),
        ("fr", "track", "vingt vingt six onze", "digits", "202611"),
        ("zh", "menu", "拿号", "queue", ""),
        ("zh", "menu", "请 帮 我 取号", "queue", ""),
        ("zh", "menu", "办好了没有", "track", ""),
        ("zh", "menu", "要带什么材料", "guide", ""),
        ("zh", "menu", "帮帮我", "help", ""),
        ("en", "menu", "i'd like to take a number please", "queue", ""),
        ("en", "menu", "where's my application", "track", ""),
    ],
)
def test_how_people_say_it_is_understood(locale, screen, said, intent, digits):
    meaning = match(locale, screen, said, {})
    assert meaning is not None and meaning.intent == intent and meaning.digits == digits


@pytest.mark.parametrize(
    ("screen", "said"),
    [("menu", "번호표 직원"), ("menu", "이 공 이"), ("guides", "번호표"), ("menu", "번호 해요"), ("menu", "")],
)
def test_what_is_not_one_sentence_of_the_screen_means_nothing(screen, said):
    """Words of two commands, digits where no number is asked, another screen's command."""
    assert match("ko", screen, said, {}) is None


def test_a_choice_is_named_by_a_part_its_label_alone_has():
    choices = {"ee-passport": "여권 발급", "ps-id-card": "주민등록증 발급"}
    assert match("ko", "queue", "여권", choices).choice == "ee-passport"
    assert match("ko", "queue", "발급", choices) is None  # both have it


def test_korean_grammar_is_made_of_the_models_words():
    """vosk silently drops words it does not know: every word of every screen's
    grammar, as split into the model's words, must be one it knows."""
    from kiosk.listen import model, recogniser_grammar

    assert "ko" in config.models
    for screen in SCREEN_INTENTS:
        phrases_heard = recogniser_grammar("ko", screen, {})  # raises if a bit of a word is in no model word
        words = {w for p in phrases_heard for w in p.split()}
        unknown = {w for w in words if model("ko").vosk_model_find_word(w) < 0}
        assert not unknown, (screen, unknown)
        # vosk lets any grammar word follow any other: one-syllable words would be heard everywhere.
        if screen != "confirm":
            short = {w for w in words if len(w) == 1} - set(phrases("ko").digits)
            assert not short, (screen, short)
        assert len(phrases_heard) >= len(SCREEN_INTENTS[screen])


SURE = [1.0, 0.98]


@pytest.mark.parametrize(
    ("readings", "confidences", "expected"),
    [
        ([("직원 호출", 120.0), ("직원 호출 이", 110.0)], SURE, Heard("직원 호출", "help")),  # sure: act
        ([("직원 호출", 120.0), ("번호표", 119.0)], SURE, Heard("직원 호출", "help", confirm=True)),  # a close rival: ask
        ([("직원 호출", 120.0), ("번호표", 100.0)], SURE, Heard("직원 호출", "help")),  # a distant rival
        ([("직원 호출", 120.0)], [1.0, 0.4], Heard("직원 호출", "help", confirm=True)),  # a doubted word: ask
        ([("직원 호출", 120.0)], [1.0, 0.8], Heard("직원 호출", "help", confirm=True)),  # not sure enough to act
        ([("번호표 직원", 120.0), ("직원 호출", 118.0)], SURE, Heard("번호표 직원", "help", confirm=True)),  # only a rival means something
        ([("번호표 직원", 120.0), ("호출 번호표", 118.0)], SURE, Heard("번호표 직원")),  # nothing understood
        ([("다시 듣기", 120.0), ("다시", 119.5)], [0.3], Heard("다시 듣기", "repeat")),  # harmless: act
        ([], [], Heard("")),
    ],
)
def test_act_ask_or_nothing_on_the_menu(readings, confidences, expected):
    assert decide("ko", "menu", readings, confidences, {}) == expected


@pytest.mark.parametrize(
    ("readings", "confidences", "expected"),
    [
        ([("네", 50.0)], [0.99], Heard("네", "yes")),
        ([("네", 50.0)], [0.5], Heard("네")),  # an unsure yes is no yes: nothing is done
        ([("네", 50.0)], [0.8], Heard("네", "yes")),  # the answer to a question, among few words
        ([("네", 50.0), ("아니요", 49.0)], [0.99], Heard("네")),
        ([("아니요", 50.0)], [0.5], Heard("아니요", "no")),
        ([("직원 호출", 50.0), ("네", 40.0)], [0.99], Heard("직원 호출")),  # no second question
    ],
)
def test_only_a_sure_yes_confirms(readings, confidences, expected):
    assert decide("ko", "confirm", readings, confidences, {}) == expected


def test_digits_are_entered_without_asking():
    heard = decide("ko", "track", [("이 공 이", 90.0), ("이 공 일", 89.5)], [0.5, 0.9, 0.9], {})
    assert heard == Heard("이 공 이", "digits", digits="202")


def test_a_lone_digit_is_asked_however_sure():
    """One digit word is one syllable, what the recogniser hears for a short
    command (확인 as 이): the kiosk asks, and the question names the digit."""
    heard = decide("ko", "track", [("이", 90.0)], [1.0], {})
    assert heard == Heard("이", "digits", digits="2", confirm=True)
    assert "“2”" in question_text("ko", "track", heard, {})


@pytest.mark.parametrize(
    ("locale", "marks"),
    [("ja", ("「", "」、「", "、または「")), ("fr", ("«\u00a0", "\u00a0», «\u00a0", "\u00a0» ou «\u00a0")), ("zh", ("“", "”、“", "”或“")), ("ko", ("“", "”, “", "” 또는 “")), ("en", ("“", "”, “", "” or “"))],
)
def test_the_options_are_listed_in_the_locales_own_punctuation(locale, marks):
    text = prompt_text("not-understood-menu", locale)
    assert all(mark in text for mark in marks), text
    assert ";" not in text
    first = phrases(locale).first
    assert all(first[intent] in text for intent in SCREEN_INTENTS["menu"])


@pytest.mark.parametrize("locale", LOCALES)
def test_the_question_names_the_action_or_the_choice(locale):
    _ = gettext_for(locale)
    assert _(ACTIONS["help"]) in question_text(locale, "menu", Heard("", "help", confirm=True), {})
    chosen = question_text(locale, "queue", Heard("", "choose", choice="x", confirm=True), {"x": "여권 발급"})
    assert "여권 발급" in chosen and chosen != _("Did you mean %(action)s? Say yes, or touch Yes.")


def test_grammar_has_the_screens_sentences_choices_and_digits():
    listed = grammar("ko", "track", {"a": "여권 발급"})
    assert "진행 상황 확인" not in listed and "확인" in listed and "여권 발급" in listed and "공" in listed
    assert "진행 상황 확인" in grammar("ko", "menu", {})
    # Fillers are listened for only beside yes and no, and mean nothing there.
    assert "음" in grammar("ko", "confirm", {}) and "음" not in grammar("ko", "menu", {})
    assert match("ko", "confirm", "음", {}) is None
