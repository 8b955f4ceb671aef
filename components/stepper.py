"""The progress indicator of a multi-step form: every step named, the current
one marked for screen readers (aria-current="step") and said as "Step 2 of 5"."""

from __future__ import annotations

import reflex as rx

from locales import gettext_for


def stepper(locale: str, labels: list[str], current: rx.Var) -> rx.Component:
    """``current`` is the zero-based index of the step being shown."""
    _ = gettext_for(locale)
    total = len(labels)
    return rx.el.nav(
        rx.el.p(
            rx.match(current, *((i, _("Step %(number)s of %(total)s") % {"number": i + 1, "total": total}) for i in range(total)), ""),
            ": ",
            rx.match(current, *((i, label) for i, label in enumerate(labels)), ""),
            class_name="stepper__now",
        ),
        rx.el.ol(
            *(
                rx.el.li(
                    rx.el.span(str(i + 1), class_name="stepper__number", aria_hidden="true"),
                    rx.el.span(label),
                    rx.cond(current > i, rx.el.span(" ", _("(done)"), class_name="visually-hidden")),
                    aria_current=rx.cond(current == i, "step", None),
                    class_name=rx.cond(current > i, "stepper__step stepper__step--done", rx.cond(current == i, "stepper__step stepper__step--current", "stepper__step")),
                )
                for i, label in enumerate(labels)
            ),
            class_name="stepper__steps",
        ),
        aria_label=_("Progress"),
        class_name="stepper",
    )
