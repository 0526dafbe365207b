"""Reading on a phone (390 × 844, touch) and a desktop (1280 × 900): navigation, contents, landing, targets.

Measured as a reader meets the pages: Material's navigation (the sidebar, the
phone's drawer), the footer's previous / next, the contents entries, where a
paragraph link lands, and the size of every control outside running text
(WCAG 2.5.8: 24 × 24 px, or the spacing exception).
"""

from __future__ import annotations

import re

import pytest

from test_accessibility import KINDS

DOCS = {
    "global-security-initiative-concept-paper": ("全球安全倡议概念文件", "The Global Security Initiative Concept Paper"),
    "universal-security-community": ("致力构建普遍安全的人类命运共同体", "Working Towards a Community"),
    "sco-security-cooperation": ("习近平推动上合组织安全合作迈上新台阶", "Xi Jinping Takes SCO Security Cooperation"),
    "new-type-security-partnership": ("构建新型安全伙伴关系", "A New Type of Security Partnership"),
}
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
DEVICES = {"phone": PHONE, "desktop": DESKTOP}
BARE = re.compile(r"^\s*(（[一二三四五六七八九十]+）|\(\d+\))\s*$")
LANGS = {"zh": "", "en": "en/"}


@pytest.fixture(params=sorted(DEVICES))
def device(request, browser):
    context = browser.new_context(**DEVICES[request.param])
    page = context.new_page()
    page.device = request.param
    yield page
    context.close()


def nav_links(page) -> list[str]:
    """The addresses (without #) of the links of Material's primary navigation."""
    return page.locator("nav.md-nav--primary a.md-nav__link[href]").evaluate_all(
        "els => els.map(e => e.href.split('#')[0])"
    )


def settled_box(locator, tries: int = 40) -> dict:
    """The locator's box once it stops moving: the drawer's panels slide in (a CSS
    transition), and a reader sees where they come to rest."""
    box = locator.bounding_box()
    for _ in range(tries):
        locator.page.wait_for_timeout(50)
        again = locator.bounding_box()
        if again == box:
            return box
        box = again
    return box


def doc_url(server, prefix, slug, page=""):
    return f"{server}{prefix}texts/{slug}/{page}"


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_every_document_reaches_every_other_through_the_navigation(server, device, lang):
    """From each document page, following navigation links (a pruned section opens on its first
    document), a reader reaches every other document; the kinds are sections of the navigation."""
    prefix = LANGS[lang]
    wanted = {doc_url(server, prefix, slug) for slug in DOCS}
    for slug in DOCS:
        start = doc_url(server, prefix, slug)
        seen, frontier, reached = {start}, [start], set()
        for _ in range(2):  # the page itself, then the pages its navigation opens
            nxt = []
            for url in frontier:
                device.goto(url)
                for href in nav_links(device):
                    if href in wanted:
                        reached.add(href)
                    if href not in seen and "/texts/" in href:
                        seen.add(href)
                        nxt.append(href)
            frontier = nxt
        assert reached >= wanted - {start}, (slug, wanted - reached)
    device.goto(doc_url(server, prefix, "global-security-initiative-concept-paper"))
    sections = device.locator("nav.md-nav--primary > ul > li.md-nav__item--nested").all_inner_texts()
    kinds = ["政策文件", "评论文章", "关键词词条"] if lang == "zh" else ["Policy documents", "Commentaries", "Keyword entries"]
    assert [s.split("\n")[0].strip() for s in sections] == kinds


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_the_page_contents_are_in_the_navigation(server, device, lang):
    """Desktop: the contents in the sidebar. Phone: open the drawer, open the page's contents under it,
    tap an item; the page goes there."""
    device.goto(doc_url(server, LANGS[lang], "global-security-initiative-concept-paper"))
    if device.device == "desktop":
        toc = device.locator(".md-sidebar--secondary nav.md-nav--secondary a[href='#s3-12']")
        assert toc.is_visible()
        sibling = device.locator(".md-sidebar--primary nav.md-nav--primary a[href*='universal-security-community'], "
                                 ".md-sidebar--primary nav.md-nav--primary a[href*='sco-security-cooperation']").first
        assert sibling.is_visible()
        toc.click()
    else:
        device.locator("label.md-header__button[for='__drawer']").tap()
        opener = device.locator("nav.md-nav--primary label.md-nav__link[for='__toc']")
        opener.wait_for(state="visible")
        opener.tap()
        toc = device.locator("nav.md-nav--primary [data-md-component='toc'] a[href='#s3-12']")
        toc.wait_for(state="visible")
        box = settled_box(toc)
        assert 0 <= box["x"] and box["x"] + box["width"] <= 390
        toc.tap()
    device.wait_for_function("location.hash === '#s3-12'")
    heading = device.locator("#s3-12").bounding_box()
    assert 0 <= heading["y"] < device.viewport_size["height"]


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_no_contents_entry_is_a_bare_number(server, device, lang):
    for slug in DOCS:
        for page in ("", "parallel/"):
            device.goto(doc_url(server, LANGS[lang], slug, page))
            entries = device.locator("nav.md-nav--secondary a.md-nav__link").all_text_contents()
            assert entries or slug == "new-type-security-partnership", slug  # the keyword entry has no headings
            bare = [e.strip() for e in entries if BARE.match(e)]
            assert bare == [], (slug, page, bare)
    # the label says what the item is about; the heading itself is unchanged
    device.goto(doc_url(server, LANGS[lang], "global-security-initiative-concept-paper"))
    label = device.locator("nav.md-nav--secondary a[href='#s3-12']").first.text_content().strip()
    assert ("反恐" in label) if lang == "zh" else ("United Nations" in label), label
    assert device.locator("h3#s3-12").evaluate("h => h.firstChild.textContent.trim()") == ("（十二）" if lang == "zh" else "(12)")


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_previous_and_next_go_between_documents(server, device, lang):
    """The footer pages through the documents by kind, then date; a parallel page to the next parallel page."""
    prefix = LANGS[lang]
    order = ["global-security-initiative-concept-paper", "sco-security-cooperation", "universal-security-community", "new-type-security-partnership"]
    for i, slug in enumerate(order):
        for page in ("", "parallel/"):
            device.goto(doc_url(server, prefix, slug, page))
            prev = device.locator("a.md-footer__link--prev")
            nxt = device.locator("a.md-footer__link--next")
            if i == 0:
                assert prev.count() == 0
            else:
                assert prev.evaluate("a => a.href") == doc_url(server, prefix, order[i - 1], page)
            if i == len(order) - 1:
                assert nxt.count() == 0
            else:
                assert nxt.evaluate("a => a.href") == doc_url(server, prefix, order[i + 1], page)
                assert nxt.is_visible()


