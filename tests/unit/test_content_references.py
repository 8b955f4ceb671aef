"""Every cross-reference in the seed content leads somewhere: a guide that
says "see 'X'" names a service or a guide for foreign residents that exists,
in the same words in every locale, and records point only at known ids."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from backend.content import CONTENT_LOCALES, Content, load_content
from tests.wording import seed_texts

NBSP = "\u00a0"
# A reference names its target in quotes, in the locale's own way.
REFERENCES = {
    "zh": [re.compile(r"(?:见|详见|参阅|请参阅|参见)“([^”]+)”"), re.compile(r"“([^”]+)”(?:事项|指南)")],
    "en": [re.compile(r"\b(?:[Ss]ee|the service|the guide) '([^']+)'")],
    "ja": [re.compile(r"「([^」]+)」(?:の(?:手続き|ガイド)|を(?:ご覧|参照))"), re.compile(r"ガイド「([^」]+)」")],
    "ko": [re.compile(r"[‘']([^’']+)[’']\s*(?:민원|안내서|안내)"), re.compile(r"[‘']([^’']+)[’'](?:을|를)\s*(?:참고|참조)"), re.compile(r"안내서 [‘']([^’']+)[’']")],
    "fr": [re.compile(rf"(?:[Vv]oir|[Cc]onsultez|la démarche|le guide) «{NBSP}([^»]+?){NBSP}»")],
}
# A reference that names no record ("see the accommodation registration service") cannot be checked.
UNNAMED = {
    "zh": re.compile(r"见[^“”，。]{0,12}事项"),
    "en": re.compile(r"\b[Ss]ee the [\w' -]+? (?:service|guide)\b"),
    "ja": re.compile(r"(?<!」)(?:の手続き|のガイド)を(?:ご覧|参照)"),
    "ko": re.compile(r"(?<![’'])\s(?:민원|안내서?)(?:을|를)\s*(?:참고|참조)"),
    "fr": re.compile(r"\b[Vv]oir la démarche (?!«)"),
}


def _names(locale: str) -> set[str]:
    """The names a reference may use: each service's name and each guide's title, in full,
    without a closing parenthesis (its gloss) or before a colon (its subtitle)."""
    content = load_content()
    names = set()
    for text in [*(s.name for s in content.services), *(g.title for g in content.expat_guides)]:
        name = getattr(text, locale)
        names.add(name)
        names.add(re.sub(r"\s*[（(][^（()）]*[)）]$", "", name))
        names.add(re.split(r"\s*(?:：|:\s)", name)[0])
    return names


def _references(locale: str, texts):
    """(where, name) for each quoted reference; one per quoted name, whichever pattern finds it."""
    for where, text in texts:
        spans = {}
        for pattern in REFERENCES[locale]:
            for match in pattern.finditer(text):
                spans.setdefault(match.start(1), match.group(1))
        for _, name in sorted(spans.items()):
            yield where, name


@pytest.mark.parametrize("locale", CONTENT_LOCALES)
def test_every_named_reference_resolves(locale):
    names = _names(locale)
    texts = seed_texts(locale)
    found = list(_references(locale, texts))
    unknown = [f"{where}: {name!r}" for where, name in found if name not in names]
    assert not unknown, f"{locale}: references to records that do not exist: {unknown}"
    unnamed = [f"{where}: …{text[max(0, m.start() - 30) : m.end() + 10]!r}" for where, text in texts for m in UNNAMED[locale].finditer(text)]
    assert not unnamed, f"{locale}: name the service or guide exactly, in quotes: {unnamed}"


def test_references_are_the_same_in_every_locale():
    """A record that refers to another in one language does so in all five."""
    counts = {}
    for locale in CONTENT_LOCALES:
        for where, _ in _references(locale, seed_texts(locale)):
            counts.setdefault(where, {}).setdefault(locale, 0)
            counts[where][locale] += 1
    uneven = {where: per for where, per in counts.items() if len(set(per.values())) != 1 or set(per) != set(CONTENT_LOCALES)}
    assert not uneven, f"references made in some locales only: {uneven}"


def test_the_check_sees_a_broken_reference():
    assert list(_references("zh", [("x", "须已取得《出生医学证明》（见“出生医学证明办理”事项）。")])) == [("x", "出生医学证明办理")]
    assert UNNAMED["en"].search("(see the birth certificate service)")
    assert list(_references("fr", [("x", f"voir «{NBSP}Louer un logement{NBSP}»")])) == [("x", "Louer un logement")]


@pytest.mark.parametrize(
    ("kind", "change"),
    [
        ("hall", lambda data: data["services"][0].update(halls=["nowhere"])),
        ("life event", lambda data: data["services"][0].update(life_events=["nowhere"])),
        ("theme", lambda data: data["services"][0].update(themes=["nowhere"])),
        ("department", lambda data: data["services"][0].update(department="nowhere")),
        ("service", lambda data: data["articles"][0].update(related_services=["nowhere"])),
        ("service", lambda data: data["expat_guides"][0].update(related_services=["nowhere"])),
    ],
)
def test_record_ids_must_resolve(kind, change):
    """The loader refuses an id that names no record (the seed content loads, so all of its ids resolve)."""
    data = load_content().model_dump()
    change(data)
    with pytest.raises(ValidationError, match=f"unknown {kind} 'nowhere'"):
        Content.model_validate(data)
