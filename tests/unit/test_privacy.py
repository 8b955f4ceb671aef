"""Personal numbers masked for the page, and failed events logged without
what people typed (the browser tests check what reaches the page)."""

from __future__ import annotations

import logging

import pytest

from components.problems import ProblemState, backend_exception_handler
from frontend.personal import mask


@pytest.mark.parametrize(
    ("kind", "value", "masked"),
    [
        ("phone", "+8613800138000", "138****8000"),
        ("phone", "138 0013 8000", "138****8000"),
        ("id_number", "110105196503152015", "1101**********2015"),
        ("passport", "18AB12345", "18*****45"),
        ("phone", "123", "***"),
    ],
)
def test_numbers_are_masked_as_the_personal_centre_shows_them(kind, value, masked):
    assert mask(kind, value) == masked


def test_a_failed_event_is_told_in_the_page_and_logged_without_what_was_typed(caplog):
    try:
        raise ValueError("invalid phone 13800138000 for ID 110105196503152015")
    except ValueError as error:
        with caplog.at_level(logging.ERROR):
            event = backend_exception_handler(error)
    assert event.handler.fn is ProblemState.show.fn
    assert "ValueError" in caplog.text and "test_privacy.py" in caplog.text
    assert "13800138000" not in caplog.text and "110105196503152015" not in caplog.text
