"""The reference content: schema of the seed files in ``backend/seed/`` (or
the folder ``PORTAL_SEED_DIR`` names) and their loader. Every text field carries all five locales; the loader refuses a
file that does not, so a missing translation is found at review, not by users.

Run ``python -m backend.content`` to check every seed file.
"""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator
from stdnum.cn import ric, uscc

SEED_DIR = Path(__file__).parent / "seed"
CONTENT_LOCALES = ("zh", "en", "ja", "ko", "fr")

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", max_length=60)]
Audience = Literal["resident", "business", "tourist", "investor"]
NonEmpty = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(Strict):
    """One text in every locale."""

    zh: NonEmpty
    en: NonEmpty
    ja: NonEmpty
    ko: NonEmpty
    fr: NonEmpty


class Words(Strict):
    """Search keywords in every locale (synonyms, common names, abbreviations)."""

    zh: list[NonEmpty]
    en: list[NonEmpty]
    ja: list[NonEmpty]
    ko: list[NonEmpty]
    fr: list[NonEmpty]


class Named(Strict):
    id: Slug
    name: Text


class Department(Named):
    phone: str
    address: Text


class LifeEvent(Named):
    description: Text


CertificateKindId = Literal[
    "resident-id-card", "household-register", "marriage-certificate", "driving-licence",
    "social-security-card", "business-licence", "residence-permit", "work-permit",
]


class Material(Strict):
    name: Text
    certificate: CertificateKindId | None = None  # the applicant's own e-certificate of this kind is this material
    note: Text | None = None
    original: bool = True  # the original document must be shown
    copies: int = Field(default=0, ge=0, le=10)  # photocopies to hand in
    required: bool = True
    upload: bool = True  # can be uploaded for an online application


class Faq(Strict):
    question: Text
    answer: Text


class Service(Named):
    code: Annotated[str, StringConstraints(pattern=r"^[0-9A-Z-]{6,40}$")]  # the item's catalogue code
    department: Slug
    themes: list[Slug] = Field(min_length=1)
    audiences: list[Audience] = Field(min_length=1)
    life_events: list[Slug] = []
    mode: Literal["online", "in_person", "both"]
    online_application: bool  # the portal's step-by-step form can submit it
    appointment: bool  # a hall visit can be booked
    popularity: int = Field(ge=0, le=100)
    legal_limit_days: int = Field(ge=0, le=365)  # 法定办结时限 (working days; 0 = on the spot)
    promised_limit_days: int = Field(ge=0, le=365)  # 承诺办结时限
    fee_cny: Decimal = Field(ge=0, decimal_places=2)
    max_visits: int = Field(ge=0, le=5)  # times the applicant must come in person
    summary: Text
    eligibility: Text
    conditions: list[Text] = Field(min_length=1)
    materials: list[Material] = Field(min_length=1)
    fee_note: Text
    where: Text
    halls: list[Slug] = []
    faqs: list[Faq] = []
    legal_basis: Text
    keywords: Words
    last_reviewed: dt.date
    # Approved by rule in seconds (秒批) when every required material is an e-certificate on file.
    instant_approval: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> Service:
        if self.promised_limit_days > self.legal_limit_days:
            raise ValueError("promised time limit exceeds the legal one")
        if self.online_application and self.mode == "in_person":
            raise ValueError("an in-person-only service cannot take online applications")
        if self.appointment and not self.halls:
            raise ValueError("a bookable service needs at least one hall")
        if self.instant_approval and not (
            self.online_application and all(m.certificate for m in self.materials if m.required)
        ):
            raise ValueError("instant approval needs online application and every required material an e-certificate")
        return self


class OpeningHours(Strict):
    days: list[Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]] = Field(min_length=1)
    opens: dt.time
    closes: dt.time


class Hall(Named):
    address: Text
    district: Text
    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)
    phone: str
    hours: list[OpeningHours] = Field(min_length=1)
    hours_note: Text
    transport: Text
    accessibility: Text
    counters: int = Field(ge=1, le=200)
    slot_capacity: int = Field(ge=1, le=50)  # bookings per 30-minute slot


