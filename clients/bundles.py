"""One application for a life event (一件事一次办): bundles, joint
applications (one receipt number, a progress line per member service), drafts."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel

from clients.applications import Applicant, Step
from clients.base import Cached, Endpoint, api_client
from clients.catalogue import Named

Status = Literal["submitted", "accepted", "in_review", "approved", "rejected", "completed"]


class BundleSummary(BaseModel):
    id: str
    life_event: str
    name: str
    summary: str
    services: list[str]
    lang: str


class Choice(BaseModel):
    value: str
    label: str


class Question(BaseModel):
    id: str
    kind: Literal["text", "date", "choice", "yes_no"]
    label: str
    hint: str | None
    required: bool
    max_length: int
    choices: list[Choice]
    services: list[str]


class Material(BaseModel):
    id: str
    name: str
    note: str | None
    required: bool
    services: list[str]


class Savings(BaseModel):
    visits_separately: int
    visits_bundle: int
    materials_separately: int
    materials_bundle: int
    days_separately: int
    days_bundle: int


class BundleDetail(BundleSummary):
    member_services: list[Named]
    questions: list[Question]
    materials: list[Material]
    promised_limit_days: int
    max_visits: int
    savings: Savings


class JointApplicationForm(BaseModel):
    bundle_id: str
    applicant: Applicant
    answers: dict[str, str | bool] = {}
    uploads: dict[str, str] = {}  # material id -> upload id
    declaration: bool


class Line(BaseModel):
    service: Named
    status: Status
    steps: list[Step]
    next_step: str | None
    answers: list[str] | None = None
    materials: list[str] | None = None


class JointApplication(BaseModel):
    id: str
    bundle: Named
    lines: list[Line]
    created_at: dt.datetime
    applicant_name: str | None = None


class DraftIn(BaseModel):
    data: dict[str, Any]


class Draft(BaseModel):
    bundle_id: str
    data: dict[str, Any]
    updated_at: dt.datetime


BUNDLES = Endpoint("GET", "/bundles", list[BundleSummary])
BUNDLE = Endpoint("GET", "/bundles/{bundle_id}", BundleDetail)
SUBMIT = Endpoint("POST", "/bundle-applications", JointApplication, body=JointApplicationForm)
TRACK = Endpoint("GET", "/bundle-applications/{receipt}", JointApplication)
MY_JOINT_APPLICATIONS = Endpoint("GET", "/me/bundle-applications", list[JointApplication])
DRAFT = Endpoint("GET", "/me/bundle-drafts/{bundle_id}", Draft)
SAVE_DRAFT = Endpoint("PUT", "/me/bundle-drafts/{bundle_id}", Draft, body=DraftIn)
DELETE_DRAFT = Endpoint("DELETE", "/me/bundle-drafts/{bundle_id}", None)


async def bundles(locale: str, *, service: str | None = None, life_event: str | None = None) -> Cached[list[BundleSummary]]:
    """Every bundle, or those with ``service`` among their members / for ``life_event``."""
    params = {k: v for k, v in {"service": service, "life_event": life_event}.items() if v is not None}
    return await api_client().read_cached(BUNDLES, locale=locale, params=params)


async def bundle(locale: str, bundle_id: str) -> Cached[BundleDetail]:
    """Raises ``NotFound`` for an unknown id."""
    return await api_client().read_cached(BUNDLE, locale=locale, path={"bundle_id": bundle_id})


async def submit(locale: str, form: JointApplicationForm, *, token: str, idempotency_key: str) -> JointApplication:
    """Raises ``InvalidInput`` with ``answers.<id>`` / ``uploads.<id>`` fields (none when the key
    came with another form: ``idempotency_key_reused``), ``Conflict`` when another account used the key."""
    return await api_client().call(SUBMIT, locale=locale, json=form, token=token, idempotency_key=idempotency_key)


async def track(locale: str, receipt: str, *, token: str | None = None) -> JointApplication:
    return await api_client().call(TRACK, locale=locale, path={"receipt": receipt}, token=token)


async def my_joint_applications(locale: str, token: str) -> list[JointApplication]:
    return await api_client().call(MY_JOINT_APPLICATIONS, locale=locale, token=token)


async def draft(locale: str, bundle_id: str, *, token: str) -> Draft:
    return await api_client().call(DRAFT, locale=locale, path={"bundle_id": bundle_id}, token=token)


async def save_draft(locale: str, bundle_id: str, data: dict[str, Any], *, token: str) -> Draft:
    return await api_client().call(SAVE_DRAFT, locale=locale, path={"bundle_id": bundle_id}, json=DraftIn(data=data), token=token)


async def delete_draft(locale: str, bundle_id: str, *, token: str) -> None:
    await api_client().call(DELETE_DRAFT, locale=locale, path={"bundle_id": bundle_id}, token=token)
