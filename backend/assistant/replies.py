"""The assistant's sentences in five languages (``replies.yaml``), filled with
facts from the catalogue and formatted by Babel (money, plurals, days, lists)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import cache
from pathlib import Path

import yaml
from babel.core import Locale
from babel.dates import format_time, get_day_names
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal

BABEL_LOCALES = {"zh": "zh_Hans_CN", "en": "en_GB", "ja": "ja", "ko": "ko", "fr": "fr"}
_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@cache
def _templates() -> dict:
    with (Path(__file__).parent / "replies.yaml").open(encoding="utf-8") as fp:
        return yaml.safe_load(fp)


def say(key: str, locale: str, count: int | None = None, **fields: str) -> str:
    """The sentence ``key`` in ``locale``, its ``{fields}`` filled in. A sentence
    with plural forms is chosen by the CLDR rule for ``count``; raises KeyError
    for an unknown key."""
    template = _templates()[key][locale]
    if isinstance(template, dict):
        form = Locale.parse(BABEL_LOCALES[locale]).plural_form(count or 0)
        template = template.get(form, template["other"])
    if count is not None:
        fields["count"] = format_decimal(count, locale=BABEL_LOCALES[locale])
    return template.format(**fields)


def sentences(locale: str) -> list[tuple[str, str]]:
    """(key, template) for every sentence in the locale, plural forms apart:
    what the wording checks read (glossary, French typography)."""
    found = []
    for key, value in _templates().items():
        entries = value.items() if key == "ask" else [(key, value)]
        for name, texts in entries:
            text = texts[locale]
            if isinstance(text, dict):
                found += [(f"{name}.{form}", form_text) for form, form_text in text.items()]
            elif isinstance(text, list):
                found += [(f"{name}[{i}]", item) for i, item in enumerate(text)]
            else:
                found.append((name, text))
    return found


def question(intent: str, locale: str) -> str:
    """How a person would ask for ``intent`` (offered as a suggestion)."""
    return _templates()["ask"][intent][locale]


def examples(locale: str) -> list[str]:
    """Ways to start a conversation."""
    return list(_templates()["examples"][locale])


def money(amount: str | Decimal, locale: str) -> str:
    return format_currency(Decimal(str(amount)), "CNY", locale=BABEL_LOCALES[locale])


def either(items: list[str], locale: str) -> str:
    """"A, B or C" in the locale's words."""
    return format_list(items, style="or", locale=BABEL_LOCALES[locale])


def days(codes: list[str], locale: str) -> str:
    """["mon", ..., "fri"] -> "Mon–Fri" (each day named when they are not a run)."""
    names = get_day_names("abbreviated", locale=BABEL_LOCALES[locale])
    indexes = sorted(_WEEKDAYS.index(code) for code in codes)
    if len(indexes) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return f"{names[indexes[0]]}–{names[indexes[-1]]}"
    return ", ".join(names[i] for i in indexes)


def clock(value: str, locale: str) -> str:
    """"08:30:00" -> the locale's short time."""
    return format_time(dt.time.fromisoformat(value), "short", locale=BABEL_LOCALES[locale])
