"""Getting things done, end to end in the browser: logging in three ways,
the personal centre, applying online with a document, following progress,
booking (by keyboard alone), writing to the government and rating."""

from __future__ import annotations

import datetime as dt
import re

import httpx
import pytest
from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from backend import models
from tests.browser.conftest import APPLICATION_LOADED, DEMO_PASSWORD, HYDRATED, PNG, api_get, api_token, continue_apply, hold_state, log_in_context, set_prefs



def _(locale: str):
    from locales import gettext_for

    return gettext_for(locale)


def test_log_in_with_phone_and_password_by_keyboard(page: Page):
    t = _("zh")
    page.goto("/zh/login/")
    page.get_by_label(t("Mobile phone number")).focus()
    page.keyboard.type("13800138000")
    page.keyboard.press("Tab")
    page.keyboard.type(DEMO_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url("**/zh/me/")
    expect(page.get_by_role("heading", name=t("My applications"))).to_be_visible()
    expect(page.locator("main")).to_contain_text("138****8000")
    expect(page.locator("main")).not_to_contain_text("13800138000")
    page.get_by_role("button", name=t("Log out")).click()
    page.wait_for_url("**/zh/")
    page.goto("/zh/me/")
    page.wait_for_url(re.compile(r"/zh/login/"))


def test_log_in_with_a_one_time_code(page: Page, portal):
    t = _("en")
    page.goto("/en/login/code/")
    page.get_by_label(t("Mobile phone number")).fill("13500135000")
    page.get_by_role("button", name=t("Send me a code")).click()
    expect(page.get_by_text(t("We have sent a code. It works for 5 minutes."))).to_be_visible()
    log = portal.log.read_text(errors="replace")
    code = re.findall(r"one-time code for the phone ending 5000: (\d{6})", log)[-1]
    page.get_by_label(t("One-time code")).fill(code)
    page.get_by_role("button", name=t("Log in")).click()
    page.wait_for_url("**/en/me/")
    expect(page.locator("main")).to_contain_text("KIM MINJUN")


def test_foreign_residents_log_in_with_their_passport(page: Page):
    t = _("fr")
    page.goto("/fr/login/passport/")
    page.get_by_label(t("Passport number")).fill("18AB12345")
    page.get_by_label(t("Nationality")).select_option("FR")
    expect(page.get_by_label(t("Nationality"))).to_contain_text("France")
    page.get_by_label(t("Password")).fill(DEMO_PASSWORD)
    page.get_by_role("button", name=t("Log in")).click()
    page.wait_for_url("**/fr/me/")
    expect(page.locator("main")).to_contain_text("Emma Martin")
    expect(page.locator("main")).to_contain_text("18*****45")


@pytest.mark.parametrize(
    ("locale", "phone", "message"),
    [
        ("ja", "13800138000", "The details you entered do not match an account. Check them and try again."),
        ("ko", "13700137000", "This account is locked. Call 12345 or visit a service hall to have it unlocked."),
    ],
)
def test_login_failures_are_explained(page: Page, locale, phone, message):
    t = _(locale)
    page.goto(f"/{locale}/login/")
    page.wait_for_function(HYDRATED)  # a click before then is the browser's own submission, not the login
    page.get_by_label(t("Mobile phone number")).fill(phone)
    page.get_by_label(t("Password")).fill("not-the-password" if phone == "13800138000" else DEMO_PASSWORD)
    page.get_by_role("button", name=t("Log in")).click()
    expect(page.get_by_role("alert").filter(has_text=t(message))).to_be_visible(timeout=15_000)  # a password check takes a while on a loaded machine
    expect(page.get_by_label(t("Mobile phone number"))).to_have_value(phone)  # nothing typed is lost


def test_browser_check_in_the_users_language(page: Page):
    t = _("ko")
    page.goto("/ko/login/")
    page.get_by_label(t("Mobile phone number")).fill("12")
    page.get_by_role("button", name=t("Log in")).click()
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    phone = page.get_by_label(t("Mobile phone number"))
    expect(phone).to_have_attribute("aria-invalid", "true")
    error = t("Enter a Chinese mobile number of 11 digits, for example 13800138000.")  # the rule's own message
    expect(page.locator("#password-phone-error")).to_have_text(error)
    assert "password-phone-error" in phone.get_attribute("aria-describedby")
    summary.get_by_role("link", name=error).click()
    expect(phone).to_be_focused()


def _online_service(base_url: str) -> dict:
    return next(s for s in api_get(base_url, "/services?size=50&locale=zh")["items"] if s["online_application"])


def _apply(page: Page, locale: str, service_id: str, purpose: str) -> str:
    """Walk through the application form; return the receipt number."""
    t = _(locale)
    page.goto(f"/{locale}/apply/{service_id}/")
    page.wait_for_function(HYDRATED)
    expect(page.locator(APPLICATION_LOADED)).to_be_visible()
    page.get_by_label(t("I meet these conditions")).check()
    page.get_by_test_id("apply-continue").click()
    expect(page.get_by_label(t("Full name"))).not_to_have_value("")  # filled in from the profile
    page.get_by_test_id("apply-continue").click()
    expect(page.locator("#apply-id_number")).to_have_text("1101**********2015")  # from the profile, masked
    page.get_by_test_id("apply-continue").click()
    expect(page.locator("#apply-phone")).to_have_text("138****8000")
    page.get_by_test_id("apply-continue").dblclick()  # the second click of a double click is ignored
    page.get_by_label(t("What do you need?")).fill(purpose)
    expect(page.get_by_role("heading", name=t("There is a problem"))).to_have_count(0)
    page.get_by_label(t("Collect it at the hall")).check()
    continue_apply(page, t, 6)
    for index, field in enumerate(page.locator("input[type=file]").all()):
        field.set_input_files({"name": f"document-{index}.png", "mimeType": "image/png", "buffer": PNG})
        expect(page.locator(".upload-item").nth(index)).to_contain_text(f"document-{index}.png")
    continue_apply(page, t, 7)
    expect(page.locator("main")).to_contain_text(purpose)
    page.get_by_label(t("I declare that the information I have given is true and complete.")).check()
    send = page.get_by_test_id("apply-continue")
    # An impatient double click, both clicks queued before the first is answered, still makes one application.
    send.evaluate("(button) => { button.click(); button.click(); }")
    expect(page.get_by_test_id("receipt-number")).to_be_visible()
    page.wait_for_timeout(1500)  # the second click has been handled by now
    expect(page.get_by_test_id("receipt-number")).to_be_visible()
    return page.get_by_test_id("receipt-number").inner_text()


def test_apply_online_end_to_end(browser, base_url):
    service = _online_service(base_url)
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url)
    page = context.new_page()
    receipt = _apply(page, "zh", service["id"], "申请换领，原证件即将到期。")
    mine = api_get(base_url, "/me/applications", api_token(base_url))
    assert [a["id"] for a in mine].count(receipt) == 1
    assert sum(1 for a in mine if a["service"]["id"] == service["id"] and a["created_at"][:10] == dt.date.today().isoformat()) == 1
    page.get_by_role("link", name=_("zh")("Follow its progress")).click()
    expect(page.locator(".timeline__item--done")).to_have_count(1)
    context.close()