class Article(Strict):
    id: Slug
    kind: Literal["news", "notice", "policy"]
    published: dt.date
    department: Slug
    title: Text
    summary: Text
    body: Text  # Markdown; rendered with a sanitiser
    related_services: list[Slug] = []


class EmergencyNumber(Strict):
    number: Annotated[str, StringConstraints(pattern=r"^[0-9+ -]{3,20}$")]
    label: Text


class ExpatGuide(Strict):
    id: Literal["visas", "work-permits", "tax", "healthcare", "housing", "schooling", "emergencies"]
    title: Text
    summary: Text
    body: Text  # Markdown
    last_reviewed: dt.date
    emergency_numbers: list[EmergencyNumber] = []
    related_services: list[Slug] = []


class DemoAccount(Strict):
    """Accounts of the reference back end, for trying the portal out."""

    id: Slug
    kind: Literal["resident", "foreigner"]
    name: NonEmpty
    phone: str | None = None
    password: NonEmpty
    id_number: str | None = None  # Chinese resident ID
    passport_number: str | None = None
    nationality: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] | None = None
    address: str | None = None
    locked: bool = False


class CertificateKind(Strict):
    id: CertificateKindId
    name: Text


class DemoCertificate(Strict):
    """An e-certificate of a demo account. Dates are relative to the day the
    database is seeded, so "expiring soon" and "expired" stay true."""

    account: Slug
    kind: CertificateKindId
    number: Annotated[str, StringConstraints(pattern=r"^[0-9A-Z-]{6,32}$")]
    holder: NonEmpty
    issuer: Text
    issued_days_ago: int = Field(ge=0, le=40 * 365)
    expires_in_days: int | None = Field(default=None, ge=-3650, le=40 * 365)  # None: long-term; negative: expired
    revoked: bool = False

    @model_validator(mode="after")
    def _valid_number(self) -> DemoCertificate:
        if self.kind in ("resident-id-card", "driving-licence", "social-security-card") and not ric.is_valid(self.number):
            raise ValueError(f"{self.kind} number is not a valid resident ID number")
        if self.kind == "business-licence" and not uscc.is_valid(self.number):
            raise ValueError("business licence number is not a valid unified social credit code")
        return self


class Certificates(Strict):
    kinds: list[CertificateKind]
    issued: list[DemoCertificate]


class DemoApplication(Strict):
    account: Slug
    service: Slug
    submitted_days_ago: int = Field(ge=0, le=365)
    steps_done: int = Field(ge=1, le=5)  # of submitted, accepted, in_review, decided, completed
    status: Literal["submitted", "accepted", "in_review", "approved", "rejected", "completed"]
    result: Text | None = None


class DemoAppointment(Strict):
    account: Slug
    service: Slug
    hall: Slug
    day_offset: int = Field(ge=-60, le=13)  # negative: in the past
    starts: dt.time


class DemoLetter(Strict):
    account: Slug
    kind: Literal["consultation", "complaint", "suggestion", "mailbox"]
    category: str
    locale: Literal["zh", "en", "ja", "ko", "fr"]
    subject: NonEmpty
    body: NonEmpty
    sent_days_ago: int = Field(ge=0, le=365)
    status: Literal["received", "in_progress", "replied"]
    reply: Text | None = None


class DemoSubscription(Strict):
    account: Slug
    topic: Literal["service", "theme", "article-kind"]
    target: Slug


class DemoHistory(Strict):
    """What the demo accounts have already done, so the personal centre is not empty."""

    applications: list[DemoApplication]
    appointments: list[DemoAppointment]
    letters: list[DemoLetter]
    subscriptions: list[DemoSubscription]


