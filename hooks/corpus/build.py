"""Run every stage for the whole corpus and write the generated Markdown pages.

``build_corpus`` is pure: seeds folder in, a ``Corpus`` (pages as text, plus
what the tests and later stages need) out. ``write_pages`` then writes the
pages under ``docs/texts/`` only when all documents succeeded, and only the
files whose content changed (so ``mkdocs serve`` does not rebuild in a loop).
"""

from __future__ import annotations

import functools
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from . import ownwrites, registry
from .catalog import Copy, Entry, load_catalog
from .refs import bibtex, file_name, ris
from .handout import HANDOUT_MD, PASSAGES, passages, passages_js
from .urls import relative_url
from .citation import access_date, examples_markdown, locators, work_of
from .clean import Cleaned, clean_seed
from .render import LABELS, document_page, documents_table, others_page, parallel_page, versions_page
from .seedfile import read_seed
from .structure import Block, Document, structure
from .glossary import Linker, Term, load_glossary
from .termcheck import check_documents, load_termbase
from .glossary_pages import GLOSSARY, USES_MARKER, check_first_use, check_references, glossary_pages
from .render import TermLinks, add_term_tips, safe_id, term_tips
from .translations import Coverage, Translation, aligned_from_source, english, load_for
from .variants import Variant, compare
from . import hant
from .hant import HANT, SUFFIX

#: Folder under docs/ that holds generated pages (git-ignored).
GENERATED = "texts"
#: The passage the "How to cite" page cites in every style.
EXAMPLE_SLUG, EXAMPLE_ID = "global-security-initiative-concept-paper", "s3-12-p1"
#: The published address when none is configured (mkdocs.yml's default for SITE_URL).
DEFAULT_SITE_URL = "https://example.org/"


def published_url(site_url: str, lang: str, path: str) -> str:
    """The published address of a page (``path`` from the site root, with directory URLs) in ``lang``.

    The same in the offline bundle: a citation or a link copied from disk names the site.

    >>> published_url("https://example.org/repo", "en", "texts/a/")
    'https://example.org/repo/en/texts/a/'
    """
    return site_url.rstrip("/") + "/" + edition_prefix(lang) + path


def edition_prefix(lang: str) -> str:
    """The folder of an edition in the site: none for the simplified original, ``en/``, ``zh-Hant/``.

    >>> [edition_prefix(x) for x in ("zh", "en", "zh-Hant")]
    ['', 'en/', 'zh-Hant/']
    """
    return "" if lang == "zh" else f"{lang}/"


#: The editions of every page: (language, file suffix). The traditional edition's pages are the
#: simplified ones converted (hant.py); its language is zh-Hant, its labels the simplified ones converted.
EDITIONS = (("zh", ""), (HANT, SUFFIX), ("en", ".en"))


@dataclass
class DocumentBuild:
    """Everything built for one catalog entry."""

    entry: Entry
    doc: Document
    cleaned: dict[str, Cleaned]  # by seed file name
    copies: dict[str, Document]  # structured body of every copy, by seed
    compared: list[tuple[Copy, list[Variant]]] = field(default_factory=list)
    others: list[tuple[Copy, str, Document]] = field(default_factory=list)  # (copy, "preface"/"trailer", doc)
    source_en: Document | None = None  # the English half printed in the seed, if any
    auto_aligned: bool = False  # its English half aligned by the build (no translation file yet)
    translation: Translation | None = None
    en_doc: Document | None = None
    en_others: list[Document] = field(default_factory=list)
    coverage: Coverage | None = None

    @property
    def url(self) -> str:
        return f"{GENERATED}/{self.entry.slug}/"

    @property
    def others_url(self) -> str | None:
        return f"{self.url}others/" if self.others else None

    @property
    def versions_url(self) -> str | None:
        return f"{self.url}versions/" if len(self.entry.copies) > 1 else None


