"""One term per concept per language: the glossary (locales/glossary.yaml) names
the chosen term of each concept in each locale and the rival wordings that must
not appear in the catalogues or the seed content."""

from __future__ import annotations

import re

import pytest
import yaml

from locales import LOCALES, LOCALES_DIR
from tests.wording import all_texts

GLOSSARY = yaml.safe_load((LOCALES_DIR / "glossary.yaml").read_text(encoding="utf-8"))


def _entries(locale: str):
    """(concept, chosen term or None, [rival patterns]) for one locale."""
    for concept, entry in GLOSSARY.items():
        value = entry.get(locale)
        if value is None:
            continue
        if isinstance(value, str):
            yield concept, value, []
        else:
            yield concept, value.get("term"), [re.compile(rival) for rival in value.get("rivals", [])]


def test_the_glossary_is_well_formed():
    for concept, entry in GLOSSARY.items():
        assert entry.get("note"), f"{concept}: say what the concept is"
        assert set(entry) - {"note"} <= set(LOCALES), f"{concept}: unknown locale in {sorted(entry)}"
        for locale in LOCALES:
            value = entry.get(locale)
            if isinstance(value, dict):
                assert set(value) <= {"term", "rivals"} and (value.get("term") or value.get("rivals")), f"{concept}.{locale}"


@pytest.mark.parametrize("locale", LOCALES)
def test_no_rival_term(locale):
    # Search keywords may hold rival wordings on purpose: people search with them.
    texts = [(where, text) for where, text in all_texts(locale) if ".keywords " not in where]
    found = []
    for concept, term, rivals in _entries(locale):
        for rival in rivals:
            assert not (term and rival.search(term)), f"{concept}.{locale}: the rival {rival.pattern!r} matches the term {term!r}"
            for where, text in texts:
                for match in rival.finditer(text):
                    found.append(f"{concept}: {where}: {match.group()!r} in …{text[max(0, match.start() - 20) : match.end() + 20]!r}")
    assert not found, f"{len(found)} rival terms in {locale} (see locales/glossary.yaml):\n" + "\n".join(found)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_chosen_term_is_used(locale):
    """A term nobody uses means the glossary no longer describes the texts."""
    texts = [text.casefold() for _, text in all_texts(locale)]
    unused = [f"{concept}: {term!r}" for concept, term, _ in _entries(locale) if term and not any(term.casefold() in text for text in texts)]
    assert not unused, f"{locale}: chosen terms found nowhere: {unused}"


def test_a_rival_is_caught():
    """The check finds a rival term in text like the catalogues'."""
    _, _, rivals = next(entry for entry in _entries("ja") if entry[0] == "promised-time-limit")
    assert any(rival.search("承諾処理期間") for rival in rivals)
