"""One step of a form that takes several (an application, a joint
application): its fields, then Back and Continue (or Send on the review step)."""

from __future__ import annotations

import reflex as rx

from frontend import validation
from locales import gettext_for


def step_form(
    locale: str,
    *children: rx.Component,
    form_id: str,
    record: rx.Var,
    step: int,
    ready: rx.Var,
    busy: rx.Var,
    back: rx.EventHandler | None,
    submit: rx.event.EventSpec,
    review: bool,
    keep: bool,
) -> rx.Component:
    """The step's ``<form>``: ``children`` (the error summary first), in a
    fieldset that stays disabled until ``ready`` (the state for ``record``,
    the service or bundle in the address, has arrived: a field filled before
    then would be drawn again, empty, for that record), then the buttons.

    ``record`` is the id of the service or bundle being applied for; with
    ``step`` it keys the form, so what is kept never crosses records or
    steps, and, when ``keep``, names the copy forms.js keeps in
    sessionStorage (``<form_id>-<record>-<step>``). ``back`` is None on the
    first step; ``review`` makes Continue a Send button; ``busy`` marks it
    while a submission is on its way.
    """
    _ = gettext_for(locale)
    record_step = record + f"-{step}"
    return rx.el.form(
        rx.el.fieldset(
            *children,
            rx.el.div(
                rx.el.button(_("Back"), type="button", class_name="button button--secondary", on_click=back) if back is not None else rx.fragment(),
                rx.el.button(
                    rx.cond(busy, _("Sending…"), _("Send application")) if review else _("Continue"),
                    type="submit",
                    class_name="button",
                    aria_disabled=busy,
                    custom_attrs={"data-testid": f"{form_id}-continue"},
                ),
                class_name="form-actions",
            ),
            disabled=~ready,
            class_name="form-step",
        ),
        on_submit=submit,
        no_validate=True,
        custom_attrs=validation.form_attributes(**({"data-keep": f"{form_id}-" + record_step} if keep else {})),
        key=record_step,
    )
