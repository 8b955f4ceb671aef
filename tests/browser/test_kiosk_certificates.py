"""The kiosk checks an e-certificate's QR code: validity and the masked
holder, nothing else; a code that is no certificate's is said to be so."""

from __future__ import annotations

import httpx
from playwright.sync_api import Page, expect

from a11y.audit import axe_violations, describe
from locales import gettext_for


def test_the_kiosk_checks_a_certificate_by_its_qr_code(kiosk, page: Page, artifacts):
    token = httpx.post(f"{kiosk.url}/api/v1/auth/password", json={"phone": "13800138000", "password": "Haizhou-2026"}).json()["token"]
    held = httpx.get(f"{kiosk.url}/api/v1/me/certificates", headers={"Authorization": f"Bearer {token}"}).json()
    card = next(c for c in held if c["kind"]["id"] == "resident-id-card")
    _ = gettext_for("ko")
    page.goto("/ko/kiosk/track/")  # where QR codes are scanned, a way to the certificate check
    page.get_by_role("link", name=_("Check an e-certificate")).click()
    page.wait_for_url("**/ko/kiosk/verify/")
    httpx.post(f"{kiosk.url}/_devices/qr/present", json={"text": f"{kiosk.url}/zh/verify/{card['verification_token']}/"})
    page.get_by_test_id("kiosk-scan").click()
    outcome = page.get_by_test_id("kiosk-verification")
    expect(outcome).to_contain_text(_("This certificate was issued by Haizhou and is valid today."))
    expect(page.get_by_test_id("verified-holder")).to_have_text("张*")
    page.screenshot(path=str(artifacts / "kiosk-certificate-check-ko.png"))
    shown = page.locator("main").inner_text()
    assert "张伟" not in shown and card["number_masked"] not in shown and card["kind"]["name"] not in shown
    assert not axe_violations(page), describe(axe_violations(page))
    # A booking's QR code is no certificate's.
    httpx.post(f"{kiosk.url}/_devices/qr/present", json={"text": "HAIZHOU-APPOINTMENT:20261129123456"})
    page.get_by_test_id("kiosk-scan").click()
    expect(outcome).to_contain_text(_("This code does not belong to any certificate Haizhou has issued."))
    expect(page.get_by_test_id("verified-holder")).to_have_count(0)
