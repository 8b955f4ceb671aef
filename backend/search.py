"""Search across services, articles and expat guides.

Each record is indexed per locale with its title, keywords and summary, plus
the Chinese title and keywords in every locale (a foreigner may type 社保) and
their pinyin, full and as initials, so "shebao" and "sb" find 社保. Matching
is substring first, then pinyin prefix, then fuzzy (rapidfuzz) for typos;
popularity breaks ties.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

from pypinyin import Style, lazy_pinyin
from rapidfuzz import fuzz, process

from backend.localize import LOCALES, text

KINDS = ("service", "article", "guide")
_WORD = re.compile(r"[\w\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+", re.UNICODE)
_HAN = re.compile(r"[\u3400-\u9fff]")


def normalise(value: str) -> str:
    return unicodedata.normalize("NFKC", value).casefold().strip()


def pinyin_forms(chinese: str) -> tuple[str, str]:
    """社会保险 -> ("shehuibaoxian", "shbx")."""
    syllables = [s for s in lazy_pinyin(chinese, errors="ignore") if s.isascii()]
    initials = [s for s in lazy_pinyin(chinese, style=Style.FIRST_LETTER, errors="ignore") if s.isascii()]
    return "".join(syllables).lower(), "".join(initials).lower()


@dataclass
class Document:
    kind: str
    id: str
    popularity: int
    titles: dict[str, str]
    summaries: dict[str, str]
    # locale -> [(normalised string, weight, is_pinyin)]
    fields: dict[str, list[tuple[str, float, bool]]] = field(default_factory=dict)


@dataclass(frozen=True)
class Hit:
    kind: str
    id: str
    score: float
    title: str
    summary: str
    lang: str


def _index_fields(doc_texts: dict, keywords: dict[str, list[str]] | None, locale: str) -> list[tuple[str, float, bool]]:
    title = doc_texts["title"]
    entries = [(normalise(text(title, locale)), 1.0, False), (normalise(text(doc_texts["summary"], locale)), 0.45, False)]
    for word in (keywords or {}).get(locale, []):
        entries.append((normalise(word), 0.9, False))
    if locale != "zh":
        entries.append((normalise(title["zh"]), 0.85, False))
        entries.extend((normalise(word), 0.8, False) for word in (keywords or {}).get("zh", []))
    for chinese in [title["zh"], *(keywords or {}).get("zh", [])]:
        full, initials = pinyin_forms(chinese)
        if full:
            entries.append((full, 0.85, True))
        if len(initials) >= 2:
            entries.append((initials, 0.8, True))
    return entries


def _token_score(token: str, entries: list[tuple[str, float, bool]]) -> float:
    best = 0.0
    compact = token.replace(" ", "")
    for value, weight, is_pinyin in entries:
        if not value:
            continue
        if is_pinyin:
            if value.startswith(compact):
                score = 0.95
            elif len(compact) >= 2 and compact in value:
                score = 0.75
            else:
                continue
        elif token in value:
            score = 1.0 if value.startswith(token) else 0.9
        elif len(token) >= 4 and not _HAN.search(token):
            ratio = fuzz.partial_ratio(token, value)
            if ratio < 80:
                continue
            score = 0.8 * ratio / 100
        else:
            continue
        best = max(best, score * weight)
    return best


class SearchIndex:
    def __init__(self, documents: Iterable[Document]):
        self.documents = list(documents)
        self._vocabulary: dict[str, list[str]] = {}
        for locale in LOCALES:
            words: set[str] = set()
            for doc in self.documents:
                for value, _weight, is_pinyin in doc.fields[locale]:
                    if not is_pinyin:
                        words.update(w for w in _WORD.findall(value) if len(w) >= 2)
                        if len(value) <= 30:
                            words.add(value)
            self._vocabulary[locale] = sorted(words)

    @classmethod
    def build(cls, services: list[dict], articles: list[dict], guides: list[dict]) -> SearchIndex:
        documents = []
        for kind, records in (("service", services), ("article", articles), ("guide", guides)):
            for record in records:
                title = record.get("name") or record["title"]
                texts = {"title": title, "summary": record["summary"]}
                doc = Document(
                    kind=kind,
                    id=record["id"],
                    popularity=record.get("popularity", 40 if kind == "guide" else 20),
                    titles=title,
                    summaries=record["summary"],
                )
                doc.fields = {locale: _index_fields(texts, record.get("keywords"), locale) for locale in LOCALES}
                documents.append(doc)
        return cls(documents)

    def search(self, query: str, locale: str, kinds: Iterable[str] = KINDS, limit: int = 20) -> list[Hit]:
        query = normalise(query)
        if not query:
            return []
        tokens = query.split() or [query]
        wanted = set(kinds)
        hits = []
        for doc in self.documents:
            if doc.kind not in wanted:
                continue
            entries = doc.fields[locale]
            scores = [_token_score(token, entries) for token in tokens]
            if len(tokens) > 1:
                whole = _token_score(query, entries)
                if whole > min(scores):
                    scores = [whole]
            if min(scores) <= 0:
                continue
            score = sum(scores) / len(scores) + doc.popularity / 2000
            lang = locale if doc.titles.get(locale) else "zh"
            hits.append(Hit(doc.kind, doc.id, round(score, 4), text(doc.titles, lang), text(doc.summaries, lang), lang))
        hits.sort(key=lambda hit: (-hit.score, hit.title))
        return hits[:limit]

    def did_you_mean(self, query: str, locale: str) -> str | None:
        """The indexed word closest to a query that found nothing (spelling help)."""
        query = normalise(query)
        if len(query) < 3:
            return None
        match = process.extractOne(query, self._vocabulary[locale], scorer=fuzz.ratio, score_cutoff=70)
        if match and match[0] != query and self.search(match[0], locale, limit=1):
            return match[0]
        return None
