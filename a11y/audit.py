"""Accessibility audit helpers the browser tests use: axe-core through
axe-playwright-python, run against the page as the user sees it."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe

_AXE = Axe()
# All of axe's rules except the experimental ones: WCAG 2.0-2.2 A and AA, and best practice.
_OPTIONS = {"resultTypes": ["violations"]}


def axe_violations(page, rules: list[str] | None = None) -> list[dict]:
    """axe-core's violations on ``page`` right now; ``rules`` runs only those
    (e.g. ``color-contrast-enhanced``, the 7:1 rule that is off by default)."""
    options = {**_OPTIONS, "runOnly": {"type": "rule", "values": rules}} if rules else _OPTIONS
    return _AXE.run(page, options=options).response["violations"]


def describe(violations: list[dict]) -> str:
    """A readable summary for a failing assertion: rule, impact, where."""
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation.get('impact')}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)
