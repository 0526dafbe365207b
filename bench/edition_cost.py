"""What the traditional-character edition (zh-Hant, hooks/corpus/hant.py) costs a build.

Per corpus size: the whole build with the edition against the same project built without it
(its language set to ``build: false`` in a copy of mkdocs.yml, so the hooks make none of its
pages, files or index), alternating back to back; the median of the pairs' ratios, in wall and
CPU time; and the site's size and pages either way. The target: the whole build with the third
edition takes at most 1.5 times the build without it.

The files to download are left out of these builds (``CORPUS_DOWNLOADS=off``): their cost is
measured on its own (downloads_cost.py), and the edition adds two of a document's seven files.
"""

from __future__ import annotations

import re
import shutil
import statistics
from dataclasses import dataclass
from pathlib import Path

import measure
import report

NO_HANT_CONFIG = "mkdocs-no-hant.yml"
#: The target: the whole build with the edition, against the build without it.
TARGET = 1.5
ENV = {"CORPUS_DOWNLOADS": "off"}


@dataclass(frozen=True)
class EditionCost:
    documents: int
    build_s: float  # with the edition (median)
    no_hant_s: float
    build_cpu_s: float
    no_hant_cpu_s: float
    ratio: float  # wall time with / without, median of back-to-back pairs
    ratio_cpu: float
    site_bytes: int
    no_hant_site_bytes: int
    pages: int
    no_hant_pages: int
    hant_bytes: int  # the edition's own folder (zh-Hant/)
    pairs: tuple = ()  # every pair: (wall with, wall without, CPU with, CPU without), seconds


def write_config_without_hant(project: Path) -> str:
    """A copy of the project's mkdocs.yml with the traditional edition not built; returns its name."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    without, n = re.subn(r"(- locale: zh-Hant\n(?:[ \t]+(?!- locale).*\n)*?[ \t]+build: )true", r"\g<1>false", text)
    if n != 1:
        raise ValueError("mkdocs.yml: no zh-Hant language with 'build: true'")
    (project / NO_HANT_CONFIG).write_text(without, encoding="utf-8")
    return NO_HANT_CONFIG


def _size(folder: Path) -> tuple[int, int]:
    """Bytes and HTML pages under ``folder``."""
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), sum(1 for p in files if p.suffix == ".html")


def measure_edition(project: Path, site: Path, documents: int, repeats: int) -> EditionCost:
    """Builds of ``project`` with and without the edition, alternating (one untimed build of each first)."""
    config = write_config_without_hant(project)
    other = site.with_name(site.name + "-no-hant")
    measure.run_build(project, other, config, env=ENV)
    measure.run_build(project, site, env=ENV)
    with_hant, without = [], []
    for _ in range(repeats):
        without.append(measure.run_build(project, other, config, env=ENV))
        with_hant.append(measure.run_build(project, site, env=ENV))
    # the last build of each kind is in its folder
    size, pages = _size(site)
    other_size, other_pages = _size(other)
    hant_bytes, _ = _size(site / "zh-Hant")
    shutil.rmtree(other)
    pairs = list(zip(with_hant, without))
    return EditionCost(
        documents=documents,
        build_s=statistics.median(b.seconds for b in with_hant),
        no_hant_s=statistics.median(b.seconds for b in without),
        build_cpu_s=statistics.median(b.cpu_seconds for b in with_hant),
        no_hant_cpu_s=statistics.median(b.cpu_seconds for b in without),
        ratio=statistics.median(a.seconds / b.seconds for a, b in pairs),
        ratio_cpu=statistics.median(a.cpu_seconds / b.cpu_seconds for a, b in pairs),
        site_bytes=size,
        no_hant_site_bytes=other_size,
        pages=pages,
        no_hant_pages=other_pages,
        hant_bytes=hant_bytes,
        pairs=tuple((round(a.seconds, 2), round(b.seconds, 2), round(a.cpu_seconds, 2), round(b.cpu_seconds, 2)) for a, b in pairs),
    )


def table(rows: list[EditionCost]) -> str:
    """One column per corpus size."""
    lines = [
        ("`mkdocs build` with the traditional edition, s (median)", lambda r: f"{r.build_s:.1f}"),
        ("… without it, s", lambda r: f"{r.no_hant_s:.1f}"),
        ("with / without, wall (CPU time), median of pairs", lambda r: f"×{r.ratio:.2f} (×{r.ratio_cpu:.2f})"),
        ("… each pair, wall", lambda r: " · ".join(f"×{a / b:.2f}" for a, b, _, _ in r.pairs)),
        ("CPU time with / without, s", lambda r: f"{r.build_cpu_s:.1f} / {r.no_hant_cpu_s:.1f}"),
        ("site size with / without, MB", lambda r: f"{r.site_bytes / 1e6:,.1f} / {r.no_hant_site_bytes / 1e6:,.1f}"),
        ("… of which the edition's folder (zh-Hant/), MB", lambda r: f"{r.hant_bytes / 1e6:,.1f}"),
        ("HTML pages with / without", lambda r: f"{r.pages:,} / {r.no_hant_pages:,}"),
    ]
    return report.sizes_table(rows, lines)


def target(rows: list[EditionCost]):
    """The edition's target, judged on the worst size (wall time)."""
    from report import Target

    worst = max(rows, key=lambda r: r.ratio)
    figure = " / ".join(f"×{r.ratio:.2f}" for r in rows) + " for " + " / ".join(f"{r.documents:,}" for r in rows) + " documents"
    return Target(f"the whole build with the traditional edition ≤ {TARGET} × without it", figure, worst.ratio <= TARGET)
