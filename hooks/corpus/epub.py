"""A paper (``papers.Paper``) as an EPUB 3 book: plain data in, bytes out.

Written directly with ``zipfile`` (an EPUB is a zip of a few XHTML and XML
files): a library such as ebooklib stamps the clock into the package and its
zip entries, and we need the same bytes from the same commit. Here:

* ``mimetype`` first and stored, then every entry in a fixed order with a
  fixed timestamp;
* the identifier is a UUID derived from the document's address and language
  (``uuid5``), and ``dcterms:modified`` is the document's own date;
* ``lang`` and ``xml:lang`` on every element of every page, so a reading
  system knows the language of every piece of text, the parallel labels too;
* the provenance on a title page, the navigation document made from the
  headings, every heading and paragraph keeping its permanent id as anchor.

Text is escaped with ``xml.sax.saxutils`` wherever it lands (element text and
attribute values).
"""

from __future__ import annotations

import io
import uuid
import zipfile
from xml.sax.saxutils import escape, quoteattr

from .papers import PAPER_LABELS, Paper, lang_tag

#: Timestamp of every zip entry (zip cannot store earlier than 1980).
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="EPUB/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""

STYLE = """body { font-family: serif; line-height: 1.6; }
h1 { font-size: 1.5em; }
.facts p { margin: 0.2em 0; }
.note { font-size: 0.85em; }
.pid { font-size: 0.7em; color: #555; margin-right: 0.5em; }
.untranslated-label { font-size: 0.8em; color: #555; }
"""


class _Page:
    """Writes elements that all carry ``lang`` and ``xml:lang`` (the EPUB's rule here: on every element)."""

    def __init__(self, lang: str):
        self.lang = lang_tag(lang)

    def el(self, tag: str, content: str = "", lang: str | None = None, **attrs: str) -> str:
        """``<tag lang=… xml:lang=… attrs>content</tag>``; ``content`` is markup already escaped."""
        code = lang_tag(lang) if lang else self.lang
        pairs = [("lang", code), ("xml:lang", code)] + [(k.rstrip("_").replace("__", ":"), v) for k, v in attrs.items()]
        attr = "".join(f" {k}={quoteattr(v)}" for k, v in pairs)
        return f"<{tag}{attr}>{content}</{tag}>"

    def document(self, title: str, body: str) -> str:
        """A complete XHTML content document."""
        ns = ' xmlns:epub="http://www.idpf.org/2007/ops"'
        both = f'lang="{self.lang}" xml:lang="{self.lang}"'
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
            f'<html xmlns="http://www.w3.org/1999/xhtml"{ns} lang="{self.lang}" xml:lang="{self.lang}">'
            f'<head {both}><meta {both} charset="utf-8"/>'
            f"{self.el('title', escape(title))}"
            f'<link {both} rel="stylesheet" type="text/css" href="style.css"/></head>'
            f"{self.el('body', body)}</html>\n"
        )


def identifier(paper: Paper) -> str:
    """The book's fixed identifier: a UUID derived from its address and language.

    >>> from corpus.papers import Paper
    >>> p = Paper("a", "zh", "t", None, "2023-01-01", "x", "s", "https://e.org/texts/a/", None, "site", (), ())
    >>> identifier(p)
    'urn:uuid:a923e13a-9085-5d75-876b-ce09c47e309b'
    """
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"{paper.address}#epub-{paper.lang}"))


def title_page(paper: Paper) -> str:
    """The provenance: title, every fact, the published address as a link, and what the ids are."""
    page = _Page(paper.lang)
    labels = PAPER_LABELS[paper.main_lang]
    stop = "." if paper.main_lang == "en" else "。"
    rows = []
    for fact in paper.facts:
        text = page.el("a", escape(fact.text), fact.lang, href=fact.url) if fact.url else escape(fact.text)
        colon = ": " if fact.lang == "en" else "："
        rows.append(page.el("p", page.el("b", escape(fact.label), fact.lang) + colon + text, fact.lang))
    body = page.el(
        "section",
        page.el("h1", escape(paper.title))
        + page.el("div", "".join(rows), class_="facts")
        + page.el("p", escape(labels["ids"] + stop + " " + labels["made"].format(site=paper.site) + stop), class_="note"),
        epub__type="titlepage",
        id="title",
    )
    return page.document(paper.title, body)


