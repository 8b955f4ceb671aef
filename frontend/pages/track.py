"""Progress lookup (办件查询) by receipt number, with or without logging in:
the timeline of steps and what happens next."""

from __future__ import annotations

import dataclasses

import reflex as rx

from clients import applications, bundles
from clients.base import ClientError, NotFound, Unauthorised, Unavailable
from components.notices import notice, unavailable_notice
from components.page import page_frame
from components.joint_records import JointView, joint_lines, joint_view
from components.records import StepView, instant_approval_note, next_step_text, status_label, timeline
from frontend import validation
from frontend.formatting import date_text, datetime_text
from frontend.session import api_token
from locales import api_locale, gettext_for

@dataclasses.dataclass
class TrackView:
    receipt: str = ""
    service: str = ""
    status: str = ""
    submitted: str = ""
    steps: list[StepView] = dataclasses.field(default_factory=list)
    next_step: str = ""
    result: str = ""
    instant: bool = False


class TrackState(rx.State):
    receipt: str = ""
    outcome: str = ""  # "", found, joint (a joint application), not_found, invalid, unavailable
    view: TrackView = TrackView()
    joint: JointView = JointView()

    async def _look_up(self, locale: str, typed: str):
        checked = validation.check(validation.RECEIPT, typed)
        self.receipt = typed if checked.error else checked.value  # a wrong number stays as typed, to correct
        if checked.error:
            self.outcome = "invalid"
            return rx.set_focus("track-receipt")
        receipt = checked.value
        token = await api_token(self)
        try:
            found = await applications.track(api_locale(locale), receipt, token=token)
        except Unauthorised:
            # An expired session does not stop a public lookup.
            found = await applications.track(api_locale(locale), receipt)
        except NotFound:
            return await self._look_up_joint(locale, receipt, token)
        except ClientError as error:
            self.outcome = "unavailable" if isinstance(error, Unavailable) else "not_found"
            return rx.set_focus("track-outcome")
        self.view = TrackView(
            receipt=found.id,
            service=found.service.name,
            status=found.status,
            submitted=date_text(found.created_at.date(), locale),
            steps=[StepView(s.step, s.done_at is not None, datetime_text(s.done_at, locale) if s.done_at else "") for s in found.steps],
            next_step=found.next_step or "",
            result=found.result or "",
            instant=found.instant_approval,
        )
        self.outcome = "found"
        return rx.set_focus("track-outcome")

    async def _look_up_joint(self, locale: str, receipt: str, token: str | None):
        """Not a single application: a joint one (一件事一次办) has a line per member service."""
        try:
            try:
                found = await bundles.track(api_locale(locale), receipt, token=token)
            except Unauthorised:
                found = await bundles.track(api_locale(locale), receipt)
        except NotFound:
            self.outcome = "not_found"
            return rx.set_focus("track-outcome")
        except ClientError as error:
            self.outcome = "unavailable" if isinstance(error, Unavailable) else "not_found"
            return rx.set_focus("track-outcome")
        self.joint = joint_view(found, locale)
        self.outcome = "joint"
        return rx.set_focus("track-outcome")

    @rx.event
    async def load(self, locale: str):
        self.outcome = ""
        receipt = str(self.router.url.query_parameters.get("receipt", ""))
        if receipt.strip():
            return await self._look_up(locale, receipt)

    @rx.event
    async def look_up(self, locale: str, form: dict):
        return await self._look_up(locale, str(form.get("receipt", "")))


def track_form(locale: str, form_id: str = "track") -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.form(
        rx.el.div(
            rx.el.label(_("Receipt number"), html_for=f"{form_id}-receipt", class_name="label--large"),
            rx.el.p(_("The 14-digit number you got when you applied, for example 20261122123456."), id=f"{form_id}-receipt-hint", class_name="hint"),
            rx.el.p(
                rx.cond(TrackState.outcome == "invalid", _("Enter all 14 digits of the receipt number."), ""),
                id=f"{form_id}-receipt-server-error",
                class_name="field-error",
                hidden=TrackState.outcome != "invalid",
            ),
            rx.el.p(id=f"{form_id}-receipt-error", class_name="field-error", hidden=True),
            rx.el.input(
                id=f"{form_id}-receipt",
                name="receipt",
                input_mode="numeric",
                auto_complete="off",
                required=True,
                default_value=TrackState.receipt,
                key=TrackState.receipt,
                aria_invalid=rx.cond(TrackState.outcome == "invalid", "true", None),
                aria_describedby=f"{form_id}-receipt-hint {form_id}-receipt-error {form_id}-receipt-server-error",
                custom_attrs={
                    "data-error-required": _("Enter the receipt number."),
                    "data-error-format": _("Enter all 14 digits of the receipt number."),
                    "data-error-invalid-characters": _("Enter all 14 digits of the receipt number."),
                    **validation.RECEIPT.attributes(),
                },
                class_name="input--wide",
            ),
            class_name=rx.cond(TrackState.outcome == "invalid", "field field--error", "field"),
        ),
        rx.el.button(_("Check progress"), type="submit", class_name="button"),
        on_submit=TrackState.look_up(locale),
        no_validate=True,
        custom_attrs=validation.form_attributes(),
    )


def track_result(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    view = TrackState.view
    return rx.el.div(
        rx.match(
            TrackState.outcome,
            (
                "found",
                rx.el.section(
                    rx.el.h2(view.service, custom_attrs={"data-content": ""}),
                    rx.el.p(_("Receipt number:"), " ", rx.el.strong(view.receipt, custom_attrs={"translate": "no"}), " · ", _("Submitted:"), " ", view.submitted, class_name="meta"),
                    rx.el.p(_("Status:"), " ", rx.el.strong(status_label(locale, view.status)), class_name="lead"),
                    rx.cond(view.instant, instant_approval_note(locale)),
                    timeline(locale, view.steps),
                    rx.cond(
                        view.next_step != "",
                        rx.el.p(rx.el.strong(_("What happens next:")), " ", next_step_text(locale, view.next_step)),
                    ),
                    rx.cond(view.result != "", rx.el.p(rx.el.strong(_("Result:")), " ", rx.el.span(view.result, custom_attrs={"data-content": ""}))),
                    aria_label=_("Progress of your application"),
                ),
            ),
            (
                "joint",
                rx.el.section(
                    rx.el.h2(TrackState.joint.bundle, custom_attrs={"data-content": ""}),
                    rx.el.p(_("Receipt number:"), " ", rx.el.strong(TrackState.joint.receipt, custom_attrs={"translate": "no"}), " · ", _("Submitted:"), " ", TrackState.joint.submitted, class_name="meta"),
                    rx.el.p(_("A joint application: each service below is handled by its own department and moves at its own pace."), class_name="lead"),
                    joint_lines(locale, TrackState.joint.lines),
                    aria_label=_("Progress of your application"),
                ),
            ),
            ("not_found", notice(rx.el.p(_("We cannot find an application with this number. Check the digits, or call 12345.")), tone="warning")),
            ("unavailable", unavailable_notice(locale)),
            rx.fragment(),
        ),
        id="track-outcome",
        tab_index=-1,
        aria_live="polite",
    )


def track_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "track",
        rx.el.h1(_("Check the progress of an application")),
        rx.el.p(_("You do not need to log in. Log in to see your personal details too."), class_name="lead"),
        track_form(locale),
        track_result(locale),
        trail=[(_("Check progress"), "track")],
    )


def track_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Check the progress of an application")


def track_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Look up an application by its receipt number and see each step.")
