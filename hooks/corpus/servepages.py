"""``mkdocs serve``: a page's HTML is kept from the last rebuild when nothing its template sees changed.

Why: after the conversions and search entries were kept (servecache.py), rendering every page
through the theme's templates was a third of a rebuild (0.7–0.8 s of 2.1–2.5 s for three
editions), although an edited seed changes the HTML of a handful of pages.

What a template sees is its context: the page, the navigation, the configuration, the
environment's globals and what plugins added (static-i18n's alternates, say). The key of a page's
HTML is a fingerprint of all of it:

* plain data (text, numbers, lists, mappings, MkDocs's configuration objects, a theme) by value;
* the page itself by every attribute it has (its HTML, table of contents, metadata, addresses,
  neighbours, parents, the attributes plugins give it);
* another page, a section or a file by what a template can print of it (title, address, whether it
  is open in the navigation), the navigation by its whole tree;
* functions and modules by name, plugins by their configuration;
* the templates' own folders in the project (``custom_dir``) by their files' times and sizes.

Anything else (an object this module does not know) cannot be fingerprinted: the page is then
rendered as usual and nothing is kept. ``build_date_utc`` is left out (the theme does not print
it; it would change every key). The configuration, the globals and large shared lists (every
file of the site, for the sitemap) are fingerprinted once per build; ``config.extra`` is taken per
page, since static-i18n rewrites its language links for every page.

Only for ``mkdocs serve`` (``install``); tests/test_serve.py checks that rebuilds give exactly
the files of a fresh build.
"""

from __future__ import annotations

import datetime
import enum
import functools
import hashlib
import os
import types
from collections.abc import Mapping
from pathlib import Path

#: (template name, page address, language) → (key, HTML) of the latest render.
_pages: dict[tuple, tuple[str, str]] = {}
#: Within one build: id → (object, fingerprint) of the configuration, globals and large shared values.
_shared: dict[int, tuple[object, str]] = {}
_build: list = [None]  # the configuration object of the build whose shared fingerprints are held
stats = {"template_hits": 0, "template_misses": 0, "template_opaque": 0}
#: Shared values of at least this many items are fingerprinted once per build.
SHARED_SIZE = 64
SKIPPED_KEYS = frozenset({"build_date_utc"})


class Opaque(Exception):
    """A value this module cannot fingerprint: the page is rendered, not kept."""


def _types():
    from mkdocs.config.base import Config
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import File
    from mkdocs.structure.nav import Link, Navigation, Section
    from mkdocs.structure.pages import Page
    from mkdocs.structure.toc import AnchorLink, TableOfContents
    from mkdocs.theme import Theme

    return Config, BasePlugin, File, Link, Navigation, Section, Page, AnchorLink, Theme, TableOfContents


def _reference(item, types_) -> str:
    """Another page, section, link or file: what a template can print of it."""
    Config, BasePlugin, File, Link, Navigation, Section, Page, AnchorLink, Theme, TableOfContents = types_
    if isinstance(item, Page):
        return f"P({item.file.src_uri!r},{item.url!r},{item.title!r},{item.active!r},{_reference(item.parent, types_)})"
    if isinstance(item, Section):
        return f"S({item.title!r},{item.active!r},{_reference(item.parent, types_)})"
    if isinstance(item, Link):
        return f"L({item.title!r},{item.url!r})"
    if isinstance(item, File):
        return f"F({item.src_uri!r},{item.dest_uri!r},{item.url!r})"
    if item is None:
        return "None"
    raise Opaque(type(item).__name__)


def _nav_items(items, types_):
    """Every item of the navigation tree, depth first."""
    Section = types_[5]
    for item in items:
        yield item
        if isinstance(item, Section):
            yield from _nav_items(item.children, types_)


