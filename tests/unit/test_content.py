"""The reference content is complete: every record, every field, every locale,
written in that locale's script - and there is enough of it."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from backend.content import CONTENT_LOCALES, Text, load_content

CONTENT = load_content()
# Each locale's own script must appear in its text (an English copy in the ja field fails).
SCRIPTS = {
    "zh": re.compile(r"[\u4e00-\u9fff]"),
    "ja": re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]"),
    "ko": re.compile(r"[\uac00-\ud7af]"),
    "en": re.compile(r"[A-Za-z]"),
    "fr": re.compile(r"[A-Za-zÀ-ÿ]"),
}
KANA = re.compile(r"[\u3040-\u30ff]")


def _texts(value, where: str):
    if isinstance(value, Text):
        yield where, value
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), f"{where}.{name}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, f"{where}[{index}]")


RECORDS = [
    *((f"service {s.id}", s) for s in CONTENT.services),
    *((f"hall {h.id}", h) for h in CONTENT.halls),
    *((f"article {a.id}", a) for a in CONTENT.articles),
    *((f"guide {g.id}", g) for g in CONTENT.expat_guides),
    *((f"department {d.id}", d) for d in CONTENT.departments),
    *((f"life event {e.id}", e) for e in CONTENT.life_events),
]


def test_enough_content():
    assert len(CONTENT.services) >= 40
    assert len({s.department for s in CONTENT.services}) >= 8
    assert {a for s in CONTENT.services for a in s.audiences} == {"resident", "business", "tourist", "investor"}
    assert len(CONTENT.halls) >= 6
    assert len(CONTENT.articles) >= 15 and {a.kind for a in CONTENT.articles} == {"news", "notice", "policy"}
    assert {g.id for g in CONTENT.expat_guides} == {"visas", "work-permits", "tax", "healthcare", "housing", "schooling", "emergencies"}


@pytest.mark.parametrize(("name", "record"), RECORDS, ids=[name for name, _ in RECORDS])
def test_every_text_is_written_in_each_locale(name, record):
    wrong = []
    for where, text in _texts(record, name):
        values = {locale: getattr(text, locale) for locale in CONTENT_LOCALES}
        for locale, value in values.items():
            if not SCRIPTS[locale].search(value):
                wrong.append(f"{where}.{locale} is not in its script: {value[:40]!r}")
        if KANA.search(values["zh"]) or (len(values["ja"]) > 12 and not KANA.search(values["ja"]) and values["ja"] == values["zh"]):
            wrong.append(f"{where}: zh and ja are mixed up")
        if len(values["en"]) > 20 and values["fr"] == values["en"]:
            wrong.append(f"{where}.fr is the English text")
    assert not wrong, wrong
