"""Prints worth handing out: the concept paper printed by Chromium (A4) in Chinese, English and parallel.

Each print is read back from its PDF (pdftotext -layout, page by page): the
page count, the title, source, date and published address on page 1, no
internal file names, and no page that ends with a heading.
"""

from __future__ import annotations

import re
import subprocess

import pytest

from citation_examples import SITE

SLUG = "global-security-initiative-concept-paper"
PRINTS = {
    "zh": (f"texts/{SLUG}/", "全球安全倡议概念文件", "新华社北京2月21日电", "2023-02-21"),
    "en": (f"en/texts/{SLUG}/", "The Global Security Initiative Concept Paper", "Xinhua News Agency", "2023-02-21"),
    "parallel": (f"texts/{SLUG}/parallel/", "全球安全倡议概念文件（中英对照）", "新华社北京2月21日电", "2023-02-21"),
}


def pdf_pages(path) -> list[str]:
    """The text of each page of a PDF, laid out as printed."""
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout).group(1))
    return [
        subprocess.run(["pdftotext", "-layout", "-f", str(i), "-l", str(i), str(path), "-"], capture_output=True, text=True, check=True).stdout
        for i in range(1, count + 1)
    ]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pages_ending_with_a_heading(pages: list[str], headings: list[str], paragraphs: list[str]) -> list[tuple[int, str]]:
    """(page number, last line) of each page but the last whose last line belongs to a heading and to no paragraph."""
    heads = [squeeze(h) for h in headings]
    paras = [squeeze(p) for p in paragraphs]
    found = []
    for number, text in enumerate(pages[:-1], 1):
        lines = [line for line in text.splitlines() if line.strip()]
        last = squeeze(lines[-1]) if lines else ""
        if len(last) >= 2 and any(last in h for h in heads) and not any(last in p for p in paras):
            found.append((number, lines[-1].strip()))
    return found


def test_the_heading_check_finds_a_stranded_heading():
    pages = ["正文第一段。\n\n  （六）坚持统筹\n", "第二页。\n"]
    assert pages_ending_with_a_heading(pages, ["（六）坚持统筹维护传统领域和非传统领域安全"], ["正文第一段。"]) == [(1, "（六）坚持统筹")]
    assert pages_ending_with_a_heading(["正文第一段。\n", "x\n"], ["（六）"], ["正文第一段。"]) == []


@pytest.fixture(scope="module")
def prints(browser, server, tmp_path_factory):
    """Each print kind: its PDF's pages, and the headings and paragraphs of its page."""
    folder = tmp_path_factory.mktemp("prints")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    out = {}
    for name, (path, *_rest) in PRINTS.items():
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
        pdf = folder / f"{name}.pdf"
        page.pdf(path=str(pdf), format="A4")
        headings = page.locator("article :is(h1, h2, h3, h4)").evaluate_all("els => els.map(e => e.innerText)")
        paragraphs = page.locator("article p").evaluate_all("els => els.map(e => e.innerText)")
        out[name] = {"pages": pdf_pages(pdf), "headings": headings, "paragraphs": paragraphs}
    context.close()
    print("print pages (A4): " + ", ".join(f"{name} {len(p['pages'])}" for name, p in out.items()))
    return out


def test_the_parallel_print_is_no_longer_than_both_languages_together(prints):
    counts = {name: len(p["pages"]) for name, p in prints.items()}
    assert counts["parallel"] <= counts["zh"] + counts["en"], counts


@pytest.mark.parametrize("name", list(PRINTS))
def test_page_one_names_title_source_date_and_published_address(prints, name):
    path, title, source, date = PRINTS[name]
    first = prints[name]["pages"][0]
    assert title in first and source in first and date in first
    assert squeeze(SITE + path) in squeeze(first)


@pytest.mark.parametrize("name", list(PRINTS))
def test_no_page_ends_with_a_heading(prints, name):
    p = prints[name]
    assert len(p["headings"]) > 30 and len(p["paragraphs"]) > 30  # the check has something to look for
    assert pages_ending_with_a_heading(p["pages"], p["headings"], p["paragraphs"]) == []


@pytest.mark.parametrize("name", list(PRINTS))
def test_no_internal_file_names_or_controls_are_printed(prints, name):
    text = "".join(prints[name]["pages"])
    assert "seeds/" not in text and ".txt" not in text
    assert "复制链接" not in text and "Copy link" not in text and "打印本页" not in text


# -- a handout of three passages from two documents ---------------------------------------------

from handout_steps import SHOWN, check, choose, shown  # noqa: E402


def test_a_handout_is_built_shared_by_its_address_and_printed(browser, server, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    address = choose(page, lambda slug: f"{server}texts/{slug}/")
    check(shown(page))
    assert "d=global-security-initiative-concept-paper." in address and "d=universal-security-community.s1-p1" in address
    # the address alone gives the same handout, in a new browser (nothing remembered)
    other = browser.new_context(viewport={"width": 1280, "height": 900})
    again = other.new_page()
    again.goto(address)
    assert shown(again) == shown(page)
    # both languages side by side, from the address
    again.goto(address.replace("lang=zh", "lang=both"))
    assert again.locator(".handout-pair").count() >= 4 and again.locator(".handout-pair [lang='en']").count() >= 4
    again.goto(address)
    pdf = tmp_path / "handout.pdf"
    again.pdf(path=str(pdf), format="A4")
    text = squeeze("".join(pdf_pages(pdf)))
    for key, place, start in SHOWN:
        slug, ident = key.split(".")
        assert squeeze(place) in text and squeeze(start) in text
        assert squeeze(f"{SITE}texts/{slug}/#{ident}") in text
    assert squeeze(f"{SITE}handout/?d=") in text  # the handout's own published address
    assert "移除" not in text and "复制讲义链接" not in text
    other.close()
    context.close()
