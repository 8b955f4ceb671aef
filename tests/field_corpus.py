"""Every field people type into, its rule in the UI (frontend/validation.py),
its type in the API (backend/validation.py), and values to try on all three
checks (the browser's, the UI's, the API's): as people type them, with
separators, in full width, too long, blank, with control characters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from stdnum.cn import ric

from backend import validation as api
from frontend import validation as ui
from frontend.pages.apply import PURPOSE
from frontend.pages.letters import BODY, SUBJECT
from frontend.pages.rate import COMMENT


def full_width(text: str) -> str:
    """What a Chinese or Japanese input method in full-width mode types."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text)


def _resident_id(first17: str) -> str:
    return first17 + ric.calc_check_digit(first17 + "0")


@dataclass(frozen=True)
class Field:
    """A field: the UI's rule, the API's type, whether it is required, examples."""

    rule: ui.FieldRule
    api_type: Any
    examples: tuple[str, ...]
    required: bool = True
    # The browser cannot know everything the server's library knows (a foreign
    # numbering plan, which county codes exist, deliverable address syntax):
    # there it may accept what the server refuses, never the other way round.
    browser_knows_less: bool = False


_MOBILES = (
    "13800138000", "138 0013 8000", "138-0013-8000", "(138) 0013-8000", "+86 138 0013 8000", "0086 13800138000",
    "8613800138000", "19912345678", "16512345678", "1380013800", "138001380000", "12345678901", "23800138000",
    "013800138000", "1380013ABCD", "+33 6 12 34 56 78", "+8613800138000 ext 1", "13800138000\n",
)
_TEXTS = ("夜間工事の騒音", "Bruit de travaux la nuit : pourquoi ?", "请问，办理护照需要多久？", "e\u0301" * 3, "𠮷野家", "a\tb")

FIELDS: dict[str, Field] = {
    "mobile phone (log-in, one-time code)": Field(ui.MOBILE_CN, api.MobileCN, _MOBILES),
    "phone (application, booking, letter, kiosk)": Field(
        ui.PHONE,
        api.Phone,
        (*_MOBILES, "010 6552 9988", "0033 6 12 34 56 78", "+1 202 555 0143", "+999 123456", "12345", "+44 20 7946 0958"),
        browser_knows_less=True,
    ),
    "resident ID number": Field(
        ui.RESIDENT_ID,
        api.ResidentId,
        (
            "110105196503152015", "11010519491231002X", "11010519491231002x", "110105 19491231 002X", "110105196503152016",
            _resident_id("11010519491331002"), _resident_id("99999919650315201"), "1101051965031520", "ABCDEFGHIJKLMNOPQR",
        ),
        browser_knows_less=True,
    ),
    "passport number": Field(
        ui.PASSPORT, api.Passport, ("18AB12345", "18ab 12345", "E12345678", "TK1234567", "AB-123-45", "ABCDEFGHI", "1234", "1234567890", "!!12345")
    ),
    "receipt number": Field(
        ui.RECEIPT, api.Receipt, ("20261122123456", "2026 1122 1234 56", "2026-1122-123456", "2026112212345", "202611221234567", "2026112212345a", "٢٠٢٦١١٢٢١٢٣٤٥٦", "²⁰²⁶¹¹²²¹²³⁴⁵⁶")
    ),
    "letter ticket number": Field(ui.TICKET, api.Ticket, ("20261122000001", "2026 1122 0000 01", "2026112200000")),
    "one-time code": Field(ui.ONE_TIME_CODE, api.OneTimeCode, ("123456", "123 456", "12345", "1234567", "12345a")),
    "letter access code": Field(ui.ACCESS_CODE, api.AccessCode, ("654321", "654-321", "65432", "６５４３２１x")),
    "password": Field(ui.PASSWORD, api.Password, ("Haizhou-2026", " Haizhou-2026 ", "x" * 128, "x" * 129, "パスワード")),
    "name": Field(ui.NAME, api.Name, ("张伟", "山田\u3000太郎", "ﾔﾏﾀﾞ ﾀﾛｳ", "Emma Martin", "x" * 60, "x" * 61, "𠮷" * 60, "𠮷" * 61)),
    "email": Field(
        ui.EMAIL, api.Email, ("name@example.com", "Name@Example.COM", "name@example", "a b@example.com", "name@@example.com", "用户@例子.中国", "x" * 250 + "@example.com"), browser_knows_less=True
    ),
    "address": Field(ui.ADDRESS, api.Text(200), (*_TEXTS, "海州市人民路１２３号（３楼）", "x" * 200, "x" * 201)),
    "letter subject": Field(SUBJECT, api.Text(100), (*_TEXTS, "x" * 100, "x" * 101, "𠮷" * 100)),
    "letter body": Field(BODY, api.Text(5000), (*_TEXTS, "x" * 5000, "x" * 5001)),
    "application purpose": Field(PURPOSE, api.Text(2000), (*_TEXTS, "e\u0301" * 2000, "x" * 2001)),
    "rating comment": Field(COMMENT, api.Text(500, required=False), (*_TEXTS, "x" * 500, "x" * 501), required=False),
}

# Tried on every field: blank ways, control characters, invisible-only, very long.
COMMON = ("", "   ", "\u3000\u3000", "\u200b\u200b", "a\x00b", "\x07", "\ufeff", "9" * 300)


def values(field: Field) -> list[str]:
    """The field's examples, each also in full width, and the common hard cases."""
    return list(dict.fromkeys([*field.examples, *(full_width(v) for v in field.examples), *COMMON]))


def kind(code: str | None) -> str:
    """An error code as the browser knows it: ok, required, too_long, invalid_characters or format."""
    if code is None:
        return "ok"
    return code if code in ("required", "too_long", "invalid_characters") else "format"
