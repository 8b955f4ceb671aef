"""Logging in: phone and password, phone and a one-time code, or - for
foreign residents - passport number and password."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

import reflex as rx
from babel import Locale

from clients import accounts
from clients.base import ClientError, InvalidInput, RateLimited
from components.fields import error_summary, field
from components.links import locale_href, nav_link
from components.notices import notice
from components.page import page_frame
from frontend import validation
from frontend.session import SessionState, hand_over, safe_next
from locales import N_, api_locale, babel_locale, gettext_for

# Each way of logging in has its own prerendered page, so the right form is
# there from the first paint (no swap under a user who is already typing).
METHODS = (
    ("login", N_("Phone and password")),
    ("login/code", N_("Phone and one-time code")),
    ("login/passport", N_("Passport (foreign residents)")),
)
# Nationalities listed first in the passport form; all others follow by name.
COMMON_NATIONALITIES = ("KR", "JP", "US", "FR", "GB", "DE", "RU", "SG", "MY", "TH", "VN", "IN", "CA", "AU")


def nationality_options(locale: str) -> list[tuple[str, str]]:
    """Every country, named in the page's language (CLDR), common ones first."""
    names = Locale.parse(babel_locale(locale)).territories
    countries = {code: name for code, name in names.items() if len(code) == 2 and code.isalpha() and code not in ("CN", "ZZ", "EU", "EZ", "UN", "QO")}
    common = [(code, countries[code]) for code in COMMON_NATIONALITIES]
    rest = sorted(((c, n) for c, n in countries.items() if c not in COMMON_NATIONALITIES), key=lambda item: item[1])
    return common + rest


class LoginState(rx.State):
    back_to: str = ""
    expired: bool = False
    problem: str = ""  # an error code for the whole form
    errors: dict[str, str] = {}
    code_sent: bool = False
    _code_phone: str = ""
    busy: bool = False

    @rx.event
    def load(self, locale: str):
        query = self.router.url.query_parameters
        self.back_to = safe_next(locale, str(query.get("next", "")))
        self.expired = query.get("expired") == "1"
        self.problem = ""
        self.errors = {}
        self.busy = False

    @rx.var
    def next_query(self) -> str:
        """Carries the page to return to when the user switches the way of logging in."""
        return "?" + urlencode({"next": self.back_to}) if self.back_to else ""

    def _fail(self, error: ClientError, fields: dict[str, str] | None = None):
        self.busy = False
        if isinstance(error, InvalidInput):
            self.errors = {(fields or {}).get(name, name): code for name, code in error.fields.items()}
            self.problem = "validation_failed"
        else:
            self.problem = error.code
        return rx.set_focus("login-problem")

    async def _succeed(self, result: accounts.LoginResult):
        """The page stays busy: session.js collects the token into the cookie
        and loads the page to go back to."""
        await hand_over(self, result, self.back_to)

    def _check(self, checks: dict[str, str | None]) -> bool:
        """Record the UI's own field errors; True when there are none."""
        self.errors = {name: code for name, code in checks.items() if code}
        self.problem = "validation_failed" if self.errors else ""
        return not self.errors

    @rx.event
    async def with_password(self, locale: str, form: dict):
        phone = validation.check(validation.MOBILE_CN, str(form.get("phone", "")))
        password = validation.check(validation.PASSWORD, str(form.get("password", "")))
        if not self._check({"phone": phone.error, "password": password.error}):
            yield rx.set_focus("login-problem")
            return
        self.busy = True
        yield
        try:
            result = await accounts.log_in_with_password(api_locale(locale), phone.value, password.value)
        except ClientError as error:
            yield self._fail(error)
            return
        await self._succeed(result)

    @rx.event
    async def send_code(self, locale: str, form: dict):
        phone = validation.check(validation.MOBILE_CN, str(form.get("phone", "")))
        if not self._check({"phone": phone.error}):
            return rx.set_focus("login-problem")
        self._code_phone = phone.value
        try:
            await accounts.request_code(api_locale(locale), phone.value)
        except RateLimited:
            self.code_sent = True  # a code was sent a moment ago; it still works
            return rx.set_focus("code-code")
        except ClientError as error:
            return self._fail(error)
        self.code_sent = True
        return rx.set_focus("code-code")

    @rx.event
    async def with_code(self, locale: str, form: dict):
        phone = self._code_phone
        code = validation.check(validation.ONE_TIME_CODE, str(form.get("code", "")))
        if not self._check({"code": code.error}):
            yield rx.set_focus("login-problem")
            return
        self.busy = True
        yield
        try:
            result = await accounts.log_in_with_code(api_locale(locale), phone, code.value)
        except ClientError as error:
            yield self._fail(error)
            return
        await self._succeed(result)

    @rx.event
    async def with_passport(self, locale: str, form: dict):
        number = validation.check(validation.PASSPORT, str(form.get("passport_number", "")))
        nationality = str(form.get("nationality", ""))
        password = validation.check(validation.PASSWORD, str(form.get("password", "")))
        if not self._check(
            {
                "passport_number": number.error,
                "nationality": None if len(nationality) == 2 else "invalid_choice",
                "password": password.error,
            }
        ):
            yield rx.set_focus("login-problem")
            return
        self.busy = True
        yield
        try:
            result = await accounts.log_in_with_passport(api_locale(locale), number.value, nationality, password.value)
        except ClientError as error:
            yield self._fail(error)
            return
        await self._succeed(result)


