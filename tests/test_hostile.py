"""Hostile seeds: markup and odd characters show literally, oversized input stops cleanly."""

from __future__ import annotations

import functools
import http.server
import threading

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, run_build
from corpus.clean import LINE_TEXT_STEPS, normalise_punctuation, remove_stray_cjk_spaces

SEED = "004_57f6c3e94606ab13.txt"
HOSTILE = [
    "<script>window.__pwned = 1</script>上合组织合作。",
    '<img src=x onerror="window.__pwned = 2">安全合作，共同发展。',
    "<!-- 注释 -->看不见的注释不应消失，合作。",
    "# 不是标题 * 不是列表 [不是](链接) | 不是 | 表格 | `不是代码` --- 合作。",
    "控制字符\x07与双向\u202e标记\u2066，合作。",
    "长" * 5000 + "，合作。",
    "词表里的怪词A*[b](c)|d`也只是文字，合作。",
]
#: A glossary term made of regex and Markdown characters: data, never a pattern or markup.
ODD_TERM = """
  - id: odd-term
    zh: 怪词A*[b](c)|d`
    en: odd | term (x)?
    definition:
      zh: 用来检验的词条*。
      en: A term for testing [only].
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    project = copy_project(tmp / "project")
    path = project / "seeds" / SEED
    text = path.read_text(encoding="utf-8")
    marker = "二、推行综合施策、标本兼治的安全治理模式"
    text = text.replace(marker, "\n\n".join(HOSTILE) + "\n\n" + marker, 1)
    path.write_text(text, encoding="utf-8")
    glossary = project / "glossary" / "terms.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").rstrip("\n") + "\n" + ODD_TERM, encoding="utf-8")
    site = tmp / "site"
    proc = run_build(project, site)
    assert proc.returncode == 0, proc.stderr
    return site


def test_markup_in_a_seed_shows_literally(hostile_site):
    html = (hostile_site / "texts" / "sco-security-cooperation" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article")
    text = article.get_text()
    for line in HOSTILE[:4]:
        # as the cleaner leaves it (full-width punctuation, no spaces next to Chinese), but literal
        for step in LINE_TEXT_STEPS:  # a leading "# " is read as the repost's heading mark
            line = step(line)
        expected = remove_stray_cjk_spaces(normalise_punctuation(line))
        assert expected in text, expected
    assert "window.__pwned = 1" in text and "onerror" in text
    assert not article.find("script", string=lambda s: s and "__pwned" in s)
    assert not article.find("img", attrs={"onerror": True})
    assert not article.find("table") and not article.find("code", string="不是代码")
    assert "\u202e" not in text and "\x07" not in text  # control and bidi characters removed
    assert "长" * 5000 in text


def test_a_glossary_term_of_regex_and_markdown_characters_links_literally(hostile_site):
    html = (hostile_site / "texts" / "sco-security-cooperation" / "index.html").read_text(encoding="utf-8")
    article = BeautifulSoup(html, "html.parser").select_one("article")
    (link,) = [a for a in article.select("a.term") if a["href"].endswith("odd-term/")]
    assert link.get_text() == "怪词A*[b](c)|d`"
    paragraph = link.find_parent("p")
    assert paragraph.get_text().startswith("词表里的怪词A*[b](c)|d`也只是文字")
    assert not paragraph.find("code") and not paragraph.find("em")
    term = BeautifulSoup((hostile_site / "glossary" / "odd-term" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert "怪词A*[b](c)|d`" in term.select_one("article h1").get_text()
    assert "用来检验的词条*。" in term.select_one("article").get_text()


def test_no_injected_script_runs(hostile_site, browser):
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(hostile_site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/texts/sco-security-cooperation/")
        page.wait_for_timeout(500)
        assert page.evaluate("window.__pwned") is None
        page.close()
    finally:
        httpd.shutdown()


def test_an_oversized_seed_stops_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    path = project / "seeds" / SEED
    path.write_bytes(path.read_bytes() + ("合作。" * 1_200_000).encode("utf-8"))  # about 11 MB
    proc = run_build(project, tmp_path / "site")
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    (error,) = [line for line in proc.stderr.splitlines() if line.startswith("ERROR")]
    assert f"seeds/{SEED}: seed is" in error and "more than the limit" in error
