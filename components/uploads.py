"""A file field that uploads as soon as files are chosen, with a preview, a
remove button per file, and the type and size checked before and after.

The browser posts each file to the portal's own ``/_portal/uploads`` route,
which passes it to the back end through the typed client; the field keeps the
uploaded files' ids (and names, for after a reload) in a hidden input that the
form submits. Behaviour is in components/uploads.js.
"""

from __future__ import annotations

import json

import reflex as rx

from components.fields import error_messages
from locales import gettext_for

ACCEPT = ".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
MAX_BYTES = 5 * 1024 * 1024


def _optional_mark(locale: str, required: bool | rx.Var) -> rx.Component:
    _ = gettext_for(locale)
    mark = rx.el.span(" ", _("(optional)"), class_name="optional")
    if isinstance(required, rx.Var):
        return rx.cond(required, rx.fragment(), mark)
    return rx.fragment() if required else mark


def upload_field(
    locale: str,
    name: str | rx.Var,
    label: str | rx.Var,
    *,
    form_id: str,
    limit: int = 1,
    hint: str | rx.Var | None = None,
    required: bool | rx.Var = False,
    value: str | rx.Var = "[]",
) -> rx.Component:
    """``name`` may be a Var when the fields come from data (one per material)."""
    _ = gettext_for(locale)
    messages = error_messages(locale)
    field_id = f"{form_id}-" + name
    input_id = field_id + "-input"
    return rx.el.div(
        rx.el.label(label, _optional_mark(locale, required), html_for=input_id),
        rx.el.p(hint, id=field_id + "-hint", class_name="hint") if hint is not None else rx.fragment(),
        rx.el.p(id=input_id + "-error", class_name="field-error", hidden=True, role="alert"),
        rx.el.input(
            type="file",
            id=input_id,
            # The files go up at once (uploads.js); the form submits only the
            # hidden list of their ids. Named so Reflex does not fall back to the id.
            name=name + "-picker",
            accept=ACCEPT,
            multiple=limit > 1,
            aria_describedby=(field_id + "-hint " + input_id + "-error") if hint is not None else input_id + "-error",
            class_name="upload__input",
        ),
        rx.el.input(type="hidden", name=name, id=field_id, default_value=value, custom_attrs={"data-keep-field": "", "data-upload-value": ""}),
        rx.el.ul(class_name="upload-list", aria_label=label, aria_live="polite"),
        class_name="field upload",
        custom_attrs={
            "data-upload": "",
            "data-limit": str(limit),
            "data-max-bytes": str(MAX_BYTES),
            "data-say-uploading": _("Uploading %(name)s…"),
            "data-say-uploaded": _("%(name)s uploaded."),
            "data-say-removed": _("%(name)s removed."),
            "data-label-remove": _("Remove %(name)s"),
            "data-error-too-many": _("You can add at most %(limit)s files.") % {"limit": limit},
            "data-error-file_too_large": messages["file_too_large"],
            "data-error-file_type_not_allowed": messages["file_type_not_allowed"],
            "data-error-file_type_mismatch": messages["file_type_mismatch"],
            "data-error-file_empty": messages["file_empty"],
            "data-error-unavailable": _("The file could not be uploaded because the service is not available. Please try again."),
            "data-error-unauthorized": _("Your session has expired. Log in again, then add the file."),
        },
    )


def uploaded_ids(value: str) -> list[str]:
    """The ids in an upload field's submitted value (a JSON list of files)."""
    try:
        files = json.loads(value or "[]")
    except ValueError:
        return []
    return [str(f["id"]) for f in files if isinstance(f, dict) and isinstance(f.get("id"), str)][:20]
