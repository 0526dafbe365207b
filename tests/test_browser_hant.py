"""The traditional edition in the browser (Debian's chromium): its own search, online and from the
bundle, with traditional and simplified queries; the language switcher across the three editions."""

from __future__ import annotations

import pytest

from conftest import site_root

from corpus.hant import s2t
from test_browser_english import in_view_below_header, switch_language
from test_browser_search import ZH_QUERIES, expected_sections, result_sections

SLUG = "global-security-initiative-concept-paper"
#: Traditional queries: the simplified queries of the simplified site's search tests, converted.
HANT_QUERIES = [s2t(q) for q in ZH_QUERIES]
#: Simplified queries typed on the traditional site: converted before they are searched.
SIMPLIFIED_QUERIES = ["对话协商", "新型安全伙伴关系", "两国方案", "联合国宪章", "粮食安全", "长臂管辖"]


@pytest.fixture(scope="module", params=["served", "bundle"])
def outcomes(request, browser, corpus):
    """Every query on the traditional site, served on 127.0.0.1 and from the unzipped bundle (file://)."""
    root, home = site_root(request)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(root + "zh-Hant/" + home)
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    results = {}
    queries = [(q, simplified) for q, simplified in zip(HANT_QUERIES, ZH_QUERIES)]
    queries += [(q, q) for q in SIMPLIFIED_QUERIES]
    for typed, simplified in queries:
        expected = expected_sections(corpus, simplified, "zh")  # the ids are the simplified pages'
        got = result_sections(page, typed)
        links = page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")
        texts = page.locator(".md-search-result__item").all_inner_texts()
        top = [g for g in got if g[0] not in ("glossary", "other")][:3]
        results[typed] = {
            "ok": bool(expected & set(top)),
            "expected": expected,
            "got": got[:5],
            "edition": all("/zh-Hant/" in link for link in links),
            "text": " ".join(texts),
        }
    context.close()
    passed = sum(r["ok"] for r in results.values())
    print(f"traditional search ({request.param}): {passed}/{len(results)} queries with the expected section in the top three")
    return results


@pytest.mark.parametrize("query", HANT_QUERIES + SIMPLIFIED_QUERIES)
def test_a_query_on_the_traditional_site_finds_the_passage(outcomes, query):
    found = outcomes[query]
    assert found["expected"], f"test data: {query!r} occurs nowhere"
    assert found["ok"], f"{query!r}: expected one of {sorted(found['expected'])[:4]}, got {found['got']}"
    assert found["edition"], "a result leads out of the traditional edition"


def test_enough_queries_of_each_script():
    assert len(set(HANT_QUERIES) - set(ZH_QUERIES)) >= 15  # really traditional
    assert len(SIMPLIFIED_QUERIES) >= 5 and all(s2t(q) != q for q in SIMPLIFIED_QUERIES)


@pytest.mark.parametrize("query", ["对话协商", "两国方案"])
def test_the_results_show_traditional_text(outcomes, query):
    text = outcomes[query]["text"]
    assert s2t(query) in text.replace("\u200b", "")
    assert "话" not in text and "国" not in text


def test_switching_among_the_three_editions_keeps_the_paragraph(server, page):
    page.goto(f"{server}texts/{SLUG}/#s3-12-p1")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    switch_language(page, "zh-Hant")
    assert page.url.endswith(f"/zh-Hant/texts/{SLUG}/#s3-12-p1")
    assert page.evaluate("document.documentElement.lang") == "zh-Hant"
    assert page.locator("#s3-12-p1").inner_text().startswith("加強聯合國")
    assert in_view_below_header(page, "s3-12-p1")
    switch_language(page, "en")
    assert page.url.endswith(f"/en/texts/{SLUG}/#s3-12-p1")
    assert page.locator("#s3-12-p1").inner_text().startswith("Strengthen")
    switch_language(page, "zh-Hant")
    assert page.url.endswith(f"/zh-Hant/texts/{SLUG}/#s3-12-p1")
    switch_language(page, "zh-Hans")
    assert page.url.endswith(f"/texts/{SLUG}/#s3-12-p1") and "/zh-Hant/" not in page.url
    assert page.locator("#s3-12-p1").inner_text().startswith("加强联合国")


def test_switching_from_a_term_page_and_the_parallel_view(server, page):
    page.goto(f"{server}zh-Hant/texts/{SLUG}/parallel/#s2-3-p1")
    switch_language(page, "zh-Hans")
    assert page.url.endswith(f"/texts/{SLUG}/parallel/#s2-3-p1") and "/zh-Hant/" not in page.url
    page.goto(f"{server}glossary/global-security-initiative/")
    switch_language(page, "zh-Hant")
    assert page.url.split("#")[0].endswith("/zh-Hant/glossary/global-security-initiative/")
    assert page.locator("h1").inner_text().startswith("全球安全倡議")


def test_the_cite_dialog_cites_the_traditional_page(browser, server):
    from test_browser_cite import dialog_citations

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    page.goto(f"{server}zh-Hant/texts/{SLUG}/")
    cites = dialog_citations(page, "s3-12-p1")
    gbt = cites["gbt/entry"]
    assert "全球安全倡議概念文件" in gbt and f"https://example.org/zh-Hant/texts/{SLUG}/#s3-12-p1" in gbt
    assert page.locator("dialog.cite-dialog h2, dialog.cite-dialog [id]").first.inner_text()
    dialog_text = page.locator("dialog.cite-dialog").inner_text()
    assert "複製" in dialog_text and "复制" not in dialog_text  # the labels: the edition's strings
    page.keyboard.press("Escape")
    para = page.locator("#s3-12-p1")
    para.hover()
    para.locator("button.para-copy").click()
    assert page.evaluate("navigator.clipboard.readText()") == f"https://example.org/zh-Hant/texts/{SLUG}/#s3-12-p1"
    context.close()


def test_a_handout_of_the_traditional_edition(server, page):
    from handout_steps import CHOSEN, SHOWN, choose, shown

    address = choose(page, lambda slug: f"{server}zh-Hant/texts/{slug}/")
    assert "/zh-Hant/handout/" in address
    passages = shown(page)
    assert [p[0] for p in passages] == [s[0] for s in SHOWN]
    for (key, heading, text), (_, place, start) in zip(passages, SHOWN):
        assert heading.endswith(s2t(place)) and s2t(start) in text
        assert not set("这国们说对经为与") & set(text + heading)
    assert page.locator(".handout-text").first.get_attribute("lang") == "zh-Hant"
    links = page.locator(".handout-link").evaluate_all("els => els.map(e => e.href)")
    assert links and all(link.startswith("https://example.org/zh-Hant/texts/") for link in links)
    assert page.locator(".handout-address .print-url").inner_text().startswith("https://example.org/zh-Hant/handout/?")
    assert len(CHOSEN) == len(passages)
