"""Consultations, complaints, suggestions and the mayor's mailbox; ratings (好差评)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from clients.base import Endpoint, api_client

LetterKind = Literal["consultation", "complaint", "suggestion", "mailbox"]
Category = Literal["social-security", "healthcare", "education", "housing", "transport", "environment", "public-safety", "business", "other"]


class LetterForm(BaseModel):
    kind: LetterKind
    category: Category
    subject: str
    body: str
    contact_preference: Literal["phone", "sms", "email", "none"]
    name: str | None = None
    phone: str | None = None
    email: str | None = None
    locale: str
    attachments: list[str] = []


class Letter(BaseModel):
    id: str
    kind: LetterKind
    category: Category
    subject: str
    body: str
    status: Literal["received", "in_progress", "replied"]
    reply: str | None
    replied_at: dt.datetime | None
    created_at: dt.datetime
    access_code: str | None = None


class Rating(BaseModel):
    target_type: Literal["application", "appointment"]
    target_id: str
    ease: int
    speed: int
    attitude: int
    comment: str = ""


class Evaluation(Rating):
    created_at: dt.datetime


SEND = Endpoint("POST", "/letters", Letter, body=LetterForm)
READ = Endpoint("GET", "/letters/{ticket}", Letter)
MY_LETTERS = Endpoint("GET", "/me/letters", list[Letter])
RATE = Endpoint("POST", "/evaluations", Evaluation, body=Rating)
RATING = Endpoint("GET", "/evaluations/{target_type}/{target_id}", Evaluation)


async def send_letter(locale: str, form: LetterForm, *, idempotency_key: str, token: str | None = None) -> Letter:
    return await api_client().call(SEND, locale=locale, json=form, token=token, idempotency_key=idempotency_key)


async def read_letter(locale: str, ticket: str, *, access_code: str | None = None, token: str | None = None) -> Letter:
    return await api_client().call(READ, locale=locale, path={"ticket": ticket}, params={"access_code": access_code}, token=token)


async def my_letters(locale: str, token: str) -> list[Letter]:
    return await api_client().call(MY_LETTERS, locale=locale, token=token)


async def rate(locale: str, rating: Rating, *, token: str) -> Evaluation:
    return await api_client().call(RATE, locale=locale, json=rating, token=token)


async def rating(locale: str, target_type: str, target_id: str, *, token: str) -> Evaluation:
    return await api_client().call(RATING, locale=locale, path={"target_type": target_type, "target_id": target_id}, token=token)
