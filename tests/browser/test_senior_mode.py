"""Senior mode and text size as people meet them: saved preferences hold on
every page and after client-side navigation, the senior phone home opens on
its tasks behind a compact header, and no label breaks inside a word."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from locales import LOCALES
from tests.browser.conftest import log_in_context, open_template, set_prefs

# What the toolbar saves, and the <html> attributes each choice must leave.
PREFERENCE_SETS = {
    "text size alone": ({"textScale": 2}, {"data-text-scale": "2"}),
    "every preference": (
        {"elder": True, "textScale": 1.5, "contrast": "yellow-black", "cursor": True, "guide": True, "textOnly": True},
        {
            "data-elder": "true",
            "data-text-scale": "1.5",
            "data-contrast": "yellow-black",
            "data-cursor": "large",
            "data-guide": "true",
            "data-text-only": "true",
        },
    ),
}

HYDRATED = "() => Object.keys(document.querySelector('main') || {}).some((key) => key.startsWith('__reactFiber'))"
ROOT_STATE = """() => ({
    ...Object.fromEntries([...document.documentElement.attributes].map((a) => [a.name, a.value])),
    "--text-scale": document.documentElement.style.getPropertyValue("--text-scale").trim(),
})"""


def _missing(page: Page, expected: dict[str, str]) -> dict[str, tuple[str | None, str]]:
    page.wait_for_function(HYDRATED)
    state = page.evaluate(ROOT_STATE)
    wanted = {**expected, "--text-scale": expected.get("data-text-scale", "1")}
    return {name: (state.get(name), value) for name, value in wanted.items() if state.get(name) != value}


@pytest.mark.parametrize("preferences", PREFERENCE_SETS)
def test_saved_preferences_survive_every_template_and_navigation(browser: Browser, base_url, templates, preferences):
    """Each template in turn (locales in rotation) keeps every saved choice once
    React has taken the page over, hydrates without a mismatch, and keeps them
    after a client-side navigation to another page."""
    saved, expected = PREFERENCE_SETS[preferences]
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    set_prefs(context, saved)
    log_in_context(context, base_url)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)[:120]))
    lost = {}
    for index, template in enumerate(templates):
        locale = LOCALES[index % len(LOCALES)]
        open_template(page, template, locale)
        if missing := _missing(page, expected):
            lost[f"{template.name} ({locale}) after load"] = missing
        link = page.locator("nav.primary-nav a[href$='/services/']")
        if link.count():
            link.click()
            page.wait_for_url("**/services/")
            if missing := _missing(page, expected):
                lost[f"{template.name} ({locale}) after navigating to services"] = missing
    context.close()
    assert not lost, lost
    assert not errors, f"hydration or script errors: {errors}"


def test_preferences_come_back_when_the_document_is_rendered_afresh(page: Page):
    """React renders <html> too; when it renders the document afresh (say after a
    browser extension rewrote the page) it strips every attribute it did not
    write. The saved choices return at once."""
    set_prefs(page.context, {"elder": True, "textScale": 2, "contrast": "black-white"})
    page.goto("/fr/halls/")
    page.wait_for_function(HYDRATED)
    page.evaluate("() => { for (const a of [...document.documentElement.attributes]) if (a.name !== 'lang') document.documentElement.removeAttribute(a.name); }")
    assert _missing(page, {"data-elder": "true", "data-text-scale": "2", "data-contrast": "black-white"}) == {}
