"""Where the copies of one document differ: computed from the seeds on every build.

Both copies are cleaned and structured the same way, so their blocks share ids
(``s3-12-p1``) and are compared id by id. Inside a block, a character-level diff
(difflib, no junk heuristics) gives the changed spans; a span that only changes
punctuation is classed ``punctuation`` so that it does not drown the wording
changes. Nothing here decides which wording is right: the record lists them all.
"""

from __future__ import annotations

import difflib
import unicodedata
from dataclasses import dataclass

from .structure import Block, Document

WORDING = "wording"
PUNCTUATION = "punctuation"
MISSING = "missing"  # in the base text, not in the other copy
EXTRA = "extra"  # in the other copy, not in the base text


def fold_punctuation(text: str) -> str:
    """Text without punctuation, symbols or spaces: what wording compares.

    >>> fold_punctuation("坚守不冲突、不对抗的底线，") == fold_punctuation("坚守不冲突不对抗的底线")
    True
    """
    return "".join(c for c in text if unicodedata.category(c)[0] not in "PSZ")


@dataclass(frozen=True)
class Span:
    """One changed span inside a block: ``base`` became ``other``."""

    kind: str  # WORDING or PUNCTUATION
    base: str
    other: str
    before: str  # a little unchanged context before the span
    after: str


@dataclass(frozen=True)
class Variant:
    """One block whose text differs between the base copy and another copy."""

    id: str
    block: str  # "heading" | "para"
    kind: str  # WORDING, PUNCTUATION, MISSING or EXTRA
    copy: str  # seed file of the other copy
    base: str
    other: str
    spans: tuple[Span, ...] = ()


def diff_spans(base: str, other: str, context: int = 8) -> tuple[Span, ...]:
    """Character-level changed spans of two texts, each classed.

    >>> [(s.kind, s.base, s.other) for s in diff_spans("对抗和冲突，不是", "对抗和不公，不是")]
    [('wording', '冲突', '不公')]
    >>> [(s.kind, s.base, s.other) for s in diff_spans("政治优先、综合施策", "政治优先，综合施策")]
    [('punctuation', '、', '，')]
    """
    matcher = difflib.SequenceMatcher(None, base, other, autojunk=False)
    spans = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        a, b = base[i1:i2], other[j1:j2]
        kind = PUNCTUATION if fold_punctuation(a) == fold_punctuation(b) else WORDING
        spans.append(Span(kind, a, b, base[max(0, i1 - context):i1], base[i2:i2 + context]))
    return tuple(spans)


def compare(base: Document, other: Document, copy: str) -> list[Variant]:
    """All blocks that differ between ``base`` and ``other``, in base order."""
    theirs: dict[str, Block] = {b.id: b for b in other.blocks}
    ours = {b.id for b in base.blocks}
    out: list[Variant] = []
    for block in base.blocks:
        twin = theirs.get(block.id)
        if twin is None:
            out.append(Variant(block.id, block.kind, MISSING, copy, block.text, ""))
            continue
        if twin.text == block.text:
            continue
        spans = diff_spans(block.text, twin.text)
        kind = WORDING if any(s.kind == WORDING for s in spans) else PUNCTUATION
        out.append(Variant(block.id, block.kind, kind, copy, block.text, twin.text, spans))
    for block in other.blocks:
        if block.id not in ours:
            out.append(Variant(block.id, block.kind, EXTRA, copy, "", block.text))
    return out


def summary(variants: list[Variant]) -> dict[str, int]:
    """Counts by kind, and the number of punctuation-only spans inside all blocks."""
    counts = {WORDING: 0, PUNCTUATION: 0, MISSING: 0, EXTRA: 0}
    for v in variants:
        counts[v.kind] += 1
    counts["punctuation_spans"] = sum(1 for v in variants for s in v.spans if s.kind == PUNCTUATION)
    counts["wording_spans"] = sum(1 for v in variants for s in v.spans if s.kind == WORDING)
    return counts
