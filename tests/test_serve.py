"""``mkdocs serve``'s rebuilds: what they keep from the last rebuild (corpus/servecache.py) never
shows an author anything but what a fresh build shows, and a save is noticed by file events
(corpus/watcher.py) without the build's own reading of docs/ starting the next build.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, copy_project

#: Builds the project as ``mkdocs serve`` does (one process, one site folder, ``on_startup("serve")``),
#: then, per round of edits, edits the files and builds again; prints per build the memo's figures
#: and the warnings logged.
REBUILDS = r'''
import json, logging, os, sys
from pathlib import Path

class Count(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []
    def emit(self, record):
        self.messages.append(record.getMessage())

def main():
    project, site, command, rounds = Path(sys.argv[1]), sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
    os.chdir(project)
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    def config():
        c = load_config(config_file="mkdocs.yml", site_dir=site)
        c.site_url = "http://127.0.0.1:8000/"
        return c

    first = config()
    first.plugins.on_startup(command=command, dirty=False)
    for n, edits in enumerate([[]] + rounds):
        for path, old, new in edits:
            p = project / path
            text = p.read_text(encoding="utf-8")
            assert old in text, (path, old)
            p.write_text(text.replace(old, new, 1), encoding="utf-8")
        count = Count()
        logging.getLogger("mkdocs").addHandler(count)
        from corpus import servecache, servepages
        stats = lambda: {**servecache.stats, **servepages.stats}
        before = stats()
        build(first if n == 0 else config())
        logging.getLogger("mkdocs").removeHandler(count)
        print(json.dumps({"stats": {k: v - before[k] for k, v in stats().items()}, "warnings": count.messages}))
    first.plugins.on_shutdown()

if __name__ == "__main__":
    main()
'''

ENV = {"CORPUS_DOWNLOADS": "off", "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
SEED = "seeds/004_57f6c3e94606ab13.txt"
#: An author's edits, one rebuild each: a sentence and a heading of a seed; a glossary definition and
#: a new alias (jieba learns a word: every page's search words may change); a document's English
#: title (in the navigation of every English page); a broken link in a
#: hand-written page (a warning); nothing at all (every page reused, the warning written again).
ROUNDS = [
    [[SEED, "安全合作是上合组织的", "安全合作始终是上合组织的"], [SEED, "一、继续秉持共同", "一、始终秉持共同"]],
    [["glossary/terms.yaml", "以“六个坚持”为核心理念与原则。", "以“六个坚持”为核心理念与基本原则。"],
     ["glossary/terms.yaml", "      zh: []\n      en: [GSI]\n", "      zh: [全球安全倡议构想]\n      en: [GSI]\n"]],
    [["seeds/catalog.yaml", "      en: Xi Jinping Takes SCO Security Cooperation to a New Level\n",
      "      en: Xi Jinping Lifts SCO Security Cooperation to a New Level\n"]],
    [["docs/about.md", "## 文本从哪里来\n", "## 文本从哪里来\n\n参见[不存在的页面](no-such-page.md)。\n"]],
    [],
]


def _run(script: Path, project: Path, site: Path, command: str, rounds: list) -> list[dict]:
    done = subprocess.run(
        [sys.executable, str(script), str(project), str(site), command, json.dumps(rounds, ensure_ascii=False)],
        capture_output=True, text=True, timeout=900, env=dict(os.environ, **ENV),
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-3000:]
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory):
    """The same rounds of edits rebuilt as ``mkdocs serve`` does, with and without what it keeps."""
    tmp = tmp_path_factory.mktemp("serve")
    script = tmp / "rebuilds.py"
    script.write_text(REBUILDS, encoding="utf-8")
    runs = {}
    for command in ("serve", "build"):  # "build": nothing kept, every page converted again
        project = copy_project(tmp / command / "project")
        runs[command] = (_run(script, project, tmp / command / "site", command, ROUNDS), tmp / command / "site")
    fresh_project = tmp / "build" / "project"  # the edited project, built once by a new process
    runs["fresh"] = (_run(script, fresh_project, tmp / "fresh-site", "build", []), tmp / "fresh-site")
    return runs


def test_rebuilds_show_what_a_fresh_build_shows(rebuilt):
    serve_site, plain_site, fresh_site = rebuilt["serve"][1], rebuilt["build"][1], rebuilt["fresh"][1]
    kept, plain, fresh = _files(serve_site), _files(plain_site), _files(fresh_site)
    assert len(kept) > 300  # every page of the three editions, their assets and search indexes
    assert sorted(kept) == sorted(fresh)
    differ = [name for name in kept if kept[name] != fresh[name]]
    assert differ == [], f"{len(differ)} files differ from a fresh build: {differ[:10]}"
    assert [n for n in plain if plain[n] != fresh.get(n)] == []
    page = (serve_site / "texts/sco-security-cooperation/index.html").read_text(encoding="utf-8")
    assert "安全合作始终是上合组织的" in page and "始终秉持共同" in page
    assert "Xi Jinping Lifts SCO" in (serve_site / "en/index.html").read_text(encoding="utf-8")
    assert "核心理念与基本原则" in (serve_site / "glossary/global-security-initiative/index.html").read_text(encoding="utf-8")


def test_a_rebuild_converts_only_what_changed(rebuilt):
    builds = rebuilt["serve"][0]
    first, edited_seed, glossary, title, broken_link, nothing = (b["stats"] for b in builds)
    pages = first["render_misses"]
    assert pages > 250 and first["render_hits"] == 0
    # the edited document's pages (three editions: its page, parallel view …) and the pages that list it
    assert 0 < edited_seed["render_misses"] <= 20, edited_seed
    assert edited_seed["render_hits"] + edited_seed["render_misses"] == pages
    assert 0 < edited_seed["entry_misses"] <= 20, edited_seed
    assert first["template_opaque"] == 0 and first["template_misses"] == pages, first  # every page's context fingerprinted
    assert 0 < edited_seed["template_misses"] <= 20 and edited_seed["template_hits"] + edited_seed["template_misses"] == pages
    # a new word for jieba: the search entries are made again; the Markdown of pages without the term stays
    assert glossary["entry_misses"] > pages / 2, glossary
    # the title is on the English pages that list documents or link to it (the home page, the glossary's terms)
    assert title["template_misses"] > pages / 4, title
    assert nothing["render_misses"] == 0 and nothing["entry_misses"] == 0 and nothing["template_misses"] == 0, nothing


def test_a_kept_page_logs_its_warnings_again(rebuilt):
    builds = rebuilt["serve"][0]
    warned = [w for w in builds[4]["warnings"] if "no-such-page.md" in w]
    again = [w for w in builds[5]["warnings"] if "no-such-page.md" in w]
    assert warned, builds[4]["warnings"]
    assert again == warned  # the page was not converted again, and its warning still shows
    assert builds[5]["stats"]["render_misses"] == 0


def test_nothing_is_kept_outside_serve(rebuilt):
    assert all(b["stats"] == {k: 0 for k in b["stats"]} for b in rebuilt["build"][0])


def _server(tmp: Path):
    from mkdocs.livereload import LiveReloadServer

    return LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp))


def _wants_rebuild_after(server, action, wait: float = 1.5) -> bool:
    with server._rebuild_cond:
        server._want_rebuild = False
    action()
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        with server._rebuild_cond:
            if server._want_rebuild:
                return True
        time.sleep(0.02)
    return False


def test_a_save_is_noticed_by_events_and_reading_is_not_a_change(tmp_path):
    from corpus import watcher
    from watchdog.observers.polling import PollingObserver

    docs, seeds = tmp_path / "docs", tmp_path / "seeds"
    for folder in (docs / "texts", seeds):
        folder.mkdir(parents=True)
    page, seed = docs / "texts" / "a.md", seeds / "a.txt"
    page.write_text("# A\n", encoding="utf-8")
    seed.write_text("甲\n", encoding="utf-8")
    server = _server(tmp_path / "site")
    server.watch(str(docs))
    assert isinstance(server.observer, PollingObserver)
    assert watcher.use_events(server, [str(seeds)]) is True
    assert not isinstance(server.observer, PollingObserver)
    server.watch(str(seeds))  # what MkDocs watches after on_serve goes to the new observer too
    assert set(server._watched_paths) == {str(docs), str(seeds)}
    server.observer.start()
    try:
        time.sleep(0.2)
        assert not _wants_rebuild_after(server, lambda: page.read_text(encoding="utf-8"))  # a build reads docs/
        started = time.monotonic()
        assert _wants_rebuild_after(server, lambda: seed.write_text("乙\n", encoding="utf-8"))
        assert time.monotonic() - started < 0.5  # not the next poll: at once
        assert _wants_rebuild_after(server, lambda: (docs / "texts" / "b.md").write_text("# B\n", encoding="utf-8"))
        assert _wants_rebuild_after(server, page.unlink)
    finally:
        server.observer.stop()
        server.observer.join(5)


def test_without_events_the_server_keeps_polling(tmp_path, monkeypatch):
    from corpus import watcher
    from watchdog.observers.polling import PollingObserver

    server = _server(tmp_path)
    server.watch(str(tmp_path))
    monkeypatch.setattr(watcher, "_works", lambda observer_class, paths: False)  # e.g. no inotify watches left
    assert watcher.use_events(server, []) is False
    assert isinstance(server.observer, PollingObserver)
    assert set(server._watched_paths) == {str(tmp_path)}


def test_the_trial_reports_a_path_the_kernel_cannot_watch(tmp_path):
    from corpus import watcher

    observer = watcher._event_observer()
    if observer is None:
        pytest.skip("no file events on this system")
    assert watcher._works(observer, [str(tmp_path)]) is True
    assert watcher._works(observer, [str(tmp_path / "missing")]) is False


@pytest.fixture()
def kept_env(tmp_path):
    """A template environment that keeps page HTML (servepages), a page and its configuration."""
    import jinja2
    from corpus import servepages
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    (tmp_path / "docs").mkdir()
    config = MkDocsConfig()
    config.load_dict({"site_name": "x", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    errors, _ = config.validate()
    assert not errors
    page = Page("A", File("a.md", str(tmp_path / "docs"), str(tmp_path / "site"), True), config)
    page.content = "<p>one</p>"
    env = jinja2.Environment()
    servepages.keep_pages(env)
    servepages.clear()
    yield env, page, config
    servepages.clear()


def test_a_page_is_rendered_again_when_anything_its_template_sees_changes(kept_env):
    from corpus import servepages

    env, page, config = kept_env
    template = env.from_string("{{ page.content }}|{{ page.title }}|{{ extra }}|{{ config.site_name }}")
    context = {"page": page, "config": config, "extra": ["a"]}
    assert template.render(context) == "<p>one</p>|A|['a']|x"
    assert template.render(context) == "<p>one</p>|A|['a']|x"
    assert servepages.stats["template_hits"] == 1
    page.content = "<p>two</p>"
    assert template.render(context).startswith("<p>two</p>")
    context["extra"] = ["b"]
    assert template.render(context).endswith("['b']|x")
    config["site_name"] = "y"
    servepages._build[0] = None  # the next build (a new configuration object in mkdocs serve)
    assert template.render(context).endswith("|y")
    assert servepages.stats == {"template_hits": 1, "template_misses": 4, "template_opaque": 0}


def test_a_context_that_cannot_be_fingerprinted_is_rendered_every_time(kept_env):
    from corpus import servepages

    env, page, config = kept_env

    class Unknown:
        def __init__(self):
            self.calls = 0

        def __str__(self):
            self.calls += 1
            return f"call {self.calls}"

    thing = Unknown()
    template = env.from_string("{{ page.content }} {{ thing }}")
    assert template.render(page=page, config=config, thing=thing) == "<p>one</p> call 1"
    assert template.render(page=page, config=config, thing=thing) == "<p>one</p> call 2"
    assert servepages.stats["template_opaque"] == 2 and servepages.stats["template_hits"] == 0
    with pytest.raises(servepages.Opaque):
        servepages.fingerprint(thing)


def test_the_files_worker_ends_with_the_server(tmp_path):
    """A server killed by a signal runs no shutdown: its worker process must not live on as an orphan."""
    import signal

    script = tmp_path / "server.py"
    script.write_text(
        "import os, sys, time\n"
        f"sys.path.insert(0, {str(ROOT / 'hooks')!r})\n"
        "from pathlib import Path\n"
        "from corpus import downloads\n"
        "if __name__ == '__main__':\n"
        "    pool = downloads.worker_pool(1)\n"
        f"    pool.submit(downloads.make_and_publish, [], [], Path({str(tmp_path)!r}), Path({str(tmp_path)!r})).result(timeout=120)\n"
        "    print(*pool._processes, flush=True)\n"
        "    time.sleep(600)\n",
        encoding="utf-8",
    )
    server = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        worker = int(server.stdout.readline())
        os.kill(worker, 0)  # alive while the server is
        server.send_signal(signal.SIGKILL)
        server.wait(10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                os.kill(worker, 0)
            except ProcessLookupError:
                break
            time.sleep(0.1)
        else:
            os.kill(worker, signal.SIGKILL)
            pytest.fail("the worker outlived its server by 10 s")
    finally:
        if server.poll() is None:
            server.kill()


def test_the_builds_own_writes_start_no_rebuild(tmp_path):
    """The pages the build writes into docs/ are not an author's save; an author's save of the same file is."""
    from corpus import ownwrites, watcher
    from corpus.build import write_pages

    docs = tmp_path / "docs"
    (docs / "texts").mkdir(parents=True)
    server = _server(tmp_path / "site")
    server.watch(str(docs))
    assert watcher.use_events(server, [])
    server.observer.start()
    try:
        time.sleep(0.2)
        pages = {"texts/a/index.md": "# A\n", "texts/b/index.md": "# B\n"}
        assert not _wants_rebuild_after(server, lambda: write_pages(pages, docs, roots=("texts",)))
        assert not _wants_rebuild_after(server, lambda: write_pages({"texts/a/index.md": "# A2\n"}, docs, roots=("texts",)))
        assert not (docs / "texts/b/index.md").exists()  # removed by the build: no rebuild either
        page = docs / "texts/a/index.md"
        assert _wants_rebuild_after(server, lambda: page.write_text("# A, by hand\n", encoding="utf-8"))
        assert _wants_rebuild_after(server, lambda: (docs / "texts/c.md").write_text("# C\n", encoding="utf-8"))
        assert _wants_rebuild_after(server, page.unlink)  # the author removes a page the build wrote
    finally:
        server.observer.stop()
        server.observer.join(5)
        ownwrites.clear()
