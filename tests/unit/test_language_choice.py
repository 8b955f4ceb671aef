"""Where ``/`` sends a visitor: saved choice, then the browser's languages, then Chinese."""

from __future__ import annotations

import pytest

from frontend.server import preferred_locale


@pytest.mark.parametrize(
    ("cookie", "accept_language", "expected"),
    [
        (None, None, "zh"),
        (None, "", "zh"),
        (None, "de-DE,de;q=0.9", "zh"),
        (None, "ja-JP,ja;q=0.9,en;q=0.8", "ja"),
        (None, "de;q=1.0, fr-CA;q=0.8, en;q=0.5", "fr"),
        (None, "en;q=0.2, ko;q=0.9", "ko"),
        (None, "zh-TW", "zh"),
        (None, "en;q=0, fr", "fr"),
        (None, "en;q=garbage, ko;q=0.5", "ko"),
        ("en", "ja", "en"),
        ("xx", "ko", "ko"),
    ],
)
def test_preferred_locale(cookie, accept_language, expected):
    assert preferred_locale(cookie, accept_language) == expected
