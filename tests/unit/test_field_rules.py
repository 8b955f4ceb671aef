"""Every field is normalised before any check, and the UI's check
(frontend/validation.py) and the API's (backend/validation.py) agree on every
field: the same verdict for every value, and the same value kept."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from frontend import validation as ui
from tests.field_corpus import FIELDS, full_width, kind, values


def _api(field, value: str) -> tuple[str, str | None]:
    """The API's verdict (as a kind) and the value it keeps."""
    try:
        return "ok", TypeAdapter(field.api_type).validate_python(value)
    except ValidationError as error:
        code = error.errors()[0]["type"]
        return kind({"string_too_long": "too_long", "string_too_short": "required", "missing": "required"}.get(code, code)), None


@pytest.mark.parametrize("name", FIELDS)
def test_the_ui_and_the_api_agree_on_every_value(name):
    field = FIELDS[name]
    disagree = {}
    for value in values(field):
        checked = ui.check(field.rule, value, required=field.required)
        ui_kind = kind(checked.error)
        api_kind, kept = _api(field, value)
        if ui_kind != api_kind or (api_kind == "ok" and (kept or "") != checked.value):
            disagree[value[:40]] = {"ui": (ui_kind, checked.value[:40]), "api": (api_kind, (kept or "")[:40])}
    assert not disagree, disagree


# (rule, what people type in full width, what it is) for every numeric and ID field.
FULL_WIDTH = [
    (ui.MOBILE_CN, "１３８００１３８０００", "+8613800138000"),
    (ui.MOBILE_CN, "＋８６　１３８－００１３－８０００", "+8613800138000"),
    (ui.PHONE, "０１０－６５５２　９９８８", "+861065529988"),
    (ui.PHONE, "＋３３　６　１２　３４　５６　７８", "+33612345678"),
    (ui.RESIDENT_ID, "１１０１０５１９４９１２３１００２ｘ", "11010519491231002X"),
    (ui.PASSPORT, "１８ＡＢ１２３４５", "18AB12345"),
    (ui.PASSPORT, "ｅ１２３４５６７８", "E12345678"),
    (ui.RECEIPT, "２０２６１１２２１２３４５６", "20261122123456"),
    (ui.TICKET, "２０２６　１１２２　０００００１", "20261122000001"),
    (ui.ONE_TIME_CODE, "１２３４５６", "123456"),
    (ui.ACCESS_CODE, "６５４　３２１", "654321"),
    (ui.PASSWORD, "Ｈａｉｚｈｏｕ－２０２６", "Haizhou-2026"),
    (ui.EMAIL, "ｎａｍｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", "name@example.com"),
]


@pytest.mark.parametrize(("rule", "typed", "meant"), FULL_WIDTH, ids=[f"{r.name}-{m}" for r, _t, m in FULL_WIDTH])
def test_full_width_input_is_what_it_looks_like(rule, typed, meant):
    assert ui.check(rule, typed) == (meant, None)
    api_type = next(f.api_type for f in FIELDS.values() if f.rule is rule)
    assert TypeAdapter(api_type).validate_python(typed) == meant


def test_prose_keeps_chinese_punctuation_and_counts_code_points():
    """NFKC would turn ，？ into , and ?: prose is NFC. A character beyond the
    BMP (a rare name character) counts once, as the server counts."""
    assert ui.check(ui.text(20), "请问，办理护照需要多久？").value == "请问，办理护照需要多久？"
    assert ui.check(ui.text(3), "𠮷𠮷𠮷").error is None
    assert ui.check(ui.text(3), "e\u0301" * 3) == ("é" * 3, None)


def test_every_rule_reaches_the_browser_whole():
    """The browser gets the rule itself, not a copy: each attribute comes from the rule."""
    for field in FIELDS.values():
        attrs = field.rule.attributes()
        assert attrs["data-field-rule"] == field.rule.name and attrs["data-normalise"] == field.rule.form
        assert attrs.get("data-pattern", "") == field.rule.pattern
        assert attrs.get("data-max-length", "") == (str(field.rule.max_length) if field.rule.max_length else "")
    assert ui.MOBILE_CN.attributes()["data-national"] == ui.CN_MOBILE


def test_full_width_helper():
    assert full_width("13800138000 A-") == "１３８００１３８０００\u3000Ａ－"
