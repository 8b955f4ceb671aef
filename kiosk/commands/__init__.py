"""Voice commands: the phrases of each locale (one YAML file per locale,
several ways of saying each command), the grammar a screen listens for, and
the matcher from what was heard to what to do (rapidfuzz).

A screen listens only for its own commands, for the choices it shows (a
service, a hall...) and, where it asks for a number, for digits.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from rapidfuzz import fuzz, process

HERE = Path(__file__).parent

# The commands each kiosk screen understands (besides its choices and digits).
NAVIGATION = ("home", "back", "repeat", "help")
SCREEN_INTENTS: dict[str, tuple[str, ...]] = {
    "menu": ("queue", "track", "book", "guide", "help", "language", "repeat"),
    "queue": NAVIGATION,
    "ticket": ("print", *NAVIGATION),
    "track": ("yes", "clear", *NAVIGATION),
    "book": ("yes", "no", *NAVIGATION),
    "guides": NAVIGATION,
    "guide": NAVIGATION,
    "help": ("home", "back", "repeat"),
}
DIGIT_SCREENS = {"track"}
MATCH_CUTOFF = 60
CHOICE_CUTOFF = 85


@dataclass(frozen=True)
class Phrases:
    intents: dict[str, list[str]]
    digits: dict[str, list[str]]


@cache
def phrases(locale: str) -> Phrases:
    with (HERE / f"{locale}.yaml").open(encoding="utf-8") as fp:
        data = yaml.safe_load(fp)
    return Phrases(intents=data["intents"], digits={str(k): v for k, v in data["digits"].items()})


@dataclass(frozen=True)
class Heard:
    """What an utterance meant on a screen."""

    text: str
    intent: str | None = None  # a command, "choose", "digits", or None when not understood
    choice: str | None = None
    digits: str = ""


def _words(text: str) -> list[str]:
    return text.casefold().split()


def grammar(locale: str, screen: str, choices: dict[str, str]) -> list[str]:
    """The phrases a recogniser listens for on a screen."""
    data = phrases(locale)
    listed = [p for intent in SCREEN_INTENTS.get(screen, NAVIGATION) for p in data.intents.get(intent, [])]
    listed += list(choices.values())
    if screen in DIGIT_SCREENS:
        listed += [word for words in data.digits.values() for word in words]
    return list(dict.fromkeys(listed))


def best_reading(locale: str, screen: str, readings: list[str]) -> str:
    """The recogniser's readings come best first, but its grammar lets any words
    follow each other ("민원 조회 직원"). An utterance is one command or one number,
    so the first reading that is exactly a phrase of the screen, or only digits
    where it asks for a number, is taken; else the best."""
    data = phrases(locale)
    listed = {p for intent in SCREEN_INTENTS.get(screen, NAVIGATION) for p in data.intents.get(intent, [])}
    digit_words = {word for words in data.digits.values() for word in words} if screen in DIGIT_SCREENS else set()
    for reading in readings:
        if reading in listed or (reading and set(reading.split()) <= digit_words):
            return reading
    return readings[0] if readings else ""


def understand(locale: str, screen: str, text: str, choices: dict[str, str]) -> Heard:
    """Digits where the screen asks for a number, else the closest command or choice."""
    text = text.strip()
    if not text:
        return Heard(text)
    data = phrases(locale)
    if screen in DIGIT_SCREENS:
        digit_of = {word.casefold(): digit for digit, words in data.digits.items() for word in words}
        digits = "".join(digit_of[w] for w in _words(text) if w in digit_of)
        if digits and len(digits) >= len(_words(text)) / 2:
            return Heard(text, "digits", digits=digits)
    commands = {p: intent for intent in SCREEN_INTENTS.get(screen, NAVIGATION) for p in data.intents.get(intent, [])}
    command = process.extractOne(text, list(commands), scorer=fuzz.token_set_ratio, processor=str.casefold, score_cutoff=MATCH_CUTOFF)
    # A choice is named by part of its label ("보험" for a long insurance service name).
    labels = {label: choice for choice, label in choices.items()}
    chosen = process.extractOne(text, list(labels), scorer=fuzz.partial_ratio, processor=str.casefold, score_cutoff=CHOICE_CUTOFF) if labels else None
    if chosen and (command is None or chosen[1] > command[1]):
        return Heard(text, "choose", choice=labels[chosen[0]])
    return Heard(text, commands[command[0]]) if command else Heard(text)
