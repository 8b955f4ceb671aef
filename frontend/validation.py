"""The UI's own check of what people type, before it calls the back end
(which checks again). Same established libraries as the back end: python-stdnum
for resident ID numbers, phonenumbers for phones, email-validator for email."""

from __future__ import annotations

import re

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum.cn import ric

_PASSPORT = re.compile(r"^(?=.*\d)[A-Z0-9]{5,9}$")


def phone_e164(value: str, mobile_cn: bool = False) -> str | None:
    """The number in E.164, or None when it is not a valid (Chinese mobile) number."""
    try:
        number = phonenumbers.parse(value, "CN")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    if mobile_cn and (
        number.country_code != 86
        or phonenumbers.number_type(number) not in (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
    ):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def resident_id(value: str) -> str | None:
    return ric.compact(value) if ric.is_valid(value.strip()) else None


def passport(value: str) -> str | None:
    compact = re.sub(r"[\s-]", "", value).upper()
    return compact if _PASSPORT.match(compact) else None


def email(value: str) -> str | None:
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        return None


def text_error(value: str, max_length: int, required: bool = True) -> str | None:
    """The error code for a free-text answer, or None when it is acceptable."""
    stripped = re.sub(r"[\s\u200b-\u200f\u2060\ufeff]", "", value)
    if not stripped:
        return "required" if required else None
    if len(value) > max_length:
        return "too_long"
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", value):
        return "invalid_characters"
    return None
