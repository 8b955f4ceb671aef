"""Chinese names by pinyin: which characters each toneless syllable can
stand for, most used first, from pypinyin's data.

pypinyin lists every reading of every character (41,000 of them), so ``wang``
alone would offer 方 (read páng or fāng, rarely wǎng) before 王. The
characters are ranked by how often they are read that way in pypinyin's
phrase dictionary (47,000 words), which puts the everyday characters of a
syllable (王, 小, 明, 吕) first. The kiosk's name keyboard
(kiosk/keypad.py, kiosk/kiosk.js) looks syllables up in this table in the
browser, so nothing typed leaves it before the form is sent.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from functools import cache

CANDIDATES_PER_SYLLABLE = 48


def _toneless(reading: str) -> str:
    from pypinyin.contrib.tone_convert import to_normal

    # ü is typed as v on a pinyin keyboard (lü -> lv).
    return to_normal(reading).replace("ü", "v")


def _is_common_han(character: str) -> bool:
    return "\u4e00" <= character <= "\u9fff"


@cache
def candidates() -> dict[str, str]:
    """Toneless syllable ("wang", "lv") -> the characters read so, most used
    first (at most CANDIDATES_PER_SYLLABLE, CJK Unified Ideographs only).
    Built once per process from pypinyin's dictionaries (a few seconds)."""
    from pypinyin.phrases_dict import phrases_dict
    from pypinyin.pinyin_dict import pinyin_dict

    uses: Counter[tuple[str, str]] = Counter()
    for phrase, readings in phrases_dict.items():
        for character, reading in zip(phrase, readings):
            uses[(character, _toneless(reading[0]))] += 1
    by_syllable: dict[str, Counter[str]] = defaultdict(Counter)
    for (character, syllable), count in uses.items():
        if _is_common_han(character):
            by_syllable[syllable][character] += count
    # A character never met in a phrase still has its main reading.
    for code_point, readings in pinyin_dict.items():
        character = chr(code_point)
        if _is_common_han(character):
            by_syllable[_toneless(readings.split(",")[0])][character] += 0
    return {
        syllable: "".join(c for c, _n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:CANDIDATES_PER_SYLLABLE])
        for syllable, counts in sorted(by_syllable.items())
        if syllable.isascii() and syllable.isalpha()
    }
