"""The traditional-character edition (zh-Hant), measured on the built site.

Every simplified page has a traditional twin at the same address under /zh-Hant/, with the same
ids; its text converts back to the simplified original exactly (OpenCC t2s, with the reviewed
exceptions); none of the simplified-only characters remains in it; it is tagged zh-Hant and each
document says that it is a conversion.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, run_build
from corpus import hant
from corpus.errors import CorpusError

SLUG = "global-security-initiative-concept-paper"
#: Characters that exist in simplified writing only (their traditional forms differ): none may
#: remain in a traditional page's text.
SIMPLIFIED_ONLY = "发这关国们说对经为与时会来个过还实现应动产进业义务区开团结设员门问题导历战议献库"


def exceptions():
    return hant.load_exceptions(ROOT / hant.EXCEPTIONS_FILE)


def _pages(site: Path) -> list[str]:
    """The simplified pages of the site (paths under site/), every kind."""
    out = []
    for path in sorted(site.rglob("index.html")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("en/", "zh-Hant/", "assets/", "search/", "downloads/")):
            continue
        out.append(rel)
    return out


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _article(soup: BeautifulSoup) -> BeautifulSoup:
    article = soup.select_one(".md-content article")
    # the edition's own parts: its note, and its files to download (its own Chinese files, their sizes)
    for node in article.select("script, .prov-edition, .prov-downloads, a.download, .headerlink"):
        node.decompose()
    return article


def _ids(soup: BeautifulSoup) -> list[str]:
    return [node["id"] for node in soup.select(".md-content article [id]")]


@pytest.fixture(scope="module")
def pairs(built_site):
    site = built_site["site"]
    pages = _pages(site)
    assert len(pages) >= 100, pages  # documents, parallel views, versions, other items, glossary, terms, home, about, cite
    return site, pages


def test_every_page_kind_has_a_traditional_twin(pairs):
    site, pages = pairs
    kinds = {"index.html", "about/index.html", "cite/index.html", "handout/index.html", "glossary/index.html",
             f"texts/{SLUG}/index.html", f"texts/{SLUG}/parallel/index.html", f"texts/{SLUG}/versions/index.html",
             f"texts/{SLUG}/others/index.html", "glossary/global-security-initiative/index.html"}
    assert kinds <= set(pages)
    missing = [p for p in pages if not (site / "zh-Hant" / p).is_file()]
    assert not missing


def test_twins_have_the_same_ids_and_the_edition_tag(pairs):
    site, pages = pairs
    for rel in pages:
        hans, hant_ = _soup(site / rel), _soup(site / "zh-Hant" / rel)
        assert hant_.html["lang"] == "zh-Hant", rel
        assert hans.html["lang"] == "zh-Hans", rel
        assert _ids(hant_) == _ids(hans), rel


def test_the_traditional_text_converts_back_to_the_original(pairs):
    """OpenCC t2s of every traditional page's text gives the simplified page's text, exactly
    (the exceptions' traditional forms read back as their simplified ones)."""
    site, pages = pairs
    listed = exceptions()
    differing = []
    for rel in pages:
        hans, hant_ = _soup(site / rel), _soup(site / "zh-Hant" / rel)
        pairs_ = [(_article(hans).get_text(), _article(hant_).get_text())]
        pairs_.append((hans.title.string, hant_.title.string))
        description = lambda s: s.find("meta", attrs={"name": "description"})["content"]  # noqa: E731
        pairs_.append((description(hans), description(hant_)))
        for original, converted in pairs_:
            # the edition's own addresses (citations, printed addresses) name its folder; the note
            # on the edition is left out, with the white space around it
            converted = " ".join(converted.replace("https://example.org/zh-Hant/", "https://example.org/").split())
            if hant.to_simplified(converted, listed) != " ".join(original.split()):
                differing.append(rel)
    assert not differing
    assert sum(1 for rel in pages if _article(_soup(site / rel)).get_text() != _article(_soup(site / "zh-Hant" / rel)).get_text()) == len(pages)


def test_no_simplified_only_character_remains(pairs):
    site, pages = pairs
    found = {}
    for rel in pages:
        soup = _soup(site / "zh-Hant" / rel)
        # the switcher names the simplified edition in its own script (简体中文): it is not text of the edition
        for node in soup.select("script, style, [hreflang='zh-Hans']"):
            node.decompose()
        text = soup.get_text() + " ".join(m.get("content", "") for m in soup.find_all("meta"))
        bad = sorted({ch for ch in text if ch in SIMPLIFIED_ONLY})
        if bad:
            found[rel] = bad
    assert not found


def test_the_simplified_pages_stay_simplified(pairs):
    site, _ = pairs
    text = _article(_soup(site / f"texts/{SLUG}/index.html")).get_text()
    assert "全球安全倡议" in text and "倡議" not in text


def test_a_document_says_it_is_a_conversion(pairs):
    site, pages = pairs
    for rel in [p for p in pages if p.startswith("texts/") and p.count("/") == 2]:
        note = _soup(site / "zh-Hant" / rel).select_one(".prov-edition")
        assert note is not None and "OpenCC" in note.get_text() and "簡體原文爲準" in note.get_text(), rel
        assert _soup(site / rel).select_one(".prov-edition") is None


def test_names_follow_the_reviewed_exceptions(pairs):
    site, _ = pairs
    text = _soup(site / "zh-Hant/texts/universal-security-community/index.html").get_text()
    assert "楊守征" in text and "楊守徵" not in text  # OpenCC alone writes 楊守徵
    assert "習近平" in text


def test_term_links_and_headwords_in_the_edition(pairs):
    site, _ = pairs
    page = site / "zh-Hant" / f"texts/{SLUG}/index.html"
    links = _soup(page).select("a.term")
    assert len(links) > 50
    for link in links:
        target = (page.parent / link["href"]).resolve() / "index.html"
        assert target.is_file() and "/zh-Hant/glossary/" in target.as_posix(), link["href"]
        assert link.get("title"), link  # the tooltip, in traditional characters
    gsi = [a for a in links if a["href"].endswith("global-security-initiative/")][0]
    assert gsi.get_text() == "全球安全倡議"
    assert "全球安全倡議" in gsi["title"] or "Global Security Initiative" in gsi["title"]
    term = _soup(site / "zh-Hant/glossary/global-security-initiative/index.html")
    assert term.h1.get_text().startswith("全球安全倡議")
    index = _soup(site / "zh-Hant/glossary/index.html").get_text()
    assert "全球安全倡議" in index and "人類命運共同體" in index


def test_citations_and_handouts_name_the_edition(pairs):
    site, _ = pairs
    data = json.loads(_soup(site / "zh-Hant" / f"texts/{SLUG}/index.html").find("script", id="cite-data").string)
    assert data["url"] == f"https://example.org/zh-Hant/texts/{SLUG}/"
    assert data["title"] == "全球安全倡議概念文件"
    assert "全球安全倡議概念文件" in json.dumps(data["styles"], ensure_ascii=False)
    handout = _soup(site / "zh-Hant/handout/index.html").find(id="handout-page")
    assert handout["data-lang"] == "zh-Hant"
    passages = (site / f"texts/{SLUG}/passages.js").read_text(encoding="utf-8")
    assert '"zh-Hant": "https://example.org/zh-Hant/texts/' in passages
    cite = _soup(site / "zh-Hant/cite/index.html").get_text()
    assert f"https://example.org/zh-Hant/texts/{SLUG}/#s3-12-p1" in cite


def test_the_edition_config_is_the_simplified_one_converted():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    i18n = [p for p in config["plugins"] if isinstance(p, dict) and "i18n" in p][0]["i18n"]
    hant_ = [lang for lang in i18n["languages"] if lang["locale"] == "zh-Hant"][0]
    assert hant_["site_name"] == hant.s2t(config["site_name"])
    assert hant_["site_description"] == hant.s2t(config["site_description"])
    assert hant_["copyright"] == hant.s2t(config["copyright"])
    assert hant_["nav_translations"] == {k: hant.s2t(k) for item in config["nav"] for k in item}
    names = [p["toggle"]["name"] for p in config["theme"]["palette"]]
    assert [p["toggle"]["name"] for p in hant_["theme"]["palette"]] == [hant.s2t(n) for n in names]


class _Loader(yaml.SafeLoader):
    """mkdocs.yml's tags (!ENV, !!python/object/apply) read as plain values."""


_Loader.add_multi_constructor("", lambda loader, suffix, node: None)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


# --- the exceptions file -------------------------------------------------------------------------


def _write(tmp_path, text):
    path = tmp_path / "hant-exceptions.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text, message",
    [
        ("exceptions:\n  - simplified: 杨守征\n    traditional: 楊守征\n", "x.yaml:2: 'reason' must be non-empty text"),
        ("exceptions:\n  - simplified: 征\n    traditional: 征\n    reason: r\n", "x.yaml:2: '征': an exception names at least two characters"),
        ("exceptions:\n  - simplified: 发展\n    traditional: 發展\n    reason: r\n", "x.yaml:2: '发展': OpenCC converts it this way both ways already"),
        ("exceptions:\n  - simplified: 杨守征\n    traditional: 楊守征\n    reason: r\n  - simplified: 杨守征\n    traditional: 楊守征\n    reason: r\n",
         "x.yaml:5: '杨守征' is listed twice (first on line 2)"),
        ("exceptions:\n  - simplified: 杨守征\n    traditional: <b>楊守征</b>\n    reason: r\n", "x.yaml:2: '杨守征': markup characters are not allowed"),
        ("exceptions:\n  - simplified: 杨守征\n    traditonal: 楊守征\n    reason: r\n", "x.yaml:3: unknown field 'traditonal'"),
        ("- 杨守征\n", "x.yaml: expected a mapping with a list 'exceptions'"),
        ("exceptions: [\n", "x.yaml:"),
    ],
)
def test_a_bad_exception_is_named_with_its_line(tmp_path, text, message):
    with pytest.raises(CorpusError) as err:
        hant.load_exceptions(_write(tmp_path, text), "x.yaml")
    assert str(err.value).startswith(message), str(err.value)


def test_every_exception_is_needed_and_reviewed():
    listed = exceptions()
    assert listed, "the reviewed list is empty"
    for e in listed:
        assert e.reason and len(e.reason) > 20
        assert hant.s2t(e.simplified) != e.traditional or hant.t2s(e.traditional) != e.simplified
        assert hant.to_traditional(e.simplified, listed) == e.traditional
        assert hant.to_simplified(e.traditional, listed) == e.simplified


def test_a_bad_exceptions_file_stops_the_build_cleanly(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / hant.EXCEPTIONS_FILE).write_text("exceptions:\n  - simplified: 杨守征\n    traditional: 楊守征\n", encoding="utf-8")
    proc = run_build(project, tmp_path / "site")
    assert proc.returncode != 0
    assert "glossary/hant-exceptions.yaml:2: 'reason' must be non-empty text" in proc.stderr
    assert "Traceback" not in proc.stderr
