"""The portal's languages and its gettext catalogues.

UI strings live only in ``locales/<locale>/LC_MESSAGES/messages.po``; the build
compiles them to ``.mo`` files (``make i18n-compile``), which are read here.
Pages are compiled once per locale, so translation happens at build time.
"""

from __future__ import annotations

import gettext
import os
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path

LOCALES_DIR = Path(__file__).parent
DOMAIN = "messages"

LOCALES: tuple[str, ...] = ("zh", "en", "ja", "ko", "fr")
DEFAULT_LOCALE = os.environ.get("PORTAL_DEFAULT_LOCALE", "zh")
if DEFAULT_LOCALE not in LOCALES:
    raise ValueError(f"PORTAL_DEFAULT_LOCALE must be one of {LOCALES}")

# The pseudo-locale exists only in test builds: every UI string is transformed,
# so text on a page that is not transformed did not come from the catalogue.
PSEUDO_LOCALE = "qps"

# BCP 47 tags for <html lang> and hreflang, and the Babel locale for CLDR data.
HTML_LANG = {"zh": "zh-CN", "en": "en", "ja": "ja", "ko": "ko", "fr": "fr", PSEUDO_LOCALE: "en-XA"}
BABEL_LOCALE = {"zh": "zh_Hans_CN", "en": "en_GB", "ja": "ja", "ko": "ko", "fr": "fr", PSEUDO_LOCALE: "en"}

# Each language named in itself, as the language switcher shows it.
NATIVE_NAMES = {"zh": "中文", "en": "English", "ja": "日本語", "ko": "한국어", "fr": "Français"}


def pseudo_locale_enabled() -> bool:
    """Whether this build compiles the pseudo-locale (test builds only)."""
    return os.environ.get("PORTAL_PSEUDO_LOCALE") == "1"


def build_locales() -> tuple[str, ...]:
    """The locales whose pages this build compiles."""
    return (*LOCALES, PSEUDO_LOCALE) if pseudo_locale_enabled() else LOCALES


class MissingCatalogue(RuntimeError):
    """A locale's compiled catalogue is missing or older than its .po file."""


_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w*\}")
_PSEUDO_MAP = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķļɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĻṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
PSEUDO_OPEN, PSEUDO_CLOSE = "⟦", "⟧"


def pseudo_translate(message: str) -> str:
    """Accent every letter outside placeholders and bracket the result."""
    parts, last = [], 0
    for match in _PLACEHOLDER.finditer(message):
        parts.append(message[last : match.start()].translate(_PSEUDO_MAP))
        parts.append(match.group())
        last = match.end()
    parts.append(message[last:].translate(_PSEUDO_MAP))
    return f"{PSEUDO_OPEN}{''.join(parts)}{PSEUDO_CLOSE}"


class PseudoTranslations(gettext.NullTranslations):
    """Translations for the pseudo-locale: each message visibly transformed."""

    def gettext(self, message: str) -> str:
        return pseudo_translate(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo_translate(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo_translate(message)


@cache
def translations(locale: str) -> gettext.NullTranslations:
    """The compiled catalogue of a locale; fails loudly rather than show English."""
    if locale == PSEUDO_LOCALE:
        return PseudoTranslations()
    if locale not in LOCALES:
        raise KeyError(f"unknown locale {locale!r}")
    po = LOCALES_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"
    mo = po.with_suffix(".mo")
    if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
        raise MissingCatalogue(f"{mo} is missing or stale: run `make i18n-compile`")
    with mo.open("rb") as fp:
        return gettext.GNUTranslations(fp)


def gettext_for(locale: str) -> Callable[[str], str]:
    """The ``_`` function of a locale, for compiling its pages."""
    return translations(locale).gettext


def ngettext_for(locale: str) -> Callable[[str, str, int], str]:
    """The plural-aware ``ngettext`` of a locale."""
    return translations(locale).ngettext


def N_(message: str) -> str:
    """Mark a message for extraction where it is defined; translate it with
    ``_`` where it is shown."""
    return message


def around(message: str, name: str) -> tuple[str, str]:
    """The translated text before and after the placeholder ``%(name)s``, for a
    sentence whose placeholder is a component (a link, a live number): the
    translator keeps the whole sentence and its word order.
    Raises ValueError when the message does not hold the placeholder once."""
    parts = message.split(f"%({name})s")
    if len(parts) != 2:
        raise ValueError(f"{message!r} must hold %({name})s once")
    return parts[0], parts[1]


def api_locale(locale: str) -> str:
    """The locale to ask the back end for (the pseudo-locale reads English content)."""
    return "en" if locale == PSEUDO_LOCALE else locale


def babel_locale(locale: str) -> str:
    """The Babel (CLDR) locale identifier for formatting dates, numbers and money."""
    return BABEL_LOCALE[locale]