def test_apply_in_senior_mode_in_french(browser, base_url):
    service = _online_service(base_url)
    context = browser.new_context(base_url=base_url)
    set_prefs(context, {"elder": True})
    log_in_context(context, base_url, "13900139000")
    page = context.new_page()
    page.goto(f"/fr/apply/{service['id']}/")
    t = _("fr")
    expect(page.get_by_text(t("Step %(number)s of %(total)s") % {"number": 1, "total": 7})).to_be_visible()
    checkbox = page.get_by_label(t("I meet these conditions"))
    expect(checkbox).to_be_enabled()  # the service's conditions have arrived (the step is drawn before them)
    box = checkbox.bounding_box()
    assert box["width"] >= 59 and box["height"] >= 59
    context.close()


def test_draft_survives_a_reload(browser, base_url):
    service = _online_service(base_url)
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url, "13900139000")
    page = context.new_page()
    t = _("en")
    page.goto(f"/en/apply/{service['id']}/")
    page.wait_for_function(HYDRATED)
    expect(page.locator(APPLICATION_LOADED)).to_be_visible()
    page.get_by_label(t("I meet these conditions")).check()
    for step in range(2, 6):
        continue_apply(page, t, step)
    purpose = page.get_by_label(t("What do you need?"))
    purpose.fill("A replacement, the old one was lost on the train.")
    page.wait_for_timeout(300)
    page.reload()
    expect(page.get_by_label(t("What do you need?"))).to_have_value("A replacement, the old one was lost on the train.")
    context.close()


