"""One application for a life event (一件事一次办): the bundles, joint
applications with one receipt number and a progress line per member service,
and their drafts."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Response
from pydantic import BaseModel, Field
from pydantic_core import PydanticCustomError
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from backend import models
from backend.api.applications import MAX_DRAFT_BYTES, STEPS, Answer, Applicant, StepOut
from backend.api.catalogue import Named
from backend.api.deps import CurrentAccount, IdempotencyKey, LocaleQuery, OptionalAccount, SessionDep
from backend.errors import ApiError, FieldError, not_found
from backend.idempotency import Write, create_once
from backend.localize import localize, text
from backend.security import new_number
from backend.validation import clean_text

router = APIRouter(tags=["bundles"])

BundleId = Annotated[str, Path(max_length=60, pattern=r"^[a-z0-9-]+$")]
Key = Annotated[str, Field(pattern=r"^[a-z0-9_]{1,40}$")]
Status = Literal["submitted", "accepted", "in_review", "approved", "rejected", "completed"]


class BundleSummary(BaseModel):
    id: str
    life_event: str
    name: str
    summary: str
    services: list[str]  # member service ids
    lang: str


class ChoiceOut(BaseModel):
    value: str
    label: str


class QuestionOut(BaseModel):
    id: str
    kind: Literal["text", "date", "choice", "yes_no"]
    label: str
    hint: str | None
    required: bool
    max_length: int
    choices: list[ChoiceOut]
    services: list[str]


class MaterialOut(BaseModel):
    id: str
    name: str
    note: str | None
    required: bool
    services: list[str]


class Savings(BaseModel):
    """The member services one by one (from the catalogue) against the bundle."""

    visits_separately: int  # sum of the member services' in-person visits
    visits_bundle: int
    materials_separately: int  # sum of the member services' materials
    materials_bundle: int
    days_separately: int  # the member services' promised working days, one after another
    days_bundle: int


class BundleDetail(BundleSummary):
    member_services: list[Named]
    questions: list[QuestionOut]
    materials: list[MaterialOut]
    promised_limit_days: int
    max_visits: int
    savings: Savings


class BundleApplicationIn(BaseModel):
    bundle_id: str = Field(max_length=60)
    applicant: Applicant
    answers: dict[Key, Answer] = Field(default_factory=dict, max_length=40)
    uploads: dict[Key, Annotated[str, Field(pattern=r"^[a-f0-9]{32}$")]] = Field(default_factory=dict, max_length=20)
    declaration: Literal[True]


class BundleLineOut(BaseModel):
    service: Named
    status: Status
    steps: list[StepOut]
    next_step: str | None
    # Only for the applicant: which shared answers and materials flowed into this service.
    answers: list[str] | None = None
    materials: list[str] | None = None


class BundleApplicationOut(BaseModel):
    id: str
    bundle: Named
    lines: list[BundleLineOut]
    created_at: dt.datetime
    applicant_name: str | None = None  # only for the applicant


class BundleDraftIn(BaseModel):
    data: dict[str, Any]


class BundleDraftOut(BaseModel):
    bundle_id: str
    data: dict[str, Any]
    updated_at: dt.datetime


def _named(record: models.Bundle | models.Service, locale: str) -> Named:
    names = record.data["name"]
    return Named(id=record.id, name=text(names, locale), lang=locale if names.get(locale) else "zh")


def _summary(bundle: models.Bundle, locale: str) -> BundleSummary:
    data = localize(bundle.data, locale)
    return BundleSummary(id=bundle.id, life_event=data["life_event"], name=data["name"], summary=data["summary"], services=data["services"], lang=data["lang"])


async def _bundle(session: AsyncSession, bundle_id: str) -> models.Bundle:
    bundle = await session.get(models.Bundle, bundle_id)
    if bundle is None:
        raise not_found("bundle")
    return bundle


@router.get("/bundles", response_model=list[BundleSummary])
async def list_bundles(
    session: SessionDep,
    locale: LocaleQuery = "zh",
    service: Annotated[str | None, Query(max_length=60, description="Only bundles that include this service")] = None,
    life_event: Annotated[str | None, Query(max_length=60)] = None,
) -> list[BundleSummary]:
    rows = (await session.exec(select(models.Bundle).order_by(models.Bundle.position))).all()
    return [
        _summary(b, locale)
        for b in rows
        if (service is None or service in b.data["services"]) and (life_event is None or b.data["life_event"] == life_event)
    ]


@router.get("/bundles/{bundle_id}", response_model=BundleDetail)
async def get_bundle(bundle_id: BundleId, session: SessionDep, locale: LocaleQuery = "zh") -> BundleDetail:
    """A bundle with its member services, questions, materials and what it saves against applying one by one."""
    bundle = await _bundle(session, bundle_id)
    members = [await session.get(models.Service, s) for s in bundle.data["services"]]
    data = localize(bundle.data, locale)
    savings = Savings(
        visits_separately=sum(s.data["max_visits"] for s in members),
        visits_bundle=data["max_visits"],
        materials_separately=sum(len(s.data["materials"]) for s in members),
        materials_bundle=len(data["materials"]),
        days_separately=sum(s.data["promised_limit_days"] for s in members),
        days_bundle=data["promised_limit_days"],
    )
    return BundleDetail(
        **_summary(bundle, locale).model_dump(),
        member_services=[_named(s, locale) for s in members],
        questions=[QuestionOut(**{"hint": None, **q}) for q in data["questions"]],
        materials=[MaterialOut(**{"note": None, **m}) for m in data["materials"]],
        promised_limit_days=data["promised_limit_days"],
        max_visits=data["max_visits"],
        savings=savings,
    )


def _check_answer(question: dict[str, Any], value: Any) -> tuple[Any, str | None]:
    """The answer as stored, or the error code for it."""
    if isinstance(value, str) and not value.strip():
        value = None
    if value is None:
        return None, "required" if question["required"] else None
    kind = question["kind"]
    if kind == "yes_no":
        return (value, None) if isinstance(value, bool) else (None, "invalid_choice")
    if not isinstance(value, str):
        return None, "invalid_format"
    if kind == "choice":
        return (value, None) if value in {c["value"] for c in question["choices"]} else (None, "invalid_choice")
    if kind == "date":
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            return None, "invalid_date"
        return (day.isoformat(), None) if day <= dt.date.today() else (None, "date_in_future")
    try:
        value = clean_text(value)
    except PydanticCustomError as error:
        return None, error.type
    return (value, None) if len(value) <= question["max_length"] else (None, "too_long")


async def _checked(session: AsyncSession, body: BundleApplicationIn, bundle: models.Bundle, account: models.Account) -> tuple[dict, dict]:
    """The answers and uploads as stored; raises 422 with every field at fault."""
    questions = {q["id"]: q for q in bundle.data["questions"]}
    materials = {m["id"]: m for m in bundle.data["materials"]}
    errors = [FieldError(field=f"answers.{key}", code="unknown_question") for key in body.answers if key not in questions]
    errors += [FieldError(field=f"uploads.{key}", code="unknown_material") for key in body.uploads if key not in materials]
    answers = {}
    for key, question in questions.items():
        value, code = _check_answer(question, body.answers.get(key))
        if code:
            errors.append(FieldError(field=f"answers.{key}", code=code))
        elif value is not None:
            answers[key] = value
    uploads = {}
    for key, material in materials.items():
        upload_id = body.uploads.get(key)
        if upload_id is None:
            if material["required"]:
                errors.append(FieldError(field=f"uploads.{key}", code="required"))
            continue
        record = await session.get(models.Upload, upload_id)
        if record is None or record.account_id not in (None, account.id):
            errors.append(FieldError(field=f"uploads.{key}", code="unknown_upload"))
        else:
            uploads[key] = upload_id
    if errors:
        raise ApiError(422, "validation_failed", "invalid input", errors)
    return answers, uploads


def _steps(line: models.BundleLine) -> list[StepOut]:
    return [StepOut(step=s["step"], done_at=dt.datetime.fromisoformat(s["done_at"]) if s["done_at"] else None) for s in line.steps]


async def bundle_application_out(session: AsyncSession, application: models.BundleApplication, locale: str, owner: bool) -> BundleApplicationOut:
    bundle = await session.get(models.Bundle, application.bundle_id)
    lines = (
        await session.exec(
            select(models.BundleLine).where(models.BundleLine.bundle_application_id == application.id).order_by(models.BundleLine.position)
        )
    ).all()
    out = []
    for line in lines:
        steps = _steps(line)
        out.append(
            BundleLineOut(
                service=_named(await session.get(models.Service, line.service_id), locale),
                status=line.status,
                steps=steps,
                next_step=next((s.step for s in steps if s.done_at is None), None),
                answers=sorted(line.answers) if owner else None,
                materials=sorted(line.uploads) if owner else None,
            )
        )
    return BundleApplicationOut(
        id=application.id,
        bundle=_named(bundle, locale),
        lines=out,
        created_at=application.created_at,
        applicant_name=application.applicant["name"] if owner else None,
    )


async def _new_receipt(session: AsyncSession, day: dt.datetime) -> str:
    """A receipt number no single or joint application has (they share tracking)."""
    while True:
        receipt = new_number(day.strftime("%Y%m%d"), 6)
        if await session.get(models.Application, receipt) is None and await session.get(models.BundleApplication, receipt) is None:
            return receipt


@router.post(
    "/bundle-applications", response_model=BundleApplicationOut, status_code=201,
    responses={200: {"model": BundleApplicationOut, "description": "Already submitted under this Idempotency-Key with this body: that application"}},
)
async def submit_bundle(
    body: BundleApplicationIn,
    account: CurrentAccount,
    session: SessionDep,
    response: Response,
    idempotency_key: IdempotencyKey = None,
    locale: LocaleQuery = "zh",
) -> BundleApplicationOut:
    """One joint application: every shared answer and material goes to each member
    service that uses it, under one receipt number. The same Idempotency-Key never
    makes a second one (backend/idempotency.py: scoped to the account and the body)."""

    async def create() -> str:
        bundle = await session.get(models.Bundle, body.bundle_id)
        if bundle is None:
            raise ApiError(422, "validation_failed", "invalid input", [FieldError(field="bundle_id", code="unknown_bundle")])
        answers, uploads = await _checked(session, body, bundle, account)
        now = models.utcnow()
        application = models.BundleApplication(
            id=await _new_receipt(session, now),
            bundle_id=bundle.id,
            account_id=account.id,
            applicant=body.applicant.model_dump(),
            answers=answers,
            uploads=uploads,
        )
        session.add(application)
        await session.flush()
        for position, service_id in enumerate(bundle.data["services"]):
            used_by = lambda item: service_id in item["services"]  # noqa: E731
            session.add(
                models.BundleLine(
                    bundle_application_id=application.id,
                    service_id=service_id,
                    position=position,
                    answers={q["id"]: answers[q["id"]] for q in bundle.data["questions"] if used_by(q) and q["id"] in answers},
                    uploads={m["id"]: uploads[m["id"]] for m in bundle.data["materials"] if used_by(m) and m["id"] in uploads},
                    steps=[{"step": step, "done_at": now.isoformat() if i == 0 else None} for i, step in enumerate(STEPS)],
                )
            )
        session.add(
            models.Message(account_id=account.id, kind="application", reference=application.id, data={"title": bundle.data["name"], "body": _RECEIVED})
        )
        draft = await session.get(models.BundleDraft, (account.id, bundle.id))
        if draft:
            await session.delete(draft)
        return application.id

    receipt, created = await create_once(session, Write.of("bundle-applications", idempotency_key, account, body), create)
    if not created:
        response.status_code = 200
    return await bundle_application_out(session, await session.get(models.BundleApplication, receipt), locale, owner=True)


_RECEIVED = {
    "zh": "您的联办申请已提交，各部门将并联办理，请凭办件编号查看每个事项的进度。",
    "en": "Your joint application has been submitted. The departments deal with it in parallel; follow each service's progress with the receipt number.",
    "ja": "ワンストップ申請を受け付けました。各部署が並行して処理します。受付番号で手続きごとの進み具合をご確認ください。",
    "ko": "원스톱 신청이 접수되었습니다. 각 부서가 동시에 처리하며, 접수번호로 민원별 진행 상황을 확인할 수 있습니다.",
    "fr": "Votre demande groupée a bien été envoyée. Les administrations la traitent en parallèle ; suivez chaque démarche avec le numéro de dossier.",
}


@router.get("/bundle-applications/{receipt}", response_model=BundleApplicationOut)
async def track_bundle(receipt: Annotated[str, Path(pattern=r"^\d{14}$")], session: SessionDep, account: OptionalAccount, locale: LocaleQuery = "zh") -> BundleApplicationOut:
    """Progress of a joint application by receipt number, a line per member service (personal details only for the applicant)."""
    application = await session.get(models.BundleApplication, receipt)
    if application is None:
        raise not_found("bundle application")
    return await bundle_application_out(session, application, locale, owner=bool(account and account.id == application.account_id))


@router.get("/me/bundle-applications", response_model=list[BundleApplicationOut])
async def my_bundle_applications(account: CurrentAccount, session: SessionDep, locale: LocaleQuery = "zh") -> list[BundleApplicationOut]:
    query = select(models.BundleApplication).where(models.BundleApplication.account_id == account.id).order_by(models.BundleApplication.created_at.desc())
    return [await bundle_application_out(session, r, locale, owner=True) for r in await session.exec(query)]


@router.get("/me/bundle-drafts/{bundle_id}", response_model=BundleDraftOut)
async def get_bundle_draft(bundle_id: BundleId, account: CurrentAccount, session: SessionDep) -> BundleDraftOut:
    draft = await session.get(models.BundleDraft, (account.id, bundle_id))
    if draft is None:
        raise not_found("draft")
    return BundleDraftOut(bundle_id=bundle_id, data=draft.data, updated_at=draft.updated_at)


@router.put("/me/bundle-drafts/{bundle_id}", response_model=BundleDraftOut)
async def save_bundle_draft(bundle_id: BundleId, body: BundleDraftIn, account: CurrentAccount, session: SessionDep) -> BundleDraftOut:
    """Keep an unfinished joint application on the server, so nothing typed is lost."""
    await _bundle(session, bundle_id)
    if len(body.model_dump_json()) > MAX_DRAFT_BYTES:
        raise ApiError(422, "validation_failed", "invalid input", [FieldError(field="data", code="too_large")])
    draft = await session.get(models.BundleDraft, (account.id, bundle_id)) or models.BundleDraft(account_id=account.id, bundle_id=bundle_id, data={})
    draft.data = body.data
    draft.updated_at = models.utcnow()
    session.add(draft)
    await session.commit()
    return BundleDraftOut(bundle_id=bundle_id, data=draft.data, updated_at=draft.updated_at)


@router.delete("/me/bundle-drafts/{bundle_id}", status_code=204)
async def delete_bundle_draft(bundle_id: BundleId, account: CurrentAccount, session: SessionDep) -> Response:
    draft = await session.get(models.BundleDraft, (account.id, bundle_id))
    if draft:
        await session.delete(draft)
        await session.commit()
    return Response(status_code=204)
