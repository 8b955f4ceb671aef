"""Voice commands: what each kiosk screen understands, per locale, and the
decision between acting, asking and admitting that nothing was understood.

Each ``<locale>.yaml`` holds intent templates in Home Assistant's hassil
syntax (alternatives, optional words, carrier phrases as expansion rules) and
the words for digits. The recogniser's grammar is every sentence the
templates expand to (``grammar``), and what was heard is matched against the
same sentences (``match``), so the two never drift apart. Matching ignores
spaces: recognisers split Chinese, Japanese and Korean into words their own way.

A screen listens only for its own commands, for the choices it shows (a
service, a time...) and, where it asks for a number, for digits. The
confirmation question ("Call a member of staff? Say yes...") is the screen
``confirm``, which listens for yes and no.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from hassil import Intents
from hassil.sample import sample_intents

HERE = Path(__file__).parent

NAVIGATION = ("home", "back", "repeat", "help")
# The commands each kiosk screen understands (besides its choices and digits).
SCREEN_INTENTS: dict[str, tuple[str, ...]] = {
    "menu": ("queue", "track", "book", "guide", "ask", "help", "language", "repeat"),
    "queue": ("print", *NAVIGATION),
    "track": ("check", "clear", *NAVIGATION),
    "book": ("confirm_booking", *NAVIGATION),
    "guides": NAVIGATION,
    "verify": NAVIGATION,
    "help": ("help", "home", "back", "repeat"),
    "confirm": ("yes", "no"),
}
DIGIT_SCREENS = {"track"}
# Acting on these is cheap to undo or changes nothing: digits land in a field the
# keypad corrects, "repeat" only speaks again. Everything else is asked when unsure.
HARMLESS = {"digits", "repeat"}

# How sure is sure (tuned with tests/bench/bench_kiosk_speech.py). vosk's
# alternatives carry a total score; a rival reading within MARGIN of the best
# that means something else makes the kiosk ask, and so does a word of the best
# reading that the recogniser itself doubts. The answer to the kiosk's own
# question is heard among a few words (yes, no, fillers) and a wrong yes is
# still only a second mistake: its bar is lower.
MARGIN = 3.0
WORD_CONFIDENCE = 0.85
YES_CONFIDENCE = 0.75


@dataclass(frozen=True)
class Phrases:
    intents: Intents
    digits: dict[str, str]  # the words of a number -> its digits ("vingt six" -> "26")
    first: dict[str, str]  # each intent's first sentence: the screen's own label
    skip_words: tuple[str, ...] = ()  # hassil's skip words: left off the end of what was heard
    fillers: tuple[str, ...] = ()  # words that mean nothing, heard beside yes and no (see ko.yaml)


def _digit_words(data: dict) -> dict[str, str]:
    words = {word.casefold(): digit for digit, said in data["digits"].items() for word in said}
    if data.get("digit_pairs"):  # French reads long numbers two digits at a time
        from num2words import num2words

        for n in range(10, 100):
            words.setdefault(num2words(n, lang=data["language"]).replace("-", " "), str(n))
    return words


@cache
def phrases(locale: str) -> Phrases:
    """The locale's templates and digit words, from ``kiosk/commands/<locale>.yaml``."""
    with (HERE / f"{locale}.yaml").open(encoding="utf-8") as fp:
        data = yaml.safe_load(fp)
    first = {name: intent["data"][0]["sentences"][0] for name, intent in data["intents"].items()}
    return Phrases(Intents.from_dict(data), _digit_words(data), first, tuple(data.get("skip_words", ())), tuple(data.get("fillers", ())))


@cache
def sentences(locale: str, screen: str) -> tuple[tuple[str, str], ...]:
    """Every (intent, sentence) the screen's templates expand to."""
    names = set(SCREEN_INTENTS.get(screen, NAVIGATION))
    return tuple(dict.fromkeys(sample_intents(phrases(locale).intents, intent_names=names)))


@cache
def _by_sentence(locale: str, screen: str) -> dict[str, str]:
    return {_compact(sentence): intent for intent, sentence in sentences(locale, screen)}


@cache
def key_words(locale: str, screen: str) -> dict[str, str]:
    """The words (of two characters or more) and short sentences that only one
    of the screen's commands uses: 직원 -> help, 拿号 -> queue. Carrier words
    (주세요, 我要) belong to many and say nothing."""
    owners: dict[str, set[str]] = {}
    for intent, sentence in sentences(locale, screen):
        for word in {*sentence.split(), sentence}:
            owners.setdefault(_compact(word), set()).add(intent)
    return {word: next(iter(intents)) for word, intents in owners.items() if len(intents) == 1 and len(word) >= 2}


