"""A simulated device bridge with the real bridge's HTTP interface, for
development, tests and kiosks without devices attached.

- ``POST /id-card/read`` returns the card on the reader (a demo resident card).
- ``POST /qr/present`` puts a code in front of the scanner; ``POST /qr/scan``
  reads it (404 when nothing is presented).
- ``POST /printer/print`` prints; ``GET /printer/jobs`` lists what was printed.

What was printed holds personal data (names, booking numbers), and the
simulator is served on the kiosk's own origin: it answers no request that a
browser makes (every browser sends Sec-Fetch-* headers and no page can
remove them), so the kiosk's screen can never show it. Tests and staff tools
call it with an ordinary HTTP client.
"""

from __future__ import annotations

from fastapi import FastAPI, HTTPException, Request
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from kiosk.devices import IdCard, Printed, QrCode, Ticket

DEMO_CARD = IdCard(name="张伟", id_number="110105196503152015")


class Presented(BaseModel):
    text: str = Field(min_length=1, max_length=500)


def create_simulator() -> FastAPI:
    app = FastAPI(title="Kiosk device bridge (simulator)", docs_url=None, redoc_url=None)
    presented: list[str] = []
    jobs: list[Ticket] = []

    @app.middleware("http")
    async def no_browsers(request: Request, call_next):
        if any(name.startswith("sec-fetch-") for name in request.headers):
            return PlainTextResponse("Not Found", status_code=404)
        return await call_next(request)

    @app.post("/id-card/read", response_model=IdCard)
    def read_card() -> IdCard:
        return DEMO_CARD

    @app.post("/qr/present", status_code=204)
    def present(code: Presented) -> None:
        presented.append(code.text)

    @app.post("/qr/scan", response_model=QrCode)
    def scan() -> QrCode:
        if not presented:
            raise HTTPException(404, "nothing in front of the scanner")
        return QrCode(text=presented.pop(0))

    @app.post("/printer/print", response_model=Printed)
    def print_ticket(ticket: Ticket) -> Printed:
        jobs.append(ticket)
        return Printed(ok=True, job=len(jobs))

    @app.get("/printer/jobs", response_model=list[Ticket])
    def printed() -> list[Ticket]:
        return jobs

    return app
