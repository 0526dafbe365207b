"""Reference-manager files (hooks/corpus/refs.py), read back by bibtexparser and rispy as a reference manager would."""

from __future__ import annotations

import bibtexparser
import pytest
import rispy
from bibtexparser.middlewares import LatexDecodingMiddleware

from corpus.catalog import Bilingual, Creator
from corpus.citation import Work
from corpus.refs import bibtex, one_line, ris

SITE = "https://example.org/"
#: (slug, lang) -> what a reference manager must read: author, title, year, date, url, translator
WANT = {
    ("global-security-initiative-concept-paper", "zh"): ("中国", "全球安全倡议概念文件", "2023", "2023-02-21", f"{SITE}texts/global-security-initiative-concept-paper/", None),
    ("global-security-initiative-concept-paper", "en"): ("China", "The Global Security Initiative Concept Paper", "2023", "2023-02-21", f"{SITE}en/texts/global-security-initiative-concept-paper/", "Global Security Initiative Library"),
    ("universal-security-community", "zh"): ("杨守征", "致力构建普遍安全的人类命运共同体", "2024", "2024-04-19", f"{SITE}texts/universal-security-community/", None),
    ("universal-security-community", "en"): ("Yang, Shouzheng", "Working Towards a Community with a Shared Future for Humanity That Enjoys Universal Security", "2024", "2024-04-19", f"{SITE}en/texts/universal-security-community/", "Global Security Initiative Library"),
    ("sco-security-cooperation", "zh"): (None, "习近平推动上合组织安全合作迈上新台阶", "2018", "2018-05-27", f"{SITE}texts/sco-security-cooperation/", None),
    ("new-type-security-partnership", "en"): (None, "A New Type of Security Partnership", "2021", "2021-11-05", f"{SITE}en/texts/new-type-security-partnership/", None),
}


def _file(corpus, slug, lang, ext):
    return corpus.pages[f"texts/{slug}/{slug}{'.en' if lang == 'en' else ''}.{ext}"]


def _unbrace(value: str) -> str:
    return value[1:-1] if value.startswith("{") and value.endswith("}") else value


@pytest.mark.parametrize("key", list(WANT), ids=lambda k: "-".join(k))
def test_bibtex_imports_cleanly(corpus, key):
    slug, lang = key
    author, title, year, date, url, translator = WANT[key]
    library = bibtexparser.parse_string(_file(corpus, slug, lang, "bib"))
    assert library.failed_blocks == [] and len(library.entries) == 1
    entry = library.entries[0]
    assert entry.entry_type == "online" and entry.key == slug + ("-en" if lang == "en" else "")
    assert _unbrace(entry["title"]) == title and entry["year"] == year and entry["date"] == date and entry["url"] == url
    assert (_unbrace(entry["author"]) if "author" in entry else None) == author
    assert (_unbrace(entry["translator"]) if "translator" in entry else None) == translator


@pytest.mark.parametrize("key", list(WANT), ids=lambda k: "-".join(k))
def test_ris_imports_cleanly(corpus, key):
    slug, lang = key
    author, title, year, date, url, translator = WANT[key]
    [record] = rispy.loads(_file(corpus, slug, lang, "ris"))
    assert record["type_of_reference"] == "ELEC" and record["title"] == title and record["year"] == year
    assert record["date"] == date.replace("-", "/") and record["urls"] == [url] and record["language"] == lang
    assert record.get("authors") == ([author] if author else None)
    assert record.get("subsidiary_authors") == ([translator] if translator else None)


HOSTILE = "50% & {x} \\ }{ @comment{ #1_a~^$\n TY  - JOUR\r\nER  - "


def test_hostile_catalog_strings_stay_one_field_of_one_record():
    work = Work(lang="en", title=HOSTILE, date="2020-01-02", creator=Creator("person", Bilingual(HOSTILE, "Doe " + HOSTILE), "Doe"), translated=True, site=HOSTILE)
    library = bibtexparser.parse_string(bibtex(work, "x", "https://e.org/a}b%zz c", HOSTILE), append_middleware=[LatexDecodingMiddleware()])
    assert library.failed_blocks == [] and len(library.entries) == 1 and len(library.comments) == 0
    entry = library.entries[0]
    # pylatexenc reads \textasciicircum{} as U+02C6, the modifier letter TeX prints as ^
    decoded = lambda field: _unbrace(entry[field]).replace("\u02c6", "^")  # noqa: E731
    assert decoded("title") == one_line(HOSTILE) and decoded("origtitle") == one_line(HOSTILE)
    assert decoded("author") == "Doe, " + one_line(HOSTILE)
    raw = bibtexparser.parse_string(bibtex(work, "x", "https://e.org/a}b%zz c")).entries[0]
    assert raw["url"] == "https://e.org/a%7Db%25zz%20c"
    records = rispy.loads(ris(work, "https://e.org/x\nTY  - JOUR", HOSTILE))
    assert len(records) == 1 and records[0]["title"] == one_line(HOSTILE) and records[0]["type_of_reference"] == "ELEC"
    assert records[0]["urls"] == ["https://e.org/x TY - JOUR"]
