"""The service catalogue: services, departments, themes, life events."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from clients.base import Cached, Endpoint, api_client

Audience = Literal["resident", "business", "tourist", "investor"]


class Named(BaseModel):
    id: str
    name: str
    lang: str


class Department(Named):
    phone: str
    address: str


class LifeEvent(Named):
    description: str


class ServiceSummary(BaseModel):
    id: str
    name: str
    summary: str
    department: Named
    themes: list[str]
    audiences: list[Audience]
    life_events: list[str]
    mode: Literal["online", "in_person", "both"]
    online_application: bool
    appointment: bool
    popularity: int
    promised_limit_days: int
    fee_cny: str
    lang: str


class Material(BaseModel):
    name: str
    note: str | None
    original: bool
    copies: int
    required: bool
    upload: bool
    certificate: str | None = None  # the kind of e-certificate that is this material, for its holder


class Faq(BaseModel):
    question: str
    answer: str


class ServiceDetail(ServiceSummary):
    code: str
    eligibility: str
    conditions: list[str]
    materials: list[Material]
    legal_limit_days: int
    max_visits: int
    fee_note: str
    where: str
    halls: list[Named]
    faqs: list[Faq]
    legal_basis: str
    instant_approval: bool  # approved by rule in seconds (秒批) when every required material is an e-certificate on file
    last_reviewed: dt.date


class ServicePage(BaseModel):
    items: list[ServiceSummary]
    total: int
    page: int
    size: int


DEPARTMENTS = Endpoint("GET", "/departments", list[Department])
THEMES = Endpoint("GET", "/themes", list[Named])
LIFE_EVENTS = Endpoint("GET", "/life-events", list[LifeEvent])
SERVICES = Endpoint("GET", "/services", ServicePage)
SERVICE = Endpoint("GET", "/services/{service_id}", ServiceDetail)


async def departments(locale: str) -> Cached[list[Department]]:
    return await api_client().read_cached(DEPARTMENTS, locale=locale)


async def themes(locale: str) -> Cached[list[Named]]:
    return await api_client().read_cached(THEMES, locale=locale)


async def life_events(locale: str) -> Cached[list[LifeEvent]]:
    return await api_client().read_cached(LIFE_EVENTS, locale=locale)


async def services(
    locale: str,
    *,
    department: str | None = None,
    theme: str | None = None,
    audience: str | None = None,
    life_event: str | None = None,
    mode: str | None = None,
    page: int = 1,
    size: int = 20,
) -> Cached[ServicePage]:
    params = {"department": department, "theme": theme, "audience": audience, "life_event": life_event, "mode": mode, "page": page, "size": size}
    return await api_client().read_cached(SERVICES, locale=locale, params={k: v for k, v in params.items() if v is not None})


async def service(locale: str, service_id: str) -> Cached[ServiceDetail]:
    return await api_client().read_cached(SERVICE, locale=locale, path={"service_id": service_id})
