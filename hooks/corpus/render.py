"""Render structured documents as Markdown pages for MkDocs.

All text from the seeds passes through :func:`md_escape`, so a seed holding
``<script>``, ``*``, ``[ ]``, ``|`` or backticks shows literally and never
becomes markup. Blocks carry their ids as attribute lists (``{: #s3-12-p1 }``).
Fragments (provenance, tables) come from the Jinja templates beside this file.
"""

from __future__ import annotations

import re
from pathlib import Path

import jinja2

from .catalog import Entry
from .citation import SITE_NAME, citations, work_of  # noqa: F401 (SITE_NAME re-exported)
from .contents import contents_labels
from .strings import lazy_section
from .structure import Block, Document
from .urls import page_url, relative_url
from .variants import Variant

TEMPLATES = Path(__file__).parent / "templates"
#: Folder under docs/ of the glossary pages.
GLOSSARY = "glossary"

#: The pages' labels by language (zh, en, zh-Hant): data, in strings/<language>.yaml (see strings.py).
LABELS = lazy_section("pages")

from .escape import MD_SYNTAX, front_matter, href, html_attribute, html_text, md_escape, safe_id, script_json  # noqa: F401 (re-exported)


_ENV = jinja2.Environment(
    loader=jinja2.FileSystemLoader(str(TEMPLATES)),
    autoescape=False,  # the templates produce Markdown; text goes through |md
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)
_ENV.filters["md"] = md_escape
_ENV.filters["html"] = html_text
_ENV.filters["attr"] = html_attribute
_ENV.filters["href"] = href


def _front_matter(title: str, description: str | None = None) -> str:
    """Front matter of a generated page: written by YAML's dumper, values HTML-escaped (see escape.py)."""
    return front_matter(title=title, description=description)


def lang_tag(lang: str) -> str:
    """The BCP 47 tag for a block language: zh → zh-Hans."""
    return "en" if lang == "en" else "zh-Hans"


def _lang_attr(block: Block, page_lang: str) -> str:
    return f' lang="{lang_tag(block.lang)}"' if block.lang != page_lang else ""


def render_blocks(
    blocks: tuple[Block, ...] | list[Block],
    page_lang: str = "zh",
    classes: dict[str, str] | None = None,
    marks: dict[str, str] | None = None,
    terms: "TermLinks | None" = None,
) -> str:
    """Markdown for a sequence of blocks, each with its id (and lang when it differs).

    ``classes`` adds a class to some blocks (``stale`` or ``missing`` translations);
    ``marks`` appends Markdown to some blocks (the variant markers); ``terms``
    links glossary terms in paragraphs (never in headings), first occurrence
    per section.
    """
    out = []
    classes = classes or {}
    marks = marks or {}
    labels = contents_labels(blocks, page_lang)  # for bare item numbers: see contents.py
    section = ""
    for b in blocks:
        attrs = f"#{b.id}" + (f" .{classes[b.id]}" if b.id in classes else "") + (f" .{b.role}" if b.role else "")
        attrs += _lang_attr(b, page_lang)
        if b.id in labels:
            attrs += f' data-toc-label="{labels[b.id]}"'
        if b.kind == "heading":
            section = b.id
        if terms is not None and b.kind == "para" and b.lang == terms.lang:
            text = terms.markdown(b.text, section)
        else:
            text = md_escape(b.text)
        text += marks.get(b.id, "")
        if page_lang == "en" and b.lang != "en" and b.kind == "para":
            # said in words, in English, not only by a border: the block is Chinese on an English page
            text = f'<span class="untranslated" lang="en">{html_text(LABELS["en"]["not_translated_label"])}</span> ' + text
        if b.kind == "heading":
            out.append(f"{'#' * b.level} {text} {{: {attrs} }}")
        else:
            out.append(f"{text}\n{{: {attrs} }}")
    return "\n\n".join(out) + "\n"


class TermLinks:
    """Glossary links for one page: a Linker plus how a link is written.

    ``page`` is the page's Markdown path under docs/ (``texts/<slug>/index.md``).
    A link is HTML with its final relative address (see urls.py), as
    Python-Markdown writes a link with ``{: .term }``, but without its
    tooltip: ``add_term_tips`` adds that to the finished page.
    """

    def __init__(self, linker, page: str, directory_urls: bool = True):
        self.linker = linker
        self.lang = linker.lang
        self.page = page
        self.directory_urls = directory_urls
        self._opening: dict[str, str] = {}  # term id -> its <a> tag on this page
        # every term page sits in the glossary folder: one relative address for the folder, per page
        self._glossary = relative_url(page, f"{GLOSSARY}/index.md", directory_urls).removesuffix("index.html")

    def markdown(self, text: str, section: str) -> str:
        parts = []
        for piece, ident in self.linker.link(text, section):
            if ident is None:
                parts.append(md_escape(piece))
                continue
            if ident not in self._opening:
                href = self._glossary + page_url(f"{ident}.md", self.directory_urls)
                self._opening[ident] = f'<a class="term" href="{href}">'
            parts.append(f"{self._opening[ident]}{md_escape(piece)}</a>")
        return "".join(parts)


