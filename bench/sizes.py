"""Bytes for the benchmark: one page and what it loads, the search indexes, the site, and a search check.

Sizes "gzip" are each file compressed on its own at level 6, as a web server
sends it.
"""

from __future__ import annotations

import ast
import gzip
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
#: The page weighed: the real concept paper, the same text in every corpus.
PAGE = "texts/global-security-initiative-concept-paper/index.html"
#: A generated document (bench/generate.py) of ordinary length, for comparison.
GENERATED_PAGE = "texts/generated-0001/index.html"
INDEXES = {"zh": "search/search_index.json", "en": "en/search/search_index.json"}
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")


def gzip_size(data: bytes) -> int:
    """Bytes of ``data`` gzip-compressed at level 6 (a web server's usual level)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


#: Debian's chromium (installed by .ci/setup), driven by Playwright.
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


#: Queries timed from the last keystroke to the results (a word, a phrase, a name, per language).
TIMED_QUERIES = {"zh": ["合作", "对话协商", "上海合作组织", "联合国宪章", "核武器"],
                 "en": ["security", "dialogue", "Shanghai Cooperation Organization", "UN Charter", "nuclear weapons"]}

_TIME_QUERY = """async (q) => {
  const box = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  const settle = () => new Promise(r => setTimeout(r, 200));
  box.value = ""; box.dispatchEvent(new Event("input", {bubbles: true}));
  await settle();
  return await new Promise((resolve) => {
    let t0 = 0;
    const done = () => { observer.disconnect(); resolve(performance.now() - t0); };
    const observer = new MutationObserver(() => { if (list.querySelector(".md-search-result__item")) done(); });
    observer.observe(list, {childList: true, subtree: true});
    box.value = q;
    t0 = performance.now();
    box.dispatchEvent(new Event("input", {bubbles: true}));
    box.dispatchEvent(new KeyboardEvent("keyup", {bubbles: true, key: q.slice(-1)}));
    setTimeout(() => { observer.disconnect(); resolve(-1); }, 10000);
  });
}"""


def keystroke_to_results(tab, english: bool, rounds: int = 3) -> list[float]:
    """Milliseconds from the last keystroke (an input event) to the first result shown, for each
    timed query of the page's language, ``rounds`` times each (the search is already loaded)."""
    out = []
    for _ in range(rounds):
        for q in TIMED_QUERIES["en" if english else "zh"]:
            out.append(tab.evaluate(_TIME_QUERY, q))
    return out


def page_requests(site: Path, page: str) -> tuple[list[Path], list[Path], list[float]]:
    """The files a browser fetches for ``page``: as it loads (until the network is idle), then for a first search.

    Observed in Chromium rather than read from the HTML: scripts fetch more,
    and some files wait for the reader (the search worker, index, lunr
    languages and vocabulary load only when a reader turns to search, see
    docs/assets/search-zh.js). The first list is what a reader who only reads
    downloads; the second what a first search adds (focus the search box,
    type a word); the third the times of ``keystroke_to_results`` once the search
    is loaded (milliseconds). A request to another host is an error.
    """
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}/"
    urls: list[str] = []
    keystroke_ms: list[float] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            tab = browser.new_page(viewport={"width": 1280, "height": 900})
            tab.on("request", lambda r: urls.append(r.url))
            tab.goto(origin + page, wait_until="networkidle")
            tab.wait_for_timeout(1000)
            loaded = len(urls)
            box = tab.locator("input.md-search__input")
            box.click()
            box.fill("security" if page.startswith("en/") else "安全")  # a word of the page's language
            box.press("End")
            tab.wait_for_selector(".md-search-result__item", timeout=120_000)
            tab.wait_for_load_state("networkidle")
            keystroke_ms.extend(keystroke_to_results(tab, page.startswith("en/")))
            browser.close()
    finally:
        server.shutdown()
        server.server_close()

    def files(part: list[str], kinds: tuple[str, ...]) -> list[Path]:
        out: list[Path] = []
        for url in part:
            if not url.startswith(origin):
                raise ValueError(f"{page} loads {url} from another host")
            path = site / urlparse(url).path.lstrip("/")
            if path.suffix in kinds and path.is_file() and path not in out:
                out.append(path)
        return out

    return files(urls[:loaded], (".css", ".js")), files(urls[loaded:], (".css", ".js", ".json")), keystroke_ms


@dataclass(frozen=True)
class PageWeight:
    """One page and the CSS and JS it loads: raw and gzip bytes, by kind; and what a first search adds (gzip)."""

    html_raw: int
    html_gzip: int
    assets_raw: int
    assets_gzip: int
    search_gzip: int = 0
    #: milliseconds from the last keystroke to the first result: median and largest
    keystroke_median_ms: float = 0.0
    keystroke_max_ms: float = 0.0

    @property
    def gzip_total(self) -> int:
        return self.html_gzip + self.assets_gzip


