"""Glossary tooltips (docs/assets/terms.js): on hover and on keyboard focus, in both languages."""

from __future__ import annotations

import pytest

DOC = "texts/global-security-initiative-concept-paper/"


@pytest.mark.parametrize("prefix,other", [("", "Global Security Initiative"), ("en/", "全球安全倡议")], ids=["zh", "en"])
def test_keyboard_focus_shows_the_term_tooltip(server, page, prefix, other):
    page.goto(server + prefix + DOC)
    link = page.locator("article a.term[href$='global-security-initiative/']").first
    title = link.get_attribute("title")
    assert title and title.startswith(other), title
    link.focus()
    tip = page.locator("#term-tip")
    assert tip.is_visible()
    assert tip.inner_text() == title
    assert tip.get_attribute("role") == "tooltip"
    # the other language's headword carries its own language tag
    assert tip.locator("span").get_attribute("lang") == ("en" if prefix == "" else "zh-Hans")
    assert title.startswith(tip.locator("span").inner_text() + " — ")
    assert link.get_attribute("aria-describedby") == "term-tip"
    # the browser's own tooltip no longer shows as well
    assert link.get_attribute("title") is None and link.get_attribute("data-tip") == title
    # below the link, inside the window
    box, anchor = tip.bounding_box(), link.bounding_box()
    assert box["y"] >= anchor["y"] + anchor["height"] and box["x"] >= 0
    assert box["x"] + box["width"] <= page.viewport_size["width"]
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    assert link.get_attribute("aria-describedby") is None


def test_hover_shows_the_term_tooltip_and_leaving_hides_it(server, page):
    page.goto(server + DOC)
    links = page.locator("article a.term")
    first, second = links.nth(0), links.nth(3)
    second_title = second.get_attribute("title")
    first.hover()
    tip = page.locator("#term-tip")
    assert tip.is_visible()
    second.hover()
    assert tip.inner_text() == second_title
    page.mouse.move(5, page.viewport_size["height"] - 5)
    assert not tip.is_visible()


def test_a_phone_sees_the_tooltip_inside_the_screen(server, browser):
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(server + DOC)
    link = page.locator("article a.term").last
    link.scroll_into_view_if_needed()
    link.focus()
    box = page.locator("#term-tip").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360
    context.close()
