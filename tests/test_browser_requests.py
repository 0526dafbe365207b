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


def _index_requests(requests: list[str]) -> list[str]:
    """The requests for search: the worker, the index, its lunr languages and the vocabulary."""
    return [u for u in requests if u.endswith("search_index.json") or "/lunr/" in u or u.endswith("vocabulary.js") or "/workers/search." in u]


def test_search_data_waits_until_the_reader_turns_to_search(server, page):
    """A page read without searching downloads no search worker, index, vocabulary or lunr language;
    focusing the search box fetches them, and the search then works."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "texts/global-security-initiative-concept-paper/")
    page.wait_for_load_state("networkidle")
    page.mouse.wheel(0, 2000)  # reading: scroll, follow the text
    page.wait_for_timeout(500)
    assert _index_requests(requests) == []
    results = search(page, "新型安全伙伴关系")
    assert results
    fetched = _index_requests(requests)
    assert any(u == server + "search/search_index.json" for u in fetched), fetched
    assert any(u.endswith("lunr.zh.min.js") for u in fetched), fetched
    assert any("/workers/search." in u for u in fetched) and any(u.endswith("vocabulary.js") for u in fetched), fetched


def test_search_data_loads_when_search_opens_on_a_phone(server, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "en/texts/new-type-security-partnership/")
    page.wait_for_load_state("networkidle")
    assert _index_requests(requests) == []
    page.locator("label.md-header__button[for='__search']").tap()
    page.locator("input.md-search__input").fill("partnership")
    page.locator("input.md-search__input").press("End")
    page.wait_for_selector(".md-search-result__item a", timeout=10000)
    assert server + "en/search/search_index.json" in requests
    context.close()


def test_a_shared_search_address_loads_the_index_at_once(server, page):
    """Material's search sharing (?q=) opens the page with the query: the index must not wait for a gesture."""
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "en/?q=partnership")
    page.wait_for_selector(".md-search-result__item a", timeout=10000)
    assert server + "en/search/search_index.json" in requests
