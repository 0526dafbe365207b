"""The pinyin of glossary headwords (hooks/corpus/pinyin.py): made by pypinyin, kept between builds."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from conftest import ROOT

SCRIPT = """
import sys
import corpus.pinyin as p
print(p.reading("安全合作"), "|", p.reading("银行", "plain"), "|", "pypinyin" in sys.modules)
"""


def run(cache: str) -> list[str]:
    env = dict(os.environ, CORPUS_CACHE=cache, PYTHONPATH=str(ROOT / "hooks"))
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=True).stdout
    return [part.strip() for part in out.split("|")]


def test_readings_come_from_pypinyin_once_then_from_the_cache(tmp_path):
    first = run(str(tmp_path))
    assert first == ["ān quán hé zuò", "yin hang", "True"]  # made by pypinyin
    (cache,) = tmp_path.glob("pinyin-*.json")
    assert json.loads(cache.read_text(encoding="utf-8"))["tone"]["安全合作"] == "ān quán hé zuò"
    assert run(str(tmp_path)) == ["ān quán hé zuò", "yin hang", "False"]  # read back, pypinyin never imported


def test_a_broken_cache_is_only_a_slower_build(tmp_path):
    run(str(tmp_path))
    (cache,) = tmp_path.glob("pinyin-*.json")
    cache.write_text('{"tone": {"安全合作": 7}, "plain": "nonsense"', encoding="utf-8")
    assert run(str(tmp_path)) == ["ān quán hé zuò", "yin hang", "True"]
    assert json.loads(cache.read_text(encoding="utf-8"))["plain"]["银行"] == "yin hang"  # written again, whole


def test_an_empty_setting_keeps_nothing_on_disk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert run("") == ["ān quán hé zuò", "yin hang", "True"]
    assert list(tmp_path.iterdir()) == []
