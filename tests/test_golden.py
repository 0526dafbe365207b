"""Golden tests: the cleaned, structured Markdown of each seed equals a reviewed file.

To accept a deliberate change, run ``UPDATE_GOLDEN=1 pytest tests/test_golden.py``
and review the diff of tests/golden/ before committing it.
"""

from __future__ import annotations

import os

import pytest

from conftest import ROOT, SEEDS
from corpus.render import render_blocks
from corpus.structure import structure

GOLDEN = ROOT / "tests" / "golden"
SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


def cleaned_markdown(cleaned, leads: bool) -> str:
    parts = []
    for zone in ("preface", "body", "trailer"):
        paras = getattr(cleaned, zone)
        if paras:
            doc = structure("golden", paras, leads=leads and zone == "body")
            parts.append(f"<!-- {zone} -->\n\n" + render_blocks(doc.blocks))
    return "\n".join(parts)


def removed_listing(cleaned) -> str:
    return "".join(f"{r.line}\t{r.step}\t{r.text}\n" for r in cleaned.removals)


def _find(corpus, seed):
    for d in corpus.documents:
        if seed in d.cleaned:
            return d.entry, d.cleaned[seed]
    raise AssertionError(f"{seed} not built")


@pytest.mark.parametrize("seed", SEED_FILES)
@pytest.mark.parametrize("kind", ["md", "removed.txt"])
def test_cleaned_seed_matches_golden(corpus, seed, kind):
    entry, cleaned = _find(corpus, seed)
    actual = cleaned_markdown(cleaned, entry.leads) if kind == "md" else removed_listing(cleaned)
    path = GOLDEN / f"{seed.removesuffix('.txt')}.{kind}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}; run with UPDATE_GOLDEN=1 and review it"
    assert actual == path.read_text(encoding="utf-8")
