"""Security headers on every response of the portal's port - pages, assets,
the portal's own routes, the API - and a Content-Security-Policy the pages
really run under; CORS and writes limited to the portal's own origin; the
API's docs off; a line break in a path gets the localised not-found page."""

from __future__ import annotations

import re

import httpx
import pytest
from playwright.sync_api import Browser, expect

from locales import gettext_for
from tests.browser.conftest import log_in_context, open_template

EVIL = "https://evil.example"


def _asset_paths(base_url: str) -> tuple[str, str]:
    """A hashed build asset and a content-versioned shared file, as the home page links them."""
    html = httpx.get(f"{base_url}/zh/", timeout=10).text
    hashed = re.search(r'"(/assets/[^"]+\.js)"', html).group(1)
    versioned = re.search(r'"(/external/[^"]+\?v=[0-9a-f]+)"', html).group(1)
    return hashed, versioned


def _responses(base_url: str) -> dict[str, httpx.Response]:
    hashed, versioned = _asset_paths(base_url)
    with httpx.Client(base_url=base_url, timeout=10, headers={"Accept-Encoding": "br, gzip"}) as client:
        return {
            "page": client.get("/zh/"),
            "page with a parameter": client.get("/en/services/ps-id-card/"),
            "not found page": client.get("/fr/nothing-here/"),
            "hashed asset": client.get(hashed),
            "shared file": client.get(versioned),
            "redirect": client.get("/"),
            "portal route": client.get("/_kiosk/settings"),
            "portal route error": client.post("/_portal/speech", json={}),
            "api": client.get("/api/v1/services"),
            "api error": client.get("/api/v1/services/no-such-service"),
            "reflex ping": client.get("/ping"),
        }


def test_every_response_carries_the_security_headers(portal):
    for name, response in _responses(portal.url).items():
        headers = response.headers
        policy = headers.get("content-security-policy", "")
        assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy, name
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, name
        assert headers.get("x-content-type-options") == "nosniff", name
        assert headers.get("referrer-policy") == "same-origin", name
        assert "microphone=(self)" in headers.get("permissions-policy", ""), name  # voice search and the kiosk; never another origin
        assert "camera=()" in headers.get("permissions-policy", ""), name
        assert headers.get("x-frame-options") == "DENY", name


def test_inline_scripts_of_a_page_are_allowed_by_their_hashes(portal):
    """Each page's policy names exactly the inline scripts it carries, whichever compression it is served in."""
    for encoding in ("br", "gzip", "identity"):
        response = httpx.get(f"{portal.url}/ja/news/", headers={"Accept-Encoding": encoding}, timeout=10)
        plain = httpx.get(f"{portal.url}/ja/news/", headers={"Accept-Encoding": "identity"}, timeout=10).text
        inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", plain, re.S)
        assert inline
        script_src = re.search(r"script-src ([^;]*)", response.headers["content-security-policy"]).group(1).split()
        assert len([s for s in script_src if s.startswith("'sha256-")]) == len(set(inline)), encoding


def test_hashed_assets_are_kept_for_a_year_and_pages_revalidate(portal):
    hashed, versioned = _asset_paths(portal.url)
    for path in (hashed, versioned):
        cache = httpx.get(portal.url + path, timeout=10).headers.get("cache-control", "")
        assert "immutable" in cache and "max-age=31536000" in cache, path
    assert httpx.get(f"{portal.url}/zh/", timeout=10).headers.get("cache-control") == "no-cache"


def test_no_other_origin_may_read_an_answer(portal):
    for path in ("/api/v1/services", "/zh/", "/_kiosk/settings"):
        response = httpx.get(portal.url + path, headers={"Origin": EVIL, "Cookie": "portal_session=x"}, timeout=10)
        assert "access-control-allow-origin" not in response.headers, path
        preflight = httpx.options(portal.url + path, headers={"Origin": EVIL, "Access-Control-Request-Method": "POST"}, timeout=10)
        assert preflight.headers.get("access-control-allow-origin") != EVIL, path


def test_writes_from_another_origin_are_refused(portal):
    body = {"text": "你好", "lang": "zh"}
    refused = httpx.post(f"{portal.url}/_portal/speech", json=body, headers={"Origin": EVIL}, timeout=30)
    assert refused.status_code == 403
    login = {"phone": "13800138000", "password": "Haizhou-2026"}
    assert httpx.post(f"{portal.url}/api/v1/auth/password", json=login, headers={"Origin": EVIL}, timeout=10).status_code == 403
    own = httpx.post(f"{portal.url}/api/v1/auth/password", json=login, headers={"Origin": portal.url}, timeout=10)
    assert own.status_code == 200


def test_a_websocket_from_another_origin_is_refused(portal):
    from websockets.exceptions import InvalidStatus
    from websockets.sync.client import connect

    url = portal.url.replace("http://", "ws://") + "/_event/?EIO=4&transport=websocket"
    with pytest.raises(InvalidStatus):
        connect(url, origin=EVIL, open_timeout=10)
    with connect(url, origin=portal.url, open_timeout=10) as socket:  # the portal's own pages
        assert socket.recv(timeout=10).startswith("0")  # Engine.IO's open packet


def test_api_docs_are_off_unless_configured(portal):
    assert httpx.get(f"{portal.url}/api/v1/docs", timeout=10).status_code == 404
    assert httpx.get(f"{portal.url}/api/v1/openapi.json", timeout=10).status_code == 200  # the contract stays published


@pytest.mark.parametrize("path", ["/en/services/%0a/x", "/ja/ser%0Avices/", "/ko/news/a%0d%0ab/"])
def test_a_line_break_in_a_path_gets_the_localised_not_found_page(page, path):
    locale = path.split("/")[1]
    t = gettext_for(locale)
    response = page.goto(path)
    assert response.status == 404
    assert response.headers["content-type"].startswith("text/html")
    expect(page.locator("html")).to_have_attribute("lang", locale)
    expect(page.get_by_role("heading", level=1)).to_have_text(t("We cannot find this page"))


@pytest.mark.parametrize("locale", ["zh", "fr"])
def test_every_template_runs_under_the_policy(browser: Browser, base_url, templates, locale):
    """No script, style, image or connection of any page is blocked by the policy."""
    context = browser.new_context(base_url=base_url)
    context.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));")
    log_in_context(context, base_url)
    page = context.new_page()
    found = {}
    for template in templates:
        open_template(page, template, locale)
        expect(page.locator("h1").first).to_be_visible()
        if violations := page.evaluate("window.__violations"):
            found[template.name] = violations
    context.close()
    assert not found, found
