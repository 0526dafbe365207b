"""A document as a file to take away: the plain data its PDF and EPUB are made from.

``papers_of`` turns one built document (``build.DocumentBuild``) into three
``Paper`` values: Chinese, English and the parallel text. A paper carries
everything its files show, already in its own language: the title, the
provenance lines (with the published address), the headings and paragraphs
with their permanent ids and the address each id links to. ``pdf.py`` and
``epub.py`` make bytes from it; nothing there reads the catalog or MkDocs.
Being plain data, a paper is also what the files' cache key is made from
(``downloads.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .render import LABELS, SITE_NAME
from .strings import lazy_section
from .hant import HANT, convert_tree, to_traditional
from .structure import Document

#: The files' languages: Chinese, English, Chinese with English side by side, and the traditional
#: edition's Chinese (the simplified paper converted: hant.py).
PAPER_LANGS = ("zh", "en", "zh-en", HANT)

#: Labels of the files that the site's pages do not have (strings/<language>.yaml, section "papers").
#: The parallel file uses both.
PAPER_LABELS = lazy_section("papers")


@dataclass(frozen=True)
class Line:
    """A heading or paragraph of a paper. ``en`` and ``en_lang`` are the English of a parallel pair."""

    kind: str  # "heading" | "para"
    id: str
    text: str
    level: int = 0
    lang: str = "zh"
    en: str | None = None
    en_lang: str = "en"
    untranslated: bool = False  # an English paper's block shown in Chinese


@dataclass(frozen=True)
class Fact:
    """One provenance line: its label, its text, and an address when the text is a link."""

    label: str
    text: str
    url: str | None = None
    lang: str = "zh"


@dataclass(frozen=True)
class Paper:
    """One document in one language (``zh``, ``en`` or ``zh-en``), ready to be typeset."""

    slug: str
    lang: str
    title: str
    subtitle: str | None  # the parallel text's English title
    date: str
    author: str  # the author, or the source when there is none (PDF and EPUB metadata)
    source: str
    address: str  # the published address of the page the file is made from
    original: str | None
    site: str
    facts: tuple[Fact, ...]
    lines: tuple[Line, ...]

    @property
    def main_lang(self) -> str:
        """The language of the paper's furniture (its labels): Chinese for the parallel text."""
        return self.lang if self.lang in ("en", HANT) else "zh"

    def anchor(self, ident: str) -> str:
        """The permanent address of one block."""
        return f"{self.address}#{ident}"


def lang_tag(lang: str) -> str:
    """The BCP 47 tag of a block language: zh → zh-Hans.

    >>> lang_tag("zh"), lang_tag("en"), lang_tag("zh-en"), lang_tag("zh-Hant")
    ('zh-Hans', 'en', 'zh-Hans', 'zh-Hant')
    """
    return lang if lang in ("en", HANT) else "zh-Hans"


def page_address(site_url: str, slug: str, lang: str) -> str:
    """The published address of the page a paper is made from (its ids are anchors there).

    >>> page_address("https://example.org/", "a", "en")
    'https://example.org/en/texts/a/'
    >>> page_address("https://x.github.io/repo", "a", "zh-en")
    'https://x.github.io/repo/texts/a/parallel/'
    """
    base = site_url.rstrip("/") + "/"
    prefix = f"{lang}/" if lang in ("en", HANT) else ""
    return f"{base}{prefix}texts/{slug}/" + ("parallel/" if lang == "zh-en" else "")


