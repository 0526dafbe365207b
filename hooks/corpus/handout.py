"""Handouts: the passages of a document as a script the handout page loads (docs/assets/handout.js).

A handout is a page of chosen passages whose selection lives in its address
(``handout/?d=<slug>.<id>.<id>&d=<slug>.<id>&lang=both``), so that it can be
shared and works from the offline bundle opened from disk: a page on
``file://`` may not fetch() a file, but it may load a script. So each document
gets ``texts/<slug>/passages.js``, which adds the document's passages to
``window.GSI_PASSAGES``; the handout page loads the scripts of the documents
its address names, and no others (its weight does not grow with the corpus).

The data is plain: title and published address in each language, each block
(id, kind, level, Chinese, English), its locator, and the citation parts of
citation.py. The page writes every text with ``textContent``.
"""

from __future__ import annotations

from .citation import citations, locators, work_of
from .escape import script_json
from .hant import HANT, convert_tree, to_traditional

#: File name of a document's passages, beside its page under docs/texts/<slug>/.
PASSAGES = "passages.js"
#: The handout page (hand-written, docs/handout.md and docs/handout.en.md).
HANDOUT_MD = "handout.md"


def passages(d, urls: dict[str, str], exceptions: tuple = ()) -> dict:
    """The data of one document (a build.DocumentBuild) for handouts; ``urls`` its published address per edition.

    The traditional edition (``zh-Hant``) has its own title, locators and citations, and each
    block its traditional text after the English (the simplified converted, ``exceptions``: hant.py).
    """
    translator = d.translation.translator if d.translation else "site"
    english = {b.id: b for b in d.en_doc.blocks} if d.en_doc else {}
    places = locators(d.doc.blocks, d.en_doc.blocks if d.en_doc else None)
    blocks = []
    for b in d.doc.blocks:
        e = english.get(b.id)
        blocks.append([b.id, b.kind, b.level, b.text, e.text if e is not None and e.lang == "en" else None])
        if HANT in urls:
            blocks[-1].append(to_traditional(b.text, exceptions))
    styles = {lang: citations(work_of(d.entry, lang, translator if lang == "en" else None)) for lang in ("zh", "en")}
    title = {"zh": d.entry.title.zh, "en": d.entry.title.en}
    if HANT in urls:  # the site builds the traditional edition
        for place in places.values():
            place[HANT] = to_traditional(place["zh"], exceptions)
        styles[HANT] = convert_tree(styles["zh"], exceptions)
        title[HANT] = to_traditional(d.entry.title.zh, exceptions)
    return {
        "slug": d.entry.slug,
        "title": title,
        "url": urls,
        "blocks": blocks,
        "locators": places,
        "styles": styles,
    }


def passages_js(data: dict) -> str:
    """The script that registers one document's passages (JSON, escaped as for a <script> element)."""
    return (
        "window.GSI_PASSAGES = window.GSI_PASSAGES || {};\n"
        f"window.GSI_PASSAGES[{script_json(data['slug'])}] = {script_json(data)};\n"
    )
