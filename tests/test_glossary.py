"""The glossary: the linker, the data checks, and the links and concordance on the built site."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, SEEDS, copy_project, run_build
from corpus.catalog import load_yaml
from corpus.errors import CorpusError
from corpus.glossary import Linker, Term, load_glossary, parse_glossary


def term(ident, zh, en, aliases_zh=(), aliases_en=()):
    return Term(ident, zh, en, tuple(aliases_zh), tuple(aliases_en), "释义。", "Definition.", (), None)


TERMS = [
    term("gsi", "全球安全倡议", "Global Security Initiative", aliases_en=["GSI"]),
    term("security", "安全", "security"),
    term("un-charter", "联合国宪章", "UN Charter"),
    term("un", "联合国", "United Nations"),
    term("nts", "非传统安全", "non-traditional security"),
]


def linked(text, lang="zh", section="s1", linker=None):
    linker = linker or Linker(TERMS, lang)
    return [(t, i) for t, i in linker.link(text, section) if i]


def test_longest_match_wins():
    assert linked("中方提出全球安全倡议。") == [("全球安全倡议", "gsi")]
    assert linked("遵守联合国宪章宗旨") == [("联合国宪章", "un-charter")]


def test_overlapping_terms_do_not_nest():
    # 非传统安全 contains 安全: only the longer term is linked there
    assert linked("应对非传统安全威胁") == [("非传统安全", "nts")]
    # and a later, separate 安全 is linked on its own
    assert linked("非传统安全与安全") == [("非传统安全", "nts"), ("安全", "security")]


def test_terms_at_start_end_and_next_to_punctuation():
    assert linked("安全") == [("安全", "security")]
    assert linked("“联合国”，") == [("联合国", "un")]
    assert linked("推动联合国") == [("联合国", "un")]


def test_first_occurrence_per_section_only():
    linker = Linker(TERMS, "zh")
    assert linked("联合国与联合国", linker=linker) == [("联合国", "un")]
    assert linked("联合国", linker=linker, section="s1") == []
    assert linked("联合国", linker=linker, section="s2") == [("联合国", "un")]


def test_linking_twice_changes_nothing():
    linker = Linker(TERMS, "zh")
    once = linker.link("全球安全倡议维护联合国宪章，联合国。", "s1")
    again = Linker(TERMS, "zh").link_segments(once, "s1")
    assert again == once


def test_english_is_case_insensitive_on_word_boundaries():
    assert linked("the global security initiative (GSI)", "en") == [("global security initiative", "gsi")]
    assert linked("GSI and gsi", "en") == [("GSI", "gsi")]
    assert linked("insecurity and securityholders", "en") == []
    assert linked("Security, at last.", "en") == [("Security", "security")]


def test_no_links_in_headings_or_existing_links(corpus):
    page = corpus.pages["texts/global-security-initiative-concept-paper/index.md"]
    for line in page.splitlines():
        if line.startswith("#"):
            assert 'class="term"' not in line and "glossary/" not in line, line
    # the provenance and front matter are not linked either
    head = page.split("## ", 1)[0]
    assert "glossary/" not in head


def test_pinyin_comes_from_pypinyin():
    assert term("x", "新型安全伙伴关系", "x").pinyin == "xīnxíng ānquán huǒbàn guānxì"


#: Headwords of the real glossary and their pinyin written by word as GB/T 16159-2012 asks:
#: a word's syllables together (with ' before a, o, e), words apart, every word of a name capitalised.
WORD_PINYIN = {
    "上海合作组织": "Shànghǎi Hézuò Zǔzhī",
    "新型安全伙伴关系": "xīnxíng ānquán huǒbàn guānxì",
    "人类命运共同体": "rénlèi mìngyùn gòngtóngtǐ",
    "全球安全倡议": "Quánqiú Ānquán Chàngyì",
    "博鳌亚洲论坛": "Bó'áo Yàzhōu Lùntán",
    "联合国宪章": "Liánhéguó Xiànzhāng",
    "北京香山论坛": "Běijīng Xiāngshān Lùntán",
    "冷战思维": "lěngzhàn sīwéi",
    "两国方案": "liǎng guó fāng'àn",
    "霸权主义": "bàquán zhǔyì",
    "单边制裁": "dānbiān zhìcái",
    "穿梭外交": "chuānsuō wàijiāo",
    "拉共体": "Lāgòngtǐ",
    "以联合国为核心的国际体系": "yǐ Liánhéguó wèi héxīn de guójì tǐxì",
    "我们的共同议程": "Wǒmen de Gòngtóng Yìchéng",
}


def test_term_pages_give_pinyin_by_word():
    """Measured on the real glossary's terms, and on their built pages (both languages show it)."""
    terms = {t.zh: t for t in load_glossary(ROOT / "glossary")}
    assert {zh: terms[zh].pinyin for zh in WORD_PINYIN} == WORD_PINYIN


