"""Build the real site into a temporary folder and check the HTML of every page."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from conftest import SEEDS
from corpus.catalog import load_catalog

ENTRIES = load_catalog(SEEDS)


def soup_of(site, rel):
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def test_build_is_strict_and_clean(built_site):
    assert "WARNING" not in built_site["log"]
    assert "corpus: 4 documents" in built_site["log"]


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.slug)
def test_document_page_has_title_provenance_headings_and_paragraph_ids(built_site, entry):
    page = soup_of(built_site["site"], f"texts/{entry.slug}/index.html")
    article = page.select_one("article.md-content__inner")
    assert article.h1.get_text(strip=True).startswith(entry.title.zh)
    assert page.title.get_text().startswith(entry.title.zh)
    prov = article.select_one("aside.provenance")
    text = prov.get_text(" ", strip=True)
    assert entry.date in text
    assert entry.base.source.zh in text
    assert f"seeds/{entry.base.seed}" in text
    if entry.author:
        assert entry.author.zh in text
    if entry.base.url:
        assert prov.find("a", href=entry.base.url)
    paragraphs = [p for p in article.find_all("p") if not p.find_parent("aside")]
    assert paragraphs
    for p in paragraphs:
        assert p.get("id"), f"paragraph without id: {p.get_text()[:30]}"
    ids = [el["id"] for el in article.find_all(id=True)]
    assert len(ids) == len(set(ids)), "duplicate ids"


def test_concept_paper_keeps_its_own_numbering(built_site):
    page = soup_of(built_site["site"], "texts/global-security-initiative-concept-paper/index.html")
    assert page.find("h2", id="s1").get_text(strip=True).startswith("一、背景")
    assert page.find("h2", id="s3").get_text(strip=True).startswith("三、重点合作方向")
    assert page.find("h3", id="s2-1").get_text(strip=True).startswith("（一）坚持共同、综合、合作、可持续的安全观")
    item = page.find("h3", id="s3-12")
    assert item.get_text(strip=True).startswith("（十二）")
    assert page.find("p", id="s3-12-p1").get_text().startswith("加强联合国在国际反恐斗争中的中心协调作用")
    assert page.find("p", id="s4-5-p2").get_text().endswith("平安的钟声响彻人间。")


def test_keyword_entry_english_half_moves_to_the_english_page(built_site):
    zh = soup_of(built_site["site"], "texts/new-type-security-partnership/index.html")
    en = soup_of(built_site["site"], "en/texts/new-type-security-partnership/index.html")
    assert zh.find("p", id="p1").get_text().startswith("2018年10月举行的第八届北京香山论坛")
    assert "Xiangshan Forum" not in zh.select_one("article").get_text()
    assert en.find("p", id="p1").get_text().startswith("The Eighth Beijing Xiangshan Forum")


def test_lead_sentences_become_sections(built_site):
    page = soup_of(built_site["site"], "texts/universal-security-community/index.html")
    heads = [h.get_text(strip=True).rstrip("¶") for h in page.select("article h2")]
    assert heads[:3] == ["倡导安危与共", "强调公平正义", "促进合作共赢"]


def test_home_lists_every_document_with_date_and_source(built_site):
    page = soup_of(built_site["site"], "index.html")
    table = page.select_one("article table")
    rows = table.select("tbody tr")
    assert len(rows) == len(ENTRIES)
    for entry, row in zip(ENTRIES, rows):
        text = row.get_text(" ", strip=True)
        assert entry.title.zh in text and entry.date in text and entry.base.source.zh in text
        link = row.find("a")["href"]
        assert link.rstrip("/").endswith(f"texts/{entry.slug}/index.html".rstrip("/")) or link.rstrip("/").endswith(f"texts/{entry.slug}")
        assert (built_site["site"] / "texts" / entry.slug / "index.html").exists()


def test_versions_and_other_items_pages_exist(built_site):
    site = built_site["site"]
    versions = soup_of(site, "texts/global-security-initiative-concept-paper/versions/index.html")
    text = versions.get_text(" ", strip=True)
    assert "冲突" in text and "不公" in text and "风险" in text and "困境" in text
    for a in versions.select("table a[href]"):
        href = a["href"]
        assert href.startswith("../#") or href.startswith("../index.html#")
    others = soup_of(site, "texts/global-security-initiative-concept-paper/others/index.html")
    assert "不属于该文件" in others.get_text()


def test_every_registered_address_is_built(built_site):
    register = json.loads((SEEDS / "published-ids.json").read_text(encoding="utf-8"))["pages"]
    for url, ids in register.items():
        page = soup_of(built_site["site"], url + "index.html")
        present = {el["id"] for el in page.find_all(id=True)}
        missing = [i for i in ids if i not in present]
        assert not missing, f"{url}: {missing[:5]}"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_how_to_cite_shows_each_style_of_a_real_passage(built_site, lang):
    """The "How to cite" page shows the concept paper's s3-12-p1 in every form, as the Cite button gives it."""
    import re

    from citation_examples import CONCEPT, expected

    page = soup_of(built_site["site"], ("en/" if lang == "en" else "") + "cite/index.html")
    shown = {f"{p['data-style']}/{p['data-form']}": p for p in page.select("p.cite-example")}
    want = expected((CONCEPT, lang, "s3-12-p1"))
    assert set(shown) == set(want)
    for form, p in shown.items():
        label = p.find("strong").get_text()
        text = p.get_text()[len(label) + (2 if lang == "en" else 1):]
        # the access date is the build's (the day of the commit): the rest is the worked example
        assert re.sub(r"\[\d{4}-\d{2}-\d{2}\]", "[2026-12-01]", text) == want[form]
    assert page.select_one("p.cite-example[data-style='apa'][data-form='entry'] em")
    words = page.get_text()
    assert ("Cite" in words and "Copy link" in words) if lang == "en" else ("引用" in words and "复制链接" in words)
