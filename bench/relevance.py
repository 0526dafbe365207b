"""The search's relevance, as a reader sees it: tests/search_queries.yaml run in Chromium.

    PYTHONPATH=hooks .venv/bin/python bench/relevance.py [--queries tests/search_queries_holdout.yaml]

builds the site and the offline bundle in a temporary folder, types every
query into the search box of the home page of its language (served on
127.0.0.1, then opened from the unzipped bundle by file://) and reports:

* P@3: of the first three result groups as shown (any kind of page), the share
  that is relevant: a group is relevant when one of its visible links goes to
  a relevant paragraph or page (a group is a page with its passages);
* MRR: the mean of 1 / rank of the first relevant group (0 when none);
* top passage: for the first group that is a document, whether its first
  passage links to a relevant paragraph.

The tests (tests/test_search_relevance.py) use the same functions.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "tests" / "search_queries.yaml"


def load_queries(path: Path = QUERIES) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def location(href: str, root: str, lang: str) -> str:
    """A result link as a location relative to its language's root: ``texts/x/#p1``, ``glossary/t/``.

    >>> location("http://h/en/texts/a/?h=x#s1-p1", "http://h/", "en")
    'texts/a/#s1-p1'
    >>> location("file:///b/gsi/texts/a/index.html#p1", "file:///b/gsi/", "zh")
    'texts/a/#p1'
    """
    url = urlparse(href)
    path = unquote(url.path)
    base = unquote(urlparse(root).path)
    if path.startswith(base):
        path = path[len(base):]
    if lang != "zh" and path.startswith(f"{lang}/"):
        path = path[len(lang) + 1:]
    path = re.sub(r"(^|/)index\.html$", r"\1", path)
    path = re.sub(r"\.html$", "/", path)
    return path + (f"#{unquote(url.fragment)}" if url.fragment else "")


def read_groups(page) -> list[list[str]]:
    """The result groups as shown: each the hrefs of its visible links (its page first)."""
    return page.locator(".md-search-result__item").evaluate_all(
        "els => els.map(li => Array.from(li.querySelectorAll('a.md-search-result__link'))"
        ".filter(a => !a.closest('details')).map(a => a.href))"
    )


def judge(groups: list[list[str]], relevant: set[str]) -> dict:
    """P@3, reciprocal rank and top passage of one query's groups (locations).

    >>> judge([["glossary/t/"], ["texts/a/", "texts/a/#p2"], ["glossary/u/"]], {"glossary/t/", "texts/a/#p2"})
    {'p3': 0.6666666666666666, 'rr': 1.0, 'top_passage': True, 'groups': 3}
    """
    hits = [any(link in relevant for link in g) for g in groups]
    first = groups[:3]
    p3 = sum(hits[:3]) / len(first) if first else 0.0
    rr = next((1 / (n + 1) for n, h in enumerate(hits) if h), 0.0)
    documents = [g for g in groups if g and g[0].startswith("texts/")]
    top = bool(documents) and len(documents[0]) > 1 and documents[0][1] in relevant
    return {"p3": p3, "rr": rr, "top_passage": top, "groups": len(groups)}


def run(page, root: str, queries: list[dict], home: str = "") -> dict[tuple[str, str], dict]:
    """Every query typed on its language's home page under ``root``; the judgement of each."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import search

    out = {}
    for lang in ("zh", "en"):
        mine = [q for q in queries if q["lang"] == lang]
        if not mine:
            continue
        page.goto(root + ("" if lang == "zh" else f"{lang}/") + home)
        for q in mine:
            try:
                search(page, q["query"])
            except Exception:  # no result at all: Playwright's timeout
                groups = []
            else:
                groups = [[location(h, root, lang) for h in g] for g in read_groups(page)]
            result = judge(groups, set(q["relevant"]))
            result["shown"] = [g[:2] for g in groups[:3]]
            out[(lang, q["query"])] = result
    return out


def summary(results: dict) -> dict:
    n = len(results) or 1
    with_documents = [r for r in results.values() if r["groups"]]
    return {
        "queries": len(results),
        "p3": sum(r["p3"] for r in results.values()) / n,
        "mrr": sum(r["rr"] for r in results.values()) / n,
        "top_passage": sum(r["top_passage"] for r in results.values()) / n,
        "no_result": len(results) - len(with_documents),
    }


def main() -> int:
    import functools
    import http.server
    import tempfile
    import threading
    import zipfile

    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    sys.path.insert(0, str(ROOT / "hooks"))
    import os

    from conftest import CHROMIUM, CHROMIUM_ARGS, copy_project, run_build
    from corpus.bundle import ROOT_FOLDER, build_bundle

    import argparse

    parser = argparse.ArgumentParser(prog="bench/relevance.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--queries", type=Path, default=QUERIES,
                        help="the judged queries (default tests/search_queries.yaml; tests/search_queries_holdout.yaml "
                             "is a held-out set written without the search code)")
    args = parser.parse_args()
    queries = load_queries(args.queries)
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
        proc = run_build(project, project / "site")
        if proc.returncode:
            print(proc.stderr)
            return 1
        os.symlink(ROOT / "node_modules", project / "node_modules")
        target = build_bundle(project, Path(tmp) / "bundle.zip")
        with zipfile.ZipFile(target) as zf:
            zf.extractall(Path(tmp) / "unzipped")
        handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(project / "site"))
        handler.log_message = lambda *a: None
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        where = {
            "served": (f"http://127.0.0.1:{httpd.server_address[1]}/", ""),
            "bundle": ((Path(tmp) / "unzipped" / ROOT_FOLDER).as_uri() + "/", "index.html"),
        }
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, (root, home) in where.items():
                page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
                results = run(page, root, queries, home)
                s = summary(results)
                print(f"{name}: {s['queries']} queries; P@3 {s['p3']:.3f}, MRR {s['mrr']:.3f}, "
                      f"top document result links to a relevant paragraph {100 * s['top_passage']:.1f} %, "
                      f"{s['no_result']} without results")
                for (lang, q), r in results.items():
                    if r["p3"] < 1 or not r["top_passage"]:
                        print(f"  {lang} {q!r}: P@3 {r['p3']:.2f}, RR {r['rr']:.2f}, top passage {r['top_passage']}: {r['shown']}")
            browser.close()
        httpd.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
