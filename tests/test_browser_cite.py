"""Teachers: copy a paragraph's permanent link, cite it in three styles, print the document."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from citation_examples import ACCESSED, APA_ITALIC, EXAMPLES, SITE, expected

SLUG = "global-security-initiative-concept-paper"
SHOTS = Path(__file__).resolve().parent / "_shots"


@pytest.fixture()
def clip_page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.rstrip("/"))
    page = context.new_page()
    page.clock.set_fixed_time(f"{ACCESSED}T10:00:00")  # the access date of the worked examples
    yield page
    context.close()


def clipboard(page):
    return page.evaluate("navigator.clipboard.readText()")


def clipboard_html(page):
    return page.evaluate(
        "navigator.clipboard.read().then(items => items[0].getType('text/html')).then(b => b.text())"
    )


def dialog_citations(page, ident: str) -> dict[str, str]:
    """Open the cite dialog of passage ``ident``; each form's text as the reader sees it, by style/form."""
    para = page.locator(f"#{ident}")
    para.hover()
    para.locator("button.para-cite").click()
    page.wait_for_selector("dialog.cite-dialog[open]")
    return page.locator("dialog.cite-dialog .cite-text").evaluate_all(
        "els => Object.fromEntries(els.map(e => [e.closest('.cite-style').dataset.style + '/' + e.dataset.form, e.innerText]))"
    )


def test_copy_link_button_copies_the_published_address(server, clip_page):
    page = clip_page
    page.goto(f"{server}texts/{SLUG}/")
    para = page.locator("#s3-12-p1")
    para.hover()
    para.locator("button.para-copy").click()
    assert clipboard(page) == f"{SITE}texts/{SLUG}/#s3-12-p1"


@pytest.mark.parametrize("key", list(EXAMPLES), ids=lambda k: "-".join(k))
def test_cite_dialog_gives_the_worked_examples(server, clip_page, key):
    slug, lang, ident = key
    page = clip_page
    page.goto(f"{server}{'en/' if lang == 'en' else ''}texts/{slug}/")
    assert dialog_citations(page, ident) == expected(key)
    names = page.locator("dialog.cite-dialog h3").all_inner_texts()
    assert names[0] == "GB/T 7714-2015" and "APA" in names[1] and ("Chicago" in names[2] or "芝加哥" in names[2])
    locator = expected(key)["apa/intext"]
    assert page.locator("dialog.cite-dialog h2").inner_text().split(" · ")[1] in locator


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_copy_puts_rich_and_plain_text_on_the_clipboard(server, clip_page, lang):
    page = clip_page
    key = (SLUG, lang, "s3-12-p1")
    page.goto(f"{server}{'en/' if lang == 'en' else ''}texts/{SLUG}/")
    dialog_citations(page, "s3-12-p1")
    apa = page.locator("dialog.cite-dialog .cite-style[data-style='apa']")
    apa.locator("button").first.click()
    page.wait_for_timeout(100)
    plain = expected(key)["apa/entry"]
    assert clipboard(page) == plain
    italic = APA_ITALIC[SLUG, lang]
    rich = clipboard_html(page)
    assert f"<i>{italic}</i>" in rich and plain.replace(italic, f"<i>{italic}</i>") in rich
    # the parallel view cites in the page's language too
    page.goto(f"{server}{'en/' if lang == 'en' else ''}texts/{SLUG}/parallel/")
    assert dialog_citations(page, "s3-12-p1")["chicago/note"] == expected(key)["chicago/note"].replace(f"texts/{SLUG}/#", f"texts/{SLUG}/parallel/#")


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
    assert page.locator(".provenance .print-url").inner_text() == f"{SITE}texts/{SLUG}/"
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
