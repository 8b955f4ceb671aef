"""The personal centre's joint applications (一件事一次办), each with a
progress line per member service (components/joint_records.py)."""

from __future__ import annotations

import reflex as rx

from clients import bundles
from clients.base import ClientError
from components.joint_records import JointView, joint_lines, joint_view
from components.links import nav_link
from frontend.session import api_token
from locales import api_locale, gettext_for


class MyJointApplicationsState(rx.State):
    """The personal centre's joint applications (loaded beside the page's own state)."""

    joint: list[JointView] = []

    @rx.event
    async def load(self, locale: str):
        token = await api_token(self)
        self.joint = []
        if not token:
            return
        try:
            found = await bundles.my_joint_applications(api_locale(locale), token)
        except ClientError:
            return  # the page's own state reports an ended session and outages
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
