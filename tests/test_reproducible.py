"""Two builds of the same commit are byte-identical (dates come from SOURCE_DATE_EPOCH, not the clock).

Each build has a cache of its own, so the documents' PDFs and EPUBs are made twice, not copied.
"""

from __future__ import annotations

import hashlib
import time

from conftest import copy_project, run_build


def digest(folder):
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_builds_are_identical(tmp_path):
    project = copy_project(tmp_path / "project")
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    first = run_build(project, tmp_path / "one", env=dict(env, CORPUS_CACHE=str(tmp_path / "cache-one")))
    assert first.returncode == 0, first.stderr
    time.sleep(1.1)  # a clock-dependent date or mtime would now differ
    second = run_build(project, tmp_path / "two", env=dict(env, CORPUS_CACHE=str(tmp_path / "cache-two")))
    assert second.returncode == 0, second.stderr
    one, two = digest(tmp_path / "one"), digest(tmp_path / "two")
    differing = sorted(k for k in one.keys() | two.keys() if one.get(k) != two.get(k))
    print(f"reproducible: {len(one)} files, {len(differing)} differ")
    assert not differing, differing[:10]
    made = [p for p in one if p.startswith("downloads/") and p.endswith((".pdf", ".epub"))]
    assert len(made) == 28, made  # seven files per document: five, and the traditional PDF and EPUB
    assert "28 made" in first.stderr and "28 made" in second.stderr
    assert "<lastmod>2023-11-14</lastmod>" in (tmp_path / "one" / "sitemap.xml").read_text(encoding="utf-8")
