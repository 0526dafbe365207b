"""Lighthouse performance of every kind of page, in both languages: figures, not a test.

    PYTHONPATH=hooks .venv/bin/python bench/lighthouse.py [--runs N] [--site SITE]

Builds the site into a temporary folder (or takes a built ``SITE``), serves it
with the preview server (gzip and cache headers, like a static host) and runs
Lighthouse's mobile preset N times (default 3) on each page. It prints, per
page, the median and the range of the performance score, total blocking time
and largest contentful paint, and the audits that cost points in the median run.

Lighthouse measures performance on this machine's real CPU and then scales it,
so a busy shared machine lowers the figures (the same page scored 82 to 100
between runs); that is why the tests (tests/test_lighthouse.py) assert only the
categories that do not depend on the clock, and this command reports the rest.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "hooks")]


def main() -> int:
    from conftest import copy_project, run_build
    from corpus.preview import start
    from test_lighthouse import PAGES, lighthouse, lost_points

    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--site", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            project = copy_project(Path(tmp) / "project")
            site = Path(tmp) / "site"
            proc = run_build(project, site)
            if proc.returncode:
                print(proc.stderr)
                return 1
        server, url = start(site)
        try:
            print(f"{'page':34} {'score':>12} {'blocking ms':>16} {'LCP s':>12}  lost in the median run")
            for prefix in ("", "en/"):
                for kind, path in PAGES.items():
                    runs = []
                    for n in range(args.runs):
                        report = lighthouse(url + prefix + path, Path(tmp) / f"r{n}.json", ("performance",))
                        audits = report["audits"]
                        runs.append((
                            round(100 * report["categories"]["performance"]["score"]),
                            audits["total-blocking-time"]["numericValue"],
                            audits["largest-contentful-paint"]["numericValue"] / 1000,
                            lost_points(report, "performance"),
                        ))
                    runs.sort(key=lambda r: r[0])
                    median = runs[len(runs) // 2]
                    score = f"{median[0]} ({runs[0][0]}-{runs[-1][0]})"
                    tbt = sorted(r[1] for r in runs)
                    lcp = sorted(r[2] for r in runs)
                    print(f"{(prefix or 'zh/') + kind:34} {score:>12} "
                          f"{statistics.median(tbt):>6.0f} ({tbt[0]:.0f}-{tbt[-1]:.0f}) "
                          f"{statistics.median(lcp):>5.1f} ({lcp[0]:.1f}-{lcp[-1]:.1f})  {', '.join(median[3]) or '-'}")
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
