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


def test_no_console_error_and_no_failed_request(server, page):
    """Every page of the list loads with no console error and no 4xx/5xx answer (sitemap fetches included)."""
    errors: list[str] = []
    failed: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    for path in PAGES:
        page.goto(server + path)
        page.wait_for_load_state("networkidle")
    search(page, "partnership")
    print(f"{len(PAGES)} pages: {len(errors)} console errors, {len(failed)} failed requests")
    assert errors == [] and failed == []
