"""Validated input types: Chinese resident ID numbers (python-stdnum), phone
numbers (phonenumbers), passport numbers (ICAO 9303 rules), and text that is
stored exactly as typed but never empty, oversized or carrying control bytes."""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

import phonenumbers
from pydantic import AfterValidator, Field
from pydantic_core import PydanticCustomError
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Characters that render as nothing: a name made only of them is empty.
_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+")


def clean_text(value: str) -> str:
    if _CONTROL.search(value):
        raise PydanticCustomError("invalid_characters", "control characters are not allowed")
    value = unicodedata.normalize("NFC", value).strip()
    if not _INVISIBLE.sub("", value):
        raise PydanticCustomError("required", "this field is required")
    return value


def Text(max_length: int, min_length: int = 1):  # noqa: N802 - reads as a type
    """Free text of at most ``max_length`` characters, required."""
    return Annotated[str, Field(min_length=min_length, max_length=max_length), AfterValidator(clean_text)]


def normalise_phone(value: str) -> str:
    """Any valid number; Chinese numbers may omit +86. Stored in E.164."""
    try:
        number = phonenumbers.parse(value, "CN")
    except phonenumbers.NumberParseException:
        raise PydanticCustomError("invalid_phone", "not a phone number") from None
    if not phonenumbers.is_valid_number(number):
        raise PydanticCustomError("invalid_phone", "not a valid phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_mobile_cn(value: str) -> str:
    """A Chinese mobile number, as used for logging in and one-time codes."""
    e164 = normalise_phone(value)
    number = phonenumbers.parse(e164)
    if number.country_code != 86 or phonenumbers.number_type(number) not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise PydanticCustomError("invalid_mobile", "not a Chinese mobile number")
    return e164


def normalise_resident_id(value: str) -> str:
    try:
        return ric.validate(value.strip().upper())
    except StdnumError:
        raise PydanticCustomError("invalid_id_number", "not a valid resident ID number") from None


_PASSPORT = re.compile(r"^[A-Z0-9]{5,9}$")


def normalise_passport(value: str) -> str:
    """ICAO 9303 document numbers: up to nine letters and digits, with at least one digit."""
    compact = re.sub(r"[\s-]", "", value).upper()
    if not _PASSPORT.match(compact) or not re.search(r"\d", compact):
        raise PydanticCustomError("invalid_passport", "not a valid passport number")
    return compact


Phone = Annotated[str, Field(max_length=32), AfterValidator(normalise_phone)]
MobileCN = Annotated[str, Field(max_length=32), AfterValidator(normalise_mobile_cn)]
ResidentId = Annotated[str, Field(max_length=32), AfterValidator(normalise_resident_id)]
Passport = Annotated[str, Field(max_length=32), AfterValidator(normalise_passport)]
Name = Text(60)


def mask_phone(e164: str | None) -> str | None:
    """+8613800138000 -> 138****8000."""
    if not e164:
        return None
    number = phonenumbers.parse(e164)
    national = str(number.national_number)
    return f"{national[:3]}****{national[-4:]}" if len(national) >= 8 else "*" * len(national)


def mask_id_number(value: str | None) -> str | None:
    """110105194912310021 -> 1101**********0021."""
    if not value:
        return None
    return f"{value[:4]}{'*' * (len(value) - 8)}{value[-4:]}"


def mask_name(name: str) -> str:
    """A holder's name as a stranger may see it: each word's first character,
    the rest starred (张伟 -> 张*, Emma Martin -> E*** M*****)."""
    return " ".join(word[0] + "*" * (len(word) - 1) for word in name.split())
