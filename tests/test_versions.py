"""The two copies of the concept paper: differences found at build time, classified, linked both ways."""

from __future__ import annotations

import shutil

import pytest
from bs4 import BeautifulSoup

from conftest import SEEDS
from corpus.build import build_corpus
from corpus.variants import PUNCTUATION, WORDING, diff_spans, summary

SLUG = "global-security-initiative-concept-paper"


def _gsi(corpus):
    return next(d for d in corpus.documents if d.entry.slug == SLUG)


def test_known_wording_differences_are_found_and_classified(corpus):
    (copy, variants), = _gsi(corpus).compared
    spans = {(s.base, s.other): (v.id, s.kind) for v in variants for s in v.spans}
    assert spans[("冲突", "不公")] == ("s2-3-p1", WORDING)
    assert spans[("风险", "困境")] == ("s2-6-p1", WORDING)
    assert spans[("治", "管")] == ("s3-14-p1", WORDING)
    assert spans[("—", "－")][1] == PUNCTUATION
    counts = summary(variants)
    assert counts["wording"] == 9 and counts["punctuation"] == 5
    assert counts["punctuation_spans"] == 7  # reported separately from the wording changes
    assert counts["missing"] == 0 and counts["extra"] == 0  # the repost is complete


def test_punctuation_changes_do_not_count_as_wording():
    spans = diff_spans("坚持政治优先、综合施策，标本兼治", "坚持政治优先，综合施策，标本兼治")
    assert [s.kind for s in spans] == [PUNCTUATION]


def soup(site, rel):
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_markers_and_entries_link_both_ways(built_site, prefix):
    site = built_site["site"]
    page = soup(site, f"{prefix}texts/{SLUG}/index.html")
    versions = soup(site, f"{prefix}texts/{SLUG}/versions/index.html")
    page_ids = {el["id"] for el in page.find_all(id=True)}
    entry_ids = {el["id"] for el in versions.find_all(id=True)}
    markers = page.select("a.variant-mark")
    assert len(markers) == 14
    for a in markers:
        target = a["href"].split("#")[1]
        assert a["href"].startswith("versions/") and target in entry_ids
    rows = versions.select("table tbody tr")
    assert len(rows) == 14
    for row in rows:
        back = row.find("a")["href"]
        assert back.startswith("../#")
        assert back.split("#")[1] in page_ids


def test_provenance_names_the_base_text(built_site):
    page = soup(built_site["site"], f"texts/{SLUG}/index.html")
    text = page.select_one(".prov-copies").get_text()
    assert "以新华社2月21日电的报纸刊本为底本" in text


def test_a_third_copy_is_shown_too(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    shutil.copytree(SEEDS.parent / "glossary", tmp_path / "glossary")  # a missing glossary stops the build
    third = (SEEDS / "003_d0351cc10067d099.txt").read_text(encoding="utf-8")
    third = third.replace("安全问题事关各国人民的福祉", "安全议题事关各国人民的福祉")
    third = third.replace("鼓励各国高等军事院校、高等警察院校之间加强交流合作。", "")
    (seeds / "005_third_copy.txt").write_text(third, encoding="utf-8")
    catalog = (seeds / "catalog.yaml").read_text(encoding="utf-8")
    catalog = catalog.replace(
        "        body_start: 全球安全倡议概念文件\n",
        "        body_start: 全球安全倡议概念文件\n"
        "      - seed: 005_third_copy.txt\n"
        "        title: 中国发布《全球安全倡议概念文件》\n"
        "        source: {zh: 测试转载, en: Test repost}\n"
        "        date: 2023-03-01\n"
        "        body_start: 全球安全倡议概念文件\n",
    )
    (seeds / "catalog.yaml").write_text(catalog, encoding="utf-8")
    corpus = build_corpus(seeds)
    d = _gsi(corpus)
    assert [c.seed for c, _ in d.compared] == ["003_d0351cc10067d099.txt", "005_third_copy.txt"]
    third_variants = dict((c.seed, v) for c, v in d.compared)["005_third_copy.txt"]
    assert any(s.base == "问" and s.other == "议" for v in third_variants for s in v.spans)
    page = corpus.pages[f"texts/{SLUG}/versions.md"]
    assert "测试转载" in page and "关键基础设施安全应急响应中心" in page
    assert "{: #v-s1-p1 }" in page  # the entry only the third copy has
    assert "{: #v-s2-3-p1-005 }" in page  # s2-3-p1 differs in both copies: second anchor is suffixed
