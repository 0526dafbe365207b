"""Lighthouse (npm, pinned; Debian's chromium; mobile preset) on every kind of page in both languages.

The site is served by the preview server (hooks/corpus/preview.py), which
answers like a static host (gzip, cache headers), so that Lighthouse measures
the site and not a development server. Accessibility, best practices and SEO
must be 100 on every page. Performance must be 100 too, except for the audits
listed in KNOWN_PERFORMANCE (each with the reason it cannot be fixed without
forking Material; the README lists them).
"""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS, ROOT

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
PAGES = {
    "home": "",
    "document": "texts/global-security-initiative-concept-paper/",
    "parallel view": "texts/global-security-initiative-concept-paper/parallel/",
    "glossary index": "glossary/",
    "term page": "glossary/new-type-security-partnership/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
#: Performance audits that may cost a point (audit id -> why; the README lists them).
#: Material's stylesheet (main.css, 23 KB gzipped) blocks rendering, and its
#: JavaScript bundle (35 KB gzipped) lays the page out again once it runs; on
#: Lighthouse's simulated slow phone (150 ms round trips, 4x CPU slowdown) this
#: puts the largest paint at 1.7-1.9 s and leaves 50-180 ms of blocking time,
#: which scores 0.97-0.99 instead of 1. Only a smaller Material (a fork) would
#: avoid it; everything of our own is deferred or loaded on demand.
KNOWN_PERFORMANCE = {
    "largest-contentful-paint": "Material's render-blocking main.css and the re-layout by its bundle",
    "total-blocking-time": "Material's bundle.js and the layout of the page run as long tasks on the simulated slow CPU",
    "first-contentful-paint": "Material's render-blocking main.css (one round trip on a simulated slow network)",
}
#: The lowest performance score accepted while known audits cost points. On a
#: quiet machine every page scores 99-100; with another process busy on the
#: same two cores blocking time rose to 330 ms and the score to 93 (measured).
PERFORMANCE_FLOOR = 0.9


@pytest.fixture(scope="module")
def preview(built_site):
    from corpus.preview import start

    server, url = start(built_site["site"])
    yield url
    server.shutdown()


def lighthouse(url: str, out) -> dict:
    assert LIGHTHOUSE.exists(), "lighthouse is missing: run bash .ci/setup (npm ci)"
    flags = " ".join(CHROMIUM_ARGS)
    subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
         f"--chrome-flags={flags}", f"--only-categories={','.join(CATEGORIES)}"],
        check=True,
        timeout=300,
        env=dict(os.environ, CHROME_PATH=CHROMIUM),
    )
    return json.loads(out.read_text(encoding="utf-8"))


def lost_points(report: dict, category: str) -> dict[str, str]:
    """The audits of ``category`` that cost points: id -> their score and value."""
    out = {}
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            out[ref["id"]] = f"{audit['score']} {audit.get('displayValue', '')}".strip()
    return out


#: Performance is measured on the real CPU (then scaled), so a busy machine
#: lowers it: a page gets up to this many runs, and the best one counts
#: (Lighthouse's own advice is to take several runs, not one).
RUNS = 3


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["zh", "en"])
@pytest.mark.parametrize("kind", list(PAGES))
def test_lighthouse_scores(preview, tmp_path, kind, prefix):
    for run in range(1, RUNS + 1):
        report = lighthouse(preview + prefix + PAGES[kind], tmp_path / f"report-{run}.json")
        assert "runtimeError" not in report, report.get("runtimeError")
        scores = {c: report["categories"][c]["score"] for c in CATEGORIES}
        lost = lost_points(report, "performance")
        print(
            f"lighthouse {prefix or 'zh/'}{kind} (run {run}): "
            + ", ".join(f"{c} {round(100 * s)}" for c, s in scores.items())
            + (f" (performance points lost to: {lost})" if lost else "")
        )
        if set(lost) <= set(KNOWN_PERFORMANCE) and scores["performance"] >= PERFORMANCE_FLOOR:
            break
    for category in ("accessibility", "best-practices", "seo"):
        assert scores[category] == 1, (category, lost_points(report, category))
    assert set(lost) <= set(KNOWN_PERFORMANCE), lost
    assert scores["performance"] >= PERFORMANCE_FLOOR, lost
