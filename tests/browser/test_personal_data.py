"""Full ID and phone numbers reach the browser only while the person edits
that very field: the page shows them masked, and neither the page's state
(everything the server sends over the websocket) nor the browser's storage
carries them otherwise."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from locales import gettext_for
from tests.browser.conftest import PNG, continue_apply, log_in_context, no_drafts, record_frames

PHONE, ID_NUMBER = "13800138000", "110105196503152015"  # the first demo resident
SERVICE = "ps-no-criminal-record"


def _nowhere(page: Page, frames: list[str], *numbers: str) -> None:
    storage = page.evaluate("JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)])")
    for number in numbers:
        assert number not in "".join(frames), f"the page's state carries {number}"
        assert number not in page.content(), f"the page shows {number}"
        assert number not in storage, f"the browser keeps {number}"


def test_an_application_shows_the_numbers_masked_until_the_person_changes_one(browser: Browser, base_url):
    no_drafts(base_url, SERVICE, PHONE)
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url)
    page = context.new_page()
    frames = record_frames(page)
    t = gettext_for("en")
    page.goto(f"/en/apply/{SERVICE}/")
    expect(page.get_by_text(t("Step %(number)s of %(total)s") % {"number": 1, "total": 7})).to_be_visible()
    expect(page.locator("main h1 [data-content]")).to_be_visible()  # loaded: the form will not be replaced under the click
    page.get_by_label(t("I meet these conditions")).check()
    continue_apply(page, t, 2)
    continue_apply(page, t, 3)
    expect(page.locator("#apply-id_number")).to_have_text("1101**********2015")
    _nowhere(page, frames, ID_NUMBER, PHONE)
    page.get_by_role("button", name=t("Change") + " " + t("Document number")).click()
    field = page.get_by_label(t("Document number"))
    expect(field).to_be_focused()
    expect(field).to_have_value(ID_NUMBER)  # the one moment it is in the page: the person edits it
    field.fill("110105196503152015")
    continue_apply(page, t, 4)
    expect(page.locator("#apply-phone")).to_have_text("138****8000")
    sent_so_far = len(frames)
    continue_apply(page, t, 5)
    page.get_by_label(t("What do you need?")).fill("For a job abroad.")
    page.get_by_label(t("Collect it at the hall")).check()
    continue_apply(page, t, 6)
    for index, upload in enumerate(page.locator("input[type=file]").all()):
        upload.set_input_files({"name": f"document-{index}.png", "mimeType": "image/png", "buffer": PNG})
        expect(page.locator(".upload-item").nth(index)).to_be_visible()
    continue_apply(page, t, 7)
    expect(page.locator("main")).to_contain_text("1101**********2015")  # the review shows them masked
    expect(page.locator("main")).to_contain_text("138****8000")
    _nowhere(page, frames[sent_so_far:], ID_NUMBER, PHONE)
    context.close()


def test_the_personal_centre_booking_and_letters_never_send_the_full_numbers(browser: Browser, base_url):
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url)
    page = context.new_page()
    frames = record_frames(page)
    t = gettext_for("zh")
    page.goto("/zh/me/")
    expect(page.get_by_role("heading", name=t("My details"))).to_be_visible()
    page.goto("/zh/interact/consultation/")
    expect(page.locator("#letter-phone")).to_have_text("138****8000")
    page.goto("/zh/book/?service=ps-id-card&hall=city-centre")
    page.locator("input[name=slot]:not(:disabled)").first.check()
    page.get_by_role("button", name=t("Continue")).click()
    expect(page.locator("#booking-phone")).to_have_text("138****8000")
    _nowhere(page, frames, ID_NUMBER, PHONE)
    context.close()
