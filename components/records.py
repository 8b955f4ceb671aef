"""What the portal and the kiosk both show of a record: status and step
labels, the timeline of an application, what happens next, fee and
time-limit wording and QR codes.

Pages (frontend/pages) and kiosk screens (kiosk/screens.py) use this module;
neither imports the other.
"""

from __future__ import annotations

import dataclasses

import reflex as rx
import segno

from frontend.formatting import money_text, number_text
from locales import N_, gettext_for, ngettext_for

STEP_LABELS = {
    "submitted": N_("Submitted"),
    "accepted": N_("Accepted"),
    "in_review": N_("Being reviewed"),
    "decided": N_("Decision made"),
    "completed": N_("Completed"),
}
STATUS_LABELS = {
    "submitted": N_("Submitted"),
    "accepted": N_("Accepted"),
    "in_review": N_("Being reviewed"),
    "approved": N_("Approved"),
    "rejected": N_("Not approved"),
    "completed": N_("Completed"),
    "booked": N_("Booked"),
    "cancelled": N_("Cancelled"),
    "received": N_("Received"),
    "in_progress": N_("Being handled"),
    "replied": N_("Replied"),
}
NEXT_STEPS = {
    "accepted": N_("Next, the department checks that your application is complete and accepts it."),
    "in_review": N_("Next, staff review your application and materials. They may call you if anything is missing."),
    "decided": N_("Next, the department makes its decision."),
    "completed": N_("Next, you receive the result: by text message, in your account, or at the hall."),
}


@dataclasses.dataclass
class StepView:
    """One step of an application: its code (STEP_LABELS), whether it is done, and when (formatted)."""

    step: str
    done: bool
    when: str


def status_label(locale: str, status: rx.Var) -> rx.Component:
    """The status code of an application, appointment or letter, in words (the code itself if unknown)."""
    _ = gettext_for(locale)
    return rx.match(status, *((code, _(label)) for code, label in STATUS_LABELS.items()), status)


def next_step_text(locale: str, next_step: rx.Var) -> rx.Component:
    """What happens next to an application (NEXT_STEPS), in words; nothing for an unknown code."""
    _ = gettext_for(locale)
    return rx.match(next_step, *((code, _(text)) for code, text in NEXT_STEPS.items()), "")


def timeline(locale: str, steps: rx.Var) -> rx.Component:
    """The steps of an application (a list of StepView), done or still to come, said in words."""
    _ = gettext_for(locale)
    return rx.el.ol(
        rx.foreach(
            steps,
            lambda s: rx.el.li(
                rx.el.span(rx.match(s.step, *((code, _(label)) for code, label in STEP_LABELS.items()), s.step), class_name="timeline__step"),
                rx.el.span(rx.cond(s.done, rx.fragment(" — ", _("done"), " ", s.when), rx.fragment(" — ", _("to come"))), class_name="timeline__when"),
                class_name=rx.cond(s.done, "timeline__item timeline__item--done", "timeline__item"),
            ),
        ),
        class_name="timeline",
    )


def time_limit_text(days: int, locale: str) -> str:
    """A time limit in working days, in words ("Done on the spot" for 0)."""
    _ = gettext_for(locale)
    ngettext = ngettext_for(locale)
    if days == 0:
        return _("Done on the spot")
    return ngettext("%(count)s working day", "%(count)s working days", days) % {"count": number_text(days, locale)}


def fee_text(amount: str, locale: str) -> str:
    """A fee in yuan (a decimal string from the API), or "Free"."""
    _ = gettext_for(locale)
    return _("Free") if float(amount) == 0 else money_text(amount, locale)


def qr_data_uri(text: str) -> str:
    """``text`` as a QR code (error correction M), an SVG data URI for an ``img``."""
    return segno.make(text, error="m").svg_data_uri(scale=4, border=2, dark="#000", light="#fff")
