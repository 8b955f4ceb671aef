"""Who is logged in, and the moment one person's session ends and the next
one's begins.

The API token lives in an HttpOnly cookie that only the server sets, at
``/_portal/session``: page scripts never see it, and it lasts as long as the
token. Reflex's backend reads it from the cookie header of the tab's
websocket handshake, so a reload or a new tab stays logged in; logging in
and out therefore end with a full page load, which opens a new websocket.

Shared computers are the normal case. Every session boundary - logging in,
logging out, the kiosk's idle reset - takes the same two steps:

1. the server resets every state of the tab (each page's substate, whatever
   it holds, :func:`reset_every_state`) and sets or clears the cookie;
2. the browser (``components/session.js``) forgets what it kept for the last
   person - sessionStorage (kept form copies, Reflex's client token) and
   localStorage except the device's accessibility preferences - and loads
   the next page afresh: a new DOM, a new Reflex client token, a new state.

Logging in keeps what the tab held only for the same person: what was typed
before logging in, or before a session expired, is theirs. A different
person after an expiry gets none of it; an opaque owner tag per tab tells
them apart.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
from collections.abc import AsyncIterator, Awaitable
from contextlib import asynccontextmanager
from urllib.parse import urlencode

import reflex as rx
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.requests import cookie_parser

from clients import accounts
from clients.base import ClientError, Unauthorised
from components.links import locale_href
from locales import DEFAULT_LOCALE, LOCALES, api_locale

SESSION_COOKIE = "portal_session"
CLIENT_HEADER = "X-Portal-Client"  # the tab's Reflex client token, sent by session.js
SALT_HEADER = "X-Portal-Salt"  # the tab's random salt for the owner tag
GRANT_SECONDS = 60  # a login's token waits this long for the browser to collect it
_TAB_TOKEN = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_SALT = re.compile(r"^[0-9a-f]{32}$")


def login_url(locale: str, back_to: str, expired: bool = False) -> str:
    query = {"next": back_to}
    if expired:
        query["expired"] = "1"
    return locale_href(locale, "login") + "?" + urlencode(query)


def safe_next(locale: str, target: str | None) -> str:
    """Only a path of this portal, never another site (no open redirect)."""
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        first = target.split("/")[1] if len(target.split("/")) > 1 else ""
        if first in LOCALES:
            return target
    return locale_href(locale, "me")


class SessionState(rx.State):
    """The tab's side of the session. The token itself is never a state var:
    it comes from the cookie (:func:`api_token`)."""

    # The token of a login, until session.js collects it into the cookie:
    # {"token", "expires_at" (POSIX seconds), "account", "next", "issued"}.
    _grant: dict = {}
    # A token the back end refused (expired or revoked), ignored until the cookie changes.
    _refused: str = ""
    # True once a login waits to be collected: the login page then shows the
    # signal session.js acts on.
    handing_over: bool = False


def _cookie_token(state: rx.State) -> str:
    return cookie_parser(state.router.headers.cookie or "").get(SESSION_COOKIE, "")


async def api_token(state: rx.State) -> str | None:
    """The API token of the person logged in on this tab, from the session
    cookie its websocket sent; None when nobody is (or the back end has
    refused the token since)."""
    token = _cookie_token(state)
    if not token or token == (await state.get_state(SessionState))._refused:
        return None
    return token


async def token_refused(state: rx.State) -> None:
    """The back end refused the tab's token (expired, revoked): treat the tab
    as logged out until a new login sets a new cookie."""
    (await state.get_state(SessionState))._refused = _cookie_token(state)


class SessionEnded(Exception):
    """The back end refused the tab's token in the middle of a form (``expired``:
    it timed out rather than being revoked); the caller sends the person to log in."""

    def __init__(self, expired: bool):
        super().__init__("session ended")
        self.expired = expired


async def keep_draft(state: rx.State, save: Awaitable[object]) -> None:
    """Await ``save``, a typed client's draft call. If the back end cannot take
    it, ``state.problem`` becomes ``"draft_not_saved"`` (the answers stay in the
    tab) until a later save succeeds. Raises :class:`SessionEnded` when the
    token is refused, after marking it refused (:func:`token_refused`)."""
    try:
        await save
        if state.problem == "draft_not_saved":
            state.problem = ""
    except Unauthorised as error:
        await token_refused(state)
        raise SessionEnded(error.code == "token_expired") from None
    except ClientError:
        state.problem = "draft_not_saved"


async def hand_over(state: rx.State, result: accounts.LoginResult, back_to: str) -> None:
    """After a successful login: keep the token for the browser to collect
    into the cookie (``POST /_portal/session``)."""
    expires_at = result.expires_at if result.expires_at.tzinfo else result.expires_at.replace(tzinfo=dt.UTC)
    session = await state.get_state(SessionState)
    session._grant = {"token": result.token, "expires_at": expires_at.timestamp(), "account": result.profile.id, "next": back_to, "issued": time.time()}
    session.handing_over = True


def _state_classes(cls: type[rx.State]) -> list[type[rx.State]]:
    classes = [cls]
    for substate in cls.get_substates():
        classes.extend(_state_classes(substate))
    return classes


async def reset_every_state(state: rx.State) -> None:
    """Every state of the tab back to its defaults: each page's substate,
    the ones a future page adds included. Each is loaded first, since a
    state manager may hold only the substates a tab has used (Redis)."""
    root = state._get_root_state()
    for cls in _state_classes(type(root)):
        await root.get_state(cls)
    root.reset()


@asynccontextmanager
async def _tab_state(request: Request) -> AsyncIterator[SessionState | None]:
    """The SessionState of the tab that sent the request (its Reflex client
    token in ``X-Portal-Client``), under the tab's lock; None without one."""
    client = request.headers.get(CLIENT_HEADER, "")
    if not _TAB_TOKEN.match(client):
        yield None
        return
    from reflex.utils.prerequisites import get_and_validate_app

    app = get_and_validate_app().app
    async with app.modify_state(rx.BaseStateToken(ident=client, cls=SessionState)) as state:
        yield await state.get_state(SessionState)


