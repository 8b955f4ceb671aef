"""Rating a finished application or appointment (好差评): ease, speed and
attitude from 1 to 5, and a comment. Once per item."""

from __future__ import annotations

import datetime as dt

import reflex as rx

from clients import applications, halls, interaction
from clients.base import ClientError, Conflict, NotFound, Unauthorised, Unavailable
from components.fields import choice_group, error_summary, field
from components.links import locale_href, nav_link
from components.notices import notice, unavailable_notice
from components.page import page_frame
from frontend import validation
from frontend.session import api_token, login_url, token_refused
from locales import N_, api_locale, gettext_for

SCALE = (("5", N_("Very good")), ("4", N_("Good")), ("3", N_("Acceptable")), ("2", N_("Poor")), ("1", N_("Very poor")))
QUESTIONS = (
    ("ease", N_("How easy was it?")),
    ("speed", N_("How quickly was it done?")),
    ("attitude", N_("How helpful and polite were the staff?")),
)
COMMENT = validation.text(500)


class RateState(rx.State):
    target_type: str = ""
    target_id: str = ""
    subject: str = ""
    outcome: str = ""  # "", ready, rated, already_rated, not_finished, not_found, unavailable
    errors: dict[str, str] = {}
    busy: bool = False

    @rx.event
    async def load(self, locale: str):
        query = self.router.url.query_parameters
        self.target_type = str(query.get("type", "")) if query.get("type") in ("application", "appointment") else ""
        self.target_id = "".join(c for c in str(query.get("id", "")) if c.isdigit())[:14]
        self.errors, self.busy, self.outcome = {}, False, ""
        token = await api_token(self)
        if not token:
            yield rx.redirect(login_url(locale, f"{self.router.url.path}?type={self.target_type}&id={self.target_id}"))
            return
        if not self.target_type or len(self.target_id) != 14:
            self.outcome = "not_found"
            return
        language = api_locale(locale)
        try:
            if self.target_type == "application":
                found = await applications.track(language, self.target_id, token=token)
                finished = found.status == "completed"
            else:
                found = await halls.appointment(language, self.target_id, token=token)
                finished = found.status == "booked" and dt.datetime.combine(found.day, found.ends) <= dt.datetime.now()
            self.subject = found.service.name
            evaluable = found.evaluable
        except Unauthorised:
            await token_refused(self)
            yield rx.redirect(login_url(locale, f"{self.router.url.path}?type={self.target_type}&id={self.target_id}", expired=True))
            return
        except NotFound:
            self.outcome = "not_found"
            return
        except ClientError:
            self.outcome = "unavailable"
            return
        self.outcome = "ready" if evaluable else "already_rated" if finished else "not_finished"

    @rx.event
    async def rate(self, locale: str, form: dict):
        if self.busy:
            return
        scores = {name: str(form.get(name, "")) for name, _label in QUESTIONS}
        comment = validation.check(COMMENT, str(form.get("comment", "")), required=False)
        errors = {name: None if value in dict(SCALE) else "invalid_choice" for name, value in scores.items()}
        errors["comment"] = comment.error
        self.errors = {k: v for k, v in errors.items() if v}
        if self.errors:
            yield rx.set_focus("rate-server-summary")
            return
        self.busy = True
        yield
        token = await api_token(self)
        rating = interaction.Rating(target_type=self.target_type, target_id=self.target_id, comment=comment.value, **{k: int(v) for k, v in scores.items()})
        try:
            await interaction.rate(api_locale(locale), rating, token=token)
        except Conflict as error:
            self.outcome = "already_rated" if error.code == "already_rated" else "not_finished"
        except Unauthorised:
            self.busy = False
            yield rx.redirect(login_url(locale, f"{self.router.url.path}?type={self.target_type}&id={self.target_id}", expired=True))
            return
        except ClientError as error:
            self.outcome = "unavailable" if isinstance(error, Unavailable) else "not_found"
        else:
            self.outcome = "rated"
        self.busy = False
        yield rx.set_focus("rate-outcome")


def rate_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    labels = {name: _(question) for name, question in QUESTIONS} | {"comment": _("Anything else you want to tell us?")}
    form = rx.el.form(
        error_summary(locale, "rate", RateState.errors, labels),
        *(
            choice_group(locale, name, _(question), [(value, _(label)) for value, label in SCALE], errors=RateState.errors, form_id="rate")
            for name, question in QUESTIONS
        ),
        field(locale, "comment", labels["comment"], rule=COMMENT, errors=RateState.errors, form_id="rate", kind="textarea", required=False, rows=4, hint=_("Optional, up to 500 characters.")),
        rx.el.button(rx.cond(RateState.busy, _("Sending…"), _("Send my rating")), type="submit", class_name="button", aria_disabled=RateState.busy),
        on_submit=RateState.rate(locale),
        no_validate=True,
        custom_attrs=validation.form_attributes(**{"data-keep": "rate"}),
    )
    back = nav_link(_("Back to my account"), href=locale_href(locale, "me"))
    return page_frame(
        locale,
        "rate",
        rx.el.h1(_("Rate a service")),
        rx.cond(RateState.subject != "", rx.el.p(RateState.subject, class_name="lead", custom_attrs={"data-content": ""})),
        rx.el.div(
            rx.match(
                RateState.outcome,
                ("ready", form),
                ("rated", notice(rx.el.p(_("Thank you. Your rating has been recorded and is sent to the department.")), back, tone="info")),
                ("already_rated", notice(rx.el.p(_("You have already rated this. Each application or visit can be rated once.")), back, tone="warning")),
                ("not_finished", notice(rx.el.p(_("You can rate this once it is finished.")), back, tone="warning")),
                ("not_found", notice(rx.el.p(_("We cannot find this item in your account.")), back, tone="warning")),
                ("unavailable", unavailable_notice(locale)),
                rx.el.p(_("Loading…"), class_name="loading"),
            ),
            id="rate-outcome",
            tab_index=-1,
            aria_live="polite",
        ),
        trail=[(_("My account"), "me"), (_("Rate a service"), "rate")],
    )


def rate_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Rate a service")


def rate_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Rate a finished application or appointment on ease, speed and attitude.")
