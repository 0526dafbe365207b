"""Find a document's own structure and give every heading and paragraph a stable id.

Ids follow the document's numbering where it has one, so that a teacher's
link survives rebuilds and unrelated edits:

====================================  =============
what                                   id
====================================  =============
part 三、 of a document                ``s3``
item （十二） of part 三               ``s3-12``
the 2nd paragraph of that item         ``s3-12-p2``
a paragraph before any heading         ``p1``
the 2nd lead section (``倡导安危与共。``) ``s2`` (or ``s2-2`` inside part 二)
an unnumbered headline                 ``h1``
the English half of a bilingual entry  ``en``, paragraphs ``en-p1``
====================================  =============

Only paragraphs of one section shift when that section is edited.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .clean import CN_DIGITS, RUNNING, Para, is_caption, is_latin_text

_PART_RE = re.compile(f"^([{CN_DIGITS}]+)、(.+)$")
_ITEM_RE = re.compile(f"^（([{CN_DIGITS}]+)）(.*)$", re.S)


def cn_number(numeral: str) -> int:
    """Value of a Chinese numeral from 1 to 99.

    >>> [cn_number(n) for n in ("一", "十", "十二", "二十", "二十三")]
    [1, 10, 12, 20, 23]
    """
    digits = {c: i for i, c in enumerate(CN_DIGITS, start=1)}
    if "十" not in numeral:
        return digits[numeral]
    tens, _, units = numeral.partition("十")
    return (digits[tens] if tens else 1) * 10 + (digits[units] if units else 0)


def first_sentence(text: str) -> tuple[str, str]:
    """Split ``text`` after its first 。！？ that is outside quotation marks.

    >>> first_sentence("倡导安危与共。构建人类命运共同体。")
    ('倡导安危与共。', '构建人类命运共同体。')
    >>> first_sentence("“和解潮”。其后")
    ('“和解潮”。', '其后')
    """
    depth = 0
    for i, ch in enumerate(text):
        if ch in "“‘《（":
            depth += 1
        elif ch in "”’》）":
            depth = max(0, depth - 1)
        elif ch in "。！？" and depth == 0:
            return text[: i + 1], text[i + 1 :]
    return text, ""


@dataclass(frozen=True)
class Block:
    """A heading or a paragraph of a structured document.

    ``level`` is 2-4 for headings and 0 for paragraphs; ``lang`` is the
    language of the text (``zh`` or ``en``); ``line`` is its line in the seed.
    """

    kind: str  # "heading" | "para"
    id: str
    text: str
    level: int = 0
    lang: str = "zh"
    line: int = 0
    #: what a paragraph is on the page besides text: "caption" for a photo caption
    role: str = ""


@dataclass(frozen=True)
class Document:
    """A document as a flat sequence of headings and paragraphs."""

    slug: str
    blocks: tuple[Block, ...]

    def ids(self) -> list[str]:
        return [b.id for b in self.blocks]

    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "para"]

    def headings(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == "heading"]


#: The items of a part are titled by their first sentence when every one of
#: them is at most this long (``（五）坚持通过对话协商以和平方式解决国家间的分歧和争端。``);
#: otherwise the headings show the item numbers and the sentences stay text.
ITEM_TITLE_MAX = 32

#: A lead sentence is at most this many characters (``完善全球安全治理体系。``).
LEAD_MAX = 21


def _lead(text: str) -> tuple[str, str] | None:
    """The lead sentence of a paragraph that opens with one, else None.

    A lead is a short first sentence without quotation marks, followed by
    more text in the same paragraph: ``倡导安危与共。构建……``.
    """
    lead, rest = first_sentence(text)
    if not rest or len(lead) > LEAD_MAX or any(q in lead for q in "“”‘’《》"):
        return None
    return lead, rest


def _is_headline(text: str) -> bool:
    """A short line with no sentence punctuation: a headline."""
    return len(text) <= 40 and not any(p in text for p in RUNNING)


class _Builder:
    """Accumulates blocks while tracking the current section path."""

    def __init__(self, slug: str):
        self.slug = slug
        self.blocks: list[Block] = []
        self.part: str | None = None  # id of the current numbered part (level 2)
        self.section: str | None = None  # id of the innermost section
        self.counters: dict[str | None, int] = {}
        self.lead_counters: dict[str | None, int] = {}
        self.headline_count = 0
        self.seen: set[str] = set()
        self.lang = "zh"

    def unique(self, wanted: str) -> str:
        """Ids are unique; a repeated number (a typo in a source) gets a suffix."""
        ident, n = wanted, 1
        while ident in self.seen:
            n += 1
            ident = f"{wanted}x{n}"
        self.seen.add(ident)
        return ident

    def heading(self, ident: str, text: str, level: int, line: int) -> str:
        ident = self.unique(ident)
        self.blocks.append(Block("heading", ident, text, level, self.lang, line))
        return ident

    def para(self, text: str, line: int) -> None:
        key = self.section
        self.counters[key] = self.counters.get(key, 0) + 1
        n = self.counters[key]
        ident = f"{key}-p{n}" if key else f"p{n}"
        role = "caption" if self.lang == "zh" and is_caption(text) else ""
        self.blocks.append(Block("para", self.unique(ident), text, 0, self.lang, line, role))


def merge_kickers(paras: list[Para]) -> list[Para]:
    """Join a kicker line ending in ``——`` to the headline under it.

    Newspapers print ``外交部发言人——`` above ``事实早已撕下……``: one headline.
    """
    out: list[Para] = []
    for p in paras:
        if out and out[-1].text.endswith("——") and _is_headline(out[-1].text) and _is_headline(p.text):
            out[-1] = Para(out[-1].text + p.text, out[-1].line)
        else:
            out.append(p)
    return out


def _titled_parts(paras: list[Para]) -> dict[str | None, bool]:
    """For each part (by id), whether all its items open with a title-length sentence.

    The concept paper titles every item of part 二 (the repost prints those
    leads in bold) but not the items of parts 三 and 四, whose first sentences
    are long; one rule per part keeps a part's headings alike.
    """
    titled: dict[str | None, bool] = {}
    part: str | None = None
    for p in paras:
        m = _PART_RE.match(p.text)
        if m and _is_headline(p.text):
            part = f"s{cn_number(m.group(1))}"
            continue
        if _ITEM_RE.match(p.text):
            lead, _ = first_sentence(p.text)
            titled[part] = titled.get(part, True) and len(lead) <= ITEM_TITLE_MAX
    return titled


def structure(slug: str, paras: list[Para], *, leads: bool = False) -> Document:
    """Build a Document from clean paragraphs.

    ``leads`` turns short lead sentences into section headings; it is set in
    the catalog for documents that mark their sections that way.
    """
    b = _Builder(slug)
    paras = merge_kickers(paras)
    titled_parts = _titled_parts(paras)
    for p in paras:
        text = p.text
        if b.lang == "en" and not is_latin_text(text):
            # Chinese again after a bilingual seed's English half (a list of related entries): it is
            # Chinese text, on the Chinese page, never lost among the English
            b.lang = "zh"
            b.part = b.section = None
        if is_latin_text(text):
            if b.lang != "en" and _is_headline(text.replace(",", "，")):
                b.lang = "en"
                b.part = b.section = b.heading("en", text, 2, p.line)
                continue
            if b.lang == "en":
                b.para(text, p.line)
                continue
        m = _PART_RE.match(text)
        if m and _is_headline(text):
            ident = f"s{cn_number(m.group(1))}"
            b.part = b.section = b.heading(ident, text, 2, p.line)
            continue
        m = _ITEM_RE.match(text)
        if m:
            number = cn_number(m.group(1))
            ident = f"{b.part}-{number}" if b.part else f"s{number}"
            lead, rest = first_sentence(text)
            label = f"（{m.group(1)}）"
            if titled_parts.get(b.part, False):
                heading, body = lead.rstrip("。"), rest
            else:  # a long first sentence is text, not a title: keep it in the paragraph
                heading, body = label, m.group(2)
            b.section = b.heading(ident, heading, 3 if b.part else 2, p.line)
            if body:
                b.para(body, p.line)
            continue
        lead = _lead(text) if leads else None
        if lead:
            parent = b.part
            b.lead_counters[parent] = b.lead_counters.get(parent, 0) + 1
            k = b.lead_counters[parent]
            ident = f"{parent}-{k}" if parent else f"s{k}"
            b.section = b.heading(ident, lead[0].rstrip("。"), 3 if parent else 2, p.line)
            b.para(lead[1], p.line)
            continue
        if _is_headline(text) and not text.endswith(tuple("。！？")) and not is_caption(text):
            b.headline_count += 1
            b.part = b.section = b.heading(f"h{b.headline_count}", text, 2, p.line)
            continue
        b.para(text, p.line)
    return Document(slug=slug, blocks=tuple(b.blocks))
