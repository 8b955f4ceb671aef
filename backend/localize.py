"""Content in the reader's language, or in Chinese with the fact said.

A record is served in the requested locale only when every one of its texts
has that locale; otherwise the whole record is served in Chinese (never a mix
of languages) and marked ``lang: "zh"`` so the UI can say it is untranslated.
"""

from __future__ import annotations

from typing import Any

LOCALES = ("zh", "en", "ja", "ko", "fr")
FALLBACK = "zh"


def _is_text(value: Any) -> bool:
    return isinstance(value, dict) and FALLBACK in value and set(value) <= set(LOCALES)


def _complete(value: Any, locale: str) -> bool:
    if _is_text(value):
        return bool(value.get(locale))
    if isinstance(value, dict):
        return all(_complete(v, locale) for v in value.values())
    if isinstance(value, list):
        return all(_complete(v, locale) for v in value)
    return True


def _resolve(value: Any, locale: str) -> Any:
    if _is_text(value):
        return value[locale]
    if isinstance(value, dict):
        return {k: _resolve(v, locale) for k, v in value.items()}
    if isinstance(value, list):
        return [_resolve(v, locale) for v in value]
    return value


def localize(record: dict[str, Any], locale: str) -> dict[str, Any]:
    """The record with every text in one language, and that language as ``lang``."""
    lang = locale if locale in LOCALES and _complete(record, locale) else FALLBACK
    return {**_resolve(record, lang), "lang": lang}


def text(value: dict[str, str] | None, locale: str) -> str:
    """One text in the locale, or in Chinese when it has none."""
    if not value:
        return ""
    return value.get(locale) or value[FALLBACK]
