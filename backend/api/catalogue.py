"""The service catalogue: items, departments, themes and life events."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from pydantic import BaseModel
from sqlmodel import select

from backend import models
from backend.api.deps import LocaleQuery, Page, SessionDep, Size
from backend.errors import not_found
from backend.localize import localize, text

router = APIRouter(tags=["catalogue"])

Audience = Literal["resident", "business", "tourist", "investor"]
Mode = Literal["online", "in_person", "both"]


class Named(BaseModel):
    id: str
    name: str
    lang: str


class LifeEventOut(Named):
    description: str


class DepartmentOut(Named):
    phone: str
    address: str


class ServiceSummary(BaseModel):
    id: str
    name: str
    summary: str
    department: Named
    themes: list[str]
    audiences: list[Audience]
    life_events: list[str]
    mode: Mode
    online_application: bool
    appointment: bool
    popularity: int
    promised_limit_days: int
    fee_cny: str
    lang: str


class MaterialOut(BaseModel):
    name: str
    note: str | None
    original: bool
    copies: int
    required: bool
    upload: bool
    certificate: str | None = None  # the kind of e-certificate that is this material, for its holder


class FaqOut(BaseModel):
    question: str
    answer: str


class ServiceDetail(ServiceSummary):
    code: str
    eligibility: str
    conditions: list[str]
    materials: list[MaterialOut]
    legal_limit_days: int
    max_visits: int
    fee_note: str
    where: str
    halls: list[Named]
    faqs: list[FaqOut]
    legal_basis: str
    instant_approval: bool  # approved by rule in seconds (秒批) when every required material is an e-certificate on file
    last_reviewed: dt.date


class ServicePage(BaseModel):
    items: list[ServiceSummary]
    total: int
    page: int
    size: int


async def _department_names(session, locale: str) -> dict[str, Named]:
    return {
        d.id: Named(id=d.id, name=text(d.data["name"], locale), lang=locale if d.data["name"].get(locale) else "zh")
        for d in await session.exec(select(models.Department))
    }


def service_summary(service: models.Service, departments: dict[str, Named], locale: str) -> ServiceSummary:
    data = localize(service.data, locale)
    return ServiceSummary(
        id=service.id,
        name=data["name"],
        summary=data["summary"],
        department=departments[service.department],
        themes=data["themes"],
        audiences=data["audiences"],
        life_events=data["life_events"],
        mode=service.mode,
        online_application=service.online_application,
        appointment=service.appointment,
        popularity=service.popularity,
        promised_limit_days=data["promised_limit_days"],
        fee_cny=str(data["fee_cny"]),
        lang=data["lang"],
    )


@router.get("/departments", response_model=list[DepartmentOut])
async def list_departments(session: SessionDep, locale: LocaleQuery = "zh") -> list[DepartmentOut]:
    rows = await session.exec(select(models.Department).order_by(models.Department.id))
    return [DepartmentOut(id=r.id, **{k: v for k, v in localize(r.data, locale).items() if k != "id"}) for r in rows]


@router.get("/themes", response_model=list[Named])
async def list_themes(session: SessionDep, locale: LocaleQuery = "zh") -> list[Named]:
    return [Named(id=r.id, **{k: v for k, v in localize(r.data, locale).items() if k != "id"}) for r in await session.exec(select(models.Theme))]


@router.get("/life-events", response_model=list[LifeEventOut])
async def list_life_events(session: SessionDep, locale: LocaleQuery = "zh") -> list[LifeEventOut]:
    rows = await session.exec(select(models.LifeEvent).order_by(models.LifeEvent.position))
    return [LifeEventOut(id=r.id, **{k: v for k, v in localize(r.data, locale).items() if k != "id"}) for r in rows]


@router.get("/services", response_model=ServicePage)
async def list_services(
    session: SessionDep,
    locale: LocaleQuery = "zh",
    department: Annotated[str | None, Query(max_length=60)] = None,
    theme: Annotated[str | None, Query(max_length=60)] = None,
    audience: Audience | None = None,
    life_event: Annotated[str | None, Query(max_length=60)] = None,
    mode: Literal["online", "in_person"] | None = None,
    page: Page = 1,
    size: Size = 20,
) -> ServicePage:
    """Services, most used first. ``mode=online`` keeps those that can be done
    online; ``mode=in_person`` those that can be done at a hall."""
    query = select(models.Service).order_by(models.Service.popularity.desc(), models.Service.id)
    if department:
        query = query.where(models.Service.department == department)
    rows = [
        s
        for s in await session.exec(query)
        if (not theme or theme in s.data["themes"])
        and (not audience or audience in s.data["audiences"])
        and (not life_event or life_event in s.data["life_events"])
        and (mode is None or s.mode in (mode, "both"))
    ]
    departments = await _department_names(session, locale)
    start = (page - 1) * size
    return ServicePage(
        items=[service_summary(s, departments, locale) for s in rows[start : start + size]],
        total=len(rows),
        page=page,
        size=size,
    )


@router.get("/services/{service_id}", response_model=ServiceDetail)
async def get_service(service_id: Annotated[str, Path(max_length=60)], session: SessionDep, locale: LocaleQuery = "zh") -> ServiceDetail:
    service = await session.get(models.Service, service_id)
    if service is None:
        raise not_found("service")
    departments = await _department_names(session, locale)
    data = localize(service.data, locale)
    halls = await session.exec(select(models.Hall).where(models.Hall.id.in_(service.data["halls"])).order_by(models.Hall.position))
    return ServiceDetail(
        **service_summary(service, departments, locale).model_dump(),
        code=data["code"],
        eligibility=data["eligibility"],
        conditions=data["conditions"],
        materials=[MaterialOut(**{"note": None, **m}) for m in data["materials"]],
        legal_limit_days=data["legal_limit_days"],
        max_visits=data["max_visits"],
        fee_note=data["fee_note"],
        where=data["where"],
        halls=[Named(id=h.id, name=text(h.data["name"], data["lang"]), lang=data["lang"]) for h in halls],
        faqs=[FaqOut(**f) for f in data["faqs"]],
        legal_basis=data["legal_basis"],
        instant_approval=data.get("instant_approval", False),
        last_reviewed=data["last_reviewed"],
    )
