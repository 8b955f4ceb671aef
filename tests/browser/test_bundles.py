"""One application for a life event (一件事一次办), end to end in the browser:
the joint services, a bundle's page, the joint application (each question
once, each document once, one receipt number), and its progress line per
member service in tracking, the personal centre and on the kiosk."""

from __future__ import annotations

import datetime as dt

import httpx
from playwright.sync_api import Page, expect

from a11y.audit import axe_violations, describe
from tests.browser.conftest import HYDRATED, api_get, api_token, hold_state, log_in_context, set_prefs

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
HOSTILE = "<img src=x onerror=window.__pwned=1>"


def _(locale: str):
    from locales import gettext_for

    return gettext_for(locale)


def _step(page: Page, t, number: int) -> None:
    page.get_by_test_id("bundle-continue").click()
    expect(page.get_by_text(t("Step %(number)s of %(total)s") % {"number": number, "total": 4})).to_be_visible()


def _assert_axe_clean(page: Page) -> None:
    violations = axe_violations(page)
    assert not violations, describe(violations)


def test_joint_application_submitted_and_tracked_line_by_line(browser, base_url):
    t = _("en")
    newborn = api_get(base_url, "/bundles/newborn?locale=en")
    members = [s["name"] for s in newborn["member_services"]]
    context = browser.new_context(base_url=base_url)
    log_in_context(context, base_url)
    page = context.new_page()

    page.goto("/en/")
    page.get_by_role("link", name=t("Apply once for a whole life event: the joint services")).click()
    page.wait_for_url("**/en/bundles/")
    page.get_by_role("link", name="Having a baby").click()
    page.wait_for_url("**/en/bundles/newborn/")
    for name in members:
        expect(page.locator("main")).to_contain_text(name)
    expect(page.get_by_role("heading", name=t("What you save"))).to_be_visible()
    _assert_axe_clean(page)
    page.get_by_role("link", name=t("Apply for all of them at once")).click()
    page.wait_for_url("**/en/bundles/newborn/apply/")
    page.wait_for_function(HYDRATED)

    # From the profile, masked: the full number stays on the server unless the person changes it.
    expect(page.locator("#bundle-id_number")).to_have_text("1101**********2015")
    assert "110105196503152015" not in page.content()
    _step(page, t, 2)
    # Each question once; a missing answer and a date in the future are explained by the field, in English.
    page.get_by_label("Baby's name").fill("Zhang Xiaoman")
    page.get_by_label("Date of birth").fill((dt.date.today() + dt.timedelta(days=2)).isoformat())
    page.get_by_label("Hospital where the baby was born").fill(HOSTILE)
    page.get_by_label("Female").check()
    page.get_by_label("The mother's").check()
    page.get_by_test_id("bundle-continue").click()
    # The browser's check names the missing answer; the server's (the page state's) the impossible date.
    expect(page.locator("[data-error-summary]")).to_contain_text(t("Enter %(label)s.") % {"label": "Address to post the documents to"})
    page.get_by_label("Address to post the documents to").fill("1 Jiefang Road, Dongcheng, Haizhou")
    page.get_by_test_id("bundle-continue").click()
    expect(page.locator("#bundle-server-summary")).to_contain_text(f"Date of birth: {t('This date cannot be in the future.')}")
    expect(page.get_by_label("Baby's name")).to_have_value("Zhang Xiaoman")  # nothing typed is lost
    expect(page.get_by_label("Address to post the documents to")).to_have_value("1 Jiefang Road, Dongcheng, Haizhou")
    page.get_by_label("Date of birth").fill((dt.date.today() - dt.timedelta(days=9)).isoformat())
    _step(page, t, 3)

    pickers = page.locator("input[type=file]")
    expect(pickers).to_have_count(len(newborn["materials"]))
    for index in range(2):  # the two required documents
        pickers.nth(index).set_input_files({"name": f"document-{index}.png", "mimeType": "image/png", "buffer": PNG})
        expect(page.locator(".upload-item").nth(index)).to_contain_text(f"document-{index}.png")
    _step(page, t, 4)
    expect(page.locator("main")).to_contain_text(HOSTILE)  # shown as the text typed, never as markup
    page.get_by_label(t("I declare that the information I have given is true and complete.")).check()
    page.get_by_test_id("bundle-continue").dblclick()  # an impatient double click still makes one application
    receipt = page.get_by_test_id("receipt-number")
    expect(receipt).to_be_visible()
    number = receipt.inner_text()
    expect(page.get_by_test_id("joint-line")).to_have_count(len(members))
    assert page.evaluate("window.__pwned") is None
    _assert_axe_clean(page)

    mine = api_get(base_url, "/me/bundle-applications", api_token(base_url))
    assert [a["id"] for a in mine].count(number) == 1

    page.get_by_role("link", name=t("Follow its progress")).click()
    page.wait_for_url(f"**/en/track/?receipt={number}")
    lines = page.get_by_test_id("joint-line")
    expect(lines).to_have_count(len(members))
    for index, name in enumerate(members):
        expect(lines.nth(index)).to_contain_text(name)
        expect(lines.nth(index).locator(".timeline__item--done")).to_have_count(1)
    page.goto("/en/me/")
    section = page.locator("section", has=page.get_by_role("heading", name=t("My joint applications")))
    expect(section).to_contain_text(number)
    context.close()


