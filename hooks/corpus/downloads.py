"""Every document's files to take away: which files, where they live, and made only when needed.

Each document gets five files, at stable addresses in the site (and the
offline bundle), under ``downloads/<slug>/``:

======================  ==========================================
``<slug>-zh.pdf``        the Chinese text, A4
``<slug>-en.pdf``        the English text, A4
``<slug>-zh-en.pdf``     Chinese and English side by side, A4
``<slug>-zh.epub``       EPUB 3, Chinese
``<slug>-en.epub``       EPUB 3, English
======================  ==========================================

Making a PDF takes 0.2–1.5 s, so files are cached by content: a file's key
is the hash of its paper (``papers.Paper``: everything it shows), its format,
``GENERATOR``, the source of its writer (pdf.py or epub.py) and, for a PDF,
WeasyPrint's version and the font file. A
build makes only the files whose key is not in the cache; an edit to one
seed remakes that document's five files, nothing else. The files are then
copied into ``docs/downloads/`` (git-ignored) when their bytes changed, so
MkDocs publishes them like any other file and ``mkdocs serve`` does not
rebuild in a loop.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from . import ownwrites
from .errors import CorpusError
from .papers import PAPER_LABELS, Paper

#: Folder under docs/ (and in the site) that holds the files; git-ignored under docs/.
FOLDER = "downloads"
#: Bump when pdf.py or epub.py write different bytes for the same paper (the cache key holds it).
GENERATOR = "gsi-downloads 3"
#: The files of one document: (format, language), in the order the download line lists them.
FORMATS = (("pdf", "zh"), ("pdf", "en"), ("pdf", "zh-en"), ("epub", "zh"), ("epub", "en"), ("pdf", "zh-Hant"), ("epub", "zh-Hant"))


def for_edition(items: list, edition: str) -> list:
    """The files a page of ``edition`` offers: the traditional edition its own Chinese files instead of
    the simplified ones; the others every file but the traditional ones.

    >>> [i.lang for i in for_edition([Download("a", "pdf", x, "p", 1) for x in ("zh", "en", "zh-en", "zh-Hant")], "zh-Hant")]
    ['zh-Hant', 'en', 'zh-en']
    """
    if edition != "zh-Hant":
        return [item for item in items if item.lang != "zh-Hant"]
    # in the place of the simplified files: the order of FORMATS with zh-Hant for zh
    order = [(fmt, "zh-Hant" if lang == "zh" else lang) for fmt, lang in FORMATS if lang != "zh-Hant"]
    ranked = [item for item in items if (item.format, item.lang) in order]
    return sorted(ranked, key=lambda item: order.index((item.format, item.lang)))


@dataclass(frozen=True)
class Job:
    """One file to have: its paper, format, path under docs/ and cache key."""

    paper: Paper
    format: str
    path: str
    key: str


@dataclass(frozen=True)
class Download:
    """One file as the pages offer it: where it is and how big."""

    slug: str
    format: str
    lang: str
    path: str  # under docs/ and in the site
    size: int


def file_path(slug: str, lang: str, fmt: str) -> str:
    """The file's path under docs/ and in the site.

    >>> file_path("sco-security-cooperation", "zh-en", "pdf")
    'downloads/sco-security-cooperation/sco-security-cooperation-zh-en.pdf'
    """
    return f"{FOLDER}/{slug}/{slug}-{lang}.{fmt}"


def _source(module: str) -> str:
    """The hash of a writer's source (pdf.py, epub.py): an edit to its layout or markup remakes its files
    even when nobody bumps ``GENERATOR``."""
    return hashlib.sha256((Path(__file__).parent / f"{module}.py").read_bytes()).hexdigest()[:16]


def _engine(fmt: str) -> str:
    """What a format's bytes depend on besides the paper: the writer's source and, for a PDF,
    WeasyPrint's release and the font file."""
    if fmt != "pdf":
        return f"epub.py {_source('epub')}"
    from .pdf import font_identity

    return f"pdf.py {_source('pdf')}; weasyprint {metadata.version('weasyprint')}; {font_identity()}"


def cache_key(paper: Paper, fmt: str, engine: str) -> str:
    """The hash of everything a file shows and of what makes it: a changed document gets a new key."""
    data = json.dumps([GENERATOR, fmt, engine, asdict(paper)], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:32]


