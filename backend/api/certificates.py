"""Electronic certificates (电子证照): the owner's list, the public check a
counter clerk makes by scanning a certificate's QR code, and what an
application may take instead of an uploaded copy."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Request
from pydantic import BaseModel
from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from backend import models, throttle
from backend.api.catalogue import Named
from backend.api.deps import CurrentAccount, LocaleQuery, SessionDep, today
from backend.errors import field_invalid
from backend.localize import text
from backend.throttle import Bucket, Rule, client_address
from backend.validation import mask_id_number, mask_name

router = APIRouter(tags=["certificates"])

# Renewal opens three months before expiry for identity cards and driving licences.
EXPIRING_SOON = dt.timedelta(days=90)
Validity = Literal["valid", "expired", "revoked"]
# secrets.token_urlsafe(24): 32 characters of the URL-safe base64 alphabet.
VerificationToken = Annotated[str, Path(pattern=r"^[A-Za-z0-9_-]{32}$")]
# Tokens cannot be guessed; a caller who keeps trying unknown ones still waits.
CHECK_CALLER = Rule("certificate-check:caller", free=20, first=60, cap=60 * 60)


class CertificateOut(BaseModel):
    """One of the owner's certificates; the number only masked."""

    id: str
    kind: Named
    holder: str
    number_masked: str
    issuer: str
    issued_on: dt.date
    expires_on: dt.date | None  # None: valid long-term
    status: Validity
    expiring_soon: bool
    verification_token: str  # what the certificate's QR code carries


class VerificationOut(BaseModel):
    """All a stranger learns from a certificate's QR code."""

    status: Literal["valid", "expired", "revoked", "unknown"]
    holder_masked: str | None


def validity(certificate: models.Certificate, on: dt.date) -> Validity:
    if certificate.revoked:
        return "revoked"
    if certificate.expires_on is not None and certificate.expires_on < on:
        return "expired"
    return "valid"


def _kind_named(kind: models.CertificateKind, locale: str) -> Named:
    name = kind.data["name"]
    return Named(id=kind.id, name=text(name, locale), lang=locale if name.get(locale) else "zh")


def certificate_out(certificate: models.Certificate, kind: models.CertificateKind, locale: str, on: dt.date) -> CertificateOut:
    status = validity(certificate, on)
    return CertificateOut(
        id=certificate.id,
        kind=_kind_named(kind, locale),
        holder=certificate.holder,
        number_masked=mask_id_number(certificate.number),
        issuer=text(certificate.issuer, locale),
        issued_on=certificate.issued_on,
        expires_on=certificate.expires_on,
        status=status,
        expiring_soon=status == "valid" and certificate.expires_on is not None and certificate.expires_on - on <= EXPIRING_SOON,
        verification_token=certificate.verification_token,
    )


@router.get("/me/certificates", response_model=list[CertificateOut])
async def my_certificates(account: CurrentAccount, session: SessionDep, locale: LocaleQuery = "zh") -> list[CertificateOut]:
    """The logged-in person's e-certificates, in the kinds' order, newest first within a kind."""
    rows = await session.exec(
        select(models.Certificate, models.CertificateKind)
        .join(models.CertificateKind, models.Certificate.kind == models.CertificateKind.id)
        .where(models.Certificate.account_id == account.id)
        .order_by(models.CertificateKind.position, models.Certificate.issued_on.desc())
    )
    on = today()
    return [certificate_out(certificate, kind, locale, on) for certificate, kind in rows]


@router.get("/certificates/verify/{token}", response_model=VerificationOut)
async def verify(token: VerificationToken, session: SessionDep, request: Request) -> VerificationOut:
    """What a certificate's QR code proves: whether it is valid, and whose it
    is, masked. Looked up by the QR's unguessable token, never by number;
    past a few unknown tokens a caller must wait (429 with Retry-After)."""
    caller = Bucket.of(CHECK_CALLER, client_address(request))
    await throttle.check(session, caller)
    certificate = (await session.exec(select(models.Certificate).where(models.Certificate.verification_token == token))).first()
    if certificate is None:
        await throttle.failed(session, caller)
        return VerificationOut(status="unknown", holder_masked=None)
    return VerificationOut(status=validity(certificate, today()), holder_masked=mask_name(certificate.holder))


async def certificates_for(session: AsyncSession, account: models.Account, ids: list[str], service: dict[str, Any]) -> list[models.Certificate]:
    """The certificates an application refers to, checked: each the caller's
    own (``unknown_certificate`` otherwise, the same for someone else's as for
    none), valid today (``certificate_not_valid``), and of a kind one of the
    service's materials takes (``certificate_not_needed``). Raises a 422
    ``ApiError`` on the field ``certificates``."""
    wanted = {m.get("certificate") for m in service["materials"]} - {None}
    found = []
    for certificate_id in dict.fromkeys(ids):
        certificate = await session.get(models.Certificate, certificate_id)
        if certificate is None or certificate.account_id != account.id:
            raise field_invalid("certificates", "unknown_certificate")
        if validity(certificate, today()) != "valid":
            raise field_invalid("certificates", "certificate_not_valid")
        if certificate.kind not in wanted:
            raise field_invalid("certificates", "certificate_not_needed")
        found.append(certificate)
    return found


def approved_by_rule(service: dict[str, Any], certificates: list[models.Certificate]) -> bool:
    """Instant approval (秒批): the service allows it and every required
    material is one of the given (already checked) certificates."""
    held = {c.kind for c in certificates}
    required = [m for m in service["materials"] if m.get("required", True)]
    return bool(service.get("instant_approval")) and all(m.get("certificate") in held for m in required)
