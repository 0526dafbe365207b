"""Load and validate ``seeds/catalog.yaml``: which documents exist and where they come from.

Every problem is reported as ``catalog.yaml:LINE: problem`` so an editor can go
straight to it. Plain frozen dataclasses come out; nothing here knows MkDocs.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import CorpusError
from .escape import url_problem
from .safeload import LineDict, load_yaml, regular_file  # noqa: F401 (load_yaml re-exported)

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
class Creator:
    """The responsible party a citation names first (主要责任者): a person or an organisation.

    ``family`` is the family name as it stands in the English form (a person
    only): APA writes ``Yang, S.``, GB/T 7714 ``YANG Shouzheng``.
    """

    type: str  # person | organization
    name: Bilingual
    family: str | None = None

    def given(self) -> str:
        """The English given name(s) of a person: the English name without its family name."""
        rest = self.name.en.replace(self.family or "", "", 1) if self.family else ""
        return " ".join(rest.split())


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
    creator: Creator | None = None
    sentence_title: str | None = None
    line: int = 0

    @property
    def base(self) -> Copy:
        return self.copies[0]


#: Re-exported for the modules that validate the other data files.
_LineDict = LineDict


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
                raise self.fail(mapping, key, f"unknown field {key!r} in {what}{did_you_mean(key, allowed)}")

    def text(self, mapping: _LineDict, key: str, what: str, *, required: bool = True, multiline: bool = False) -> str | None:
        """A non-empty text field: no control, bidi or noncharacters; one line unless ``multiline``."""
        if key not in mapping or mapping[key] is None:
            if required:
                raise self.fail(mapping, None, f"{what} has no {key!r}")
            return None
        value = mapping[key]
        if not isinstance(value, str) or not value.strip():
            raise self.fail(mapping, key, f"{key!r} of {what} must be non-empty text")
        problem = text_problem(value.strip(), multiline=multiline)
        if problem:
            raise self.fail(mapping, key, f"{key!r} of {what} {problem}")
        return " ".join(value.split()) if multiline else value.strip()

    def date(self, mapping: _LineDict, key: str, what: str) -> str:
        """A real calendar date written YYYY-MM-DD (no time of day)."""
        if key not in mapping:
            raise self.fail(mapping, None, f"{what} has no {key!r}")
        value = mapping.get(key)
        problem = date_problem(value)
        if problem:
            raise self.fail(mapping, key, f"{key!r} of {what} {problem}")
        return value.strip()

    def bilingual(self, mapping: _LineDict, key: str, what: str, *, required: bool = True, multiline: bool = False) -> Bilingual | None:
        if key not in mapping or mapping[key] is None:
            if required:
                raise self.fail(mapping, None, f"{what} has no {key!r}")
            return None
        inner = self.mapping(mapping[key], mapping, key, f"{key!r} of {what}")
        self.known_keys(inner, {"zh", "en"}, f"{key!r} of {what}")
        zh = self.text(inner, "zh", f"{key!r} of {what}", multiline=multiline)
        en = self.text(inner, "en", f"{key!r} of {what}", multiline=multiline)
        return Bilingual(zh=zh, en=en)


def did_you_mean(key: Any, allowed: set[str]) -> str:
    """The end of an "unknown field" message: the nearest allowed name, or the list.

    >>> did_you_mean("aliass", {"aliases", "related"})
    " (did you mean 'aliases'?)"
    """
    close = difflib.get_close_matches(str(key), sorted(allowed), n=1, cutoff=0.6)
    if close:
        return f" (did you mean {close[0]!r}?)"
    return f" (allowed: {', '.join(sorted(allowed))})"


#: Characters no data text may hold: controls, bidi and zero-width marks, noncharacters.
_NOT_TEXT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff\ud800-\udfff]")


def text_problem(text: str, *, multiline: bool = False) -> str | None:
    """Why ``text`` cannot be a catalog or glossary text, or None.

    >>> text_problem("标题\\u202e")
    'holds the invisible character U+202E; remove it'
    >>> text_problem("作者\\n第二行")
    'must be one line'
    """
    bad = _NOT_TEXT.search(text)
    if bad:
        return f"holds the invisible character U+{ord(bad.group()):04X}; remove it"
    if not multiline and ("\n" in text or "\t" in text):
        return "must be one line"
    return None


_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


def date_problem(value: Any) -> str | None:
    """Why ``value`` is not a date YYYY-MM-DD that exists, or None.

    >>> date_problem("2023-02-21") is None
    True
    >>> date_problem("2023-02-30")
    "must be a real date YYYY-MM-DD ('2023-02-30' does not exist)"
    >>> date_problem("2023-02-21 10:00:00")
    "must be a date YYYY-MM-DD, without a time ('2023-02-21 10:00:00')"
    """
    if not isinstance(value, str) or not _DATE_RE.fullmatch(value.strip()):
        if isinstance(value, str) and _DATE_RE.match(value.strip()):
            return f"must be a date YYYY-MM-DD, without a time ({value.strip()!r})"
        return f"must be a date YYYY-MM-DD (not {value!r})"
    try:
        _dt.date.fromisoformat(value.strip())
    except ValueError:
        return f"must be a real date YYYY-MM-DD ({value.strip()!r} does not exist)"
    return None


#: Seed file names: letters, digits, ``.``, ``_`` and ``-``, ending in ``.txt`` (they appear in ids and on pages).
SEED_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,95}\.txt")
#: Names a slug or a term id may not take: they are pages of their own (the glossary's index).
RESERVED = frozenset({"index", "assets", "search", "downloads", "en"})

_ENTRY_KEYS = {"slug", "kind", "title", "date", "copies", "author", "series", "base_reason", "structure", "creator", "sentence_title"}
_CREATOR_KEYS = {"type", "zh", "en", "family"}
CREATOR_TYPES = ("person", "organization")


def _creator(check: "_Checker", item: _LineDict, what: str) -> Creator | None:
    """The ``creator`` of an entry: who a citation names first (see Creator)."""
    if item.get("creator") is None:
        return None
    raw = check.mapping(item["creator"], item, "creator", f"'creator' of {what}")
    check.known_keys(raw, _CREATOR_KEYS, f"'creator' of {what}")
    kind = check.text(raw, "type", f"'creator' of {what}")
    if kind not in CREATOR_TYPES:
        raise check.fail(raw, "type", f"'type' of the creator of {what} is not one of {', '.join(CREATOR_TYPES)}")
    name = Bilingual(zh=check.text(raw, "zh", f"'creator' of {what}"), en=check.text(raw, "en", f"'creator' of {what}"))
    family = check.text(raw, "family", f"'creator' of {what}", required=kind == "person")
    if kind == "organization" and family is not None:
        raise check.fail(raw, "family", f"an organisation has no 'family' name ('creator' of {what})")
    if family is not None and not (name.en.startswith(family + " ") or name.en.endswith(" " + family)):
        raise check.fail(raw, "family", f"'family' of the creator of {what} must be the first or last word(s) of its 'en' name")
    return Creator(type=kind, name=name, family=family)
_COPY_KEYS = {"seed", "title", "source", "date", "url", "byline", "body_start", "body_end"}


def parse_catalog(data: Any, shown_as: str) -> list[Entry]:
    """Validate parsed catalog data and return its entries (no file checks)."""
    check = _Checker(shown_as)
    if not isinstance(data, _LineDict) or "documents" not in data:
        raise CorpusError(shown_as, "catalog must be a mapping with a 'documents' list", 1)
    check.known_keys(data, {"documents"}, "the catalog")
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
        if not SLUG_RE.match(slug) or len(slug) > 80:
            raise check.fail(item, "slug", f"slug {slug!r} must be lower-case ASCII words joined by '-' (at most 80 characters)")
        if slug in RESERVED:
            raise check.fail(item, "slug", f"slug {slug!r} is reserved for a page of the site; choose another")
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
            if not SEED_NAME_RE.fullmatch(seed):
                raise check.fail(c, "seed", f"seed {seed!r} must be a file name in the seeds folder made of letters, digits, '.', '_' and '-', ending in .txt")
            if seed in seeds:
                raise check.fail(c, "seed", f"seed {seed!r} is listed twice (first at line {seeds[seed]})")
            seeds[seed] = c.lines["seed"]
            url = check.text(c, "url", f"copy {seed}", required=False)
            if url is not None and url_problem(url):
                raise check.fail(c, "url", f"url of copy {seed} {url_problem(url)}")
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
        base_reason = check.bilingual(item, "base_reason", what, required=len(copies) > 1, multiline=True)
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
            creator=_creator(check, item, what),
            sentence_title=check.text(item, "sentence_title", what, required=False),
            line=item.line,
        ))
    return entries


def check_seed_files(entries: list[Entry], seeds_dir: Path, shown_as: str) -> None:
    """Every seed named exists, and every seed file present is named."""
    named = {c.seed: (e, c) for e in entries for c in e.copies}
    for seed, (entry, copy) in named.items():
        if not (seeds_dir / seed).exists() and not (seeds_dir / seed).is_symlink():
            raise CorpusError(shown_as, f"copy of {entry.slug!r} names seed {seed!r}, which is not in {seeds_dir.name}/", copy.line)
        regular_file(seeds_dir / seed, f"{seeds_dir.name}/{seed}", inside=seeds_dir, what="seed")
    for path in sorted(seeds_dir.glob(SEED_GLOB)):
        if path.name not in named:
            raise CorpusError(f"{seeds_dir.name}/{path.name}", f"seed file is not in the catalog ({shown_as}); add an entry for it or remove it")


def load_catalog(seeds_dir: Path, name: str = "catalog.yaml") -> list[Entry]:
    """Load, validate and cross-check the catalog in ``seeds_dir``."""
    shown_as = f"{Path(seeds_dir).name}/{name}"
    entries = parse_catalog(load_yaml(Path(seeds_dir) / name, shown_as, "catalog", inside=seeds_dir), shown_as)
    check_seed_files(entries, Path(seeds_dir), shown_as)
    return entries