_SENTENCE_END = {
    "zh": re.compile(r"(?<=[。！？])"),
    # a full stop followed by a space and a capital (or an opening quote): not "U.S.-led", not "2.5"
    "en": re.compile(r"(?<=[.!?])\s+(?=[A-Z“‘\"(])"),
}


def first_sentence(text: str, lang: str) -> str:
    """The first sentence of a definition: what a term's tooltip shows.

    A tooltip is read in passing, over the text; the whole definition, its
    context and the term's uses are one click away, on the term's page (the
    link itself). It also keeps the tooltips, repeated on every document
    page, to about half their bytes.

    >>> first_sentence("指国际冲突。中国官方文件主张对话。", "zh")
    '指国际冲突。'
    >>> first_sentence("The U.S.-led order, in 2.5 words. Official texts say so.", "en")
    'The U.S.-led order, in 2.5 words.'
    >>> first_sentence("One sentence only", "en")
    'One sentence only'
    """
    return _SENTENCE_END[lang].split(text, maxsplit=1)[0].strip()


def term_tips(terms, lang: str) -> dict[str, str]:
    """Term id -> the tooltip of its links on a page in ``lang``: the other language's headword and the definition's first sentence."""
    other = "zh" if lang == "en" else "en"
    return {t.id: html_attribute(f"{t.headword(other)} — {first_sentence(t.definition(lang), lang)}") for t in terms}


_TERM_LINK = re.compile(r'<a class="term" href="([^"]*?([a-z0-9-]+)(?:/|\.html))">')


def add_term_tips(html: str, tips: dict[str, str]) -> str:
    """Give the term links of a finished page their tooltips (``title``).

    The definitions in the tooltips make up a third of a document page's
    Markdown. Added to the finished page instead, they are not scanned by the
    HTML parsers of Markdown and MkDocs and by the search plugin, which index
    nothing of them: 12 s less in a build of 1,000 documents.

    >>> add_term_tips('<p><a class="term" href="../../glossary/gsi/">倡议</a></p>', {"gsi": "GSI — …"})
    '<p><a class="term" href="../../glossary/gsi/" title="GSI — …">倡议</a></p>'
    """

    if 'class="term"' not in html:
        return html

    def with_tip(link: re.Match) -> str:  # one pass over the page, not one per term
        tip = tips.get(link.group(2))
        return link.group(0) if tip is None else f'<a class="term" href="{link.group(1)}" title="{tip}">'

    return _TERM_LINK.sub(with_tip, html)


def shorten(text: str, limit: int = 150) -> str:
    """``text`` cut to ``limit`` characters with an ellipsis (search engines show about that much).

    >>> shorten("安全合作", 3)
    '安全…'
    """
    return text if len(text) <= limit else text[: limit - 1] + "…"


def description_of(entry: Entry, doc: Document, lang: str, limit: int = 150) -> str:
    """The meta description of a document's pages: what it is (catalog), then how it begins.

    Search results and link previews show it; the catalog part tells a reader
    whose text it is and when it appeared before the first paragraph does.
    """
    t = LABELS[lang]
    who = entry.author.get(lang) if entry.author else entry.base.source.get(lang)
    head = f"{entry.title.get(lang)}{t['open']}{who}{t['comma']}{entry.date}{t['close']}{t['colon']}"
    paras = doc.paragraphs()
    return shorten(head + (paras[0].text if paras else ""), limit)


