"""The kiosk's frame: large type (elder sizes always, scaled to the screen),
no links out, and two docks. At the top, at a standing person's eye level,
what is read: the title and the caption of what the kiosk says (and hears).
At the bottom, within a seated person's reach, the bar every screen shares:
back, start again, language, repeat, speech speed, mute, and the talk
button. Behaviour is in kiosk/kiosk.js.

Start again and Language end the session: kiosk.js wipes it (``data-kiosk-exit``)
before the attract screen opens for the next person.
"""

from __future__ import annotations

import json

import reflex as rx

from components.audio import PCM_WORKLET
from components.icons import icon
from components.links import locale_href, nav_link, plain_link
from components.problems import problem_notice
from kiosk.prompts import prompt_keys, prompt_text
from kiosk.state import KioskState
from locales import HTML_LANG, LOCALES, N_, gettext_for

TALK_KEY = "F8"  # the key a physical keypad's talk button sends
LANGUAGE = N_("Language")  # named in every language at once on the language button
ATTRACT = "/kiosk/"


def kiosk_href(locale: str, path: str = "") -> str:
    return locale_href(locale, f"kiosk/{path}" if path else "kiosk")


def _bar_button(label: str, icon_name: str, **props) -> rx.Component:
    return rx.el.button(icon(icon_name), rx.el.span(label), type="button", class_name="kiosk-bar__button", **props)


def _back(locale: str, back: str | rx.EventSpec) -> rx.Component:
    _ = gettext_for(locale)
    label = (icon("arrow_left"), rx.el.span(_("Back")))
    attrs = {"data-voice-intent": "back"}
    if isinstance(back, str):
        return nav_link(*label, href=kiosk_href(locale, back), class_name="kiosk-bar__button", custom_attrs=attrs)
    return rx.el.button(*label, type="button", on_click=back, class_name="kiosk-bar__button", custom_attrs=attrs)


def _prompts(locale: str) -> dict[str, str]:
    """Every fixed sentence of a locale by its key (the test pseudo-locale has no voice commands)."""
    keys = [key for key in prompt_keys() if locale in LOCALES or not key.startswith("not-understood-")]
    return {key: prompt_text(key, locale) for key in keys}


def exit_link(*children, **props) -> rx.Component:
    """A way back to the attract screen: kiosk.js wipes the session first."""
    custom_attrs = {"data-kiosk-exit": "", **props.pop("custom_attrs", {})}
    return plain_link(*children, href=ATTRACT, custom_attrs=custom_attrs, **props)


def cue() -> rx.Component:
    """The screen's cue (kiosk/state.py), for kiosk.js to act on once."""
    return rx.el.span(
        hidden=True,
        key=KioskState.cue_count,
        custom_attrs={"data-kiosk-cue": KioskState.cue_kind, "data-text": KioskState.cue_text},
    )


def kiosk_input(name: str, max_length: int, value: rx.Var | None = None, key: rx.Var | None = None, voice: str = "") -> rx.Component:
    """A kiosk's large text field ``kiosk-{name}``: typed on the screen's own
    keyboard or keypad (the system keyboard never opens, ``inputmode=none``),
    nothing remembered by the browser. ``value`` fills it from the state and
    ``key`` renders it afresh when that changes; ``voice`` (``"text"``,
    ``"digits"``) lets what is heard fill it (kiosk/kiosk.js)."""
    return rx.el.input(
        id=f"kiosk-{name}",
        name=name,
        input_mode="none",
        auto_complete="off",
        max_length=max_length,
        default_value=value,
        key=key,
        class_name="kiosk-field",
        custom_attrs={f"data-voice-{voice}": ""} if voice else {},
    )


def kiosk_frame(
    locale: str, screen: str, *content: rx.Component, back: str | rx.EventSpec | None = "", prompt: str | None = None
) -> rx.Component:
    """A kiosk screen. ``screen`` names its voice commands (kiosk/commands)
    and, unless ``prompt`` names another, the sentence it says when it
    opens. ``back`` is the path (below the kiosk) the Back button goes to, an
    event for a screen that goes back step by step, or ``None`` for no Back."""
    _ = gettext_for(locale)
    return rx.el.div(
        rx.el.div(
            rx.el.header(
                rx.el.p(icon("landmark"), _("Haizhou Citizen Services · Self-service"), class_name="kiosk-title"),
                class_name="kiosk-header",
            ),
            rx.el.div(
                rx.el.p(prompt_text(prompt or screen, locale), class_name="kiosk-caption__said", custom_attrs={"data-caption": ""}),
                rx.el.p(class_name="kiosk-caption__heard", custom_attrs={"data-heard": ""}),
                class_name="kiosk-caption",
                role="status",
                aria_live="polite",
            ),
            class_name="kiosk-top",
        ),
        rx.el.main(
            problem_notice(locale),
            *content,
            id="main",
            tab_index=-1,
            class_name="kiosk-main",
            custom_attrs={"data-kiosk-screen": screen, "data-locale": locale, "data-prompt-key": prompt or screen, "data-prompt": prompt_text(prompt or screen, locale)},
        ),
        rx.el.div(
            # The question asked when a spoken command was not understood for sure (kiosk.js), within reach.
            rx.el.div(
                rx.el.p(custom_attrs={"data-confirm-question": ""}, id="kiosk-confirm-question", class_name="kiosk-lead"),
                rx.el.div(
                    rx.el.button(_("Yes"), type="button", class_name="button", custom_attrs={"data-confirm-yes": ""}),
                    rx.el.button(_("No"), type="button", class_name="button button--secondary", custom_attrs={"data-confirm-no": ""}),
                    class_name="form-actions",
                ),
                role="group",
                aria_labelledby="kiosk-confirm-question",
                hidden=True,
                class_name="kiosk-confirm",
                custom_attrs={"data-confirm": ""},
            ),
            rx.el.nav(
                _back(locale, back) if back is not None else rx.fragment(),
                exit_link(icon("home"), rx.el.span(_("Start again")), class_name="kiosk-bar__button", custom_attrs={"data-voice-intent": "home"}),
                exit_link(
                    icon("globe"),
                    rx.el.span(*(rx.el.span(gettext_for(code)(LANGUAGE), lang=HTML_LANG[code]) for code in LOCALES), class_name="kiosk-language__names"),
                    class_name="kiosk-bar__button kiosk-language",
                    custom_attrs={"data-voice-intent": "language"},
                ),
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
                        "data-worklet": PCM_WORKLET,
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
                # The countdown sentence of each second comes from /_kiosk/settings (one catalogue entry, ngettext).
                rx.el.p(id="kiosk-idle-text", custom_attrs={"data-idle-count": ""}),
                rx.el.button(_("Continue"), type="button", class_name="button kiosk-idle__continue", custom_attrs={"data-idle-continue": ""}),
                class_name="kiosk-idle__box",
            ),
            role="alertdialog",
            aria_modal="true",
            aria_labelledby="kiosk-idle-title",
            aria_describedby="kiosk-idle-text",
            hidden=True,
            class_name="kiosk-idle",
            custom_attrs={"data-idle": "", "data-prompt": prompt_text("idle", locale)},
        ),
        cue(),
        rx.el.div(
            id="kiosk-config",
            hidden=True,
            # Timings and speech rate are run-time settings: kiosk.js reads them from /_kiosk/settings.
            # Every fixed sentence of the locale, so each utterance shows its own caption.
            custom_attrs={
                "data-no-voice": prompt_text("no-voice", locale),
                "data-prompts": json.dumps(_prompts(locale), ensure_ascii=False),
            },
        ),
        class_name="kiosk-screen",
    )
