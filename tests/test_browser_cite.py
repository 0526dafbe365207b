"""Teachers: copy a paragraph's permanent link, cite it in three styles, print the document."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

SLUG = "global-security-initiative-concept-paper"
SHOTS = Path(__file__).resolve().parent / "_shots"


@pytest.fixture()
def clip_page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    yield page
    context.close()


def clipboard(page):
    return page.evaluate("navigator.clipboard.readText()")


def test_copy_link_button_copies_the_permanent_url(server, clip_page):
    page = clip_page
    page.goto(f"{server}texts/{SLUG}/")
    para = page.locator("#s3-12-p1")
    para.hover()
    para.locator("button.para-copy").click()
    assert clipboard(page) == f"{server}texts/{SLUG}/#s3-12-p1"


@pytest.mark.parametrize(
    "prefix,title,source",
    [
        ("", "全球安全倡议概念文件", "新华社北京2月21日电（报纸刊本）"),
        ("en/", "The Global Security Initiative Concept Paper", "Xinhua News Agency, Beijing, 21 February (newspaper print)"),
    ],
)
def test_cite_dialog_gives_three_styles(server, clip_page, prefix, title, source):
    page = clip_page
    page.goto(f"{server}{prefix}texts/{SLUG}/")
    para = page.locator("#s2-4-p1")
    para.hover()
    para.locator("button.para-cite").click()
    styles = page.locator("dialog.cite-dialog .cite-style")
    assert styles.count() == 3
    names = page.locator("dialog.cite-dialog h3").all_inner_texts()
    assert names[0] == "GB/T 7714-2015" and ("APA" in names[1]) and ("Chicago" in names[2] or "芝加哥" in names[2])
    url = f"{server}{prefix}texts/{SLUG}/#s2-4-p1"
    for text in page.locator("dialog.cite-dialog .cite-text").all_inner_texts():
        assert title in text and source in text and url in text and "#s2-4-p1" in text
        assert "2023" in text and ("2023-02-21" in text or "2023年2月21日" in text or "February 21, 2023" in text or "(2023, February 21)" in text)
    styles.nth(1).locator("button").click()
    assert clipboard(page) == page.locator("dialog.cite-dialog .cite-text").nth(1).inner_text()


def test_keyboard_alone_reaches_and_uses_the_buttons(server, clip_page):
    page = clip_page
    page.goto(f"{server}texts/universal-security-community/")
    # Tab from the top of the page until the copy button of the first paragraph has focus
    for _ in range(200):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('para-copy')"):
            break
    else:
        pytest.fail("Tab never reached a copy-link button")
    owner = page.evaluate("document.activeElement.closest('[id]').id")
    # visible once focused (after its short fade-in)
    page.wait_for_function("getComputedStyle(document.activeElement.parentElement).opacity === '1'", timeout=3000)
    page.keyboard.press("Enter")
    assert clipboard(page).endswith(f"#{owner}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('para-cite')")
    page.keyboard.press("Enter")
    assert page.locator("dialog.cite-dialog").is_visible()
    page.keyboard.press("Escape")
    assert not page.locator("dialog.cite-dialog").is_visible()


def test_opening_a_paragraph_link_highlights_it_below_the_header(server, page):
    page.goto(f"{server}texts/{SLUG}/#s3-7-p1")
    top = page.evaluate("document.getElementById('s3-7-p1').getBoundingClientRect().top")
    header = page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert header <= top < 200
    background = page.evaluate("getComputedStyle(document.getElementById('s3-7-p1')).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")


def test_print_hides_navigation_and_keeps_text_and_provenance(server, page):
    page.goto(f"{server}texts/{SLUG}/")
    page.emulate_media(media="print")
    assert not page.locator(".md-sidebar--primary").is_visible()
    assert not page.locator(".md-header").is_visible()
    assert not page.locator(".para-tools").first.is_visible()
    assert page.locator(".provenance").is_visible()
    assert page.locator(".provenance .print-url").inner_text().endswith(f"texts/{SLUG}/")
    number = page.evaluate("getComputedStyle(document.getElementById('s1-p1'), '::before').content")
    assert number == '"s1-p1"'
    SHOTS.mkdir(exist_ok=True)
    pdf = SHOTS / "concept-paper.pdf"
    page.pdf(path=str(pdf), format="A4")
    assert pdf.stat().st_size > 50_000
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "全球安全倡议概念文件" in text and "s3-12-p1" in text  # the text and the paragraph numbers
    assert "新华社北京2月21日电" in text  # the provenance
    assert "关于本站" not in text and "复制链接" not in text  # no navigation, no buttons
