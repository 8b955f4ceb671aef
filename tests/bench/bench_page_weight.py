"""Budget: a locale home page on first visit at most 150 KB compressed; the
blank Reflex 0.10 app is the baseline. First-visit bytes and requests of every
kind of information page, search results, and the time to a service guide's
heading on a slow connection. Figures are printed and saved, never asserted."""

from __future__ import annotations

import json

from locales import LOCALES
from tests.bench.weight import first_visit, time_to_selector

# (kind, address) of each kind of page a visitor may land on.
PAGES = [
    *((f"home ({locale})", f"/{locale}/") for locale in LOCALES),
    ("service catalogue", "/en/services/"),
    ("service guide", "/en/services/ee-visa-extension/"),
    ("search results", "/zh/search/?q=shebao"),
    ("news", "/ko/news/"),
    ("article", "/fr/news/2026-11-portal-maintenance/"),
    ("halls", "/ja/halls/"),
    ("hall", "/en/halls/city-centre/"),
    ("expat zone", "/fr/expat/"),
    ("expat guide", "/en/expat/visas/"),
]


def test_first_visit_weight(browser, portal, artifacts):
    figures = {}
    for kind, path in PAGES:
        transfer = first_visit(browser, portal.url + path, wait_for="main h1")
        figures[kind] = {"path": path, "kilobytes": transfer.kilobytes, "requests": transfer.requests}
        print(f"{kind:22} {path:40} {transfer.kilobytes:8.1f} KB  {transfer.requests:3d} requests")
    (artifacts / "bench-page-weight.json").write_text(json.dumps(figures, indent=2))
    assert all(f["requests"] > 0 for f in figures.values())


def test_blank_reflex_baseline(browser, blank_app, artifacts):
    transfer = first_visit(browser, blank_app, wait_for="h1")
    print(f"blank Reflex app {transfer.kilobytes:8.1f} KB  {transfer.requests:3d} requests")
    (artifacts / "bench-blank-reflex.json").write_text(json.dumps({"kilobytes": transfer.kilobytes, "requests": transfer.requests}))
    assert transfer.requests > 0


def test_time_to_the_guides_heading_on_a_slow_connection(browser, portal, artifacts):
    """A cold visit on a slow 4G phone (150 ms, 1.6 Mbit/s down, CPU 4x slower):
    when the guide's heading is on screen, and when its page is fully loaded."""
    samples = [time_to_selector(browser, f"{portal.url}/en/services/ee-visa-extension/", "main h1") for _ in range(5)]
    heading = sorted(s["selector_ms"] for s in samples)
    loaded = sorted(s["load_ms"] for s in samples)
    figures = {"heading_median_ms": heading[len(heading) // 2], "heading_max_ms": heading[-1], "load_median_ms": loaded[len(loaded) // 2], "visits": len(samples)}
    print("service guide on slow 4G:", figures)
    (artifacts / "bench-guide-heading.json").write_text(json.dumps(figures, indent=2))
    assert samples
