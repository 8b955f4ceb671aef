"""The back end goes down: the portal says so in the user's language and
offers the hotline, information pages keep serving their last good copy,
nothing typed is lost, and a retry works once the back end is back.

The portal is restarted (same build) against a separately run reference API
that the tests stop and start, as an operator would see it fail."""

from __future__ import annotations

import time

import httpx
import pytest
from playwright.sync_api import Page, expect

from locales import gettext_for
from tests.browser.conftest import APPLICATION_LOADED, HYDRATED, continue_apply
from tests.portal_server import ReferenceApi

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
CACHE_SECONDS = 2  # the portal's catalogue cache, short so an outage shows within a test


@pytest.fixture(scope="module")
def reference_api(portal, portal_env, tmp_path_factory):
    api = ReferenceApi(portal_env, str(tmp_path_factory.mktemp("standalone-api")))
    api.start()
    portal.stop()
    # A data folder of its own: last good copies kept on disk by earlier tests would otherwise answer for pages never shown here.
    portal.start(PORTAL_API_URL=api.url, PORTAL_CACHE_SECONDS=str(CACHE_SECONDS), PORTAL_DATA_DIR=str(tmp_path_factory.mktemp("outage-portal-data")))
    yield api
    api.stop()
    portal.stop()
    portal.start()


def _token(api: ReferenceApi) -> str:
    return httpx.post(f"{api.url}/auth/password", json={"phone": "13900139000", "password": "Haizhou-2026"}).json()["token"]


def test_information_pages_keep_their_last_good_copy(page: Page, reference_api):
    _ = gettext_for("en")
    page.goto("/en/services/ps-id-card/")
    page.wait_for_selector("main .checklist")
    title = page.locator("h1").inner_text()  # the guide's own name, once it has arrived
    reference_api.stop()
    time.sleep(CACHE_SECONDS + 0.5)  # past the cache's lifetime, so the portal must ask the back end
    try:
        page.goto("/en/services/ps-id-card/")
        expect(page.get_by_text(_("the government service cannot be reached, so this is the last copy we have. It may be out of date."))).to_be_visible(timeout=30_000)
        expect(page.locator("h1")).to_have_text(title)
        expect(page.locator("main .checklist")).to_be_visible()
    finally:
        reference_api.start()


def test_the_home_page_says_its_lists_are_the_last_copy(page: Page, portal, reference_api):
    """Each list of the home page says so when it is the last good copy, in
    the first response too; a list with no copy at all says it cannot be shown."""
    _ = gettext_for("zh")
    last_copy = _("the government service cannot be reached, so this is the last copy we have. It may be out of date.")
    popular = httpx.get(f"{reference_api.url}/services?size=8&locale=zh").json()["items"][0]["name"]
    page.goto("/zh/")
    expect(page.locator("#popular-title + ul")).to_contain_text(popular)
    reference_api.stop()
    time.sleep(CACHE_SECONDS + 0.5)
    try:
        first_response = httpx.get(f"{portal.url}/zh/", timeout=30).text
        assert first_response.count(last_copy) == 2, "each list, in the page as it is sent"
        page.goto("/zh/")
        for section in ("popular", "notices"):
            list_section = page.get_by_role("region", name=_("Most used services") if section == "popular" else _("Notices"))
            expect(list_section.get_by_text(last_copy)).to_be_visible(timeout=30_000)
        expect(page.get_by_role("link", name=popular).first).to_be_visible()
        page.goto("/ko/")  # never shown since the portal started: no copy to fall back on
        expect(page.get_by_role("heading", name=gettext_for("ko")("This service is not available right now"))).to_have_count(2)
    finally:
        reference_api.start()


@pytest.mark.parametrize("path", ["/zh/expat/visas/", "/zh/halls/nanhu/", "/zh/search/?q=shebao", "/zh/news/"])
def test_pages_say_what_happened_and_offer_the_hotline(page: Page, reference_api, path):
    _ = gettext_for("zh")
    reference_api.stop()
    try:
        started = time.monotonic()
        page.goto(path)
        notice = page.get_by_role("heading", name=_("This service is not available right now"))
        expect(notice).to_be_visible(timeout=30_000)
        assert time.monotonic() - started < 30, "no spinner forever"
        expect(page.locator("main a[href='tel:12345']")).to_be_visible()
        expect(page.get_by_role("banner")).to_be_visible()  # the page itself still works
    finally:
        reference_api.start()
    page.get_by_role("button", name=_("Try again")).click()
    expect(page.get_by_role("heading", name=_("This service is not available right now"))).to_be_hidden(timeout=20_000)


def test_submitting_during_an_outage_keeps_everything_and_retry_works(browser, base_url, reference_api):
    _ = gettext_for("en")
    service = next(s for s in httpx.get(f"{reference_api.url}/services?size=50").json()["items"] if s["online_application"])
    context = browser.new_context(base_url=base_url)
    context.add_cookies([{"name": "portal_session", "value": _token(reference_api), "url": base_url}])
    page = context.new_page()
    page.goto(f"/en/apply/{service['id']}/")
    page.wait_for_function(HYDRATED)
    expect(page.locator(APPLICATION_LOADED)).to_be_visible()
    page.get_by_label(_("I meet these conditions")).check()
    for step in range(2, 6):
        continue_apply(page, _, step)
    page.get_by_label(_("What do you need?")).fill("Kept through the outage.")
    page.get_by_label(_("Collect it at the hall")).check()
    continue_apply(page, _, 6)
    for index, field in enumerate(page.locator("input[type=file]").all()):
        field.set_input_files({"name": f"scan-{index}.png", "mimeType": "image/png", "buffer": PNG})
        expect(page.locator(".upload-item").nth(index)).to_be_visible()
    continue_apply(page, _, 7)
    page.get_by_label(_("I declare that the information I have given is true and complete.")).check()
    reference_api.stop()
    try:
        page.get_by_test_id("apply-continue").click()
        expect(page.get_by_role("heading", name=_("This service is not available right now"))).to_be_visible(timeout=30_000)
        expect(page.locator("main")).to_contain_text("Kept through the outage.")
    finally:
        reference_api.start()
    page.get_by_role("button", name=_("Try again")).click()
    expect(page.get_by_test_id("receipt-number")).to_be_visible(timeout=20_000)
    receipt = page.get_by_test_id("receipt-number").inner_text()
    mine = httpx.get(f"{reference_api.url}/me/applications", headers={"Authorization": f"Bearer {_token(reference_api)}"}).json()
    assert [a["id"] for a in mine].count(receipt) == 1
    context.close()
