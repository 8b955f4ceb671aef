"""Logging in and the personal centre: profile, subscriptions, messages."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from clients.base import Endpoint, api_client


class PasswordLogin(BaseModel):
    phone: str
    password: str


class CodeRequest(BaseModel):
    phone: str


class CodeLogin(BaseModel):
    phone: str
    code: str


class PassportLogin(BaseModel):
    passport_number: str
    nationality: str
    password: str


class Profile(BaseModel):
    id: str
    kind: Literal["resident", "foreigner"]
    name: str
    phone_masked: str | None
    id_number_masked: str | None
    passport_masked: str | None
    nationality: str | None
    address: str | None
    phone: str | None
    id_number: str | None
    passport_number: str | None


class LoginResult(BaseModel):
    token: str
    expires_at: dt.datetime
    profile: Profile


class CodeSent(BaseModel):
    sent: bool
    retry_after_seconds: int


class SubscriptionIn(BaseModel):
    topic: Literal["service", "theme", "article-kind"]
    target: str


class Subscription(SubscriptionIn):
    id: int
    name: str


class Message(BaseModel):
    id: int
    kind: str
    reference: str
    title: str
    body: str
    read: bool
    created_at: dt.datetime


LOGIN_PASSWORD = Endpoint("POST", "/auth/password", LoginResult, body=PasswordLogin)
LOGIN_PASSPORT = Endpoint("POST", "/auth/passport", LoginResult, body=PassportLogin)
REQUEST_CODE = Endpoint("POST", "/auth/code/request", CodeSent, body=CodeRequest)
LOGIN_CODE = Endpoint("POST", "/auth/code", LoginResult, body=CodeLogin)
LOGOUT = Endpoint("POST", "/auth/logout", None)
ME = Endpoint("GET", "/me", Profile)
SUBSCRIPTIONS = Endpoint("GET", "/me/subscriptions", list[Subscription])
SUBSCRIBE = Endpoint("POST", "/me/subscriptions", Subscription, body=SubscriptionIn)
UNSUBSCRIBE = Endpoint("DELETE", "/me/subscriptions/{subscription_id}", None)
MESSAGES = Endpoint("GET", "/me/messages", list[Message])
MARK_READ = Endpoint("POST", "/me/messages/{message_id}/read", Message)


async def log_in_with_password(locale: str, phone: str, password: str) -> LoginResult:
    return await api_client().call(LOGIN_PASSWORD, locale=locale, json=PasswordLogin(phone=phone, password=password))


async def log_in_with_passport(locale: str, passport_number: str, nationality: str, password: str) -> LoginResult:
    body = PassportLogin(passport_number=passport_number, nationality=nationality, password=password)
    return await api_client().call(LOGIN_PASSPORT, locale=locale, json=body)


async def request_code(locale: str, phone: str) -> CodeSent:
    return await api_client().call(REQUEST_CODE, locale=locale, json=CodeRequest(phone=phone))


async def log_in_with_code(locale: str, phone: str, code: str) -> LoginResult:
    return await api_client().call(LOGIN_CODE, locale=locale, json=CodeLogin(phone=phone, code=code))


async def log_out(locale: str, token: str) -> None:
    await api_client().call(LOGOUT, locale=locale, token=token)


async def me(locale: str, token: str) -> Profile:
    return await api_client().call(ME, locale=locale, token=token)


async def subscriptions(locale: str, token: str) -> list[Subscription]:
    return await api_client().call(SUBSCRIPTIONS, locale=locale, token=token)


async def subscribe(locale: str, topic: str, target: str, *, token: str) -> Subscription:
    return await api_client().call(SUBSCRIBE, locale=locale, json=SubscriptionIn(topic=topic, target=target), token=token)


async def unsubscribe(locale: str, subscription_id: int, *, token: str) -> None:
    await api_client().call(UNSUBSCRIBE, locale=locale, path={"subscription_id": subscription_id}, token=token)


async def messages(locale: str, token: str) -> list[Message]:
    return await api_client().call(MESSAGES, locale=locale, token=token)


async def mark_read(locale: str, message_id: int, *, token: str) -> Message:
    return await api_client().call(MARK_READ, locale=locale, path={"message_id": message_id}, token=token)
