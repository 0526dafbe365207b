"""``mkdocs serve``: work that an edit did not change is kept from one rebuild to the next.

Why: ``mkdocs serve`` builds the whole site again after every save, in every edition (three
languages), although an edited seed changes a handful of its ~300 pages. On the five documents a
rebuild took 3.8 s, and an edit showed 3.7–6.1 s after the save (target: 3 s). Most of that was
work whose inputs had not changed:

* converting each page's Markdown to HTML (about 30 % of the rebuild);
* Material's search plugin cutting each page's text into sections and its Chinese into words
  with jieba (about 15 %);
* listing and filtering the theme's ~10,000 files for every language (about 8 %).

Each is kept here (the pages' HTML from the templates, in servepages.py), in memory, keyed by
everything its result depends on, and only for ``mkdocs serve`` (``install`` is called from
``on_startup``): a build from scratch (``mkdocs build``, the tests, the bundle) does all the work
every time. Only the latest result per page is
kept, so the memory used stays that of one site.

* ``render``: a page is converted again unless its final Markdown (after every hook), its
  addresses, the addresses of every file in the site (links are resolved against them) and the
  Markdown configuration of the build's language are those of the last conversion. The log
  records that the conversion wrote (a broken link, say) are written again when the result is
  reused, so ``--strict`` and the reader see the same warnings on every rebuild.
* ``search entries``: a page's entries are made again unless its HTML, address, title, table of
  contents, search metadata and jieba's dictionary (the glossary's terms are added to it) are
  those of the last time; so are its passages (search_passages.memo), from its entries and HTML.
* ``theme files``: the theme's folders inside the Python installation (Material's and MkDocs's
  own, which ``mkdocs serve`` does not watch either) are listed once; a folder of the project (a
  ``custom_dir``) is listed on every build.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import os
import re
import sysconfig

#: The memory address in an object's default repr (``<function slug at 0x7f…>``), new in every build.
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+(?=>)")

#: src_uri and language → (key, result) of the latest conversion.
_rendered: dict[tuple, tuple[str, dict]] = {}
#: page address and language → (key, entries) of the latest search entries.
_entries: dict[tuple, tuple[str, list]] = {}
#: theme folder → its file names (folders inside the Python installation only).
_theme_names: dict[str, tuple[str, ...]] = {}
#: (static templates, name) → whether the theme file is copied into the site.
_theme_kept: dict[tuple, bool] = {}
_files_signature: dict[int, tuple[object, str]] = {}
_installed: list = []
stats = {"render_hits": 0, "render_misses": 0, "entry_hits": 0, "entry_misses": 0}


def digest(*parts: object) -> str:
    """A short stable hash of ``parts``: text as it is, anything else by its repr without memory
    addresses (a page's own text is never altered)."""
    text = "\x1f".join(p if isinstance(p, str) else _ADDRESS.sub("", repr(p)) for p in parts)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _site_files(files) -> str:
    """Every file's source and addresses in this build: a page's links are resolved against them."""
    held = _files_signature.get(id(files))
    if held is not None and held[0] is files:
        return held[1]
    signature = digest(sorted((f.src_uri, f.dest_uri, f.url, f.is_documentation_page()) for f in files))
    _files_signature.clear()  # one build at a time: the previous build's files are gone
    _files_signature[id(files)] = (files, signature)
    return signature


def _markdown_config(config) -> str:
    """The build's Markdown set-up: extensions and their options, language, addresses, link checks."""
    return digest(
        config["markdown_extensions"], config["mdx_configs"], config.theme.get("language"),
        config.use_directory_urls, config.validation, config.docs_dir,
    )


class _Recorder(logging.Handler):
    """Keeps the log records written while a page is converted, to write them again on reuse."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record):
        if all(r is not record for r in self.records):  # seen by the root and by "mkdocs"
            self.records.append(record)


def _recording_loggers() -> list[logging.Logger]:
    # MkDocs's own logger does not pass records on to the root (mkdocs/__main__.py)
    return [logging.getLogger(), logging.getLogger("mkdocs")]


def _cached_render(original):
    def render(self, config, files):
        """Page.render, or its result from the last rebuild when nothing it depends on changed."""
        if self.markdown is None:
            return original(self, config, files)
        slot = (self.file.src_uri, config.theme.get("language"))
        key = digest(self.markdown, self.file.src_uri, self.file.dest_uri, self.file.url,
                      _site_files(files), _markdown_config(config))
        held = _rendered.get(slot)
        if held is not None and held[0] == key:
            result = held[1]
            links = {}
            for src_uri, anchors in result["links_to_anchors"].items():
                target = files.get_file_from_path(src_uri)
                if target is None:  # cannot happen with the same files; convert to be safe
                    break
                links[target] = dict(anchors)
            else:
                stats["render_hits"] += 1
                self.content = result["content"]
                self.toc = copy.deepcopy(result["toc"])
                self._title_from_render = result["title"]
                self.present_anchor_ids = set(result["anchors"])
                if result["has_links"]:
                    self.links_to_anchors = links
                for record in result["records"]:
                    logging.getLogger(record.name).handle(record)
                return None
        stats["render_misses"] += 1
        recorder = _Recorder()
        loggers = _recording_loggers()
        for logger in loggers:
            logger.addHandler(recorder)
        try:
            original(self, config, files)
        finally:
            for logger in loggers:
                logger.removeHandler(recorder)
        links = getattr(self, "links_to_anchors", None)
        _rendered[slot] = (key, {
            "content": self.content,
            "toc": copy.deepcopy(self.toc),
            "title": self._title_from_render,
            "anchors": frozenset(self.present_anchor_ids or ()),
            "has_links": links is not None,
            "links_to_anchors": {f.src_uri: dict(a) for f, a in (links or {}).items()},
            "records": recorder.records,
        })
        return None

    render.__wrapped__ = original
    return render


def _toc_outline(toc) -> list:
    return [(item.id, item.url, item.title, item.level, _toc_outline(item.children)) for item in toc]


def segmenter_state(jieba=...) -> tuple:
    """Which jieba cuts the words (none: the traditional edition's entries) and its dictionary's size
    and total: the glossary's terms are added to it (mkdocs_hooks._teach_segmenter)."""
    if jieba is ...:
        try:
            import jieba
        except ImportError:
            jieba = None
    if jieba is None:
        return (None,)
    tokenizer = jieba.dt
    return (id(jieba), getattr(tokenizer, "total", 0), len(getattr(tokenizer, "FREQ", None) or {}))


def _cached_entries(original, search_plugin_module):
    def add_entry_from_context(self, page):
        """SearchIndex.add_entry_from_context, or the page's entries from the last rebuild."""
        meta = page.meta or {}
        slot = (page.url, page.file.src_uri, id(type(self)))
        key = digest(
            page.content, page.url, page.title, _toc_outline(page.toc),
            meta.get("search"), meta.get("tags"), meta.get("title"),
            self.config, segmenter_state(getattr(search_plugin_module, "jieba", None)),
        )
        held = _entries.get(slot)
        if held is not None and held[0] == key:
            stats["entry_hits"] += 1
            self.entries.extend(copy.deepcopy(held[1]))
            return None
        stats["entry_misses"] += 1
        start = len(self.entries)
        original(self, page)
        _entries[slot] = (key, copy.deepcopy(self.entries[start:]))
        return None

    add_entry_from_context.__wrapped__ = original
    return add_entry_from_context


def _installation_folder(path: str) -> bool:
    """A folder of the Python installation (site-packages): not the project's, not watched."""
    roots = {sysconfig.get_paths()[k] for k in ("purelib", "platlib", "stdlib")}
    resolved = os.path.realpath(path)
    return any(resolved == r or resolved.startswith(os.path.realpath(r) + os.sep) for r in roots)


def _cached_listing(original):
    def list_templates(self, extensions=None, filter_func=None):
        """Environment.list_templates with the installation's theme folders listed once per process."""
        loader = self.loader
        paths = getattr(loader, "searchpath", None)
        if extensions is not None or filter_func is None or not paths or type(loader).__name__ != "FileSystemLoader":
            return original(self, extensions=extensions, filter_func=filter_func)
        import jinja2

        names: set[str] = set()
        for path in paths:
            listed = _theme_names.get(path)
            if listed is None:
                listed = tuple(jinja2.FileSystemLoader([path]).list_templates())
                if _installation_folder(path):
                    _theme_names[path] = listed
            names.update(listed)
        # MkDocs's filter is a new function per build; what it keeps depends on the theme's static templates
        static = _static_templates(filter_func)
        if static is None:  # not MkDocs's filter: no verdict can be kept
            return original(self, extensions=extensions, filter_func=filter_func)
        kept = []
        for name in sorted(names):
            slot = (static, name)
            verdict = _theme_kept.get(slot)
            if verdict is None:
                verdict = _theme_kept[slot] = bool(filter_func(name))
            if verdict:
                kept.append(name)
        return kept

    list_templates.__wrapped__ = original
    return list_templates


def _static_templates(filter_func) -> tuple | None:
    """The theme's static templates that MkDocs's filter excludes (read from the filter's closure), or
    None for another filter."""
    if getattr(filter_func, "__qualname__", "") != "Files.add_files_from_theme.<locals>.filter":
        return None
    for cell in filter_func.__closure__ or ():
        theme = getattr(cell.cell_contents, "theme", None)
        if theme is not None and hasattr(theme, "static_templates"):
            return tuple(sorted(theme.static_templates))
    return None


def _listing_kept(original):
    def add_files_from_theme(self, env, config):
        """Files.add_files_from_theme with the theme's listing kept (see _cached_listing)."""
        env.list_templates = _cached_listing(type(env).list_templates).__get__(env)
        try:
            return original(self, env, config)
        finally:
            del env.list_templates

    add_files_from_theme.__wrapped__ = original
    return add_files_from_theme


def install() -> None:
    """Keep conversions, search entries and theme listings between ``mkdocs serve``'s rebuilds."""
    if _installed:
        return
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

    Page.render = _cached_render(Page.render)
    _installed.append((Page, "render"))
    Files.add_files_from_theme = _listing_kept(Files.add_files_from_theme)
    _installed.append((Files, "add_files_from_theme"))
    try:
        from material.plugins.search import plugin as search_plugin
    except ImportError:
        search_plugin = None
    from . import search_passages

    search_passages.memo = {}
    _installed.append((search_passages, "memo"))
    if search_plugin is not None:
        index = search_plugin.SearchIndex
        index.add_entry_from_context = _cached_entries(index.add_entry_from_context, search_plugin)
        _installed.append((index, "add_entry_from_context"))


def installed() -> bool:
    """Whether this process keeps work between rebuilds (``mkdocs serve``)."""
    return bool(_installed)


def uninstall() -> None:
    """Back to MkDocs's and Material's own functions, and nothing kept (the tests)."""
    while _installed:
        owner, name = _installed.pop()
        held = getattr(owner, name)
        setattr(owner, name, held.__wrapped__ if callable(held) else None)
    for held in (_rendered, _entries, _theme_names, _theme_kept, _files_signature):
        held.clear()
    for k in stats:
        stats[k] = 0
    from . import servepages

    servepages.clear()
