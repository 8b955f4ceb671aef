"""What the portal and the kiosk both show of a joint application (一件事一次办):
one receipt number and a progress line per member service, each with its own
status and timeline."""

from __future__ import annotations

import dataclasses

import reflex as rx

from clients import bundles
from components.links import locale_href, nav_link
from components.records import StepView, status_label, timeline
from frontend.formatting import date_text, datetime_text
from locales import gettext_for


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


def joint_lines(locale: str, lines: rx.Var, heading: str = "h3", links: bool = True) -> rx.Component:
    """A progress line per member service: its name (a link to its guide, unless ``links`` is off), status and timeline."""
    _ = gettext_for(locale)
    title = getattr(rx.el, heading)
    return rx.el.ol(
        rx.foreach(
            lines,
            lambda line: rx.el.li(
                title(nav_link(line.service, href=line.guide_href) if links else line.service, custom_attrs={"data-content": ""}),
                rx.el.p(_("Status:"), " ", rx.el.strong(status_label(locale, line.status))),
                timeline(locale, line.steps),
                class_name="joint-line",
                custom_attrs={"data-testid": "joint-line"},
            ),
        ),
        class_name="record-list joint-lines",
        aria_label=_("Progress of each service"),
    )