def test_the_applicant_step_waits_for_its_joint_service(browser, base_url):
    """Until the joint service's state arrives its form is disabled: a name
    typed before then would be drawn again, replaced, for the joint service."""
    t = _("en")
    # From the first step: an earlier test may have left a draft further on.
    token = api_token(base_url)
    httpx.delete(f"{base_url}/api/v1/me/bundle-drafts/newborn", headers={"Authorization": f"Bearer {token}"}, timeout=60).raise_for_status()
    context = browser.new_context(base_url=base_url)
    context.add_cookies([{"name": "portal_session", "value": token, "url": base_url}])
    page = context.new_page()
    held = hold_state(page)
    page.goto("/en/bundles/newborn/apply/")
    page.wait_for_function(HYDRATED)
    name = page.get_by_label(t("Full name"))
    expect(name).to_be_disabled()
    held[0].connect_to_server()
    expect(name).to_be_enabled()
    expect(page.locator("#bundle-id_number")).to_have_text("1101**********2015")
    name.fill("Li Na")
    _step(page, t, 2)
    context.close()


def test_joint_progress_on_the_kiosk_without_logging_in(browser, base_url):
    token = api_token(base_url, "13900139000")
    newborn = api_get(base_url, "/bundles/newborn")
    joint = _submit_over_the_api(base_url, token, newborn)
    page = browser.new_page(base_url=base_url)
    page.goto("/ko/kiosk/track/")
    page.wait_for_function(HYDRATED)
    page.locator("#kiosk-receipt").fill(joint["id"])
    page.get_by_test_id("kiosk-check").click()
    lines = page.get_by_test_id("joint-line")
    expect(lines).to_have_count(len(newborn["services"]))
    expect(lines.first).to_contain_text(api_get(base_url, "/bundles/newborn?locale=ko")["member_services"][0]["name"])
    expect(page.locator("main")).not_to_contain_text("李娜")  # no personal details on a public screen
    page.close()


def test_bundle_in_senior_mode_in_french_by_keyboard(browser, base_url):
    t = _("fr")
    context = browser.new_context(base_url=base_url)
    set_prefs(context, {"elder": True})
    page = context.new_page()
    page.goto("/fr/bundles/after-a-death/")
    apply = page.get_by_role("link", name=t("Apply for all of them at once"))
    expect(apply).to_be_visible()
    box = apply.bounding_box()
    assert box["width"] >= 59 and box["height"] >= 59
    font = page.evaluate("parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)")
    assert font >= 20
    for _press in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == t("Apply for all of them at once"):
            break
    else:
        raise AssertionError("the apply link cannot be reached by keyboard")
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/login/**")  # applying needs a login, and comes back here after it
    _assert_axe_clean(page)
    context.close()


def _submit_over_the_api(base_url: str, token: str, newborn: dict) -> dict:
    import httpx

    headers = {"Authorization": f"Bearer {token}"}
    uploads = {}
    for material in newborn["materials"]:
        if material["required"]:
            upload = httpx.post(f"{base_url}/api/v1/uploads", files={"file": ("id.png", PNG, "image/png")}, headers=headers, timeout=10)
            uploads[material["id"]] = upload.json()["id"]
    body = {
        "bundle_id": "newborn",
        "applicant": {"name": "李娜", "id_type": "resident_id", "id_number": "110105196503152015", "phone": "13900139000"},
        "answers": {
            "child_name": "王小雨",
            "child_birth_date": dt.date.today().isoformat(),
            "child_sex": "female",
            "birth_hospital": "海州市妇幼保健院",
            "hukou_parent": "mother",
            "delivery_address": "海州市西港区",
        },
        "uploads": uploads,
        "declaration": True,
    }
    response = httpx.post(f"{base_url}/api/v1/bundle-applications", json=body, headers=headers, timeout=10)
    assert response.status_code == 201, response.text
    return response.json()


def test_a_member_services_guide_leads_to_its_joint_service(page: Page):
    page.goto("/ja/services/hrss-survivor-benefits/")
    link = page.get_by_role("link", name="おくやみワンストップ")
    expect(link).to_have_attribute("href", "/ja/bundles/after-a-death/")
    page.goto("/ja/services/ps-id-card/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.wait_for_load_state("networkidle")
    expect(page.locator("main a[href*='/bundles/']")).to_have_count(0)  # not a member of any joint service


def test_the_joint_service_pages_arrive_as_html(base_url):
    import httpx

    listing = httpx.get(f"{base_url}/fr/bundles/", timeout=30)
    assert listing.status_code == 200 and "Naissance" in listing.text and "Décès" in listing.text
    page = httpx.get(f"{base_url}/ko/bundles/after-a-death/", timeout=30)
    assert page.status_code == 200
    assert "<title>사망 원스톱" in page.text and "ps-death-hukou-cancellation" in page.text  # its member services, linked
    assert httpx.get(f"{base_url}/ko/bundles/no-such-bundle/", timeout=30).status_code == 404
    # A life event's services lead to its joint service (the home page's life events open these).
    birth = httpx.get(f"{base_url}/zh/services/?event=birth", timeout=30).text
    assert 'href="/zh/bundles/newborn/"' in birth and "出生一件事" in birth
    assert "/zh/bundles/" not in httpx.get(f"{base_url}/zh/services/?event=schooling", timeout=30).text
