"""The service assistant (智能客服) as an accessible chat: the conversation is
a log whose new replies are announced (aria-live), every answer links to the
guide it comes from, and when the assistant cannot help it offers the 12345
hotline and a letter. Keyboard only works throughout: the question field keeps
focus, suggestions are buttons."""

from __future__ import annotations

import dataclasses
from urllib.parse import urlencode

import reflex as rx

from clients import assistant
from clients.base import ClientError, InvalidInput
from components.footer import hotline_link
from components.icons import icon
from components.links import locale_href, nav_link
from components.page import page_frame
from locales import HTML_LANG, api_locale, gettext_for

MAX_MESSAGES = 40
MAX_TEXT = 500


@dataclasses.dataclass
class GuideLink:
    label: str
    href: str
    lang: str


@dataclasses.dataclass
class ChatMessage:
    mine: bool
    text: str
    guides: list[GuideLink] = dataclasses.field(default_factory=list)
    handoff: bool = False


def assistant_href(locale: str, question: str = "") -> str:
    """The assistant page, asked ``question`` straight away when there is one."""
    return locale_href(locale, "assistant" + ("?" + urlencode({"q": question}) if question else ""))


class AssistantState(rx.State):
    messages: list[ChatMessage] = []
    suggestions: list[str] = []
    conversation_id: str = ""
    draft: str = ""  # a question that could not be sent, put back in the field
    draft_key: int = 0
    error: str = ""  # "", too_long, empty, unavailable
    busy: bool = False

    @rx.event
    async def load(self, locale: str):
        self.error, self.busy = "", False
        question = str(self.router.url.query_parameters.get("q", "")).strip()[:MAX_TEXT]
        if question and not self.messages:
            async for update in self._send(locale, question):
                yield update

    @rx.event
    async def send(self, locale: str, form: dict):
        async for update in self._send(locale, str(form.get("question", ""))):
            yield update

    @rx.event
    async def suggest(self, locale: str, text: str):
        async for update in self._send(locale, text):
            yield update

    @rx.event
    def restart(self):
        self.messages, self.suggestions, self.conversation_id, self.error = [], [], "", ""
        return rx.set_focus("assistant-question")

    async def _send(self, locale: str, text: str):
        text = text.strip()
        if not text:
            self.error = "empty"
            return
        if len(text) > MAX_TEXT:
            self.error, self.draft, self.draft_key = "too_long", text, self.draft_key + 1
            yield rx.set_focus("assistant-question")
            return
        self.error, self.busy = "", True
        self.messages = [*self.messages, ChatMessage(mine=True, text=text)][-MAX_MESSAGES:]
        if self.draft:  # a question put back after a failure: empty the field again
            self.draft, self.draft_key = "", self.draft_key + 1
        yield
        try:
            reply = await assistant.send(api_locale(locale), text, self.conversation_id or None)
        except ClientError as error:
            self.error = "too_long" if isinstance(error, InvalidInput) else "unavailable"
            self.draft, self.draft_key, self.busy = text, self.draft_key + 1, False
            self.messages = self.messages[:-1]
            yield rx.set_focus("assistant-question")
            return
        self.conversation_id = reply.conversation_id
        guides = [
            GuideLink(s.name, locale_href(locale, f"services/{s.id}"), HTML_LANG["zh"] if s.lang == "zh" else HTML_LANG.get(locale, "en"))
            for s in reply.services
        ]
        self.messages = [*self.messages, ChatMessage(mine=False, text=reply.reply, guides=guides, handoff=reply.handoff)][-MAX_MESSAGES:]
        self.suggestions = reply.suggestions[:6]
        self.busy = False
        # Ready for the next question (a suggestion button chosen by keyboard is replaced by new ones).
        yield rx.set_focus("assistant-question")


