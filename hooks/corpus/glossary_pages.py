"""Glossary pages: an index per language and a page per term with its concordance.

The concordance lists every paragraph of every document where a term occurs
(any of its forms, in the page's language), with a snippet and a link to the
paragraph id. Pages are generated into ``docs/glossary/`` (git-ignored).
"""

from __future__ import annotations

from dataclasses import dataclass

from .glossary import Linker, Term
from .render import GLOSSARY, LABELS, _ENV, _front_matter, html_text, md_escape, shorten
from .urls import relative_url


# The glossary's labels are with the pages' (strings/<language>.yaml, section "pages").


@dataclass(frozen=True)
class Use:
    slug: str
    title: str
    id: str
    snippet: str


def snippet(text: str, start: int, end: int, width: int = 24) -> str:
    """The match with a little context on both sides.

    >>> snippet("甲乙丙丁戊己庚辛", 3, 5, width=2)
    '…乙丙丁戊己庚…'
    """
    left = max(0, start - width)
    right = min(len(text), end + width)
    return ("…" if left else "") + text[left:right] + ("…" if right < len(text) else "")


def concordance(terms: list[Term], documents, lang: str, linker: Linker | None = None) -> dict[str, list[Use]]:
    """Term id -> every paragraph (in ``lang``) that uses the term (``linker``: the build's, if made)."""
    linker = linker or Linker(terms, lang)
    uses: dict[str, list[Use]] = {t.id: [] for t in terms}
    for d in documents:
        doc = d.doc if lang == "zh" else d.en_doc
        title = d.entry.title.get(lang)
        for b in doc.paragraphs():
            if b.lang != lang:
                continue
            first: dict[str, tuple[int, int]] = {}
            for start, end, ident in linker.matches(b.text):
                first.setdefault(ident, (start, end))
            for ident, (start, end) in first.items():
                uses[ident].append(Use(d.entry.slug, title, b.id, snippet(b.text, start, end)))
    return uses


def uses_html(uses: list[Use], href, t: dict[str, str]) -> str:
    """The list of a term's uses, as it goes on the finished term page.

    Plain string joins, not a template: at 1,000 documents the term pages list
    200,000 uses, and a Jinja loop over them took a second of the build.

    >>> print(uses_html([Use("a", "标题 <1>", "s1-p2", "…安全…")], lambda u: f"../../texts/{u.slug}/#{u.id}", {"colon": "：", "no_uses": "无"}))
    <ul>
    <li><a href="../../texts/a/#s1-p2">标题 &lt;1&gt; · s1-p2</a>：…安全…</li>
    </ul>
    >>> uses_html([], None, {"colon": "：", "no_uses": "无"})
    '<p>无</p>'
    """
    if not uses:
        return f"<p>{t['no_uses']}</p>"
    colon = t["colon"]
    items = [f'<li><a href="{href(u)}">{html_text(u.title)} · {u.id}</a>{colon}{html_text(u.snippet)}</li>\n' for u in uses]
    return "<ul>\n" + "".join(items) + "</ul>"


#: Stands in a term page's Markdown where its list of uses goes on the finished page.
USES_MARKER = "<!-- corpus:uses -->"