def test_term_page_shows_word_pinyin(built_site):
    from bs4 import BeautifulSoup

    for prefix in ("", "en/"):
        soup = BeautifulSoup((built_site["site"] / prefix / "glossary/shanghai-cooperation-organisation/index.html").read_text(encoding="utf-8"), "html.parser")
        shown = [dd.get_text() for dd in soup.select('dd[lang="zh-Latn-pinyin"]')]
        assert shown == ["Shànghǎi Hézuò Zǔzhī"], shown


def test_real_glossary_has_enough_terms():
    terms = load_glossary(ROOT / "glossary")
    assert len(terms) >= 40
    ids = {t.id for t in terms}
    for wanted in ("global-security-initiative", "new-type-security-partnership", "community-with-a-shared-future-for-humanity"):
        assert wanted in ids


BAD = {
    "duplicate-id": (
        "terms:\n  - {id: a, zh: 安全, en: security, definition: {zh: 甲, en: A}}\n  - {id: a, zh: 合作, en: cooperation, definition: {zh: 乙, en: B}}\n",
        r"glossary/terms.yaml:3: term 'a': duplicate id \(first at line 2\)",
    ),
    "alias-claimed-twice": (
        "terms:\n  - {id: a, zh: 安全, en: security, definition: {zh: 甲, en: A}}\n  - id: b\n    zh: 合作\n    en: cooperation\n    aliases: {zh: [安全]}\n    definition: {zh: 乙, en: B}\n",
        r"glossary/terms.yaml:\d+: term 'b': '安全' is already claimed by term 'a'",
    ),
    "missing-english": (
        "terms:\n  - {id: a, zh: 安全, definition: {zh: 甲, en: A}}\n",
        r"glossary/terms.yaml:2: term 'a': missing English headword",
    ),
    "malformed-yaml": ("terms:\n  - {id: a, zh: [安全\n", r"glossary/terms.yaml:\d+: malformed YAML"),
    "regex-and-markdown-characters": (
        "terms:\n  - {id: a, zh: '安全*[x](y)', en: 'a|b (c)?', definition: {zh: 甲, en: A}}\n",
        None,
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_glossary_names_file_line_and_term(tmp_path, case):
    text, message = BAD[case]
    path = tmp_path / "glossary" / "terms.yaml"
    path.parent.mkdir()
    path.write_text(text, encoding="utf-8")
    if message is None:  # odd characters are data, not patterns
        (t,) = load_glossary(path.parent)
        assert Linker([t], "en").link("see a|b (c)? here", "s") [1] == ("a|b (c)?", "a")
        return
    with pytest.raises(CorpusError, match=message):
        load_glossary(path.parent)


def test_bad_glossary_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "glossary" / "terms.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  - id: global-development-initiative", "  - id: global-security-initiative", 1), encoding="utf-8")
    proc = run_build(project, tmp_path / "site")
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    (error,) = [line for line in proc.stderr.splitlines() if line.startswith("ERROR")]
    assert re.search(r"glossary/terms.yaml:\d+: term 'global-security-initiative': duplicate id", error)


