"""MkDocs hook: wires the corpus pipeline (hooks/corpus/) to build events.

* on_config      build every page from the seeds and write the changed ones
                 under docs/texts/ (before MkDocs and static-i18n read docs/);
                 bad input stops here with one line naming the file, before
                 the site folder is touched; every document's PDFs and EPUBs
                 made when their document changed and copied under
                 docs/downloads/ (corpus/downloads.py; ``mkdocs serve``
                 makes them in a worker process, see _prepare_downloads);
* on_startup     remember whether this is ``mkdocs serve``, and there keep what an edit
                 did not change between rebuilds (corpus/servecache.py);
* on_serve       notice a save at once (file events, corpus/watcher.py);
* on_env         compiled templates kept between builds (corpus/templatecache.py), and in
                 ``mkdocs serve`` pages' HTML (corpus/servepages.py);
* on_files       CORPUS_DOWNLOADS=off (the benchmark's baseline) leaves the files out;
* on_pre_build   the files to download as they are now (their sizes);
* on_page_markdown  put the list of documents, every document's files and the bundle
                 link into the home page, and a document's files into its provenance block;
* on_page_context  previous / next between documents (corpus/navigation.py), and the
                 place in the navigation of pages kept out of it (a document's
                 parallel view, versions, other items; a term page);
* on_post_template  keep one 404 page per language;
* on_post_page   the glossary's lists of uses (Finisher.finish_page) and small
                 repairs to Material's HTML (corpus/htmlfix.py);
* on_post_build  (last of all) ``mkdocs serve``: the edited documents' files started in
                 the worker, now that the edit is built; one search index per language; our scripts and
                 stylesheet minified; for the offline
                 bundle the local iframe-worker shim; online, robots.txt and
                 the bundle to download.

With ``CORPUS_TIMINGS=FILE`` in the environment each event adds up the time it
takes (and "import" is the time to import the pipeline), and ``on_shutdown`` writes the totals (seconds per event, JSON) to FILE:
the benchmark (bench/run.py) splits the build time between these hooks and the
rest of the build that way. Work done in an event for another part of the
build (jieba's dictionary, which the search plugin would load anyway) is
counted apart, under "not_ours". Without it the events are not wrapped at all.
"""

from __future__ import annotations

import functools
import json
import os
import sys
import time
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger

sys.path.insert(0, str(Path(__file__).parent))
_IMPORTS_START = time.perf_counter()

from corpus.build import DEFAULT_SITE_URL, build_corpus, check_register, edition_prefix, handwritten_twins, page_language, write_pages  # noqa: E402
from corpus import hant  # noqa: E402
from corpus.hant import HANT  # noqa: E402
from corpus.errors import CorpusError  # noqa: E402
from corpus.escape import html_attribute, html_text, md_escape, script_json  # noqa: E402
from corpus.glossary import load_glossary  # noqa: E402
from corpus.htmlfix import fix_page  # noqa: E402
from corpus.search_passages import glossary_names  # noqa: E402
from corpus.navigation import document_navigation, document_of, neighbours  # noqa: E402
from corpus.postbuild import BUNDLE_NAME, install_shim, minify_assets, robots_txt, size_label, split_search_index  # noqa: E402
from corpus import downloads, servecache, servepages, templatecache, watcher  # noqa: E402
from corpus.papers import PAPER_LABELS, papers_of  # noqa: E402
from corpus.strings import lazy_section, strings  # noqa: E402

log = get_plugin_logger("corpus")

DOCUMENTS_MARKER = "<!-- corpus:documents -->"
BUNDLE_MARKER = "<!-- corpus:bundle -->"
CITE_MARKER = "<!-- corpus:cite-examples -->"
HANDOUT_MARKER = "<!-- corpus:handout -->"
HANDOUT_NOSCRIPT = lazy_section("site", "handout_noscript")
#: In a document's provenance block (templates/provenance.md): its files to download.
DOWNLOADS_MARKER = "<!-- corpus:downloads -->"
#: On the home page: every document's files.
DOWNLOADS_LIST_MARKER = "<!-- corpus:downloads-list -->"
BUNDLE_TEXT = lazy_section("site", "bundle")
_state: dict = {}
TIMINGS = os.environ.get("CORPUS_TIMINGS")
_timings: dict[str, float] = {}
_not_ours: dict[str, float] = {}
if TIMINGS:  # the pipeline's modules (pypinyin, jieba, PyYAML…) are part of the hooks' cost
    _timings["import"] = time.perf_counter() - _IMPORTS_START


