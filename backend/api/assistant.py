"""The service assistant: a conversation about the city's services."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field, StringConstraints

from backend.api.deps import LocaleQuery
from backend.assistant.dialogue import Assistant
from backend.assistant.replies import say

router = APIRouter(tags=["assistant"])

Topic = Literal["general", "materials", "fee", "time", "where", "hours", "online", "booking", "conditions"]
ConversationId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9_-]{1,64}$")]


class AssistantMessage(BaseModel):
    text: Annotated[str, StringConstraints(min_length=1, max_length=500)] = Field(description="What the person typed or said")
    conversation_id: ConversationId | None = Field(default=None, description="null to start a conversation; then the id each reply gives")


class ServiceRef(BaseModel):
    id: str
    name: str
    lang: str


class AssistantReply(BaseModel):
    conversation_id: str
    reply: str = Field(description="Plain text; lines separated by newlines. Never contains what the person typed.")
    services: list[ServiceRef] = Field(description="The service answered about, or the choices asked between, best first")
    handoff: bool = Field(description="The assistant cannot help: offer the 12345 hotline and a letter")
    suggestions: list[str] = Field(description="What the person might say next")
    act: Literal["answer", "clarify", "handoff", "greet"] = Field(description="answer: about services[0]; clarify: asks which service (of services, if any); handoff: cannot help; greet: small talk")
    topics: list[Topic] = Field(description="The kinds of question the reply answers, in order")


@router.post("/assistant/messages", response_model=AssistantReply)
async def message(body: AssistantMessage, request: Request, locale: LocaleQuery = "zh") -> AssistantReply:
    """One message in a conversation with the service assistant. The
    conversation keeps no personal data and expires after 30 minutes without a
    message; an expired or unknown id starts a new one."""
    assistant: Assistant = request.app.state.assistant
    conversation_id, state, expired = assistant.conversation(body.conversation_id)
    turn = assistant.respond(state, body.text, locale)
    assistant.remember(conversation_id, turn.state)
    reply = turn.reply
    if expired and turn.act != "answer":
        reply = say("expired", locale) + "\n" + reply
    services = [ServiceRef(id=s, name=name, lang=lang) for s in turn.services for name, lang in [assistant.catalogue.name(s, locale)]]
    return AssistantReply(
        conversation_id=conversation_id,
        reply=reply,
        services=services,
        handoff=turn.handoff,
        suggestions=list(turn.suggestions),
        act=turn.act,  # type: ignore[arg-type]
        topics=list(turn.topics),  # type: ignore[arg-type]
    )
