"""Search in the browser: Chinese and English queries find the passage (or its section).

Expected places are computed from the corpus: every paragraph that contains the
query, and its section (nearest heading), in the page's language. A query
passes when one of them is among the first three document results.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest

from conftest import search, site_root

ZH_QUERIES = [
    "对话协商", "香山论坛", "新型安全伙伴关系", "两国方案", "维和行动三原则", "三股势力", "结伴不结盟",
    "东盟方式", "冷战思维", "联合国宪章", "打击海盗", "非洲之角", "人工智能", "澜湄合作", "粮食安全",
    "安危与共", "蓝色太平洋", "长臂管辖", "对话 协商",
]
EN_QUERIES = [
    "indivisible security", "Xiangshan Forum", "two-state solution", "ASEAN Way", "peacekeeping",
    "Cold War mentality", "artificial intelligence", "Horn of Africa", "long-arm jurisdiction", "Blue Pacific",
]


def expected_sections(corpus, query, lang):
    """(page, section) of every block holding all words of the query.

    A document's "other items" page counts as a page of its own (``slug/others``).
    """
    words = query.split()
    found = set()
    for d in corpus.documents:
        docs = [(d.entry.slug, d.doc if lang == "zh" else d.en_doc)]
        others = [o for _, _, o in d.others] if lang == "zh" else d.en_others
        docs += [(f"{d.entry.slug}/others", o) for o in others]
        for page_key, doc in docs:
            section = ""
            for b in doc.blocks:
                if b.kind == "heading":
                    section = b.id
                if all(w.casefold() in b.text.casefold() for w in words):
                    found.add((page_key, section))
                    found.add((page_key, b.id))  # the passage itself
    return found


def result_sections(page, query):
    """(page, section) of the results in order; glossary pages as ("glossary", id)."""
    search(page, query)
    page.wait_for_timeout(300)
    # Each result group starts with the document itself, then its matching
    # sections; a document header counts as a result only when it has text of
    # its own (paragraphs before its first heading), as it then shows a teaser.
    hrefs = page.locator(".md-search-result__item a").evaluate_all(
        "els => els.map(e => [e.href, !!e.querySelector('.md-search-result__article--document'),"
        " !!e.querySelector('.md-search-result__article--document p')])"
    )
    out = []
    for h, is_document, has_text in hrefs:
        url = urlparse(h)
        if is_document and not has_text:
            continue
        path = re.sub(r"(/index)?\.html$", "/", url.path)  # the bundle has no directory URLs
        m = re.search(r"texts/([a-z0-9-]+(?:/others)?)/$", path)
        if m:
            out.append((m.group(1), url.fragment))
        elif "glossary/" in path:
            out.append(("glossary", path.rstrip("/").rsplit("/", 1)[-1]))
        else:
            out.append(("other", url.path))
    return out


@pytest.fixture(scope="module", params=["served", "bundle"])
def outcomes(request, browser, corpus):
    """Every query, against the site served on 127.0.0.1 and the unzipped bundle (file://)."""
    root, home = site_root(request)
    results = {}
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    for lang, queries, start in (("zh", ZH_QUERIES, ""), ("en", EN_QUERIES, "en/")):
        page.goto(root + start + home)
        for q in queries:
            expected = expected_sections(corpus, q, lang)
            got = result_sections(page, q)
            top = [g for g in got if g[0] not in ("glossary", "other")][:3]
            results[(lang, q)] = (bool(expected & set(top)), expected, got[:5])
    context.close()
    passed = sum(ok for ok, _, _ in results.values())
    print(f"search ({request.param}): {passed}/{len(results)} queries with the expected section in the top three")
    return results


def _cases():
    for lang, queries in (("zh", ZH_QUERIES), ("en", EN_QUERIES)):
        for q in queries:
            yield pytest.param(lang, q, id=f"{lang}-{q}")


@pytest.mark.parametrize("lang,query", list(_cases()))
def test_query_finds_the_section(outcomes, lang, query):
    ok, expected, got = outcomes[(lang, query)]
    assert expected, f"test data: {query!r} occurs nowhere"
    assert ok, f"{query!r}: expected one of {sorted(expected)[:4]}, got {got}"


@pytest.mark.parametrize(
    "start,query,term",
    [
        ("", "全球安全倡议", "global-security-initiative"),
        ("en/", "Global Security Initiative", "global-security-initiative"),
    ],
)
def test_term_page_ranks_first_for_its_headword(server, page, start, query, term):
    page.goto(server + start)
    got = result_sections(page, query)
    assert got[0] == ("glossary", term), got[:3]


def _groups(page, root, lang):
    import relevance

    return [[relevance.location(h, root, lang) for h in g] for g in relevance.read_groups(page)]


@pytest.fixture(scope="module")
def _bench_path():
    import sys

    from conftest import ROOT

    sys.path.insert(0, str(ROOT / "bench"))


@pytest.mark.parametrize("start,lang", [("", "zh"), ("en/", "en")])
@pytest.mark.parametrize("query", ["术语", "安全", "Glossary", "security", "pinyin", "拼音"])
def test_the_glossary_index_is_never_a_result(_bench_path, server, page, start, lang, query):
    page.goto(server + start)
    try:
        search(page, query)
    except Exception:  # no results at all is fine here
        return
    pages = [g[0] for g in _groups(page, server, lang) if g]
    assert "glossary/" not in pages, pages


@pytest.mark.parametrize(
    "start,lang,query,term",
    [
        ("", "zh", "两国方案", "two-state-solution"),
        ("", "zh", "上合组织", "shanghai-cooperation-organisation"),
        ("", "zh", "SCO", "shanghai-cooperation-organisation"),
        ("en/", "en", "Shanghai Cooperation Organization", "shanghai-cooperation-organisation"),
        ("en/", "en", "indivisible security", "indivisible-security"),
        ("en/", "en", "冷战思维", "cold-war-mentality"),
    ],
)
def test_a_headword_puts_its_term_first_and_a_passage_in_the_first_three(_bench_path, server, page, start, lang, query, term):
    page.goto(server + start)
    search(page, query)
    groups = _groups(page, server, lang)
    assert groups[0][0] == f"glossary/{term}/", groups[:3]
    passages = [link for g in groups[:3] for link in g if link.startswith("texts/") and "#" in link]
    assert passages, groups[:3]


def test_a_term_page_that_only_mentions_the_words_comes_after_the_documents(_bench_path, server, page):
    page.goto(server)
    search(page, "气候变化")
    kinds = ["doc" if g[0].startswith("texts/") else "other" for g in _groups(page, server, "zh")]
    assert kinds[: kinds.count("doc")] == ["doc"] * kinds.count("doc"), kinds


@pytest.mark.parametrize("where", ["served", "bundle"])
def test_a_query_pasted_without_key_events_returns_results(request, browser, where):
    """A long-press paste on a phone: the value changes and an input event fires, no key at all."""
    if where == "served":
        url = request.getfixturevalue("server")
    else:
        url = request.getfixturevalue("bundle")["root"].as_uri() + "/index.html"
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(url)
    page.locator("label[for='__search']").first.click()
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    box.evaluate(
        "el => { el.focus(); el.value = '人工智能';"
        " el.dispatchEvent(new InputEvent('input', {bubbles: true, inputType: 'insertFromPaste', data: '人工智能'})); }"
    )
    page.wait_for_selector(".md-search-result__item a", timeout=10000)
    hrefs = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
    assert any("#" in h and "texts/" in h for h in hrefs), hrefs
    context.close()


def test_a_composition_ending_starts_the_search(server, page):
    page.goto(server)
    box = page.locator("input.md-search__input")
    box.click()
    box.evaluate(
        "el => { el.dispatchEvent(new CompositionEvent('compositionstart', {bubbles: true}));"
        " el.value = '粮食安全';"
        " el.dispatchEvent(new InputEvent('input', {bubbles: true, isComposing: true, data: '粮食安全'}));"
        " el.dispatchEvent(new CompositionEvent('compositionend', {bubbles: true, data: '粮食安全'})); }"
    )
    page.wait_for_selector(".md-search-result__item a", timeout=10000)
    text = page.locator(".md-search-result__item").first.inner_text()
    assert "粮食安全" in text


def test_a_long_passage_is_cut_around_its_match(server, page):
    page.goto(server)
    search(page, "反极端主义")  # late in a paragraph of some 400 characters
    article = page.locator(".md-search-result__item a[href*='#s2-1-p1'] article").first
    html = article.inner_html()
    assert "<mark>反极端主义</mark>" in html
    assert "…" in article.inner_text()
    assert len(article.inner_text()) < 260
