"""Electronic certificates (电子证照): the logged-in person's own, and the
public check of a certificate's QR code."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from clients.base import Endpoint, api_client
from clients.catalogue import Named


class Certificate(BaseModel):
    """One of the owner's certificates; the API sends its number only masked."""

    id: str
    kind: Named
    holder: str
    number_masked: str
    issuer: str
    issued_on: dt.date
    expires_on: dt.date | None  # None: valid long-term
    status: Literal["valid", "expired", "revoked"]
    expiring_soon: bool
    verification_token: str  # what the certificate's QR code carries


class Verification(BaseModel):
    """All a certificate's QR code reveals to whoever scans it."""

    status: Literal["valid", "expired", "revoked", "unknown"]
    holder_masked: str | None


MY_CERTIFICATES = Endpoint("GET", "/me/certificates", list[Certificate])
VERIFY = Endpoint("GET", "/certificates/verify/{token}", Verification)


async def my_certificates(locale: str, token: str) -> list[Certificate]:
    return await api_client().call(MY_CERTIFICATES, locale=locale, token=token)


async def verify(locale: str, verification_token: str) -> Verification:
    """Raises ``InvalidInput`` for a token that is not in the tokens' format."""
    return await api_client().call(VERIFY, locale=locale, path={"token": verification_token})
