"""English texts of the documents, kept as data beside the seeds and aligned by block id.

``seeds/translations/en/<slug>.yaml`` holds one entry per heading or paragraph
id of the document (and of its "other items" page)::

    translator: site            # site = the site's own working translation
    blocks:                     # source = the English printed by the source
      s1-p1:
        zh: 3f2a9c1b7d0e        # fingerprint of the Chinese text it translates
        en: Security concerns the well-being of ...

For ``translator: source`` an entry names the blocks of the seed's own English
half instead of holding text (``source: [en-p1, en-p2]``), so the English text
still comes from the seed. When the Chinese text changes, its fingerprint no
longer matches: the entry is *stale*. The build reports stale and missing
entries; a stale entry is still shown, marked, and a missing one shows the
Chinese text, marked, so a reader is never silently given the wrong language.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import _Checker, _LineDict, load_yaml, text_problem
from .errors import CorpusError
from .structure import Block, Document

TRANSLATORS = ("site", "source")


def fingerprint(text: str) -> str:
    """Short fingerprint of a Chinese block: 12 hex digits of its SHA-256.

    >>> fingerprint("一、背景")
    '03bc881fd41c'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class Entry:
    zh: str
    en: str | None = None
    source: tuple[str, ...] = ()
    line: int = 0
    #: findings of the terminology check (termcheck.py) reviewed and accepted: what -> why
    accepted: dict[str, str] = field(default_factory=dict)


@dataclass
class Translation:
    slug: str
    translator: str
    entries: dict[str, Entry]
    path: str
    #: a note on the English as a whole, shown under the statement of whose English it is
    note: str | None = None


@dataclass
class Coverage:
    """How much of a document the English side covers."""

    slug: str
    total: int = 0
    translated: int = 0
    stale: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    orphans: list[str] = field(default_factory=list)  # entries whose id no longer exists


def load_translation(path: Path, shown_as: str) -> Translation:
    """Read and validate one translation file."""
    data = load_yaml(path, shown_as, "translation", inside=Path(path).parent)
    check = _Checker(shown_as)
    if not isinstance(data, _LineDict):
        raise CorpusError(shown_as, "a translation file must be a mapping with 'translator' and 'blocks'", 1)
    check.known_keys(data, {"translator", "blocks", "note"}, "the translation file")
    note = check.text(data, "note", "the translation file", required=False, multiline=True)
    translator = check.text(data, "translator", "the translation file")
    if translator not in TRANSLATORS:
        raise check.fail(data, "translator", f"translator must be one of {', '.join(TRANSLATORS)}")
    blocks = check.mapping(data.get("blocks"), data, "blocks", "'blocks'")
    entries: dict[str, Entry] = {}
    for ident, raw in blocks.items():
        what = f"block {ident!r}"
        if not isinstance(ident, str) or not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", ident):
            raise check.fail(blocks, ident, f"{what}: a block id is lower-case letters, digits and '-' (such as s3-12-p1)")
        item = check.mapping(raw, blocks, ident, what)
        check.known_keys(item, {"zh", "en", "source", "accepted"}, what)
        accepted: dict[str, str] = {}
        if item.get("accepted") is not None:
            raw_accepted = check.mapping(item.get("accepted"), item, "accepted", f"'accepted' of {what}")
            for key in raw_accepted:
                if not isinstance(key, (str, int)) or not str(key).strip():
                    raise check.fail(raw_accepted, key, f"'accepted' of {what}: each entry names a term id, phrase, number or form")
                accepted[str(key)] = check.text(raw_accepted, key, f"'accepted' of {what}") or ""
        if isinstance(item.get("zh"), (int, float)):
            raise check.fail(item, "zh", f"'zh' of {what} must be the 12-digit fingerprint in quotes (YAML read it as a number)")
        fp = check.text(item, "zh", what)
        if not re.fullmatch(r"[0-9a-f]{12}", fp):
            raise check.fail(item, "zh", f"'zh' of {what} must be the 12-digit fingerprint of the Chinese text")
        if translator == "source":
            src = item.get("source")
            if not isinstance(src, list) or not src or not all(isinstance(s, str) and re.fullmatch(r"[a-z0-9-]+", s) for s in src):
                raise check.fail(item, "source" if "source" in item else None, f"{what} needs 'source': a list of block ids of the seed's English text")
            entries[ident] = Entry(zh=fp, source=tuple(src), line=item.line, accepted=accepted)
        else:
            en = item.get("en")
            if en is not None and (not isinstance(en, str)):
                raise check.fail(item, "en", f"'en' of {what} must be text (put it in quotes)")
            if en is not None and text_problem(en, multiline=True):
                raise check.fail(item, "en", f"'en' of {what} {text_problem(en, multiline=True)}")
            entries[ident] = Entry(zh=fp, en=(en or "").strip() or None, line=item.line, accepted=accepted)
    return Translation(slug=Path(path).stem, translator=translator, entries=entries, path=shown_as, note=note)


