"""What the browser tests share: the page templates with real ids from the
running back end, logging in, and the accessibility modes."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, WebSocketRoute, expect

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82"
DEMO_PHONE = "13800138000"
DEMO_PASSWORD = "Haizhou-2026"
MODES = {
    "default": {},
    "elder": {"elder": True},
    "contrast": {"contrast": "yellow-black"},
}


@dataclass(frozen=True)
class Template:
    """A page template and a real address of it (``{locale}`` is filled in)."""

    name: str
    path: str
    login: bool = False


# True once React has hydrated the page's main region: before that a click on
# the prerendered HTML does nothing.
HYDRATED = "() => Object.keys(document.querySelector('main') || {}).some((key) => key.startsWith('__reactFiber'))"
# True once the page is as it stays: an information page whose live app is
# held back (frontend/page_server.py) at once, any other page once hydrated.
SETTLED = f"() => !!document.querySelector('script[data-app-boot]:not([data-app-booted])') || ({HYDRATED})()"
# The application form's state has arrived once the service's name is in its
# heading: a box ticked before then is drawn again, unticked.
APPLICATION_LOADED = "main h1 [data-content]"


def api_get(base_url: str, path: str, token: str | None = None) -> dict | list:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    # Generous: on a loaded machine the first call builds the reference API.
    response = httpx.get(f"{base_url}/api/v1{path}", headers=headers, timeout=60)
    response.raise_for_status()
    return response.json()


def api_token(base_url: str, phone: str = DEMO_PHONE) -> str:
    response = httpx.post(f"{base_url}/api/v1/auth/password", json={"phone": phone, "password": DEMO_PASSWORD}, timeout=60)
    response.raise_for_status()
    return response.json()["token"]


@pytest.fixture(scope="session")
def templates(portal) -> list[Template]:
    """Every page template of the portal and the kiosk, at a real address."""
    base = portal.url
    services = api_get(base, "/services?size=50")["items"]
    online = next(s["id"] for s in services if s["online_application"])
    article = api_get(base, "/articles?size=1")["items"][0]["id"]
    token = api_token(base)
    applications = api_get(base, "/me/applications", token)
    receipt = applications[0]["id"]
    evaluable = next(a["id"] for a in applications if a["evaluable"])
    certificate = api_get(base, "/me/certificates", token)[0]["verification_token"]
    return [
        Template("home", "/{locale}/"),
        Template("services", "/{locale}/services/?audience=resident"),
        Template("service guide", "/{locale}/services/ps-id-card/"),
        Template("search", "/{locale}/search/?q=shebao"),
        Template("search, nothing found", "/{locale}/search/?q=zzqqxx"),
        Template("assistant", "/{locale}/assistant/?q=huzhao"),
        Template("news", "/{locale}/news/"),
        Template("article", f"/{{locale}}/news/{article}/"),
        Template("halls", "/{locale}/halls/"),
        Template("hall", "/{locale}/halls/city-centre/"),
        Template("expat zone", "/{locale}/expat/"),
        Template("expat guide", "/{locale}/expat/visas/"),
        Template("interaction", "/{locale}/interact/"),
        Template("letter", "/{locale}/interact/complaint/"),
        Template("reply", "/{locale}/interact/reply/"),
        Template("login", "/{locale}/login/"),
        Template("track", f"/{{locale}}/track/?receipt={receipt}"),
        Template("booking", "/{locale}/book/"),
        Template("personal centre", "/{locale}/me/", login=True),
        Template("my e-certificates", "/{locale}/me/certificates/", login=True),
        Template("certificate check", f"/{{locale}}/verify/{certificate}/"),
        Template("application", f"/{{locale}}/apply/{online}/", login=True),
        Template("joint services", "/{locale}/bundles/"),
        Template("joint service", "/{locale}/bundles/newborn/"),
        Template("joint application", "/{locale}/bundles/newborn/apply/", login=True),
        Template("benefits finder", "/{locale}/benefits/"),
        Template("rating", f"/{{locale}}/rate/?type=application&id={evaluable}", login=True),
        Template("accessibility statement", "/{locale}/accessibility/"),
        Template("contact", "/{locale}/contact/"),
        Template("privacy", "/{locale}/privacy/"),
        Template("kiosk attract", "/kiosk/"),
        Template("kiosk menu", "/{locale}/kiosk/"),
        Template("kiosk queue", "/{locale}/kiosk/queue/"),
        Template("kiosk progress", "/{locale}/kiosk/track/"),
        Template("kiosk certificate check", "/{locale}/kiosk/verify/"),
        Template("kiosk help", "/{locale}/kiosk/help/"),
        Template("kiosk question", "/{locale}/kiosk/ask/"),
    ]


def set_prefs(context: BrowserContext, prefs: dict) -> None:
    """Preferences as the toolbar saves them, before any page loads."""
    context.add_init_script(f"localStorage.setItem('portal.prefs', {json.dumps(json.dumps(prefs))})")


def log_in_context(context: BrowserContext, base_url: str, phone: str = DEMO_PHONE) -> None:
    context.add_cookies([{"name": "portal_session", "value": api_token(base_url, phone), "url": base_url}])


def open_template(page: Page, template: Template, locale: str) -> None:
    """Go to a template and wait until its data has arrived (no "Loading…" left)."""
    page.goto(template.path.format(locale=locale))
    page.wait_for_function("() => !document.querySelector('main .loading') && document.querySelector('main h1, main')")
    page.wait_for_load_state("networkidle")


@pytest.fixture(scope="session")
def portal_db(portal, portal_env):
    """The running portal's own database, for putting records the seed never has."""
    from sqlmodel import create_engine

    return create_engine(f"sqlite:///{portal_env['PORTAL_DATA_DIR']}/portal.db")


def hold_state(page: Page) -> list[WebSocketRoute]:
    """Hold back the page's connection to the state (Reflex's ``/_event``
    socket) until the test calls ``connect_to_server()`` on the route: the
    moments after a page is drawn and before its state arrives, made long."""
    held: list[WebSocketRoute] = []
    page.route_web_socket(re.compile(r"/_event"), lambda route: held.append(route))
    return held


def continue_apply(page: Page, t, to_step: int, total: int = 7) -> None:
    """Press Continue on the application form and wait for the next step."""
    page.get_by_test_id("apply-continue").click()
    expect(page.get_by_text(t("Step %(number)s of %(total)s") % {"number": to_step, "total": total})).to_be_visible()


def record_frames(page: Page) -> list[str]:
    """Everything the server sends this page over its websockets from now on (the page's state)."""
    frames: list[str] = []
    page.on("websocket", lambda socket: socket.on("framereceived", lambda payload: frames.append(payload if isinstance(payload, str) else payload.decode("utf-8", "replace"))))
    return frames


def no_drafts(base_url: str, service_id: str, *phones: str) -> None:
    """These residents start an application for this service afresh (other tests leave drafts)."""
    for phone in phones:
        # Generous timeouts: the first API call on a fresh server builds the reference API.
        login = httpx.post(f"{base_url}/api/v1/auth/password", json={"phone": phone, "password": DEMO_PASSWORD}, timeout=60)
        httpx.delete(f"{base_url}/api/v1/me/drafts/{service_id}", headers={"Authorization": f"Bearer {login.json()['token']}"}, timeout=60)