def _navigation(nav, types_) -> str:
    """The navigation: its tree (titles, addresses; once per build) and which items are open (per page)."""
    Config, BasePlugin, File, Link, Navigation, Section, Page, AnchorLink, Theme, TableOfContents = types_
    held = _shared.get(id(nav))
    if held is not None and held[0] is nav:
        tree = held[1]
    else:
        def walk(items) -> str:
            out = []
            for item in items:
                if isinstance(item, Section):
                    out.append(f"S({item.title!r},[{walk(item.children)}])")
                elif isinstance(item, Page):
                    out.append(f"P({item.file.src_uri!r},{item.url!r},{item.title!r})")
                elif isinstance(item, Link):
                    out.append(f"L({item.title!r},{item.url!r})")
                else:
                    raise Opaque(type(item).__name__)
            return ",".join(out)

        tree = f"N([{walk(nav.items)}],{nav.homepage.file.src_uri if nav.homepage else None!r})"
        _shared[id(nav)] = (nav, tree)
    return tree + "".join("1" if item.active else "0" for item in _nav_items(nav.items, types_))


def fingerprint(value, types_=None, *, shared: bool = False) -> str:
    """A text that changes whenever ``value`` changes as a template can see it; Opaque for unknown objects."""
    types_ = types_ or _types()
    Config, BasePlugin, File, Link, Navigation, Section, Page, AnchorLink, Theme, TableOfContents = types_
    if value is None or isinstance(value, (str, bool, int, float, enum.Enum, datetime.date, Path)):
        return repr(value)
    if shared:
        held = _shared.get(id(value))
        if held is not None and held[0] is value:
            return held[1]
    if isinstance(value, Theme):  # a mapping of its options, and its name, folders and static templates
        return repr(value)
    if isinstance(value, TableOfContents):
        return "T" + fingerprint(list(value), types_)
    if isinstance(value, (Config, Mapping)):
        text = "{" + ",".join(f"{fingerprint(k, types_)}:{fingerprint(v, types_, shared=shared)}" for k, v in sorted(value.items(), key=lambda kv: repr(kv[0]))) + "}"
    elif isinstance(value, (list, tuple)):
        text = "[" + ",".join(fingerprint(v, types_, shared=shared) for v in value) + "]"
    elif isinstance(value, (set, frozenset)):
        text = "{" + ",".join(sorted(fingerprint(v, types_) for v in value)) + "}"
    elif isinstance(value, AnchorLink):
        text = f"A({value.id!r},{value.title!r},{value.level!r},{getattr(value, 'active', None)!r},{fingerprint(value.children, types_)})"
    elif isinstance(value, Navigation):
        text = _navigation(value, types_)
    elif isinstance(value, (Page, Section, Link, File)):
        text = _reference(value, types_)
    elif isinstance(value, BasePlugin):
        text = f"plugin {type(value).__module__}.{type(value).__qualname__}{fingerprint(value.config, types_, shared=shared)}"
    elif isinstance(value, functools.partial):
        text = f"partial({fingerprint(value.func, types_)},{fingerprint(list(value.args), types_)},{fingerprint(value.keywords, types_)})"
    elif type(value).__module__.split(".")[0] == "pathspec" and hasattr(value, "patterns"):  # exclude_docs, not_in_nav
        text = "pathspec" + fingerprint([(getattr(p, "pattern", None), getattr(p, "include", None)) for p in value.patterns], types_)
    elif isinstance(value, types.ModuleType):
        text = f"module {value.__name__}"
    elif isinstance(value, (types.FunctionType, types.BuiltinFunctionType, types.MethodType, type)) or callable(value) and hasattr(value, "__qualname__"):
        text = f"callable {getattr(value, '__module__', '')}.{getattr(value, '__qualname__', '')}"
    else:
        raise Opaque(type(value).__name__)
    # a configuration (a plugin's, a language's) is the same all build long; ``config.extra``, which
    # static-i18n rewrites per page, is never taken as shared (see key)
    if shared and (isinstance(value, Config) or isinstance(value, (Mapping, list, tuple)) and len(value) >= SHARED_SIZE):
        _shared[id(value)] = (value, text)
    return text


