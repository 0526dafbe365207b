"""The English side: same ids as the Chinese, English text, language markup, coverage."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from conftest import SEEDS
from corpus.catalog import load_catalog
from corpus.clean import han_count, is_latin_text
from corpus.errors import CorpusError
from corpus.structure import Block, Document
from corpus.translations import Coverage, english, fingerprint, load_translation

ENTRIES = load_catalog(SEEDS)


def soup_of(site, rel):
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def block_ids(page):
    article = page.select_one("article.md-content__inner")
    return {el["id"] for el in article.find_all(["p", "h2", "h3", "h4"], id=True)}


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.slug)
def test_english_page_has_the_same_ids_and_english_text(built_site, entry):
    site = built_site["site"]
    zh = soup_of(site, f"texts/{entry.slug}/index.html")
    en = soup_of(site, f"en/texts/{entry.slug}/index.html")
    assert block_ids(zh) == block_ids(en)
    zh_text = {el["id"]: el.get_text() for el in zh.select("article [id]")}
    for p in en.select("article.md-content__inner p[id]"):
        text = p.get_text().strip().rstrip("¶")
        assert is_latin_text(text), f"{p['id']} is not English: {text[:40]}"
        assert han_count(text) == 0, p["id"]
        assert text != zh_text[p["id"]]
        assert p.get("lang") in (None, "en")


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.slug)
def test_html_lang_and_inline_lang_markup(built_site, entry):
    site = built_site["site"]
    zh = soup_of(site, f"texts/{entry.slug}/parallel/index.html")
    en = soup_of(site, f"en/texts/{entry.slug}/parallel/index.html")
    assert zh.html["lang"] == "zh-Hans"
    assert en.html["lang"] == "en"
    # in the parallel view, the text in the other language carries its own lang
    assert zh.select(".pair p.en")[0]["lang"] == "en"
    assert en.select(".pair p.zh")[0]["lang"] == "zh-Hans"
    assert all(p.get("lang") == "en" for p in zh.select(".pair p.en"))


def test_english_pages_say_whose_translation_it_is(built_site):
    site = built_site["site"]
    own = soup_of(site, "en/texts/global-security-initiative-concept-paper/index.html").select_one(".prov-translation").get_text()
    source = soup_of(site, "en/texts/new-type-security-partnership/index.html").select_one(".prov-translation").get_text()
    assert "site’s own working translation" in own
    assert "the source printed" in source


def test_keyword_entry_english_is_the_source_text(built_site):
    en = soup_of(built_site["site"], "en/texts/new-type-security-partnership/index.html")
    assert en.find("p", id="p1").get_text().startswith("The Eighth Beijing Xiangshan Forum was held in October 2018")
    assert "The approach calls for dialog rather than confrontation" in en.find("p", id="p1").get_text()
    assert en.find("p", id="p2").get_text().startswith("The goal of building a new type of security partnership")


def test_build_reports_full_coverage(built_site):
    m = re.search(r"translation coverage en: (\d+)/(\d+) blocks \(100 %\), 0 stale, 0 missing", built_site["log"])
    assert m and m.group(1) == m.group(2)


def test_every_page_exists_in_both_languages(built_site):
    site = built_site["site"]
    zh_pages = {p.relative_to(site) for p in site.rglob("index.html") if not p.relative_to(site).parts[0] in ("en", "zh-Hant", "search")}
    for rel in zh_pages:
        assert (site / "en" / rel).exists(), f"no English page for {rel}"
    assert (site / "404.html").exists() and (site / "en" / "404.html").exists()
    assert soup_of(site, "en/404.html").html["lang"] == "en"
    assert soup_of(site, "zh-Hant/404.html").html["lang"] == "zh-Hant"
    assert soup_of(site, "zh-Hant/404.html").h1.get_text() == "頁面不存在（404）"


def test_parallel_pairs_carry_the_paragraph_ids(built_site):
    page = soup_of(built_site["site"], "texts/global-security-initiative-concept-paper/parallel/index.html")
    zh = soup_of(built_site["site"], "texts/global-security-initiative-concept-paper/index.html")
    pairs = {d["id"] for d in page.select("div.pair")}
    paras = {p["id"] for p in zh.select("article p[id]")}
    assert pairs == paras
    assert page.find("meta", attrs={"name": "robots"}) is None  # still a normal page, just not indexed for search


# --- the translation data itself -------------------------------------------------

DOC = Document("t", (Block("heading", "s1", "一、背景"), Block("para", "s1-p1", "安全问题事关各国人民的福祉。")))


def write(tmp_path, text):
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    return load_translation(path, "seeds/translations/en/t.yaml")


def test_stale_and_missing_blocks_are_reported(tmp_path):
    tr = write(tmp_path, f"translator: site\nblocks:\n  s1:\n    zh: '{fingerprint('一、背景')}'\n    en: I. Background\n  s1-p1:\n    zh: '000000000000'\n    en: Security matters.\n  gone:\n    zh: 'abcdef012345'\n    en: Old.\n")
    cov = Coverage("t")
    (en,) = english([DOC], tr, cov)
    assert cov.translated == 1 and cov.stale == ["s1-p1"] and cov.orphans == ["gone"]
    assert [b.text for b in en.blocks] == ["I. Background", "Security matters."]
    cov2 = Coverage("t")
    (en2,) = english([DOC], None, cov2)
    assert cov2.missing == ["s1", "s1-p1"] and en2.blocks[1].lang == "zh"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("translator: robot\nblocks: {}\n", r"t.yaml:1: translator must be one of site, source"),
        ("translator: site\nblocks:\n  s1:\n    zh: 12\n    en: x\n", r"t.yaml:4: 'zh' of block 's1' must be the 12-digit fingerprint in quotes"),
        ("translator: site\nblocks:\n  s1:\n    zh: abc\n    en: x\n", r"t.yaml:4: 'zh' of block 's1' must be the 12-digit fingerprint"),
        ("translator: site\nblocks:\n  s1: [\n", r"t.yaml:\d+: malformed YAML"),
        ("translator: site\nblocks:\n  s1:\n    zh: 03bc881fd41c\n    english: x\n", r"t.yaml:5: unknown field 'english'"),
    ],
)
def test_bad_translation_file_names_file_and_line(tmp_path, text, message):
    with pytest.raises(CorpusError, match=message):
        write(tmp_path, text)


def test_untranslated_blocks_say_so_in_english(tmp_path):
    """One block without English, and one document with no translation file at all: the English
    pages say so in words, and the "working translation" note stands only over translated text."""
    import yaml

    from conftest import copy_project, run_build

    project = copy_project(tmp_path / "project")
    path = project / "seeds" / "translations" / "en" / "universal-security-community.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["blocks"]["s3-p1"]["en"] = ""
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (project / "seeds" / "translations" / "en" / "sco-security-cooperation.yaml").unlink()
    site = tmp_path / "site"
    proc = run_build(project, site)
    assert proc.returncode == 0, proc.stderr[-2000:]

    page = soup_of(site, "en/texts/universal-security-community/index.html")
    block = page.select_one("p#s3-p1")
    assert block["lang"] == "zh-Hans"
    label = block.select_one("span.untranslated")
    assert label is not None and label["lang"] == "en" and label.get_text() == "Not yet translated:"
    note = " ".join(page.select_one(".prov-translation").get_text().split())
    assert "working translation" in note
    total = len(page.select("article.md-content__inner [id^='s'], article.md-content__inner [id^='p']"))
    assert f"1 of the {total} headings and paragraphs below are not yet translated" in note

    page = soup_of(site, "en/texts/sco-security-cooperation/index.html")
    note = " ".join(page.select_one(".prov-translation").get_text().split())
    assert "has not been translated yet" in note and "working translation" not in note
    assert len(page.select("span.untranslated")) == len(page.select("article.md-content__inner p[id]"))
    cite = json.loads(page.find("script", id="cite-data").string)
    assert cite["translation"] is False


def test_a_bilingual_seed_gets_its_english_page_without_a_mapping(tmp_path):
    """The keyword entry with no translation file: its own English half, aligned by length, is the
    English page at once; `corpus translations` writes the same alignment the file had by hand."""
    import os
    import subprocess
    import sys

    from conftest import copy_project, run_build

    project = copy_project(tmp_path / "project")
    path = project / "seeds" / "translations" / "en" / "new-type-security-partnership.yaml"
    by_hand = path.read_text(encoding="utf-8")
    path.unlink()
    site = tmp_path / "site"
    proc = run_build(project, site)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "new-type-security-partnership: its seed's own English is aligned by length" in proc.stderr
    page = soup_of(site, "en/texts/new-type-security-partnership/index.html")
    text = {p["id"]: " ".join(p.get_text().split()) for p in page.select("article.md-content__inner p[id]")}
    assert text["p1"].startswith("The Eighth Beijing Xiangshan Forum") and "zero-sum games" in text["p1"]
    assert text["p2"].startswith("The goal of building a new type of security partnership")
    note = " ".join(page.select_one(".prov-translation").get_text().split())
    assert "the one the source printed" in note and "working translation" not in note

    env = dict(os.environ, PYTHONPATH=str(project / "hooks"))
    out = subprocess.run([sys.executable, "-m", "corpus", "--seeds", str(project / "seeds"), "translations"],
                         capture_output=True, text=True, env=env, cwd=project, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "aligned by length" in out.stdout
    written = path.read_text(encoding="utf-8")
    assert "translator: source" in written
    blocks = lambda t: [l.strip() for l in t.splitlines() if l.strip().startswith(("p1:", "p2:", "source:"))]  # noqa: E731
    assert blocks(written) == blocks(by_hand) == ["p1:", "source: [en-p1, en-p2]", "p2:", "source: [en-p3]"]