# --- the built site -------------------------------------------------------------------


def soup(site, rel):
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_term_used_in_a_document_is_linked_there(built_site, corpus, lang):
    site = built_site["site"]
    prefix = "" if lang == "zh" else "en/"
    linker = Linker(corpus.terms, lang)
    for d in corpus.documents:
        doc = d.doc if lang == "zh" else d.en_doc
        used = {ident for b in doc.paragraphs() for _, _, ident in linker.matches(b.text)}
        page = soup(site, f"{prefix}texts/{d.entry.slug}/index.html")
        hrefs = {a["href"] for a in page.select("article a.term")}
        linked_ids = {re.search(r"glossary/([a-z0-9-]+)/", h).group(1) for h in hrefs}
        assert used <= linked_ids, f"{d.entry.slug} ({lang}): not linked {sorted(used - linked_ids)}"
        for a in page.select("article a.term"):
            assert a.get("title"), "every term link has a tooltip"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_concordance_links_point_to_existing_paragraphs(built_site, corpus, lang):
    site = built_site["site"]
    prefix = "" if lang == "zh" else "en/"
    checked = 0
    for t in corpus.terms:
        page = soup(site, f"{prefix}glossary/{t.id}/index.html")
        assert t.zh in page.h1.get_text() and t.en in page.h1.get_text()
        for a in page.select("article li a[href*='texts/']"):
            path, ident = a["href"].split("#")
            target = (site / f"{prefix}glossary/{t.id}/" / path).resolve() / "index.html"
            assert soup(site, target.relative_to(site.resolve())).find(id=ident), a["href"]
            checked += 1
    assert checked > 100


def test_glossary_index_is_sorted(built_site, corpus):
    zh = soup(built_site["site"], "glossary/index.html")
    rows = zh.select("article tbody tr")
    assert len(rows) == len(corpus.terms)
    by_headword = {t.zh: t for t in corpus.terms}
    shown = [by_headword[row.find("a").contents[0].strip()] for row in rows]
    keys = [t.sort_key("zh") for t in shown]
    assert keys == sorted(keys)  # Chinese by pinyin
    assert [row.find_all("td")[1].get_text() for row in rows] == [t.pinyin for t in shown]
    en = soup(built_site["site"], "en/glossary/index.html")
    words = [row.find("a").get_text().casefold() for row in en.select("article tbody tr")]
    assert words == sorted(words)


def test_keyword_entry_term_links_to_its_source_paragraph(built_site):
    page = soup(built_site["site"], "glossary/new-type-security-partnership/index.html")
    link = page.select_one(".defined-in a")
    assert link["href"].endswith("texts/new-type-security-partnership/#p1")


def test_first_used_in_must_be_the_first_use(tmp_path):
    """联大 is used in s3-4-p1 before s4-1-p1: naming the later paragraph stops the build with one line."""
    from conftest import copy_project
    from corpus.build import build_corpus
    from corpus.errors import CorpusError

    project = copy_project(tmp_path / "project")
    path = project / "glossary" / "terms.yaml"
    text = path.read_text(encoding="utf-8")
    right = "defined_in: global-security-initiative-concept-paper#s3-4-p1"
    assert right in text
    build_corpus(project / "seeds")  # as it is: every "first used in" is the first use
    path.write_text(text.replace(right, "defined_in: global-security-initiative-concept-paper#s4-1-p1", 1), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"glossary/terms.yaml:\d+: term 'un-general-assembly': defined_in .*#s4-1-p1' is not the term's first use .* first used in global-security-initiative-concept-paper#s3-4-p1"):
        build_corpus(project / "seeds")
    path.write_text(text.replace(right, "defined_in: sco-security-cooperation#p1", 1), encoding="utf-8")
    with pytest.raises(CorpusError, match=r"term 'un-general-assembly': .*does not occur in sco-security-cooperation"):
        build_corpus(project / "seeds")
