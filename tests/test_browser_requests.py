"""While a reader browses and searches the online site, no request leaves the site's own origin."""

from __future__ import annotations

PAGES = [
    "",
    "texts/global-security-initiative-concept-paper/",
    "texts/global-security-initiative-concept-paper/parallel/",
    "texts/global-security-initiative-concept-paper/versions/",
    "texts/universal-security-community/",
    "texts/sco-security-cooperation/",
    "glossary/",
    "glossary/new-type-security-partnership/",
    "en/",
    "en/texts/new-type-security-partnership/",
]


def test_no_request_to_another_host(server, page):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    for path in PAGES:
        page.goto(server + path)
    page.locator("input.md-search__input").click()
    box = page.locator("input.md-search__input")
    box.fill("partnership")
    box.press("End")
    page.wait_for_selector(".md-search-result__item a", timeout=10000)
    assert len(requests) > 40
    outside = [u for u in requests if not u.startswith(server)]
    print(f"{len(requests)} requests over {len(PAGES)} pages and a search; {len(outside)} to other hosts")
    assert outside == []
