"""E-certificates in the browser: the person's own with their QR codes, the
public check page a QR code leads to, a guide marking a material already on
file, and an application that skips it and is approved in seconds."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect

from a11y.audit import axe_violations, describe
from components.records import qr_data_uri
from frontend.formatting import date_text
from tests.browser.conftest import api_get, api_token, continue_apply, log_in_context, set_prefs

ID_NUMBER = "110105196503152015"


def _(locale: str):
    from locales import gettext_for

    return gettext_for(locale)


@pytest.mark.parametrize("locale", ["zh", "fr"])
def test_my_certificates_with_qr_codes_that_check_out(browser: Browser, base_url, locale):
    t = _(locale)
    held = api_get(base_url, f"/me/certificates?locale={locale}", api_token(base_url))
    licence = next(c for c in held if c["kind"]["id"] == "driving-licence")
    context = browser.new_context(base_url=base_url)
    set_prefs(context, {"elder": True})
    log_in_context(context, base_url)
    page = context.new_page()
    page.goto(f"/{locale}/me/certificates/")
    cards = page.get_by_test_id("certificate")
    expect(cards).to_have_count(len(held))
    card = cards.filter(has_text=licence["kind"]["name"])
    expect(card).to_contain_text("1101**********2015")
    expect(card).to_contain_text(licence["issuer"])
    import datetime as dt

    expect(card).to_contain_text(t("Valid until %(date)s") % {"date": date_text(dt.date.fromisoformat(licence["expires_on"]), locale)})
    expect(card).to_contain_text(t("Expires soon: renew it in time."))
    expect(cards.filter(has_text=t("Expires soon: renew it in time."))).to_have_count(1)
    assert ID_NUMBER not in page.content()
    assert not axe_violations(page), describe(axe_violations(page))
    # The QR code carries the address of the public check page, nothing else.
    link = card.get_by_role("link", name=t("Open the check page"))
    href = link.get_attribute("href")
    assert href == f"/{locale}/verify/{licence['verification_token']}/" or href == f"/{locale}/verify/{licence['verification_token']}"
    qr = card.locator("img.qr")
    expect(qr).to_have_attribute("alt", t("QR code for checking this certificate at a counter"))
    assert qr.get_attribute("src") == qr_data_uri(base_url + href)
    context.close()

    # A counter clerk scans it on another device, logged in as nobody.
    clerk = browser.new_context(base_url=base_url)
    page = clerk.new_page()
    page.goto(href)
    verification = page.get_by_test_id("verification")
    expect(verification).to_contain_text(t("Valid"))
    expect(verification).to_contain_text(t("This certificate was issued by Haizhou and is valid today."))
    expect(page.get_by_test_id("verified-holder")).to_have_text("张*")
    main = page.locator("main").inner_text()
    for secret in ("张伟", ID_NUMBER, "2015", licence["kind"]["name"], licence["issuer"]):
        assert secret not in main
    assert not axe_violations(page), describe(axe_violations(page))
    page.goto(f"/{locale}/verify/{'A' * 32}/")
    expect(page.get_by_test_id("verification")).to_contain_text(t("This code does not belong to any certificate Haizhou has issued."))
    expect(page.get_by_test_id("verified-holder")).to_have_count(0)
    clerk.close()


def test_a_guide_marks_the_material_the_person_already_holds(browser: Browser, base_url):
    t = _("en")
    anonymous = browser.new_context(base_url=base_url)
    page = anonymous.new_page()
    page.goto("/en/services/ps-id-card/")
    expect(page.get_by_role("heading", name=t("What to bring"))).to_be_visible()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_test_id("material-on-file")).to_have_count(0)
    anonymous.close()
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url, "13600136000")  # a foreign resident: no hukou booklet, no identity card
    page = context.new_page()
    page.goto("/en/services/ps-id-card/")
    expect(page.get_by_role("heading", name=t("What to bring"))).to_be_visible()
    page.wait_for_load_state("networkidle")
    expect(page.get_by_test_id("material-on-file")).to_have_count(0)
    context.close()
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url)
    page = context.new_page()
    page.goto("/en/services/ps-id-card/")
    expect(page.get_by_role("heading", name=t("Documents we already have"))).to_be_visible()
    marked = page.get_by_test_id("material-on-file")
    expect(marked).to_have_text(["Hukou booklet (household register)", "Your current identity card"])
    expect(page.get_by_text(t("They are your e-certificates: you do not need to bring or upload them."))).to_be_visible()
    context.close()


def test_an_application_skips_a_held_material_and_is_approved_instantly(browser: Browser, base_url):
    locale = "ja"
    t = _(locale)
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url)
    page = context.new_page()
    page.goto(f"/{locale}/services/ps-no-criminal-record/")
    expect(page.get_by_text(t("Approved in seconds when every material needed is on file as your e-certificates."))).to_be_visible()
    page.goto(f"/{locale}/apply/ps-no-criminal-record/")
    # The conditions arrive with the form's state: only then is the form live.
    expect(page.locator("form ul[data-content] li").first).to_be_visible(timeout=30_000)
    eligible = page.get_by_label(t("I meet these conditions"))
    eligible.check()
    expect(eligible).to_be_checked()
    for step in range(2, 5):
        continue_apply(page, t, step)
    continue_apply(page, t, 5)
    page.get_by_label(t("What do you need?")).fill("就職先への提出用")
    page.get_by_label(t("Electronic copy in my account")).check()
    continue_apply(page, t, 6)
    on_file = page.get_by_test_id("material-on-file")
    expect(on_file).to_have_count(1)
    expect(on_file).to_contain_text(t("We already have this"))
    expect(on_file).to_contain_text("居民身分証")
    # Only the optional letter of authority is left to upload; nothing is required.
    expect(page.locator("input[type=file]")).to_have_count(1)
    continue_apply(page, t, 7)
    page.get_by_label(t("I declare that the information I have given is true and complete.")).check()
    page.get_by_test_id("apply-continue").click()
    expect(page.get_by_role("heading", name=t("Your application has been approved"))).to_be_visible()
    expect(page.get_by_test_id("instant-approval")).to_contain_text(t("Instant approval"))
    receipt = page.get_by_test_id("receipt-number").inner_text()
    stored = api_get(base_url, f"/applications/{receipt}", api_token(base_url))
    assert stored["instant_approval"] and stored["status"] == "completed"

    page.get_by_role("link", name=t("Follow its progress")).click()
    expect(page.get_by_test_id("instant-approval")).to_be_visible()
    expect(page.locator("#track-outcome .timeline__item--done")).to_have_count(5)
    page.goto(f"/{locale}/me/")
    mine = page.locator(".record").filter(has_text=receipt)
    expect(mine.get_by_test_id("instant-approval")).to_be_visible()
    context.close()


def test_the_personal_centre_leads_to_the_certificates(page: Page, browser: Browser, base_url):
    t = _("ko")
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url, "13300133000")
    me = context.new_page()
    me.goto("/ko/me/")
    me.get_by_role("link", name=t("See my e-certificates")).click()
    me.wait_for_url("**/ko/me/certificates/")
    cards = me.get_by_test_id("certificate")
    expect(cards).to_have_count(3)
    expect(cards.filter(has_text=t("Revoked"))).to_have_count(1)
    context.close()


def test_the_check_page_is_reached_by_keyboard_alone(browser: Browser, base_url):
    t = _("en")
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url, "13900139000")
    page = context.new_page()
    page.goto("/en/me/certificates/")
    expect(page.get_by_test_id("certificate").first).to_be_visible()
    for _tab in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == t("Open the check page"):
            break
    else:
        pytest.fail("Tab never reached a check page link")
    page.keyboard.press("Enter")
    page.wait_for_url("**/en/verify/**")
    expect(page.get_by_test_id("verification")).to_contain_text(t("Valid"))
    expect(page.get_by_test_id("verified-holder")).to_have_text("李*")
    context.close()


def test_hostile_check_addresses_are_inert(page: Page):
    t = _("fr")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for hostile in ("%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", "110105196503152015", "A" * 31):
        page.goto(f"/fr/verify/{hostile}/")
        expect(page.get_by_test_id("verification")).to_contain_text(t("This code does not belong to any certificate Haizhou has issued."))
        assert "<img" not in page.locator("main").inner_html()
    assert not dialogs
