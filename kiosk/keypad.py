"""On-screen keypads: digits for receipt and phone numbers, and a keyboard for
names in the script of each language. Each key writes into its target field
in the browser (kiosk/kiosk.js); the field stays an ordinary input, so the
form submits it as usual.

The name keyboard of each locale (``data-input-method``):

- zh ``pinyin``: letters spell a syllable; a row of characters read so, most
  used first (kiosk/pinyin.py), puts the chosen one into the name (王小明);
- ko ``hangul``: the two-set (두벌식) jamo layout; jamo compose into
  syllables as they are typed (김민준), by Hangul.js (kiosk/hangul.min.js, MIT);
- ja ``kana``: the katakana table (五十音) with the voiced marks and small
  kana, as Japanese terminals take names (タナカ ハナコ);
- fr ``letters``: AZERTY with the accented capitals of French names;
- en ``letters``: QWERTY.

A name that cannot be typed (kanji in Japanese, a rare character) is given
to a member of staff: the keyboard says so.
"""

from __future__ import annotations

import reflex as rx

from locales import gettext_for

LETTERS = ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")
AZERTY = ("AZERTYUIOP", "QSDFGHJKLM", "WXCVBN")
FRENCH_CAPITALS = "ÀÂÇÉÈÊËÎÏÔŒÙÛÜŸ"
NAME_MARKS = "'-"
# Two-set (두벌식) layout, with the doubled consonants and ㅒ ㅖ as keys of their own instead of Shift.
JAMO = ("ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ", "ㅁㄴㅇㄹㅎㅗㅓㅏㅣ", "ㅋㅌㅊㅍㅠㅜㅡ", "ㅃㅉㄸㄲㅆㅒㅖ")
# The katakana table by columns (ア行 … ワ行), each read top to bottom a-i-u-e-o; "" is an empty cell.
KANA_COLUMNS = (
    "アイウエオ", "カキクケコ", "サシスセソ", "タチツテト", "ナニヌネノ",
    "ハヒフヘホ", "マミムメモ", "ヤ ユ ヨ", "ラリルレロ", "ワ ヲ ン",
)


def _key(label: str, target: str, value: str, aria_label: str | None = None, wide: bool = False) -> rx.Component:
    return rx.el.button(
        label,
        type="button",
        class_name="key key--wide" if wide else "key",
        aria_label=aria_label,
        custom_attrs={"data-key-target": target, "data-key-value": value},
    )


def digit_keypad(locale: str, target: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.div(
        *(_key(str(d), target, str(d)) for d in (1, 2, 3, 4, 5, 6, 7, 8, 9)),
        _key(_("Clear"), target, "clear", wide=False),
        _key("0", target, "0"),
        _key("⌫", target, "backspace", aria_label=_("Delete the last digit")),
        role="group",
        aria_label=_("Number keypad"),
        class_name="keypad keypad--digits",
    )


def _row(keys: str, target: str) -> rx.Component:
    return rx.el.div(*(_key(k, target, k) for k in keys), class_name="keyboard__row")


def _editing_row(locale: str, target: str) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.div(
        _key(_("Space"), target, " ", wide=True),
        _key("⌫", target, "backspace", aria_label=_("Delete the last letter")),
        _key(_("Clear"), target, "clear"),
        class_name="keyboard__row keyboard__row--edit",
    )


def _pinyin_rows(locale: str, target: str) -> list[rx.Component]:
    _ = gettext_for(locale)
    return [
        rx.el.div(
            rx.el.p(_("Pinyin:"), " ", rx.el.span(lang="zh-Latn", class_name="pinyin__buffer", custom_attrs={"data-pinyin-buffer": ""})),
            rx.el.div(role="group", aria_label=_("Characters for this pinyin"), lang="zh-CN", class_name="pinyin__candidates", custom_attrs={"data-candidates": ""}),
            rx.el.button(_("More characters"), type="button", hidden=True, class_name="key key--wide", custom_attrs={"data-candidates-more": ""}),
            class_name="pinyin",
            aria_live="polite",
        ),
        *(rx.el.div(*(_key(k, target, k.lower()) for k in row), class_name="keyboard__row") for row in LETTERS),
    ]


def _kana_table(locale: str, target: str) -> list[rx.Component]:
    _ = gettext_for(locale)
    cells = [_key(k, target, k) if k != " " else rx.el.span(class_name="keyboard__gap", aria_hidden="true") for column in KANA_COLUMNS for k in column]
    return [
        rx.el.div(*cells, class_name="keyboard__kana"),
        rx.el.div(
            _key("゛", target, "voiced", aria_label=_("Voiced mark (dakuten)")),
            _key("゜", target, "semi-voiced", aria_label=_("Semi-voiced mark (handakuten)")),
            _key("小", target, "small", aria_label=_("Small kana")),
            _key("ー", target, "ー", aria_label=_("Long vowel mark")),
            class_name="keyboard__row",
        ),
    ]


def name_keyboard(locale: str, target: str, label: str | None = None) -> rx.Component:
    """The keyboard for a name in the locale's script (see the module docstring),
    or for other text in it (a question): ``label`` names the group then."""
    _ = gettext_for(locale)
    method = {"zh": "pinyin", "ko": "hangul", "ja": "kana"}.get(locale, "letters")
    if method == "pinyin":
        rows = _pinyin_rows(locale, target)
    elif method == "hangul":
        rows = [_row(row, target) for row in JAMO]
    elif method == "kana":
        rows = _kana_table(locale, target)
    elif locale == "fr":
        rows = [*(_row(row, target) for row in AZERTY), _row(FRENCH_CAPITALS + NAME_MARKS, target)]
    else:
        rows = [*(_row(row, target) for row in LETTERS), _row(NAME_MARKS, target)]
    return rx.el.div(
        *rows,
        _editing_row(locale, target),
        role="group",
        aria_label=label or _("Keyboard for your name"),
        class_name=f"keypad keypad--letters keypad--{method}",
        custom_attrs={"data-input-method": method, **({"data-script": rx.asset("hangul.min.js", shared=True)} if method == "hangul" else {})},
    )
