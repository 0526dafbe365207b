"""Timings for the benchmark: full builds (with and without the hooks), term linking, ``mkdocs serve``.

Each build runs ``mkdocs build`` in a fresh process, as an editor runs it; its
peak memory is that process's maximum resident set size (``os.wait4``). The
hooks' own share comes from ``CORPUS_TIMINGS`` (see hooks/mkdocs_hooks.py).
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

#: CORPUS_TERMCHECK=0: the generated glossaries pair phrases at random, so the terminology check
#: (hooks/corpus/termcheck.py) would find every block; the real site is always checked.
ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "CORPUS_TERMCHECK": "0"}
NO_HOOKS_CONFIG = "mkdocs-no-hooks.yml"


@dataclass(frozen=True)
class Build:
    """One finished build: wall time, CPU time, peak memory, and seconds per hook event."""

    seconds: float
    cpu_seconds: float
    peak_mb: float
    hooks: dict[str, float] = field(default_factory=dict)

    @property
    def hook_seconds(self) -> float:
        return sum(self.hooks.values())


def run_build(project: Path, site: Path, config: str = "mkdocs.yml", *, strict: bool = True, env: dict | None = None) -> Build:
    """``mkdocs build`` of ``project`` into ``site`` in a child process (``env`` added to its
    environment); stops on failure with its log."""
    extra = env or {}
    with tempfile.TemporaryDirectory() as tmp:
        timings, log = Path(tmp) / "hooks.json", Path(tmp) / "build.log"
        env = dict(os.environ, **ENV, **extra, CORPUS_TIMINGS=str(timings))
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site), *(["--strict"] if strict else [])]
        with log.open("wb") as out:
            start = time.perf_counter()
            child = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
            _, status, usage = os.wait4(child.pid, 0)
            seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode:
            raise RuntimeError(f"mkdocs build failed in {project}:\n{log.read_text(encoding='utf-8')[-3000:]}")
        hooks = json.loads(timings.read_text(encoding="utf-8"))["events"] if timings.exists() else {}
    return Build(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, hooks)


def median_build(builds: list[Build]) -> Build:
    """The median time and hook time of several builds, with the highest peak memory."""
    events = {k for b in builds for k in b.hooks}
    hooks = {k: statistics.median(b.hooks.get(k, 0.0) for b in builds) for k in events}
    return Build(
        statistics.median(b.seconds for b in builds),
        statistics.median(b.cpu_seconds for b in builds),
        max(b.peak_mb for b in builds),
        hooks,
    )


def write_config_without_hooks(project: Path) -> str:
    """A copy of the project's mkdocs.yml without ``hooks:``, beside it; returns its name.

    Built after a build with the hooks, it turns the same generated Markdown
    (docs/texts/, docs/glossary/) into a site with MkDocs, Material and the
    plugins alone.
    """
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    without, n = re.subn(r"^hooks:\n(?:[ \t]+-.*\n)+", "", text, flags=re.M)
    if n != 1:
        raise ValueError("mkdocs.yml: no 'hooks:' list to leave out")
    (project / NO_HOOKS_CONFIG).write_text(without, encoding="utf-8")
    return NO_HOOKS_CONFIG


@dataclass(frozen=True)
class Comparison:
    """Builds with and without the hooks (medians), and what the hooks add: the median of the pairs' ratios.

    Each pair ran back to back; a burst of other work on the machine slows one
    build of one pair, and the median of the pairs leaves it out, where a
    ratio of two medians would not.
    """

    with_hooks: Build
    without: Build
    added: float  # wall time, as a fraction
    added_cpu: float  # CPU time, as a fraction


def builds(project: Path, site: Path, repeats: int) -> Comparison:
    """Median builds with the hooks (into ``site``) and without them (beside it), of the same project.

    A first build of each kind is not counted: the one with the hooks writes
    the generated pages (and warms the disk cache), and after both, each kind
    finds its site folder full and clears it, as a rebuild does. The runs
    alternate, so that a burst of load on the machine falls on both kinds
    alike.
    """
    run_build(project, site)
    config = write_config_without_hooks(project)
    other_site = site.with_name(site.name + "-no-hooks")
    run_build(project, other_site, config, strict=False)
    with_hooks, without = [], []
    for _ in range(repeats):
        with_hooks.append(run_build(project, site))
        without.append(run_build(project, other_site, config, strict=False))
    shutil.rmtree(other_site)
    pairs = list(zip(with_hooks, without))
    return Comparison(
        median_build(with_hooks),
        median_build(without),
        statistics.median(a.seconds / b.seconds - 1 for a, b in pairs),
        statistics.median(a.cpu_seconds / b.cpu_seconds - 1 for a, b in pairs),
    )


def linking_seconds(documents, terms, repeats: int) -> tuple[float, float]:
    """Median seconds to build the glossary's automata, and then to link the terms in ``documents``, both languages.

    The linking is the same work as the build's: a page's links (one linker
    per page, sharing the glossary's automaton) for each document page, and
    the concordance of the glossary pages. The automata are built once per
    build (``term_linkers``), whatever the amount of text, so they are timed
    apart: their cost grows with the glossary, the linking's should not.
    """
    from corpus.build import page_links, term_linkers
    from corpus.glossary_pages import concordance

    built, linked = [], []
    for _ in range(repeats):
        start = time.perf_counter()
        linkers = term_linkers(terms)
        ready = time.perf_counter()
        for lang in ("zh", "en"):
            for d in documents:
                links = page_links(linkers, lang, f"texts/{d.entry.slug}/index.md")
                doc = d.doc if lang == "zh" else d.en_doc
                section = ""
                for b in doc.blocks:
                    section = b.id if b.kind == "heading" else section
                    if b.kind == "para" and b.lang == lang:
                        links.markdown(b.text, section)
            concordance(terms, documents, lang, linkers[lang])
        built.append(ready - start)
        linked.append(time.perf_counter() - ready)
    return statistics.median(built), statistics.median(linked)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> str | None:
    """The page at ``url``, or None while the server is not answering (or answers an error)."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, wanted: str, timeout: float) -> float | None:
    """Seconds until the page at ``url`` contains ``wanted`` (polled every 50 ms), None on timeout."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        page = _fetch(url)
        if page is not None and wanted in page:
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def _settle(log: Path, quiet: float = 3.0, timeout: float = 120.0) -> None:
    """Wait until the server has written nothing to its log for ``quiet`` seconds (no build running)."""
    start = last_change = time.perf_counter()
    size = -1
    while time.perf_counter() - start < timeout:
        now = log.stat().st_size
        if now != size:
            size, last_change = now, time.perf_counter()
        elif time.perf_counter() - last_change >= quiet:
            return
        time.sleep(0.1)


#: The seed edited, the paragraph it changes (its start) and the page that shows it.
SERVE_SEED = ("004_57f6c3e94606ab13.txt", "安全合作是上合组织", "texts/sco-security-cooperation/")


@dataclass(frozen=True)
class ServeTimes:
    """Seconds from saving an edited seed until ``mkdocs serve`` serves the changed text (``shown``), and
    until the page offers the document's remade PDFs and EPUBs (``files``; made in the background)."""

    shown: list[float]
    files: list[float]


_DOWNLOAD_LINE = re.compile(r'<p class="prov-downloads">.*?</p>', re.S)


def _download_line(url: str) -> str | None:
    """The page's download line and a digest of every file it links to (or None while not offered).

    The line alone does not tell a remade file from the previous one: the sizes are rounded
    (a sentence more often leaves a PDF's "123 KB" as it was).
    """
    page = _fetch(url)
    found = _DOWNLOAD_LINE.search(page) if page else None
    if not found:
        return None
    digest = hashlib.blake2b(found.group(0).encode("utf-8"), digest_size=16)
    for href in re.findall(r'href="([^"]+)"', found.group(0)):
        try:
            with urllib.request.urlopen(urllib.parse.urljoin(url, html.unescape(href)), timeout=5) as response:
                digest.update(response.read())
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            return None
    return digest.hexdigest()


def _files_made(project: Path, timeout: float) -> bool:
    """Wait until docs/downloads/ holds the five files of every document (its manifest lists them)."""
    from corpus.downloads import FORMATS, MANIFEST

    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        texts = project / "docs" / "texts"
        documents = [d for d in texts.iterdir() if d.is_dir()] if texts.exists() else []
        try:
            made = json.loads((project / "docs" / "downloads" / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            made = {}
        if documents and len(made) >= len(FORMATS) * len(documents):
            return True
        time.sleep(0.2)
    return False


def serve_seconds(project: Path, edits: int = 3, timeout: float = 60.0) -> list[float]:
    """Seconds from saving an edited seed until ``mkdocs serve`` serves the changed page, per edit."""
    return serve_times(project, edits, timeout).shown


def serve_times(project: Path, edits: int = 3, timeout: float = 60.0, env: dict | None = None) -> ServeTimes:
    """Seconds from saving an edited seed until ``mkdocs serve`` serves the changed page, per edit, and
    until the page's download line offers the document's new files.

    Starts ``mkdocs serve`` on a free port, waits until it serves the page with its download line
    and has stopped rebuilding, then appends a new sentence to one paragraph of a
    seed, ``edits`` times, letting the server settle after each. ``env``: more environment for the
    server (``CORPUS_SERVE_CACHE=off``: every rebuild from scratch, the comparison).
    """
    seed_name, paragraph, page = SERVE_SEED
    port = free_port()
    url = f"http://127.0.0.1:{port}/{page}"
    env = dict(os.environ, **ENV, **(env or {}))
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "serve.log"
        with log.open("wb") as out:
            server = subprocess.Popen(command, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            if _wait_for(url, paragraph, timeout) is None:
                raise RuntimeError(f"mkdocs serve did not serve {url} within {timeout:.0f} s:\n{log.read_text()[-2000:]}")
            if not _files_made(project, 4 * timeout):  # a fresh cache: the worker makes every file first
                raise RuntimeError(f"mkdocs serve did not make the files within {4 * timeout:.0f} s:\n{log.read_text()[-2000:]}")
            seed = project / "seeds" / seed_name
            shown, files = [], []
            for n in range(1, edits + 1):
                _settle(log)
                before = _download_line(url)
                marker = f"测速标记{n}{time.time_ns() % 100000:05d}。"
                text = seed.read_text(encoding="utf-8")
                line = next(x for x in text.split("\n") if paragraph in x)
                start = time.perf_counter()
                seed.write_text(text.replace(line, line.rstrip() + marker, 1), encoding="utf-8")
                took = _wait_for(url, marker, timeout)
                if took is None:
                    raise RuntimeError(f"mkdocs serve did not show the edit within {timeout:.0f} s:\n{log.read_text()[-2000:]}")
                shown.append(took)
                while time.perf_counter() - start < timeout:
                    current = _download_line(url)
                    if current and current != before:
                        files.append(time.perf_counter() - start)
                        break
                    time.sleep(0.25)  # each look fetches the five files
                else:  # the files are made in the background: a slow machine is a figure, not an error
                    files.append(float("inf"))
            return ServeTimes(shown, files)
        finally:
            server.terminate()
            server.wait(timeout=30)
