"""The rules of every field people type into, defined once for the UI.

A rule says how a value is normalised and what it must then be. It checks
the value in the page's state before the back end is called (``check``), and
it is emitted as ``data-*`` attributes (``FieldRule.attributes``) that
components/forms.js applies in the browser, so the two cannot drift apart.
The back end checks again with its own rules (backend/validation.py); the
tests hold all three against each other, field by field.

Normalisation first, then checks, always in this order:

1. Unicode normalisation: NFKC for numbers, codes, identifiers and names, so
   full-width digits and letters from a Chinese or Japanese input method
   (``１３８００１３８０００``) are the ASCII they look like; NFC for prose,
   where NFKC would rewrite Chinese full-width punctuation (，？：).
2. The field's separators are dropped (spaces and hyphens in a receipt
   number), letters upper-cased where case means nothing, spaces trimmed.
3. Checks: required (blank means only invisible characters), control
   characters, length in code points (what Python's ``len`` counts; not UTF-16
   units as ``maxlength`` does, so a rare character beyond the BMP in a name
   counts once), the whole value against the pattern, and last a check by an
   established library (phonenumbers, python-stdnum, email-validator).

Patterns use explicit ASCII classes only (``[0-9]``, never ``\\d`` or ``\\s``,
which mean different things in Python and JavaScript).
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from typing import Literal, NamedTuple

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from stdnum.cn import ric

# White space as both Python and JavaScript read it, spelled out.
SPACE = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000"
# What renders as nothing: a value made only of these is blank.
INVISIBLE = f"[{SPACE}\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\ufeff]"
CONTROL = "[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f]"
# Chinese mobile numbers, from phonenumbers' own metadata (the browser gets the same pattern).
CN_MOBILE = phonenumbers.PhoneMetadata.metadata_for_region("CN").mobile.national_number_pattern


@dataclasses.dataclass(frozen=True)
class FieldRule:
    """How one kind of field is normalised and checked (see the module docstring).

    ``error`` is the error code (components.fields.error_messages) when the
    value does not match ``pattern`` or fails ``check``; ``max_length`` counts
    code points of the normalised value (0: no limit beyond the pattern).
    """

    name: str
    error: str = "invalid_format"
    form: Literal["NFKC", "NFC"] = "NFKC"
    drop: str = ""  # a character class of separators removed after normalising
    upper: bool = False
    trim: bool = True
    pattern: str = ""
    max_length: int = 0
    check: Literal["", "mobile-cn", "phone", "resident-id", "email"] = ""

    def normalise(self, value: str) -> str:
        """The value as it is checked and sent: normalised, separators dropped, trimmed."""
        value = unicodedata.normalize(self.form, value)
        if self.drop:
            value = re.sub(self.drop, "", value)
        if self.upper:
            value = value.upper()
        if self.trim:
            value = re.sub(f"^[{SPACE}]+|[{SPACE}]+$", "", value)
        return value

    def attributes(self) -> dict[str, str]:
        """The rule as the ``data-*`` attributes components/forms.js reads."""
        attrs = {"data-field-rule": self.name, "data-normalise": self.form}
        optional = {
            "data-drop": self.drop,
            "data-upper": "true" if self.upper else "",
            "data-keep-spaces": "" if self.trim else "true",
            "data-pattern": self.pattern,
            "data-max-length": str(self.max_length) if self.max_length else "",
            "data-check": self.check,
            "data-national": CN_MOBILE if self.check == "mobile-cn" else "",
        }
        return attrs | {name: value for name, value in optional.items() if value}


def text(max_length: int) -> FieldRule:
    """Prose (a subject, a letter, a comment): NFC, at most ``max_length`` code points."""
    return FieldRule(f"text-{max_length}", form="NFC", max_length=max_length)


_PHONE_SEPARATORS = f"[{SPACE}().\\-]"
MOBILE_CN = FieldRule("mobile-cn", "invalid_mobile", drop=_PHONE_SEPARATORS, pattern="\\+?[0-9]{5,20}", check="mobile-cn")
PHONE = FieldRule("phone", "invalid_phone", drop=_PHONE_SEPARATORS, pattern="\\+?[0-9]{5,20}", check="phone")
RESIDENT_ID = FieldRule("resident-id", "invalid_id_number", drop=f"[{SPACE}\\-]", upper=True, pattern="[0-9]{17}[0-9X]", check="resident-id")
# ICAO 9303 document numbers: up to nine letters and digits, at least one digit.
PASSPORT = FieldRule("passport", "invalid_passport", drop=f"[{SPACE}\\-]", upper=True, pattern="(?=[A-Z]*[0-9])[A-Z0-9]{5,9}")
RECEIPT = FieldRule("receipt", "invalid_receipt", drop=f"[{SPACE}\\-]", pattern="[0-9]{14}")
TICKET = FieldRule("ticket", "invalid_ticket", drop=f"[{SPACE}\\-]", pattern="[0-9]{14}")
ONE_TIME_CODE = FieldRule("one-time-code", "invalid_code", drop=f"[{SPACE}\\-]", pattern="[0-9]{6}")
ACCESS_CODE = FieldRule("access-code", "invalid_access_code", drop=f"[{SPACE}\\-]", pattern="[0-9]{6}")
PASSWORD = FieldRule("password", trim=False, max_length=128)
NAME = FieldRule("name", max_length=60)
EMAIL = FieldRule("email", "invalid_email", max_length=254, pattern="[^@\\x00-\\x20]+@[^@\\x00-\\x20]+", check="email")
ADDRESS = text(200)


def form_attributes(**extra: str) -> dict[str, str]:
    """A form checked in the browser (``data-check``), with the character
    classes every rule shares; ``extra`` adds more (``data-keep``)."""
    return {"data-check": "", "data-space": SPACE, "data-invisible": INVISIBLE, "data-control": CONTROL, **extra}


class Checked(NamedTuple):
    """A value after its rule: ``value`` as it goes to the back end (phone
    numbers in E.164), ``error`` the error code, or None when it is right."""

    value: str
    error: str | None


def _chinese_national(number: str) -> str | None:
    """The national number of a Chinese phone number written with or without
    +86, 0086 or 86; None when it belongs to another country."""
    for prefix in ("+86", "0086"):
        if number.startswith(prefix):
            return number[len(prefix):]
    if number.startswith(("+", "00")):
        return None
    return number[2:] if len(number) == 13 and number.startswith("86") else number


def _library_check(rule: FieldRule, value: str) -> str | None:
    """The value as sent when the library accepts it, else None."""
    if rule.check == "resident-id":
        return value if ric.is_valid(value) else None
    if rule.check == "email":
        try:
            return validate_email(value, check_deliverability=False).normalized
        except EmailNotValidError:
            return None
    national = _chinese_national(value)
    if rule.check == "mobile-cn":
        return f"+86{national}" if national is not None and re.fullmatch(CN_MOBILE, national) else None
    try:  # any country's number (00 dials abroad from China); a Chinese one also without +86
        number = phonenumbers.parse(value, "CN") if national is None else phonenumbers.parse(f"+86{national}")
    except phonenumbers.NumberParseException:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) if phonenumbers.is_valid_number(number) else None


def check(rule: FieldRule, value: str, required: bool = True) -> Checked:
    """Normalise ``value`` by ``rule`` and check it, in the order the browser does."""
    value = rule.normalise(value)
    if not re.sub(INVISIBLE, "", value):
        return Checked("", "required" if required else None)
    if re.search(CONTROL, value):
        return Checked(value, "invalid_characters")
    if rule.max_length and len(value) > rule.max_length:
        return Checked(value, "too_long")
    if rule.pattern and not re.fullmatch(rule.pattern, value):
        return Checked(value, rule.error)
    if rule.check:
        sent = _library_check(rule, value)
        return Checked(value, rule.error) if sent is None else Checked(sent, None)
    return Checked(value, None)