def translation_path(seeds_dir: Path, slug: str, lang: str = "en") -> Path:
    return Path(seeds_dir) / "translations" / lang / f"{slug}.yaml"


def load_for(seeds_dir: Path, slug: str) -> Translation | None:
    path = translation_path(seeds_dir, slug)
    if not path.exists():
        return None
    return load_translation(path, f"{Path(seeds_dir).name}/translations/en/{path.name}")


def english(
    docs: list[Document],
    tr: Translation | None,
    coverage: Coverage,
    source_en: Document | None = None,
) -> list[Document]:
    """The English counterpart of each document in ``docs`` (same ids, same shape).

    Fills ``coverage``. A block without a usable translation keeps its Chinese
    text and ``lang="zh"``; a stale one keeps its English text and is listed.
    """
    entries = tr.entries if tr else {}
    source_text = {b.id: b.text for b in source_en.blocks} if source_en else {}
    out = []
    seen: set[str] = set()
    for doc in docs:
        blocks = []
        for b in doc.blocks:
            seen.add(b.id)
            coverage.total += 1
            e = entries.get(b.id)
            text = None
            if e is not None:
                if e.source:
                    missing_src = [s for s in e.source if s not in source_text]
                    if missing_src:
                        raise CorpusError(tr.path, f"block {b.id!r} names source block(s) {', '.join(missing_src)}, which the seed does not have", e.line)
                    text = " ".join(source_text[s] for s in e.source)
                else:
                    text = e.en
            if text is None:
                coverage.missing.append(b.id)
                blocks.append(b)
                continue
            if e.zh != fingerprint(b.text):
                coverage.stale.append(b.id)
            else:
                coverage.translated += 1
            blocks.append(Block(b.kind, b.id, text, b.level, "en", b.line, b.role))
        out.append(Document(doc.slug, tuple(blocks)))
    coverage.orphans.extend(i for i in entries if i not in seen)
    return out


def _yaml_text(text: str) -> str:
    """A YAML scalar for ``text`` on one line (double-quoted, escaped)."""
    import json

    return json.dumps(text, ensure_ascii=False)


def skeleton(docs: list[Document], tr: Translation | None, *, translator: str = "site") -> str:
    """A translation file for ``docs``: current fingerprints, the Chinese as comments,
    and the English already written (kept) or empty (to be written)."""
    entries = tr.entries if tr else {}
    translator = tr.translator if tr else translator
    how = (
        "# `python -m corpus translations`. This entry's English is the source's own:\n"
        "# each block names the paragraphs of the seed's English half it aligns with."
        if translator == "source"
        else "# `python -m corpus translations`; write the English in `en`."
    )
    lines = [
        "# English text aligned with the Chinese blocks by id. Generated by",
        how,
        "# `zh` is the fingerprint of the Chinese text translated: when it no longer",
        "# matches, the build reports the block as stale.",
        f"translator: {translator}",
        *([f"note: {_yaml_text(tr.note)}"] if tr and tr.note else []),
        "blocks:",
    ]
    for doc in docs:
        for b in doc.blocks:
            e = entries.get(b.id)
            lines.append(f"  # {b.text}")
            lines.append(f"  {b.id}:")
            fp = fingerprint(b.text) if (e is None or e.zh == fingerprint(b.text)) else e.zh
            lines.append(f'    zh: "{fp}"')
            if e is not None and e.source:
                lines.append(f"    source: [{', '.join(e.source)}]")
            else:
                lines.append(f"    en: {_yaml_text(e.en) if e and e.en else chr(34) * 2}")
            if e is not None and e.accepted:
                lines.append("    accepted:")
                lines += [f"      {_yaml_text(k)}: {_yaml_text(v)}" for k, v in e.accepted.items()]
    return "\n".join(lines) + "\n"


