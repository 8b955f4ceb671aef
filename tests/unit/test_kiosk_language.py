"""The kiosk's words: every screen's prompt in every locale (the commands are
tested in test_kiosk_commands.py)."""

from __future__ import annotations

import pytest

from kiosk.prompts import PROMPTS, prompt_keys, prompt_text
from locales import LOCALES, gettext_for


@pytest.mark.parametrize("locale", LOCALES)
def test_every_screen_has_its_prompt_translated(locale):
    for key in PROMPTS:
        text = prompt_text(key, locale)
        assert text
        if locale != "en":
            assert text != PROMPTS[key], f"{key} is not translated into {locale}"
    for key in prompt_keys():
        assert prompt_text(key, locale)


def test_the_attract_screen_speaks_every_language():
    welcome = {locale: gettext_for(locale)(PROMPTS["attract"]) for locale in LOCALES}
    assert len(set(welcome.values())) == len(LOCALES)