def document_page(
    entry: Entry,
    doc: Document,
    lang: str,
    *,
    versions_md: str | None = None,
    others_md: str | None = None,
    parallel_md: str | None = None,
    variant_count: int = 0,
    translator: str | None = None,
    translation_note: str | None = None,
    classes: dict[str, str] | None = None,
    variant_ids: list[str] | None = None,
    terms: TermLinks | None = None,
    url: str = "",
    locs: dict[str, dict[str, str]] | None = None,
    handout: str = "",
    edition_note: str | None = None,
) -> str:
    """The page of one document: title, provenance block, then its blocks.

    On an English page ``translator`` (site / source) says whose English it is,
    over the text it translated only: a page with untranslated blocks says how
    many, and one with none translated says so instead.
    """
    t = LABELS[lang]
    untranslated = sum(1 for b in doc.blocks if b.lang != lang) if lang == "en" else 0
    if translator and untranslated == len(doc.blocks):
        translator = "none"
    provenance = _ENV.get_template("provenance.md").render(
        entry=entry,
        lang=lang,
        t=t,
        versions_md=versions_md,
        others_md=others_md,
        parallel_md=parallel_md,
        variant_count=variant_count,
        translator=translator,
        translation_note=translation_note,
        edition_note=edition_note,
        refs_md={"bib": f"{entry.slug}.bib", "ris": f"{entry.slug}.ris"},
        untranslated=t["untranslated_count"].format(n=untranslated, total=len(doc.blocks)) if 0 < untranslated < len(doc.blocks) else "",
    )
    title = entry.title.get(lang)
    # The marker's visible label comes from CSS (data-label), so it is not part of
    # the paragraph's text when it is copied, cited or indexed for search.
    marks = {
        ident: f'[]({versions_md}#v-{ident}){{: .variant-mark title="{t["variant_title"]}" aria-label="{t["variant_title"]}" data-label="{t["variant_mark"]}" }}'
        for ident in (variant_ids or [])
    }
    return (
        _front_matter(title, description_of(entry, doc, lang))
        + f"# {md_escape(title)}\n\n"
        + provenance
        + "\n"
        + render_blocks(doc.blocks, lang, classes, marks, terms)
        + "\n"
        + cite_data(entry, lang, translator, url, locs, handout)
    )


def cite_data(
    entry: Entry,
    lang: str,
    translator: str | None = None,
    url: str = "",
    locs: dict[str, dict[str, str]] | None = None,
    handout: str = "",
) -> str:
    """What the cite buttons (docs/assets/cite.js) need, as a JSON script block.

    ``url`` is the page's published address (``site_url`` + path, also in the
    offline bundle); ``locs`` the readable place of every id (citation.locators);
    the citations themselves are parts with placeholders (see citation.py).
    """
    work = work_of(entry, lang, translator)
    data = {
        "lang": lang,
        "title": work.title,
        "url": url,
        "translation": work.translated,
        "original_url": entry.base.url,
        "styles": citations(work),
        "locators": {ident: place[lang] for ident, place in (locs or {}).items()},
        "slug": entry.slug,
        "handout": handout,  # the handout page, relative to this page (see handout.py)
    }
    return f'<script type="application/json" id="cite-data">{script_json(data)}</script>\n'


def parallel_page(
    entry: Entry,
    zh: Document,
    en: Document,
    lang: str,
    page_md: str,
    classes: dict[str, str],
    translator: str | None = None,
    url: str = "",
    locs: dict[str, dict[str, str]] | None = None,
    handout: str = "",
    edition_note: str | None = None,
) -> str:
    """Chinese and English side by side: one row per block, linkable by the block id.

    Headings carry both languages in one heading (so the table of contents and
    the ids stay single); paragraphs are pairs of two columns.
    """
    t = LABELS[lang]
    title = t["parallel_title"].format(title=entry.title.get(lang))
    english = {b.id: b for b in en.blocks}
    labels = contents_labels(en.blocks if lang == "en" else zh.blocks, lang)
    parts = [_front_matter_excluded(title, shorten(f"{title}{t['colon']}{t['parallel_intro']}"))]
    parts.append(f"# {md_escape(title)}\n")
    parts.append(print_source(entry, lang, url))
    if edition_note:
        parts.append(f"**{t['edition']}**{t['colon']}{md_escape(edition_note)}\n{{: .prov-edition }}\n")
    parts.append(md_escape(t["parallel_intro"]) + f" [{t['back']}]({page_md})\n")
    parts.append('<div class="parallel" markdown>\n')
    for b in zh.blocks:
        e = english[b.id]
        zh_text = f'<span lang="zh-Hans">{md_escape(b.text)}</span>' if lang != "zh" else md_escape(b.text)
        en_text = md_escape(e.text) if e.lang == "en" else md_escape(t["not_translated"])
        en_span = f'<span lang="en">{en_text}</span>' if lang != "en" else en_text
        if b.kind == "heading":
            label = f' data-toc-label="{labels[b.id]}"' if b.id in labels else ""
            parts.append(f"{'#' * b.level} {zh_text} <span class=\"sep\">·</span> {en_span} {{: #{b.id}{label} }}\n")
            continue
        cls = f" {classes[b.id]}" if b.id in classes else ""
        parts.append(
            f'<div class="pair{cls}" id="{b.id}" markdown>\n'
            f'<a class="pair-id" href="#{b.id}">{b.id}</a>\n\n'
            f"{md_escape(b.text)}\n{{: .zh lang=\"zh-Hans\" }}\n\n"
            f"{en_text}\n{{: .en lang=\"en\" }}\n\n"
            "</div>\n"
        )
    parts.append("</div>\n")
    parts.append(cite_data(entry, lang, translator, url, locs, handout))
    return "\n".join(parts)


