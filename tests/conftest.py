"""Shared fixtures: the repository root, the corpus, and a real site built into a temp folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
#: What a build needs; copied into a temporary folder so tests never write into the repository.
PROJECT_PARTS = ("mkdocs.yml", "docs", "seeds", "hooks", "overrides", "glossary")


def copy_project(dest: Path) -> Path:
    """A copy of the project (without generated pages) in ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("texts", "__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def run_build(project: Path, site: Path | None = None, *extra: str) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` in ``project``; returns the finished process."""
    site = site or project / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site), *extra],
        cwd=project,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )


@pytest.fixture(scope="session")
def corpus():
    from corpus.build import build_corpus

    return build_corpus(SEEDS)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site, built once per test session into a temporary folder."""
    project = copy_project(tmp_path_factory.mktemp("project"))
    site = project / "site"
    proc = run_build(project, site)
    assert proc.returncode == 0, proc.stderr
    return {"site": site, "log": proc.stderr, "project": project}
