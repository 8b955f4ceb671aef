"""Every UI string is translated in every locale, with the source's placeholders,
and the catalogues hold every string the code uses."""

from __future__ import annotations

import ast
import re
import subprocess
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from locales import LOCALES, LOCALES_DIR, PSEUDO_CLOSE, PSEUDO_OPEN, pseudo_translate

ROOT = LOCALES_DIR.parent
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")


def _catalogue(locale: str):
    with (LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as fp:
        return read_po(fp, locale=locale if locale != "zh" else "zh_Hans_CN")


def _messages(catalogue):
    return [message for message in catalogue if message.id]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_message_is_translated_and_not_fuzzy(locale):
    untranslated = []
    fuzzy = []
    for message in _messages(_catalogue(locale)):
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            untranslated.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert not untranslated, f"{locale}: untranslated {untranslated}"
    assert not fuzzy, f"{locale}: fuzzy {fuzzy}"


@pytest.mark.parametrize("locale", LOCALES)
def test_placeholders_match_the_source(locale):
    wrong = []
    for message in _messages(_catalogue(locale)):
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = sorted(PLACEHOLDER.findall(ids[0]))
        for string in strings:
            if sorted(PLACEHOLDER.findall(string)) != expected:
                wrong.append((ids[0], string))
    assert not wrong, f"{locale}: placeholders differ from the source: {wrong}"


@pytest.mark.parametrize("locale", LOCALES)
def test_babel_checkers_pass(locale):
    catalogue = _catalogue(locale)
    problems = [(message.id, [str(error) for error in errors]) for message, errors in catalogue.check()]
    assert not problems, f"{locale}: {problems}"


def test_catalogues_hold_every_string_in_the_code(tmp_path: Path):
    """Extract afresh: a string added to the code but not to the catalogues fails here."""
    pot = tmp_path / "messages.pot"
    subprocess.run(["make", "--silent", "i18n-extract", f"POT={pot}"], cwd=ROOT, check=True, capture_output=True)
    with pot.open("rb") as fp:
        used = {message.id for message in read_po(fp) if message.id}
    for locale in LOCALES:
        known = {message.id for message in _messages(_catalogue(locale))}
        assert not used - known, f"{locale} lacks {sorted(used - known, key=str)}: run `make i18n-update` and translate"
        assert not known - used, f"{locale} keeps unused {sorted(known - used, key=str)}: run `make i18n-update`"


def test_pseudo_translation_keeps_placeholders_and_marks_everything():
    text = pseudo_translate("Hotline %(number)s, text size {value}")
    assert text.startswith(PSEUDO_OPEN) and text.endswith(PSEUDO_CLOSE)
    assert "%(number)s" in text and "{value}" in text
    assert "Hotline" not in text


EXPECTED_PLURAL_FORMS = {"zh": 1, "ja": 1, "ko": 1, "en": 2, "fr": 2}


@pytest.mark.parametrize("locale", LOCALES)
def test_plural_forms_header(locale):
    """zh, ja and ko have one form; French uses the singular for 0 and 1; English for 1 only."""
    catalogue = _catalogue(locale)
    assert catalogue.num_plurals == EXPECTED_PLURAL_FORMS[locale]
    rule = catalogue.plural_expr.replace(" ", "")
    assert rule == {"zh": "0", "ja": "0", "ko": "0", "en": "(n!=1)", "fr": "(n>1)"}[locale]


def _unextractable_calls(source: str) -> list[int]:
    """Lines where a literal message is looked up as ``gettext_for(locale)("...")``: Babel
    extracts calls by the function's name, so such a string never reaches the catalogues.
    (A variable is fine: its text is marked with ``N_`` where it is defined.)"""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            inner = node.func.func
            if isinstance(inner, ast.Name) and inner.id in ("gettext_for", "ngettext_for"):
                lines.append(node.lineno)
    return lines


def test_every_lookup_can_be_extracted():
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for folder in ("frontend", "components", "kiosk", "a11y")
        for path in (ROOT / folder).rglob("*.py")
        for line in _unextractable_calls(path.read_text(encoding="utf-8"))
    ]
    assert not found, f"bind `_ = gettext_for(locale)` or `ngettext = ngettext_for(locale)` first: {found}"
    assert _unextractable_calls('ngettext_for("fr")("%(count)s result", "%(count)s results", 2)') == [1]