def page_weight(site: Path, page: str = PAGE) -> PageWeight:
    """What a reader downloads for ``page``: its HTML and the CSS and JS it loads; then a first search (``page_requests``)."""
    html = (site / page).read_bytes()
    assets, search, keystroke_ms = page_requests(site, page)
    raw = sum(p.stat().st_size for p in assets)
    zipped = sum(gzip_size(p.read_bytes()) for p in assets)
    import statistics

    timed = [t for t in keystroke_ms if t >= 0] or [float("nan")]
    return PageWeight(len(html), gzip_size(html), raw, zipped, sum(gzip_size(p.read_bytes()) for p in search),
                      statistics.median(timed), max(timed))


def indexed_text(index: dict) -> str:
    """The text an index holds: titles and texts without markup, U+200B or repeated spaces."""
    parts = (_TAG.sub(" ", f"{d.get('title', '')} {d.get('text', '')}") for d in index.get("docs", []))
    return _SPACE.sub(" ", " ".join(parts).replace("\u200b", "")).strip()


@dataclass(frozen=True)
class IndexSize:
    """A search index: raw and gzip bytes, and the bytes of the text it indexes (UTF-8)."""

    raw: int
    gzip: int
    text: int
    entries: int

    @property
    def ratio(self) -> float:
        return self.raw / max(self.text, 1)


def index_sizes(site: Path) -> dict[str, IndexSize]:
    """Each language's search index (as the hooks split them) against its text."""
    out = {}
    for lang, rel in INDEXES.items():
        data = (site / rel).read_bytes()
        index = json.loads(data)
        out[lang] = IndexSize(len(data), gzip_size(data), len(indexed_text(index).encode("utf-8")), len(index["docs"]))
    return out


def site_size(site: Path) -> tuple[int, int, int]:
    """Bytes, files and HTML pages of the built site."""
    files = [p for p in site.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files), sum(1 for p in files if p.suffix == ".html")


def browser_test_queries(path: Path = ROOT / "tests" / "test_browser_search.py") -> dict[str, list[str]]:
    """The queries of the browser search test (read from its source, not imported)."""
    found = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) and node.targets[0].id in ("ZH_QUERIES", "EN_QUERIES"):
            found["zh" if node.targets[0].id == "ZH_QUERIES" else "en"] = ast.literal_eval(node.value)
    return found


def _vocabulary(site: Path) -> set[str]:
    """The Chinese words of search/vocabulary.js, which the page's query segmentation uses."""
    text = (site / "search" / "vocabulary.js").read_text(encoding="utf-8")
    return set(json.loads(text[text.index("[") : text.rindex("]") + 1]))


def query_words(query: str, vocabulary: set[str]) -> list[str]:
    """The words a query must find, cut as docs/assets/search-zh.js cuts it (longest indexed word first).

    >>> query_words("对话协商", {"对话", "协商"})
    ['对话', '协商']
    >>> query_words("Cold War mentality", set())
    ['cold', 'war', 'mentality']
    """
    words = []
    longest = max((len(w) for w in vocabulary), default=1)
    for run in _HAN_RUN.findall(query):
        i = 0
        while i < len(run):
            n = next((n for n in range(min(longest, len(run) - i), 1, -1) if run[i : i + n] in vocabulary), 0)
            if n:
                words.append(run[i : i + n])
            i += n or 1
    words += [w.lower() for w in re.split(r"[\s\-]+", _HAN_RUN.sub(" ", query)) if w]
    return words


def unfound_queries(site: Path) -> list[str]:
    """Browser-test queries for which no entry of their language's index holds every word as a word prefix.

    The entry's Chinese is cut with the vocabulary as the page cuts it, then the index's
    separator (from its own configuration) cuts each entry into words; a query is found when
    one entry has a word starting with each of the query's words, which is what the page's
    search requires.
    """
    vocabulary = _vocabulary(site)
    longest = max((len(w) for w in vocabulary), default=1)

    def cut(text: str) -> str:  # as docs/assets/search-zh.js cuts the index's text (makeCutter)
        def words(m):
            run, out, i = m.group(0), [], 0
            while i < len(run):
                n = next((n for n in range(min(longest, len(run) - i), 1, -1) if run[i : i + n] in vocabulary), 1)
                out.append(run[i : i + n])
                i += n
            return "\u200b" + "\u200b".join(out) + "\u200b"
        return _HAN_RUN.sub(words, text)

    missing = []
    for lang, queries in browser_test_queries().items():
        index = json.loads((site / INDEXES[lang]).read_text(encoding="utf-8"))
        separator = re.compile(index["config"]["separator"])
        entries = [
            [w.lower() for w in separator.split(_TAG.sub(" ", cut(f"{d.get('title', '')} {d.get('text', '')}"))) if w]
            for d in index["docs"]
        ]
        for q in queries:
            wanted = query_words(q, vocabulary)
            if not any(all(any(w.startswith(x) for w in words) for x in wanted) for words in entries):
                missing.append(f"{lang}:{q}")
    return missing