def _attributes(item) -> dict:
    """An object's own attributes, without the values its class computes on first use and then keeps
    (``File.url``…): whether one was asked for yet must not change the fingerprint."""
    kept_on_use = {name for klass in type(item).__mro__ for name, member in vars(klass).items()
                   if isinstance(member, functools.cached_property) or type(member).__name__ == "weak_property"}
    return {name: value for name, value in vars(item).items() if name not in kept_on_use}


def _page(page, types_) -> str:
    """The page being rendered: every attribute it has (plugins add their own)."""
    parts = []
    for name, value in sorted(_attributes(page).items()):
        if name in ("markdown",):  # the source: its HTML (``content``) is what a template prints
            continue
        if name == "file":
            parts.append(f"file={fingerprint(_attributes(value), types_)}{_reference(value, types_)}")
        else:
            parts.append(f"{name}={fingerprint(value, types_)}")
    parts.append(f"url={page.url!r} title={page.title!r} active={page.active!r} homepage={page.is_homepage!r}")
    return ";".join(parts)


def _project_templates(config) -> str:
    """The theme folders of the project (``custom_dir``): every file's name, time and size."""
    from .servecache import _installation_folder

    out = []
    for folder in config.theme.dirs:
        if _installation_folder(folder):
            continue
        for root, _, names in os.walk(folder):
            for name in sorted(names):
                path = os.path.join(root, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                out.append(f"{path}:{stat.st_mtime_ns}:{stat.st_size}")
    return "|".join(sorted(out))


def _build_fingerprint(template, config) -> str:
    """What every page of a build shares: the configuration (but ``extra``), the environment, the templates."""
    if _build[0] is not config:  # a new build (or the next language's): nothing shared is held over
        _shared.clear()
        _build[0] = config
    held = _shared.get(id(template.environment))
    if held is not None and held[0] is template.environment:
        return held[1]
    types_ = _types()
    env = template.environment
    text = "|".join((
        fingerprint({k: v for k, v in config.items() if k != "extra"}, types_, shared=True),
        fingerprint(dict(env.globals), types_, shared=True),
        fingerprint(sorted(env.filters), types_), fingerprint(sorted(env.tests), types_),
        _project_templates(config),
    ))
    _shared[id(env)] = (env, text)
    return text


def key(template, context: dict) -> str | None:
    """The key of a page's HTML, or None when the context holds something that cannot be fingerprinted."""
    page, config = context.get("page"), context.get("config")
    if page is None or config is None:
        return None
    types_ = _types()
    try:
        parts = [template.name or "", _build_fingerprint(template, config), fingerprint(config.get("extra"), types_), _page(page, types_)]
        for name in sorted(context):
            if name in ("page", "config") or name in SKIPPED_KEYS:
                continue
            parts.append(f"{name}={fingerprint(context[name], types_, shared=True)}")
    except Opaque:
        return None
    return hashlib.blake2b("\x1e".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def template_class(base):
    """A Jinja template class whose ``render`` reuses a page's HTML from the last rebuild when its key is the same."""

    class KeptTemplate(base):
        def render(self, *args, **kwargs):
            context = dict(*args, **kwargs)
            page = context.get("page")
            if page is None:
                return super().render(context)
            found = key(self, context)
            if found is None:
                stats["template_opaque"] += 1
                return super().render(context)
            config = context["config"]
            slot = (self.name, page.url, config.theme.get("language"))
            held = _pages.get(slot)
            if held is not None and held[0] == found:
                stats["template_hits"] += 1
                return held[1]
            stats["template_misses"] += 1
            output = super().render(context)
            _pages[slot] = (found, output)
            return output

    KeptTemplate.__name__ = KeptTemplate.__qualname__ = f"Kept{base.__name__}"
    return KeptTemplate


def keep_pages(env) -> None:
    """Have ``env`` (a build's template environment, from ``on_env``) keep page HTML between rebuilds."""
    if not getattr(env.template_class, "_corpus_kept", False):
        env.template_class = template_class(env.template_class)
        env.template_class._corpus_kept = True


def clear() -> None:
    """Nothing kept (the tests)."""
    _pages.clear()
    _shared.clear()
    _build[0] = None
    for k in stats:
        stats[k] = 0
