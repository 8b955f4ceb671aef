"""Everyday input as people type it: through an input method (composition),
in full width, and with one click after correcting a mistake."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import CDPSession, Page, expect

from locales import gettext_for
from tests.browser.conftest import DEMO_PASSWORD, DEMO_PHONE, SETTLED, api_get, api_token, continue_apply, log_in_context



def _ready(page: Page, path: str) -> None:
    """Open ``path`` once it is settled (React has taken it over, where it
    runs the app) and its first events are done."""
    page.goto(path)
    page.wait_for_function(SETTLED)
    page.wait_for_load_state("networkidle")


def _compose(cdp: CDPSession, text: str) -> None:
    """What an input method does while the person picks a candidate: uncommitted text."""
    cdp.send("Input.imeSetComposition", {"text": text, "selectionStart": len(text), "selectionEnd": len(text)})


def _process_key(cdp: CDPSession, code: str) -> None:
    """A key the input method takes for itself, as Safari and Windows report it (keyCode 229)."""
    for kind in ("rawKeyDown", "keyUp"):
        cdp.send("Input.dispatchKeyEvent", {"type": kind, "windowsVirtualKeyCode": 229, "key": "Process", "code": code})


def test_composition_keys_belong_to_the_input_method(page: Page):
    """Choosing a pinyin candidate with Down and Enter, or cancelling it with
    Escape, neither drives nor empties the suggestion list, and suggestions
    are asked for committed text only."""
    sent: list[str] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(frame if isinstance(frame, str) else "")))
    _ready(page, "/zh/search/")
    box = page.locator("#search-q")
    box.click()
    page.keyboard.insert_text("护")
    expect(page.locator("#search-suggestions [role=option]").first).to_be_attached(timeout=15_000)
    expect(box).to_have_attribute("aria-expanded", "true")

    # An input method keeps the keys it uses: the browser never acts on them (no form submission on Enter).
    page.evaluate("window.addEventListener('keydown', (event) => { if (event.isComposing) event.preventDefault(); }, true)")
    cdp = page.context.new_cdp_session(page)
    _compose(cdp, "zhao")
    for key in ("ArrowDown", "ArrowDown", "Enter"):
        page.keyboard.press(key)
    _process_key(cdp, "ArrowDown")
    _process_key(cdp, "Enter")
    page.keyboard.press("Escape")
    assert page.url.endswith("/zh/search/"), "a composition key opened a suggestion"
    assert box.get_attribute("aria-activedescendant") is None
    assert box.input_value() == "护zhao", "a composition key changed the box"

    cdp.send("Input.insertText", {"text": "照"})  # the candidate is committed
    expect(box).to_have_value("护照")
    page.wait_for_function("() => document.querySelector('#search-suggestions [role=option]')")
    page.wait_for_timeout(600)  # past the suggestion debounce: any request for the uncommitted text would be out
    asked = [frame for frame in sent if "suggest" in frame]
    assert asked and not [frame for frame in asked if "zhao" in frame], asked
    assert any("护照" in frame for frame in asked), asked

    # Committed, the keys work the list again.
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "suggestion-0"


def test_toolbar_shortcuts_ignore_composition(page: Page):
    _ready(page, "/ko/")
    page.locator("#site-search").click()
    cdp = page.context.new_cdp_session(page)
    _compose(cdp, "ㅎ")
    page.keyboard.press("Alt+Shift+KeyE")
    _process_key(cdp, "KeyE")
    assert page.evaluate("document.documentElement.dataset.elder") is None


def test_the_kiosk_talk_key_ignores_composition(page: Page):
    _ready(page, "/ko/kiosk/track/")
    talk = page.locator("[data-kiosk-talk]")
    page.locator("#kiosk-receipt").click()
    cdp = page.context.new_cdp_session(page)
    _compose(cdp, "ㅎ")
    page.keyboard.down(talk.get_attribute("data-key"))
    expect(talk).to_have_attribute("aria-pressed", "false")
    page.keyboard.up(talk.get_attribute("data-key"))


@pytest.mark.parametrize("locale", ["zh", "fr"])
def test_one_click_logs_in_after_correcting_a_mistake(page: Page, locale):
    """Bad phone number, submit, correct it and - without leaving the field -
    press and release the mouse on Log in once: that one click logs in."""
    _ = gettext_for(locale)
    _ready(page, f"/{locale}/login/")
    page.locator("#password-password").fill(DEMO_PASSWORD)
    phone = page.locator("#password-phone")
    phone.fill("1380013")
    button = page.get_by_role("button", name=_("Log in"), exact=True)
    button.click()
    expect(page.locator("#password-phone-error")).to_be_visible()

    phone.fill(DEMO_PHONE)
    button.scroll_into_view_if_needed()
    expect(phone).to_be_focused()
    box = button.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.up()
    page.wait_for_url(lambda url: "/login" not in url, timeout=15_000)


def _type_personal(page: Page, label: str, value: str) -> None:
    """Type into a personal number's field as a logged-in person does: the
    account's number is shown masked until its Change button is pressed."""
    _ = gettext_for("zh")
    change = page.get_by_role("button", name=f"{_('Change')} {label}")
    expect(change).to_be_visible()
    change.click()
    page.get_by_label(label).fill(value)


def _full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else "\u3000" if c == " " else c for c in text)


