"""A joint application's progress (一件事一次办): one receipt number and a line
per member service, each with its own status and timeline. Shown after
submitting, in tracking and in the personal centre."""

from __future__ import annotations

import dataclasses

import reflex as rx

from clients import bundles
from clients.base import ClientError, Unauthorised
from components.links import locale_href, nav_link
from frontend.formatting import date_text, datetime_text
from frontend.pages.me import StepView, status_label, timeline
from frontend.session import SessionState
from locales import api_locale, gettext_for


@dataclasses.dataclass
class LineView:
    service: str = ""
    guide_href: str = ""
    status: str = ""
    steps: list[StepView] = dataclasses.field(default_factory=list)


@dataclasses.dataclass
class JointView:
    receipt: str = ""
    bundle: str = ""
    submitted: str = ""
    track_href: str = ""
    lines: list[LineView] = dataclasses.field(default_factory=list)


def joint_view(application: bundles.JointApplication, locale: str) -> JointView:
    return JointView(
        receipt=application.id,
        bundle=application.bundle.name,
        submitted=date_text(application.created_at.date(), locale),
        track_href=locale_href(locale, f"track?receipt={application.id}"),
        lines=[
            LineView(
                service=line.service.name,
                guide_href=locale_href(locale, f"services/{line.service.id}"),
                status=line.status,
                steps=[StepView(s.step, s.done_at is not None, datetime_text(s.done_at, locale) if s.done_at else "") for s in line.steps],
            )
            for line in application.lines
        ],
    )


def joint_lines(locale: str, lines: rx.Var, heading: str = "h3") -> rx.Component:
    """A progress line per member service: its name, status and timeline."""
    _ = gettext_for(locale)
    title = getattr(rx.el, heading)
    return rx.el.ol(
        rx.foreach(
            lines,
            lambda line: rx.el.li(
                title(nav_link(line.service, href=line.guide_href), custom_attrs={"data-content": ""}),
                rx.el.p(_("Status:"), " ", rx.el.strong(status_label(locale, line.status))),
                timeline(locale, line.steps),
                class_name="joint-line",
                custom_attrs={"data-testid": "joint-line"},
            ),
        ),
        class_name="record-list joint-lines",
        aria_label=_("Progress of each service"),
    )


class MyJointApplicationsState(rx.State):
    """The personal centre's joint applications (loaded beside the page's own state)."""

    joint: list[JointView] = []

    @rx.event
    async def load(self, locale: str):
        token = (await self.get_state(SessionState)).token
        self.joint = []
        if not token:
            return
        try:
            found = await bundles.my_joint_applications(api_locale(locale), token)
        except (Unauthorised, ClientError):
            return  # the page's own state reports the session and outages
        self.joint = [joint_view(a, locale) for a in found]


def my_joint_applications(locale: str) -> rx.Component:
    """The personal centre's section: each joint application with its lines (nothing when there are none)."""
    _ = gettext_for(locale)
    return rx.cond(
        MyJointApplicationsState.joint.length() > 0,
        rx.el.section(
            rx.el.h2(_("My joint applications"), id="joint-title"),
            rx.el.ul(
                rx.foreach(
                    MyJointApplicationsState.joint,
                    lambda a: rx.el.li(
                        rx.el.article(
                            rx.el.h3(a.bundle, custom_attrs={"data-content": ""}),
                            rx.el.p(_("Receipt number:"), " ", rx.el.strong(a.receipt, custom_attrs={"translate": "no"}), " · ", _("Submitted:"), " ", a.submitted, class_name="meta"),
                            joint_lines(locale, a.lines, heading="h4"),
                            rx.el.div(nav_link(_("Follow progress"), href=a.track_href, class_name="button button--secondary"), class_name="actions"),
                            class_name="record",
                        )
                    ),
                ),
                class_name="record-list",
            ),
            aria_labelledby="joint-title",
            class_name="section",
        ),
    )
