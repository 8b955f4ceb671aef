"""Text analysis per language and the lexicon: segmentation, morphology,
stemming, everyday words to the catalogue's, question words set aside, the
kinds of question, and what is scrubbed from a message."""

from __future__ import annotations

import pytest

from backend import analysis
from backend.analysis import INTENTS, LOCALES, analyzer, find_phrases, lexicon, prepare_query
from backend.assistant.dialogue import classify, scrub


@pytest.mark.parametrize(
    ("locale", "text", "expected"),
    [
        ("zh", "身份证补办", ["身份证", "身份", "补办"]),  # jieba: the word and the words inside it
        ("ja", "運転免許証を更新したい", ["運転免許証", "運転", "免許", "更新"]),  # Sudachi: mode C with its mode A parts
        ("ja", "子どもの学校", ["子供", "学校"]),  # normalised form
        ("ko", "여권을 잃어버렸어요", ["여권", "잃어버리"]),  # Kiwi: no particles or endings
        ("en", "Registering my kids' licences", ["regist", "kid", "licenc"]),  # Snowball, stop words gone
        ("fr", "l'école des enfants", ["ecol", "enfant"]),  # elision cut, accents folded
        ("fr", "ecole", ["ecol"]),  # typed without accents, the same term
    ],
)
def test_each_language_is_analysed_by_its_own_rules(locale, text, expected):
    terms = analyzer(locale).terms(text)
    assert all(term in terms for term in expected), terms
    assert not {"的", "を", "을", "my", "des", "l"} & set(terms)


def test_every_locale_has_a_lexicon_of_text():
    for locale in LOCALES:
        lex = lexicon(locale)
        assert lex.synonyms and lex.filler and lex.stopwords and lex.outside
        assert all(lex.questions[intent] for intent in INTENTS), locale


def test_a_lexicon_entry_yaml_would_read_as_a_boolean_is_refused(tmp_path, monkeypatch):
    (tmp_path / "lexicon").mkdir()
    (tmp_path / "lexicon" / "xx.yaml").write_text("stopwords: [a, on, the]\n", encoding="utf-8")
    monkeypatch.setenv("PORTAL_SEED_DIR", str(tmp_path))
    with pytest.raises(ValueError, match="not text"):
        lexicon.__wrapped__("xx")


def test_everyday_words_bring_in_the_catalogues_words():
    query = prepare_query("zh", "身份证丢了怎么办")
    assert any(typed == "丢了" and "补领" in words for typed, words in query.groups)
    assert query.text.strip() == "身份证丢了", "the question words are set aside"
    english = prepare_query("en", "school for my kids")
    assert any(typed == "kids" and "children" in words for typed, words in english.groups), "kids finds the entry for kid"


def test_a_phrase_inside_a_word_leaves_the_word_whole():
    # 免許 is a lexicon phrase inside 運転免許証; the word must not be cut.
    concepts = prepare_query("ja", "運転免許証の更新").concepts()
    assert ["運転免許証", "運転", "免許", "証"] in concepts


def test_question_words_leave_no_orphaned_particle():
    # Without the cue 수수료 the text "가 있나요" would read 가 as a verb.
    cues = tuple(p for phrases in lexicon("ko").questions.values() for p in phrases)
    assert prepare_query("ko", "수수료가 있나요?", cues).concepts() == []


def test_phrases_match_stems_in_english_and_ignore_spaces_in_cjk():
    assert find_phrases("en", "My kids' school", ("kid",)) == [(3, 7, "kid")]
    assert find_phrases("zh", "生 孩子 上户口", ("生孩子",)) == [(0, 4, "生孩子")]
    assert find_phrases("fr", "Comment faire pour s'inscrire", ("comment faire pour", "comment")) == [(0, 18, "comment faire pour")]


@pytest.mark.parametrize(
    ("locale", "text", "intents"),
    [
        ("zh", "要带什么材料？", ["materials"]),
        ("zh", "多少钱，要多久", ["fee", "time"]),
        ("en", "How long does it take?", ["time"]),
        ("en", "What are the opening hours?", ["hours"]),
        ("ja", "オンラインでできますか", ["online"]),
        ("ko", "수수료가 있나요?", ["fee"]),
        ("ko", "예약할 수 있나요?", ["booking"]),
        ("fr", "Quelles sont les conditions ?", ["conditions"]),
        ("fr", "Où faut-il s'adresser ?", ["where"]),
        ("en", "passport", []),
    ],
)
def test_the_kind_of_question_is_recognised(locale, text, intents):
    assert classify(locale, text) == intents


def test_personal_data_is_scrubbed_before_anything_reads_it():
    cleaned = scrub("ID 11010119900307777X, phone +86 138-0013-8000, mail a.b@example.cn, passport E12345678 <b>x</b>")
    for gone in ("11010119900307777X", "138", "a.b@example.cn", "E12345678", "<b>"):
        assert gone not in cleaned
    assert "passport" in cleaned


def test_analysers_are_built_once_per_process():
    assert analysis.analyzer("ko") is analysis.analyzer("ko")
