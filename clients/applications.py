"""Online applications: uploads, drafts, submission and progress."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel

from clients.base import Endpoint, api_client
from clients.catalogue import Named, ServiceSummary


class Upload(BaseModel):
    id: str
    filename: str
    content_type: str
    size: int


class Applicant(BaseModel):
    name: str
    id_type: Literal["resident_id", "passport"]
    id_number: str
    phone: str
    address: str | None = None


class ApplicationForm(BaseModel):
    service_id: str
    applicant: Applicant
    answers: dict[str, str | bool] = {}
    uploads: list[str] = []
    certificates: list[str] = []  # ids of the applicant's own e-certificates, instead of uploads
    declaration: bool


class Step(BaseModel):
    step: Literal["submitted", "accepted", "in_review", "decided", "completed"]
    done_at: dt.datetime | None


class Application(BaseModel):
    id: str
    service: Named
    status: Literal["submitted", "accepted", "in_review", "approved", "rejected", "completed"]
    steps: list[Step]
    next_step: str | None
    result: str | None
    created_at: dt.datetime
    evaluable: bool
    instant_approval: bool  # approved by rule in seconds (秒批)
    applicant_name: str | None = None


class DraftIn(BaseModel):
    data: dict[str, Any]


class Draft(BaseModel):
    service_id: str
    data: dict[str, Any]
    updated_at: dt.datetime


UPLOAD = Endpoint("POST", "/uploads", Upload)
SUBMIT = Endpoint("POST", "/applications", Application, body=ApplicationForm)
TRACK = Endpoint("GET", "/applications/{receipt}", Application)
MY_APPLICATIONS = Endpoint("GET", "/me/applications", list[Application])
DRAFT = Endpoint("GET", "/me/drafts/{service_id}", Draft)
SAVE_DRAFT = Endpoint("PUT", "/me/drafts/{service_id}", Draft, body=DraftIn)
DELETE_DRAFT = Endpoint("DELETE", "/me/drafts/{service_id}", None)
RECOMMENDATIONS = Endpoint("GET", "/me/recommendations", list[ServiceSummary])


async def upload(locale: str, filename: str, content: bytes, content_type: str, *, token: str | None = None) -> Upload:
    return await api_client().call(UPLOAD, locale=locale, files={"file": (filename, content, content_type)}, token=token)


async def submit(locale: str, form: ApplicationForm, *, token: str, idempotency_key: str) -> Application:
    return await api_client().call(SUBMIT, locale=locale, json=form, token=token, idempotency_key=idempotency_key)


async def track(locale: str, receipt: str, *, token: str | None = None) -> Application:
    return await api_client().call(TRACK, locale=locale, path={"receipt": receipt}, token=token)


async def my_applications(locale: str, token: str) -> list[Application]:
    return await api_client().call(MY_APPLICATIONS, locale=locale, token=token)


async def draft(locale: str, service_id: str, *, token: str) -> Draft:
    return await api_client().call(DRAFT, locale=locale, path={"service_id": service_id}, token=token)


async def save_draft(locale: str, service_id: str, data: dict[str, Any], *, token: str) -> Draft:
    return await api_client().call(SAVE_DRAFT, locale=locale, path={"service_id": service_id}, json=DraftIn(data=data), token=token)


async def delete_draft(locale: str, service_id: str, *, token: str) -> None:
    await api_client().call(DELETE_DRAFT, locale=locale, path={"service_id": service_id}, token=token)


async def recommendations(locale: str, token: str) -> list[ServiceSummary]:
    return await api_client().call(RECOMMENDATIONS, locale=locale, token=token)
