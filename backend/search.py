"""Search across services, articles and expat guides.

Every record is indexed per locale in fields, each ranked with BM25 (bm25s)
over the terms of that locale's analyser (``backend.analysis``) and weighted:
the title most, then the keywords, the summary, and the conditions and
materials least. The Chinese and English names and keywords are indexed in
every locale as well (a foreigner may type 社保, a Korean "visa"), and the
Chinese ones as pinyin, full and as initials, so "shebao" and "sb" find 社保.

A query first goes through the locale's lexicon (everyday words bring in the
catalogue's words, question words are dropped); a word the index does not know
is corrected to the nearest one it does (a typo, or in Chinese a homophone:
身分证 -> 身份证). Each hit carries its ``coverage``: the share of the query's
meaning (terms weighted by rarity) the record matched, which the assistant uses
to tell "sure" from "unsure".
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import bm25s
import numpy as np
from pypinyin import Style, lazy_pinyin
from rapidfuzz import fuzz, process

from backend.analysis import Query, analyzer, has_han, has_latin, load_analyzers, normalise, prepare_query
from backend.localize import LOCALES, text

KINDS = ("service", "article", "guide")
# Field weights (BM25F-style: a weighted sum of per-field BM25 scores).
WEIGHTS = {"title": 3.0, "keywords": 2.5, "names": 1.5, "summary": 1.0, "conditions": 0.4, "materials": 0.4}
# Coverage counts matches in the fields that say what a record is (not its conditions or materials).
STRONG_WEIGHT = 1.0
# What the other terms of a concept add to its best term's score (身份 beside 身份证; a lexicon phrase's several words).
SECONDARY = 0.5
# How much a pinyin match is worth, in the units of a title match.
PINYIN_WEIGHT = 9.0
# Records people look for first; a news item should not push a service out of the top 3.
KIND_PRIOR = {"service": 1.0, "guide": 0.9, "article": 0.75}
# A hit is kept when it scores at least this share of the best hit.
RELATIVE_CUT = 0.2
_WORD = re.compile(r"[\w\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]+", re.UNICODE)
_ASCII_WORD = re.compile(r"[a-z]+")


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
    texts: dict[str, dict[str, str]]  # field -> locale -> text
    pinyin: list[tuple[str, str]] = field(default_factory=list)  # (full, initials) per Chinese name and keyword


@dataclass(frozen=True)
class Hit:
    kind: str
    id: str
    score: float
    coverage: float  # 0..1, the share of the query's weighted terms this record matched
    title: str
    summary: str
    lang: str


@dataclass
class _Field:
    name: str
    locale: str  # whose analyser made its terms
    weight: float
    bm25: bm25s.BM25
    df: dict[str, int]


def _record_texts(record: dict) -> dict[str, dict[str, str]]:
    """The searchable texts of a record, per field and locale."""
    keywords = record.get("keywords") or {}
    conditions = [record.get("eligibility") or {}, *(record.get("conditions") or [])]
    materials = [m["name"] for m in record.get("materials") or []]
    return {
        "title": {loc: text(record.get("name") or record["title"], loc) for loc in LOCALES},
        "keywords": {loc: " ; ".join(keywords.get(loc, [])) for loc in LOCALES},
        "summary": {loc: text(record["summary"], loc) for loc in LOCALES},
        "conditions": {loc: " ; ".join(text(c, loc) for c in conditions if c) for loc in LOCALES},
        "materials": {loc: " ; ".join(text(m, loc) for m in materials) for loc in LOCALES},
    }


class SearchIndex:
    """BM25 over every record's fields, per locale. Built once at start-up from
    the content (services, articles and guides as stored); read-only afterwards."""

    def __init__(self, documents: Iterable[Document]):
        self.documents = list(documents)
        self._kinds = np.array([doc.kind for doc in self.documents])
        self._prior = np.array([KIND_PRIOR[doc.kind] for doc in self.documents])
        self._popularity = np.array([doc.popularity for doc in self.documents], dtype=float)
        zh = analyzer("zh")
        zh.add_words({w for doc in self.documents for w in _WORD.findall(doc.texts["keywords"]["zh"] + " " + doc.texts["title"]["zh"])})
        self._fields: dict[str, list[_Field]] = {}
        self._vocabulary: dict[str, set[str]] = {}  # locale -> terms of its own fields
        self._words: dict[str, list[str]] = {}  # locale -> surface words, for "did you mean"
        self._homophones: dict[str, str] = {}  # pinyin -> a Chinese term with that sound
        cache: dict[tuple[str, str], list[str]] = {}

        def terms(locale: str, value: str) -> list[str]:
            key = (locale, value)
            if key not in cache:
                cache[key] = analyzer(locale).terms(value)
            return cache[key]

        for locale in LOCALES:
            fields = [(name, locale, weight, [terms(locale, doc.texts[name][locale]) for doc in self.documents]) for name, weight in WEIGHTS.items() if name != "names"]
            for other in ("zh", "en"):
                if other != locale:
                    corpus = [terms(other, doc.texts["title"][other]) + terms(other, doc.texts["keywords"][other]) for doc in self.documents]
                    fields.append(("names", other, WEIGHTS["names"], corpus))
            self._fields[locale] = [self._field(*spec) for spec in fields]
            self._vocabulary[locale] = {t for f in self._fields[locale] if f.locale == locale for t in f.df}
            words: set[str] = set()
            for doc in self.documents:
                for name in ("title", "keywords"):
                    value = normalise(doc.texts[name][locale])
                    words.update(w for w in _WORD.findall(value) if len(w) >= 2)
                for keyword in doc.texts["keywords"][locale].split(" ; "):
                    if 2 <= len(keyword) <= 30:
                        words.add(normalise(keyword))
            self._words[locale] = sorted(words)
        for term in sorted(self._vocabulary["zh"], key=len):
            if has_han(term) and len(term) >= 2:
                self._homophones.setdefault(" ".join(lazy_pinyin(term)), term)

    @staticmethod
    def _field(name: str, locale: str, weight: float, corpus: list[list[str]]) -> _Field:
        bm25 = bm25s.BM25()
        bm25.index([doc or [""] for doc in corpus], show_progress=False)
        df: dict[str, int] = {}
        for doc in corpus:
            for term in set(doc):
                df[term] = df.get(term, 0) + 1
        return _Field(name, locale, weight, bm25, df)

    @classmethod
    def build(cls, services: list[dict], articles: list[dict], guides: list[dict]) -> SearchIndex:
        """``services``, ``articles``, ``guides``: the records' JSON as seeded (texts in every locale)."""
        load_analyzers()
        documents = []
        for kind, records in (("service", services), ("article", articles), ("guide", guides)):
            for record in records:
                title = record.get("name") or record["title"]
                names = [title["zh"], *(record.get("keywords") or {}).get("zh", [])]
                documents.append(
                    Document(
                        kind=kind,
                        id=record["id"],
                        popularity=record.get("popularity", 40 if kind == "guide" else 20),
                        titles=title,
                        summaries=record["summary"],
                        texts=_record_texts(record),
                        pinyin=[forms for forms in (pinyin_forms(name) for name in names) if forms[0]],
                    )
                )
        return cls(documents)

    # -------------------------------------------------------------- querying

    def _correct(self, locale: str, terms: list[str]) -> list[str]:
        """Terms the index does not know, replaced by the nearest it does: a
        typo (pasport -> passport), or in Chinese a word typed with the wrong
        characters of the right sound (身分 -> 身份, 直照 -> 执照)."""
        vocabulary = self._vocabulary[locale]
        corrected = []
        for term in terms:
            if term in vocabulary:
                corrected.append(term)
            elif locale == "zh" and len(term) >= 2 and has_han(term):
                corrected.append(self._homophones.get(" ".join(lazy_pinyin(term)), term))
            elif locale in ("en", "fr") and len(term) >= 4 and term.isalpha():
                match = process.extractOne(term, vocabulary, scorer=fuzz.ratio, score_cutoff=80)
                corrected.append(match[0] if match else term)
            else:
                corrected.append(term)
        return corrected

    def _pinyin_scores(self, letters: str) -> np.ndarray:
        """How well ``letters`` (ASCII, no spaces) matches each record's Chinese
        names in pinyin: a prefix of the full pinyin, a part of it, or the initials."""
        scores = np.zeros(len(self.documents))
        if len(letters) < 2:
            return scores
        for i, doc in enumerate(self.documents):
            best = 0.0
            for full, initials in doc.pinyin:
                if full.startswith(letters):
                    best = max(best, 1.0)
                elif len(letters) >= 4 and letters in full:
                    best = max(best, 0.75)
                elif len(initials) >= 2 and initials.startswith(letters):
                    best = max(best, 0.85 if len(letters) == len(initials) else 0.7)
            scores[i] = best
        return scores

    def _concepts(self, locale: str, query: Query, prefix: bool) -> dict[str, list[list[str]]]:
        """The query's meaning as concepts, per analyser locale: each a list of
        terms any one of which carries it. The page's locale reads the text word
        by word (typos corrected) and each lexicon phrase with the catalogue's
        words for it; Chinese and English read the whole text once more, for the
        names of things in those languages."""
        own = analyzer(locale)
        concepts = [self._correct(locale, c) for c in query.concepts()]
        if prefix:
            completions = self._completions(locale, query.text)
            if completions and concepts:
                concepts[-1] = concepts[-1] + completions
        for typed, words in query.groups:
            terms = own.terms(typed) + [t for w in words for t in own.terms(w)]
            if terms:
                concepts.append(list(dict.fromkeys(terms)))
        readings = {locale: concepts}
        if locale != "zh" and has_han(query.text):
            readings["zh"] = [self._correct("zh", c) for c in analyzer("zh").concepts(query.text)]
        if locale != "en" and has_latin(query.text):
            readings["en"] = [self._correct("en", c) for c in analyzer("en").concepts(query.text)]
        return readings

    def rank(self, query: str, locale: str, kinds: Iterable[str] = KINDS, drop: tuple[str, ...] = (), prefix: bool = False) -> list[Hit]:
        """Every record that matches, best first. ``drop``: more phrases to ignore
        (the assistant's question cues); ``prefix``: the last word may be
        unfinished (suggestions as the user types)."""
        prepared = prepare_query(locale, query, drop)
        if not prepared.text:
            return []
        n = len(self.documents)
        scores = np.zeros(n)
        coverage = np.zeros(n)
        term_scores: dict[tuple[str, str], np.ndarray] = {}
        strong: dict[tuple[str, str], np.ndarray] = {}  # the same, in the fields that say what a record is
        readings = self._concepts(locale, prepared, prefix)

        # Pinyin reads the ASCII words the index does not know (all of them in Chinese).
        words = _ASCII_WORD.findall(normalise(prepared.text))
        pinyin_words = [w for w in words if locale == "zh" or not self._known_anywhere(w)]
        pinyin = np.zeros(n)
        by_word = {w: self._pinyin_scores(w) for w in pinyin_words}
        if pinyin_words:
            # Pinyin typed as one run ("shebaoka") or word by word ("shenfenzheng diule").
            pinyin = self._pinyin_scores("".join(pinyin_words))
            if len(pinyin_words) > 1:
                pinyin = np.maximum(pinyin, sum(by_word.values()) / len(pinyin_words))
        scores += PINYIN_WEIGHT * pinyin

        for reading, concepts in readings.items():
            fields = [f for f in self._fields[locale] if f.locale == reading]
            matched, total = np.zeros(n), 0.0
            for terms in concepts:
                hit = np.zeros(n, dtype=bool)
                best, others = np.zeros(n), np.zeros(n)  # a concept counts by its best term, its other terms add less
                df = 0
                for term in terms:
                    if (reading, term) not in term_scores:
                        values, in_names = np.zeros(n), np.zeros(n)
                        for f in fields:
                            if term in f.df:
                                field_scores = f.weight * f.bm25.get_scores([term])
                                values += field_scores
                                if f.weight >= STRONG_WEIGHT:
                                    in_names += field_scores
                        term_scores[(reading, term)] = values
                        strong[(reading, term)] = in_names
                    others += np.minimum(best, term_scores[(reading, term)])
                    best = np.maximum(best, term_scores[(reading, term)])
                    hit |= strong[(reading, term)] > 0
                    df = max(df, max((f.df.get(term, 0) for f in fields), default=0))
                if reading == locale and terms[0] in by_word:
                    hit |= (by_word[terms[0]] > 0) | (pinyin > 0) & (len(pinyin_words) == 1)
                scores += best + SECONDARY * others
                weight = math.log(1 + n / df) if df else math.log(1 + n)
                matched += weight * hit
                total += weight
            if total:
                coverage = np.maximum(coverage, matched / total)
        if pinyin_words and not readings[locale]:
            coverage = np.maximum(coverage, pinyin)

        scores = scores * self._prior + (scores > 0) * self._popularity / 1000
        wanted = np.isin(self._kinds, list(kinds))
        order = [i for i in np.argsort(-scores, kind="stable") if wanted[i] and scores[i] > 0]
        if not order:
            return []
        top = scores[order[0]]
        return [self._hit(i, float(scores[i]), float(coverage[i]), locale) for i in order if scores[i] >= RELATIVE_CUT * top]

    def _known_anywhere(self, word: str) -> bool:
        return any(t in self._vocabulary[loc] for loc in ("en", "fr") for t in analyzer(loc).terms(word))

    def _completions(self, locale: str, value: str) -> list[str]:
        """The index's terms that the last, maybe unfinished, word could become."""
        words = analyzer(locale).terms(value)
        if not words:
            return []
        last = words[-1]
        if len(last) < (1 if not last.isascii() else 2):
            return []
        return sorted((t for t in self._vocabulary[locale] if t.startswith(last) and t != last), key=len)[:5]

    def _hit(self, i: int, score: float, coverage: float, locale: str) -> Hit:
        doc = self.documents[i]
        lang = locale if doc.titles.get(locale) else "zh"
        return Hit(doc.kind, doc.id, round(score, 4), round(coverage, 3), text(doc.titles, lang), text(doc.summaries, lang), lang)

    def search(self, query: str, locale: str, kinds: Iterable[str] = KINDS, limit: int = 20, prefix: bool = False) -> list[Hit]:
        """The ``limit`` best hits for a query typed in ``locale``."""
        return self.rank(query, locale, kinds, prefix=prefix)[:limit]

    def nearest(self, query: str, locale: str, limit: int = 3) -> list[Hit]:
        """When nothing matches: the services whose names and keywords look most
        like the query, letter by letter (the road never ends at nothing)."""
        query = normalise(query)
        if not query:
            return []
        choices = {
            i: normalise(doc.texts["title"][locale] + " ; " + doc.texts["keywords"][locale])
            for i, doc in enumerate(self.documents)
            if doc.kind == "service"
        }
        found = process.extract(query, choices, scorer=fuzz.partial_ratio, limit=limit, score_cutoff=40)
        return [self._hit(i, round(score / 100, 4), 0.0, locale) for _choice, score, i in found]

    def did_you_mean(self, query: str, locale: str) -> str | None:
        """The indexed word closest to a query that found nothing (spelling help)."""
        query = normalise(query)
        if len(query) < 3:
            return None
        match = process.extractOne(query, self._words[locale], scorer=fuzz.ratio, score_cutoff=70)
        if match and match[0] != query and self.search(match[0], locale, limit=1):
            return match[0]
        return None
