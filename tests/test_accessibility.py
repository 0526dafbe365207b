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


@pytest.mark.parametrize("prefix,query", [("", "对话协商"), ("en/", "dialogue")], ids=["zh", "en"])
def test_open_search_dialog_has_no_violations(server, page, prefix, query):
    page.goto(server + prefix)
    search(page, query)
    found = violations(page)
    assert [v for v in found if v["impact"] in ("serious", "critical")] == [], found


def test_open_cite_dialog_has_no_violations(server, page):
    page.goto(server + KINDS["document"])
    para = page.locator("#s2-4-p1")
    para.hover()
    para.locator("button.para-cite").click()
    found = violations(page)
    assert [v for v in found if v["impact"] in ("serious", "critical")] == [], found


@pytest.mark.parametrize("kind", ["home", "document", "term page"])
def test_dark_scheme_has_no_violations(server, browser, kind):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(server + KINDS[kind])
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    found = violations(page)
    context.close()
    assert [v for v in found if v["impact"] in ("serious", "critical")] == [], found


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
