"""Every text a reader meets, per locale: the UI catalogues, the seed content
and the service assistant's sentences.

The wording checks (French typography, the glossary, cross-references) read
the same texts through here, so a new string in either place is checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from babel.messages.pofile import read_po
from pydantic import BaseModel

from backend.assistant.replies import sentences
from backend.benefits import seed_rules
from backend.bundle_content import seed_bundles
from backend.content import Text, Words, load_content
from locales import LOCALES, LOCALES_DIR


@cache
def catalogue_texts(locale: str) -> tuple[tuple[str, str], ...]:
    """(where, text) for every translation in the locale's .po file; where names the msgid."""
    with (LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as fp:
        catalogue = read_po(fp)
    texts = []
    for message in catalogue:
        if not message.id:
            continue
        msgid = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        texts.extend((f"catalogue {msgid!r}", string) for string in strings)
    return tuple(texts)


def _walk(value, where: str, locale: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, Text):
        yield where, getattr(value, locale)
    elif isinstance(value, Words):
        for word in getattr(value, locale):
            yield f"{where} {word!r}", word
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), f"{where}.{name}", locale)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, f"{where}[{index}]", locale)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, f"{where}.{key}", locale)


@cache
def seed_texts(locale: str) -> tuple[tuple[str, str], ...]:
    """(where, text) for every text of the seed content in the locale, e.g. ("service ps-id-card.conditions[1]", "...")."""
    content = load_content()
    records = [
        *((f"service {r.id}", r) for r in content.services),
        *((f"hall {r.id}", r) for r in content.halls),
        *((f"article {r.id}", r) for r in content.articles),
        *((f"expat guide {r.id}", r) for r in content.expat_guides),
        *((f"department {r.id}", r) for r in content.departments),
        *((f"theme {r.id}", r) for r in content.themes),
        *((f"life event {r.id}", r) for r in content.life_events),
        *((f"certificate kind {r.id}", r) for r in content.certificates.kinds),
        *((f"certificate {i} ({r.account}, {r.kind})", r) for i, r in enumerate(content.certificates.issued)),
        *((f"bundle {r.id}", r) for r in seed_bundles()),
        *((f"benefit rule {r.id}", r) for r in seed_rules()),
    ]
    texts = [text for name, record in records for text in _walk(record, name, locale)]
    for index, letter in enumerate(content.history.letters):
        if letter.reply:
            texts.append((f"demo letter {index}.reply", getattr(letter.reply, locale)))
    for index, application in enumerate(content.history.applications):
        if application.result:
            texts.append((f"demo application {index}.result", getattr(application.result, locale)))
    return tuple(texts)


@cache
def assistant_texts(locale: str) -> tuple[tuple[str, str], ...]:
    """(where, text) for every sentence of the service assistant (backend/assistant/replies.yaml)."""
    return tuple((f"assistant {key}", text) for key, text in sentences(locale))


def all_texts(locale: str) -> tuple[tuple[str, str], ...]:
    """The catalogue's, the seed content's and the assistant's texts in one locale."""
    return catalogue_texts(locale) + seed_texts(locale) + assistant_texts(locale)


__all__ = ["LOCALES", "all_texts", "assistant_texts", "catalogue_texts", "seed_texts"]
