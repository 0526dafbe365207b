"""Load and validate ``seeds/catalog.yaml``: which documents exist and where they come from.

Every problem is reported as ``catalog.yaml:LINE: problem`` so an editor can go
straight to it. Plain frozen dataclasses come out; nothing here knows MkDocs.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import CorpusError

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
KINDS = ("keyword-entry", "commentary", "policy-document")
#: Seed files are the ``*.txt`` files in the seeds folder.
SEED_GLOB = "*.txt"


@dataclass(frozen=True)
class Bilingual:
    zh: str
    en: str

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh


@dataclass(frozen=True)
class Copy:
    """One seed file carrying (a copy of) a document."""

    seed: str
    title: str
    source: Bilingual
    date: str
    url: str | None = None
    byline: str | None = None
    body_start: str | None = None
    body_end: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Entry:
    """One document of the catalog; ``copies[0]`` is its base text."""

    slug: str
    kind: str
    title: Bilingual
    date: str
    copies: tuple[Copy, ...]
    author: Bilingual | None = None
    series: Bilingual | None = None
    base_reason: Bilingual | None = None
    leads: bool = False
    line: int = 0

    @property
    def base(self) -> Copy:
        return self.copies[0]


class _LineDict(dict):
    """A mapping that remembers the line of itself and of each key."""

    line: int = 0
    lines: dict


class _Loader(yaml.SafeLoader):
    """SafeLoader whose mappings are _LineDicts and whose duplicate keys are errors."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same on libyaml's parser: ten times faster on the translation files.

    libyaml words its errors in its own way, so a file it rejects is read again
    with ``_Loader`` for the messages (and lines) that the editors know.
    """


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> _LineDict:
    loader.flatten_mapping(node)
    mapping = _LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in mapping:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


for _loader in (_Loader, _FastLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: Path, shown_as: str) -> Any:
    """Parse a YAML file; syntax errors become one CorpusError with the line."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CorpusError(shown_as, "file does not exist") from None
    except UnicodeDecodeError as err:
        raise CorpusError(shown_as, f"file is not UTF-8 ({err.reason})") from None
    try:
        return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        return _load_or_explain(text, shown_as)


