"""Shared fixtures: the repository root, the corpus, and a real site built into a temp folder."""

from __future__ import annotations

import atexit
import contextlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
# The pipeline's caches (pinyin, files to download, compiled templates): one for this test run, not
# the user's, removed when the run ends (the process that made it removes it; pytest-xdist's
# workers inherit it).
if "CORPUS_CACHE" not in os.environ:
    os.environ["CORPUS_CACHE"] = tempfile.mkdtemp(prefix="corpus-cache-")
    atexit.register(shutil.rmtree, os.environ["CORPUS_CACHE"], ignore_errors=True)
#: What a build needs; copied into a temporary folder so tests never write into the repository.
PROJECT_PARTS = ("mkdocs.yml", "docs", "seeds", "hooks", "overrides", "glossary")


def copy_project(dest: Path) -> Path:
    """A copy of the project (without generated pages) in ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            shutil.copytree(src, dest / part, ignore=shutil.ignore_patterns("texts", "downloads", "__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / part)
    return dest


def run_build(project: Path, site: Path | None = None, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` in ``project``; returns the finished process."""
    site = site or project / "site"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", **(env or {}))
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


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@contextlib.contextmanager
def serve_folder(folder: Path):
    """``folder`` served over HTTP on 127.0.0.1 (a free port) while the block runs; yields its base URL."""
    import functools
    import http.server
    import threading

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()


@pytest.fixture(scope="session")
def server(built_site):
    """The built site served over HTTP on 127.0.0.1 (a free port), for browser tests."""
    import functools
    import http.server
    import threading

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(built_site["site"]))

    class Quiet(http.server.ThreadingHTTPServer):
        daemon_threads = True

    class QuietHandler(handler.func):  # type: ignore[name-defined]
        def log_message(self, *args):
            pass

    httpd = Quiet(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(built_site["site"])))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium driven by Playwright. A missing browser fails the run, it never skips."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: install Debian's chromium package (.ci/setup does)"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


@pytest.fixture(scope="session")
def bundle(tmp_path_factory):
    """The offline bundle, built from a copy of the project and unzipped."""
    import zipfile

    from corpus.bundle import ROOT_FOLDER, build_bundle

    project = copy_project(tmp_path_factory.mktemp("bundle-project"))
    os.symlink(ROOT / "node_modules", project / "node_modules")
    target = build_bundle(project, project / "dist" / "bundle.zip")
    folder = tmp_path_factory.mktemp("unzipped")
    with zipfile.ZipFile(target) as zf:
        zf.extractall(folder)
    print(f"offline bundle: {target.stat().st_size:,} bytes, {len(zipfile.ZipFile(target).namelist())} files")
    return {"zip": target, "root": folder / ROOT_FOLDER, "project": project}




def site_root(request) -> tuple[str, str]:
    """For a fixture run on the site "served" (on 127.0.0.1) and from the unzipped "bundle" (file://):
    the site's root address and the file name of a folder's page ("" served, "index.html" on disk)."""
    if request.param == "served":
        return request.getfixturevalue("server"), ""
    return request.getfixturevalue("bundle")["root"].as_uri() + "/", "index.html"


def search(page, query: str) -> list[str]:
    """Type ``query`` into Material's search box; return the result links (href) in order.

    Pure-CJK text typed with fill() fires no keyup, so a key is pressed after it.
    """
    box = page.locator("input.md-search__input")
    box.click()
    if box.input_value():  # clear the previous query and wait until its results are gone
        box.fill("")
        box.press("End")
        page.wait_for_function("document.querySelectorAll('.md-search-result__item').length === 0", timeout=10000)
    box.fill(query)
    box.press("End")
    page.wait_for_selector(".md-search-result__item a", timeout=10000)
    read = lambda: page.locator(".md-search-result__item a").evaluate_all("els => els.map(e => e.href)")  # noqa: E731
    hrefs = read()
    for _ in range(20):  # results render in steps: wait until two reads agree
        page.wait_for_timeout(150)
        again = read()
        if again == hrefs:
            break
        hrefs = again
    return hrefs
