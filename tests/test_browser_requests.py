"""While a reader browses and searches the online site, no request leaves the site's own origin."""

from __future__ import annotations

from conftest import search

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
    search(page, "partnership")
    assert len(requests) > 40
    outside = [u for u in requests if not u.startswith(server)]
    print(f"{len(requests)} requests over {len(PAGES)} pages and a search; {len(outside)} to other hosts")
    assert outside == []