#: A paper with more characters than this gets no PDF (an EPUB still): about 250 A4 pages of Chinese,
#: which WeasyPrint lays out in minutes (a 650,000-character paragraph took more than ten).
PDF_MAX_CHARS = 300_000


def paper_chars(paper: Paper) -> int:
    """The characters of a paper's text (both languages of a parallel text)."""
    return sum(len(line.text) + len(line.en or "") for line in paper.lines)


def too_long(papers: list[Paper]) -> list[Paper]:
    """The papers that get no PDF (see ``PDF_MAX_CHARS``): the build names them."""
    return [p for p in papers if paper_chars(p) > PDF_MAX_CHARS]


def jobs_for(papers: list[Paper]) -> list[Job]:
    """The files to have for ``papers`` (every format of every document, but no PDF of a paper
    longer than ``PDF_MAX_CHARS``), with their cache keys."""
    engines = {fmt: _engine(fmt) for fmt in {f for f, _ in FORMATS}}
    by = {(p.slug, p.lang): p for p in papers}
    jobs = []
    for slug in dict.fromkeys(p.slug for p in papers):
        for fmt, lang in FORMATS:
            paper = by.get((slug, lang))
            if paper is not None and not (fmt == "pdf" and paper_chars(paper) > PDF_MAX_CHARS):
                jobs.append(Job(paper, fmt, file_path(slug, lang, fmt), cache_key(paper, fmt, engines[fmt])))
    return jobs


def cache_folder() -> Path:
    """Where made files are kept between builds: ``$CORPUS_CACHE/downloads`` (the pinyin cache's folder)."""
    base = os.environ.get("CORPUS_CACHE") or str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gsi-reference")
    return Path(base) / "downloads"


def cached(job: Job, cache: Path) -> Path:
    return cache / f"{job.key}.{job.format}"


def make_bytes(job: Job) -> bytes:
    """The bytes of one file; a failure names the document and the file."""
    try:
        if job.format == "pdf":
            from .pdf import pdf_bytes

            return pdf_bytes(job.paper)
        from .epub import epub_bytes

        return epub_bytes(job.paper)
    except CorpusError:
        raise
    except Exception as err:  # noqa: BLE001 - WeasyPrint's errors have no common base; name the file instead
        raise CorpusError("seeds/catalog.yaml", f"document {job.paper.slug!r}: {job.path} could not be made: {type(err).__name__}: {err}") from None


def make_missing(jobs: list[Job], cache: Path, workers: int = 1) -> list[Job]:
    """Make the files not in the cache yet, into the cache; return the jobs that were made.

    With ``workers`` > 1 and at least two documents' files to make (a fresh clone: 20 files,
    about 7 s on one core), the documents are shared among that many processes.
    """
    missing = [job for job in jobs if not cached(job, cache).exists()]
    slugs = list(dict.fromkeys(job.paper.slug for job in missing))
    if workers > 1 and len(slugs) > 1:
        groups = [[job for job in missing if job.paper.slug in slugs[i::workers]] for i in range(workers)]
        with worker_pool(workers) as pool:
            for done in pool.map(make_missing, [g for g in groups if g], [cache] * workers):
                pass
        return missing
    for job in missing:
        ownwrites.write_atomically(cached(job, cache), make_bytes(job))
    return missing


def worker_pool(workers: int):
    """Processes that make files: spawned (not forked from a process that runs threads, as
    ``mkdocs serve`` does), importing the pipeline from hooks/."""
    import concurrent.futures
    import multiprocessing
    import site

    return concurrent.futures.ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=site.addsitedir,
        initargs=(str(Path(__file__).resolve().parents[1]),),
    )


