"""The service assistant (智能客服): one message at a time in a conversation."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from clients.base import Endpoint, api_client

Act = Literal["answer", "clarify", "handoff", "greet"]
Topic = Literal["general", "materials", "fee", "time", "where", "hours", "online", "booking", "conditions"]


class Message(BaseModel):
    text: str
    conversation_id: str | None = None


class ServiceRef(BaseModel):
    id: str
    name: str
    lang: str


class Reply(BaseModel):
    """``act``: "answer" (about ``services[0]``), "clarify" (which of
    ``services``?), "handoff" (offer the 12345 hotline and a letter) or
    "greet". ``reply`` is plain text, lines separated by newlines."""

    conversation_id: str
    reply: str
    services: list[ServiceRef]
    handoff: bool
    suggestions: list[str]
    act: Act
    topics: list[Topic]


SEND = Endpoint("POST", "/assistant/messages", Reply, body=Message)


async def send(locale: str, text: str, conversation_id: str | None = None) -> Reply:
    """Send what the person typed or said; raises ``InvalidInput`` for an empty
    or over-long text, ``Unavailable`` when the assistant cannot be reached."""
    return await api_client().call(SEND, locale=locale, json=Message(text=text, conversation_id=conversation_id))