def print_source(entry: Entry, lang: str, url: str) -> str:
    """What a printed page says of its text, shown in print only: source, date, author and published address."""
    t = LABELS[lang]
    who = f"{t['author']}{t['colon']}{html_text(entry.author.get(lang))} · " if entry.author else ""
    return (
        f'<div class="print-source"><p>{who}{t["source"]}{t["colon"]}{html_text(entry.base.source.get(lang))} · '
        f'{t["date"]}{t["colon"]}{html_text(entry.date)}</p>'
        f'<p class="print-url">{html_text(url)}</p></div>\n'
    )


def _front_matter_excluded(title: str, description: str) -> str:
    """Front matter of a page kept out of the search index (its text is on another page)."""
    return front_matter(title=title, description=description, search={"exclude": True})


def documents_table(rows: list[dict], lang: str) -> str:
    """The list of documents (title, kind, date, source) for the home page.

    Each row is ``{"entry": Entry, "md": link to the page's Markdown file}``.
    """
    return _ENV.get_template("documents.md").render(rows=rows, lang=lang, t=LABELS[lang])


def versions_page(entry: Entry, compared: list[tuple[Entry, list[Variant]]] | list, lang: str, page_md: str) -> str:
    """The page listing where each other copy differs from the base text."""
    t = LABELS[lang]
    title = t["versions_title"].format(title=entry.title.get(lang))
    total = sum(len(v) for _, v in compared)
    parts = [_front_matter(title, shorten(f"{title}{t['colon']}{t['versions_desc'].format(n=len(entry.copies), total=total)}")), f"# {md_escape(title)}\n"]
    seen: set[str] = set()
    for copy, variants in compared:
        counts = {k: sum(1 for v in variants if v.kind == k) for k in ("wording", "punctuation", "missing", "extra")}
        counts["spans"] = sum(1 for v in variants for s in v.spans if s.kind == "punctuation")
        stem = safe_id(Path(copy.seed).stem.split("_", 1)[0])
        parts.append(f"## {md_escape(t['versions_copy'].format(source=copy.source.get(lang), date=copy.date))} {{: #copy-{stem} }}\n")
        parts.append(md_escape(t["versions_intro"].format(n=len(entry.copies), **counts)) + "\n")
        if variants:
            rows = []
            for v in variants:  # the first table that lists a block owns its plain anchor
                rows.append((v, f"v-{v.id}" if v.id not in seen else f"v-{v.id}-{stem}"))
                seen.add(v.id)
            parts.append(_ENV.get_template("variants.md").render(variants=rows, t=t, page_md=page_md))
        else:
            parts.append(t["versions_none"] + "\n")
    parts.append(f"[{t['back']}]({page_md})\n")
    return "\n".join(parts)


def others_page(
    entry: Entry,
    sections: list[tuple[str, Document]],
    lang: str,
    page_md: str,
    classes: dict[str, str] | None = None,
    terms: TermLinks | None = None,
) -> str:
    """The page of other items printed with a document (prefaces, trailing news)."""
    t = LABELS[lang]
    title = t["others_title"].format(title=entry.title.get(lang))
    intro = t["others_intro"].format(title=entry.title.get(lang))
    parts = [_front_matter(title, shorten(intro)), f"# {md_escape(title)}\n", md_escape(t["others_intro"].format(title=entry.title.get(lang))) + "\n"]
    for heading, doc in sections:
        parts.append(f"## {md_escape(heading)}\n")
        parts.append(render_blocks([_demote(b) for b in doc.blocks], lang, classes, None, terms))
    parts.append(f"[{t['back']}]({page_md})\n")
    return "\n".join(parts)


def _demote(block: Block) -> Block:
    """Headlines of other items sit one level under the copy's heading."""
    if block.kind != "heading":
        return block
    return Block(block.kind, block.id, block.text, min(block.level + 1, 6), block.lang, block.line, block.role)
