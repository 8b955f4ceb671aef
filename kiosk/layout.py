"""The kiosk's frame: large type (elder sizes always), no links out, the
spoken prompt as a caption, and the bar every screen shares - back, start
again, repeat, speech speed, mute, and the talk button. Behaviour is in
kiosk/kiosk.js."""

from __future__ import annotations

import reflex as rx

from components.icons import icon
from components.links import locale_href, nav_link, plain_link
from kiosk.prompts import prompt_text
from kiosk.state import KioskState
from locales import HTML_LANG, LOCALES, N_, gettext_for

TALK_KEY = "F8"  # the key a physical keypad's talk button sends
LANGUAGE = N_("Language")  # named in every language at once on the language button


def kiosk_href(locale: str, path: str = "") -> str:
    return locale_href(locale, f"kiosk/{path}" if path else "kiosk")


def _bar_button(label: str, icon_name: str, **props) -> rx.Component:
    return rx.el.button(icon(icon_name), rx.el.span(label), type="button", class_name="kiosk-bar__button", **props)


def kiosk_frame(locale: str, screen: str, *content: rx.Component, back: str | None = "") -> rx.Component:
    """A kiosk screen. ``back`` is the path (below the kiosk) the Back button
    goes to; ``None`` hides it."""
    _ = gettext_for(locale)
    return rx.el.div(
        rx.el.header(
            rx.el.p(icon("landmark"), _("Haizhou Citizen Services · Self-service"), class_name="kiosk-title"),
            plain_link(
                icon("globe"),
                *(rx.el.span(gettext_for(code)(LANGUAGE), lang=HTML_LANG[code]) for code in LOCALES),
                href="/kiosk/",
                class_name="kiosk-language",
                custom_attrs={"data-voice-intent": "language"},
            ),
            class_name="kiosk-header",
        ),
        rx.el.main(
            *content,
            id="main",
            tab_index=-1,
            class_name="kiosk-main",
            custom_attrs={"data-kiosk-screen": screen, "data-locale": locale, "data-prompt": prompt_text(screen, locale)},
        ),
        rx.el.div(
            # The question asked when a spoken command was not understood for sure (kiosk.js).
            rx.el.div(
                rx.el.p(custom_attrs={"data-confirm-question": ""}, id="kiosk-question", class_name="kiosk-lead"),
                rx.el.div(
                    rx.el.button(_("Yes"), type="button", class_name="button", custom_attrs={"data-confirm-yes": ""}),
                    rx.el.button(_("No"), type="button", class_name="button button--secondary", custom_attrs={"data-confirm-no": ""}),
                    class_name="form-actions",
                ),
                role="group",
                aria_labelledby="kiosk-question",
                hidden=True,
                class_name="kiosk-confirm",
                custom_attrs={"data-confirm": ""},
            ),
            rx.el.div(
                rx.el.p(prompt_text(screen, locale), class_name="kiosk-caption__said", custom_attrs={"data-caption": ""}),
                rx.el.p(class_name="kiosk-caption__heard", custom_attrs={"data-heard": ""}),
                class_name="kiosk-caption",
                role="status",
                aria_live="polite",
            ),
            rx.el.nav(
                nav_link(icon("arrow_left"), rx.el.span(_("Back")), href=kiosk_href(locale, back), class_name="kiosk-bar__button", custom_attrs={"data-voice-intent": "back"}) if back is not None else rx.fragment(),
                nav_link(icon("home"), rx.el.span(_("Start again")), href=kiosk_href(locale), class_name="kiosk-bar__button", custom_attrs={"data-voice-intent": "home"}),
                _bar_button(_("Repeat"), "speaker", custom_attrs={"data-kiosk-repeat": "", "data-voice-intent": "repeat"}),
                _bar_button(_("Slower speech"), "clock", aria_pressed="true", custom_attrs={"data-kiosk-rate": "slow"}),
                _bar_button(_("Mute"), "mute", aria_pressed="false", custom_attrs={"data-kiosk-mute": ""}),
                rx.el.button(
                    icon("mic"),
                    rx.el.span(_("Hold to talk")),
                    type="button",
                    class_name="kiosk-talk",
                    aria_pressed="false",
                    aria_keyshortcuts=TALK_KEY,
                    custom_attrs={
                        "data-kiosk-talk": "",
                        "data-key": TALK_KEY,
                        "data-say-listening": _("Listening… let go of the button when you have finished."),
                        "data-say-no-microphone": _("The microphone is not working. Please use the touch screen."),
                    },
                ),
                aria_label=_("Kiosk controls"),
                class_name="kiosk-bar",
            ),
            class_name="kiosk-dock",
        ),
        rx.el.div(
            rx.el.div(
                rx.el.h2(_("Are you still there?"), id="kiosk-idle-title"),
                rx.el.p(_("The screen will start again in"), " ", rx.el.strong("", custom_attrs={"data-idle-count": ""}), " ", _("seconds, and everything you entered will be wiped.")),
                rx.el.button(_("Continue"), type="button", class_name="button kiosk-idle__continue", custom_attrs={"data-idle-continue": ""}),
                class_name="kiosk-idle__box",
            ),
            role="alertdialog",
            aria_modal="true",
            aria_labelledby="kiosk-idle-title",
            hidden=True,
            class_name="kiosk-idle",
            custom_attrs={"data-idle": "", "data-prompt": prompt_text("idle", locale)},
        ),
        rx.el.button(type="button", hidden=True, on_click=KioskState.wipe, custom_attrs={"data-kiosk-wipe": ""}),
        rx.el.div(
            id="kiosk-config",
            hidden=True,
            # Timings and speech rate are run-time settings: kiosk.js reads them from /_kiosk/settings.
            custom_attrs={"data-no-voice": prompt_text("no-voice", locale)},
        ),
        class_name="kiosk-screen",
    )