def _timed(event):
    """The event itself, or with CORPUS_TIMINGS set, the event adding its run time to ``_timings``."""
    if not TIMINGS:
        return event

    @functools.wraps(event)
    def timed(*args, **kwargs):
        start, others = time.perf_counter(), sum(_not_ours.values())
        try:
            return event(*args, **kwargs)
        finally:
            spent = time.perf_counter() - start - (sum(_not_ours.values()) - others)
            _timings[event.__name__] = _timings.get(event.__name__, 0.0) + spent

    return timed


def on_shutdown():
    """Stop ``mkdocs serve``'s worker that makes the files to download; write the hooks' time per
    event for the benchmark (only with CORPUS_TIMINGS set)."""
    pool = _state.pop("pool", None)
    if pool is not None:
        pool.shutdown(wait=False, cancel_futures=True)
    if TIMINGS:
        data = {"events": _timings, "not_ours": _not_ours}
        Path(TIMINGS).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def on_startup(command, dirty):
    """Remember whether this is ``mkdocs serve``: there the documents' files are made in the background,
    and what an edit did not change is kept from one rebuild to the next (corpus/servecache.py)."""
    _state["command"] = command
    if command == "serve" and os.environ.get("CORPUS_SERVE_CACHE") != "off":
        servecache.install()


def on_serve(server, config, builder):
    """Have ``mkdocs serve`` notice a save at once: file events instead of a poll every 0.5 s (corpus/watcher.py)."""
    if servecache.installed():  # CORPUS_SERVE_CACHE=off: MkDocs's own poll
        watcher.use_events(server, [str(p) for p in config.watch])
    return server


def _project(config) -> Path:
    return Path(config.config_file_path).parent


def _seeds_dir(config) -> Path:
    return _project(config) / "seeds"


def _offline(config) -> bool:
    plugin = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(plugin and plugin.config.enabled)


def _languages(config) -> tuple[str, list[str]]:
    """The default language and the others (static-i18n's configuration)."""
    i18n = config.plugins.get("i18n")
    if not i18n:
        return config.theme.get("language"), []
    langs = [lang.locale for lang in i18n.config.languages if lang.build]
    return i18n.default_language, [lang for lang in langs if lang != i18n.default_language]


