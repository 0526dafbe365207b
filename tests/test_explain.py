"""`python -m corpus explain SEED`: the seed named by its number or exact name, never by a part of
its hash; what cleaning removed, and the kept lines that look like furniture."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT, copy_project
from corpus.__main__ import looks_like_furniture, matching_seeds

SEEDS = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))


def explain(project, seed: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(project / "hooks"))
    return subprocess.run([sys.executable, "-m", "corpus", "--seeds", str(project / "seeds"), "explain", seed],
                          capture_output=True, text=True, env=env, cwd=project, timeout=300)


@pytest.mark.parametrize("wanted,found", [
    ("006", []),  # 003's hash d0351cc10067d099 holds "006"
    ("003", ["003_d0351cc10067d099.txt"]),
    ("3", ["003_d0351cc10067d099.txt"]),
    ("003_d0351cc10067d099.txt", ["003_d0351cc10067d099.txt"]),
    ("003_d0351cc10067d099", ["003_d0351cc10067d099.txt"]),
    ("d0351cc1", []),
    ("", []),
])
def test_seeds_are_matched_by_number_or_exact_name(wanted, found):
    assert matching_seeds(wanted, SEEDS) == found


def test_the_hash_collision_on_the_command_line(tmp_path):
    """`explain 006` does not show 003 (whose hash holds "006"); `explain 003` does, with its suspects."""
    project = copy_project(tmp_path / "project")
    proc = explain(project, "006")
    assert proc.returncode == 1 and "no seeds matching '006'" in proc.stderr
    assert "003_d0351cc10067d099" not in proc.stdout
    proc = explain(project, "003")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[0] == "003_d0351cc10067d099.txt: what cleaning did"
    assert "kept lines that look like furniture" in proc.stdout


@pytest.mark.parametrize("text", [
    "首页 | 新闻 | 评论 | 图片", "首页｜国际｜军事", "版权所有 中国网 京ICP证040089号", "【责任编辑：张三】",
    "https://www.example.org/news/1.html", "扫码关注我们", "更多精彩内容", "分享到：微信 微博",
])
def test_furniture_like_lines_are_listed(text):
    assert looks_like_furniture(text)


@pytest.mark.parametrize("text", [
    "各国应当坚持共同、综合、合作、可持续的安全观。", "（十二）加强反恐国际合作", "三、重点合作方向",
    "习近平主席指出，安全是发展的前提。",
])
def test_sentences_and_headings_are_not_listed(text):
    assert looks_like_furniture(text) == ""
