"""The query rewriting of docs/assets/search-zh.js, run in Node (the machine's node)."""

from __future__ import annotations

import json
import re
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


def rerank(query, docs, matched):
    """The groups (page locations, in order) that docs/assets/search-zh.js shows for ``query``, when
    the worker matched the entries at ``matched`` (locations) of the index ``docs``."""
    js = (
        "globalThis.window = undefined;"
        f"require({json.dumps(str(SCRIPT))});"
        "const R = globalThis.searchResults;"
        f"const docs = R.prepare({json.dumps(docs, ensure_ascii=False)});"
        f"const items = {json.dumps(matched, ensure_ascii=False)}.map((loc, n) => [Object.assign({{}}, docs.find(d => d.location === loc), {{score: 10 - n, terms: {{}}}})]);"
        f"const out = R.rerank({{items}}, {json.dumps(query, ensure_ascii=False)}, docs);"
        "console.log(JSON.stringify(out.items.map(g => g[0].location)));"
    )
    out = subprocess.run(["node", "-e", js], capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def entry(location, text, title="", names=None):
    e = {"location": location, "title": title, "text": f"<p>{text}</p>"}
    if names is not None:
        e["names"] = names
    return e


INDEX = [
    entry("texts/a/", "", "甲文件"),
    entry("texts/a/#p1", "我们呼吁通过对话协商解决分歧。"),
    entry("texts/b/", "", "乙文件"),
    entry("texts/b/#p1", "对话是出路，协商是办法。"),  # the words, apart
    entry("texts/a/parallel/", "", "甲文件 对照"),
    entry("texts/a/parallel/#p1", "我们呼吁通过对话协商解决分歧。"),
    entry("texts/c/versions/", "", "丙文件 版本"),
    entry("texts/c/versions/#copy-1", "转载本写作：加强对话协商。"),
    entry("glossary/dialogue/", "主张对话协商。", "对话", names=["对话", "dialogue"]),
    entry("glossary/consultation/", "定义里提到对话协商的办法。", "协商机制", names=["协商机制", "consultation mechanism"]),
    entry("glossary/nuclear/", "核战争打不赢也打不得。", "核战争打不赢也打不得", names=["核战争打不赢也打不得"]),
    entry("texts/d/", "", "丁文件"),
    entry("texts/d/#p1", "防止核战争。"),
]


def test_a_chinese_string_shows_the_pages_that_hold_it_not_its_words_apart():
    shown = rerank("对话协商", INDEX, ["texts/b/#p1", "texts/a/#p1", "glossary/consultation/"])
    # every page that holds the string is found, even where the worker did not match it (c's versions);
    # b holds 对话 and 协商 apart; a's parallel view repeats a; the term pages only mention it
    assert shown == ["texts/a/", "texts/c/versions/"]


def test_a_term_page_that_only_mentions_the_words_is_left_out_when_a_document_answers():
    assert rerank("办法", INDEX, ["glossary/consultation/", "texts/b/#p1"]) == ["texts/b/"]
    # when it is all there is, it is shown
    assert rerank("定义", INDEX, ["glossary/consultation/"]) == ["glossary/consultation/"]


def test_the_term_the_query_names_comes_first_and_a_term_whose_name_holds_it_stays():
    assert rerank("对话", INDEX, ["texts/b/#p1", "glossary/dialogue/"])[0] == "glossary/dialogue/"
    assert rerank("核战争", INDEX, ["texts/d/#p1", "glossary/nuclear/"]) == ["texts/d/", "glossary/nuclear/"]


def test_a_parallel_view_or_versions_page_is_left_out_when_its_document_is_shown():
    shown = rerank("对话协商", INDEX, ["texts/a/parallel/#p1", "texts/a/#p1", "texts/c/versions/#copy-1"])
    assert shown == ["texts/a/", "texts/c/versions/"]  # c's own page does not hold it: its versions page stays


def test_the_same_rules_hold_for_the_offline_bundles_file_addresses():
    """In the bundle pages are files: texts/a/index.html, texts/a/parallel.html, glossary/t.html."""
    def as_file(loc):
        page, _, frag = loc.partition("#")
        if re.fullmatch(r"texts/[^/]+/", page):
            page += "index.html"
        else:  # glossary/t/ -> glossary/t.html, texts/a/parallel/ -> texts/a/parallel.html
            page = page[:-1] + ".html"
        return page + (f"#{frag}" if frag else "")

    index = [dict(e, location=as_file(e["location"])) for e in INDEX]
    shown = rerank("对话协商", index, [as_file(x) for x in ("texts/a/parallel/#p1", "texts/a/#p1", "glossary/consultation/")])
    assert shown == ["texts/a/index.html", "texts/c/versions.html"]


def test_an_english_word_as_typed_comes_before_words_it_begins():
    index = [entry("texts/a/", "", "A"), entry("texts/a/#p1", "Nations unite and unfold."),
             entry("texts/b/", "", "B"), entry("texts/b/#p1", "The UN Charter.")]
    assert rerank("UN", index, ["texts/a/#p1", "texts/b/#p1"]) == ["texts/b/", "texts/a/"]


def test_any_form_of_a_term_finds_the_others():
    """The query names a term (a form in the table): every entry holding any of its forms is found."""
    table = {"上合组织": "zq1x", "上海合作组织": "zq1x", "sco": "zq1x", "shanghai cooperation organization": "zq1x"}
    index = [entry("texts/a/", "", "A"), entry("texts/a/#p1", "上海合作组织成员国。"),
             entry("texts/b/", "", "B"), entry("texts/b/#p1", "合作是出路。"),
             entry("texts/c/", "", "C"), entry("texts/c/#p1", "The SCO summit.")]
    js = (
        "globalThis.window = undefined;"
        f"require({json.dumps(str(SCRIPT))});"
        "const R = globalThis.searchResults;"
        f"const docs = R.prepare({json.dumps(index, ensure_ascii=False)});"
        f"const out = R.rerank({{items: []}}, '上合组织', docs, {json.dumps(table, ensure_ascii=False)});"
        "console.log(JSON.stringify(out.items.map(g => [g[0].location, g.slice(1).map(i => i.text)])));"
    )
    shown = json.loads(subprocess.run(["node", "-e", js], capture_output=True, text=True, check=True).stdout)
    assert [g[0] for g in shown] == ["texts/a/", "texts/c/"]
    assert "<mark>上海合作组织</mark>" in shown[0][1][0] and "<mark>SCO</mark>" in shown[1][1][0]
    t = rewrite_with_terms(["SCO", "Shanghai Cooperation Organisation", "上合组织 反恐", "scope"], table)
    assert t[0].startswith("+zq1x") and t[2].startswith("+zq1x") and "+反恐" in t[2]
    assert "zq1x" not in t[3]


def rewrite_with_terms(queries, table):
    js = (
        "globalThis.window = undefined;"
        f"require({json.dumps(str(SCRIPT))});"
        f"const t = globalThis.segmentChineseQuery(['上合组织', '反恐'], {json.dumps(table, ensure_ascii=False)});"
        f"console.log(JSON.stringify({json.dumps(queries, ensure_ascii=False)}.map(t)));"
    )
    return json.loads(subprocess.run(["node", "-e", js], capture_output=True, text=True, check=True).stdout)


def node(js: str):
    """Run ``js`` in Node after docs/assets/search-zh.js, with R = its functions; return what it prints (JSON)."""
    script = f"globalThis.window = undefined; require({json.dumps(str(SCRIPT))}); const R = globalThis.searchResults;" + js
    return json.loads(subprocess.run(["node", "-e", script], capture_output=True, text=True, check=True).stdout)


def test_a_chinese_query_held_by_a_document_is_answered_without_the_index():
    """The worker skips the index's search (which scores every entry holding a common word) only
    when the query is Chinese strings and named terms, and a document holds them all."""
    docs = json.dumps(INDEX, ensure_ascii=False)
    asked = ["对话协商", "核战争", "办法", "定义", "对话 协商", "对话协商 UN", "+对话", "没有的词"]
    out = node(f"const docs = R.prepare({docs});"
               f"console.log(JSON.stringify({json.dumps(asked, ensure_ascii=False)}.map(q => R.answersWithoutIndex(q, docs))));")
    # 定义 is held by a term page only; 对话协商 UN has an English word; +对话 is the reader's syntax
    assert out == [True, True, True, False, True, False, False, False]


def test_without_the_index_every_entry_holding_the_string_is_found_and_a_title_match_ranks_first():
    index = [entry("texts/a/", "", "甲"), entry("texts/a/#p1", "合作。"),
             entry("texts/b/", "", "乙"), entry("texts/b/#p1", "合作，合作，再合作。"),
             entry("texts/c/", "", "合作的文件"), entry("texts/c/#p1", "别的话。"),
             entry("texts/d/", "", "丁"), entry("texts/d/#p1", "无关。")]
    out = node(f"const docs = R.prepare({json.dumps(index, ensure_ascii=False)});"
               "const shown = R.rerank({items: [], own: true}, '合作', docs);"
               "console.log(JSON.stringify(shown.items.map(g => [g[0].location, g.slice(1).map(i => i.text)])));")
    assert [g[0] for g in out] == ["texts/c/", "texts/b/", "texts/a/"]  # title, then three times, then once
    assert "<mark>合作</mark>" in out[1][1][0]


def test_a_packed_result_shows_what_the_ranked_one_shows():
    """The worker sends numbers (pack), the page makes the entries when Material reads a group (unpack)."""
    docs = json.dumps(INDEX, ensure_ascii=False)
    out = node(
        f"const docs = R.prepare({docs});"
        "const items = ['texts/b/#p1', 'texts/a/#p1', 'glossary/dialogue/'].map((loc, n) => [Object.assign({}, docs.find(d => d.location === loc), {score: 10 - n, terms: n ? {} : {'协商': false}})]);"
        "items[1][0].text = '<p>我们呼吁通过<mark>对话</mark>协商解决分歧。</p>';"
        "const ranked = R.rank({items: items.map(g => g.map(i => Object.assign({}, i)))}, '对话', docs);"
        "const direct = R.present(R.rank({items}, '对话', docs), docs.__byLocation);"
        "const packed = JSON.parse(JSON.stringify(R.pack(ranked, docs), (k, v) => ArrayBuffer.isView(v) ? Array.from(v) : v));"
        "const list = R.expandIndex(JSON.parse(JSON.stringify(docs)));"
        "const shown = R.unpack(packed, list, R.sections(list));"
        "const view = r => r.items.map(g => [...g].map(i => [i.location, i.title, i.text, i.score, i.terms]));"
        "console.log(JSON.stringify([view(direct), view(shown), Array.isArray(shown.items[0])]));"
    )
    direct, shown, is_array = out
    assert shown == direct and is_array
    assert any("<mark>对话</mark>" in i[2] for g in shown for i in g)


def convert(queries, conversion):
    """Queries converted to traditional characters by the search script, with the build's ``conversion`` table."""
    return node(f"const c = R.makeConverter({json.dumps(conversion, ensure_ascii=False)});"
                f"console.log(JSON.stringify({json.dumps(queries, ensure_ascii=False)}.map(c)));")


def test_a_simplified_query_is_converted_for_the_traditional_index():
    """The table is the build's (postbuild.query_conversion: OpenCC's), for an index holding these texts."""
    from corpus.postbuild import query_conversion

    table = query_conversion({"头发", "发展", "对话", "协商"}, [{"title": "", "text": "头发与发展，对话协商，维护和平"}])
    assert convert(["发展", "头发", "对话协商", "維護和平", "维护 peace", "头发发展"], table) == [
        "發展", "頭髮", "對話協商", "維護和平", "維護 peace", "頭髮發展",
    ]
    assert convert(["发展"], None) == ["发展"]  # no table: the query as typed
