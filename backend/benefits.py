"""The benefits finder's rules (政策计算器): ``benefit_rules.yaml`` in the seed
folder, and their evaluation against a person's or a business's answers.

A rule names the answers it needs (a range for numbers, the accepted values for
choices, true or false for yes/no questions), each with its reason in plain
words ("you are 80 or over"), and what it points to: a service guide or a
policy article of the catalogue. Against the answers, a rule is

- ``likely`` when every condition is answered and met,
- ``possible`` when none is contradicted, at least one is met and some were
  skipped (the skipped questions are named, so the person knows what to check),
- left out otherwise.

Nothing is stored: evaluation is a pure function of the answers.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, model_validator

from backend.content import SEED_DIR, Slug, Strict, Text, load_content

Audience = Literal["resident", "business"]
Residence = Literal["hukou", "residence_card", "permanent_resident", "foreigner", "elsewhere"]
Household = Literal["alone", "with_family"]
Income = Literal["subsistence", "low", "middle", "high"]
Children = Literal["none", "under_3", "age_3_to_5", "age_6_to_15", "age_16_to_17"]
Size = Literal["micro", "small", "medium", "large"]
Industry = Literal["catering", "retail", "manufacturing", "technology", "services", "other"]
Location = Literal["haizhou", "elsewhere"]

# Each question's kind: a number (with a range) or one of a set of values, or yes/no.
QUESTIONS: dict[Audience, dict[str, Any]] = {
    "resident": {"age": int, "residence": Residence, "household": Household, "income": Income, "disability": bool, "children": Children},
    "business": {"size": Size, "industry": Industry, "years": int, "location": Location},
}


class Condition(Strict):
    """One answer a rule needs: a range (numbers), accepted values (choices) or yes/no, and why it matters."""

    min: int | None = None
    max: int | None = None
    values: list[str] | None = None
    equals: bool | None = None
    reason: Text  # the reason in plain words when the answer meets it: "you are 80 or over"


class Rule(Strict):
    id: Slug
    audience: Audience
    when: dict[str, Condition] = Field(min_length=1)
    service: Slug | None = None
    article: Slug | None = None
    check: Text  # what to check before applying

    @model_validator(mode="after")
    def _consistent(self) -> Rule:
        if (self.service is None) == (self.article is None):
            raise ValueError(f"{self.id}: a rule points to a service or to an article")
        questions = QUESTIONS[self.audience]
        for name, c in self.when.items():
            kind = questions.get(name)
            if kind is None:
                raise ValueError(f"{self.id}: no {self.audience} question {name!r}")
            given = {"range": c.min is not None or c.max is not None, "values": c.values is not None, "equals": c.equals is not None}
            needed = "range" if kind is int else "equals" if kind is bool else "values"
            if not given[needed] or sum(given.values()) != 1:
                raise ValueError(f"{self.id}: {name} needs a {needed} condition and nothing else")
            if c.values is not None and set(c.values) - set(kind.__args__):
                raise ValueError(f"{self.id}: unknown values for {name}: {sorted(set(c.values) - set(kind.__args__))}")
        return self


def load_rules(path: Path, services: set[str], articles: set[str]) -> tuple[Rule, ...]:
    """Read and check the rules; raises ``ValueError`` for a target missing from the catalogue."""
    with path.open(encoding="utf-8") as fp:
        rules = tuple(Rule.model_validate(item) for item in yaml.safe_load(fp) or [])
    problems = [f"{r.id}: unknown service {r.service!r}" for r in rules if r.service and r.service not in services]
    problems += [f"{r.id}: unknown article {r.article!r}" for r in rules if r.article and r.article not in articles]
    ids = [r.id for r in rules]
    if len(ids) != len(set(ids)):
        problems.append("duplicate rule ids")
    if problems:
        raise ValueError("; ".join(problems))
    return rules


@cache
def seed_rules() -> tuple[Rule, ...]:
    """The rules of the configured seed folder (``PORTAL_SEED_DIR``), checked against its catalogue."""
    content = load_content()
    seed_dir = Path(os.environ.get("PORTAL_SEED_DIR", SEED_DIR))
    return load_rules(seed_dir / "benefit_rules.yaml", {s.id for s in content.services}, {a.id for a in content.articles})


Match = Literal["likely", "possible"]


def _met(c: Condition, value: Any) -> bool:
    if c.values is not None:
        return value in c.values
    if c.equals is not None:
        return value is c.equals
    return (c.min is None or value >= c.min) and (c.max is None or value <= c.max)


def evaluate(rule: Rule, answers: dict[str, Any]) -> tuple[Match, list[str], list[str]] | None:
    """``(match, questions met, questions skipped)`` for a rule against the answers
    (a question answered ``None`` was skipped), or ``None`` when the rule does not apply."""
    met, skipped = [], []
    for name, condition in rule.when.items():
        value = answers.get(name)
        if value is None:
            skipped.append(name)
        elif _met(condition, value):
            met.append(name)
        else:
            return None
    if not met:
        return None
    return ("possible" if skipped else "likely"), met, skipped
