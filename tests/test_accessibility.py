"""axe-core (npm, injected into Debian's chromium) on every kind of page, in both languages."""

from __future__ import annotations

import pytest

from conftest import ROOT, search

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
KINDS = {
    "home": "",
    "document": "texts/global-security-initiative-concept-paper/",
    "parallel view": "texts/global-security-initiative-concept-paper/parallel/",
    "versions": "texts/global-security-initiative-concept-paper/versions/",
    "other items": "texts/global-security-initiative-concept-paper/others/",
    "glossary index": "glossary/",
    "term page": "glossary/new-type-security-partnership/",
    "about": "about/",
}


def violations(page):
    assert AXE.exists(), "axe-core is missing: run bash .ci/setup (npm ci)"
    page.add_script_tag(path=str(AXE))
    return page.evaluate(
        "async () => (await axe.run()).violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.length,"
        " target: v.nodes[0].target.join(' ')}))"
    )


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["zh", "en"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_no_violations(server, page, kind, prefix):
    page.goto(server + prefix + KINDS[kind])
    found = violations(page)
    print(f"axe {prefix or 'zh/'}{kind}: {len(found)} violations")
    assert [v for v in found if v["impact"] in ("serious", "critical")] == []
    assert found == []  # none of any impact, today


def use_paragraph_tool(page, root: str, button: str) -> None:
    """On the document page under ``root``, point at a paragraph and press one of its tools."""
    page.goto(root + KINDS["document"])
    para = page.locator("#s2-4-p1")
    para.hover()
    para.locator(f"button.{button}").click()


def scheme_page(browser, scheme, **options):
    context = browser.new_context(color_scheme=scheme, **options)
    return context, context.new_page()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("prefix,query", [("", "对话协商"), ("en/", "dialogue")], ids=["zh", "en"])
def test_open_search_dialog_has_no_violations(server, browser, prefix, query, scheme):
    context, page = scheme_page(browser, scheme)
    page.goto(server + prefix)
    search(page, query)
    found = violations(page)
    context.close()
    assert found == [], found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("prefix", ["", "en/"], ids=["zh", "en"])
def test_open_cite_dialog_has_no_violations(server, browser, prefix, scheme):
    context, page = scheme_page(browser, scheme)
    use_paragraph_tool(page, server + prefix, "para-cite")
    found = violations(page)
    context.close()
    assert found == [], found


@pytest.mark.parametrize("prefix", ["", "en/"], ids=["zh", "en"])
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_dark_scheme_has_no_violations(server, browser, kind, prefix):
    context, page = scheme_page(browser, "dark")
    page.goto(server + prefix + KINDS[kind])
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    found = violations(page)
    context.close()
    print(f"axe dark {prefix or 'zh/'}{kind}: {len(found)} violations")
    assert found == [], found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_linked_paragraph_and_phone_drawer_have_no_violations(server, browser, scheme):
    """The highlight of a paragraph opened by its link, and the phone's open drawer with the page's contents."""
    context, page = scheme_page(browser, scheme, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(server + KINDS["document"] + "#s3-12-p1")
    page.wait_for_timeout(300)
    assert violations(page) == []
    page.locator("label.md-header__button[for='__drawer']").tap()
    page.locator("nav.md-nav--primary label.md-nav__link[for='__toc']").tap()
    page.wait_for_timeout(400)
    found = violations(page)
    context.close()
    assert found == [], found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tooltip_opened_by_a_tap_has_no_violations(server, browser, scheme):
    context, page = scheme_page(browser, scheme, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(server + KINDS["document"])
    term = page.locator("article a.term").nth(2)
    term.scroll_into_view_if_needed()
    term.tap()
    page.locator("#term-tip").wait_for(state="visible")
    found = violations(page)
    context.close()
    assert found == [], found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_glossary_tooltip_has_no_violations(server, browser, scheme):
    context = browser.new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto(server + KINDS["document"])
    page.locator("article a.term").first.focus()
    assert page.locator("#term-tip").is_visible()
    found = violations(page)
    context.close()
    assert found == [], found


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("prefix", ["", "en/"], ids=["zh", "en"])
def test_handout_bar_and_page_have_no_violations(server, browser, prefix, scheme):
    """A passage added to a handout (the bar at the foot of the page), then the handout page, side by side."""
    context, page = scheme_page(browser, scheme)
    use_paragraph_tool(page, server + prefix, "para-handout")
    assert page.locator(".handout-bar").is_visible()
    found = violations(page)
    page.goto(server + prefix + "handout/?d=global-security-initiative-concept-paper.s2-4-p1.s3-12&lang=both")
    page.wait_for_selector("#handout-page[data-ready]")
    found += violations(page)
    context.close()
    assert found == [], found