def glossary_pages(
    terms: list[Term], documents, linkers: dict[str, Linker] | None = None, directory_urls: bool = True
) -> tuple[dict[str, str], dict[str, str]]:
    """Markdown of the glossary index and term pages, both languages, and each term page's list of uses.

    The list of uses (HTML, by page path) replaces ``USES_MARKER`` on the
    finished page (the hook's ``on_post_page``). It needs neither Markdown nor
    the search index (it only repeats the documents' paragraphs), and it grows
    with the corpus: at 1,000 documents a term page lists a thousand
    paragraphs, and Markdown, MkDocs and the search plugin each parsed every
    tag of them, a third of the build. ``linkers`` are the build's, by
    language; ``directory_urls`` is MkDocs' setting, for the links' addresses.
    """
    if not terms:
        return {}, {}
    fragments: dict[str, str] = {}
    to_document: dict[str, str] = {}  # slug -> address of the document from a term page

    def href(use: Use) -> str:
        if use.slug not in to_document:
            to_document[use.slug] = relative_url(f"{GLOSSARY}/term.md", f"texts/{use.slug}/index.md", directory_urls)
        return f"{to_document[use.slug]}#{use.id}"
    by_id = {t.id: t for t in terms}
    pages: dict[str, str] = {}
    titles = {d.entry.slug: d.entry.title for d in documents}
    for lang, suffix in (("zh", ""), ("en", ".en")):
        t = LABELS[lang]
        other = "en" if lang == "zh" else "zh"
        other_tag = "en" if other == "en" else "zh-Hans"
        uses = concordance(terms, documents, lang, (linkers or {}).get(lang))
        for term in terms:
            source = None
            if term.defined_in and "#" in term.defined_in:
                slug, ident = term.defined_in.split("#", 1)
                if slug in titles:
                    source = {"slug": slug, "id": ident, "title": titles[slug].get(lang)}
            body = _ENV.get_template("term.md").render(
                term=term,
                lang=lang,
                other=other,
                other_tag=other_tag,
                t=t,
                related=[by_id[r] for r in term.related],
                source=source,
                uses=uses[term.id],
                marker=USES_MARKER,
            )
            title = f"{term.headword(lang)} {term.headword(other)}"
            path = f"{GLOSSARY}/{term.id}{suffix}.md"
            pages[path] = _front_matter(title, shorten(f"{term.headword(lang)}{LABELS[lang]['colon']}{term.definition(lang)}")) + body
            fragments[path] = uses_html(uses[term.id], href, t)
        ordered = sorted(terms, key=lambda x: x.sort_key(lang))
        rows = [f"| {t['term_col']} | {t['en_col'] if lang == 'en' else t['pinyin']} | {t['uses_col']} |", "| --- | --- | --- |"]
        for term in ordered:
            second = f'<span lang="zh-Hans">{md_escape(term.zh)}</span>' if lang == "en" else md_escape(term.pinyin)
            label = md_escape(term.headword(lang))
            if lang == "zh":
                label += f' <span lang="en">{md_escape(term.en)}</span>'
            rows.append(f"| [{label}]({term.id}.md) | {second} | {len(uses[term.id])} |")
        pages[f"{GLOSSARY}/index{suffix}.md"] = (
            _front_matter(t["glossary_title"], shorten(t["glossary_intro"]))
            + f"# {t['glossary_title']}\n\n{md_escape(t['glossary_intro'])}\n\n"
            + "\n".join(rows)
            + "\n"
        )
    return pages, fragments


def check_references(terms: list[Term], documents, shown_as: str) -> None:
    """Every ``defined_in`` names an existing document paragraph."""
    from .errors import CorpusError

    ids = {d.entry.slug: set(d.doc.ids()) for d in documents}
    for term in terms:
        if not term.defined_in:
            continue
        slug, _, ident = term.defined_in.partition("#")
        if slug not in ids or ident not in ids[slug]:
            raise CorpusError(shown_as, f"defined_in {term.defined_in!r} is not a paragraph of a document", term.line, term=term.id)


def check_first_use(terms: list[Term], documents, linker: Linker, shown_as: str) -> None:
    """Every ``defined_in`` ("first used in" on the term's page) is the first paragraph of its
    document, in reading order, that uses the term (its Chinese headword or an alias): a page that
    says "first used" must not point a reader past an earlier use."""
    from .errors import CorpusError

    wanted = {t.id: t.defined_in.partition("#") for t in terms if t.defined_in}
    first: dict[str, str] = {}
    for d in documents:
        slugged = {ident for ident, (slug, _, _) in wanted.items() if slug == d.entry.slug}
        if not slugged:
            continue
        for b in d.doc.paragraphs():
            for _, _, ident in linker.matches(b.text):
                if ident in slugged and ident not in first:
                    first[ident] = b.id
    for term in terms:
        if term.id not in wanted:
            continue
        slug, _, ident = wanted[term.id]
        found = first.get(term.id)
        if found is None:
            raise CorpusError(shown_as, f"defined_in {term.defined_in!r}: the term does not occur in {slug}", term.line, term=term.id)
        if found != ident:
            raise CorpusError(shown_as, f"defined_in {term.defined_in!r} is not the term's first use in {slug}: it is first used in {slug}#{found}", term.line, term=term.id)
