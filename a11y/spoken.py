"""Text as espeak-ng should be given it, per locale, so that what it says is
that language (checked phoneme by phoneme in tests/unit/test_spoken_language.py).

- Chinese: the voice ``sit/cmn-Latn-pinyin`` (espeak-ng 1.51) turns characters
  into pinyin and reads the pinyin as Mandarin; ``sit/cmn`` reads it as English.
  Latin words inside Chinese are spelt out, letter by letter, which this voice
  says as Chinese speakers name the letters ("App" as A P P, "QR" as Q R);
  read whole, a word that is not pinyin is read in English.
- Japanese: espeak-ng reads kana only (every kanji is "Chinese letter"), so
  the text becomes its pronunciation in katakana from a morphological analyser
  (fugashi with UniDic Lite); numbers are read in Japanese (num2words) and
  Latin letters by their Japanese names.
- Korean: Latin letters by their Korean names (espeak-ng would switch to English).
- Korean, French, English: Chinese characters (a gloss such as 등록(备案), or
  the Chinese name of an app) are left out: these voices can only call them
  "Chinese letter".
- Everywhere: long digit runs (receipt, phone and ticket numbers, the 12345
  hotline) are read digit by digit, as people read them out.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# espeak-ng voices for the portal's locales.
VOICES = {"zh": "sit/cmn-Latn-pinyin", "en": "gmw/en-gb-x-rp", "ja": "jpx/ja", "ko": "ko", "fr": "roa/fr"}

DIGIT_BY_DIGIT = 5  # digit runs at least this long are identifiers, not amounts
_DIGIT_RUN = re.compile(r"\d{%d,}" % DIGIT_BY_DIGIT)

# The names of the Latin letters as Japanese and Korean say them.
LETTER_NAMES = {
    "ja": dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "エー ビー シー ディー イー エフ ジー エイチ アイ ジェー ケー エル エム エヌ オー ピー キュー アール エス ティー ユー ブイ ダブリュー エックス ワイ ゼット".split())),
    "ko": dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "에이 비 씨 디 이 에프 지 에이치 아이 제이 케이 엘 엠 엔 오 피 큐 알 에스 티 유 브이 더블유 엑스 와이 제트".split())),
}
_LATIN = re.compile(r"[A-Za-z]+")
_HANZI_GLOSS = re.compile(r"\s*\(\s*[\u3400-\u9fff][^()]*\)|'[\u3400-\u9fff]+'|[\u3400-\u9fff]+")
# Signs espeak-ng reads in English inside these languages: "5~9", "100%".
_RANGE = re.compile(r"(?<=\S)\s*[~〜～]\s*(?=\d)")
RANGE_WORD = {"zh": "至", "ja": "から", "ko": "에서 ", "en": " to ", "fr": " à "}
_PERCENT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")
PERCENT = {"zh": "百分之{}", "ja": "{}パーセント", "ko": "{}퍼센트", "en": "{} percent", "fr": "{} pour cent"}
# Signs the Korean and Chinese voices read in English: their words, or a pause.
SIGNS = {
    "ko": str.maketrans({"+": " 플러스 ", "@": " 골뱅이 ", "/": ", ", "&": " 앤드 "}),
    "zh": str.maketrans({"+": "加", "@": " 艾特 ", "&": "和", "/": "、"}),
    "ja": str.maketrans({"+": "プラス", "@": "アットマーク", "&": "アンド"}),
}
# Japanese punctuation that espeak-ng reads out as "letter": a pause instead.
_JA_PAUSES = str.maketrans({c: "、" for c in "・「」『』（）()［］[]【】〈〉《》〔〕“”\"'‘’/／〜~:：;；"})


def _spell(letters: str, locale: str) -> str:
    names = LETTER_NAMES[locale]
    return " ".join(names[c] for c in letters.upper())


def _digits_one_by_one(text: str) -> str:
    return _DIGIT_RUN.sub(lambda m: " ".join(m.group()), text)


@cache
def _tagger():
    import fugashi  # UniDic Lite comes with unidic-lite; loaded once (about 50 MB, mapped)

    return fugashi.Tagger()


def _ja_number(digits: str) -> str:
    from num2words import num2words

    if len(digits) >= DIGIT_BY_DIGIT or (len(digits) > 1 and digits.startswith("0")):
        return "、".join(num2words(int(d), lang="ja", reading=True) for d in digits)
    return num2words(int(digits), lang="ja", reading=True)


# Counters whose reading changes the number's (dates, clock times, people).
_JA_DAYS = {2: "ふつか", 3: "みっか", 4: "よっか", 5: "いつか", 6: "むいか", 7: "なのか", 8: "ようか", 9: "ここのか", 10: "とおか", 14: "じゅうよっか", 20: "はつか", 24: "にじゅうよっか"}
_JA_COUNTED = {
    "月": {4: "しがつ", 7: "しちがつ", 9: "くがつ"},
    "時": {4: "よじ", 7: "しちじ", 9: "くじ"},
    "人": {1: "ひとり", 2: "ふたり", 4: "よにん"},
    "日": _JA_DAYS,
}
_JA_COUNTER_READING = {"月": "がつ", "時": "じ", "人": "にん", "日": "にち"}
_JA_CLOCK = re.compile(r"\b(\d{1,2}):(\d{2})\b")


def _ja_counted(n: int, counter: str, after_month: bool) -> str:
    """``n`` with its counter: 14日 -> じゅうよっか, 9時 -> くじ, 30分 -> さんじゅっぷん."""
    if counter == "分":
        reading = _ja_number(str(n))
        for plain, sound in (("いち", "いっぷん"), ("ろく", "ろっぷん"), ("はち", "はっぷん"), ("じゅう", "じゅっぷん"), ("ひゃく", "ひゃっぷん"), ("さん", "さんぷん"), ("よん", "よんぷん")):
            if reading.endswith(plain):
                return reading.removesuffix(plain) + sound
        return reading + "ふん"
    if counter == "日" and n == 1:
        return "ついたち" if after_month else "いちにち"
    return _JA_COUNTED[counter].get(n) or _ja_number(str(n)) + _JA_COUNTER_READING[counter]


def japanese_kana(text: str) -> str:
    """Japanese text as it is pronounced, word by word in katakana (numbers in
    hiragana): 受付番号を入力してください -> ウケツケ バンゴー オ ニューリョク シ テ クダサイ."""
    text = _JA_CLOCK.sub(lambda m: m[1] + "時" + (m[2] + "分" if m[2] != "00" else ""), text)
    spoken: list[str] = []
    words = list(_tagger()(text))
    skip = False
    for index, word in enumerate(words):
        if skip:
            skip = False
            continue
        surface = word.surface
        pron = getattr(word.feature, "pron", None)
        following = words[index + 1].surface if index + 1 < len(words) else ""
        if surface.isdigit() and len(surface) < DIGIT_BY_DIGIT and following in (*_JA_COUNTED, "分"):
            after_month = index > 0 and words[index - 1].surface == "月"
            spoken.append(_ja_counted(int(surface), following, after_month))
            skip = True
            continue
        if not surface.strip("ー"):
            continue  # the long-vowel mark on its own (a key's label) is a symbol, not a sound
        if surface.isdigit():
            spoken.append(_ja_number(surface))
        elif _LATIN.fullmatch(surface):
            spoken.append(_spell(surface, "ja"))
        elif pron and pron != "*":
            spoken.append(pron)
        else:  # a word the dictionary lacks: letters spelt, a Chinese gloss (个人所得税) left out
            rest = _LATIN.sub(lambda m: " " + _spell(m.group(), "ja") + " ", surface.replace("×", "カケル"))
            spoken.append(_HANZI_GLOSS.sub("", rest).translate(_JA_PAUSES))
    # Words apart: espeak-ng misreads long runs of kana ("オオーキク" as letters).
    return " ".join(spoken)


def utterance(text: str, locale: str) -> str:
    """What the synthesiser is given to say ``text`` in ``locale`` with ``VOICES[locale]``."""
    text = unicodedata.normalize("NFKC", text)
    text = _RANGE.sub(RANGE_WORD[locale], text)
    text = _PERCENT.sub(lambda m: PERCENT[locale].format(m[1]), text)
    if locale in SIGNS:
        text = text.translate(SIGNS[locale])
    if locale == "ja":
        return japanese_kana(text)
    text = _digits_one_by_one(text)
    if locale == "ko":
        text = _LATIN.sub(lambda m: _spell(m.group(), "ko"), text)
    if locale == "zh":
        text = _LATIN.sub(lambda m: " " + " ".join(m.group().upper()) + " ", text)
    if locale in ("ko", "fr", "en"):
        text = _HANZI_GLOSS.sub("", text)
    return text