def _facts(d, lang: str, address: str, translator: str | None) -> list[Fact]:
    """The provenance of the document's page, in ``lang``, plus the address and what the margin ids are."""
    t, p = LABELS[lang], PAPER_LABELS[lang]
    e = d.entry
    facts: list[Fact] = []
    if e.series:
        facts.append(Fact(t["series"], e.series.get(lang), lang=lang))
    if e.author:
        facts.append(Fact(t["author"], e.author.get(lang), lang=lang))
    facts.append(Fact(t["date"], e.date, lang=lang))
    facts.append(Fact(t["source"], e.base.source.get(lang), lang=lang))
    if e.base.url:
        facts.append(Fact(t["original"], e.base.url, e.base.url, lang=lang))
    facts.append(Fact(t["seed"], "seeds/" + e.base.seed, lang=lang))
    if len(e.copies) > 1 and e.base_reason:
        facts.append(Fact(t["copies"], e.base_reason.get(lang), lang=lang))
        for copy in e.copies[1:]:
            facts.append(Fact(t["other_copy"], f"{copy.source.get(lang)}{t['comma']}{copy.date} · seeds/{copy.seed}", copy.url, lang=lang))
    if translator:
        note = d.translation.note if d.translation and d.translation.note else ""
        said = t.get("translation_" + translator) or PAPER_LABELS[lang]["translation_none"]
        facts.append(Fact(t["translation"], (said + (" " + note if note else "")).strip(), lang=lang))
    facts.append(Fact(p["address"], address, address, lang=lang))
    return facts


def _translator(d, en_doc: Document) -> str:
    """Whose English it is (site / source), or ``none`` when no block is translated (as on the page)."""
    translator = d.translation.translator if d.translation else "site"
    if all(b.lang != "en" for b in en_doc.blocks):
        return "none"
    return translator


def hant_paper(paper: Paper, site_url: str, exceptions: tuple = ()) -> Paper:
    """The traditional edition's paper: the simplified one converted (hant.py), with its own address."""
    address = page_address(site_url, paper.slug, HANT)
    convert = lambda text: to_traditional(text, exceptions) if text else text  # noqa: E731
    facts = tuple(
        Fact(convert(f.label), address if f.url == paper.address else convert(f.text), address if f.url == paper.address else f.url, HANT)
        for f in paper.facts
    )
    # first of all, what the edition is: the simplified original converted (as on its pages)
    facts = (Fact(LABELS[HANT]["edition"], LABELS[HANT]["edition_note"], lang=HANT), *facts)
    lines = tuple(Line(b.kind, b.id, convert(b.text), b.level, HANT if b.lang == "zh" else b.lang) for b in paper.lines)
    return Paper(
        slug=paper.slug, lang=HANT, title=convert(paper.title), subtitle=None, date=paper.date, author=convert(paper.author),
        source=convert(paper.source), address=address, original=paper.original, site=convert(paper.site), facts=facts, lines=lines,
    )


def papers_of(d, site_url: str, exceptions: tuple = (), hant_edition: bool = True) -> list[Paper]:
    """The Chinese, English, parallel and (``hant_edition``) traditional papers of one built document (``build.DocumentBuild``)."""
    e = d.entry
    en_doc = d.en_doc or d.doc
    translator = _translator(d, en_doc)
    out = []
    for lang in PAPER_LANGS:
        if lang == HANT:
            if hant_edition:
                out.append(hant_paper(out[0], site_url, exceptions))
            continue
        address = page_address(site_url, e.slug, lang)
        main = "en" if lang == "en" else "zh"
        facts = _facts(d, main, address, translator if lang != "zh" else None)
        if lang == "zh-en":  # the parallel text: Chinese provenance, then the English translation note
            facts += [f for f in _facts(d, "en", address, translator) if f.label == LABELS["en"]["translation"]]
        if lang == "zh":
            lines = tuple(Line(b.kind, b.id, b.text, b.level, b.lang) for b in d.doc.blocks)
        elif lang == "en":
            lines = tuple(Line(b.kind, b.id, b.text, b.level, b.lang, untranslated=b.lang != "en") for b in en_doc.blocks)
        else:
            english = {b.id: b for b in en_doc.blocks}
            lines = tuple(
                Line(b.kind, b.id, b.text, b.level, b.lang, english[b.id].text if english[b.id].lang == "en" else None)
                for b in d.doc.blocks
            )
        who = e.author.get(main) if e.author else e.base.source.get(main)
        out.append(
            Paper(
                slug=e.slug,
                lang=lang,
                title=e.title.get(main),
                subtitle=e.title.en if lang == "zh-en" else None,
                date=e.date,
                author=who,
                source=e.base.source.get(main),
                address=address,
                original=e.base.url,
                site=SITE_NAME[main],
                facts=tuple(facts),
                lines=lines,
            )
        )
    return out