def text_page(paper: Paper) -> str:
    """The text: headings and paragraphs with their permanent ids as anchors (and links to the site)."""
    page = _Page(paper.lang)
    parts = [page.el("h1", escape(paper.title), id="top")]
    for line in paper.lines:
        pid = page.el("a", escape(line.id), "en", class_="pid", href=paper.anchor(line.id))
        if line.kind == "heading":
            level = max(2, min(line.level, 4))
            parts.append(page.el(f"h{level}", escape(line.text), line.lang, id=line.id))
            continue
        label = ""
        if line.untranslated:
            label = page.el("span", escape(PAPER_LABELS["en"]["untranslated"]) + ": ", "en", class_="untranslated-label")
        parts.append(page.el("p", pid + label + page.el("span", escape(line.text), line.lang), line.lang, id=line.id))
    return page.document(paper.title, page.el("section", "".join(parts)))


def _tree(paper: Paper, page: _Page) -> list:
    """The headings as a tree: ``[(link, children), …]``, a heading under the last one of a higher level."""
    root: list = []
    stack = [(1, root)]
    for line in paper.lines:
        if line.kind != "heading":
            continue
        level = max(2, min(line.level, 4))
        while stack[-1][0] >= level:
            stack.pop()
        node = (page.el("a", escape(line.text), line.lang, href=f"text.xhtml#{line.id}"), [])
        stack[-1][1].append(node)
        stack.append((level, node[1]))
    return root


def _ol(nodes: list, page: _Page) -> str:
    """Nested ``<ol>`` of a tree from ``_tree``."""
    return page.el("ol", "".join(page.el("li", link + (_ol(children, page) if children else "")) for link, children in nodes))


def nav_page(paper: Paper) -> str:
    """The navigation document (EPUB 3's table of contents) made from the headings."""
    page = _Page(paper.lang)
    labels = PAPER_LABELS[paper.main_lang]
    entries = [
        (page.el("a", escape(labels["title_page"]), href="title.xhtml"), []),
        (page.el("a", escape(paper.title), href="text.xhtml#top"), _tree(paper, page)),
    ]
    toc = page.el("h1", escape(labels["contents"])) + _ol(entries, page)
    return page.document(labels["contents"], page.el("nav", toc, epub__type="toc", id="toc"))


def package(paper: Paper) -> str:
    """The package document: metadata (title, language, identifier, dates, source, address), manifest, spine."""
    code = lang_tag(paper.lang)
    meta = [
        f"<dc:identifier id=\"uid\">{escape(identifier(paper))}</dc:identifier>",
        f"<dc:title>{escape(paper.title)}</dc:title>",
        f"<dc:language>{code}</dc:language>",
        f"<dc:creator>{escape(paper.author)}</dc:creator>",
        f"<dc:publisher>{escape(paper.site)}</dc:publisher>",
        f"<dc:date>{escape(paper.date)}</dc:date>",
        f"<dc:source>{escape(paper.original or paper.address)}</dc:source>",
        f"<dc:description>{escape(f'{paper.source}, {paper.date}. {paper.address}')}</dc:description>",
        f'<meta property="dcterms:modified">{escape(paper.date)}T00:00:00Z</meta>',
    ]
    if paper.lang == "zh-en":
        meta.insert(3, "<dc:language>en</dc:language>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="{code}">\n'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">' + "".join(meta) + "</metadata>\n"
        "<manifest>"
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
        '<item id="title" href="title.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="text" href="text.xhtml" media-type="application/xhtml+xml"/>'
        '<item id="css" href="style.css" media-type="text/css"/>'
        "</manifest>\n"
        '<spine><itemref idref="title"/><itemref idref="nav"/><itemref idref="text"/></spine>\n'
        "</package>\n"
    )


def epub_bytes(paper: Paper) -> bytes:
    """The EPUB of one paper: the same bytes for the same paper."""
    entries = [
        ("META-INF/container.xml", CONTAINER),
        ("EPUB/package.opf", package(paper)),
        ("EPUB/nav.xhtml", nav_page(paper)),
        ("EPUB/title.xhtml", title_page(paper)),
        ("EPUB/text.xhtml", text_page(paper)),
        ("EPUB/style.css", STYLE),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        info = zipfile.ZipInfo("mimetype", FIXED_TIME)
        info.compress_type = zipfile.ZIP_STORED
        zf.writestr(info, b"application/epub+zip")
        for name, text in entries:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"), compresslevel=9)
    return buffer.getvalue()