def test_the_conditions_cannot_be_confirmed_before_they_arrive(browser, base_url):
    """Until the service's state arrives the form is disabled: a box ticked
    under an empty list of conditions would be drawn again, unticked, for the
    service, and its error would ask for the tick already given."""
    service = _online_service(base_url)
    # From the first step: an earlier test may have left a draft further on.
    token = api_token(base_url, "13900139000")
    httpx.delete(f"{base_url}/api/v1/me/drafts/{service['id']}", headers={"Authorization": f"Bearer {token}"}, timeout=60).raise_for_status()
    context = browser.new_context(base_url=base_url)
    context.add_cookies([{"name": "portal_session", "value": token, "url": base_url}])
    page = context.new_page()
    t = _("en")
    held = hold_state(page)
    page.goto(f"/en/apply/{service['id']}/")
    page.wait_for_function(HYDRATED)
    box = page.get_by_label(t("I meet these conditions"))
    expect(box).to_be_disabled()
    expect(page.get_by_test_id("apply-continue")).to_be_disabled()
    held[0].connect_to_server()
    expect(page.locator(APPLICATION_LOADED)).to_be_visible()
    box.check()
    continue_apply(page, t, 2)
    context.close()


def test_session_expiry_returns_to_where_the_user_was(browser, base_url, portal_db):
    service = _online_service(base_url)
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url, "13900139000")
    page = context.new_page()
    page.goto("/en/me/")
    expect(page.get_by_role("heading", name=_("en")("My applications"))).to_be_visible()
    with Session(portal_db) as session:
        for token in session.exec(select(models.AuthToken).where(models.AuthToken.account_id == "li-na")):
            token.expires_at = models.utcnow() - dt.timedelta(minutes=1)
            session.add(token)
        session.commit()
    page.goto(f"/en/apply/{service['id']}/")
    page.wait_for_url(re.compile(r"/en/login/\?next=.*expired=1"))
    t = _("en")
    expect(page.get_by_text(t("For your safety we logged you out after a period without activity. Log in again and you will return to where you were; nothing you typed is lost."))).to_be_visible()
    page.get_by_label(t("Mobile phone number")).fill("13900139000")
    page.get_by_label(t("Password")).fill(DEMO_PASSWORD)
    page.get_by_role("button", name=t("Log in")).click()
    page.wait_for_url(f"**/en/apply/{service['id']}/")
    context.close()


def test_track_progress_without_logging_in(page: Page, base_url):
    receipt = api_get(base_url, "/me/applications", api_token(base_url))[0]
    t = _("ko")
    page.goto("/ko/track/")
    page.get_by_label(t("Receipt number")).fill(receipt["id"])
    page.get_by_role("button", name=t("Check progress")).click()
    expect(page.locator(".timeline__item")).to_have_count(5)
    expect(page.locator(".timeline__item--done")).to_have_count(sum(1 for s in receipt["steps"] if s["done_at"]))
    expect(page.locator("#track-outcome")).not_to_contain_text("张伟")  # no personal details without logging in
    page.get_by_label(t("Receipt number")).fill("20260101000000")
    page.get_by_role("button", name=t("Check progress")).click()
    expect(page.get_by_text(t("We cannot find an application with this number. Check the digits, or call 12345."))).to_be_visible()


def test_booking_by_keyboard_alone_with_qr_confirmation(browser, base_url):
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url)
    page = context.new_page()
    t = _("zh")
    page.goto("/zh/book/?service=ps-id-card")
    step = page.locator("#booking-step")
    expect(page.get_by_text(t("Which hall would you like to go to?"))).to_be_visible()
    page.locator("input[name=hall]").first.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    expect(page.get_by_text(t("When would you like to come?"))).to_be_visible()
    expect(step).to_be_focused()  # each step takes focus to its heading; wait for it before moving on
    assert page.locator("input[name=slot]:disabled").count() > 0, "full slots are shown, not hidden"
    page.locator("input[name=slot]:not(:disabled)").last.focus()
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    expect(page.get_by_label(t("Full name"))).to_have_value("张伟")
    expect(step).to_be_focused()
    page.get_by_label(t("Full name")).focus()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("confirm-booking")).to_be_visible()
    expect(step).to_be_focused()
    page.get_by_test_id("confirm-booking").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_test_id("confirmation-number")).to_be_visible()
    number = page.get_by_test_id("confirmation-number").inner_text()
    expect(page.locator("img.qr")).to_have_attribute("src", re.compile(r"^data:image/svg\+xml"))
    booked = api_get(base_url, "/me/appointments", api_token(base_url))
    assert number in [b["id"] for b in booked]
    page.goto("/zh/me/")
    row = page.locator(".record").filter(has_text=number)
    row.get_by_role("button", name=t("Cancel this appointment")).click()
    expect(row).to_contain_text(t("Cancelled"))
    context.close()


