"""Life-event bundles (一件事一次办) as seed data: ``bundles.yaml`` in the seed
folder. A bundle names its member services, the questions asked once for all of
them and the materials taken once; each question and material says which member
services use it. Every text is in the five locales (checked on load)."""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import Field, StringConstraints, model_validator

from backend.content import SEED_DIR, Slug, Strict, Text, load_content

# Question and material ids are the keys of a joint application's answers and uploads.
Key = Annotated[str, StringConstraints(pattern=r"^[a-z0-9_]{1,40}$")]


class Choice(Strict):
    value: Key
    label: Text


class BundleQuestion(Strict):
    id: Key
    kind: Literal["text", "date", "choice", "yes_no"]
    label: Text
    hint: Text | None = None
    required: bool = True
    max_length: int = Field(default=100, ge=1, le=2000)  # for text answers
    choices: list[Choice] = []
    services: list[Slug] = Field(min_length=1)  # the member services the answer flows into

    @model_validator(mode="after")
    def _choices_for_choice(self) -> BundleQuestion:
        if (self.kind == "choice") != bool(self.choices):
            raise ValueError(f"question {self.id}: choices belong to, and only to, a choice question")
        return self


class BundleMaterial(Strict):
    id: Key
    name: Text
    note: Text | None = None
    required: bool = True
    services: list[Slug] = Field(min_length=1)  # the member services that use it


class Bundle(Strict):
    id: Slug
    life_event: Slug
    name: Text
    summary: Text
    promised_limit_days: int = Field(ge=0, le=365)  # for the whole bundle, working days
    max_visits: int = Field(ge=0, le=5)
    services: list[Slug] = Field(min_length=2)
    questions: list[BundleQuestion] = Field(min_length=1)
    materials: list[BundleMaterial] = []

    @model_validator(mode="after")
    def _consistent(self) -> Bundle:
        for kind, items in (("question", self.questions), ("material", self.materials)):
            ids = [item.id for item in items]
            if len(ids) != len(set(ids)):
                raise ValueError(f"{self.id}: duplicate {kind} ids")
            for item in items:
                stray = set(item.services) - set(self.services)
                if stray:
                    raise ValueError(f"{self.id}: {kind} {item.id} names services outside the bundle: {sorted(stray)}")
        return self


def load_bundles(seed_dir: Path, services: set[str], life_events: set[str]) -> list[Bundle]:
    """Read ``bundles.yaml`` and check that its services and life events are in the catalogue.

    Raises ``ValueError`` naming every unknown reference."""
    with (seed_dir / "bundles.yaml").open(encoding="utf-8") as fp:
        bundles = [Bundle.model_validate(item) for item in yaml.safe_load(fp) or []]
    problems = [f"{b.id}: unknown service {s!r}" for b in bundles for s in b.services if s not in services]
    problems += [f"{b.id}: unknown life event {b.life_event!r}" for b in bundles if b.life_event not in life_events]
    ids = [b.id for b in bundles]
    if len(ids) != len(set(ids)):
        problems.append("duplicate bundle ids")
    if problems:
        raise ValueError("; ".join(problems))
    return bundles


@cache
def seed_bundles() -> tuple[Bundle, ...]:
    """The bundles of the configured seed folder (``PORTAL_SEED_DIR``), checked against its catalogue."""
    content = load_content()
    seed_dir = Path(os.environ.get("PORTAL_SEED_DIR", SEED_DIR))
    return tuple(load_bundles(seed_dir, {s.id for s in content.services}, {e.id for e in content.life_events}))