@dataclass
class Corpus:
    documents: list[DocumentBuild]
    pages: dict[str, str]  # path under docs/ -> Markdown
    terms: list[Term] = field(default_factory=list)
    fragments: dict[str, str] = field(default_factory=dict)  # path under docs/ -> HTML for its marker
    tips: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> term id -> tooltip
    findings: list = field(default_factory=list)  # of the terminology check (termcheck.py)
    site_url: str = DEFAULT_SITE_URL
    exceptions: tuple = ()  # the traditional edition's reviewed exceptions (hant.py)
    hant_edition: bool = True  # whether the traditional edition's pages were made

    def finisher(self) -> "Finisher":
        """What the rest of the build needs from the corpus, once its pages are written."""
        return Finisher(
            [d.entry for d in self.documents], self.fragments, self.tips, self.cite_examples(), self.exceptions, self.hant_edition
        )

    def cite_examples(self, slug: str = EXAMPLE_SLUG, ident: str = EXAMPLE_ID) -> dict[str, str]:
        """Language -> the Markdown of the "How to cite" page's examples: a passage of this site in every style."""
        found = [d for d in self.documents if d.entry.slug == slug and ident in d.doc.ids()]
        if not found:
            return {}
        d = found[0]
        translator = d.translation.translator if d.translation else "site"
        place = locators(d.doc.blocks, d.en_doc.blocks if d.en_doc else None)[ident]
        out = {
            lang: examples_markdown(
                work_of(d.entry, lang, translator if lang == "en" else None), ident, place[lang],
                published_url(self.site_url, lang, d.url), access_date(),
            )
            for lang in ("zh", "en")
        }
        if not self.hant_edition:
            return out
        hant_url = published_url(self.site_url, HANT, d.url)
        out[HANT] = hant.convert_markdown(
            examples_markdown(work_of(d.entry, "zh"), ident, place["zh"], hant_url, access_date()), self.exceptions
        )
        return out

    def published(self) -> dict[str, list[str]]:
        """Page URL -> ids, for the register of published addresses."""
        out: dict[str, list[str]] = {}
        for prefix in ("", f"{HANT}/", "en/"):
            for d in self.documents:
                out[prefix + d.url] = d.doc.ids()
                out[f"{prefix}{d.url}parallel/"] = d.doc.ids()
                if d.others:
                    out[prefix + d.others_url] = [b.id for _, _, doc in d.others for b in doc.blocks]
        return out


@dataclass
class Finisher:
    """The part of a corpus that the build's later events use: catalog entries, fragments, tooltips.

    The hook keeps this instead of the whole corpus (every document's cleaned
    copies, blocks and Markdown) while MkDocs renders the pages: at 1,000
    documents the build's peak memory went from 875 MB to 650 MB.
    """

    entries: list[Entry]
    fragments: dict[str, str] = field(default_factory=dict)  # path under docs/ -> HTML for its marker
    tips: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> term id -> tooltip
    cite_examples: dict[str, str] = field(default_factory=dict)  # language -> Markdown (see Corpus.cite_examples)
    exceptions: tuple = ()  # the traditional edition's (hant.py)
    hant_edition: bool = True  # whether the site builds the traditional edition

    def finish_page(self, src_uri: str, html: str) -> str:
        """The finished HTML of a page: its fragment in place of the marker (see glossary_pages)
        and the tooltips of its term links (see render.add_term_tips)."""
        fragment = self.fragments.get(src_uri)
        if fragment is not None:
            html = html.replace(USES_MARKER, fragment, 1)
        return add_term_tips(html, self.tips.get(page_language(src_uri), {}))

    def home_table(self, lang: str, prefix: str = "") -> str:
        rows = [{"entry": e, "md": f"{prefix}{GENERATED}/{e.slug}/index.md"} for e in self.entries]
        return documents_table(rows, lang)


def page_language(src_uri: str) -> str:
    """The edition of a page by its file name: ``zh`` (``x.md``), ``en`` (``x.en.md``) or ``zh-Hant`` (``x.zh-Hant.md``).

    >>> [page_language(x) for x in ("texts/a/index.md", "about.en.md", "glossary/gsi.zh-Hant.md")]
    ['zh', 'en', 'zh-Hant']
    """
    if src_uri.endswith(".en.md"):
        return "en"
    if src_uri.endswith(f"{SUFFIX}.md"):
        return HANT
    return "zh"


def _prefixed(doc: Document, prefix: str) -> Document:
    """The same blocks with ids under ``prefix`` (items from several copies share a page)."""
    blocks = tuple(Block(b.kind, f"{prefix}-{b.id}", b.text, b.level, b.lang, b.line, b.role) for b in doc.blocks)
    return Document(doc.slug, blocks)


def split_languages(doc: Document) -> tuple[Document, Document | None]:
    """The Chinese text, and the English half a bilingual seed prints after it.

    The China Keywords entry (000) prints its own English version; it becomes
    the English page (aligned in the translation file), not part of the Chinese one.
    """
    zh = tuple(b for b in doc.blocks if b.lang == "zh")
    en = tuple(b for b in doc.blocks if b.lang == "en")
    return Document(doc.slug, zh), (Document(doc.slug, en) if en else None)