def test_write_to_the_government_and_read_the_reply(page: Page):
    t = _("ja")
    page.goto("/ja/interact/complaint/")
    page.get_by_label(t("What is it about?")).select_option("environment")
    page.get_by_label(t("Subject")).fill("夜間工事の騒音")
    page.get_by_label(t("Your message")).fill("毎晩23時過ぎまで工事の音がします。")
    page.get_by_label(t("By text message")).check()
    page.get_by_label(t("Phone number")).fill("13800138000")
    page.get_by_role("button", name=t("Send")).click()
    expect(page.get_by_test_id("ticket-number")).to_be_visible()
    ticket = page.get_by_test_id("ticket-number").inner_text()
    code = page.get_by_test_id("access-code").inner_text()
    page.get_by_role("link", name=t("Read the reply later")).click()
    expect(page.locator("#reply-outcome")).to_contain_text("夜間工事の騒音")
    expect(page.locator("#reply-outcome")).to_contain_text(t("There is no reply yet. The department will answer within the time it promises."))
    assert len(code) == 6 and len(ticket) == 14


def test_rate_a_finished_application_once(browser, base_url):
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url, "13900139000")
    page = context.new_page()
    t = _("en")
    page.goto("/en/me/")
    page.get_by_role("link", name=t("Rate this service")).first.click()
    for question in ("How easy was it?", "How quickly was it done?", "How helpful and polite were the staff?"):
        page.get_by_role("group", name=t(question)).get_by_label(t("Good"), exact=True).check()
    page.get_by_label(t("Anything else you want to tell us?")).fill("Quick and friendly.")
    page.get_by_role("button", name=t("Send my rating")).click()
    expect(page.get_by_text(t("Thank you. Your rating has been recorded and is sent to the department."))).to_be_visible()
    page.reload()
    expect(page.get_by_text(t("You have already rated this. Each application or visit can be rated once."))).to_be_visible()
    context.close()


def test_personal_centre_masks_numbers_and_manages_subscriptions(browser, base_url):
    """A foreign resident's account in French: details masked, subscriptions,
    messages and recommendations as the back end has them; stop following one."""
    t = _("fr")
    import httpx

    login = httpx.post(f"{base_url}/api/v1/auth/passport", json={"passport_number": "18AB12345", "nationality": "FR", "password": DEMO_PASSWORD}, timeout=10)
    login.raise_for_status()
    token = login.json()["token"]
    profile = api_get(base_url, "/me?locale=fr", token)
    subscriptions = api_get(base_url, "/me/subscriptions?locale=fr", token)
    messages = api_get(base_url, "/me/messages?locale=fr", token)
    recommended = api_get(base_url, "/me/recommendations?locale=fr", token)
    assert subscriptions, "the seed gives this account a subscription"
    context = browser.new_context(base_url=base_url)
    context.add_cookies([{"name": "portal_session", "value": token, "url": base_url}])
    page = context.new_page()
    page.goto("/fr/me/")
    expect(page.get_by_role("heading", name=t("My details"))).to_be_visible()
    main = page.locator("main")
    expect(main).to_contain_text(profile["passport_masked"])
    assert profile["passport_number"] not in main.inner_text()
    for message in messages:
        expect(main).to_contain_text(message["title"])
    expect(page.get_by_role("region", name=t("Recommended for you")).get_by_role("link")).to_have_count(len(recommended))
    following = page.locator(".subscription").filter(has_text=subscriptions[0]["name"])
    following.get_by_role("button", name=t("Stop following")).click()
    expect(page.get_by_text(t("You will no longer get updates on this topic."))).to_be_visible()
    expect(following).to_have_count(0)
    assert subscriptions[0]["id"] not in [s["id"] for s in api_get(base_url, "/me/subscriptions?locale=fr", token)]
    context.close()