def _signature(seeds: Path) -> tuple:
    """What the generated pages depend on: every file under seeds/ (name, size, mtime)."""
    if not seeds.exists():
        return ()
    return tuple(sorted((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in seeds.rglob("*") if p.is_file()))


def _search_segmenter(config) -> None:
    """No jieba for Material's search plugin while the traditional edition builds.

    jieba's dictionary is simplified: it cuts traditional text badly, and the build does not use
    its cuts there (the edition's search words are the simplified ones converted, and the index
    is published without the cuts: postbuild.split_search_index). Cutting the edition's text
    would cost the build as long as cutting the original (2.4 s of 38 at 100 documents). The
    plugin reads its module's ``jieba`` at each page, so the edition's build is given none.
    """
    try:
        from material.plugins.search import plugin as search_plugin
    except ImportError:
        return
    saved = _state.setdefault("jieba", getattr(search_plugin, "jieba", None))
    search_plugin.jieba = None if _build_language(config) == HANT else saved


@_timed
def on_config(config):
    _search_segmenter(config)
    if not _offline(config):  # the shim is for file:// only
        config.extra["polyfills"] = [p for p in config.extra.get("polyfills", []) if "iframe-worker" not in p]
    seeds = _seeds_dir(config)
    signature = (_signature(seeds), _signature(_project(config) / "glossary"), config.docs_dir, config.use_directory_urls)
    if _state.get("signature") == signature:
        # static-i18n's next language build, or `mkdocs serve` after an edit of docs/: the generated
        # pages are written; a hand-written page may have changed, so its traditional twin is made again
        finisher = _state.get("finisher")
        if finisher is not None and finisher.hant_edition:
            write_pages(handwritten_twins(Path(config.docs_dir), finisher.exceptions), Path(config.docs_dir), roots=())
        _add_navigation(config)
        return config
    try:
        corpus = build_corpus(
            seeds, directory_urls=config.use_directory_urls, site_url=config.site_url or DEFAULT_SITE_URL,
            hant_edition=HANT in _languages(config)[1],  # the site builds the traditional edition
        )
        redirects = config.plugins.get("redirects")
        unregistered = check_register(corpus, seeds, redirects.config["redirect_maps"] if redirects else None)
    except CorpusError as err:
        raise PluginError(str(err)) from None
    try:  # the traditional twins of the hand-written pages (docs/*.zh-Hant.md, git-ignored)
        twins = handwritten_twins(Path(config.docs_dir), corpus.exceptions) if corpus.hant_edition else {}
    except CorpusError as err:
        raise PluginError(str(err)) from None
    changed = write_pages({**corpus.pages, **twins}, Path(config.docs_dir))
    _prepare_downloads(corpus, config)
    _state["navigation"] = document_navigation([d.entry for d in corpus.documents])
    _teach_segmenter(corpus.terms)
    _state["finisher"] = corpus.finisher()  # not the whole corpus: see Finisher
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
    for d in corpus.documents:
        if d.auto_aligned:
            log.info(
                f"{d.entry.slug}: its seed's own English is aligned by length with the Chinese (no translation "
                f"file yet); review it with: PYTHONPATH=hooks python -m corpus translations"
            )
    for finding in corpus.findings:  # warnings: --strict stops on them (see corpus/termcheck.py)
        log.warning(str(finding))
    log.info(f"terminology check: {len(corpus.findings)} findings")
    if unregistered:
        log.info(f"{len(unregistered)} ids are not in seeds/published-ids.json yet (run: PYTHONPATH=hooks python -m corpus register)")
    _add_navigation(config)
    return config


def _prepare_downloads(corpus, config) -> None:
    """Have every document's PDFs and EPUBs in docs/downloads/, made only when their document changed.

    ``mkdocs build`` (``corpus build``, the bundle) makes the missing files before the pages are
    rendered, so the pages offer every file with its size. ``mkdocs serve`` offers the files made
    so far and makes the missing ones in another process: an edit shows at once, and the rebuild
    that the new files trigger offers them (with the previous ones offered meanwhile).
    """
    _state.pop("pending_files", None)  # a build that failed after its on_config made none
    if os.environ.get("CORPUS_DOWNLOADS") == "off":  # no files, no download lines (the benchmark's baseline)
        _state["download_jobs"] = []
        return
    site_url = config.site_url or DEFAULT_SITE_URL
    papers = [p for d in corpus.documents for p in papers_of(d, site_url, corpus.exceptions, corpus.hant_edition)]
    try:
        jobs = downloads.jobs_for(papers)
    except CorpusError as err:
        raise PluginError(str(err)) from None
    for paper in downloads.too_long(papers):
        log.info(
            f"{paper.slug}: no PDF in {paper.lang} ({downloads.paper_chars(paper):,} characters, more than "
            f"{downloads.PDF_MAX_CHARS:,}: hundreds of pages); its EPUBs are made"
        )
    cache, docs_dir = downloads.cache_folder(), Path(config.docs_dir)
    _state["download_jobs"] = jobs
    missing = [j for j in jobs if not downloads.cached(j, cache).exists()]
    if missing and _state.get("command") == "serve":
        downloads.publish(jobs, cache, docs_dir, keep_stale=True)
        # made once the site is built (on_post_build): the rebuild that shows the edit has both cores
        _state["pending_files"] = (missing, jobs, cache, docs_dir)
        log.info(f"{len(missing)} files to download will be made in the background")
        return
    if os.environ.get("CORPUS_DOWNLOADS") == "cached":  # offer what the cache holds, make nothing (see .ci/site)
        downloads.publish(jobs, cache, docs_dir)
        log.info(f"files to download: {len(jobs) - len(missing)} of {len(jobs)} from the cache, none made (CORPUS_DOWNLOADS=cached)")
        return
    start = time.perf_counter()
    try:
        made = downloads.make_missing(jobs, cache, workers=min(2, os.cpu_count() or 1))
    except CorpusError as err:
        raise PluginError(str(err)) from None
    published = downloads.publish(jobs, cache, docs_dir)
    log.info(
        f"files to download: {len(jobs)}, {len(made)} made in {time.perf_counter() - start:.1f} s, "
        f"{len(jobs) - len(made)} from the cache; {published} changed in docs/{downloads.FOLDER}/"
    )


def _make_in_background(missing, jobs, cache, docs_dir) -> None:
    """Make ``missing`` in one worker process (the other core), then publish them: ``mkdocs serve`` sees the new files."""
    import concurrent.futures

    new_pool = functools.partial(downloads.worker_pool, 1)
    pool = _state.get("pool") or new_pool()
    try:
        future = pool.submit(downloads.make_and_publish, missing, jobs, cache, docs_dir)
    except concurrent.futures.process.BrokenProcessPool:  # a worker died (killed): start another
        pool = new_pool()
        future = pool.submit(downloads.make_and_publish, missing, jobs, cache, docs_dir)
    _state["pool"] = pool

    def report(done):
        error = done.exception()
        if error is not None:
            log.error(f"files to download: {error}")

    future.add_done_callback(report)


def _add_navigation(config) -> None:
    """Put the documents' sections into ``nav`` after the home page, and their labels into static-i18n.

    Idempotent: static-i18n runs ``on_config`` again, on the same config, for each language.
    """
    navigation = _state.get("navigation")
    if navigation is None or not config.nav:
        return
    ours = _state.setdefault("nav_items", [])
    nav = [item for item in config.nav if not any(item is mine for mine in ours)]
    ours[:] = navigation.nav
    config.nav = nav[:1] + navigation.nav + nav[1:]
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        for lang in i18n.config.languages:
            if lang.locale == HANT:  # the traditional edition: the section labels converted
                exceptions = _state["finisher"].exceptions if "finisher" in _state else ()
                labels = {label: hant.to_traditional(label, exceptions) for label in navigation.translations}
                lang.nav_translations = {**(lang.nav_translations or {}), **labels}
            elif lang.locale != i18n.default_language:
                lang.nav_translations = {**(lang.nav_translations or {}), **navigation.translations}


def _teach_segmenter(terms) -> None:
    """Give jieba the glossary's Chinese terms, so the search index keeps a term whole.

    jieba cuts the same phrase differently in different sentences (两国方案 is
    两/国/方案 in one place and 两国/方案 in another), so a query could not know
    which words to look for. With the terms in jieba's dictionary the index
    holds each term as one word, and the query segmentation (search-zh.js) finds
    the same word. Parts of a term are still found: every query word is also a
    prefix search.

    A form is taught once per process: jieba adds a word's frequency to its total at every
    ``add_word``, so teaching the same terms at every rebuild of ``mkdocs serve`` made the
    cuts drift from those of a fresh build (and no rebuild's search entries could be reused:
    corpus/servecache.py keys them on the dictionary's size and total).
    """
    try:
        import jieba
    except ImportError:  # search without jieba: nothing to teach
        return
    start = time.perf_counter()
    jieba.initialize()  # its dictionary, which the search plugin loads anyway: timed apart
    _not_ours["jieba dictionary"] = _not_ours.get("jieba dictionary", 0.0) + time.perf_counter() - start
    taught = _state.setdefault("taught", set())
    for term in terms:
        for form in term.forms("zh"):
            if "、" not in form and len(form) > 1 and form not in taught:
                jieba.add_word(form)
                taught.add(form)


def _build_language(config) -> str:
    """The pipeline's language of this build (static-i18n builds one language at a time): zh, en or zh-Hant."""
    tag = config.theme.get("language") or "zh-Hans"
    return {"zh-Hans": "zh", "zh": "zh"}.get(tag, tag)


@_timed
def on_env(env, config, files):
    """The interface strings of the build's language for the templates (data: corpus/strings/), and
    compiled templates kept between builds (corpus/templatecache.py): MkDocs makes a new
    environment per build and per language, and compiled the theme's templates in each."""
    env.bytecode_cache = templatecache.shared()
    if servecache.installed():  # mkdocs serve: a page's HTML kept when nothing its template sees changed
        servepages.keep_pages(env)
    ui = strings(_build_language(config))
    env.globals["ui"] = ui
    env.globals["ui_scripts"] = script_json(ui["scripts"])
    env.globals["ui_home"] = edition_prefix(_build_language(config))  # the edition's home, from the site's root
    return env


@_timed
def on_files(files, config):
    """With CORPUS_DOWNLOADS=off, leave docs/downloads/ out of the site (the benchmark's baseline)."""
    if os.environ.get("CORPUS_DOWNLOADS") != "off":
        return files
    for file in [f for f in files if f.src_uri.startswith(f"{downloads.FOLDER}/")]:
        files.remove(file)
    return files


@_timed
def on_pre_build(config):
    """The files to download as they are in docs/downloads/ now (serve: the ones made so far)."""
    _state["offered"] = downloads.offered(_state.get("download_jobs", []), Path(config.docs_dir))


@_timed
def on_post_template(output_content, template_name, config):
    """Give each language its own 404 page.

    static-i18n builds every language into the same site folder, so the theme's
    404.html of the last (English) build would replace the Chinese one. Keep the
    default language's page at /404.html and write the others to /<lang>/404.html.
    """
    if template_name != "404.html":
        return output_content
    output_content = fix_page(output_content)
    lang = config.theme.get("language")
    default, _ = _languages(config)
    if lang == default:
        _state["not_found"] = output_content
        return output_content
    target = Path(config.site_dir) / lang / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output_content, encoding="utf-8")
    return _state.get("not_found", output_content)


