"""Online applications (办件): uploads, drafts, submission, progress, and the
personal centre's lists of what the user has done."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from typing import Annotated, Any, Literal

import anyio
from fastapi import APIRouter, File, Path, Request, Response, UploadFile
from fastapi.responses import FileResponse
from pydantic import BaseModel, Field, ValidationInfo, field_validator, model_validator
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from backend import models
from backend.api.catalogue import Named, ServiceSummary, _department_names, service_summary
from backend.api.deps import CurrentAccount, IdempotencyKey, LocaleQuery, OptionalAccount, SessionDep
from backend.api.halls import AppointmentOut, appointment_out
from backend.errors import field_invalid, not_found
from backend.idempotency import Write, create_once
from backend.localize import text
from backend.security import new_number
from backend.validation import Name, Phone, Receipt, Text, clean_text, normalise_passport, normalise_resident_id

router = APIRouter(tags=["applications"])

STEPS = ("submitted", "accepted", "in_review", "decided", "completed")
# Uploads are recognised by their first bytes, not by the name or type the browser claims.
SIGNATURES = {b"%PDF-": "application/pdf", b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}
EXTENSIONS = {"application/pdf": (".pdf",), "image/jpeg": (".jpg", ".jpeg"), "image/png": (".png",)}
MAX_DRAFT_BYTES = 64 * 1024


class UploadOut(BaseModel):
    id: str
    filename: str
    content_type: str
    size: int


class Applicant(BaseModel):
    name: Name
    id_type: Literal["resident_id", "passport"]
    id_number: str = Field(max_length=32)
    phone: Phone
    address: Text(200) | None = None

    @field_validator("id_number", mode="before")
    @classmethod
    def _check_id(cls, value: object, info: ValidationInfo) -> object:
        if not isinstance(value, str):
            return value
        if info.data.get("id_type") == "passport":
            return normalise_passport(value)
        return normalise_resident_id(value)


Answer = Annotated[str, Field(max_length=2000)] | bool


class ApplicationIn(BaseModel):
    service_id: str = Field(max_length=60)
    applicant: Applicant
    answers: dict[Annotated[str, Field(pattern=r"^[a-z0-9_]{1,40}$")], Answer] = Field(default_factory=dict, max_length=30)
    uploads: list[Annotated[str, Field(pattern=r"^[a-f0-9]{32}$")]] = Field(default_factory=list, max_length=20)
    declaration: Literal[True]

    @model_validator(mode="after")
    def _clean_answers(self) -> ApplicationIn:
        self.answers = {k: clean_text(v) if isinstance(v, str) and v.strip() else v for k, v in self.answers.items()}
        return self


class StepOut(BaseModel):
    step: Literal["submitted", "accepted", "in_review", "decided", "completed"]
    done_at: dt.datetime | None


class ApplicationOut(BaseModel):
    id: str
    service: Named
    status: Literal["submitted", "accepted", "in_review", "approved", "rejected", "completed"]
    steps: list[StepOut]
    next_step: str | None
    result: str | None
    created_at: dt.datetime
    evaluable: bool
    # Only for the applicant, when logged in.
    applicant_name: str | None = None


class DraftIn(BaseModel):
    data: dict[str, Any]


class DraftOut(BaseModel):
    service_id: str
    data: dict[str, Any]
    updated_at: dt.datetime


def _sniff(head: bytes) -> str | None:
    return next((kind for signature, kind in SIGNATURES.items() if head.startswith(signature)), None)


@router.post("/uploads", response_model=UploadOut, status_code=201)
async def upload(request: Request, account: OptionalAccount, session: SessionDep, file: UploadFile = File(...)) -> UploadOut:
    """A material for an application or a letter: PDF, JPEG or PNG, at most the configured size."""
    limit = request.app.state.settings.upload_max_bytes
    content = await file.read(limit + 1)
    if not content:
        raise field_invalid("file", "file_empty")
    if len(content) > limit:
        raise field_invalid("file", "file_too_large")
    kind = _sniff(content[:16])
    if kind is None:
        raise field_invalid("file", "file_type_not_allowed")
    name = re.sub(r"[\x00-\x1f\x7f/\\]", "", (file.filename or "upload").rsplit("/", 1)[-1])[-120:] or "upload"
    declared = (file.content_type or "").split(";")[0].strip().lower()
    if (declared and declared not in ("application/octet-stream", kind)) or (
        "." in name and not name.lower().endswith(EXTENSIONS[kind])
    ):
        raise field_invalid("file", "file_type_mismatch")
    record = models.Upload(
        id=secrets.token_hex(16),
        account_id=account.id if account else None,
        filename=name,
        content_type=kind,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
    )
    folder = request.app.state.settings.upload_dir
    folder.mkdir(parents=True, exist_ok=True)
    await anyio.Path(folder / record.id).write_bytes(content)
    session.add(record)
    await session.commit()
    return UploadOut(id=record.id, filename=record.filename, content_type=record.content_type, size=record.size)


@router.get("/uploads/{upload_id}", response_class=FileResponse, responses={200: {"content": {"application/octet-stream": {}}}})
async def download(upload_id: Annotated[str, Path(pattern=r"^[a-f0-9]{32}$")], request: Request, session: SessionDep) -> FileResponse:
    """An uploaded file, by its unguessable id (the id is the capability)."""
    record = await session.get(models.Upload, upload_id)
    if record is None:
        raise not_found("upload")
    return FileResponse(
        request.app.state.settings.upload_dir / record.id,
        media_type=record.content_type,
        headers={"X-Content-Type-Options": "nosniff", "Content-Disposition": "attachment"},
    )


async def application_out(session: AsyncSession, application: models.Application, locale: str, owner: bool) -> ApplicationOut:
    service = await session.get(models.Service, application.service_id)
    steps = (
        await session.exec(
            select(models.ApplicationStep).where(models.ApplicationStep.application_id == application.id).order_by(models.ApplicationStep.position)
        )
    ).all()
    rating = select(models.Evaluation).where(models.Evaluation.target_type == "application", models.Evaluation.target_id == application.id)
    evaluated = (await session.exec(rating)).first()
    return ApplicationOut(
        id=application.id,
        service=Named(id=service.id, name=text(service.data["name"], locale), lang=locale if service.data["name"].get(locale) else "zh"),
        status=application.status,
        steps=[StepOut(step=s.step, done_at=s.done_at) for s in steps],
        next_step=next((s.step for s in steps if s.done_at is None), None),
        result=text(application.result, locale) if application.result else None,
        created_at=application.created_at,
        evaluable=owner and application.status == "completed" and evaluated is None,
        applicant_name=application.applicant["name"] if owner else None,
    )


@router.post(
    "/applications", response_model=ApplicationOut, status_code=201,
    responses={200: {"model": ApplicationOut, "description": "Already submitted under this Idempotency-Key: that application"}},
)
async def submit(
    body: ApplicationIn,
    account: CurrentAccount,
    session: SessionDep,
    response: Response,
    idempotency_key: IdempotencyKey = None,
    locale: LocaleQuery = "zh",
) -> ApplicationOut:
    """Submit an application; the same Idempotency-Key never makes a second one
    (and gives the first one back only to the same account with the same body)."""

    async def create() -> str:
        service = await session.get(models.Service, body.service_id)
        if service is None or not service.online_application:
            raise field_invalid("service_id", "not_online")
        for upload_id in body.uploads:
            record = await session.get(models.Upload, upload_id)
            if record is None or record.account_id not in (None, account.id):
                raise field_invalid("uploads", "unknown_upload")
        now = models.utcnow()
        application = models.Application(
            id=new_number(now.strftime("%Y%m%d"), 6),
            service_id=service.id,
            account_id=account.id,
            applicant=body.applicant.model_dump(),
            answers=body.answers,
            uploads=body.uploads,
        )
        session.add(application)
        for position, step in enumerate(STEPS):
            session.add(models.ApplicationStep(application_id=application.id, position=position, step=step, done_at=now if position == 0 else None))
        session.add(
            models.Message(
                account_id=account.id,
                kind="application",
                reference=application.id,
                data={"title": service.data["name"], "body": _RECEIVED},
            )
        )
        draft = await session.get(models.Draft, (account.id, service.id))
        if draft:
            await session.delete(draft)
        return application.id

    application_id, created = await create_once(session, Write.of("applications", idempotency_key, account, body), create)
    if not created:
        response.status_code = 200
    return await application_out(session, await session.get(models.Application, application_id), locale, owner=True)


_RECEIVED = {
    "zh": "您的申请已提交，我们将在承诺时限内办理。",
    "en": "Your application has been submitted. We will deal with it within the promised time.",
    "ja": "申請を受け付けました。お約束の期間内に処理します。",
    "ko": "신청이 접수되었습니다. 약속된 기간 안에 처리하겠습니다.",
    "fr": "Votre demande a bien été envoyée. Nous la traiterons dans le délai annoncé.",
}


@router.get("/applications/{receipt}", response_model=ApplicationOut)
async def track(receipt: Annotated[Receipt, Path()], session: SessionDep, account: OptionalAccount, locale: LocaleQuery = "zh") -> ApplicationOut:
    """Progress by receipt number, with or without logging in (personal details only for the applicant)."""
    application = await session.get(models.Application, receipt)
    if application is None:
        raise not_found("application")
    return await application_out(session, application, locale, owner=bool(account and account.id == application.account_id))


@router.get("/me/applications", response_model=list[ApplicationOut])
async def my_applications(account: CurrentAccount, session: SessionDep, locale: LocaleQuery = "zh") -> list[ApplicationOut]:
    rows = await session.exec(select(models.Application).where(models.Application.account_id == account.id).order_by(models.Application.created_at.desc()))
    return [await application_out(session, r, locale, owner=True) for r in rows]


@router.get("/me/appointments", response_model=list[AppointmentOut])
async def my_appointments(account: CurrentAccount, session: SessionDep, locale: LocaleQuery = "zh") -> list[AppointmentOut]:
    rows = await session.exec(select(models.Appointment).where(models.Appointment.account_id == account.id).order_by(models.Appointment.created_at.desc()))
    return [await appointment_out(session, r, locale) for r in rows]


@router.get("/me/drafts/{service_id}", response_model=DraftOut)
async def get_draft(service_id: Annotated[str, Path(max_length=60)], account: CurrentAccount, session: SessionDep) -> DraftOut:
    draft = await session.get(models.Draft, (account.id, service_id))
    if draft is None:
        raise not_found("draft")
    return DraftOut(service_id=service_id, data=draft.data, updated_at=draft.updated_at)


@router.put("/me/drafts/{service_id}", response_model=DraftOut)
async def save_draft(service_id: Annotated[str, Path(max_length=60)], body: DraftIn, account: CurrentAccount, session: SessionDep) -> DraftOut:
    """Keep an unfinished application on the server, so nothing typed is lost."""
    if await session.get(models.Service, service_id) is None:
        raise not_found("service")
    if len(DraftIn.model_validate(body).model_dump_json()) > MAX_DRAFT_BYTES:
        raise field_invalid("data", "too_large")
    draft = await session.get(models.Draft, (account.id, service_id)) or models.Draft(account_id=account.id, service_id=service_id, data={})
    draft.data = body.data
    draft.updated_at = models.utcnow()
    session.add(draft)
    await session.commit()
    return DraftOut(service_id=service_id, data=draft.data, updated_at=draft.updated_at)


@router.delete("/me/drafts/{service_id}", status_code=204)
async def delete_draft(service_id: Annotated[str, Path(max_length=60)], account: CurrentAccount, session: SessionDep) -> Response:
    draft = await session.get(models.Draft, (account.id, service_id))
    if draft:
        await session.delete(draft)
        await session.commit()
    return Response(status_code=204)


@router.get("/me/recommendations", response_model=list[ServiceSummary])
async def recommendations(account: CurrentAccount, session: SessionDep, locale: LocaleQuery = "zh") -> list[ServiceSummary]:
    """Services related (by theme and life event) to those the user has used, most used first."""
    used = {a.service_id for a in await session.exec(select(models.Application).where(models.Application.account_id == account.id))}
    used |= {a.service_id for a in await session.exec(select(models.Appointment).where(models.Appointment.account_id == account.id))}
    services = (await session.exec(select(models.Service).order_by(models.Service.popularity.desc()))).all()
    interests: set[str] = set()
    for service in services:
        if service.id in used:
            interests |= set(service.data["themes"]) | set(service.data["life_events"])
    related = [s for s in services if s.id not in used and interests & (set(s.data["themes"]) | set(s.data["life_events"]))]
    picks = (related or [s for s in services if s.id not in used])[:6]
    departments = await _department_names(session, locale)
    return [service_summary(s, departments, locale) for s in picks]
