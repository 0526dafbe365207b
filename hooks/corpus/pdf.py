"""A paper (``papers.Paper``) as an A4 PDF: plain data in, bytes out.

The PDF is typeset by WeasyPrint from an HTML page written here (not from the
site's pages): WeasyPrint is a Python package with Pango underneath, so the
site's set installs it from PyPI and a fresh Debian machine needs only Pango
and the Noto CJK fonts, where headless Chromium would add a browser to the
site's set; it makes a 7-page document in about 0.3 s, embeds the fonts as
subsets, turns the headings into PDF bookmarks and the links into link
annotations, tags the PDF (a structure tree of headings, paragraphs and
links, for screen readers), and writes the same bytes for the same input (no
clock, no random identifier: the dates are the document's own).

Every string from the data is escaped where it lands (``html.escape`` for
text and attributes); the metadata WeasyPrint copies into the PDF's Info
dictionary comes from ``<meta>`` elements, escaped the same way.
"""

from __future__ import annotations

import html
import subprocess
from functools import lru_cache
from pathlib import Path

from .errors import CorpusError
from .papers import PAPER_LABELS, Line, Paper, lang_tag

#: The family every text is set in: Noto Serif CJK (Debian's fonts-noto-cjk) holds Chinese and Latin.
FONT_FAMILY = "Noto Serif CJK SC"

STYLE = """
@page { size: A4; margin: 22mm 20mm 22mm 30mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; color: #555; } }
@page :first { @bottom-center { content: none; } }
html { font-family: "%(font)s", serif; font-size: 10.5pt; line-height: 1.7; color: #111; }
:lang(zh-Hant) { font-family: "Noto Serif CJK TC", "%(font)s", serif; }
:lang(en) { font-feature-settings: "pwid"; }
h1 { font-size: 19pt; line-height: 1.35; margin: 0 0 2mm; bookmark-level: 1; }
.subtitle { font-size: 13pt; margin: 0 0 6mm; }
h2 { font-size: 14pt; margin: 7mm 0 2mm; bookmark-level: 2; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; bookmark-level: 3; }
h4 { font-size: 11pt; margin: 4mm 0 1mm; bookmark-level: 4; }
h2, h3, h4 { break-after: avoid; }
.facts { border-top: 0.6pt solid #888; border-bottom: 0.6pt solid #888; padding: 2mm 0; margin: 0 0 4mm;
  font-size: 9pt; line-height: 1.55; }
.facts p { margin: 0.6mm 0; text-align: left; }
.facts b { font-weight: bold; }
.note { font-size: 8.5pt; color: #333; margin: 0 0 6mm; }
a { color: #1a3d8f; text-decoration: none; }
.block { position: relative; }
.pid { position: absolute; left: -27mm; width: 23mm; top: 0.9mm; text-align: right;
  font-size: 7pt; line-height: 1.4; color: #555; font-family: "%(font)s", serif; }
p { margin: 0 0 2.5mm; text-align: justify; }
.untranslated-label { font-size: 8pt; color: #555; }
.pair { display: table; width: 100%%; table-layout: fixed; margin: 0 0 2.5mm; }
.pair > p { display: table-cell; width: 50%%; padding: 0 2.5mm 0 0; }
.pair > p + p { padding: 0 0 0 2.5mm; text-align: left; }
.pair-title { break-after: avoid; }
.pair-title .en { display: block; font-size: 0.85em; }
"""


def _e(text: str) -> str:
    """Text or an attribute value, escaped for HTML."""
    return html.escape(text, quote=True)


def _lang(lang: str, paper_lang: str) -> str:
    """A ``lang`` attribute for a block whose language differs from the paper's."""
    return f' lang="{lang_tag(lang)}"' if lang_tag(lang) != lang_tag(paper_lang) else ""


def _metadata(paper: Paper) -> str:
    """``<meta>`` elements WeasyPrint turns into the PDF's Info dictionary (title, author, subject, dates, address)."""
    when = f"{paper.date}T00:00:00Z"
    subject = f"{paper.source}, {paper.date}. {paper.address}"
    metas = [
        ("author", paper.author),
        ("description", subject),
        ("keywords", f"{paper.slug}, {paper.address}"),
        ("generator", paper.site),
        ("dcterms.created", when),
        ("dcterms.modified", when),
        ("Source", paper.source),
        ("URL", paper.address),
    ]
    return "".join(f'<meta name="{_e(k)}" content="{_e(v)}">' for k, v in metas)


