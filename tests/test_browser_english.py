"""Browser tests (Debian's chromium via Playwright): language switch keeps the place; parallel layout."""

from __future__ import annotations

from pathlib import Path

SLUG = "global-security-initiative-concept-paper"
SHOTS = Path(__file__).resolve().parents[1] / "tests" / "_shots"


def switch_language(page, hreflang):
    page.locator(".md-header .md-select").hover()
    link = page.locator(f".md-header a.md-select__link[hreflang='{hreflang}']")
    with page.expect_navigation():
        link.click()


def in_view_below_header(page, ident):
    return page.evaluate(
        """(id) => {
            const el = document.getElementById(id);
            const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
            const r = el.getBoundingClientRect();
            return r.top >= header - 2 && r.top < window.innerHeight / 2;
        }""",
        ident,
    )


def test_switch_language_keeps_the_paragraph(server, page):
    page.goto(f"{server}texts/{SLUG}/#s3-12-p1")
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    assert in_view_below_header(page, "s3-12-p1")
    switch_language(page, "en")
    assert page.url.endswith(f"/en/texts/{SLUG}/#s3-12-p1")
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("#s3-12-p1").inner_text().startswith("Strengthen")
    assert in_view_below_header(page, "s3-12-p1")
    switch_language(page, "zh-Hans")
    assert page.url.endswith(f"/texts/{SLUG}/#s3-12-p1") and "/en/" not in page.url
    assert page.locator("#s3-12-p1").inner_text().startswith("加强联合国")


def test_switch_language_without_anchor_keeps_the_visible_paragraph(server, page):
    # the page settled first (its scripts add lines above the text as it loads), then the reader
    # scrolls to the paragraph and it stays in view
    page.goto(f"{server}texts/{SLUG}/", wait_until="networkidle")
    page.evaluate("document.getElementById('s3-7-p1').scrollIntoView()")
    page.wait_for_function("""() => {
        const top = document.getElementById('s3-7-p1').getBoundingClientRect().top;
        const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
        if (top < header - 2 || top >= innerHeight / 2) { document.getElementById('s3-7-p1').scrollIntoView(); return false; }
        return true;
    }""", polling=100)
    switch_language(page, "en")
    assert page.url.endswith("#s3-7-p1") or page.url.endswith("#s3-7")


def test_language_switch_works_from_the_keyboard(server, page):
    page.goto(f"{server}texts/{SLUG}/#s2-4-p1")
    link = page.locator(".md-header a.md-select__link[hreflang='en']")
    link.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith(f"/en/texts/{SLUG}/#s2-4-p1")


def _boxes(page, ident):
    pair = page.locator(f".pair#{ident}")
    return pair.locator("p.zh").bounding_box(), pair.locator("p.en").bounding_box()


def test_parallel_view_side_by_side_on_desktop(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{server}texts/{SLUG}/parallel/#s2-3-p1")
    zh, en = _boxes(page, "s2-3-p1")
    assert en["x"] > zh["x"] + zh["width"] - 1  # English column to the right
    assert abs(en["y"] - zh["y"]) < 2  # same row
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "parallel-desktop.png"))
    context.close()


def test_parallel_view_stacked_on_a_phone(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    page.goto(f"{server}en/texts/{SLUG}/parallel/#s2-3-p1")
    zh, en = _boxes(page, "s2-3-p1")
    assert en["y"] >= zh["y"] + zh["height"] - 1  # English under the Chinese
    assert abs(en["x"] - zh["x"]) < 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / "parallel-phone.png"))
    context.close()