def align_by_length(zh: list[Block], en: list[Block], *, most: int = 3) -> dict[str, tuple[str, ...]]:
    """The seed's own English paragraphs (``en``) shared out among the Chinese blocks (``zh``) in
    order: each Chinese block takes the next 0 to ``most`` English paragraphs, so that the lengths
    agree best with the text's overall ratio of English to Chinese characters (a small
    Gale-Church-style alignment). Every English paragraph goes to exactly one block.

    >>> zh = [Block("para", "p1", "甲" * 100), Block("para", "p2", "乙" * 50)]
    >>> en = [Block("para", f"en-p{i}", "x" * n, lang="en") for i, n in ((1, 150), (2, 140), (3, 160))]
    >>> align_by_length(zh, en)
    {'p1': ('en-p1', 'en-p2'), 'p2': ('en-p3',)}
    """
    import math

    if not zh or not en:
        return {}
    ratio = sum(len(b.text) for b in en) / max(1, sum(len(b.text) for b in zh))
    n, m = len(zh), len(en)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0.0
    for i in range(1, n + 1):
        want = ratio * max(1, len(zh[i - 1].text))
        for j in range(0, m + 1):
            for k in range(0, min(most, j) + 1):
                if cost[i - 1][j - k] == inf:
                    continue
                got = sum(len(b.text) for b in en[j - k : j])
                step = abs(math.log((got + 1) / (want + 1))) + (3.0 if k == 0 else 0.0) + (0.3 * (k - 1) if k > 1 else 0.0)
                if cost[i - 1][j - k] + step < cost[i][j]:
                    cost[i][j] = cost[i - 1][j - k] + step
                    back[i][j] = k
    out: dict[str, tuple[str, ...]] = {}
    j = m
    if cost[n][m] == inf:  # more English paragraphs than blocks can take: the last takes the rest
        j = max(range(m + 1), key=lambda x: (cost[n][x] < inf, x))
    rest = tuple(b.id for b in en[j:])
    for i in range(n, 0, -1):
        k = back[i][j]
        ids = tuple(b.id for b in en[j - k : j])
        if i == n:
            ids += rest
        if ids:
            out[zh[i - 1].id] = ids
        j -= k
    return dict(sorted(out.items(), key=lambda kv: [b.id for b in zh].index(kv[0])))


def aligned_from_source(slug: str, docs: list[Document], source_en: Document) -> Translation:
    """A ``translator: source`` translation made by aligning the seed's English half with the
    Chinese blocks (``align_by_length``): what a bilingual seed gets until its file is written."""
    blocks = [b for doc in docs[:1] for b in doc.blocks]
    english = list(source_en.blocks)
    # the English half's own title heading stands for the page's title, not for a block: it is
    # aligned only when the Chinese text starts with a heading too
    while english and english[0].kind == "heading" and not (blocks and blocks[0].kind == "heading"):
        english.pop(0)
    mapping = align_by_length(blocks, english)
    by_id = {b.id: b for b in blocks}
    entries = {ident: Entry(zh=fingerprint(by_id[ident].text), source=ids) for ident, ids in mapping.items()}
    return Translation(slug=slug, translator="source", entries=entries, path=f"(the English of {slug}'s seed, aligned by length)")
