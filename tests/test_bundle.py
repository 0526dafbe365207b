"""The offline bundle: built, unzipped, opened from disk (file://) with no network."""

from __future__ import annotations

import re

import pytest

from citation_examples import ACCESSED, EXAMPLES, SITE, expected
from conftest import search
from corpus.bundle import build_bundle


def test_bundle_is_reproducible(bundle, tmp_path):
    again = build_bundle(bundle["project"], tmp_path / "again.zip")
    assert again.read_bytes() == bundle["zip"].read_bytes()


def test_bundle_has_both_languages_and_local_search(bundle):
    root = bundle["root"]
    for rel in ("index.html", "en/index.html", "search/search_index.js", "en/search/search_index.js",
                "assets/vendor/iframe-worker/shim.js", "texts/global-security-initiative-concept-paper/index.html",
                "en/texts/global-security-initiative-concept-paper/parallel.html", "glossary/index.html"):
        assert (root / rel).exists(), rel
    html = (root / "index.html").read_text(encoding="utf-8")
    assert "unpkg.com" not in html and "fonts.googleapis" not in html
    assert "assets/vendor/iframe-worker/shim.js" in html


def test_bundle_opens_from_disk(bundle, browser):
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((bundle["root"] / "index.html").as_uri())
    assert page.evaluate("document.documentElement.lang") == "zh-Hans"
    # follow a link into a document
    with page.expect_navigation():
        page.locator("article table a", has_text="全球安全倡议概念文件").click()
    assert page.url.endswith("texts/global-security-initiative-concept-paper/index.html")
    page.goto(page.url + "#s3-12-p1")
    # switch language: same page, same paragraph
    page.locator(".md-header .md-select").hover()
    with page.expect_navigation():
        page.locator(".md-header a.md-select__link[hreflang='en']").click()
    assert "/en/texts/global-security-initiative-concept-paper/index.html#s3-12-p1" in page.url
    # a glossary tooltip is there
    assert page.locator("article a.term").first.get_attribute("title")
    # search works from disk (the inlined index), in English on English pages
    hrefs = search(page, "Xiangshan")
    assert any("/en/" in h and "xiangshan" in h.lower() for h in hrefs[:5])
    # and in Chinese on Chinese pages
    page.goto((bundle["root"] / "texts" / "global-security-initiative-concept-paper" / "index.html").as_uri())
    hrefs = search(page, "打击海盗")
    # the passage itself (its paragraph) or its section
    assert any(re.search(r"#s3-11(-p\d+)?$", h) and "/en/" not in h for h in hrefs[:6]), hrefs[:6]
    outside = [u for u in requests if not u.startswith("file:")]
    assert outside == [], outside
    context.close()


def test_home_page_offers_the_bundle_with_its_size(bundle, tmp_path):
    from bs4 import BeautifulSoup

    from conftest import run_build
    from corpus.postbuild import BUNDLE_NAME, size_label

    project = bundle["project"]
    target = project / "dist" / BUNDLE_NAME
    target.write_bytes(bundle["zip"].read_bytes())
    site = tmp_path / "site"
    proc = run_build(project, site)
    assert proc.returncode == 0, proc.stderr
    for home, lang_text in (("index.html", "下载离线版"), ("en/index.html", "Download the offline copy")):
        soup = BeautifulSoup((site / home).read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one("a.bundle-download")
        assert lang_text in link.get_text() and size_label(target.stat().st_size) in link.get_text()
        assert (site / home).parent.joinpath(link["href"]).resolve() == (site / "downloads" / BUNDLE_NAME).resolve()
    assert (site / "downloads" / BUNDLE_NAME).read_bytes() == target.read_bytes()


# -- citations and links copied from disk name the published site, never file:// ------------------

#: Records what the page puts on the clipboard (file:// pages cannot be granted clipboard access).
RECORD_CLIPBOARD = """
navigator.clipboard.writeText = t => { window.__copied = t; return Promise.resolve(); };
navigator.clipboard.write = items => items[0].getType('text/plain').then(b => b.text()).then(t => { window.__copied = t; });
"""


@pytest.fixture(scope="module")
def disk_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_CLIPBOARD)
    page = context.new_page()
    page.clock.set_fixed_time(f"{ACCESSED}T10:00:00")
    yield page
    context.close()


@pytest.mark.parametrize("key", list(EXAMPLES), ids=lambda k: "-".join(k))
def test_cite_dialog_from_disk_gives_the_worked_examples(bundle, disk_page, key):
    slug, lang, ident = key
    page = disk_page
    page.goto((bundle["root"] / ("en" if lang == "en" else "") / "texts" / slug / "index.html").as_uri())
    para = page.locator(f"#{ident}")
    para.hover()
    para.locator("button.para-cite").click()
    got = page.locator("dialog.cite-dialog .cite-text").evaluate_all(
        "els => Object.fromEntries(els.map(e => [e.closest('.cite-style').dataset.style + '/' + e.dataset.form, e.innerText]))"
    )
    assert got == expected(key)
    assert not any("file:" in text for text in got.values())
    page.locator("dialog.cite-dialog .cite-style[data-style='chicago'] button").first.click()
    page.wait_for_function("window.__copied !== undefined")
    assert page.evaluate("window.__copied") == expected(key)["chicago/note"]
    page.evaluate("delete window.__copied")
    page.keyboard.press("Escape")
    para.hover()
    para.locator("button.para-copy").click()
    page.wait_for_function("window.__copied !== undefined")
    assert page.evaluate("window.__copied") == f"{SITE}{'en/' if lang == 'en' else ''}texts/{slug}/#{ident}"


def test_a_handout_works_from_disk(bundle, browser):
    """Chosen from disk, opened, then its address opened in a new browser: the same passages, no other host."""
    from handout_steps import check, choose, shown

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    address = choose(page, lambda slug: (bundle["root"] / "texts" / slug / "index.html").as_uri())
    assert address.startswith("file:") and "handout.html?d=" in address
    check(shown(page))
    other = browser.new_context()
    again = other.new_page()
    again.on("request", lambda r: requests.append(r.url))
    again.goto(address)
    assert shown(again) == shown(page)
    # the handout's own address and its passages' links name the published site, not the disk
    assert again.locator(".handout-address .print-url").inner_text().startswith(f"{SITE}handout/?d=")
    assert all(h.startswith(SITE) for h in again.locator("a.handout-link").evaluate_all("els => els.map(e => e.href)"))
    assert [u for u in requests if not u.startswith("file:")] == []
    other.close()
    context.close()