@event_priority(-150)  # after static-i18n (-100), which makes each language's files and nav
@_timed
def on_nav(nav, config, files):
    """Keep the pages by path (after static-i18n has made the language's files), for ``on_page_context``."""
    _state["pages"] = {f.src_uri: f.page for f in files.documentation_pages() if f.page is not None}
    return nav


def _language_page(src_uri: str, stem: str):
    """The page ``stem`` (``texts/a/index``) in the language of ``src_uri``."""
    suffix = src_uri[len(src_uri.rsplit("/", 1)[0]) + 1 :].split(".", 1)[1]  # "md" or "en.md"
    return _state.get("pages", {}).get(f"{stem}.{suffix}")


@_timed
def on_page_context(context, page, config, nav):
    """Previous / next between documents, and the navigation opened where a page belongs.

    A document's own pages go to the same page of the documents before and
    after it in reading order (kind, then date), its main page when that has
    none. A page kept out of the navigation opens its owner's place in it
    (Material then renders that section, not a pruned navigation).
    """
    navigation = _state.get("navigation")
    uri = page.file.src_uri
    found = document_of(uri) if navigation else None
    owner = None
    if found:
        slug, name = found
        before, after = neighbours(navigation.order, slug)
        page.previous_page, page.next_page = (
            (_language_page(uri, f"texts/{s}/{name}") or _language_page(uri, f"texts/{s}/index")) if s else None
            for s in (before, after)
        )
        if name != "index":
            owner = _language_page(uri, f"texts/{slug}/index")
    elif uri.startswith("glossary/") and not uri.startswith("glossary/index."):
        owner = _language_page(uri, "glossary/index")
    if owner is not None and owner in nav.pages:
        owner.active = True
        _state["owner"] = owner
    return context


