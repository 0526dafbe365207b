"""Benchmark of build cost and page weight: ``PYTHONPATH=hooks .venv/bin/python bench/run.py [--quick]``.

For corpora of 10, 100 and 1,000 documents (generated from the real
paragraphs, see bench/generate.py) it times ``mkdocs build`` with and without
the hooks, weighs one document page, the search indexes, the site and the
offline bundle; it times term linking with glossaries of 200, 1,000 and 5,000
terms, and how soon ``mkdocs serve`` shows an edited seed; and what the
documents' PDFs and EPUBs add (bench/downloads_cost.py; ``--downloads`` runs
that part and the serve test only), and what the traditional-character edition
adds to the whole build and the site (bench/edition_cost.py; ``--hant`` runs
that part only). It prints the
figures and the targets (PASS/FAIL) and writes them, with a plot, to
bench/results/ (results.md, plot.svg, results.json).

Everything is built in a temporary folder; the repository is never written
except for the results.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent / "hooks")]

import downloads_cost  # noqa: E402
import edition_cost  # noqa: E402
import generate  # noqa: E402
import measure  # noqa: E402
import report  # noqa: E402
import sizes  # noqa: E402

#: The glossary of every site build (the real 85 terms and generated ones).
SITE_TERMS = 200
#: Documents of the text that the linker is timed on.
LINKER_DOCUMENTS = 100


def measure_downloads(tmp: Path, documents: int, pools, pairs: int = 3) -> downloads_cost.DownloadCost:
    """The files to download of a generated project of ``documents`` documents: made, and what a build adds."""
    project = generate.make_project(tmp / f"project-files-{documents}", documents, SITE_TERMS, pools)
    site = tmp / f"site-files-{documents}"
    try:
        return downloads_cost.measure_downloads(project, site, _cache() / "downloads", pairs)
    finally:
        shutil.rmtree(project)
        shutil.rmtree(site, ignore_errors=True)


def _cache() -> Path:
    import os

    return Path(os.environ["CORPUS_CACHE"])


def measure_size(tmp: Path, documents: int, repeats: int, bundle: bool, pools) -> report.Row:
    """Build a generated project of ``documents`` documents and measure it."""
    project = generate.make_project(tmp / f"project-{documents}", documents, SITE_TERMS, pools)
    site = tmp / f"site-{documents}"
    compared = measure.builds(project, site, repeats)
    with_hooks, without = compared.with_hooks, compared.without
    weight = sizes.page_weight(site)
    generated = sizes.page_weight(site, sizes.GENERATED_PAGE) if (site / sizes.GENERATED_PAGE).exists() else None
    index = sizes.index_sizes(site)
    size, _, pages = sizes.site_size(site)
    bundle_bytes = None
    if bundle:
        from corpus.bundle import build_bundle

        bundle_bytes = build_bundle(project, tmp / f"bundle-{documents}.zip").stat().st_size
    row = report.Row(
        documents=documents,
        terms=SITE_TERMS,
        pages=pages,
        build_s=with_hooks.seconds,
        no_hooks_s=without.seconds,
        build_cpu_s=with_hooks.cpu_seconds,
        no_hooks_cpu_s=without.cpu_seconds,
        hooks_added=compared.added,
        hooks_added_cpu=compared.added_cpu,
        hooks_s=with_hooks.hook_seconds,
        hook_events=with_hooks.hooks,
        peak_mb=with_hooks.peak_mb,
        site_bytes=size,
        page_html_gzip=weight.html_gzip,
        page_total_gzip=weight.gzip_total,
        generated_page_total_gzip=generated.gzip_total if generated else None,
        page_search_gzip=weight.search_gzip,
        keystroke_median_ms=weight.keystroke_median_ms,
        keystroke_max_ms=weight.keystroke_max_ms,
        index_raw={k: v.raw for k, v in index.items()},
        index_gzip={k: v.gzip for k, v in index.items()},
        index_text={k: v.text for k, v in index.items()},
        bundle_bytes=bundle_bytes,
        unfound=tuple(sizes.unfound_queries(site)),
    )
    shutil.rmtree(project)
    shutil.rmtree(site)
    return row


def measure_linking(tmp: Path, glossaries: list[int], repeats: int, pools) -> dict[int, dict[str, float]]:
    """Seconds to build the automata of glossaries of each size, and to link the same text (100 documents) with them.

    One untimed round first, then the sizes take turns, ``repeats`` times, so
    that the machine's ups and downs fall on every size alike; the ratio to the
    smallest glossary is the median of the rounds' ratios.
    """
    import statistics

    from corpus.build import build_corpus
    from corpus.glossary import load_glossary

    project = generate.make_project(tmp / "project-linker", LINKER_DOCUMENTS, SITE_TERMS, pools)
    documents = build_corpus(project / "seeds").documents
    glossary = {}
    for n in glossaries:
        generate.set_glossary(project, pools, n)
        glossary[n] = load_glossary(project / "glossary")
    shutil.rmtree(project)
    for terms in glossary.values():
        measure.linking_seconds(documents, terms, 1)
    runs: dict[int, list[tuple[float, float]]] = {n: [] for n in glossaries}
    for _ in range(repeats):
        for n, terms in glossary.items():
            runs[n].append(measure.linking_seconds(documents, terms, 1))
    first = runs[glossaries[0]]  # each size against the smallest of the same round, as the builds are paired
    return {
        n: {
            "automata": statistics.median(a for a, _ in r),
            "linking": statistics.median(b for _, b in r),
            "ratio": statistics.median(b / base for (_, b), (_, base) in zip(r, first)),
        }
        for n, r in runs.items()
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/run.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="10 and 100 documents, one build each, no serve test")
    parser.add_argument("--sizes", type=int, nargs="+", help="corpus sizes (default 10 100 1000)")
    parser.add_argument("--repeats", type=int, help="builds of each kind per size (default 5 up to 100 documents, 3 above; 1 with --quick)")
    parser.add_argument("--out", type=Path, default=HERE / "results", help="folder for results.md, plot.svg, results.json")
    parser.add_argument("--downloads", action="store_true", help="only the files to download (and the serve test): downloads.md")
    parser.add_argument("--serve", action="store_true", help="only the serve test, with and without what rebuilds keep: serve.md")
    parser.add_argument("--edits", type=int, default=10, help="edits in the --serve test (default 10)")
    parser.add_argument("--hant", action="store_true", help="only the traditional edition's cost (build time, site size): hant.md")
    args = parser.parse_args(argv)
    corpus_sizes = args.sizes or ([10, 100] if args.quick else [10, 100, 1000])

    def repeats(n: int) -> int:
        """Small builds last seconds, and a second of noise is a large share of them: they run more often."""
        return args.repeats or (1 if args.quick else 5 if n <= 100 else 3)
    started = time.perf_counter()
    import os

    os.environ.update(measure.ENV)  # the bundle's builds too
    from corpus.build import build_corpus

    pools = generate.real_pools(build_corpus(generate.ROOT / "seeds"))
    with tempfile.TemporaryDirectory(prefix="bench-") as name:
        tmp = Path(name)
        os.environ["CORPUS_CACHE"] = str(tmp / "cache")  # the builds' caches (pinyin, files): not the user's
        if args.serve:
            return serve_only(tmp, args.edits, args.out, started)
        if args.downloads:
            return downloads_only(tmp, corpus_sizes, pools, args.out, started)
        if args.hant:
            return hant_only(tmp, corpus_sizes, pools, args.out, started, repeats)
        rows = []
        for n in corpus_sizes:
            print(f"{n:,} documents …", flush=True)
            rows.append(measure_size(tmp, n, repeats(n), bundle=not (args.quick and n >= 1000), pools=pools))
        print("term linking …", flush=True)
        linking = measure_linking(tmp, [200, 1000, 5000], 3 if args.quick else 5, pools)
        editions = []
        for n in corpus_sizes:
            print(f"the traditional edition, {n:,} documents …", flush=True)
            editions.append(measure_edition(tmp, n, repeats(n), pools))
        files = []
        for n in corpus_sizes:
            print(f"files to download, {n:,} documents …", flush=True)
            files.append(measure_downloads(tmp, n, pools, 1 if args.quick else 3 if n <= 100 else 1))
        serve, serve_files = [], []
        if not args.quick:
            print("mkdocs serve …", flush=True)
            times = measure.serve_times(generate.copy_project(tmp / "project-serve"))
            serve, serve_files = times.shown, times.files
    items = report.targets(rows, linking, serve) + [edition_cost.target(editions)]
    notes = [
        f"{' / '.join(str(repeats(n)) for n in corpus_sizes)} builds of each kind for {' / '.join(f'{n:,}' for n in corpus_sizes)} "
        f"documents (median), alternating, in a fresh process each, on {_machine()}; "
        f"the run took {(time.perf_counter() - started) / 60:.0f} minutes. Timings are noisy on a shared machine: "
        "the hooks' share is judged on CPU time (user and system time of the build process), which other work "
        "on the machine disturbs less than wall time; the 1,000-document target on wall time. The hooks' time counts "
        "their imports; jieba's dictionary, which they load first but the search plugin needs anyway, counts as MkDocs'.",
        f"Every site has a glossary of {SITE_TERMS} terms; term linking is timed on the text of {LINKER_DOCUMENTS} documents "
        "(the linking of the document pages and the glossary's concordance), apart from building the glossary's automata, "
        "which a build does once.",
        "The page weighed is the concept paper (Chinese), the same text in every corpus; "
        "with its CSS and JS means every stylesheet and script Chromium fetches as the page loads, until the network is idle, "
        "each file gzip-compressed (level 6); the search worker, index, lunr languages and vocabulary load only when a "
        "reader turns to search (docs/assets/search-zh.js) and are not counted.",
        "Indexed text: the titles and texts of the index's entries without markup or U+200B, UTF-8.",
    ]
    notes.append(downloads_note(files, serve_files))
    text = (
        report.markdown(rows, items, notes)
        + "\n## The traditional edition\n\n" + edition_cost.table(editions) + "\n\n- " + hant_note() + "\n"
        + "\n## Files to download\n\n" + downloads_cost.table(files) + "\n"
    )
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.md").write_text(text, encoding="utf-8")
    (args.out / "plot.svg").write_text(report.plot(rows), encoding="utf-8")
    data = {"rows": [asdict(r) for r in rows], "linking": linking, "serve": serve, "serve_files": serve_files,
            "files": [asdict(f) for f in files], "editions": [asdict(e) for e in editions], "targets": [asdict(t) for t in items]}
    (args.out / "results.json").write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(text)
    return 0 if all(t.passed is not False for t in items) else 1


def downloads_note(files: list, serve_files: list[float]) -> str:
    """What the files to download figures mean, and how soon `mkdocs serve` offers an edited document's new files."""
    served = " / ".join(f"{s:.1f} s" for s in serve_files) if serve_files else "not measured"
    return (
        "Files to download (bench/downloads_cost.py): one document's five files are made on a sample of "
        f"{downloads_cost.SAMPLE} documents, in one process; for larger corpora the cold figure is that time "
        "per document times the documents. The extra build time with a warm cache is one build with the files "
        "against one with CORPUS_DOWNLOADS=off, back to back. `mkdocs serve` makes an edited document's files "
        f"in a worker process after it shows the edit; the page offered them {served} after the save."
    )