def _message(locale: str, message: rx.Var) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.div(rx.cond(message.mine, _("You"), _("Assistant")), class_name="chat__who"),  # a label, not a paragraph
        rx.el.p(message.text, class_name="chat__text", custom_attrs={"data-content": ""}),
        rx.cond(
            message.guides.length() > 0,
            rx.el.ul(
                rx.foreach(
                    message.guides,
                    lambda guide: rx.el.li(nav_link(icon("document"), rx.el.span(guide.label), href=guide.href, lang=guide.lang)),
                ),
                aria_label=_("Service guides"),
                class_name="chat__guides",
            ),
        ),
        rx.cond(
            message.handoff,
            rx.el.div(
                hotline_link(locale),
                nav_link(icon("chat"), rx.el.span(_("Write to us")), href=locale_href(locale, "interact/consultation"), class_name="button button--secondary"),
                class_name="chat__handoff",
            ),
        ),
        class_name=rx.cond(message.mine, "chat__message chat__message--mine", "chat__message"),
    )


def assistant_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "assistant",
        rx.el.h1(_("Service assistant")),
        rx.el.p(
            _("Ask in your own words what you need to do. The answers come from the official service guides. For anything else, call the hotline."),
            class_name="lead",
        ),
        rx.el.section(
            rx.el.h2(_("Conversation"), id="chat-title", class_name="visually-hidden"),
            rx.cond(
                AssistantState.messages.length() == 0,
                rx.el.p(_("For example: “I lost my ID card”, “How much does a passport cost?”, “Can I extend my visa online?”"), class_name="hint"),
            ),
            rx.el.div(
                rx.el.ol(rx.foreach(AssistantState.messages, lambda m: _message(locale, m)), class_name="chat"),
                role="log",
                aria_live="polite",
                aria_labelledby="chat-title",
            ),
            rx.cond(AssistantState.busy, rx.el.p(_("The assistant is answering…"), class_name="loading")),
            aria_labelledby="chat-title",
        ),
        rx.cond(
            AssistantState.suggestions.length() > 0,
            rx.el.section(
                rx.el.h2(_("You could ask"), id="suggestions-title", class_name="chat__suggestions-title"),
                rx.el.ul(
                    rx.foreach(
                        AssistantState.suggestions,
                        lambda text: rx.el.li(
                            rx.el.button(text, type="button", class_name="button button--secondary", on_click=AssistantState.suggest(locale, text))
                        ),
                    ),
                    class_name="chat__suggestions",
                ),
                aria_labelledby="suggestions-title",
            ),
        ),
        rx.el.form(
            rx.el.label(_("Your question"), html_for="assistant-question", class_name="label--large"),
            rx.el.p(
                _("Do not type personal details such as ID or phone numbers: the assistant does not need them."),
                id="assistant-question-hint",
                class_name="hint",
            ),
            rx.el.p(
                rx.match(
                    AssistantState.error,
                    ("empty", _("Type your question first.")),
                    ("too_long", _("Your question is too long. Please keep it under 500 characters.")),
                    ("unavailable", _("The assistant cannot be reached right now. Your question has been kept: please try again, or call the hotline.")),
                    "",
                ),
                id="assistant-question-error",
                class_name="field-error",
                role="alert",
                hidden=AssistantState.error == "",
            ),
            rx.el.div(
                rx.el.input(
                    id="assistant-question",
                    name="question",
                    type="text",
                    auto_complete="off",
                    max_length=MAX_TEXT + 100,
                    enter_key_hint="send",
                    default_value=AssistantState.draft,
                    key=AssistantState.draft_key,
                    aria_describedby="assistant-question-hint assistant-question-error",
                    aria_invalid=rx.cond(AssistantState.error == "", None, "true"),
                    class_name="input--wide",
                ),
                rx.el.button(icon("chat"), rx.el.span(_("Send")), type="submit", class_name="button", disabled=AssistantState.busy),
                class_name="chat__compose",
            ),
            rx.el.button(_("Start a new conversation"), type="button", class_name="button button--secondary", on_click=AssistantState.restart),
            on_submit=AssistantState.send(locale),
            reset_on_submit=True,  # the field empties at once and keeps focus; a failed send puts the text back
            class_name="chat__form",
        ),
        trail=[(_("Service assistant"), "assistant")],
    )


def assistant_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Service assistant")


def assistant_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Ask about any government service in your own words, and get answers from the official guides.")