def test_full_width_phone_logs_in(page: Page):
    """１３８００１３８０００, as a Japanese input method or a Chinese one in 全角 mode types it."""
    _ = gettext_for("ja")
    _ready(page, "/ja/login/")
    page.get_by_label(_("Mobile phone number")).fill(_full_width(DEMO_PHONE))
    page.get_by_label(_("Password")).fill(DEMO_PASSWORD)
    page.get_by_role("button", name=_("Log in"), exact=True).click()
    page.wait_for_url("**/ja/me/")


def test_full_width_phone_and_one_time_code_log_in(page: Page, portal):
    _ = gettext_for("zh")
    _ready(page, "/zh/login/code/")
    page.get_by_label(_("Mobile phone number")).fill(_full_width("135 0013 5000"))
    page.get_by_role("button", name=_("Send me a code")).click()
    expect(page.get_by_text(_("We have sent a code. It works for 5 minutes."))).to_be_visible()
    code = re.findall(r"one-time code for the phone ending 5000: (\d{6})", portal.log.read_text(errors="replace"))[-1]
    page.get_by_label(_("One-time code")).fill(_full_width(code))
    page.get_by_role("button", name=_("Log in"), exact=True).click()
    page.wait_for_url("**/zh/me/")


def test_full_width_passport_number_logs_in(page: Page):
    _ = gettext_for("ja")
    _ready(page, "/ja/login/passport/")
    page.get_by_label(_("Passport number")).fill(_full_width("tk1234567"))
    page.get_by_label(_("Nationality")).select_option("JP")
    page.get_by_label(_("Password")).fill(DEMO_PASSWORD)
    page.get_by_role("button", name=_("Log in"), exact=True).click()
    page.wait_for_url("**/ja/me/")


def test_full_width_receipt_number_finds_the_application(page: Page, base_url):
    receipt = api_get(base_url, "/me/applications", api_token(base_url))[0]["id"]
    _ = gettext_for("zh")
    _ready(page, "/zh/track/")
    page.get_by_label(_("Receipt number")).fill(_full_width(f"{receipt[:8]} {receipt[8:]}"))
    page.get_by_role("button", name=_("Check progress")).click()
    expect(page.locator(".timeline__item")).to_have_count(5)


def test_full_width_ticket_and_access_code_read_the_reply(page: Page, base_url):
    sent = httpx.post(
        f"{base_url}/api/v1/letters",
        json={"kind": "consultation", "category": "other", "subject": "全角の番号", "body": "返事を読めますか。", "contact_preference": "none", "locale": "ja"},
        timeout=10,
    ).json()
    _ = gettext_for("ja")
    _ready(page, "/ja/interact/reply/")
    page.get_by_label(_("Ticket number")).fill(_full_width(sent["id"]))
    page.get_by_label(_("Access code")).fill(_full_width(sent["access_code"]))
    page.get_by_role("button", name=_("Show my message and the reply")).click()
    expect(page.locator("#reply-outcome")).to_contain_text("全角の番号")


def test_full_width_phone_in_a_letter_and_a_booking(browser, base_url):
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url)
    page = context.new_page()
    _ = gettext_for("zh")
    _ready(page, "/zh/interact/consultation/")
    page.get_by_label(_("What is it about?")).select_option("other")
    page.get_by_label(_("Subject")).fill("全角电话号码")
    page.get_by_label(_("Your message")).fill("请用短信回复我。")
    page.get_by_label(_("By text message")).check()
    _type_personal(page, _("Phone number"), _full_width("138-0013-8000"))
    page.get_by_role("button", name=_("Send")).click()
    expect(page.get_by_test_id("ticket-number")).to_be_visible()

    _ready(page, "/zh/book/?service=ps-id-card")
    page.locator("input[name=hall]").first.check()
    page.get_by_role("button", name=_("Continue")).click()
    page.locator("input[name=slot]:not(:disabled)").last.check()
    page.get_by_role("button", name=_("Continue")).click()
    _type_personal(page, _("Phone number"), _full_width("+86 138 0013 8000"))
    page.get_by_role("button", name=_("Continue")).click()
    expect(page.get_by_test_id("confirm-booking")).to_be_visible()
    context.close()


def test_full_width_resident_id_and_phone_in_an_application(browser, base_url):
    service = next(s for s in api_get(base_url, "/services?size=50&locale=zh")["items"] if s["online_application"])
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url)
    page = context.new_page()
    _ = gettext_for("zh")
    _ready(page, f"/zh/apply/{service['id']}/")
    page.get_by_label(_("I meet these conditions")).check()
    continue_apply(page, _, 2)
    continue_apply(page, _, 3)
    _type_personal(page, _("Document number"), _full_width("110105 19650315 2015"))
    continue_apply(page, _, 4)
    _type_personal(page, _("Phone number"), _full_width("138 0013 8000"))
    continue_apply(page, _, 5)
    context.close()
    # The draft would send the account's next application straight to this step.
    token = api_token(base_url)
    httpx.delete(f"{base_url}/api/v1/me/drafts/{service['id']}", headers={"Authorization": f"Bearer {token}"}, timeout=10).raise_for_status()


def test_full_width_receipt_number_on_the_kiosk(page: Page, base_url):
    """The kiosk's fields take a keyboard or a scanner too."""
    receipt = api_get(base_url, "/me/applications", api_token(base_url))[0]["id"]
    _ = gettext_for("ja")
    _ready(page, "/ja/kiosk/track/")
    page.locator("#kiosk-receipt").fill(_full_width(receipt))
    page.get_by_test_id("kiosk-check").click()
    expect(page.locator(".timeline__item")).to_have_count(5)