def publish(jobs: list[Job], cache: Path, docs_dir: Path, *, keep_stale: bool = False, prune: bool = True) -> int:
    """Make ``docs/downloads/`` hold exactly the cached files of ``jobs``; return how many changed.

    A file whose bytes are already there is not touched (``mkdocs serve`` would rebuild).
    ``keep_stale`` keeps the previous file of a job not made yet (``mkdocs serve`` offers it
    until the new one is made); ``prune=False`` leaves other files alone.
    """
    changed = 0
    wanted = set()
    root = Path(docs_dir) / FOLDER
    manifest = _read_manifest(root)
    for job in jobs:
        source = cached(job, cache)
        path = Path(docs_dir) / job.path
        if not source.exists():
            if keep_stale:
                wanted.add(path)
            continue
        wanted.add(path)
        if manifest.get(job.path) == job.key and path.exists():
            continue  # the file made from this key is there: not read, not touched
        data = source.read_bytes()
        if not (path.exists() and path.stat().st_size == len(data) and path.read_bytes() == data):
            ownwrites.write_atomically(path, data)
            changed += 1
        manifest[job.path] = job.key
    if prune:
        manifest = {k: v for k, v in manifest.items() if Path(docs_dir) / k in wanted}
    _write_manifest(root, manifest)
    if prune and root.exists():
        for path in sorted(root.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted and path.name != MANIFEST:
                path.unlink()
                changed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed


#: Niceness of ``mkdocs serve``'s worker process: on a small machine it takes the CPU the rebuilds leave.
WORKER_NICENESS = 10

#: In docs/downloads/: which cache key each file was copied from (a dot file: MkDocs does not publish it).
MANIFEST = ".made-from.json"


def _read_manifest(root: Path) -> dict[str, str]:
    """The manifest of ``publish`` (empty when missing or unreadable: every file is then compared)."""
    try:
        data = json.loads((root / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write_manifest(root: Path, manifest: dict[str, str]) -> None:
    """Write the manifest only when it changed (``mkdocs serve`` rebuilds on every write under docs/)."""
    data = (json.dumps(manifest, indent=0, sort_keys=True) + "\n").encode("utf-8")
    path = root / MANIFEST
    if not manifest and not path.exists():
        return
    if path.exists() and path.read_bytes() == data:
        return
    ownwrites.write_atomically(path, data)


def make_and_publish(missing: list[Job], jobs: list[Job], cache: Path, docs_dir: Path) -> int:
    """Make ``missing`` and publish them, a document at a time (``mkdocs serve``'s worker process).

    Each document's files are published as soon as they are made: the server's next rebuild
    offers them, without waiting for the whole corpus. Returns how many files were made.
    """
    if os.nice(0) < WORKER_NICENESS:  # the server's rebuild (the edit a writer waits for) comes first
        os.nice(WORKER_NICENESS - os.nice(0))
    _leave_with_parent()
    made = 0
    for slug in dict.fromkeys(job.paper.slug for job in missing):
        made += len(make_missing([job for job in missing if job.paper.slug == slug], cache))
        publish([job for job in jobs if job.paper.slug == slug], cache, docs_dir, keep_stale=True, prune=False)
    return made


_watching_parent: list[int] = []


def _leave_with_parent(every: float = 1.0) -> None:
    """End this worker process when the server that started it ends.

    A server stopped by a signal (``kill``, a terminal closed) runs no shutdown: its worker,
    waiting for the next job on a pipe it also holds, lived on as an orphan of a few hundred
    MB (six of them after an afternoon of ``mkdocs serve``). A thread checks once a second
    that the parent is still the one that gave the first job.
    """
    if _watching_parent:
        return
    import threading

    parent = os.getppid()
    _watching_parent.append(parent)

    def watch():
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(0)

    threading.Thread(target=watch, name="leave-with-parent", daemon=True).start()


def offered(jobs: list[Job], docs_dir: Path) -> dict[str, list[Download]]:
    """The files in ``docs/downloads/`` by document, with their sizes, for the download lines."""
    out: dict[str, list[Download]] = {}
    for job in jobs:
        path = Path(docs_dir) / job.path
        if path.exists():
            out.setdefault(job.paper.slug, []).append(Download(job.paper.slug, job.format, job.paper.lang, job.path, path.stat().st_size))
    return out


def link_label(download: Download, lang: str, size: str) -> str:
    """The text of a download link: format, language and size, in the page's language.

    >>> link_label(Download("a", "pdf", "zh-en", "p", 1), "zh", "1.0 KB")
    'PDF，中英对照，1.0 KB'
    >>> link_label(Download("a", "epub", "en", "p", 1), "en", "9.9 KB")
    'EPUB, English, 9.9 KB'
    """
    names = PAPER_LABELS[lang]["lang_name"]
    sep = ", " if lang == "en" else "，"
    return sep.join((download.format.upper(), names[download.lang], size))
