"""Property tests (hypothesis) for the seed cleaner, the renderer and the term linker."""

from __future__ import annotations

import re
from collections import Counter

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.clean import clean_seed, han_chars
from corpus.errors import CorpusError
from corpus.glossary import Linker, Term
from corpus.render import TermLinks, render_blocks
from corpus.structure import structure
from corpus.urls import relative_url

ALPHABET = st.sampled_from(
    list("安全合作共同综合可持续发展倡议联合国宪章一二三十")
    + list("，。、；：？！“”《》（）—…")
    + list(",.;:?!()[]*_`#|<>&-+=~^{}\\/\"' ")
    + ["\n", "\n\n", "\t", "\u3000", "\u00a0", "\u200b", "\u202e", "\x07", "a", "Z", "7"]
)
TEXT = st.lists(ALPHABET, max_size=300).map("".join)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TITLE = "测试标题"


def kept_chars(cleaned) -> Counter:
    total = Counter()
    for zone in (cleaned.preface, cleaned.body, cleaned.trailer):
        for p in zone:
            total += han_chars(p.text)
    for r in cleaned.removals:
        total += han_chars(r.text)
    return total


@SETTINGS
@given(TEXT)
def test_cleaner_never_crashes_and_never_drops_chinese(body):
    text = f"{TITLE}\n\n{body}"
    try:
        cleaned = clean_seed(text, "seeds/x.txt", title=TITLE)
    except CorpusError:
        return  # a clear, named error (for example nothing left after cleaning)
    assert kept_chars(cleaned) == han_chars(text)


@SETTINGS
@given(TEXT)
def test_cleaner_is_idempotent(body):
    try:
        once = clean_seed(f"{TITLE}\n\n{body}", "seeds/x.txt", title=TITLE)
    except CorpusError:
        return
    again = clean_seed(TITLE + "\n\n" + "\n\n".join(p.text for p in once.body), "seeds/x.txt", title=TITLE)
    assert [p.text for p in again.body] == [p.text for p in once.body]


def rendered(body, terms=None):
    """The blocks made from a seed holding ``body`` and their HTML, or None when cleaning refuses it."""
    try:
        cleaned = clean_seed(f"{TITLE}\n\n{body}", "seeds/x.txt", title=TITLE)
    except CorpusError:
        return None
    doc = structure("x", cleaned.body)
    html = markdown.markdown(render_blocks(doc.blocks, "zh", terms=terms), extensions=["attr_list", "md_in_html", "tables"])
    return doc, BeautifulSoup(html, "html.parser")


@SETTINGS
@given(TEXT)
def test_rendered_markdown_is_balanced_and_literal(body):
    if (out := rendered(body)) is None:
        return
    doc, soup = out
    # only the blocks we made: no element, table, code or link came from the text
    assert {el.name for el in soup.find_all(True)} <= {"p", "h2", "h3"}
    assert len(soup.find_all(["p", "h2", "h3"])) == len(doc.blocks)
    for el, block in zip(soup.find_all(["p", "h2", "h3"]), doc.blocks):
        assert el.get("id") == block.id
        assert el.get_text() == block.text


TERMS = [
    Term("a", "安全", "security", (), (), "甲", "A", (), None),
    Term("b", "共同安全", "common security", (), ("common-security",), "乙", "B", (), None),
    Term("c", "联合国宪章", "UN Charter", ("宪章",), ("Charter",), "丙", "C", (), None),
]


@SETTINGS
@given(TEXT, st.sampled_from(["zh", "en"]))
def test_linker_keeps_the_text_and_is_idempotent(text, lang):
    segments = Linker(TERMS, lang).link(text, "s")
    assert "".join(t for t, _ in segments) == text
    linked = [i for _, i in segments if i]
    assert len(linked) == len(set(linked))  # first occurrence only
    assert Linker(TERMS, lang).link_segments(segments, "s") == [s for s in segments if s[0]]


@SETTINGS
@given(TEXT)
def test_term_links_keep_the_text_and_make_no_other_markup(body):
    if (out := rendered(body, TermLinks(Linker(TERMS, "zh"), "texts/x/index.md"))) is None:
        return
    doc, soup = out
    assert {el.name for el in soup.find_all(True)} <= {"p", "h2", "h3", "a"}
    for a in soup.find_all("a"):
        assert a["class"] == ["term"] and re.fullmatch(r"\.\./\.\./glossary/[abc]/", a["href"]), a
    for el, block in zip(soup.find_all(["p", "h2", "h3"]), doc.blocks):
        assert el.get_text() == block.text


@SETTINGS
@given(st.lists(TEXT, min_size=1, max_size=5), st.sampled_from(["zh", "en"]))
def test_a_linker_remembering_matches_answers_as_a_new_one(texts, lang):
    """The shared memory of matches (one per glossary) never changes an answer."""
    shared = Linker(TERMS, lang)
    for text in texts + texts[::-1]:
        assert shared.fresh().matches(text) == Linker(TERMS, lang).matches(text)


@given(
    st.sampled_from(["index.md", "texts/a/index.md", "texts/a/parallel.md", "texts/b-c/others.en.md", "texts/a/versions.md"]),
    st.sampled_from(["gsi", "new-type-security-partnership", "x1"]),
    st.booleans(),
)
def test_term_link_addresses_are_those_mkdocs_gives(page, ident, directory_urls):
    """TermLinks writes the glossary folder's address once per page; each link must still be MkDocs' own."""
    links = TermLinks(Linker([Term(ident, "安全", "security", (), (), "甲", "A", (), None)], "zh"), page, directory_urls)
    (href,) = re.findall(r'href="([^"]+)"', links.markdown("安全", "s"))
    assert href == relative_url(page, f"glossary/{ident}.md", directory_urls)
