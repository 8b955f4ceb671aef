"""The kiosk's "Ask the assistant" screen: the service assistant by touch keyboard,
by touching an example or a suggestion, and by voice where a speech model
exists (the talk button dictates the question; kiosk.js puts it in the field
and sends it). The answer is shown, spoken, and links to the guide it came from."""

from __future__ import annotations

import dataclasses

import reflex as rx

from clients import assistant
from clients.base import ClientError
from components.icons import icon
from components.links import nav_link
from components.notices import notice
from kiosk.keypad import name_keyboard
from kiosk.layout import kiosk_frame, kiosk_href, kiosk_input
from kiosk.state import KioskState
from locales import N_, api_locale, gettext_for

MAX_TEXT = 500
# Ways to start, in the words of each language (the catalogue translates them).
EXAMPLES = (N_("I lost my ID card"), N_("How much does a passport cost?"), N_("I want to extend my visa"))


@dataclasses.dataclass
class GuideChoice:
    id: str
    label: str


class KioskAskState(KioskState):
    question: str = ""  # the last question asked (shown above its answer)
    answer: str = ""
    guides: list[GuideChoice] = []
    handoff: bool = False
    suggestions: list[str] = []
    conversation_id: str = ""
    error: str = ""  # "", empty, unavailable
    field_key: int = 0

    @rx.event
    def load(self):
        self.reset()

    @rx.event
    async def ask(self, locale: str, form: dict):
        return await self._ask(locale, str(form.get("question", "")))

    @rx.event
    async def choose(self, locale: str, text: str):
        return await self._ask(locale, text)

    async def _ask(self, locale: str, text: str):
        text = text.strip()[:MAX_TEXT]
        if not text:
            self.error = "empty"
            return
        try:
            reply = await assistant.send(api_locale(locale), text, self.conversation_id or None)
        except ClientError:
            self.error = "unavailable"
            return
        self.error, self.question, self.answer = "", text, reply.reply
        self.conversation_id = reply.conversation_id
        self.guides = [GuideChoice(s.id, s.name) for s in reply.services]
        self.handoff = reply.handoff
        self.suggestions = reply.suggestions[:4]
        self.field_key += 1
        self._say(reply.reply)


def ask_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return kiosk_frame(
        locale,
        "ask",
        rx.el.h1(_("Ask the assistant")),
        rx.el.section(
            rx.cond(
                KioskAskState.answer != "",
                rx.fragment(
                    rx.el.p(rx.el.strong(_("Your question:")), " ", KioskAskState.question, class_name="kiosk-lead"),
                    rx.el.p(KioskAskState.answer, class_name="chat__text", custom_attrs={"data-answer": "", "data-content": ""}),
                    rx.cond(
                        KioskAskState.handoff,
                        rx.el.p(_("Staff at the information desk can help you, or call 12345."), class_name="kiosk-lead"),
                    ),
                    rx.el.div(
                        rx.foreach(
                            KioskAskState.guides,
                            lambda guide: nav_link(icon("document"), rx.el.span(guide.label), href=kiosk_href(locale, "guides") + "?service=" + guide.id, class_name="kiosk-choice"),
                        ),
                        class_name="kiosk-choices",
                    ),
                ),
                rx.el.p(_("Type your question, touch an example, or hold the talk button and say it."), class_name="kiosk-lead"),
            ),
            aria_live="polite",
            class_name="kiosk-answer",
        ),
        rx.el.div(
            rx.cond(
                KioskAskState.suggestions.length() > 0,
                rx.foreach(
                    KioskAskState.suggestions,
                    lambda text: rx.el.button(text, type="button", class_name="kiosk-choice", on_click=KioskAskState.choose(locale, text)),
                ),
                rx.fragment(*(rx.el.button(_(example), type="button", class_name="kiosk-choice", on_click=KioskAskState.choose(locale, _(example))) for example in EXAMPLES)),
            ),
            class_name="kiosk-choices",
        ),
        rx.el.form(
            rx.el.label(_("Your question"), html_for="kiosk-question", class_name="label--large"),
            kiosk_input("question", MAX_TEXT, key=KioskAskState.field_key, voice="text"),
            rx.match(
                KioskAskState.error,
                ("empty", rx.el.p(_("Type your question first."), class_name="field-error", role="alert")),
                ("unavailable", notice(rx.el.p(_("The assistant cannot be reached right now. Please go to the information desk.")), tone="error")),
                rx.fragment(),
            ),
            name_keyboard(locale, "kiosk-question", label=_("Keyboard for your question")),
            rx.el.button(icon("chat"), _("Ask"), type="submit", class_name="button", custom_attrs={"data-testid": "kiosk-ask"}),
            on_submit=KioskAskState.ask(locale),
        ),
    )
