"""The service assistant's dialogue: what a message asks, which service it is
about, and what to say back.

Understanding has two parts. A small intent classifier spots what is asked
(materials, fee, time, where, hours, online, booking, conditions, or "general")
from the cue phrases of the locale's lexicon. The service comes from the search
index (the same analysis and BM25 ranking as search), with an honest
threshold on each hit's coverage (the share of the message's meaning it
matched): sure -> answer; two services fit -> ask which; unsure -> offer the
nearest and ask; nothing -> say so and hand over to the 12345 hotline.

A conversation remembers only what the dialogue needs: the service under
discussion, the kinds of question asked, and the services offered in a
clarifying question. Never the person's words. It expires after
``TTL_SECONDS`` without a message.
"""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from cachetools import TTLCache

from backend.analysis import INTENTS, find_phrases, lexicon, prepare_query
from backend.assistant.answers import Catalogue, answer
from backend.assistant.replies import either, examples, question, say
from backend.search import SearchIndex

TTL_SECONDS = 30 * 60
MAX_CONVERSATIONS = 20_000
# A service "fits" a message when it matched at least this share of its meaning...
FIT = 0.6
# ...and another fits as well when it scores at least this share of the best.
RIVAL = 0.8
# Below FIT but above this, a service is offered as a guess, never answered about.
WEAK = 0.3
MAX_CHOICES = 3
MAX_INTENTS = 3

# Personal data a person may type; scrubbed before anything reads the message.
_PERSONAL = re.compile(
    r"[\w.+-]+@[\w-]+\.[\w.]+"  # e-mail
    r"|\b\d{17}[\dXx]\b|\b\d{15}\b"  # Chinese resident ID numbers
    r"|\+?\d[\d\s-]{6,}\d"  # phone numbers and other long numbers
    r"|\b[A-Za-z]{1,2}\d{6,9}\b"  # passport-like numbers
)
_MARKUP = re.compile(r"<[^<>]{0,200}>")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def scrub(text: str) -> str:
    """The message without control characters, markup, e-mail addresses, ID,
    phone or passport numbers (none of which identify a service)."""
    return _PERSONAL.sub(" ", _MARKUP.sub(" ", _CONTROL.sub(" ", text))).strip()


def classify(locale: str, text: str) -> list[str]:
    """The kinds of question ``text`` asks (``analysis.INTENTS``), strongest
    first; empty for a general question. Each cue phrase found votes for its
    kind with its length."""
    cues = lexicon(locale).questions
    owner = {phrase: intent for intent in INTENTS for phrase in cues[intent]}
    votes: dict[str, int] = {}
    for start, end, phrase in find_phrases(locale, text, tuple(owner)):
        votes[owner[phrase]] = votes.get(owner[phrase], 0) + end - start
    return sorted(votes, key=lambda intent: (-votes[intent], INTENTS.index(intent)))


@dataclass(frozen=True)
class Conversation:
    """What a conversation remembers between messages (no personal data)."""

    service: str | None = None  # the service under discussion
    intents: tuple[str, ...] = ()  # what was last asked
    pending: tuple[str, ...] = ()  # services offered in a clarifying question


@dataclass(frozen=True)
class Turn:
    """The assistant's reply to one message. ``act``: "answer" (about
    ``services[0]``), "clarify" (which of ``services``?), "handoff" (outside
    the city's services or nothing found: the hotline and a letter), "greet"."""

    reply: str
    act: str
    services: tuple[str, ...] = ()
    handoff: bool = False
    suggestions: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()  # the kinds of question answered ("general" or analysis.INTENTS)
    state: Conversation = field(default_factory=Conversation)


