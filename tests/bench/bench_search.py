"""Search quality: top-1, top-3 and mean reciprocal rank per locale over the
queries in ``search_queries.yaml`` (people's words, typos, pinyin, another
language's name for a thing). Measured and printed, never asserted: the
target is top-3 >= 95 % in every locale.

The held-out set (``search_heldout.yaml``) was written before tuning and is
never tuned on; it is run outside the suite:

    .venv/bin/python -m tests.bench.bench_search --heldout
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import yaml

from backend.content import load_content
from backend.search import SearchIndex

HERE = Path(__file__).parent


def build_index() -> SearchIndex:
    """The index as the API builds it, from the seed content."""
    content = load_content()
    dump = lambda items: [item.model_dump(mode="json") for item in items]  # noqa: E731
    return SearchIndex.build(dump(content.services), dump(content.articles), dump(content.expat_guides))


def _key(hit) -> str:
    return hit.id if hit.kind == "service" else f"{hit.kind}:{hit.id}"


def measure(index: SearchIndex, queries: dict[str, list[dict]]) -> tuple[dict, list[str]]:
    """Per locale: n, top-1, top-3 and MRR (over the first 10); and the misses."""
    figures, misses = {}, []
    for locale, items in queries.items():
        top1 = top3 = 0
        reciprocal = 0.0
        for item in items:
            ranked = [_key(h) for h in index.search(item["q"], locale, limit=10)]
            ranks = [ranked.index(e) + 1 for e in item["expect"] if e in ranked]
            best = min(ranks) if ranks else None
            top1 += best == 1
            top3 += bool(best and best <= 3)
            reciprocal += 1 / best if best else 0.0
            if not best or best > 3:
                misses.append(f"{locale} {item['q']!r}: expected {item['expect']}, got {ranked[:3]}")
        n = len(items)
        figures[locale] = {"n": n, "top1": round(100 * top1 / n, 1), "top3": round(100 * top3 / n, 1), "mrr": round(reciprocal / n, 3)}
    return figures, misses


def load(name: str) -> dict[str, list[dict]]:
    with (HERE / name).open(encoding="utf-8") as fp:
        return yaml.safe_load(fp)


def report(name: str) -> dict:
    started = time.perf_counter()
    index = build_index()
    built = time.perf_counter() - started
    figures, misses = measure(index, load(name))
    print(f"\n{name}: index built in {built:.1f} s")
    for locale, f in figures.items():
        print(f"  {locale}: n={f['n']:3d}  top-1 {f['top1']:5.1f} %  top-3 {f['top3']:5.1f} %  MRR {f['mrr']:.3f}")
    for miss in misses:
        print("  miss:", miss)
    return figures


def test_search_quality(artifacts):
    figures = report("search_queries.yaml")
    (artifacts / "bench-search.json").write_text(json.dumps(figures, indent=2))
    assert sum(f["n"] for f in figures.values()) >= 150


if __name__ == "__main__":
    report("search_heldout.yaml" if "--heldout" in sys.argv else "search_queries.yaml")