def suggested(locale: str, screen: str, text: str) -> str | None:
    """The one command whose key words a reading holds, when it is not wholly one
    of the screen's sentences ("직원 하고 좀 주세요" -> help); None when none or several."""
    said = _compact(text)
    found = {intent for word, intent in key_words(locale, screen).items() if word in said}
    return found.pop() if len(found) == 1 else None


def grammar(locale: str, screen: str, choices: dict[str, str]) -> list[str]:
    """The phrases a recogniser listens for on a screen: its sentences, its
    choices' labels, where it asks for a number the digit words and, where it
    asks a question, the locale's fillers."""
    listed = [sentence for _intent, sentence in sentences(locale, screen)]
    listed += list(choices.values())
    if screen in DIGIT_SCREENS:
        listed += list(phrases(locale).digits)
    if screen == "confirm":
        listed += list(phrases(locale).fillers)
    return list(dict.fromkeys(listed))


@dataclass(frozen=True)
class Meaning:
    intent: str  # a command, "choose" or "digits"
    choice: str | None = None
    digits: str = ""


def _compact(text: str) -> str:
    return "".join(text.casefold().split())


def _digits(locale: str, text: str) -> str:
    """The number a run of digit words says ("이 공 이" -> "202"), or "" when
    anything else was said. Longest words first ("vingt six" before "vingt")."""
    words, digit_of, out, i = text.casefold().split(), phrases(locale).digits, [], 0
    while i < len(words):
        for size in (4, 3, 2, 1):
            said = " ".join(words[i : i + size])
            if said in digit_of:
                out.append(digit_of[said])
                i += size
                break
        else:
            return ""
    return "".join(out)


def match(locale: str, screen: str, text: str, choices: dict[str, str]) -> Meaning | None:
    """What a whole utterance means on a screen, or None when it is not, as a
    whole, one of the screen's sentences, a choice or a number."""
    text = " ".join(text.split())
    if not text:
        return None
    if screen in DIGIT_SCREENS and (digits := _digits(locale, text)):
        return Meaning("digits", digits=digits)
    said, known = _compact(text), _by_sentence(locale, screen)
    words = text.split()
    while said not in known and len(words) > 1 and words[-1] in phrases(locale).skip_words:
        words.pop()
        said = _compact(" ".join(words))
    if said in known:
        return Meaning(known[said])
    # A choice is named by its label or a part of it ("여권" for "여권 발급"), if only one has it.
    named = [choice for choice, label in choices.items() if len(said) >= 2 and said in _compact(label)]
    return Meaning("choose", choice=named[0]) if len(named) == 1 else None


@dataclass(frozen=True)
class Heard:
    """The kiosk's decision on an utterance: act (``confirm`` False), ask whether
    ``intent`` was meant (``confirm`` True), or nothing understood (``intent`` None)."""

    text: str
    intent: str | None = None
    choice: str | None = None
    digits: str = ""
    confirm: bool = False


def decide(
    locale: str,
    screen: str,
    readings: list[tuple[str, float]],
    word_confidences: list[float],
    choices: dict[str, str],
) -> Heard:
    """Act, ask or give up, from the recogniser's readings (text and total
    score, best first) and its confidence in each word of the best reading.

    Acts only when the best reading is wholly one of the screen's sentences
    (and not a lone digit), no close rival reading means something else, and
    the recogniser trusts every word; asks when some reading means something,
    or the best one holds the key words of one command; else nothing understood.
    """
    if not readings:
        return Heard("")
    meanings = [(text, score, match(locale, screen, text, choices)) for text, score in readings]
    best_text, best_score, best = meanings[0]
    if best is not None:
        rivals = [m for _t, score, m in meanings[1:] if best_score - score < MARGIN and m is not None and m != best]
        doubted = any(c < (YES_CONFIDENCE if screen == "confirm" else WORD_CONFIDENCE) for c in word_confidences)
        # One digit word alone is one syllable, which the recogniser hears in
        # any short sound (확인 as 이): asked, however sure the recogniser is.
        lone_digit = best.intent == "digits" and len(best_text.split()) == 1
        if not lone_digit and (not rivals and not doubted or best.intent in HARMLESS or best.intent == "no"):
            return Heard(best_text, best.intent, best.choice, best.digits)
        if screen == "confirm":  # only a sure yes confirms; one question is enough
            return Heard(best_text)
        return Heard(best_text, best.intent, best.choice, best.digits, confirm=True)
    if screen == "confirm":
        return Heard(best_text)
    for _text, _score, meaning in meanings[1:]:
        if meaning is not None and meaning.intent not in HARMLESS:
            return Heard(best_text, meaning.intent, meaning.choice, meaning.digits, confirm=True)
    if intent := suggested(locale, screen, best_text):
        return Heard(best_text, intent, confirm=True)
    return Heard(best_text)

