"""Counted words go through ngettext, with the number inside the translated
sentence: "1 result" and "2 results", "1 démarche trouvée" and "0 démarche
trouvée" (French takes the singular for 0 and 1), one form in zh, ja and ko."""

from __future__ import annotations

import pytest

from frontend.pages.booking import places_text
from frontend.pages.search import results_text
from frontend.pages.services import found_heading

NNBSP = "\u202f"


@pytest.mark.parametrize(
    ("count", "locale", "text"),
    [
        (1, "en", "1 result"),
        (2, "en", "2 results"),
        (0, "en", "0 results"),
        (0, "fr", "0 résultat"),
        (1, "fr", "1 résultat"),
        (2, "fr", "2 résultats"),
        (1200, "fr", f"1{NNBSP}200 résultats"),
        (1, "ja", "1件の検索結果"),
        (3, "zh", "3条结果"),
    ],
)
def test_search_results_heading(count, locale, text):
    assert results_text(count, locale) == text


@pytest.mark.parametrize(
    ("count", "locale", "around_the_number"),
    [
        (1, "en", ("", " service found")),
        (12, "en", ("", " services found")),
        (1, "fr", ("", " démarche trouvée")),
        (12, "fr", ("", " démarches trouvées")),
        (12, "ko", ("", "건의 민원이 있습니다")),
    ],
)
def test_services_found_heading(count, locale, around_the_number):
    assert found_heading(count, locale) == around_the_number


@pytest.mark.parametrize(
    ("available", "locale", "text"),
    [(1, "en", "1 place left"), (3, "en", "3 places left"), (1, "fr", "1 place libre"), (4, "fr", "4 places libres"), (2, "ja", "残り2枠"), (0, "en", "Full")],
)
def test_places_left_in_a_slot(available, locale, text):
    assert places_text(available, locale) == text


def test_around_a_placeholder():
    from locales import around

    assert around(f"Vouliez-vous dire %(term)s{NNBSP}?", "term") == ("Vouliez-vous dire ", f"{NNBSP}?")
    assert around("%(count)s件の手続きが見つかりました", "count") == ("", "件の手続きが見つかりました")
    with pytest.raises(ValueError):
        around("Did you mean:", "term")
