"""The query rewriting of docs/assets/search-zh.js, run in Node (the machine's node)."""

from __future__ import annotations

import json
import subprocess

from conftest import ROOT

SCRIPT = ROOT / "docs" / "assets" / "search-zh.js"


def rewrite(queries, vocabulary):
    js = (
        "globalThis.window = undefined;"
        f"require({json.dumps(str(SCRIPT))});"
        f"const t = globalThis.segmentChineseQuery({json.dumps(vocabulary, ensure_ascii=False)});"
        f"console.log(JSON.stringify({json.dumps(queries, ensure_ascii=False)}.map(t)));"
    )
    out = subprocess.run(["node", "-e", js], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def test_chinese_runs_are_cut_into_indexed_words_by_longest_match():
    (q,) = rewrite(["两国方案"], ["两国", "方案", "两国方案"])
    assert q == "+两国方案〇* 两国方案〇^10"
    (q,) = rewrite(["对话协商"], ["对话", "协商"])
    assert q == "+对话〇* 对话〇^10 +协商〇* 协商〇^10"


def test_characters_outside_the_vocabulary_stay_optional():
    (q,) = rewrite(["全倡议"], ["倡议"])
    assert q == "全〇 +倡议〇* 倡议〇^10"


def test_english_words_are_required_but_stop_words_are_not():
    assert rewrite(["indivisible security", "the UN Charter", "Xiangshan"], []) == [
        "+indivisible* +security*",
        "the +UN* +Charter*",
        "Xiangshan",
    ]


def test_a_readers_own_query_syntax_is_left_alone():
    assert rewrite(["+安全 -合作", '"two-state"'], ["安全", "合作"]) == ["+安全 -合作", '"two-state"']
