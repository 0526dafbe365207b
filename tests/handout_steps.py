"""Steps shared by the handout tests online (test_print.py) and from disk (test_bundle.py)."""

from __future__ import annotations

#: Three passages from two documents: a paragraph, a whole section (its heading), a paragraph of another document.
CHOSEN = [
    ("global-security-initiative-concept-paper", "s3-12-p1"),
    ("global-security-initiative-concept-paper", "s2-4"),
    ("universal-security-community", "s1-p1"),
]
#: What the handout shows of each, in its order (the concept paper's passages in the paper's order).
SHOWN = [
    ("global-security-initiative-concept-paper.s2-4", "第二部分（四）", "人类是不可分割的安全共同体"),
    ("global-security-initiative-concept-paper.s3-12-p1", "第三部分（十二）第1段", "加强联合国在国际反恐斗争中的中心协调作用"),
    ("universal-security-community.s1-p1", "“倡导安危与共”一节第1段", "构建人类命运共同体以建设持久和平"),
]


def choose(page, address_of) -> str:
    """Add the CHOSEN passages to a handout with their buttons; open it; return the handout's address."""
    for slug, ident in CHOSEN:
        if slug not in page.url:
            page.goto(address_of(slug))
        target = page.locator(f"#{ident}")
        target.hover()
        target.locator(":scope > .para-tools .para-handout").click()
        assert target.locator(":scope > .para-tools .para-handout").get_attribute("aria-pressed") == "true"
    bar = page.locator(".handout-bar")
    assert "3" in bar.inner_text()
    with page.expect_navigation():
        bar.locator("a.handout-open").click()
    page.wait_for_selector("#handout-page[data-ready]")
    return page.url


def shown(page) -> list[tuple[str, str, str]]:
    """Each passage of the handout page: (slug.id, its heading line, its text)."""
    page.wait_for_selector("#handout-page[data-ready]")
    return page.locator(".handout-passage").evaluate_all(
        "els => els.map(e => [e.dataset.passage, e.querySelector('h2').innerText,"
        " Array.from(e.querySelectorAll('.handout-text')).map(t => t.innerText).join('\\n')])"
    )


def check(passages) -> None:
    assert [p[0] for p in passages] == [s[0] for s in SHOWN]
    for (key, heading, text), (want_key, place, start) in zip(passages, SHOWN):
        assert heading.endswith(place) and start in text