@pytest.mark.parametrize("page_name", ["", "parallel/"], ids=["document", "parallel"])
@pytest.mark.parametrize("lang", sorted(LANGS))
def test_a_paragraph_link_lands_with_its_heading_in_view(server, device, lang, page_name):
    device.goto(doc_url(server, LANGS[lang], "global-security-initiative-concept-paper", page_name) + "#s3-12-p1")
    device.wait_for_load_state("load")
    device.wait_for_timeout(300)
    header = device.locator(".md-header").bounding_box()
    heading = device.locator("#s3-12").bounding_box()
    target = device.locator("#s3-12-p1").bounding_box()
    height = device.viewport_size["height"]
    assert header["y"] + header["height"] - 1 <= heading["y"] and heading["y"] + heading["height"] <= height
    assert target["y"] < height  # and the paragraph below it
    style = device.locator("#s3-12-p1").evaluate(
        "e => { const s = getComputedStyle(e); return [s.animationName, s.boxShadow]; }"
    )
    assert style[0] == "landed" and style[1] != "none"
    # the highlight fades (the animation ends on a transparent background)
    device.locator("#s3-12-p1").evaluate("e => e.getAnimations().forEach(a => a.finish())")
    assert device.locator("#s3-12-p1").evaluate("e => getComputedStyle(e).backgroundColor") in ("rgba(0, 0, 0, 0)", "transparent")


#: Every control outside running text (WCAG 2.5.8). A link inside a paragraph, list item or
#: cell that holds other text is running text (exempt), except the variant markers and permalinks.
TARGETS_JS = """
() => {
  const W = document.documentElement.clientWidth, H = document.documentElement.scrollHeight;
  const sel = "a[href], button, input:not([type=hidden]), select, textarea, summary, label[for], [role=button], [tabindex='0']";
  const inText = (el) => {
    if (el.tagName !== "A" || el.matches(".variant-mark, .headerlink, .pair-id")) return false;
    const block = el.closest("p, li, td, th, dd, dt, figcaption, blockquote, .md-copyright, .term-tip");
    if (!block) return false;
    if (block.matches("li") && block.closest("nav")) return false;  /* navigation and contents entries */
    return block.textContent.replace(el.textContent, "").trim().length > 0;
  };
  const shown = (el) => {
    const s = getComputedStyle(el);
    if (s.visibility === "hidden" || s.display === "none") return false;
    const r = el.getBoundingClientRect();
    if (r.width < 1 || r.height < 1) return false;
    if (r.right <= 0 || r.left >= W) return false;  /* a closed drawer, off the screen */
    for (let n = el; n; n = n.parentElement) {
      const c = getComputedStyle(n);
      if (c.display === "none" || c.visibility === "hidden") return false;
      if (c.overflow === "hidden" && n !== el) {
        const b = n.getBoundingClientRect();
        if (r.bottom <= b.top || r.top >= b.bottom || r.right <= b.left || r.left >= b.right) return false;
      }
    }
    return true;
  };
  /* the overlay behind an open drawer is the whole screen, not a target of its own */
  const all = Array.from(document.querySelectorAll(sel)).filter(el => !el.matches(".md-overlay") && shown(el) && !inText(el));
  const boxes = all.map(el => { const r = el.getBoundingClientRect(); return {el, x: r.left, y: r.top + scrollY, w: r.width, h: r.height}; });
  const small = boxes.filter(b => b.w < 23.5 || b.h < 23.5);
  const circleHits = (b, o) => {  /* 24 px circle on b's centre against o's box */
    const cx = b.x + b.w / 2, cy = b.y + b.h / 2;
    const nx = Math.max(o.x, Math.min(cx, o.x + o.w)), ny = Math.max(o.y, Math.min(cy, o.y + o.h));
    return Math.hypot(cx - nx, cy - ny) < 12;
  };
  const fails = [];
  for (const b of small) {
    for (const o of boxes) {
      if (o === b || o.el.contains(b.el) || b.el.contains(o.el)) continue;
      const oSmall = o.w < 23.5 || o.h < 23.5;
      const hit = circleHits(b, o) || (oSmall && Math.hypot((b.x + b.w/2) - (o.x + o.w/2), (b.y + b.h/2) - (o.y + o.h/2)) < 24);
      if (hit) {
        const name = (e) => e.tagName.toLowerCase() + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\\s+/).join(".") : "") + " " + (e.textContent || "").trim().slice(0, 20);
        fails.push(name(b.el) + ` ${Math.round(b.w)}x${Math.round(b.h)} near ` + name(o.el));
        break;
      }
    }
  }
  return {count: boxes.length, fails};
}
"""


