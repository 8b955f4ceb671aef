"""The benefits finder (政策计算器): which services and policies are likely
to apply to a person or a business, with the reasons in plain words. The check
stores nothing; a logged-in person may pre-fill what their account holds."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field
from stdnum.cn import ric
from stdnum.exceptions import ValidationError as StdnumError

from backend import models
from backend.api.deps import CurrentAccount, LocaleQuery, SessionDep
from backend.benefits import Audience, Children, Household, Income, Industry, Location, Match, Residence, Size, evaluate, seed_rules
from backend.localize import text

router = APIRouter(tags=["benefits"])


class ResidentAnswers(BaseModel):
    """Every answer may be skipped (null). Strict: ``false`` is not an age, nor ``"1"`` a yes."""

    model_config = ConfigDict(extra="forbid", strict=True)
    age: int | None = Field(default=None, ge=0, le=130)
    residence: Residence | None = None
    household: Household | None = None
    income: Income | None = None
    disability: bool | None = None
    children: Children | None = None


class BusinessAnswers(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)
    size: Size | None = None
    industry: Industry | None = None
    years: int | None = Field(default=None, ge=0, le=200)  # years in business; 0 = not started yet
    location: Location | None = None


class BenefitsCheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
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
    match: Match
    target: Target
    reasons: list[str]  # for each answer that led here, in plain words
    skipped: list[str]  # the questions not answered that this rule depends on
    check: str


class BenefitsOut(BaseModel):
    results: list[Benefit]  # likely ones first


class Prefill(BaseModel):
    """What the account holds that the questionnaire asks (null when it does not hold it)."""

    age: int | None
    residence: Residence | None


async def _target(session, kind: str, target_id: str, locale: str) -> Target:
    record = await session.get(models.Service if kind == "service" else models.Article, target_id)
    names = record.data["name"] if kind == "service" else record.data["title"]
    return Target(kind=kind, id=target_id, name=text(names, locale), lang=locale if names.get(locale) else "zh")


@router.post("/benefits/check", response_model=BenefitsOut)
async def check(body: BenefitsCheckIn, session: SessionDep, locale: LocaleQuery = "zh") -> BenefitsOut:
    """The rules of ``benefit_rules.yaml`` against the answers. Nothing is stored or logged."""
    answers = (body.resident if body.audience == "resident" else body.business).model_dump()
    results = []
    for rule in seed_rules():
        if rule.audience != body.audience or (outcome := evaluate(rule, answers)) is None:
            continue
        match, met, skipped = outcome
        kind, target_id = ("service", rule.service) if rule.service else ("article", rule.article)
        results.append(
            Benefit(
                rule=rule.id,
                match=match,
                target=await _target(session, kind, target_id, locale),
                reasons=[getattr(rule.when[name].reason, locale) for name in met],
                skipped=skipped,
                check=getattr(rule.check, locale),
            )
        )
    results.sort(key=lambda b: b.match != "likely")
    return BenefitsOut(results=results)


def age_on(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


@router.get("/me/benefits-prefill", response_model=Prefill)
async def prefill(account: CurrentAccount) -> Prefill:
    """Only what the account holds: the age from the resident ID's birth date (python-stdnum), and that a passport holder is a foreign resident."""
    age = None
    if account.id_number:
        try:
            age = age_on(ric.get_birth_date(account.id_number), dt.date.today())
        except StdnumError:
            age = None
    return Prefill(age=age, residence="foreigner" if account.kind == "foreigner" else None)
