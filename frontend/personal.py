"""Personal numbers in forms - resident ID, passport and phone numbers.

The full number stays on the server (a backend var, never sent to the
browser). The page gets it masked (``138****8000``) beside a Change button,
and gets the full number only while the person edits that very field: from
pressing Change until they leave the step. A state that asks for such
numbers mixes in :class:`PersonalNumbers`; the field is
:func:`components.fields.personal_field`.
"""

from __future__ import annotations

import re

import reflex as rx

# How much of each kind of number stays visible: (from the start, at the end).
_VISIBLE = {"phone": (3, 4), "id_number": (4, 4), "passport": (2, 2)}


def mask(kind: str, value: str) -> str:
    """``value`` with all but its first and last characters starred; phone
    numbers by their national digits (+86 138 0013 8000 -> 138****8000).
    ``kind`` is ``phone``, ``id_number`` or ``passport``."""
    start, end = _VISIBLE[kind]
    compact = re.sub(r"[\s-]", "", value)
    if kind == "phone":
        compact = re.sub(r"\D", "", compact.removeprefix("+86"))
    if len(compact) <= start + end:
        return "*" * len(compact)
    return compact[:start] + "*" * (len(compact) - start - end) + compact[-end:]


class PersonalNumbers(rx.State, mixin=True):
    """Keeps a form's personal numbers by field name."""

    _numbers: dict[str, str] = {}  # field -> the full number (server only)
    masked: dict[str, str] = {}  # field -> the number masked, for the page
    unmasked: dict[str, str] = {}  # the field being edited -> its full number

    def _keep_number(self, name: str, kind: str, value: str) -> None:
        value = value.strip()
        self._numbers = {**self._numbers, name: value}
        self.masked = {**self.masked, name: mask(kind, value) if value else ""}

    def _number(self, name: str) -> str:
        return self._numbers.get(name, "")

    def _submitted_number(self, form: dict, name: str) -> str:
        """What the form sent for the field when it was being edited, else the kept number."""
        return str(form[name]).strip() if name in form else self._number(name)

    def _forget_numbers(self) -> None:
        self._numbers, self.masked, self.unmasked = {}, {}, {}

    def _stop_editing(self, keep_open: list[str] | tuple[str, ...] = ()) -> None:
        """Mask every field again, except ``keep_open`` (fields with an error to correct)."""
        self.unmasked = {name: self._number(name) for name in keep_open if name in self._numbers}

    @rx.event
    def edit_number(self, name: str, field_id: str):
        """The person chose to change the number: the full number, for this field only."""
        self.unmasked = {**self.unmasked, name: self._number(name)}
        return rx.set_focus(field_id)
