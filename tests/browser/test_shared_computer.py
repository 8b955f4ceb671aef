"""A shared computer: one person logs in, starts an application and types in
it, leaves; the next person logs in in the same tab. Nothing of the first
may reach the second - not in the page, not in the browser's storage, not in
anything the server sends over the websocket. And the session cookie is the
server's: page scripts cannot read it, and it lasts as long as the token."""

from __future__ import annotations

import datetime as dt
import re

from playwright.sync_api import Page, expect
from sqlmodel import Session, select

from backend import models
from locales import gettext_for
from tests.browser.conftest import DEMO_PASSWORD, continue_apply, no_drafts, record_frames

SERVICE = "ps-no-criminal-record"
FIRST = {"phone": "13800138000", "name": "张伟", "id_number": "110105196503152015", "address": "海州市东城区文昌路"}
TYPED_ADDRESS = "第一位申请人的地址 东城区梧桐巷 77 号"
TYPED_PURPOSE = "第一位申请人写的用途：赴海外工作签证 7731"
SECOND_PHONE = "13900139000"


def _first_persons_traces() -> list[str]:
    return [*FIRST.values(), FIRST["phone"][:3] + "****" + FIRST["phone"][-4:], TYPED_ADDRESS, TYPED_PURPOSE, "7731"]


def _log_in(page: Page, locale: str, phone: str) -> None:
    t = gettext_for(locale)
    page.get_by_label(t("Mobile phone number")).fill(phone)
    page.get_by_label(t("Password")).fill(DEMO_PASSWORD)
    page.get_by_role("button", name=t("Log in")).click()


def _start_an_application(page: Page, locale: str) -> None:
    """The first person: logs in from the application and types in its steps."""
    t = gettext_for(locale)
    page.goto(f"/{locale}/apply/{SERVICE}/")
    page.wait_for_url(re.compile(rf"/{locale}/login/"))
    _log_in(page, locale, FIRST["phone"])
    page.wait_for_url(f"**/{locale}/apply/{SERVICE}/")
    expect(page.locator("main h1 [data-content]")).to_be_visible()  # the service has loaded: the form will not be replaced
    page.get_by_label(t("I meet these conditions")).check()
    for step in (2, 3, 4):
        continue_apply(page, t, step)
    page.get_by_label(t("Address")).fill(TYPED_ADDRESS)
    continue_apply(page, t, 5)
    page.get_by_label(t("What do you need?")).fill(TYPED_PURPOSE)
    page.get_by_label(t("Collect it at the hall")).check()
    continue_apply(page, t, 6)  # the server now holds a draft with all of it


def _nothing_of_the_first_person(page: Page, frames: list[str]) -> None:
    storage = page.evaluate("JSON.stringify([Object.entries(sessionStorage), Object.entries(localStorage)])")
    html = page.content()
    received = "\n".join(frames)
    for trace in _first_persons_traces():
        assert trace not in html, f"the page shows {trace!r}"
        assert trace not in storage, f"the browser keeps {trace!r}: {storage}"
        assert trace not in received, f"the server sent {trace!r}"


def _second_person_applies(page: Page, locale: str, frames: list[str]) -> None:
    """The second person opens the same service and goes through its steps."""
    t = gettext_for(locale)
    page.goto(f"/{locale}/apply/{SERVICE}/")
    expect(page.get_by_text(t("Step %(number)s of %(total)s") % {"number": 1, "total": 7})).to_be_visible()
    expect(page.locator("main h1 [data-content]")).to_be_visible()
    expect(page.get_by_text(t("We kept your unfinished application. You can carry on where you stopped."))).to_have_count(0)
    _nothing_of_the_first_person(page, frames)
    page.get_by_label(t("I meet these conditions")).check()
    for step in (2, 3, 4, 5):
        continue_apply(page, t, step)
        _nothing_of_the_first_person(page, frames)
    expect(page.get_by_label(t("What do you need?"))).to_have_value("")


def test_the_next_person_after_a_log_out_inherits_nothing(page: Page, base_url):
    locale = "zh"
    t = gettext_for(locale)
    no_drafts(base_url, SERVICE, FIRST["phone"], SECOND_PHONE)
    _start_an_application(page, locale)
    page.goto(f"/{locale}/me/")
    page.get_by_role("button", name=t("Log out")).click()
    page.wait_for_url(f"**/{locale}/")
    frames = record_frames(page)
    page.goto(f"/{locale}/login/")
    _log_in(page, locale, SECOND_PHONE)
    page.wait_for_url(f"**/{locale}/me/")
    _second_person_applies(page, locale, frames)


def test_the_next_person_after_an_expired_session_inherits_nothing(page: Page, base_url, portal_db):
    """The first person walks away without logging out; their session runs out."""
    locale = "en"
    no_drafts(base_url, SERVICE, FIRST["phone"], SECOND_PHONE)
    _start_an_application(page, locale)
    with Session(portal_db) as session:
        for token in session.exec(select(models.AuthToken).where(models.AuthToken.account_id == "zhang-wei")):
            token.expires_at = models.utcnow() - dt.timedelta(minutes=1)
            session.add(token)
        session.commit()
    page.goto(f"/{locale}/apply/{SERVICE}/")
    page.wait_for_url(re.compile(rf"/{locale}/login/\?next=.*expired=1"))
    frames = record_frames(page)  # the second person sits down
    _log_in(page, locale, SECOND_PHONE)
    page.wait_for_url(f"**/{locale}/apply/{SERVICE}/")
    _second_person_applies(page, locale, frames)


def test_the_same_person_after_an_expired_session_finds_what_they_typed(page: Page, portal_db):
    """Nothing typed is lost for the person it belongs to."""
    locale = "fr"
    t = gettext_for(locale)
    page.goto(f"/{locale}/interact/suggestion/")
    page.wait_for_url(f"**/{locale}/interact/suggestion/")
    page.get_by_label(t("Subject")).fill("Bancs au parc du port")
    page.goto(f"/{locale}/login/?next=/{locale}/interact/suggestion/")
    _log_in(page, locale, SECOND_PHONE)
    page.wait_for_url(f"**/{locale}/interact/suggestion/")
    expect(page.get_by_label(t("Subject"))).to_have_value("Bancs au parc du port")


def test_the_session_cookie_is_the_servers(page: Page):
    locale = "ko"
    page.goto(f"/{locale}/login/")
    _log_in(page, locale, SECOND_PHONE)
    page.wait_for_url(f"**/{locale}/me/")
    cookie = next(c for c in page.context.cookies() if c["name"] == "portal_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"
    assert not cookie["secure"]  # served over plain http here; over https it is Secure
    lifetime = cookie["expires"] - dt.datetime.now().timestamp()
    assert 25 * 60 < lifetime <= 30 * 60 + 5, lifetime  # the token's 30 minutes, not 8 hours
    assert "portal_session" not in page.evaluate("document.cookie")
