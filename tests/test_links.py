"""Every internal link and #fragment on every page of both languages resolves."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlparse

from bs4 import BeautifulSoup


def _target(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    url = urlparse(href)
    if url.scheme or url.netloc or href.startswith(("mailto:", "javascript:")):
        return None, ""
    path = unquote(url.path)
    if not path:
        return page, unquote(url.fragment)
    target = (page.parent / path).resolve() if not path.startswith("/") else (site / path.lstrip("/")).resolve()
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target, unquote(url.fragment)


def test_internal_links_and_anchors_resolve(built_site):
    site = built_site["site"].resolve()
    pages = sorted(p for p in site.rglob("*.html"))
    ids: dict[Path, set[str]] = {}
    broken: list[str] = []
    checked = 0
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.find_all("a", href=True):
            target, fragment = _target(site, page, a["href"])
            if target is None:
                continue
            checked += 1
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {a['href']}")
                continue
            if fragment and target.suffix == ".html":
                if target not in ids:
                    ids[target] = {el["id"] for el in BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser").find_all(id=True)}
                if fragment not in ids[target]:
                    broken.append(f"{page.relative_to(site)}: {a['href']} (no #{fragment})")
    print(f"links: {len(pages)} pages, {checked} internal links checked, {len(broken)} broken")
    assert not broken, broken[:20]
