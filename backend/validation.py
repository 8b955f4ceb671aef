"""Validated input types of the API. Every value is normalised before any
check: NFKC for numbers, codes, identifiers, names and passwords (full-width
``１３８００１３８０００`` from an input method is the number it looks like), NFC
for prose (NFKC would rewrite Chinese full-width punctuation). Then the
field's own rules: separators dropped, length in code points, patterns in
ASCII classes, and the established libraries - python-stdnum for resident ID
numbers, phonenumbers for phones, email-validator for email addresses.

The portal checks the same fields with its own rules (frontend/validation.py)
before it calls the API; tests hold the two against each other field by field.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Annotated

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumError

# White space spelled out (``\s`` differs between regex engines), and what renders as nothing.
_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_TRIM = re.compile(f"^[{_SPACE}]+|[{_SPACE}]+$")
_INVISIBLE = re.compile(f"[{_SPACE}\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SEPARATORS = re.compile(f"[{_SPACE}-]")  # in numbers and codes: 2026 1122 1234 56
_PHONE_SEPARATORS = re.compile(f"[{_SPACE}().-]")


def _error(code: str) -> PydanticCustomError:
    return PydanticCustomError(code, code.replace("_", " "))


def _normalised(value: str, form: str = "NFKC", separators: re.Pattern[str] | None = None, upper: bool = False, trim: bool = True) -> str:
    """Normalise, drop the separators, upper-case, trim; then refuse blank and control characters."""
    value = unicodedata.normalize(form, value)
    if separators:
        value = separators.sub("", value)
    if upper:
        value = value.upper()
    if trim:
        value = _TRIM.sub("", value)
    if not _INVISIBLE.sub("", value):
        raise _error("required")
    if _CONTROL.search(value):
        raise _error("invalid_characters")
    return value


def _rule(check: Callable[[str], str]) -> BeforeValidator:
    """Runs ``check`` on strings; anything else is left to the type's own schema to refuse."""
    return BeforeValidator(lambda value: check(value) if isinstance(value, str) else value)


def _text(max_length: int, form: str, required: bool = True) -> Callable[[str], str]:
    def check(value: str) -> str:
        try:
            value = _normalised(value, form)
        except PydanticCustomError as error:
            if required or error.type != "required":
                raise
            return ""
        if len(value) > max_length:
            raise _error("too_long")
        return value

    return check


def clean_text(value: str) -> str:
    """Prose as stored: NFC, trimmed, never blank, no control characters."""
    return _normalised(value, "NFC")


def Text(max_length: int, required: bool = True):  # noqa: N802 - reads as a type
    """Prose of at most ``max_length`` code points; blank is refused, or stored as "" when not ``required``."""
    return Annotated[str, Field(max_length=max_length), _rule(_text(max_length, "NFC", required))]


def _chinese_national(number: str) -> str | None:
    """The national number of a Chinese phone number written with or without
    +86, 0086 or 86; None when it belongs to another country."""
    for prefix in ("+86", "0086"):
        if number.startswith(prefix):
            return number[len(prefix):]
    if number.startswith(("+", "00")):
        return None
    return number[2:] if len(number) == 13 and number.startswith("86") else number


def _phone_number(value: str, code: str) -> tuple[phonenumbers.PhoneNumber, str | None]:
    """The parsed number and its Chinese national digits (None for another country)."""
    number = _normalised(value, separators=_PHONE_SEPARATORS)
    if not re.fullmatch(r"\+?[0-9]{5,20}", number):
        raise _error(code)
    national = _chinese_national(number)
    try:
        parsed = phonenumbers.parse(number, "CN") if national is None else phonenumbers.parse(f"+86{national}")
    except phonenumbers.NumberParseException:
        raise _error(code) from None
    if not phonenumbers.is_valid_number(parsed):
        raise _error(code)
    return parsed, national


def normalise_phone(value: str) -> str:
    """Any valid number; Chinese numbers may omit +86, others dial 00. Stored in E.164."""
    parsed, _national = _phone_number(value, "invalid_phone")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def normalise_mobile_cn(value: str) -> str:
    """A Chinese mobile number as written (no trunk prefix), as used for logging in and one-time codes."""
    parsed, national = _phone_number(value, "invalid_mobile")
    if national != str(parsed.national_number) or phonenumbers.number_type(parsed) not in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    ):
        raise _error("invalid_mobile")
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def normalise_resident_id(value: str) -> str:
    try:
        return ric.validate(_normalised(value, separators=_SEPARATORS, upper=True))
    except StdnumError:
        raise _error("invalid_id_number") from None


_PASSPORT = re.compile(r"(?=[A-Z]*[0-9])[A-Z0-9]{5,9}")


def normalise_passport(value: str) -> str:
    """ICAO 9303 document numbers: up to nine letters and digits, with at least one digit."""
    compact = _normalised(value, separators=_SEPARATORS, upper=True)
    if not _PASSPORT.fullmatch(compact):
        raise _error("invalid_passport")
    return compact


def normalise_email(value: str) -> str:
    """An address as email-validator normalises it (domain in lower case)."""
    value = _normalised(value)
    if len(value) > 254:
        raise _error("too_long")
    if not re.fullmatch(r"[^@\x00-\x20]+@[^@\x00-\x20]+", value):
        raise _error("invalid_email")
    try:
        return validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        raise _error("invalid_email") from None


def Digits(count: int, code: str):  # noqa: N802 - reads as a type
    """A number of exactly ``count`` ASCII digits (receipt, ticket, codes), typed in any width, spaces and hyphens allowed."""

    def check(value: str) -> str:
        digits = _normalised(value, separators=_SEPARATORS)
        if not re.fullmatch(f"[0-9]{{{count}}}", digits):
            raise _error(code)
        return digits

    return Annotated[str, Field(pattern=f"^[0-9]{{{count}}}$"), _rule(check)]


def _password(value: str) -> str:
    """NFKC (NIST SP 800-63B): a password typed in full width is the password. Spaces are its own."""
    value = _normalised(value, trim=False)
    if len(value) > 128:
        raise _error("too_long")
    return value


Phone = Annotated[str, Field(max_length=32), _rule(normalise_phone)]
MobileCN = Annotated[str, Field(max_length=32), _rule(normalise_mobile_cn)]
ResidentId = Annotated[str, Field(max_length=32), _rule(normalise_resident_id)]
Passport = Annotated[str, Field(max_length=32), _rule(normalise_passport)]
Email = Annotated[str, Field(max_length=254), _rule(normalise_email)]
Password = Annotated[str, Field(min_length=1, max_length=128), _rule(_password)]
Name = Annotated[str, Field(min_length=1, max_length=60), _rule(_text(60, "NFKC"))]
Receipt = Digits(14, "invalid_receipt")
Ticket = Digits(14, "invalid_ticket")
OneTimeCode = Digits(6, "invalid_code")
AccessCode = Digits(6, "invalid_access_code")


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
