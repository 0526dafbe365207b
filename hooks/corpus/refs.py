"""Reference-manager files of a document: BibTeX (biblatex ``@online``) and RIS (``TY  - ELEC``).

One record per document and language, from the same facts as the citations
(citation.Work): responsible party, title, date, site, translator, published
address. Every catalog string is data: BibTeX's special characters are escaped
(so braces stay balanced and ``%`` starts no comment), and a RIS value is one
line (a line break could start a tag of its own).
"""

from __future__ import annotations

import re
from urllib.parse import quote

from .citation import SITE_NAME, Work

#: BibTeX's special characters, written so that (La)TeX prints them.
_BIB_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_BIB_CHARS = re.compile("[" + re.escape("".join(_BIB_ESCAPES)) + "]")
_LINE_BREAKS = re.compile(r"[\x00-\x1f\x7f\u0085\u2028\u2029]+")


def one_line(text: str) -> str:
    """Control characters and line breaks as single spaces.

    >>> one_line("a\\nTY  - JOUR\\r\\nb")
    'a TY - JOUR b'
    """
    return " ".join(_LINE_BREAKS.sub(" ", text).split())


def bib_text(text: str) -> str:
    r"""A string for a BibTeX field in braces.

    >>> print(bib_text("50% & {x} \\ #1_a~^$"))
    50\% \& \{x\} \textbackslash{} \#1\_a\textasciitilde{}\textasciicircum{}\$
    """
    return _BIB_CHARS.sub(lambda m: _BIB_ESCAPES[m.group()], one_line(text))


def bib_url(url: str) -> str:
    """An address for biblatex's verbatim ``url`` field: braces, backslashes, spaces and ``%`` outside an escape percent-encoded.

    >>> bib_url("https://example.org/a b/{x}\\\\?q=50%&r=%20")
    'https://example.org/a%20b/%7Bx%7D%5C?q=50%25&r=%20'
    """
    url = re.sub(r"%(?![0-9A-Fa-f]{2})", "%25", one_line(url))
    return quote(url, safe="%:/?#[]@!$&'()*+,;=-._~")


def _bib_name(work: Work) -> str | None:
    c = work.creator
    if c is None:
        return None
    if c.type == "person" and work.lang == "en":
        return f"{bib_text(c.family)}, {bib_text(c.given())}"
    return "{" + bib_text(c.name.get(work.lang)) + "}"  # a name BibTeX must not split


def bibtex(work: Work, key: str, url: str, original_title: str | None = None) -> str:
    """One biblatex ``@online`` record. ``key`` is the document's slug (lower-case ASCII words)."""
    fields = []
    author = _bib_name(work)
    if author:
        fields.append(("author", author))
    fields += [
        ("title", "{" + bib_text(work.title) + "}"),
        ("date", work.date),
        ("year", work.year),
        ("organization", bib_text(work.site)),
        ("url", bib_url(url)),
        ("langid", "english" if work.lang == "en" else "chinese"),
    ]
    if work.translated:
        fields.append(("translator", "{" + bib_text(work.site) + "}"))
        fields.append(("origlanguage", "chinese"))
        if original_title:
            fields.append(("origtitle", bib_text(original_title)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@online{{{key}{'-en' if work.lang == 'en' else ''},\n{body}\n}}\n"


def ris(work: Work, url: str, original_title: str | None = None) -> str:
    """One RIS record (electronic source)."""
    lines = [("TY", "ELEC")]
    if work.creator is not None:
        c = work.creator
        name = f"{c.family}, {c.given()}" if c.type == "person" and work.lang == "en" else c.name.get(work.lang)
        lines.append(("AU", name))
    lines += [
        ("TI", work.title),
        ("T2", work.site),
        ("PY", work.year),
        ("DA", work.date.replace("-", "/")),
        ("PB", work.site),
        ("UR", url),
        ("LA", "en" if work.lang == "en" else "zh"),
    ]
    if work.translated:
        lines.append(("A4", work.site))
        if original_title:
            lines.append(("N1", f"Translated from the Chinese: {original_title}" if work.lang == "en" else original_title))
    return "".join(f"{tag}  - {one_line(value)}\r\n" for tag, value in lines) + "ER  - \r\n"


def file_name(slug: str, ext: str) -> str:
    """The reference file's name beside the document page (``slug`` is ASCII words joined by ``-``)."""
    return f"{slug}.{ext}"


__all__ = ["SITE_NAME", "bib_text", "bib_url", "bibtex", "file_name", "one_line", "ris"]
