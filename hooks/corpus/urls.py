"""Addresses of generated pages, for the links the renderer writes as HTML.

Term links and the glossary's concordance are written as HTML with their
final relative address, not as Markdown links to ``.md`` files: a build of
1,000 documents has about 400,000 of them, and parsing each as a Markdown link
and having MkDocs resolve it took a fifth of the build. So the renderer must
know the addresses MkDocs gives pages: ``texts/a/`` with directory URLs (the
site), ``texts/a/index.html`` without them (the offline bundle). The English
pages sit under ``en/`` on both sides of a link, so the relative address is
the same in both languages.
"""

from __future__ import annotations


def page_url(md_path: str, directory_urls: bool = True) -> str:
    """The address (from the site root) of the page MkDocs makes from ``md_path`` under docs/.

    >>> page_url("texts/a/index.md"), page_url("glossary/x.md")
    ('texts/a/', 'glossary/x/')
    >>> page_url("texts/a/index.md", False), page_url("glossary/x.md", False)
    ('texts/a/index.html', 'glossary/x.html')
    """
    stem = md_path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_url(from_md: str, to_md: str, directory_urls: bool = True, fragment: str = "") -> str:
    """The link from the page of ``from_md`` to the page of ``to_md`` (both under docs/), as MkDocs writes it.

    >>> relative_url("texts/a/index.md", "glossary/x.md")
    '../../glossary/x/'
    >>> relative_url("texts/a/others.md", "glossary/x.md")
    '../../../glossary/x/'
    >>> relative_url("glossary/x.md", "texts/a/index.md", fragment="s1-p2")
    '../../texts/a/#s1-p2'
    >>> relative_url("texts/a/others.md", "glossary/x.md", False)
    '../../glossary/x.html'
    >>> relative_url("texts/a/index.md", "texts/a/parallel.md"), relative_url("texts/a/index.md", "texts/a/index.md")
    ('parallel/', './')
    >>> relative_url("index.md", "texts/a/index.md"), relative_url("index.md", "texts/a/index.md", False)
    ('texts/a/', 'texts/a/index.html')
    """
    here = page_url(from_md, directory_urls).split("/")[:-1]  # the folder the page is in
    there = page_url(to_md, directory_urls).split("/")
    common = 0  # (posixpath.relpath would do, at ten times the cost: 150,000 links at 1,000 documents)
    while common < min(len(here), len(there) - 1) and here[common] == there[common]:
        common += 1
    url = "../" * (len(here) - common) + "/".join(there[common:])
    return (url or "./") + (f"#{fragment}" if fragment else "")
