"""Who is logged in: the API token lives in a same-site cookie, so a reload or
a new tab stays logged in; pages that need an account send the user to log
in and bring them back to where they were."""

from __future__ import annotations

from urllib.parse import urlencode

import reflex as rx

from clients import accounts
from clients.base import ClientError
from components.links import locale_href
from locales import LOCALES, api_locale

SESSION_COOKIE = "portal_session"


def login_url(locale: str, back_to: str, expired: bool = False) -> str:
    query = {"next": back_to}
    if expired:
        query["expired"] = "1"
    return locale_href(locale, "login") + "?" + urlencode(query)


def safe_next(locale: str, target: str | None) -> str:
    """Only a path of this portal, never another site (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//"):
        first = target.split("/")[1] if len(target.split("/")) > 1 else ""
        if first in LOCALES:
            return target
    return locale_href(locale, "me")


class SessionState(rx.State):
    token: str = rx.Cookie("", name=SESSION_COOKIE, path="/", same_site="strict", max_age=8 * 3600)

    @rx.event
    async def log_out(self, locale: str):
        if self.token:
            try:
                await accounts.log_out(api_locale(locale), self.token)
            except ClientError:
                pass  # the token is dropped here whatever the back end says
        self.token = ""
        return rx.redirect(locale_href(locale))
