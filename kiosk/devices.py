"""The typed client of the local device bridge: ID card reader, QR scanner and
receipt printer. By default the kiosk talks to the simulator in this process
(kiosk/device_simulator.py); ``PORTAL_DEVICE_BRIDGE_URL`` points it at a real
bridge, and ``none`` runs it without devices (manual entry, browser printing).
"""

from __future__ import annotations

import httpx
from pydantic import BaseModel, ValidationError

from kiosk.config import config

TIMEOUT = httpx.Timeout(5.0, connect=2.0)


class IdCard(BaseModel):
    name: str
    id_number: str


class QrCode(BaseModel):
    text: str


class Ticket(BaseModel):
    """A slip for the receipt printer: lines of text, and the text of a QR code to print below them."""

    lines: list[str]
    qr: str | None = None


class Printed(BaseModel):
    ok: bool
    job: int


class DeviceUnavailable(Exception):
    """The device or its bridge is missing, busy or did not answer."""


class NothingToRead(DeviceUnavailable):
    """The reader is there, but no card or code was presented in time."""


_simulator = None


def use_simulator(app) -> None:
    global _simulator
    _simulator = app


def devices_enabled() -> bool:
    return config.device_bridge_url != "none"


def _client() -> httpx.AsyncClient:
    if config.device_bridge_url and config.device_bridge_url != "none":
        return httpx.AsyncClient(base_url=config.device_bridge_url, timeout=TIMEOUT)
    if _simulator is None or not devices_enabled():
        raise DeviceUnavailable("no device bridge")
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=_simulator), base_url="http://devices.internal", timeout=TIMEOUT)


async def _call(method: str, path: str, model: type[BaseModel], json: dict | None = None):
    try:
        async with _client() as client:
            response = await client.request(method, path, json=json)
    except httpx.HTTPError as error:
        raise DeviceUnavailable(str(error)) from None
    if response.status_code == 404:
        raise NothingToRead(path)
    if response.status_code >= 400:
        raise DeviceUnavailable(f"{path}: HTTP {response.status_code}")
    try:
        return model.model_validate_json(response.content)
    except ValidationError:
        raise DeviceUnavailable(f"{path}: unexpected answer") from None


async def read_id_card() -> IdCard:
    return await _call("POST", "/id-card/read", IdCard)


async def scan_qr() -> QrCode:
    return await _call("POST", "/qr/scan", QrCode)


async def print_ticket(lines: list[str], qr: str | None = None) -> Printed:
    """Print a slip (queue ticket, booking confirmation). Raises DeviceUnavailable without a printer."""
    return await _call("POST", "/printer/print", Printed, json=Ticket(lines=lines, qr=qr).model_dump())
