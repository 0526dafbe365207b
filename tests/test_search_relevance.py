"""Search relevance as the reader sees it: tests/search_queries.yaml in Chromium, online and from the bundle.

The figures (bench/relevance.py computes them the same way) are printed; the
asserts are the issue's targets: P@3 0.95, MRR 0.9, and the first document
result linking to a relevant paragraph (held at 0.97 here).
"""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import relevance  # noqa: E402

QUERIES = relevance.load_queries()
#: Written by a reviewer who saw neither the search code nor QUERIES (see its header).
HOLDOUT = relevance.load_queries(ROOT / "tests" / "search_queries_holdout.yaml")


def test_the_query_set_is_large_enough_and_judged():
    langs = [q["lang"] for q in QUERIES]
    assert langs.count("zh") >= 50 and langs.count("en") >= 30
    assert all(q["relevant"] for q in QUERIES)
    assert len({(q["lang"], q["query"]) for q in QUERIES}) == len(QUERIES)


@pytest.fixture(scope="module", params=["served", "bundle", "served, held-out set", "bundle, held-out set"])
def measured(request, browser):
    if request.param.startswith("served"):
        root, home = request.getfixturevalue("server"), ""
    else:
        root, home = request.getfixturevalue("bundle")["root"].as_uri() + "/", "index.html"
    queries = HOLDOUT if "held-out" in request.param else QUERIES
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    results = relevance.run(context.new_page(), root, queries, home)
    context.close()
    s = relevance.summary(results)
    print(f"search relevance ({request.param}): P@3 {s['p3']:.3f}, MRR {s['mrr']:.3f}, top passage {s['top_passage']:.3f}")
    return request.param, results, s


def test_every_query_has_results(measured):
    _, results, _ = measured
    assert [k for k, r in results.items() if not r["groups"]] == []


def test_mean_reciprocal_rank(measured):
    where, results, s = measured
    worst = sorted((r["rr"], k, r["shown"]) for k, r in results.items())[:3]
    assert s["mrr"] >= 0.9, (where, worst)


def test_top_document_result_links_to_a_relevant_paragraph(measured):
    where, results, s = measured
    misses = [(k, r["shown"]) for k, r in results.items() if not r["top_passage"]]
    assert s["top_passage"] >= 0.97, (where, misses)


def test_precision_at_three(measured):
    where, results, s = measured
    worst = sorted((r["p3"], k) for k, r in results.items())[:5]
    assert s["p3"] >= 0.95, (where, worst)