@_timed
def on_post_page(output, page, config):
    owner = _state.pop("owner", None)
    if owner is not None:
        owner.active = False
    if "finisher" in _state:
        output = _state["finisher"].finish_page(page.file.src_uri, output)
    return fix_page(output)


@event_priority(-200)  # after static-i18n has built every language and merged the index
@_timed
def on_post_build(config):
    default, others = _languages(config)
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # an inner build of one more language; the outer build finishes the work
    pending = _state.pop("pending_files", None)
    if pending is not None:  # mkdocs serve: the edited documents' files, now that the edit is built
        _make_in_background(*pending)
    try:
        finisher = _state.get("finisher")
        exceptions = finisher.exceptions if finisher else ()
        glossary = load_glossary(_project(config) / "glossary")
        terms = glossary_names(glossary, exceptions if HANT in others else None)
    except CorpusError as err:
        raise PluginError(str(err)) from None
    counts = split_search_index(
        Path(config.site_dir), others, inline=_offline(config), terms=terms, exceptions=exceptions, simplified_terms=glossary_names(glossary)
    )
    if counts:
        log.info("search index per language: " + ", ".join(f"{k} {v} entries" for k, v in counts.items()))
    minified = minify_assets(Path(config.docs_dir), Path(config.site_dir))
    if minified:
        before, after = (sum(v[i] for v in minified.values()) for i in (0, 1))
        log.info(f"{len(minified)} scripts and stylesheets minified: {before:,} bytes to {after:,}")
    if _offline(config):
        try:
            install_shim(_project(config), Path(config.site_dir))
        except CorpusError as err:
            raise PluginError(str(err)) from None
        return
    (Path(config.site_dir) / "robots.txt").write_text(robots_txt(config.site_url), encoding="utf-8")
    bundle = _project(config) / "dist" / BUNDLE_NAME
    if bundle.exists():
        target = Path(config.site_dir) / "downloads" / BUNDLE_NAME
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(bundle.read_bytes())