def downloads_only(tmp: Path, corpus_sizes: list[int], pools, out: Path, started: float) -> int:
    """``--downloads``: the files to download at each size and the serve test; writes downloads.md and .json."""
    files = []
    for n in corpus_sizes:
        print(f"files to download, {n:,} documents …", flush=True)
        files.append(measure_downloads(tmp, n, pools, 3 if n <= 100 else 1))
        print(downloads_cost.table(files), flush=True)
    print("mkdocs serve …", flush=True)
    times = measure.serve_times(generate.copy_project(tmp / "project-serve"))
    serve = report.Target("`mkdocs serve` shows an edited seed within 3 s", " / ".join(f"{s:.1f} s" for s in times.shown), max(times.shown) <= 3)
    text = (
        "# Benchmark: files to download\n\n" + downloads_cost.table(files) + "\n\n" + report.targets_table([serve]) + "\n\n"
        + f"- {downloads_note(files, times.files)}\n"
        + f"- On {_machine()}; the run took {(time.perf_counter() - started) / 60:.0f} minutes.\n"
    )
    out.mkdir(parents=True, exist_ok=True)
    (out / "downloads.md").write_text(text, encoding="utf-8")
    data = {"files": [asdict(f) for f in files], "serve": times.shown, "serve_files": times.files}
    (out / "downloads.json").write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print(text)
    return 0 if serve.passed else 1