class Content(Strict):
    departments: list[Department]
    themes: list[Named]
    life_events: list[LifeEvent]
    services: list[Service]
    halls: list[Hall]
    articles: list[Article]
    expat_guides: list[ExpatGuide]
    accounts: list[DemoAccount]
    history: DemoHistory
    certificates: Certificates

    @field_validator("departments", "themes", "life_events", "services", "halls", "articles", "accounts")
    @classmethod
    def _unique_ids(cls, items: list) -> list:
        ids = [item.id for item in items]
        duplicates = {i for i in ids if ids.count(i) > 1}
        if duplicates:
            raise ValueError(f"duplicate ids: {sorted(duplicates)}")
        return items

    @model_validator(mode="after")
    def _references_resolve(self) -> Content:
        known = {
            "department": {d.id for d in self.departments},
            "theme": {t.id for t in self.themes},
            "life event": {e.id for e in self.life_events},
            "hall": {h.id for h in self.halls},
            "service": {s.id for s in self.services},
        }
        problems = []

        def check(kind: str, owner: str, refs: list[str]) -> None:
            problems.extend(f"{owner}: unknown {kind} {ref!r}" for ref in refs if ref not in known[kind])

        for s in self.services:
            check("department", s.id, [s.department])
            check("theme", s.id, s.themes)
            check("life event", s.id, s.life_events)
            check("hall", s.id, s.halls)
        for a in self.articles:
            check("department", a.id, [a.department])
            check("service", a.id, a.related_services)
        for g in self.expat_guides:
            check("service", g.id, g.related_services)
        accounts = {a.id for a in self.accounts}
        for item in [*self.history.applications, *self.history.appointments, *self.history.letters, *self.history.subscriptions]:
            if item.account not in accounts:
                problems.append(f"demo history: unknown account {item.account!r}")
        kinds = {k.id for k in self.certificates.kinds}
        for item in self.certificates.issued:
            if item.account not in accounts:
                problems.append(f"certificates: unknown account {item.account!r}")
            if item.kind not in kinds:
                problems.append(f"certificates: kind {item.kind!r} has no name")
        for item in [*self.history.applications, *self.history.appointments]:
            check("service", "demo history", [item.service])
        for item in self.history.appointments:
            check("hall", "demo history", [item.hall])
        if problems:
            raise ValueError("; ".join(problems))
        return self


def _read(path: Path) -> list | dict:
    with path.open(encoding="utf-8") as fp:
        return yaml.safe_load(fp) or []


@cache
def load_content(seed_dir: Path | None = None) -> Content:
    """Read and check every seed file. Services may be split into one file per department."""
    seed_dir = seed_dir or Path(os.environ.get("PORTAL_SEED_DIR", SEED_DIR))
    services = []
    for path in sorted((seed_dir / "services").glob("*.yaml")):
        services.extend(_read(path))
    return Content(
        departments=_read(seed_dir / "departments.yaml"),
        themes=_read(seed_dir / "themes.yaml"),
        life_events=_read(seed_dir / "life_events.yaml"),
        services=services,
        halls=_read(seed_dir / "halls.yaml"),
        articles=_read(seed_dir / "articles.yaml"),
        expat_guides=_read(seed_dir / "expat_guides.yaml"),
        accounts=_read(seed_dir / "accounts.yaml"),
        history=_read(seed_dir / "demo_history.yaml"),
        certificates=_read(seed_dir / "certificates.yaml"),
    )


def check_file(path: Path) -> int:
    """Check one seed file on its own (its references are checked by ``load_content``)."""
    from pydantic import TypeAdapter

    models = {
        "departments.yaml": Department,
        "themes.yaml": Named,
        "life_events.yaml": LifeEvent,
        "halls.yaml": Hall,
        "articles.yaml": Article,
        "expat_guides.yaml": ExpatGuide,
        "accounts.yaml": DemoAccount,
    }
    if path.name == "certificates.yaml":
        return len(Certificates.model_validate(_read(path)).issued)
    if path.name == "demo_history.yaml":
        history = DemoHistory.model_validate(_read(path))
        return len(history.applications) + len(history.appointments) + len(history.letters) + len(history.subscriptions)
    model = Service if path.parent.name == "services" else models[path.name]
    return len(TypeAdapter(list[model]).validate_python(_read(path)))


if __name__ == "__main__":
    import sys

    if sys.argv[1:]:
        for name in sys.argv[1:]:
            print(f"{name}: {check_file(Path(name))} records")
        raise SystemExit(0)
    content = load_content()
    print(
        f"{len(content.departments)} departments, {len(content.themes)} themes, "
        f"{len(content.life_events)} life events, {len(content.services)} services, {len(content.halls)} halls, "
        f"{len(content.articles)} articles, {len(content.expat_guides)} expat guides, {len(content.accounts)} accounts"
    )