def author_name(entry: Entry) -> str | None:
    """The author's name as a byline starts with it: the catalog's author without the affiliation
    in brackets (``杨守征（…特约研究员）`` -> ``杨守征``); None when the catalog names no author.

    A copy's own ``byline`` (the catalog) wins; without one, a line under the title that starts with
    the author's name is the byline, furniture like the source line.
    """
    if entry.author is None or not entry.author.zh:
        return None
    name = re.split(r"[（(，,]", entry.author.zh, maxsplit=1)[0].strip()
    return name if len(name) >= 2 else None


def build_document(entry: Entry, seeds_dir: Path) -> DocumentBuild:
    cleaned: dict[str, Cleaned] = {}
    copies: dict[str, Document] = {}
    for copy in entry.copies:
        text = read_seed(seeds_dir / copy.seed, f"{seeds_dir.name}/{copy.seed}", inside=seeds_dir)
        c = clean_seed(
            text,
            f"{seeds_dir.name}/{copy.seed}",
            title=copy.title,
            doc_title=entry.title.zh,
            byline=copy.byline or author_name(entry),
            body_start=copy.body_start,
            body_end=copy.body_end,
        )
        cleaned[copy.seed] = c
        copies[copy.seed] = structure(entry.slug, c.body, leads=entry.leads)
    base, source_en = split_languages(copies[entry.base.seed])
    result = DocumentBuild(entry=entry, doc=base, cleaned=cleaned, copies=copies, source_en=source_en)
    for copy in entry.copies[1:]:
        result.compared.append((copy, compare(result.doc, copies[copy.seed], copy.seed)))
    for copy in entry.copies:
        stem = safe_id(Path(copy.seed).stem.split("_", 1)[0])
        c = cleaned[copy.seed]
        if c.preface:
            result.others.append((copy, "preface", _prefixed(structure(entry.slug, c.preface), f"intro-{stem}")))
        if c.trailer:
            result.others.append((copy, "trailer", _prefixed(structure(entry.slug, c.trailer), f"printed-{stem}")))
    return result


def attach_english(d: DocumentBuild, seeds_dir: Path) -> None:
    """Align the English translation file with the document and its other items."""
    d.translation = load_for(seeds_dir, d.entry.slug)
    d.coverage = Coverage(slug=d.entry.slug)
    docs = [d.doc] + [doc for _, _, doc in d.others]
    if d.translation is None and d.source_en is not None:
        # a bilingual seed without its translation file: its own English, aligned by length, is the
        # English page until `python -m corpus translations` writes the alignment for review
        d.translation = aligned_from_source(d.entry.slug, docs, d.source_en)
        d.auto_aligned = True
    en_docs = english(docs, d.translation, d.coverage, d.source_en)
    d.en_doc, d.en_others = en_docs[0], en_docs[1:]


def _classes(coverage: Coverage | None) -> dict[str, str]:
    """CSS classes that mark stale and missing English blocks."""
    if coverage is None:
        return {}
    return {**{i: "stale" for i in coverage.stale}, **{i: "missing" for i in coverage.missing}}


def term_linkers(terms: list[Term]) -> dict[str, Linker]:
    """One linker per language for the whole build (its automaton is built once)."""
    return {lang: Linker(terms, lang) for lang in ("zh", "en")}


def page_links(linkers: dict[str, Linker], lang: str, page: str, directory_urls: bool = True) -> TermLinks:
    """The term links of one document page (its path under docs/): "first occurrence per section" is per page."""
    return TermLinks(linkers[lang].fresh(), page, directory_urls)


def _same(text: str) -> str:
    return text


