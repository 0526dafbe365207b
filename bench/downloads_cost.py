"""What the documents' files to download (PDF and EPUB, hooks/corpus/downloads.py) cost a build.

Three figures per corpus size:

* making one document's five files (three PDFs, two EPUBs), timed on a sample of documents
  (all of them at 10 documents); a fresh clone, or a build after every document changed,
  pays it for every document (``cold``: measured on the sample, times the documents for
  larger corpora: making 5,000 files to time them would take an hour);
* what a build adds when no document changed (``warm``): a build with the files in the
  cache, against the same build with ``CORPUS_DOWNLOADS=off`` (no files, no download
  lines), back to back; the median of a few such pairs, in wall and CPU time;
* the files' bytes (in the site, and again in the offline bundle).

The cache is filled for the documents outside the sample with hard links to a sample
file of the same format and language (their keys are the real ones), so that the builds
find every file made, as they would after the first build.
"""

from __future__ import annotations

import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

import measure
import report

#: Documents whose files are really made, per corpus size.
SAMPLE = 10


@dataclass(frozen=True)
class DownloadCost:
    documents: int
    files: int
    sample: int
    made_per_document_s: float
    cold_s: float  # measured when the sample is the whole corpus, else per document × documents
    cold_measured: bool
    warm_s: float  # build with the files (cache warm) minus build with CORPUS_DOWNLOADS=off: median of pairs
    warm_cpu_s: float  # the same in CPU time, which the machine's other work disturbs less
    build_off_s: float
    build_warm_s: float
    pairs: int
    bytes: int
    bytes_per_document: float


def fill_cache(jobs, cache: Path, sample_jobs) -> None:
    """Every job outside the sample gets a hard link to a made file of its format and language."""
    from corpus.downloads import cached

    made = {(j.format, j.paper.lang): cached(j, cache) for j in sample_jobs}
    for job in jobs:
        target = cached(job, cache)
        if not target.exists():
            os.link(made[(job.format, job.paper.lang)], target)


def _build(project: Path, site: Path, mode: str | None) -> "measure.Build":
    """One ``mkdocs build`` with CORPUS_DOWNLOADS=``mode`` (None: the default)."""
    old = os.environ.pop("CORPUS_DOWNLOADS", None)
    if mode:
        os.environ["CORPUS_DOWNLOADS"] = mode
    try:
        return measure.run_build(project, site)
    finally:
        os.environ.pop("CORPUS_DOWNLOADS", None)
        if old is not None:
            os.environ["CORPUS_DOWNLOADS"] = old


def measure_downloads(project: Path, site: Path, cache: Path, pairs: int = 3, site_url: str = "https://example.org/") -> DownloadCost:
    """Time making a sample's files, fill the cache, then time builds without and with the files, ``pairs`` times.

    ``cache`` must be the build's cache (``CORPUS_CACHE``/downloads): the caller sets CORPUS_CACHE.
    """
    from corpus.build import build_corpus
    from corpus.downloads import cached, jobs_for, make_missing
    from corpus.papers import papers_of

    corpus = build_corpus(project / "seeds")
    jobs = jobs_for([p for d in corpus.documents for p in papers_of(d, site_url)])
    slugs = list(dict.fromkeys(j.paper.slug for j in jobs))
    chosen = set(slugs[:SAMPLE])
    sample_jobs = [j for j in jobs if j.paper.slug in chosen]
    start = time.perf_counter()
    make_missing(sample_jobs, cache)  # one process: the time of the work itself
    made_s = time.perf_counter() - start
    per_document = made_s / len(chosen)
    fill_cache(jobs, cache, sample_jobs)
    total = sum(cached(j, cache).stat().st_size for j in jobs)
    _build(project, site, None)  # publishes the files into docs/downloads/ (once, as the first build would)
    runs = [(_build(project, site, "off"), _build(project, site, None)) for _ in range(pairs)]
    off = statistics.median(a.seconds for a, _ in runs)
    warm = statistics.median(b.seconds for _, b in runs)
    return DownloadCost(
        documents=len(slugs),
        files=len(jobs),
        sample=len(chosen),
        made_per_document_s=per_document,
        cold_s=made_s if len(chosen) == len(slugs) else per_document * len(slugs),
        cold_measured=len(chosen) == len(slugs),
        warm_s=statistics.median(b.seconds - a.seconds for a, b in runs),
        warm_cpu_s=statistics.median(b.cpu_seconds - a.cpu_seconds for a, b in runs),
        build_off_s=off,
        build_warm_s=warm,
        pairs=pairs,
        bytes=total,
        bytes_per_document=total / len(slugs),
    )


def table(costs: list[DownloadCost]) -> str:
    """The figures as a Markdown table, one column per corpus size."""
    lines = [
        ("files (PDF ×3, EPUB ×2 per document)", lambda c: f"{c.files:,}"),
        ("making one document's files, s (mean of a sample)", lambda c: f"{c.made_per_document_s:.2f} ({c.sample})"),
        ("making every file (cold: fresh clone), s", lambda c: f"{c.cold_s:,.0f}" + ("" if c.cold_measured else " (estimated)")),
        ("… in two processes (the build's default), about, s", lambda c: f"{c.cold_s / 2:,.0f}"),
        ("build without / with the files, cache warm, s (median)", lambda c: f"{c.build_off_s:.1f} / {c.build_warm_s:.1f}"),
        ("extra build time, cache warm, s (CPU s), median of pairs", lambda c: f"{c.warm_s:+.1f} ({c.warm_cpu_s:+.1f}; {c.pairs} pairs)"),
        ("the files, MB (per document, KB)", lambda c: f"{c.bytes / 1e6:,.1f} ({c.bytes_per_document / 1e3:,.0f})"),
    ]
    return report.sizes_table(costs, lines)