class Assistant:
    """Answers messages about the catalogue's services, in five languages."""

    def __init__(self, index: SearchIndex, catalogue: Catalogue, clock: Callable[[], float] = time.monotonic):
        """``clock``: seconds, for the conversations' expiry."""
        self.index = index
        self.catalogue = catalogue
        self._conversations: TTLCache = TTLCache(maxsize=MAX_CONVERSATIONS, ttl=TTL_SECONDS, timer=clock)

    # ---------------------------------------------------------- conversations

    def conversation(self, conversation_id: str | None) -> tuple[str, Conversation, bool]:
        """The conversation with that id, or a new one; the flag says an id was
        given but has expired (or never existed)."""
        if conversation_id and conversation_id in self._conversations:
            return conversation_id, self._conversations[conversation_id], False
        return secrets.token_urlsafe(16), Conversation(), bool(conversation_id)

    def remember(self, conversation_id: str, state: Conversation) -> None:
        self._conversations[conversation_id] = state

    # ---------------------------------------------------------- understanding

    def respond(self, state: Conversation, text: str, locale: str) -> Turn:
        """The reply to ``text`` (what a person typed or said) in a conversation."""
        text = scrub(text)
        lex = lexicon(locale)
        intents = tuple(classify(locale, text))[:MAX_INTENTS]
        switching = bool(find_phrases(locale, text, lex.switch))
        small_talk = (*lex.greeting, *lex.thanks)
        drop = (*(p for cues in lex.questions.values() for p in cues), *lex.switch, *small_talk)
        prepared = prepare_query(locale, text, drop)
        has_content = bool(prepared.groups or prepared.concepts())

        if not has_content:
            if find_phrases(locale, text, lex.thanks) and not intents:
                return Turn(say("thanks", locale), "greet", state=state, suggestions=self._follow_ups(state, locale))
            if intents and state.service:
                return self._answer(state, state.service, intents, locale)
            if state.pending:
                return self._clarify(state, list(state.pending), intents or state.intents, locale, "clarify")
            if intents:
                return Turn(say("which_service", locale), "clarify", state=replace(state, intents=intents), suggestions=tuple(examples(locale)))
            return Turn(say("welcome", locale), "greet", state=state, suggestions=tuple(examples(locale)))

        hits = self.index.rank(text, locale, kinds=("service",), drop=drop)
        if switching and state.service:
            hits = [h for h in hits if h.id != state.service]
        remembered = intents or (state.intents if switching or state.pending or not state.service else ())
        fitting = [h for h in hits if h.coverage >= FIT]

        if state.pending and not switching:
            chosen = [h for h in hits if h.id in state.pending and h.coverage >= WEAK]
            if chosen and (len(chosen) == 1 or chosen[1].score < RIVAL * chosen[0].score):
                return self._answer(state, chosen[0].id, intents or state.intents, locale)
        if find_phrases(locale, text, lex.outside) and not (fitting and fitting[0].coverage >= 1.0):
            return self._handoff(locale, "outside")
        if not switching and state.service and any(h.id == state.service for h in fitting):
            return self._answer(state, state.service, intents or ("general",), locale)
        if fitting:
            rivals = [h for h in fitting[1:] if h.score >= RIVAL * fitting[0].score]
            if rivals:
                return self._clarify(state, [h.id for h in [fitting[0], *rivals]], remembered, locale, "clarify")
            return self._answer(state, fitting[0].id, remembered or ("general",), locale)
        weak = [h.id for h in hits if h.coverage >= WEAK]
        if weak:
            return self._clarify(state, weak, remembered, locale, "unsure")
        if intents and state.service:
            return self._answer(state, state.service, intents, locale)
        return self._handoff(locale, "not_found")

    # ---------------------------------------------------------- replies

    def _answer(self, state: Conversation, service_id: str, intents: tuple[str, ...], locale: str) -> Turn:
        topics = intents or ("general",)
        lines = [line for topic in topics for line in answer(self.catalogue, service_id, topic, locale)]
        new_state = Conversation(service=service_id, intents=intents)
        return Turn("\n".join(lines), "answer", services=(service_id,), topics=topics, state=new_state, suggestions=self._follow_ups(new_state, locale))

    def _clarify(self, state: Conversation, service_ids: list[str], intents: tuple[str, ...], locale: str, key: str) -> Turn:
        service_ids = service_ids[:MAX_CHOICES]
        names = [self.catalogue.name(s, locale)[0] for s in service_ids]
        new_state = Conversation(service=state.service, intents=intents, pending=tuple(service_ids))
        return Turn(say(key, locale, choices=either(names, locale)), "clarify", services=tuple(service_ids), state=new_state, suggestions=tuple(names))

    def _handoff(self, locale: str, key: str) -> Turn:
        # Nothing is remembered: the next message starts afresh.
        return Turn(say(key, locale), "handoff", handoff=True, state=Conversation())

    def _follow_ups(self, state: Conversation, locale: str) -> tuple[str, ...]:
        if not state.service:
            return tuple(examples(locale))
        return tuple(question(intent, locale) for intent in INTENTS if intent not in state.intents)[:4]

