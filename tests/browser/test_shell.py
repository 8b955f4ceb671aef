"""The frame every page shares, in every locale: language, switcher, elder
mode, keyboard order, axe, and nothing fetched from outside."""

from __future__ import annotations

from urllib.parse import urlparse

import httpx
import pytest
from playwright.sync_api import Page, expect

from a11y.audit import axe_violations, describe
from locales import HTML_LANG, LOCALES, NATIVE_NAMES, gettext_for


@pytest.mark.parametrize("locale", LOCALES)
def test_home_has_its_language_title_and_heading(page: Page, locale: str):
    _ = gettext_for(locale)
    page.goto(f"/{locale}/")
    expect(page.locator("html")).to_have_attribute("lang", HTML_LANG[locale])
    expect(page).to_have_title(_("Haizhou Citizen Services"))
    expect(page.locator("h1")).to_have_count(1)
    expect(page.locator("h1")).to_have_text(_("Haizhou Citizen Services"))
    expect(page.get_by_role("main")).to_be_visible()


@pytest.mark.parametrize("locale", LOCALES)
def test_first_response_already_carries_lang_and_alternates(portal, locale: str):
    """Absolute alternates, as search engines need them, on the portal's own origin."""
    html = httpx.get(f"{portal.url}/{locale}/").text
    assert f'<html lang="{HTML_LANG[locale]}"' in html
    for code in LOCALES:
        assert f'<link rel="alternate" hreflang="{HTML_LANG[code]}" href="{portal.url}/{code}/"/>' in html, code
    assert f'<link rel="alternate" hreflang="x-default" href="{portal.url}/"/>' in html
    assert f'<link rel="canonical" href="{portal.url}/{locale}/"/>' in html


def test_switcher_names_each_language_in_itself_and_keeps_the_path(page: Page):
    page.goto("/en/?from=test#notices-title")
    switcher = page.get_by_test_id("language-switcher")
    for code in LOCALES:
        link = switcher.get_by_role("link", name=NATIVE_NAMES[code])
        expect(link).to_have_attribute("lang", HTML_LANG[code])
    expect(switcher.get_by_role("link", name="English")).to_have_attribute("aria-current", "true")

    switcher.get_by_role("link", name="Français").click()
    page.wait_for_url("**/fr/?from=test#notices-title")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_have_text(gettext_for("fr")("Haizhou Citizen Services"))


def test_switcher_works_by_keyboard(page: Page):
    page.goto("/zh/")
    link = page.get_by_test_id("language-switcher").get_by_role("link", name="한국어")
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/ko/")
    expect(page.locator("html")).to_have_attribute("lang", "ko")


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("ja-JP,ja;q=0.9,en;q=0.8", "ja"), ("fr-CA,fr;q=0.9", "fr"), ("de-DE,de;q=0.9", "zh"), ("ko-KR", "ko")],
)
def test_root_follows_the_browsers_languages(browser, base_url, accept_language, expected):
    context = browser.new_context(base_url=base_url, extra_http_headers={"Accept-Language": accept_language})
    page = context.new_page()
    page.goto("/")
    assert urlparse(page.url).path == f"/{expected}/"
    expect(page.locator("html")).to_have_attribute("lang", HTML_LANG[expected])
    context.close()


def test_root_prefers_the_saved_choice(browser, base_url):
    context = browser.new_context(base_url=base_url, extra_http_headers={"Accept-Language": "ja"})
    page = context.new_page()
    page.goto("/ja/")
    page.get_by_test_id("language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    page.goto("/")
    assert urlparse(page.url).path == "/en/"
    context.close()


def _body_font_px(page: Page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)")


def test_elder_mode_scales_text_and_persists(page: Page):
    page.goto("/zh/")
    toggle = page.get_by_test_id("elder-toggle")
    expect(toggle).to_have_attribute("aria-pressed", "false")
    standard = _body_font_px(page)

    toggle.click()
    expect(page.locator("html")).to_have_attribute("data-elder", "true")
    expect(toggle).to_have_attribute("aria-pressed", "true")
    assert _body_font_px(page) >= 20 > standard
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)") >= 30

    page.reload()
    expect(page.locator("html")).to_have_attribute("data-elder", "true")
    expect(page.get_by_test_id("elder-toggle")).to_have_attribute("aria-pressed", "true")
    assert _body_font_px(page) >= 20

    page.get_by_test_id("elder-toggle").click()
    expect(page.locator("html")).not_to_have_attribute("data-elder", "true")
    assert _body_font_px(page) == standard


def test_elder_mode_announces_itself(page: Page):
    page.goto("/en/")
    page.get_by_test_id("elder-toggle").click()
    expect(page.locator("#a11y-status")).to_have_text(gettext_for("en")("Senior mode on: larger text and simpler pages."))


@pytest.mark.parametrize("locale", LOCALES)
def test_home_has_no_axe_violations(page: Page, locale: str):
    page.goto(f"/{locale}/")
    violations = axe_violations(page)
    assert not violations, describe(violations)


def _focused(page: Page) -> str:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            return el.dataset.testid || el.dataset.locale || el.name || el.className || el.textContent.trim();
        }"""
    )


def test_keyboard_reaches_the_header_controls_in_order(page: Page):
    page.goto("/en/")
    _ = gettext_for("en")
    # The masthead first, then the site menu: settings, languages, navigation (components/header.py).
    expected = ["skip-link", "masthead__name", "q", _("Search"), "elder-toggle", "a11y-toolbar-toggle", "read-aloud", *LOCALES, _("Home")]
    seen = []
    for _step in expected:
        page.keyboard.press("Tab")
        seen.append(_focused(page))
    assert seen == expected


def test_skip_link_moves_focus_to_main(page: Page):
    page.goto("/en/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to main content")).to_be_focused()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("locale", LOCALES)
def test_nothing_is_fetched_from_outside(page: Page, base_url: str, locale: str):
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"/{locale}/", wait_until="networkidle")
    outside = [url for url in requested if not (url.startswith(base_url) or url.startswith("data:"))]
    assert not outside, outside
    assert requested


def test_every_visible_word_comes_from_the_catalogue(page: Page):
    """In the pseudo-locale every UI string is transformed; anything plain was hard-coded."""
    page.goto("/qps/")
    page.get_by_test_id("a11y-toolbar-toggle").click()
    plain = page.evaluate(
        """() => {
            const exempt = (el) => el.closest("[translate='no'], [lang]:not(html)");
            const words = /\\p{L}{2,}/u;
            const marked = (text) => !words.test(text.replace(/⟦[^⟧]*⟧/g, ""));
            const found = [];
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const node = walker.currentNode;
                const el = node.parentElement;
                if (!el || exempt(el) || ["SCRIPT", "STYLE"].includes(el.tagName)) continue;
                if (!el.checkVisibility() && !el.closest(".visually-hidden")) continue;
                if (!marked(node.textContent)) found.push(node.textContent.trim());
            }
            for (const el of document.querySelectorAll("[aria-label], [placeholder], [title], [alt], [data-say], [data-say-on]")) {
                if (exempt(el)) continue;
                for (const name of ["aria-label", "placeholder", "title", "alt", "data-say", "data-say-on", "data-say-off"]) {
                    const value = el.getAttribute(name);
                    if (value && !marked(value)) found.push(`${name}=${value}`);
                }
            }
            if (!marked(document.title)) found.push(`title=${document.title}`);
            return found;
        }"""
    )
    assert not plain, plain
