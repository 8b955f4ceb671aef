"""French typography in every French string (catalogue and seed content), so
that `?` or `:` never wraps alone onto the next line:
U+202F (narrow no-break space) before ; ? !, U+00A0 before : and inside « »,
U+202F between thousands, U+00A0 between a number and its unit (19 h 30, 5 Mo, 100 %).
The same characters Babel's CLDR data uses for French numbers and percentages."""

from __future__ import annotations

import re

import pytest
from babel.numbers import format_decimal, format_percent

from tests.wording import assistant_texts, catalogue_texts, seed_texts

NBSP, NNBSP = "\u00a0", "\u202f"
RULES = [
    # (what is wrong, pattern)
    ("a space before ; ? ! that is not U+202F", re.compile(rf"[^\S{NNBSP}][;?!]")),
    ("no space before ; ? !", re.compile(r"(?<=[\w»)*])[;?!](?!\w)")),
    ("a space before : that is not U+00A0", re.compile(rf"[^\S{NBSP}]:")),
    ("no space before :", re.compile(r"(?<=[^\W\d]|[»)*]):(?!//)")),
    ("« not followed by U+00A0", re.compile(rf"«(?!{NBSP})")),
    ("» not preceded by U+00A0", re.compile(rf"(?<!{NBSP})»")),
    ("thousands not separated by U+202F", re.compile(r"\b\d{1,3}(?:[ \u00a0]\d{3})+\b")),
    ("a number and its unit not joined by U+00A0", re.compile(r"\d(?: |\u202f)(?:h|min|Mo|Ko|Go|%|km|€)(?!\w)")),
    ("an hour and its minutes not joined by U+00A0", re.compile(r"\d\u00a0h(?: |\u202f)\d")),
]
STRAIGHT_QUOTES = re.compile(r"[“”]")


def _problems(texts):
    found = []
    for where, text in texts:
        for what, pattern in RULES:
            for match in pattern.finditer(text):
                found.append(f"{where}: {what}: …{text[max(0, match.start() - 25) : match.end() + 10]!r}")
        if STRAIGHT_QUOTES.search(text):
            found.append(f"{where}: English quotes in French, use « »: {text[:60]!r}")
    return found


@pytest.mark.parametrize("source", ["catalogue", "seed", "assistant"])
def test_french_punctuation_spaces(source):
    texts = {"catalogue": catalogue_texts, "seed": seed_texts, "assistant": assistant_texts}[source]("fr")
    problems = _problems(texts)
    assert not problems, f"{len(problems)} typography problems:\n" + "\n".join(problems[:40])


def test_the_check_finds_each_fault():
    """Each rule fires on the fault it names, and the right text passes."""
    wrong = [
        "Que souhaitez-vous faire ?",
        "Mode senior : texte agrandi",
        "Vraiment?",
        "Coût: gratuit",
        "par exemple « passeport »",
        "2 000 yuans",
        "jusqu'à 19 h 30",
        "5 Mo maximum",
        "de 100 % à 200 %",
        "voir “passeport”",
    ]
    for text in wrong:
        assert _problems([("example", text)]), text
    right = [
        f"Que souhaitez-vous faire{NNBSP}?",
        f"Mode senior{NBSP}: texte agrandi ; ok".replace(" ;", f"{NNBSP};"),
        f"par exemple «{NBSP}passeport{NBSP}»",
        f"2{NNBSP}000 yuans, à 19{NBSP}h{NBSP}30, 5{NBSP}Mo",
        "https://example.org/x?q=1 à 19:30",
    ]
    for text in right:
        assert not _problems([("example", text)]), text


def test_babel_formats_french_numbers_the_same_way():
    """The data follows CLDR: a figure written in the text looks like one Babel formats."""
    assert format_decimal(12000, locale="fr") == f"12{NNBSP}000"
    assert format_percent(1, locale="fr") == f"100{NBSP}%"
    assert not _problems([("babel", f"{format_decimal(680000, locale='fr')} demandes, {format_percent(0.962, locale='fr', decimal_quantization=False)}")])
