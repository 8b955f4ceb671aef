"""Form fields with their label, hint and errors tied to them.

Each field has two error slots: one the browser fills (components/forms.js,
before sending) and one the server's answer fills (from a state's ``errors``
dict of field name to error code). Both are named by ``aria-describedby``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import reflex as rx

from components.links import plain_link
from locales import gettext_for

if TYPE_CHECKING:
    from frontend.validation import FieldRule

# Error codes the UI and the API share, and what each tells the user.
def error_messages(locale: str) -> dict[str, str]:
    _ = gettext_for(locale)
    return {
        "required": _("This information is needed."),
        "too_long": _("This is too long. Please shorten it."),
        "too_short": _("This is too short."),
        "invalid_characters": _("This contains characters we cannot accept, such as control characters."),
        "invalid_phone": _("Enter a valid phone number, for example 13800138000 or +33 6 12 34 56 78."),
        "invalid_mobile": _("Enter a Chinese mobile number of 11 digits, for example 13800138000."),
        "invalid_id_number": _("Enter a valid 18-character resident ID number. The last character can be X."),
        "invalid_passport": _("Enter the passport number as printed: 5 to 9 letters and digits."),
        "invalid_email": _("Enter a valid email address, like name@example.com."),
        "value_error": _("Check this information."),
        "invalid": _("Check this information."),
        "invalid_format": _("Check the format of this information."),
        "invalid_choice": _("Choose one of the options."),
        "invalid_date": _("Enter a real date."),
        "out_of_range": _("Choose a value in the allowed range."),
        "file_too_large": _("The file is too large. The limit is 5 MB."),
        "file_type_not_allowed": _("Upload a PDF, JPG or PNG file."),
        "file_type_mismatch": _("The file's content does not match its name. Upload a real PDF, JPG or PNG file."),
        "file_empty": _("The file is empty."),
        "unknown_upload": _("A file could not be found. Please upload it again."),
        "not_bookable_here": _("This service cannot be booked at this hall. Choose another hall."),
        "not_offered_here": _("This service is not offered at this hall."),
        "not_online": _("This service cannot be applied for online."),
        "invalid_code": _("Enter the 6 digits of the code."),
        "invalid_access_code": _("Enter the 6-digit access code."),
        "invalid_receipt": _("Enter all 14 digits of the receipt number."),
        "invalid_ticket": _("Enter the 14-digit ticket number."),
    }


def server_error(locale: str, field_id: str, name: str, errors: rx.Var) -> rx.Component:
    """The server's message for a field, in the user's language."""
    messages = error_messages(locale)
    code = errors.get(name, "").to(str)
    return rx.el.p(
        rx.cond(code != "", rx.match(code, *((c, m) for c, m in messages.items()), messages["invalid"]), ""),
        id=f"{field_id}-server-error",
        class_name="field-error",
        hidden=code == "",
    )


def _client_error(field_id: str) -> rx.Component:
    return rx.el.p(id=f"{field_id}-error", class_name="field-error", hidden=True, aria_live="off")


def field(
    locale: str,
    name: str,
    label: str,
    *,
    rule: FieldRule,
    errors: rx.Var,
    form_id: str,
    hint: str | None = None,
    required: bool = True,
    kind: str = "text",
    autocomplete: str | None = None,
    input_mode: str | None = None,
    value: str | rx.Var | None = None,
    required_message: str | None = None,
    format_message: str | None = None,
    rows: int | None = None,
    personal: bool = False,
) -> rx.Component:
    """A labelled input (or textarea when ``kind="textarea"``), checked by
    ``rule`` (frontend/validation.py) in the browser as on the server. The
    length limit is the rule's, checked with a message: ``maxlength`` would
    silently cut what was typed or pasted, and counts UTF-16 units. A
    ``personal`` field (an ID or phone number) is never kept in the browser's storage."""
    _ = gettext_for(locale)
    messages = error_messages(locale)
    field_id = f"{form_id}-{name}"
    described = " ".join(filter(None, [f"{field_id}-hint" if hint else None, f"{field_id}-error", f"{field_id}-server-error"]))
    attrs = {
        "data-error-required": required_message or _("Enter %(label)s.") % {"label": label},
        "data-error-format": format_message or messages.get(rule.error) or _("Check the format: %(label)s.") % {"label": label},
        "data-error-too-long": _("%(label)s is too long.") % {"label": label},
        "data-error-invalid-characters": messages["invalid_characters"],
        **rule.attributes(),
    }
    if personal:
        attrs["data-personal"] = ""
    common = {
        "id": field_id,
        "name": name,
        "required": required,
        "aria_describedby": described,
        "aria_invalid": rx.cond(errors.get(name, "").to(str) != "", "true", None),
        "default_value": value,
        "custom_attrs": attrs,
    }
    control = (
        rx.el.textarea(rows=rows or 6, **common)
        if kind == "textarea"
        else rx.el.input(type=kind, auto_complete=autocomplete, input_mode=input_mode, **common)
    )
    return rx.el.div(
        rx.el.label(label, rx.el.span(" ", _("(optional)"), class_name="optional") if not required else rx.fragment(), html_for=field_id),
        rx.el.p(hint, id=f"{field_id}-hint", class_name="hint") if hint else rx.fragment(),
        _client_error(field_id),
        server_error(locale, field_id, name, errors),
        control,
        class_name=rx.cond(errors.get(name, "").to(str) != "", "field field--error", "field"),
    )


