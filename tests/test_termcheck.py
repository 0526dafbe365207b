"""The terminology check (hooks/corpus/termcheck.py): terms, phrases, numbers and forbidden forms
in every aligned English block, as warnings that stop a strict build."""

from __future__ import annotations

import pytest
import yaml

from conftest import ROOT, copy_project, run_build
from corpus.build import build_corpus, term_linkers
from corpus.errors import CorpusError
from corpus.glossary import load_glossary
from corpus.termcheck import Forbidden, Phrase, Termbase, check_block, load_termbase

TERMS = load_glossary(ROOT / "glossary")
LINKERS = term_linkers(TERMS)
BY_ID = {t.id: t for t in TERMS}
BASE = Termbase(
    phrases=(Phrase("合理安全关切", ("legitimate security concerns", "legitimate security concern")),),
    forbidden=(Forbidden("Shanghai Cooperation Organisation", "the body's official English name"),),
)


def findings(zh: str, en: str, accepted=None):
    return check_block("doc", "s1-p1", zh, en, LINKERS, BY_ID, BASE, accepted)


def test_a_term_rendered_as_its_headword_or_alias_passes():
    assert findings("反对冷战思维。", "We oppose the Cold War mentality.") == []
    assert findings("全球安全倡议", "the GSI") == []  # an alias


def test_a_term_rendered_another_way_is_found():
    (f,) = findings("反对冷战思维。", "We oppose the mindset of the Cold War era.")
    assert f.key == "cold-war-mentality"
    assert str(f) == "terminology: doc#s1-p1: term 冷战思维 (cold-war-mentality) is not rendered as Cold War mentality"


def test_a_phrase_has_one_rendering():
    assert findings("兼顾合理安全关切", "taking legitimate security concerns into account") == []
    (f,) = findings("兼顾合理安全关切", "taking reasonable security concerns into account")
    assert f.key == "合理安全关切" and "legitimate security concerns" in f.problem


def test_a_missing_number_is_found():
    assert findings("2022年4月21日，5000个名额", "On 21 April 2022, 5,000 places") == []
    found = findings("2022年4月21日，5000个名额", "On 21 March 2022, 500 places")
    assert [f.key for f in found] == ["4月", "5000"]


def test_a_forbidden_form_is_found():
    (f,) = findings("上海合作组织", "the Shanghai Cooperation Organisation")
    assert f.key == "Shanghai Cooperation Organisation" and "forbidden form" in f.problem
    assert findings("上海合作组织", "the Shanghai Cooperation Organization") == []


def test_an_accepted_exception_is_no_finding():
    assert findings("反对冷战思维。", "We oppose bloc thinking.", {"cold-war-mentality": "the source's English"}) == []


def test_the_real_corpus_has_no_findings():
    corpus = build_corpus(ROOT / "seeds")
    assert [str(f) for f in corpus.findings] == []
    assert load_termbase(ROOT / "glossary").phrases, "the phrase list is empty"


def test_a_phrase_list_with_a_bad_entry_stops_with_one_line(tmp_path):
    (tmp_path / "phrases.yaml").write_text("phrases:\n  - zh: 合理安全关切\n    en: 42\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"phrases.yaml:\d+: 'en' of phrase '合理安全关切' must be a text or a list"):
        load_termbase(tmp_path)


def test_a_strict_build_stops_on_a_finding(tmp_path):
    """A translation edited to drop a number and misname a term: the strict build fails and names both."""
    project = copy_project(tmp_path / "project")
    path = project / "seeds" / "translations" / "en" / "universal-security-community.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    block = data["blocks"]["p1"]
    assert "21 April 2022" in block["en"] and "Boao Forum for Asia" in block["en"]
    block["en"] = block["en"].replace("21 April 2022", "April 2022").replace("Boao Forum for Asia", "Boao meeting")
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    proc = run_build(project, tmp_path / "site")
    assert proc.returncode != 0
    assert "terminology: universal-security-community#p1: number 21 of the Chinese is not in the English" in proc.stderr
    assert "terminology: universal-security-community#p1: term 博鳌亚洲论坛 (boao-forum-for-asia)" in proc.stderr


def test_the_keyword_entry_says_its_printed_english_leaves_things_out(built_site):
    """The source's English (seed 000) is shown as printed, and its page says what it omits."""
    from bs4 import BeautifulSoup

    page = built_site["site"] / "en" / "texts" / "new-type-security-partnership" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    note = " ".join(soup.select_one(".prov-translation").get_text().split())
    assert "the one the source printed" in note
    assert "逐步建立军事安全互信机制" in note and "有效管控战略风险" in note
    assert "working translation" not in note
