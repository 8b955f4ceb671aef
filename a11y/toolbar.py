"""The elder-mode switch and the accessibility toolbar (无障碍工具条).

Static markup compiled per locale; a11y/prefs.js gives it behaviour, and the
words it announces come from the catalogue through ``data-say*`` attributes.
"""

from __future__ import annotations

import reflex as rx

from components.icons import icon
from locales import gettext_for

TOOLBAR_ID = "a11y-toolbar"


def bar_button(icon_name: str, label: str, data: dict[str, str], class_name: str = "pref-button", **aria: str) -> rx.Component:
    """A button of the page's top bar: an icon and its visible label. ``data``
    holds the attributes a11y/prefs.js acts on; ``aria`` the button's state
    (``aria_pressed`` for a switch, ``aria_expanded`` and ``aria_controls``
    for a disclosure)."""
    return rx.el.button(icon(icon_name), rx.el.span(label), type="button", class_name=class_name, custom_attrs=data, **aria)


def elder_toggle(locale: str) -> rx.Component:
    """The elder-mode switch: a toggle button, early in the tab order."""
    _ = gettext_for(locale)
    return bar_button(
        "eye",
        _("Senior mode"),
        {
            "data-pref": "elder",
            "data-testid": "elder-toggle",
            "data-say-on": _("Senior mode on: larger text and simpler pages."),
            "data-say-off": _("Senior mode off."),
        },
        aria_pressed="false",
    )


def toolbar_button(locale: str) -> rx.Component:
    """Opens and closes the toolbar panel (a disclosure)."""
    _ = gettext_for(locale)
    return bar_button(
        "accessibility", _("Accessibility"), {"data-toolbar-toggle": "", "data-testid": "a11y-toolbar-toggle"}, aria_expanded="false", aria_controls=TOOLBAR_ID
    )


def read_aloud_button(locale: str) -> rx.Component:
    """Reads the page's main content aloud, sentence by sentence; again to stop."""
    _ = gettext_for(locale)
    return bar_button(
        "speaker",
        _("Read aloud"),
        {
            "data-read-page": "",
            "data-testid": "read-aloud",
            "data-say-on": _("Reading the page aloud. Press the button again, or Escape, to stop."),
            "data-say-off": _("Stopped reading."),
        },
        aria_pressed="false",
    )


def _toggle(label: str, pref: str, say_on: str, say_off: str) -> rx.Component:
    return rx.el.button(
        label,
        type="button",
        class_name="pref-button",
        aria_pressed="false",
        custom_attrs={"data-pref": pref, "data-say-on": say_on, "data-say-off": say_off},
    )


def _choice(pref: str, label: str, value: str, say: str) -> rx.Component:
    """One of a set of exclusive choices (colours, reading speed), as toggle buttons."""
    return rx.el.button(
        label,
        type="button",
        class_name="pref-button",
        aria_pressed="false",
        custom_attrs={"data-pref": pref, "data-value": value, "data-say": say},
    )


def toolbar_panel(locale: str) -> rx.Component:
    """The toolbar's settings, hidden until the toolbar button opens them."""
    _ = gettext_for(locale)
    text_size_say = _("Text size {value}")
    return rx.el.section(
        rx.el.div(
            rx.el.h2(_("Accessibility settings"), id=f"{TOOLBAR_ID}-title"),
            rx.el.fieldset(
                rx.el.legend(_("Text size")),
                rx.el.button(
                    "A−",
                    type="button",
                    class_name="pref-button",
                    aria_label=_("Smaller text"),
                    custom_attrs={"data-text-step": "down", "data-say": text_size_say},
                ),
                # prefs.js writes the saved size here before React hydrates: the text is the browser's, not a mismatch.
                rx.el.output("100%", aria_live="off", custom_attrs={"data-text-size-output": "", "suppressHydrationWarning": True}),
                rx.el.button(
                    "A+",
                    type="button",
                    class_name="pref-button",
                    aria_label=_("Larger text"),
                    custom_attrs={"data-text-step": "up", "data-say": text_size_say},
                ),
            ),
            rx.el.fieldset(
                rx.el.legend(_("Colours")),
                _choice("contrast", _("Standard colours"), "", _("Standard colours")),
                _choice("contrast", _("Yellow on black"), "yellow-black", _("High contrast: yellow on black")),
                _choice("contrast", _("Black on white"), "black-white", _("High contrast: black on white")),
            ),
            rx.el.fieldset(
                rx.el.legend(_("Reading aids")),
                _toggle(_("Large cursor"), "cursor", _("Large cursor on."), _("Large cursor off.")),
                _toggle(_("Reading guide"), "guide", _("Reading guide on."), _("Reading guide off.")),
                _toggle(_("Text only"), "textOnly", _("Text-only view on."), _("Text-only view off.")),
            ),
            rx.el.fieldset(
                rx.el.legend(_("Reading aloud")),
                _toggle(_("Read what I point at"), "readHover", _("Reading what you point at or move to."), _("No longer reading what you point at.")),
                _choice("readRate", _("Slower"), "0.8", _("Reading speed: slower")),
                _choice("readRate", _("Normal speed"), "1", _("Reading speed: normal")),
                _choice("readRate", _("Faster"), "1.25", _("Reading speed: faster")),
            ),
            rx.el.button(
                _("Reset all settings"),
                type="button",
                class_name="pref-button",
                custom_attrs={"data-prefs-reset": "", "data-say": _("All accessibility settings reset.")},
            ),
            class_name="container a11y-toolbar__inner",
        ),
        id=TOOLBAR_ID,
        hidden=True,
        aria_labelledby=f"{TOOLBAR_ID}-title",
        class_name="a11y-toolbar",
    )


def status_region() -> rx.Component:
    """The polite live region that announces setting changes."""
    return rx.el.div(id="a11y-status", role="status", aria_live="polite", class_name="visually-hidden")


def reading_guide() -> rx.Component:
    """The line that follows the pointer when the reading guide is on."""
    return rx.el.div(class_name="reading-guide", aria_hidden="true")