def _bundle_text(config, lang: str, prefix: str) -> str:
    text = BUNDLE_TEXT[lang]
    if _offline(config):
        return text["inside"]
    bundle = _project(config) / "dist" / BUNDLE_NAME
    if not bundle.exists():
        return text["none"]
    href = f"{prefix}downloads/{BUNDLE_NAME}"
    label = text["link"].format(size=size_label(bundle.stat().st_size))
    return f'<a class="bundle-download" href="{href}" download>{label}</a>'


#: The media type of each format, on its links.
MEDIA_TYPES = {"pdf": "application/pdf", "epub": "application/epub+zip"}


def _download_links(items, lang: str, prefix: str) -> str:
    """HTML links to a document's files: format, language and size in the link text.

    HTML, with the address relative to the page's URL (as for the bundle): static-i18n's
    English build does not list the default language's files, so MkDocs could not check a
    Markdown link to them from an English page; the files are at the site's root.
    """
    return " · ".join(
        f'<a class="download" href="{prefix}{html_attribute(item.path)}" type="{MEDIA_TYPES[item.format]}">'
        f"{html_text(downloads.link_label(item, lang, size_label(item.size)))}</a>"
        for item in items
    )


def _downloads_line(page, lang: str, edition: str) -> str:
    """The download line of a document's provenance block (nothing when its files are not made yet);
    the files of the page's ``edition`` (downloads.for_edition)."""
    found = document_of(page.file.src_uri)
    items = downloads.for_edition(_state.get("offered", {}).get(found[0], []) if found else [], edition)
    if not items:
        return ""
    colon = "：" if lang == "zh" else ": "
    links = _download_links(items, lang, "../" * page.url.count("/"))
    return f"**{PAPER_LABELS[lang]['download']}**{colon}{links}\n{{: .prov-downloads }}"


def _downloads_list(page, lang: str, edition: str) -> str:
    """The home page's list: every document with its files (those of the page's ``edition``)."""
    finisher, offered = _state.get("finisher"), _state.get("offered", {})
    if finisher is None or not offered:
        return PAPER_LABELS[lang]["none"]
    md_prefix, url_prefix = "../" * page.file.src_uri.count("/"), "../" * page.url.count("/")
    colon = "：" if lang == "zh" else ": "
    rows = []
    for entry in finisher.entries:
        items = downloads.for_edition(offered.get(entry.slug, []), edition)
        if items:
            title = md_escape(entry.title.get(lang))
            rows.append(f"- [{title}]({md_prefix}texts/{entry.slug}/index.md){colon}{_download_links(items, lang, url_prefix)}")
    return "\n".join(rows)


@_timed
def on_page_markdown(markdown, page, config, files):
    edition = page_language(page.file.src_uri)
    # the traditional edition's parts are the simplified ones converted, except its own addresses
    lang = "zh" if edition == HANT else edition
    finisher = _state.get("finisher")

    def converted(text: str) -> str:
        return hant.convert_markdown(text, finisher.exceptions if finisher else ()) if edition == HANT else text

    if DOWNLOADS_MARKER in markdown:
        markdown = markdown.replace(DOWNLOADS_MARKER, converted(_downloads_line(page, lang, edition)))
    if DOWNLOADS_LIST_MARKER in markdown:
        markdown = markdown.replace(DOWNLOADS_LIST_MARKER, converted(_downloads_list(page, lang, edition)))
    if DOCUMENTS_MARKER in markdown and finisher is not None:
        prefix = "../" * page.file.src_uri.count("/")
        markdown = markdown.replace(DOCUMENTS_MARKER, converted(finisher.home_table(lang, prefix)))
    if CITE_MARKER in markdown and finisher is not None:
        markdown = markdown.replace(CITE_MARKER, finisher.cite_examples.get(edition, ""))
    if HANDOUT_MARKER in markdown:
        root = "../" * page.url.count("/")  # from the page to the site's root (the passages are under texts/)
        markdown = markdown.replace(
            HANDOUT_MARKER,
            f'<div id="handout-page" class="handout" data-lang="{edition}" data-root="{html_attribute(root)}" '
            f'data-site="{html_attribute(config.site_url or DEFAULT_SITE_URL)}"><noscript>{html_text(HANDOUT_NOSCRIPT[edition])}</noscript></div>',
        )
    if BUNDLE_MARKER in markdown:
        prefix = "../" * page.url.count("/")
        markdown = markdown.replace(BUNDLE_MARKER, _bundle_text(config, edition, prefix))
    return markdown