def _problem(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    messages = {
        "wrong_credentials": _("The details you entered do not match an account. Check them and try again."),
        "account_locked": _("This account is locked. Call 12345 or visit a service hall to have it unlocked."),
        "too_many_attempts": _("Too many wrong attempts. Please wait a few minutes and try again, or call 12345."),
        "code_invalid": _("That code is not right. Check the text message and try again."),
        "code_expired": _("That code has expired. Ask for a new one."),
        "rate_limited": _("Please wait a minute before asking for another code."),
        "unavailable": _("We cannot log you in right now because the service is not available. Please try again in a few minutes."),
    }
    return rx.el.div(
        rx.cond(
            (LoginState.problem != "") & (LoginState.problem != "validation_failed"),
            notice(rx.el.p(rx.match(LoginState.problem, *messages.items(), _("Something went wrong. Please try again."))), tone="error"),
        ),
        rx.cond(
            SessionState.handing_over,
            rx.el.div(
                rx.el.div(notice(rx.el.p(_("Something went wrong. Please try again.")), tone="error"), hidden=True, custom_attrs={"data-session-problem": ""}),
                custom_attrs={"data-session-begin": ""},
            ),
        ),
        id="login-problem",
        tab_index=-1,
        role="alert",
    )


def _password_form(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    labels = {"phone": _("Mobile phone number"), "password": _("Password")}
    return rx.el.form(
        error_summary(locale, "password", LoginState.errors, labels),
        field(locale, "phone", labels["phone"], rule=validation.MOBILE_CN, errors=LoginState.errors, form_id="password", kind="tel", autocomplete="tel-national", input_mode="tel", hint=_("11 digits, for example 13800138000")),
        field(locale, "password", labels["password"], rule=validation.PASSWORD, errors=LoginState.errors, form_id="password", kind="password", autocomplete="current-password"),
        rx.el.button(_("Log in"), type="submit", class_name="button", disabled=LoginState.busy),
        on_submit=LoginState.with_password(locale),
        no_validate=True,
        custom_attrs=validation.form_attributes(),
    )


def _code_form(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    labels = {"phone": _("Mobile phone number"), "code": _("One-time code")}
    return rx.fragment(
        rx.el.form(
            error_summary(locale, "code", LoginState.errors, labels),
            field(locale, "phone", labels["phone"], rule=validation.MOBILE_CN, errors=LoginState.errors, form_id="code", kind="tel", autocomplete="tel-national", input_mode="tel", hint=_("We will send a 6-digit code to this number.")),
            rx.el.button(rx.cond(LoginState.code_sent, _("Send another code"), _("Send me a code")), type="submit", class_name="button button--secondary"),
            on_submit=LoginState.send_code(locale),
            no_validate=True,
            id="code-request",
            custom_attrs=validation.form_attributes(**{"data-keep": "login-code"}),
        ),
        rx.cond(
            LoginState.code_sent,
            rx.el.form(
                rx.el.p(_("We have sent a code. It works for 5 minutes."), role="status"),
                field(locale, "code", labels["code"], rule=validation.ONE_TIME_CODE, errors=LoginState.errors, form_id="code", kind="text", autocomplete="one-time-code", input_mode="numeric"),
                rx.el.button(_("Log in"), type="submit", class_name="button", disabled=LoginState.busy),
                on_submit=LoginState.with_code(locale),
                no_validate=True,
                custom_attrs=validation.form_attributes(),
            ),
        ),
    )


def _passport_form(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    labels = {"passport_number": _("Passport number"), "nationality": _("Nationality"), "password": _("Password")}
    return rx.el.form(
        error_summary(locale, "passport", LoginState.errors, labels),
        field(locale, "passport_number", labels["passport_number"], rule=validation.PASSPORT, errors=LoginState.errors, form_id="passport", autocomplete="off", hint=_("As printed on the photo page of your passport.")),
        rx.el.div(
            rx.el.label(labels["nationality"], html_for="passport-nationality"),
            rx.el.select(
                rx.el.option(_("Choose your nationality"), value=""),
                *(rx.el.option(name, value=code) for code, name in nationality_options(locale)),
                id="passport-nationality",
                name="nationality",
                required=True,
                custom_attrs={"data-error-required": _("Choose your nationality.")},
                aria_describedby="passport-nationality-error",
            ),
            rx.el.p(id="passport-nationality-error", class_name="field-error", hidden=True),
            class_name="field",
        ),
        field(locale, "password", labels["password"], rule=validation.PASSWORD, errors=LoginState.errors, form_id="passport", kind="password", autocomplete="current-password"),
        rx.el.button(_("Log in"), type="submit", class_name="button", disabled=LoginState.busy),
        on_submit=LoginState.with_passport(locale),
        no_validate=True,
        custom_attrs=validation.form_attributes(),
    )


def login_page(path: str, form: Callable[[str], rx.Component]) -> Callable[[str], rx.Component]:
    def render(locale: str) -> rx.Component:
        _ = gettext_for(locale)
        return page_frame(
            locale,
            path,
            rx.el.h1(_("Log in")),
            rx.cond(
                LoginState.expired,
                notice(rx.el.p(_("For your safety we logged you out after a period without activity. Log in again and you will return to where you were; nothing you typed is lost.")), tone="warning"),
            ),
            rx.el.nav(
                rx.el.ul(
                    *(
                        rx.el.li(nav_link(_(label), href=locale_href(locale, tab) + LoginState.next_query, aria_current="page" if tab == path else None))
                        for tab, label in METHODS
                    )
                ),
                aria_label=_("Ways to log in"),
                class_name="tabs",
            ),
            _problem(locale),
            rx.el.section(form(locale), class_name="narrow"),
            rx.el.p(_("No account yet? You can register at any service hall, or call 12345 and we will help you."), class_name="hint"),
            trail=[(_("Log in"), "login")],
        )

    return render


LOGIN_PAGES = (("login", _password_form), ("login/code", _code_form), ("login/passport", _passport_form))


def login_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Log in")


def login_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Log in to apply online, follow your applications and manage your appointments.")