def _cookie_options(request: Request) -> dict:
    secure = request.url.scheme == "https" or request.headers.get("x-forwarded-proto", "").split(",")[0].strip() == "https"
    return {"path": "/", "httponly": True, "samesite": "strict", "secure": secure}


def owner_tag(salt: str, account: str) -> str:
    """Which person a tab's kept copies belong to, without saying who: the
    same account gives the same tag in the same tab only."""
    return hashlib.sha256(f"{salt}:{account}".encode()).hexdigest()


async def begin(request: Request) -> Response:
    """Collect a login's token into the HttpOnly cookie, after resetting every
    state of the tab; answer where to go and the owner tag."""
    salt = request.headers.get(SALT_HEADER, "")
    async with _tab_state(request) as session:
        if session is None or not _SALT.match(salt):
            return JSONResponse({"error": {"code": "invalid", "message": "no tab", "fields": []}}, status_code=400)
        grant = dict(session._grant)
        await reset_every_state(session)
    if not grant or time.time() - grant["issued"] > GRANT_SECONDS:
        return JSONResponse({"error": {"code": "expired", "message": "log in again", "fields": []}}, status_code=409)
    lifetime = int(grant["expires_at"] - time.time())
    response = JSONResponse({"next": grant["next"], "owner": owner_tag(salt, grant["account"])})
    response.set_cookie(SESSION_COOKIE, grant["token"], max_age=max(lifetime, 0), **_cookie_options(request))
    return response


async def end(request: Request) -> Response:
    """Log out: the back end forgets the token, every state of the tab is
    reset and the cookie is cleared. From session.js (the tab named in its
    header) the answer is empty; a plain form post (no script) is sent home."""
    token = request.cookies.get(SESSION_COOKIE)
    form = await request.form() if "form" in request.headers.get("content-type", "") else {}
    locale = str(form.get("locale", DEFAULT_LOCALE))
    locale = locale if locale in LOCALES else DEFAULT_LOCALE
    if token:
        try:
            await accounts.log_out(api_locale(locale), token)
        except ClientError:
            pass  # the cookie goes whatever the back end says; the token expires on its own
    async with _tab_state(request) as session:
        if session is not None:
            await reset_every_state(session)
    response: Response = Response(status_code=204) if request.headers.get(CLIENT_HEADER) else RedirectResponse(locale_href(locale), status_code=303)
    response.delete_cookie(SESSION_COOKIE, **_cookie_options(request))
    return response


def add_session_routes(api: FastAPI) -> None:
    api.add_api_route("/_portal/session", begin, methods=["POST"], include_in_schema=False)
    api.add_api_route("/_portal/session/end", end, methods=["POST"], include_in_schema=False)
