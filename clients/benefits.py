"""The benefits finder (政策计算器): which services and policies are likely to
apply, with the reasons in plain words. The check stores nothing."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from clients.base import Endpoint, api_client

Audience = Literal["resident", "business"]
Residence = Literal["hukou", "residence_card", "permanent_resident", "foreigner", "elsewhere"]
Household = Literal["alone", "with_family"]
Income = Literal["subsistence", "low", "middle", "high"]
Children = Literal["none", "under_3", "age_3_to_5", "age_6_to_15", "age_16_to_17"]
Size = Literal["micro", "small", "medium", "large"]
Industry = Literal["catering", "retail", "manufacturing", "technology", "services", "other"]
Location = Literal["haizhou", "elsewhere"]


class ResidentAnswers(BaseModel):
    """``None`` is a skipped question."""

    age: int | None = None
    residence: Residence | None = None
    household: Household | None = None
    income: Income | None = None
    disability: bool | None = None
    children: Children | None = None


class BusinessAnswers(BaseModel):
    size: Size | None = None
    industry: Industry | None = None
    years: int | None = None  # years in business; 0 = not started yet
    location: Location | None = None


class BenefitsCheck(BaseModel):
    audience: Audience
    resident: ResidentAnswers = ResidentAnswers()
    business: BusinessAnswers = BusinessAnswers()


class Target(BaseModel):
    kind: Literal["service", "article"]
    id: str
    name: str
    lang: str


class Benefit(BaseModel):
    rule: str
    match: Literal["likely", "possible"]
    target: Target
    reasons: list[str]
    skipped: list[str]  # question names
    check: str


class Benefits(BaseModel):
    results: list[Benefit]


class Prefill(BaseModel):
    age: int | None
    residence: Residence | None


CHECK = Endpoint("POST", "/benefits/check", Benefits, body=BenefitsCheck)
PREFILL = Endpoint("GET", "/me/benefits-prefill", Prefill)


async def check(locale: str, answers: BenefitsCheck) -> Benefits:
    """Raises ``InvalidInput`` with ``resident.<question>`` / ``business.<question>`` fields."""
    return await api_client().call(CHECK, locale=locale, json=answers)


async def prefill(locale: str, token: str) -> Prefill:
    """What the logged-in person's account holds that the questionnaire asks."""
    return await api_client().call(PREFILL, locale=locale, token=token)