def _facts(paper: Paper) -> str:
    """The provenance block of the first page: one line per fact, addresses as links."""
    out = []
    for fact in paper.facts:
        text = f'<a href="{_e(fact.url)}">{_e(fact.text)}</a>' if fact.url else _e(fact.text)
        colon = ": " if fact.lang == "en" else "："
        out.append(f"<p{_lang(fact.lang, paper.lang)}><b>{_e(fact.label)}</b>{colon}{text}</p>")
    return '<div class="facts">' + "".join(out) + "</div>"


def _block(paper: Paper, line: Line) -> str:
    """One heading or paragraph, its id in the margin as a link to its permanent address."""
    pid = f'<a class="pid" href="{_e(paper.anchor(line.id))}">{_e(line.id)}</a>'
    lang = _lang(line.lang, paper.lang)
    if line.kind == "heading":
        level = max(2, min(line.level, 4))
        if paper.lang == "zh-en":
            en = f' <span class="en" lang="en">{_e(line.en)}</span>' if line.en else ""
            return f'<div class="block">{pid}<h{level} id="{_e(line.id)}" class="pair-title">{_e(line.text)}{en}</h{level}></div>'
        return f'<div class="block">{pid}<h{level} id="{_e(line.id)}"{lang}>{_e(line.text)}</h{level}></div>'
    if paper.lang == "zh-en":
        en = _e(line.en) if line.en else _e(PAPER_LABELS["en"]["untranslated"])
        return (
            f'<div class="block" id="{_e(line.id)}">{pid}<div class="pair">'
            f'<p lang="zh-Hans">{_e(line.text)}</p><p lang="en">{en}</p></div></div>'
        )
    label = ""
    if line.untranslated:
        label = f'<span class="untranslated-label" lang="en">{_e(PAPER_LABELS["en"]["untranslated"])}: </span>'
    return f'<div class="block">{pid}<p id="{_e(line.id)}"{lang}>{label}{_e(line.text)}</p></div>'


def paper_html(paper: Paper) -> str:
    """The HTML page WeasyPrint typesets: title, provenance and address on the first page, then the text."""
    labels = PAPER_LABELS[paper.main_lang]
    stop = "." if paper.main_lang == "en" else "。"
    note = labels["ids"] + stop + " " + labels["made"].format(site=paper.site) + stop
    subtitle = f'<p class="subtitle" lang="en">{_e(paper.subtitle)}</p>' if paper.subtitle else ""
    parts = [
        f'<!DOCTYPE html><html lang="{lang_tag(paper.lang)}"><head><meta charset="utf-8">',
        f"<title>{_e(paper.title)}</title>",
        _metadata(paper),
        f"<style>{STYLE % {'font': FONT_FAMILY}}</style></head><body>",
        f'<h1 id="top">{_e(paper.title)}</h1>',
        subtitle,
        _facts(paper),
        f'<p class="note">{_e(note)}</p>',
    ]
    parts += [_block(paper, line) for line in paper.lines]
    parts.append("</body></html>")
    return "".join(parts)


@lru_cache(maxsize=1)
def font_file() -> str:
    """The file of the font the PDFs embed, found by fontconfig; a missing font stops the build.

    Without it WeasyPrint would fall back to any font, and Chinese would come out as empty boxes.
    """
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{family}\t%{file}", FONT_FAMILY], capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError) as err:
        raise CorpusError("fonts", f"fontconfig (fc-match) is not available: {err}") from None
    family, _, path = found.partition("\t")
    if FONT_FAMILY not in family.split(","):
        raise CorpusError("fonts", f"the font {FONT_FAMILY!r} is not installed (Debian: apt-get install fonts-noto-cjk)")
    return path


def font_identity() -> str:
    """What the PDFs' bytes depend on besides the data: the font file's name and size (part of the cache key)."""
    path = Path(font_file())
    return f"{path.name}:{path.stat().st_size}"


def pdf_bytes(paper: Paper) -> bytes:
    """The PDF of one paper."""
    font_file()
    from weasyprint import HTML  # imported here: only a build that makes a PDF pays for it

    # no base_url: with the page address as base, WeasyPrint would turn the ids' links (address#id)
    # into links inside the PDF; they are to open the paragraph on the site
    # tagged (headings, paragraphs, links in a structure tree): screen readers and reflow read it
    return HTML(string=paper_html(paper)).write_pdf(pdf_tags=True)