def render_document(
    d: DocumentBuild,
    terms: list[Term] | None = None,
    linkers: dict[str, Linker] | None = None,
    directory_urls: bool = True,
    site_url: str = DEFAULT_SITE_URL,
    exceptions: tuple = (),
    hant_edition: bool = True,
) -> dict[str, str]:
    """The Markdown pages of one document in every edition, keyed by path under docs/.

    Default-language (Chinese) pages are ``name.md``; English pages ``name.en.md``
    (the suffix structure of mkdocs-static-i18n); traditional ones ``name.zh-Hant.md``, the
    simplified pages converted (``exceptions``: hant.py). ``linkers`` (from
    ``term_linkers``) are made from ``terms`` when not given; ``directory_urls``
    is MkDocs' setting, for the addresses of the term links.
    """
    base = f"{GENERATED}/{d.entry.slug}"
    classes = _classes(d.coverage)
    translator = d.translation.translator if d.translation else "site"
    pages: dict[str, str] = {}
    if terms and linkers is None:
        linkers = term_linkers(terms)

    def links(lang: str, page: str) -> TermLinks | None:
        return page_links(linkers, lang, f"{base}/{page}", directory_urls) if terms else None

    locs = locators(d.doc.blocks, d.en_doc.blocks if d.en_doc else None)
    editions = EDITIONS if hant_edition else tuple(e for e in EDITIONS if e[0] != HANT)
    urls = {lang: published_url(site_url, lang, d.url) for lang, _ in editions}
    pages[f"{base}/{PASSAGES}"] = passages_js(passages(d, urls, exceptions))
    handout = {page: relative_url(f"{base}/{page}", HANDOUT_MD, directory_urls) for page in ("index.md", "parallel.md")}
    zh_others = [o for _, _, o in d.others]
    for edition, suffix in editions:
        # the traditional edition: the simplified pages, with the edition's addresses, converted
        lang, doc, others = ("en", d.en_doc, d.en_others) if edition == "en" else ("zh", d.doc, zh_others)
        convert = functools.partial(hant.convert_markdown, exceptions=exceptions) if edition == HANT else _same
        convert_text = functools.partial(hant.to_traditional, exceptions=exceptions) if edition == HANT else _same
        t = LABELS[lang]
        published = urls[edition]
        pages[f"{base}/index{suffix}.md"] = convert(document_page(
            d.entry,
            doc,
            lang,
            versions_md="versions.md" if d.versions_url else None,
            others_md="others.md" if d.others else None,
            parallel_md="parallel.md",
            variant_count=sum(len(v) for _, v in d.compared),
            translator=translator if lang == "en" else None,
            translation_note=d.translation.note if lang == "en" and d.translation else None,
            classes=classes if lang == "en" else None,
            variant_ids=sorted({v.id for _, vs in d.compared for v in vs}, key=d.doc.ids().index)
            if d.versions_url
            else None,
            terms=links(lang, "index.md"),
            url=published,
            locs=locs,
            handout=handout["index.md"],
            edition_note=t["edition_note"] if edition == HANT else None,
        ))
        work = work_of(d.entry, lang, translator if lang == "en" else None)
        pages[f"{base}/{file_name(d.entry.slug, 'bib').replace('.bib', suffix + '.bib')}"] = convert_text(bibtex(work, d.entry.slug, published, d.entry.title.zh))
        pages[f"{base}/{file_name(d.entry.slug, 'ris').replace('.ris', suffix + '.ris')}"] = convert_text(ris(work, published, d.entry.title.zh))
        pages[f"{base}/parallel{suffix}.md"] = convert(parallel_page(
            d.entry, d.doc, d.en_doc, lang, "index.md", classes, translator if lang == "en" else None, published + "parallel/", locs, handout["parallel.md"],
            edition_note=t["edition_note"] if edition == HANT else None,
        ))
        if d.versions_url:
            pages[f"{base}/versions{suffix}.md"] = convert(versions_page(d.entry, d.compared, lang, "index.md"))
        if d.others:
            sections = [
                (t[f"others_{where}"].format(source=copy.source.get(lang)), doc_)
                for (copy, where, _), doc_ in zip(d.others, others)
            ]
            pages[f"{base}/others{suffix}.md"] = convert(others_page(
                d.entry, sections, lang, "index.md", classes if lang == "en" else None, links(lang, "others.md")
            ))
    return pages