def target_failures(page):
    return page.evaluate(TARGETS_JS)


@pytest.mark.parametrize("lang", sorted(LANGS))
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_control_meets_the_target_size(server, device, kind, lang):
    device.goto(server + LANGS[lang] + KINDS[kind])
    device.wait_for_load_state("load")
    found = target_failures(device)
    print(f"{device.device} {lang} {kind}: {found['count']} controls, {len(found['fails'])} too small")
    assert found["count"] > 5
    assert found["fails"] == []
    if device.device == "phone":  # nothing wider than the screen, nor cut off in a scrolling box
        assert device.evaluate("document.documentElement.scrollWidth") <= 390
        cut = device.evaluate(
            "() => Array.from(document.querySelectorAll('article *')).filter(e => e.scrollWidth > e.clientWidth + 1"
            " && getComputedStyle(e).overflowX !== 'visible' && !e.closest('pre')).map(e => e.className)"
        )
        assert cut == []


def test_the_open_drawer_and_contents_meet_the_target_size(server, browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(server + KINDS["document"])
    page.locator("label.md-header__button[for='__drawer']").tap()
    page.locator("nav.md-nav--primary label.md-nav__link[for='__toc']").tap()
    page.wait_for_timeout(400)
    found = target_failures(page)
    context.close()
    assert found["fails"] == []


def tap_a_term(page, url):
    """Open ``url`` on the phone, tap its third glossary term; the term, its address and the shown tooltip."""
    page.goto(url)
    term = page.locator("article a.term").nth(2)
    term.scroll_into_view_if_needed()
    href = term.evaluate("a => a.href")
    term.tap()
    tip = page.locator("#term-tip")
    tip.wait_for(state="visible")
    return term, href, tip


@pytest.mark.parametrize("lang", sorted(LANGS))
def test_first_tap_on_a_term_shows_its_tooltip_second_follows(server, browser, lang):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    url = doc_url(server, LANGS[lang], "global-security-initiative-concept-paper")
    term, href, tip = tap_a_term(page, url)
    assert page.url == url
    assert term.get_attribute("aria-describedby") == "term-tip"
    more = tip.locator("a.term-tip__more")
    assert more.evaluate("a => a.href") == href
    box = more.bounding_box()
    assert box["height"] >= 24 and 0 <= box["x"] and box["x"] + box["width"] <= 390
    term.tap()
    page.wait_for_url(href)
    context.close()


def test_a_tap_elsewhere_hides_the_tooltip_and_its_link_leads_to_the_term(server, browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    term, href, tip = tap_a_term(page, doc_url(server, "", "global-security-initiative-concept-paper"))
    page.locator("article h1").tap()
    assert not tip.is_visible()
    term.tap()
    tip.locator("a.term-tip__more").tap()
    page.wait_for_url(href)
    context.close()


def test_the_parallel_page_describes_the_layout_it_shows(server, device):
    for prefix in ("", "en/"):
        device.goto(doc_url(server, prefix, "global-security-initiative-concept-paper", "parallel/"))
        intro = device.locator("article p").first.inner_text()
        assert "左栏" not in intro and "右栏" not in intro and "left" not in intro and "right" not in intro
        zh, en = device.locator("#s3-12-p1 .zh").bounding_box(), device.locator("#s3-12-p1 .en").bounding_box()
        if device.device == "phone":
            assert en["y"] >= zh["y"] + zh["height"] - 1  # stacked: Chinese above English
        else:
            assert abs(en["y"] - zh["y"]) < 2 and en["x"] > zh["x"]  # side by side