def serve_only(tmp: Path, edits: int, out: Path, started: float) -> int:
    """``--serve``: how soon ``mkdocs serve`` shows an edited seed, with what rebuilds keep
    (corpus/servecache.py, corpus/watcher.py) and without (``CORPUS_SERVE_CACHE=off``), one after
    the other on the same machine; writes serve.md and serve.json."""
    runs = {}
    for label, env in (("kept", {}), ("from scratch", {"CORPUS_SERVE_CACHE": "off"})):
        print(f"mkdocs serve, {label} …", flush=True)
        runs[label] = measure.serve_times(generate.copy_project(tmp / f"project-serve-{len(runs)}"), edits, env=env)

    def row(label: str, times: list[float]) -> str:
        finite = sorted(t for t in times if t != float("inf"))
        if not finite:
            return f"| {label} | – | – | – | {len(times)} |"
        return f"| {label} | {statistics.median(finite):.2f} s | {finite[0]:.2f} s | {finite[-1]:.2f} s | {len(finite)} of {len(times)} |"

    kept = runs["kept"].shown
    target = report.Target("`mkdocs serve` shows an edited seed within 3 s", f"{min(kept):.1f}–{max(kept):.1f} s ({len(kept)} edits)", max(kept) <= 3)
    lines = ["| rebuilds | median | fastest | slowest | edits |", "| --- | --- | --- | --- | --- |"]
    lines += [row(f"edit shown, {label}", t.shown) for label, t in runs.items()]
    lines += [row(f"its files offered, {label}", t.files) for label, t in runs.items()]
    text = (
        "# Benchmark: an edited seed in `mkdocs serve`\n\n" + "\n".join(lines) + "\n\n" + report.targets_table([target]) + "\n\n"
        + "- Seconds from saving a seed (a sentence added to a paragraph of the SCO commentary) until the "
        "server serves its page with the sentence, and until the page's download line links to the remade PDFs "
        "and EPUBs (made in a worker process after the edit shows; compared by their bytes).\n"
        + "- *kept*: the project's rebuilds keep each page's conversion, search entries and passages and the theme's "
        "listing when their inputs did not change, and file events report the save (corpus/servecache.py, "
        "corpus/watcher.py). *from scratch*: `CORPUS_SERVE_CACHE=off`, every rebuild converts every page "
        "and the save is found by MkDocs's poll every 0.5 s.\n"
        + f"- Three editions (简体, 繁體, English); on {_machine()}; the run took {(time.perf_counter() - started) / 60:.0f} minutes.\n"
    )
    out.mkdir(parents=True, exist_ok=True)
    (out / "serve.md").write_text(text, encoding="utf-8")
    data = {label: {"shown": t.shown, "files": t.files} for label, t in runs.items()}
    (out / "serve.json").write_text(json.dumps(data, indent=1).replace("Infinity", '"inf"') + "\n", encoding="utf-8")
    print(text)
    return 0 if target.passed else 1


