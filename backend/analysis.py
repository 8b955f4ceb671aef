"""Text analysis per language, shared by search and the service assistant.

Each locale turns a text into the terms that carry its meaning:

- Chinese: jieba's search segmentation (words and the words inside them,
  身份证 -> 身份, 身份证), with the catalogue's own words added to its dictionary;
- Japanese: SudachiPy (core dictionary), mode C words with their mode A parts
  (運転免許証 -> 運転, 免許, 証), in their normalised form (子ども -> 子供);
- Korean: Kiwi morphemes, keeping nouns, verb and adjective stems and roots,
  with the syllable pairs inside long nouns (면허증 -> 면허);
- English and French: words, elisions cut (l', d'), Snowball stems without accents.

Stop words and question words that carry no meaning come from the locale's
lexicon (``backend/seed/lexicon/<locale>.yaml``), which also maps the words
people use to the words the catalogue uses. The analysers load their
dictionaries once per process (Kiwi's model takes seconds and ~300 MB).
"""

from __future__ import annotations

import os
import re
import threading
import unicodedata
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from backend.content import SEED_DIR

LOCALES = ("zh", "en", "ja", "ko", "fr")
INTENTS = ("materials", "fee", "time", "where", "hours", "online", "booking", "conditions")
_LATIN_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ELISION = re.compile(r"\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)


def normalise(value: str) -> str:
    """NFKC and case-folded: full-width letters, digits and punctuation become ordinary ones."""
    return unicodedata.normalize("NFKC", value).casefold().strip()


def fold_accents(value: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", value) if not unicodedata.combining(c))


def has_han(value: str) -> bool:
    return bool(_HAN.search(value))


def has_latin(value: str) -> bool:
    return bool(_LATIN.search(value))


# ------------------------------------------------------------------ lexicon


@dataclass(frozen=True)
class Lexicon:
    """A locale's words about words, from ``lexicon/<locale>.yaml``.

    ``synonyms`` maps an everyday phrase to the catalogue's words for it;
    ``filler`` holds question phrases that carry no meaning for search;
    ``stopwords`` words never worth indexing; ``questions`` the cue phrases of
    each kind of question the assistant tells apart (materials, fee, ...);
    ``switch`` phrases that correct the previous turn ("no, I meant");
    ``outside`` subjects the city's services do not cover (weather, trains);
    ``greeting`` and ``thanks`` the small talk of a conversation."""

    locale: str
    synonyms: dict[str, tuple[str, ...]]
    filler: tuple[str, ...]
    stopwords: frozenset[str]
    questions: dict[str, tuple[str, ...]]
    switch: tuple[str, ...]
    outside: tuple[str, ...]
    greeting: tuple[str, ...]
    thanks: tuple[str, ...]


def lexicon_dir() -> Path:
    return Path(os.environ.get("PORTAL_SEED_DIR", SEED_DIR)) / "lexicon"


@cache
def lexicon(locale: str) -> Lexicon:
    """The locale's lexicon; raises FileNotFoundError or KeyError for a locale without one."""
    with (lexicon_dir() / f"{locale}.yaml").open(encoding="utf-8") as fp:
        data = yaml.safe_load(fp) or {}
    questions = data.get("questions") or {}
    unknown = set(questions) - set(INTENTS)
    if unknown:
        raise ValueError(f"lexicon {locale}: unknown question kinds {sorted(unknown)}")

    def phrases(key: str) -> tuple[str, ...]:
        return tuple(_string(p) for p in data.get(key) or ())

    def _string(value: object) -> str:
        # YAML reads a bare on, off, yes or no as a boolean: the file must quote it.
        if not isinstance(value, str):
            raise ValueError(f"lexicon {locale}: {value!r} is not text (quote it)")
        return value

    return Lexicon(
        locale=locale,
        synonyms={_string(k): tuple(_string(w) for w in (v if isinstance(v, list) else [v])) for k, v in (data.get("synonyms") or {}).items()},
        filler=phrases("filler"),
        stopwords=frozenset(normalise(_string(w)) for w in data.get("stopwords") or ()),
        questions={intent: tuple(_string(p) for p in questions.get(intent) or ()) for intent in INTENTS},
        switch=phrases("switch"),
        outside=phrases("outside"),
        greeting=phrases("greeting"),
        thanks=phrases("thanks"),
    )


# ------------------------------------------------------------------ analysers


class Analyzer:
    """Turns text into index terms for one locale."""

    locale: str

    def located(self, value: str) -> list[tuple[int, int, list[str]]]:
        """The words of ``value`` with where each stands in ``normalise(value)``,
        each with the smaller words inside it: (start, end, [身份证, 身份])."""
        raise NotImplementedError

    def concepts(self, value: str) -> list[list[str]]:
        """The words of ``value``, each with the smaller words inside it (one
        concept each: 身份证 -> [身份证, 身份])."""
        return [terms for _start, _end, terms in self.located(value)]

    def terms(self, value: str) -> list[str]:
        """Every index term of ``value``, in order."""
        return [term for concept in self.concepts(value) for term in concept]

    def add_words(self, words: set[str]) -> None:
        """Teach the segmenter words of the catalogue (only Chinese needs it)."""

    def _keep(self, term: str) -> bool:
        return bool(term.strip()) and term not in lexicon(self.locale).stopwords and any(c.isalnum() for c in term)


class ChineseAnalyzer(Analyzer):
    locale = "zh"

    def __init__(self) -> None:
        import jieba

        jieba.setLogLevel(60)
        self._jieba = jieba.Tokenizer()
        self._jieba.initialize()
        self._lock = threading.Lock()
        self.add_words({w for words in lexicon("zh").synonyms.values() for w in words} | set(lexicon("zh").synonyms))

    def add_words(self, words: set[str]) -> None:
        with self._lock:
            for word in words:
                word = normalise(word)
                if 2 <= len(word) <= 8 and has_han(word) and " " not in word:
                    self._jieba.add_word(word)

    def is_word(self, value: str) -> bool:
        """Whether jieba's dictionary (with the catalogue's words) knows ``value``."""
        return bool(self._jieba.FREQ.get(value))

    def located(self, value: str) -> list[tuple[int, int, list[str]]]:
        out = []
        with self._lock:
            for word, start, end in self._jieba.tokenize(normalise(value), HMM=True):
                # jieba's search mode: the word and the dictionary words inside it.
                parts = [word[i : i + n] for n in (2, 3) if len(word) > n for i in range(len(word) - n + 1) if self._jieba.FREQ.get(word[i : i + n])]
                concept = [t for t in dict.fromkeys([word, *parts]) if self._keep(t)]
                if concept:
                    out.append((start, end, concept))
        return out


class JapaneseAnalyzer(Analyzer):
    locale = "ja"
    _CONTENT = {"名詞", "動詞", "形容詞", "形状詞", "接頭辞", "接尾辞", "副詞"}

    def __init__(self) -> None:
        from sudachipy import Dictionary, SplitMode

        self._mode_c, self._mode_a = SplitMode.C, SplitMode.A
        self._tokenizer = Dictionary(dict="core").create()
        self._lock = threading.Lock()

    def located(self, value: str) -> list[tuple[int, int, list[str]]]:
        out = []
        with self._lock:
            for morpheme in self._tokenizer.tokenize(normalise(value), self._mode_c):
                pos = morpheme.part_of_speech()
                if pos[0] not in self._CONTENT or pos[1] == "非自立可能" and pos[0] != "名詞":
                    continue
                parts = morpheme.split(self._mode_a)
                forms = [morpheme.normalized_form(), *(p.normalized_form() for p in parts if len(parts) > 1)]
                concept = [t for t in dict.fromkeys(normalise(f) for f in forms) if self._keep(t)]
                if concept:
                    out.append((morpheme.begin(), morpheme.end(), concept))
        return out


class KoreanAnalyzer(Analyzer):
    locale = "ko"
    _CONTENT = {"NNG", "NNP", "NR", "VV", "VA", "XR", "XPN", "SL", "SH", "SN"}

    def __init__(self) -> None:
        from kiwipiepy import Kiwi

        # One thread (num_workers=0, which Kiwi warns has changed meaning: it
        # now means exactly that); without the typo and multi-word dictionaries
        # Kiwi needs about a third less memory.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            self._kiwi = Kiwi(num_workers=0, load_typo_dict=False, load_multi_dict=False)
        self._kiwi.tokenize("준비")  # Kiwi finishes loading its model on the first call

    def located(self, value: str) -> list[tuple[int, int, list[str]]]:
        out = []
        for token in self._kiwi.tokenize(normalise(value)):
            if token.tag not in self._CONTENT:
                continue
            form = normalise(token.form)
            if len(form) == 1 and token.tag in ("VV", "VA", "XR"):
                continue  # 가, 하, 받: too short to say what a service is, and often a particle's orphan
            pairs = [form[i : i + 2] for i in range(len(form) - 1)] if token.tag.startswith("NN") and len(form) >= 3 else []
            concept = [t for t in dict.fromkeys([form, *pairs]) if self._keep(t)]
            if concept:
                out.append((token.start, token.start + token.len, concept))
        return out


class LatinAnalyzer(Analyzer):
    """English and French: Snowball stems, accents folded after stemming (so a
    query typed without accents finds words written with them)."""

    def __init__(self, locale: str, language: str) -> None:
        import Stemmer

        self.locale = locale
        self._stemmer = Stemmer.Stemmer(language)

    def words(self, value: str) -> list[str]:
        """The stems of every word, stop words included (for phrase matching)."""
        text = _ELISION.sub(" ", normalise(value))
        return [fold_accents(self._stemmer.stemWord(w)) for w in _LATIN_WORD.findall(text)]

    def located(self, value: str) -> list[tuple[int, int, list[str]]]:
        text = _ELISION.sub(lambda m: " " * len(m.group()), normalise(value))
        stop = lexicon(self.locale).stopwords
        return [
            (m.start(), m.end(), [fold_accents(self._stemmer.stemWord(m.group()))])
            for m in _LATIN_WORD.finditer(text)
            if m.group() not in stop and fold_accents(m.group()) not in stop and not _CJK.search(m.group())
        ]


@cache
def analyzer(locale: str) -> Analyzer:
    """The locale's analyser, built once per process."""
    if locale == "zh":
        return ChineseAnalyzer()
    if locale == "ja":
        return JapaneseAnalyzer()
    if locale == "ko":
        return KoreanAnalyzer()
    if locale in ("en", "fr"):
        return LatinAnalyzer(locale, {"en": "english", "fr": "french"}[locale])
    raise KeyError(locale)


def load_analyzers() -> None:
    """Build every locale's analyser at once: Kiwi loads its model in C++ while
    jieba reads its dictionary, which saves seconds at start-up."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=len(LOCALES)) as pool:
        list(pool.map(analyzer, LOCALES))


# ------------------------------------------------------------------ phrases


def _is_spaced(locale: str) -> bool:
    return locale in ("en", "fr")


@cache
def _phrase_pattern(locale: str, phrase: str) -> re.Pattern | tuple[str, ...] | None:
    phrase = normalise(phrase)
    if not phrase:
        return None
    if _is_spaced(locale):
        stems = tuple(analyzer(locale).words(phrase))  # type: ignore[attr-defined]
        return stems or None
    # Chinese, Japanese, Korean: the characters in order, spaces anywhere between.
    return re.compile(r"\s*".join(re.escape(c) for c in phrase if not c.isspace()))


def find_phrases(locale: str, value: str, phrases: tuple[str, ...] | list[str]) -> list[tuple[int, int, str]]:
    """Where each phrase occurs in ``value`` (normalised), as (start, end, phrase),
    longest first and never overlapping. English and French compare stems word by
    word ("kids" finds "kid"); the other locales compare characters, ignoring spaces."""
    text = normalise(value)
    found: list[tuple[int, int, str]] = []
    if _is_spaced(locale):
        spans = [(m.start(), m.end()) for m in _LATIN_WORD.finditer(_ELISION.sub(lambda m: " " * len(m.group()), text))]
        stems = [analyzer(locale).words(text[s:e])[:1] or [""] for s, e in spans]  # type: ignore[attr-defined]
        stems_flat = [s[0] for s in stems]
        for phrase in phrases:
            pattern = _phrase_pattern(locale, phrase)
            if not pattern:
                continue
            n = len(pattern)
            for i in range(len(stems_flat) - n + 1):
                if tuple(stems_flat[i : i + n]) == pattern:
                    found.append((spans[i][0], spans[i + n - 1][1], phrase))
    else:
        for phrase in phrases:
            pattern = _phrase_pattern(locale, phrase)
            if pattern is None:
                continue
            found.extend((m.start(), m.end(), phrase) for m in pattern.finditer(text))  # type: ignore[union-attr]
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    kept: list[tuple[int, int, str]] = []
    for start, end, phrase in found:
        if all(end <= s or start >= e for s, e, _p in kept):
            kept.append((start, end, phrase))
    return sorted(kept)


def remove_spans(value: str, spans: list[tuple[int, int, str]]) -> str:
    """``value`` (normalised) with the spans blanked out."""
    text = normalise(value)
    for start, end, _phrase in sorted(spans, reverse=True):
        text = text[:start] + " " + text[end:]
    return " ".join(text.split())


@dataclass(frozen=True)
class Query:
    """A query as the index sees it: its text, the everyday phrases the lexicon
    knows (each with the catalogue's words for it), and what to set aside
    (question words)."""

    locale: str
    normalised: str
    groups: tuple[tuple[str, tuple[str, ...]], ...]  # (phrase as typed, the catalogue's words for it)
    explained: tuple[tuple[int, int], ...]  # spans of the lexicon's phrases and of the question words

    @property
    def text(self) -> str:
        """The text less its question words."""
        return remove_spans(self.normalised, [(s, e, "") for s, e in self.explained if not self._is_group(s, e)])

    def _is_group(self, start: int, end: int) -> bool:
        return any(self.normalised[start:end] == typed for typed, _words in self.groups)

    def concepts(self) -> list[list[str]]:
        """The words of the text (``Analyzer.concepts``), less those mostly inside
        a lexicon phrase or a question word (more than half of it). The whole text is analysed, so a
        word around a phrase stays whole (免許 in 運転免許証) and no particle is
        left orphaned (수수료가)."""

        def explained(start: int, end: int) -> bool:
            inside = sum(max(0, min(end, e) - max(start, s)) for s, e in self.explained)
            return inside * 2 > end - start

        return [terms for start, end, terms in analyzer(self.locale).located(self.normalised) if not explained(start, end)]


def prepare_query(locale: str, value: str, drop: tuple[str, ...] = ()) -> Query:
    """Apply the locale's lexicon to a query: everyday phrases bring in the
    catalogue's words; filler (and ``drop``, e.g. the assistant's question
    cues) is set aside."""
    lex = lexicon(locale)
    text = normalise(value)
    synonyms = find_phrases(locale, text, tuple(lex.synonyms))
    ignored = [span for span in find_phrases(locale, text, (*lex.filler, *drop)) if all(span[1] <= s or span[0] >= e for s, e, _p in synonyms)]
    return Query(
        locale=locale,
        normalised=text,
        groups=tuple((text[start:end], lex.synonyms[phrase]) for start, end, phrase in synonyms),
        explained=tuple((start, end) for start, end, _phrase in [*synonyms, *ignored]),
    )