def personal_field(
    locale: str,
    name: str,
    label: str,
    *,
    masked: rx.Var,
    unmasked: rx.Var,
    edit: rx.EventSpec,
    errors: rx.Var,
    form_id: str,
    **options,
) -> rx.Component:
    """A personal number (see frontend/personal.py): masked with a Change
    button while it is known and not being edited; otherwise the field itself,
    holding the full number only while it is edited. ``options`` are
    :func:`field`'s."""
    _ = gettext_for(locale)
    field_id = f"{form_id}-{name}"
    shown = masked.get(name, "").to(str)
    return rx.cond(
        (shown != "") & ~unmasked.contains(name),
        rx.el.div(
            rx.el.div(label, id=f"{field_id}-label", class_name="field__label"),
            rx.el.div(shown, id=field_id, class_name="field__masked", custom_attrs={"translate": "no"}),
            rx.el.button(_("Change"), rx.el.span(" ", label, class_name="visually-hidden"), type="button", class_name="button button--secondary", on_click=edit),
            class_name="field",
        ),
        field(locale, name, label, errors=errors, form_id=form_id, value=unmasked.get(name, "").to(str), personal=True, **options),
    )


def choice_group(
    locale: str,
    name: str,
    legend: str,
    options: list[tuple[str, str]],
    *,
    errors: rx.Var,
    form_id: str,
    kind: str = "radio",
    value: str | rx.Var | None = None,
    hint: str | None = None,
    required: bool = True,
) -> rx.Component:
    """Radio buttons (or checkboxes) in a fieldset whose legend is the question."""
    _ = gettext_for(locale)
    group_id = f"{form_id}-{name}"
    return rx.el.fieldset(
        rx.el.legend(legend),
        rx.el.p(hint, id=f"{group_id}-hint", class_name="hint") if hint else rx.fragment(),
        _client_error(f"{group_id}-{options[0][0]}"),
        server_error(locale, group_id, name, errors),
        *(
            rx.el.div(
                rx.el.input(
                    type=kind,
                    id=f"{group_id}-{code}",
                    name=name,
                    value=code,
                    required=required and kind == "radio",
                    default_checked=(value == code) if isinstance(value, rx.Var) else value == code,
                    aria_describedby=f"{group_id}-{options[0][0]}-error {group_id}-server-error",
                    custom_attrs={"data-error-required": _("Choose an answer: %(question)s") % {"question": legend}},
                ),
                rx.el.label(label, html_for=f"{group_id}-{code}"),
                class_name="choice",
            )
            for code, label in options
        ),
        id=group_id,
        # Reflex's fieldset has no tab_index prop (it would become a style); the error summary focuses the group.
        custom_attrs={"tabIndex": "-1"},
        class_name=rx.cond(errors.get(name, "").to(str) != "", "field--error", ""),
        aria_describedby=f"{group_id}-hint" if hint else None,
    )


def declaration_field(locale: str, form_id: str) -> rx.Component:
    """The declaration ticked before an application is sent (``name="declaration"``,
    id ``{form_id}-declaration``); the browser's check asks for it, the server checks it again."""
    _ = gettext_for(locale)
    return rx.el.div(
        rx.el.p(id=f"{form_id}-declaration-error", class_name="field-error", hidden=True),
        rx.el.div(
            rx.el.input(
                type="checkbox", id=f"{form_id}-declaration", name="declaration", required=True, aria_describedby=f"{form_id}-declaration-error",
                custom_attrs={"data-error-required": _("Confirm the declaration to send your application.")},
            ),
            rx.el.label(_("I declare that the information I have given is true and complete."), html_for=f"{form_id}-declaration"),
            class_name="choice",
        ),
        class_name="field",
    )


def error_summary(locale: str, form_id: str, errors: rx.Var, labels: dict[str, str]) -> rx.Component:
    """The summary at the top of a form: the browser's check fills the first
    list, the server's answer the second. Each item links to its field."""
    _ = gettext_for(locale)
    messages = error_messages(locale)
    return rx.fragment(
        rx.el.div(
            rx.el.h2(_("There is a problem"), class_name="error-summary__title"),
            rx.el.ul(),
            role="alert",
            tab_index=-1,
            hidden=True,
            class_name="error-summary",
            custom_attrs={"data-error-summary": ""},
        ),
        rx.cond(
            errors.length() > 0,
            rx.el.div(
                rx.el.h2(_("There is a problem"), class_name="error-summary__title"),
                rx.el.ul(
                    *(
                        rx.cond(
                            errors.get(name, "").to(str) != "",
                            rx.el.li(
                                plain_link(
                                    label,
                                    ": ",
                                    rx.match(errors.get(name, "").to(str), *((c, m) for c, m in messages.items()), messages["invalid"]),
                                    href=f"#{form_id}-{name}",
                                )
                            ),
                        )
                        for name, label in labels.items()
                    )
                ),
                id=f"{form_id}-server-summary",
                role="alert",
                tab_index=-1,
                class_name="error-summary",
            ),
        ),
    )