def measure_edition(tmp: Path, documents: int, repeats: int, pools) -> edition_cost.EditionCost:
    """The whole build and the site with and without the traditional edition, for a generated project."""
    project = generate.make_project(tmp / f"project-hant-{documents}", documents, SITE_TERMS, pools)
    site = tmp / f"site-hant-{documents}"
    try:
        return edition_cost.measure_edition(project, site, documents, repeats)
    finally:
        shutil.rmtree(project)
        shutil.rmtree(site, ignore_errors=True)


def hant_note() -> str:
    return (
        "The traditional edition (bench/edition_cost.py): builds of the same generated project with the edition and "
        "with its language set to `build: false` (no pages, files or index of it), alternating back to back, the "
        "median of the pairs' ratios; without the files to download (CORPUS_DOWNLOADS=off), whose cost is measured "
        "apart (the edition adds a PDF and an EPUB to a document's five files)."
    )


def hant_only(tmp: Path, corpus_sizes: list[int], pools, out: Path, started: float, repeats) -> int:
    """``--hant``: the traditional edition's cost at each size; writes hant.md and hant.json."""
    rows = []
    for n in corpus_sizes:
        print(f"the traditional edition, {n:,} documents …", flush=True)
        rows.append(measure_edition(tmp, n, repeats(n), pools))
        print(edition_cost.table(rows), flush=True)
    item = edition_cost.target(rows)
    text = (
        "# Benchmark: the traditional-character edition\n\n" + edition_cost.table(rows) + "\n\n" + report.targets_table([item]) + "\n\n"
        + f"- {hant_note()}\n"
        + f"- {' / '.join(str(repeats(n)) for n in corpus_sizes)} pairs of builds for {' / '.join(f'{n:,}' for n in corpus_sizes)} documents, "
        + f"on {_machine()}; the run took {(time.perf_counter() - started) / 60:.0f} minutes.\n"
    )
    out.mkdir(parents=True, exist_ok=True)
    (out / "hant.md").write_text(text, encoding="utf-8")
    (out / "hant.json").write_text(json.dumps({"rows": [asdict(r) for r in rows], "target": asdict(item)}, indent=1) + "\n", encoding="utf-8")
    print(text)
    return 0 if item.passed else 1


def _machine() -> str:
    """Cores and Python, for the notes."""
    import os
    import platform

    return f"{os.cpu_count()} cores, Python {platform.python_version()}"


if __name__ == "__main__":
    sys.exit(main())
