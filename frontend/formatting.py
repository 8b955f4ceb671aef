"""Dates, times, numbers and money in the page's locale, by Babel (CLDR)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from babel.dates import format_date, format_datetime, format_time, get_day_names
from babel.numbers import format_currency, format_decimal

from locales import PSEUDO_LOCALE, babel_locale, pseudo_translate

_WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _marked(text: str, locale: str) -> str:
    """Month and day names come from CLDR, not the catalogue; the pseudo-locale
    marks them too, so its check for hard-coded words stays strict."""
    return pseudo_translate(text) if locale == PSEUDO_LOCALE else text


def date_text(value: dt.date, locale: str) -> str:
    return _marked(format_date(value, "long", locale=babel_locale(locale)), locale)


def date_short(value: dt.date, locale: str) -> str:
    return _marked(format_date(value, "medium", locale=babel_locale(locale)), locale)


def weekday_date(value: dt.date, locale: str) -> str:
    """Monday 23 November 2026, in the locale's order."""
    return _marked(format_date(value, "full", locale=babel_locale(locale)), locale)


def time_text(value: dt.time, locale: str) -> str:
    return format_time(value, "short", locale=babel_locale(locale))


def datetime_text(value: dt.datetime, locale: str) -> str:
    return _marked(format_datetime(value, "medium", locale=babel_locale(locale)), locale)


def money_text(amount: Decimal | str, locale: str) -> str:
    return format_currency(Decimal(str(amount)), "CNY", locale=babel_locale(locale))


def number_text(value: int | float, locale: str) -> str:
    return format_decimal(value, locale=babel_locale(locale))


def days_text(codes: list[str], locale: str) -> str:
    """["mon", ..., "fri"] -> "Mon–Fri" (or each day when not a run)."""
    names = get_day_names("abbreviated", locale=babel_locale(locale))
    indexes = sorted(_WEEKDAYS.index(code) for code in codes)
    if len(indexes) > 2 and indexes == list(range(indexes[0], indexes[-1] + 1)):
        return _marked(f"{names[indexes[0]]}–{names[indexes[-1]]}", locale)
    return _marked(", ".join(names[i] for i in indexes), locale)
