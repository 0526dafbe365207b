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


def on_config(config):
    seeds = _seeds_dir(config)
    try:
        corpus = build_corpus(seeds)
        unregistered = check_register(corpus, seeds)
    except CorpusError as err:
        raise PluginError(str(err)) from None
    changed = write_pages(corpus.pages, Path(config.docs_dir))
    _state["corpus"] = corpus
    paragraphs = sum(len(d.doc.paragraphs()) for d in corpus.documents)
    removed = sum(len(c.removals) for d in corpus.documents for c in d.cleaned.values())
    variants = sum(len(v) for d in corpus.documents for _, v in d.compared)
    log.info(
        f"{len(corpus.documents)} documents, {paragraphs} paragraphs, {removed} furniture lines removed, "
        f"{variants} variant blocks; {changed} generated files changed"
    )
    if unregistered:
        log.info(f"{len(unregistered)} ids are not in seeds/published-ids.json yet (run: PYTHONPATH=hooks python -m corpus register)")
    return config


def on_page_markdown(markdown, page, config, files):
    if DOCUMENTS_MARKER in markdown and "corpus" in _state:
        lang = "en" if page.file.src_uri.endswith(".en.md") else "zh"
        prefix = "../" * page.file.src_uri.count("/")
        markdown = markdown.replace(DOCUMENTS_MARKER, _state["corpus"].home_table(lang, prefix))
    return markdown