def _load_or_explain(text: str, shown_as: str) -> Any:
    """Parse with the pure-Python parser; its error becomes one CorpusError with the line."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        problem = " ".join(p for p in (err.context, err.problem) if p)
        raise CorpusError(shown_as, f"malformed YAML: {problem}", line) from None
    except yaml.YAMLError as err:
        raise CorpusError(shown_as, f"malformed YAML: {err}") from None


class _Checker:
    """Small helpers that read typed fields and report the line on failure."""

    def __init__(self, shown_as: str):
        self.shown_as = shown_as

    def fail(self, where: Any, key: str | None, problem: str) -> CorpusError:
        line = None
        if isinstance(where, _LineDict):
            line = where.lines.get(key, where.line) if key is not None else where.line
        return CorpusError(self.shown_as, problem, line)

    def mapping(self, value: Any, parent: Any, key: str, what: str) -> _LineDict:
        if not isinstance(value, _LineDict):
            raise self.fail(parent, key, f"{what} must be a mapping")
        return value

    def known_keys(self, mapping: _LineDict, allowed: set[str], what: str) -> None:
        for key in mapping:
            if key not in allowed:
                raise self.fail(mapping, key, f"unknown field {key!r} in {what} (allowed: {', '.join(sorted(allowed))})")

    def text(self, mapping: _LineDict, key: str, what: str, *, required: bool = True) -> str | None:
        if key not in mapping or mapping[key] is None:
            if required:
                raise self.fail(mapping, None, f"{what} has no {key!r}")
            return None
        value = mapping[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(mapping, key, f"{key!r} of {what} must be non-empty text")
        return value.strip()

    def date(self, mapping: _LineDict, key: str, what: str) -> str:
        value = mapping.get(key)
        if isinstance(value, _dt.date):
            return value.isoformat()
        if isinstance(value, str):
            try:
                return _dt.date.fromisoformat(value.strip()).isoformat()
            except ValueError:
                pass
        if key not in mapping:
            raise self.fail(mapping, None, f"{what} has no {key!r}")
        raise self.fail(mapping, key, f"{key!r} of {what} must be a date YYYY-MM-DD")

    def bilingual(self, mapping: _LineDict, key: str, what: str, *, required: bool = True) -> Bilingual | None:
        if key not in mapping or mapping[key] is None:
            if required:
                raise self.fail(mapping, None, f"{what} has no {key!r}")
            return None
        inner = self.mapping(mapping[key], mapping, key, f"{key!r} of {what}")
        self.known_keys(inner, {"zh", "en"}, f"{key!r} of {what}")
        zh = self.text(inner, "zh", f"{key!r} of {what}")
        en = self.text(inner, "en", f"{key!r} of {what}")
        return Bilingual(zh=zh, en=en)


_ENTRY_KEYS = {"slug", "kind", "title", "date", "copies", "author", "series", "base_reason", "structure"}
_COPY_KEYS = {"seed", "title", "source", "date", "url", "byline", "body_start", "body_end"}


def parse_catalog(data: Any, shown_as: str) -> list[Entry]:
    """Validate parsed catalog data and return its entries (no file checks)."""
    check = _Checker(shown_as)
    if not isinstance(data, _LineDict) or "documents" not in data:
        raise CorpusError(shown_as, "catalog must be a mapping with a 'documents' list", 1)
    docs = data["documents"]
    if not isinstance(docs, list) or not docs:
        raise check.fail(data, "documents", "'documents' must be a non-empty list")
    entries: list[Entry] = []
    slugs: dict[str, int] = {}
    seeds: dict[str, int] = {}
    for raw in docs:
        item = check.mapping(raw, data, "documents", "each document")
        check.known_keys(item, _ENTRY_KEYS, "a document")
        slug = check.text(item, "slug", "a document")
        what = f"document {slug!r}"
        if not SLUG_RE.match(slug):
            raise check.fail(item, "slug", f"slug {slug!r} must be lower-case ASCII words joined by '-'")
        if slug in slugs:
            raise check.fail(item, "slug", f"slug {slug!r} is used twice (first at line {slugs[slug]})")
        slugs[slug] = item.lines["slug"]
        kind = check.text(item, "kind", what)
        if kind not in KINDS:
            raise check.fail(item, "kind", f"kind {kind!r} of {what} is not one of {', '.join(KINDS)}")
        structure = item.get("structure") or _LineDict()
        if not isinstance(structure, dict):
            raise check.fail(item, "structure", f"'structure' of {what} must be a mapping")
        if isinstance(structure, _LineDict):
            check.known_keys(structure, {"leads"}, f"'structure' of {what}")
        leads = structure.get("leads", False)
        if not isinstance(leads, bool):
            raise check.fail(structure, "leads", f"'leads' of {what} must be true or false")
        raw_copies = item.get("copies")
        if not isinstance(raw_copies, list) or not raw_copies:
            raise check.fail(item, "copies" if "copies" in item else None, f"{what} needs a non-empty 'copies' list")
        copies = []
        for raw_copy in raw_copies:
            c = check.mapping(raw_copy, item, "copies", f"each copy of {what}")
            check.known_keys(c, _COPY_KEYS, f"a copy of {what}")
            seed = check.text(c, "seed", f"a copy of {what}")
            if "/" in seed or "\\" in seed or seed.startswith("."):
                raise check.fail(c, "seed", f"seed {seed!r} must be a plain file name in the seeds folder")
            if seed in seeds:
                raise check.fail(c, "seed", f"seed {seed!r} is listed twice (first at line {seeds[seed]})")
            seeds[seed] = c.lines["seed"]
            url = check.text(c, "url", f"copy {seed}", required=False)
            if url is not None and not re.match(r"^https?://\S+$", url):
                raise check.fail(c, "url", f"url of copy {seed} must be an http(s) address")
            copies.append(Copy(
                seed=seed,
                title=check.text(c, "title", f"copy {seed}"),
                source=check.bilingual(c, "source", f"copy {seed}"),
                date=check.date(c, "date", f"copy {seed}"),
                url=url,
                byline=check.text(c, "byline", f"copy {seed}", required=False),
                body_start=check.text(c, "body_start", f"copy {seed}", required=False),
                body_end=check.text(c, "body_end", f"copy {seed}", required=False),
                line=c.line,
            ))
        base_reason = check.bilingual(item, "base_reason", what, required=len(copies) > 1)
        entries.append(Entry(
            slug=slug,
            kind=kind,
            title=check.bilingual(item, "title", what),
            date=check.date(item, "date", what),
            copies=tuple(copies),
            author=check.bilingual(item, "author", what, required=False),
            series=check.bilingual(item, "series", what, required=False),
            base_reason=base_reason,
            leads=leads,
            line=item.line,
        ))
    return entries


def check_seed_files(entries: list[Entry], seeds_dir: Path, shown_as: str) -> None:
    """Every seed named exists, and every seed file present is named."""
    named = {c.seed: (e, c) for e in entries for c in e.copies}
    for seed, (entry, copy) in named.items():
        if not (seeds_dir / seed).is_file():
            raise CorpusError(shown_as, f"copy of {entry.slug!r} names seed {seed!r}, which is not in {seeds_dir.name}/", copy.line)
    for path in sorted(seeds_dir.glob(SEED_GLOB)):
        if path.name not in named:
            raise CorpusError(f"{seeds_dir.name}/{path.name}", f"seed file is not in the catalog ({shown_as}); add an entry for it or remove it")


def load_catalog(seeds_dir: Path, name: str = "catalog.yaml") -> list[Entry]:
    """Load, validate and cross-check the catalog in ``seeds_dir``."""
    shown_as = f"{Path(seeds_dir).name}/{name}"
    entries = parse_catalog(load_yaml(Path(seeds_dir) / name, shown_as), shown_as)
    check_seed_files(entries, Path(seeds_dir), shown_as)
    return entries
