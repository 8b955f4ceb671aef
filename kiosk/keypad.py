"""On-screen keypads: digits for receipt and phone numbers, letters for names.
Each key writes into its target field in the browser (kiosk/kiosk.js); the
field stays an ordinary input, so the form submits it as usual."""

from __future__ import annotations

import reflex as rx

from locales import gettext_for

LETTERS = ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")
# The standard Korean layout (두벌식); kiosk/hangul.js composes the jamo into syllables.
HANGUL = ("ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ", "ㅁㄴㅇㄹㅎㅗㅓㅏㅣ", "ㅋㅌㅊㅍㅠㅜㅡ")


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


def letter_keyboard(locale: str, target: str, rows: tuple[str, ...] = LETTERS) -> rx.Component:
    """Letters for a name or a question: Latin by default, ``HANGUL`` for Korean."""
    _ = gettext_for(locale)
    return rx.el.div(
        *(rx.el.div(*(_key(letter, target, letter) for letter in row), class_name="keyboard__row") for row in rows),
        rx.el.div(
            _key(_("Space"), target, " ", wide=True),
            _key("⌫", target, "backspace", aria_label=_("Delete the last letter")),
            _key(_("Clear"), target, "clear"),
            class_name="keyboard__row",
        ),
        role="group",
        aria_label=_("Letter keyboard"),
        class_name="keypad keypad--letters",
    )
