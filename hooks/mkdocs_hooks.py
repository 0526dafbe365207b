"""MkDocs hook: wires the corpus pipeline (hooks/corpus/) to build events.

* on_config      build every page from the seeds and write the changed ones
                 under docs/texts/ (before MkDocs and static-i18n read docs/);
                 bad input stops here with one line naming the file, before
                 the site folder is touched;
* on_page_markdown  put the list of documents into the home page.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

sys.path.insert(0, str(Path(__file__).parent))

from corpus.build import build_corpus, check_register, write_pages  # noqa: E402
from corpus.errors import CorpusError  # noqa: E402

log = get_plugin_logger("corpus")

DOCUMENTS_MARKER = "<!-- corpus:documents -->"
_state: dict = {}


def _seeds_dir(config) -> Path:
    return Path(config.config_file_path).parent / "seeds"


def _signature(seeds: Path) -> tuple:
    """What the generated pages depend on: every file under seeds/ (name, size, mtime)."""
    return tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in seeds.rglob("*") if p.is_file()))


def on_config(config):
    seeds = _seeds_dir(config)
    signature = (_signature(seeds), config.docs_dir)
    if _state.get("signature") == signature:
        return config  # static-i18n's second language build: the pages are already written
    try:
        corpus = build_corpus(seeds)
        unregistered = check_register(corpus, seeds)
    except CorpusError as err:
        raise PluginError(str(err)) from None
    changed = write_pages(corpus.pages, Path(config.docs_dir))
    _state["corpus"] = corpus
    _state["signature"] = signature
    paragraphs = sum(len(d.doc.paragraphs()) for d in corpus.documents)
    removed = sum(len(c.removals) for d in corpus.documents for c in d.cleaned.values())
    variants = sum(len(v) for d in corpus.documents for _, v in d.compared)
    log.info(
        f"{len(corpus.documents)} documents, {paragraphs} paragraphs, {removed} furniture lines removed, "
        f"{variants} variant blocks; {changed} generated files changed"
    )
    total = sum(d.coverage.total for d in corpus.documents)
    translated = sum(d.coverage.translated for d in corpus.documents)
    stale = [f"{d.entry.slug}#{i}" for d in corpus.documents for i in d.coverage.stale]
    missing = [f"{d.entry.slug}#{i}" for d in corpus.documents for i in d.coverage.missing]
    orphans = [f"{d.entry.slug}#{i}" for d in corpus.documents for i in d.coverage.orphans]
    log.info(
        f"translation coverage en: {translated}/{total} blocks ({100 * translated / max(total, 1):.0f} %), "
        f"{len(stale)} stale, {len(missing)} missing"
    )
    for what, ids in (("stale (the Chinese changed)", stale), ("missing", missing), ("orphaned (no such block)", orphans)):
        if ids:
            log.info(f"translation {what}: {', '.join(ids[:20])}{' …' if len(ids) > 20 else ''}")
    if unregistered:
        log.info(f"{len(unregistered)} ids are not in seeds/published-ids.json yet (run: PYTHONPATH=hooks python -m corpus register)")
    return config


def on_post_build(config):
    """Give each language its own 404 page.

    static-i18n builds every language into the same site folder, so the theme's
    404.html of the last (English) build would replace the Chinese one: keep the
    default language's page at /404.html and move each other one to /<lang>/404.html.
    """
    page = Path(config.site_dir) / "404.html"
    if not page.exists():
        return
    lang = config.theme.get("language")
    i18n = config.plugins.get("i18n")
    default_lang = i18n.default_language if i18n else lang
    if lang == default_lang:
        _state["not_found"] = page.read_bytes()
        return
    default_page = _state.get("not_found")
    if default_page is not None:
        target = Path(config.site_dir) / lang / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        page.replace(target)
        page.write_bytes(default_page)


def on_page_markdown(markdown, page, config, files):
    if DOCUMENTS_MARKER in markdown and "corpus" in _state:
        lang = "en" if page.file.src_uri.endswith(".en.md") else "zh"
        prefix = "../" * page.file.src_uri.count("/")
        markdown = markdown.replace(DOCUMENTS_MARKER, _state["corpus"].home_table(lang, prefix))
    return markdown
