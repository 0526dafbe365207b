"""Citations (hooks/corpus/citation.py) against the worked examples of tests/citation_examples.py."""

from __future__ import annotations

import html

import pytest

from citation_examples import ACCESSED, APA_ITALIC, EXAMPLES, SITE, expected
from corpus.build import published_url
from corpus.catalog import Bilingual, Creator, Entry, Copy
from corpus.citation import citations, locators, render, work_of


@pytest.fixture(scope="module")
def documents(corpus):
    return {d.entry.slug: d for d in corpus.documents}


def cited(d, lang: str, ident: str, site: str = SITE) -> dict[str, tuple[str, str]]:
    translator = d.translation.translator if d.translation else "site"
    work = work_of(d.entry, lang, translator if lang == "en" else None)
    values = {
        "locator": locators(d.doc.blocks, d.en_doc.blocks)[ident][lang],
        "url": published_url(site, lang, f"texts/{d.entry.slug}/") + "#" + ident,
        "accessed": ACCESSED,
    }
    return {f"{s['style']}/{f['form']}": render(f["parts"], values) for s in citations(work) for f in s["forms"]}


@pytest.mark.parametrize("key", list(EXAMPLES), ids=lambda k: "-".join(k))
def test_each_style_gives_the_worked_example(documents, key):
    slug, lang, ident = key
    got = {form: plain for form, (plain, _) in cited(documents[slug], lang, ident).items()}
    assert got == expected(key)


@pytest.mark.parametrize("key", list(EXAMPLES), ids=lambda k: "-".join(k))
def test_the_rich_form_italicises_the_apa_title_only(documents, key):
    slug, lang, ident = key
    for form, (plain, rich) in cited(documents[slug], lang, ident).items():
        italic = APA_ITALIC[slug, lang]
        if form == "apa/entry":
            assert rich == html.escape(plain, quote=False).replace(italic, f"<i>{italic}</i>", 1)
        elif form == "apa/intext" and slug == "sco-security-cooperation":
            assert f"<i>{italic}</i>" in rich
        else:
            assert "<i>" not in rich and rich == html.escape(plain, quote=False)


def test_a_sub_path_site_url_is_the_published_address(documents):
    got = cited(documents["global-security-initiative-concept-paper"], "zh", "s3-12-p1", "https://owner.github.io/repo/")
    assert got["gbt/entry"][0].endswith(" https://owner.github.io/repo/texts/global-security-initiative-concept-paper/#s3-12-p1.")


def test_locators_read_like_the_document(documents):
    locs = locators(documents["global-security-initiative-concept-paper"].doc.blocks, documents["global-security-initiative-concept-paper"].en_doc.blocks)
    assert locs["s3-12-p1"] == {"zh": "第三部分（十二）第1段", "en": "Part III, item (12), para. 1"}
    assert locs["s3-12"] == {"zh": "第三部分（十二）", "en": "Part III, item (12)"}
    assert locs["s1-p3"] == {"zh": "第一部分第3段", "en": "Part I, para. 3"}
    assert locators(documents["new-type-security-partnership"].doc.blocks)["p2"] == {"zh": "第2段", "en": "para. 2"}


HOSTILE = '<i>{url}</i> & "x"'


def _hostile_entry(**extra) -> Entry:
    copy = Copy(seed="x.txt", title="t", source=Bilingual(HOSTILE, HOSTILE), date="2020-01-02")
    return Entry(slug="x", kind="commentary", title=Bilingual(HOSTILE, HOSTILE), date="2020-01-02", copies=(copy,), **extra)


def test_catalog_strings_stay_literal_and_never_become_placeholders():
    creator = Creator(type="person", name=Bilingual(HOSTILE, "Doe <b>John</b>"), family="Doe")
    work = work_of(_hostile_entry(creator=creator, sentence_title=HOSTILE), "en", "site")
    values = {"locator": "para. 1", "url": "https://example.org/x/#p1", "accessed": ACCESSED}
    for style in citations(work):
        for form in style["forms"]:
            assert all(kind in "tiv" for kind, _ in form["parts"])
            assert all(value in values for kind, value in form["parts"] if kind == "v")
            plain, rich = render(form["parts"], values)
            assert HOSTILE in plain or "Doe" in plain
            assert "<b>" not in rich and "<i>{url}" not in rich
            if HOSTILE in plain:
                assert html.escape(HOSTILE, quote=False) in rich
            assert plain.count("https://example.org/x/#p1") == ("#p1" in plain)


def test_a_translation_dated_apart_gives_the_original_year():
    from dataclasses import replace

    work = replace(work_of(_hostile_entry(), "en", "site"), title="T", sentence_title="T", translation_date="2026-03-04")
    apa = {f["form"]: render(f["parts"], {"locator": "para. 1", "url": "U", "accessed": ACCESSED})[0] for f in citations(work)[1]["forms"]}
    assert apa["entry"] == "T (Global Security Initiative Library, Trans.). (2026, March 4). Global Security Initiative Library. U (Original work published 2020)"
    assert apa["intext"] == "(T, 2020/2026, para. 1)"
