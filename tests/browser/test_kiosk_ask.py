"""The kiosk's "Ask the assistant" screen by touch: the on-screen keyboard
types a question, an example and a suggestion are touched, every answer
links to the kiosk's own guide, and the answer is spoken."""

from __future__ import annotations

import json

import httpx
import pytest
from playwright.sync_api import Page, expect

from locales import gettext_for


@pytest.fixture(scope="module")
def kiosk(portal):
    """The kiosk profile with a long idle time: free dictation on a loaded
    machine can take longer than the 14 s the idle-reset tests use."""
    portal.stop()
    try:
        portal.start("/kiosk/", PORTAL_PROFILE="kiosk", PORTAL_KIOSK_IDLE_SECONDS="600")
        yield portal
    finally:
        portal.stop()
        portal.start()


def touch_type(page: Page, text: str) -> None:
    keyboard = page.get_by_role("group", name=gettext_for("en")("Keyboard for your question"))
    for letter in text.upper():
        keyboard.locator(f"[data-key-value='{' ' if letter == ' ' else letter}']").tap()


def test_asking_by_touch(kiosk, browser, base_url):
    _ = gettext_for("en")
    context = browser.new_context(base_url=base_url, has_touch=True, viewport={"width": 1080, "height": 1920})
    page = context.new_page()
    page.goto("/en/kiosk/")
    page.get_by_role("link", name=_("Ask the assistant")).tap()
    page.wait_for_url("**/en/kiosk/ask/")
    passport = httpx.get(f"{kiosk.url}/api/v1/services/ee-passport", params={"locale": "en"}).json()

    touch_type(page, "passport fee")
    expect(page.locator("#kiosk-question")).to_have_value("PASSPORT FEE")
    with page.expect_response(lambda r: r.url.endswith("/_portal/speech")) as spoken:
        page.get_by_test_id("kiosk-ask").tap()
    answer = page.locator("[data-answer]")
    expect(answer).to_contain_text(passport["fee_note"])
    assert spoken.value.request.post_data_json["lang"] == "en"
    expect(page.locator("#kiosk-question")).to_have_value("")

    # A suggestion stays with the passport; its guide opens on the kiosk.
    page.get_by_role("button", name="What do I need to bring?").tap()
    expect(answer).to_contain_text(passport["materials"][0]["name"])
    page.get_by_role("link", name=passport["name"]).tap()
    page.wait_for_url("**/en/kiosk/guides/?service=ee-passport")
    expect(page.locator("article h2")).to_have_text(passport["name"])
    context.close()


def test_korean_by_the_hangul_keyboard_and_by_an_example(kiosk, page: Page):
    _ = gettext_for("ko")
    visa = httpx.get(f"{kiosk.url}/api/v1/services/ee-visa-extension", params={"locale": "ko"}).json()
    page.goto("/ko/kiosk/ask/")
    keyboard = page.get_by_role("group", name=_("Keyboard for your question"))
    for jamo in "ㅂㅣㅈㅏ ㅇㅕㄴㅈㅏㅇ":
        keyboard.locator(f"[data-key-value='{jamo}']").click()
    expect(page.locator("#kiosk-question")).to_have_value("비자 연장")
    page.get_by_test_id("kiosk-ask").click()
    expect(page.get_by_role("link", name=visa["name"])).to_be_visible()

    page.goto("/ko/kiosk/ask/")
    page.get_by_role("button", name=_("I want to extend my visa")).click()
    expect(page.get_by_role("link", name=visa["name"])).to_be_visible()


def wait_until_listening(base_url: str) -> None:
    """The kiosk loads the Korean model when it starts (seconds on a loaded
    machine): ask the speech-in service until it says it is ready."""
    from websockets.sync.client import connect

    with connect(base_url.replace("http", "ws", 1) + "/_kiosk/listen", open_timeout=30) as socket:
        socket.send(json.dumps({"locale": "ko", "screen": "ask", "choices": {}}))
        assert json.loads(socket.recv(timeout=300))["type"] == "ready"


def test_a_question_by_voice_in_korean(kiosk, playwright, base_url, tmp_path):
    """Hold the talk button on the question screen: the server dictates freely
    (no grammar) and the words heard are asked. espeak-ng Korean is heard
    poorly, so the test holds the plumbing to account, not the accuracy."""
    from tests.browser.test_kiosk import hold_to_talk, speech_wav, voice_page

    wav, seconds = speech_wav(tmp_path, "여권 발급")
    wait_until_listening(base_url)
    browser, page = voice_page(playwright, base_url, wav)
    page.goto("/ko/kiosk/ask/")
    hold_to_talk(page, seconds)
    # Free dictation decodes far more slowly than a screen's grammar, the more so on a loaded machine.
    page.wait_for_function("() => document.documentElement.dataset.lastIntent !== undefined", timeout=90_000)
    heard = page.evaluate("JSON.parse(sessionStorage.getItem('kiosk.metrics'))")["actions"][-1]
    assert heard["what"] == "dictation" and heard["text"].strip()
    expect(page.locator(".kiosk-answer")).to_contain_text(heard["text"].strip()[:500], timeout=15_000)
    expect(page.locator("[data-answer]")).not_to_be_empty()
    browser.close()