def build_corpus(seeds_dir: Path, directory_urls: bool = True, site_url: str = DEFAULT_SITE_URL, hant_edition: bool = True) -> Corpus:
    """Read the catalog and every seed; return all generated pages (nothing written).

    ``hant_edition``: with the traditional edition's pages (false when the site does not build it).

    ``directory_urls`` is MkDocs' ``use_directory_urls`` (false for the offline
    bundle): the links written as HTML need the pages' final addresses.
    """
    seeds_dir = Path(seeds_dir)
    entries = load_catalog(seeds_dir)
    documents = [build_document(e, seeds_dir) for e in entries]
    for d in documents:
        attach_english(d, seeds_dir)
    glossary_dir = seeds_dir.parent / "glossary"
    terms = load_glossary(glossary_dir)
    exceptions = hant.load_exceptions(seeds_dir.parent / hant.EXCEPTIONS_FILE, f"{glossary_dir.name}/{hant.EXCEPTIONS_FILE.name}")
    check_references(terms, documents, f"{glossary_dir.name}/terms.yaml")
    pages: dict[str, str] = {}
    linkers = term_linkers(terms)
    if terms:
        check_first_use(terms, documents, linkers["zh"], f"{glossary_dir.name}/terms.yaml")
    for d in documents:
        pages.update(render_document(d, terms, linkers, directory_urls, site_url, exceptions, hant_edition))
    glossary, fragments = glossary_pages(terms, documents, linkers, directory_urls)
    if hant_edition:
        glossary, fragments = hant_twins(glossary, exceptions), hant_twins(fragments, exceptions, markdown=False)
    pages.update(glossary)
    tips = {lang: term_tips(terms, lang) for lang in ("zh", "en")}
    if hant_edition:
        tips[HANT] = {ident: hant.to_traditional(tip, exceptions) for ident, tip in tips["zh"].items()}
    # CORPUS_TERMCHECK=0 turns the terminology check off, for generated corpora only (the benchmark's
    # glossaries pair Chinese and English phrases at random: every block would be a finding)
    check_terms = terms and os.environ.get("CORPUS_TERMCHECK", "1") != "0"
    findings = check_documents(documents, terms, linkers, load_termbase(glossary_dir)) if check_terms else []
    return Corpus(
        documents=documents, pages=pages, terms=terms, fragments=fragments, tips=tips, findings=findings, site_url=site_url,
        exceptions=exceptions, hant_edition=hant_edition,
    )


def hant_twins(pages: dict[str, str], exceptions: tuple = (), *, markdown: bool = True) -> dict[str, str]:
    """``pages`` with a traditional twin of every simplified page (``x.md`` -> ``x.zh-Hant.md``), converted.

    Pages whose addresses do not depend on the edition (the glossary's links are relative) are
    converted as they are; ``markdown=False`` converts HTML fragments (no heading ids to keep).
    """
    out = dict(pages)
    for path, text in pages.items():
        if path.endswith(".md") and page_language(path) == "zh":
            twin = path[: -len(".md")] + f"{SUFFIX}.md"
            out[twin] = hant.convert_markdown(text, exceptions) if markdown else hant.to_traditional(text, exceptions)
    return out


#: The hand-written pages (docs/), whose traditional twins the build writes (git-ignored).
HANDWRITTEN = ("index.md", "about.md", "cite.md", "handout.md")


def handwritten_twins(docs_dir: Path, exceptions: tuple = ()) -> dict[str, str]:
    """The traditional twins of the hand-written simplified pages of ``docs_dir`` (path under docs/ -> Markdown)."""
    pages = {}
    for name in HANDWRITTEN:
        source = Path(docs_dir) / name
        if source.is_file():
            pages[name] = source.read_text(encoding="utf-8")
    return {k: v for k, v in hant_twins(pages, exceptions).items() if k not in pages}


def write_pages(pages: dict[str, str], docs_dir: Path, roots: tuple[str, ...] = (GENERATED, GLOSSARY)) -> int:
    """Make the generated folders of ``docs_dir`` hold exactly ``pages``; return how many files changed.

    Each file is written to a temporary name and renamed, so a reader (or
    ``mkdocs serve``) never sees half a page; unchanged files are not touched.
    """
    changed = 0
    for rel, text in sorted(pages.items()):
        path = Path(docs_dir) / rel
        data = text.encode("utf-8")
        if path.exists() and path.read_bytes() == data:
            continue
        ownwrites.write_atomically(path, data, suffix=".md")  # mkdocs serve: not an author's save
        changed += 1
    wanted = {Path(docs_dir) / rel for rel in pages}
    for root in (Path(docs_dir) / r for r in roots):
        if not root.exists():
            continue
        for path in sorted(root.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                ownwrites.remove(path)
                changed += 1
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()
    return changed


def check_register(corpus: Corpus, seeds_dir: Path, redirect_maps: dict[str, str] | None = None) -> list[str]:
    """Stop if a published address disappeared; return the new, unregistered ones."""
    path = Path(seeds_dir) / registry.REGISTER_NAME
    register = registry.load_register(path)
    current = corpus.published()
    redirected = registry.redirected_urls(redirect_maps or {})
    registry.check(register, current, f"{Path(seeds_dir).name}/{registry.REGISTER_NAME}", redirected)
    return registry.new_ids(register, current)
