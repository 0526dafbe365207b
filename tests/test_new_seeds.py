"""New seeds of new shapes, added as an editor would: the seed file and a catalog entry, no code.

Six fixtures (tests/fixtures/new_seeds/) set passages of the corpus's documents in the furniture of
a news portal, a government portal, a PDF, a WeChat account, a bilingual keyword entry and a
newspaper page. Each must come out as its text alone: golden files for the cleaned Markdown and
the removal record, every Han character and Latin word on a page or in that record, none of its
furniture on any page (both languages), its photo captions shown as captions, and the bilingual
entry's own English on its English page.

To accept a deliberate change: ``UPDATE_GOLDEN=1 pytest tests/test_new_seeds.py``, then review
the diff of tests/golden/new_seeds/.
"""

from __future__ import annotations

import os
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, run_build
from corpus.clean import text_units
from corpus.seedfile import read_seed
from test_golden import cleaned_markdown, removed_listing

FIXTURES = ROOT / "tests" / "fixtures" / "new_seeds"
GOLDEN = ROOT / "tests" / "golden" / "new_seeds"
ENTRIES = yaml.safe_load((FIXTURES / "catalog.yaml").read_text(encoding="utf-8"))["documents"]
SLUGS = [e["slug"] for e in ENTRIES]
SEED_OF = {e["slug"]: e["copies"][0]["seed"] for e in ENTRIES}

#: For each fixture, furniture that must be on no page, and text that must be on its page.
FURNITURE = {
    "fixture-news-portal": [
        "首页 | 新闻", "您的位置", "字号", "分享到", "【打印】", "新华社北京2月21日电", "记者李明", "责任编辑",
        "纠错", "相关新闻", "王毅出席慕尼黑安全会议", "推荐阅读", "国务院新闻办公室举行发布会", "版权所有", "ICP",
        "二维码", "来源：新华网",
    ],
    "fixture-gov-portal": [
        "中国政府网 | 国务院", "当前位置", "（全文）", "发布时间", "字体", "打印本页", "关闭窗口", "责任编辑", "纠错",
        "相关稿件", "主办单位", "版权所有", "网站识别码", "ICP",
    ],
    "fixture-pdf-text": ["— 1 —", "-2-", "第3页", "4/5"],
    "fixture-wechat-account": [
        "原创", "发表于", "点击蓝字", "作者 |", "编辑 |", "（编辑：周一）", "END", "往期推荐", "一图读懂",
        "二维码", "在看", "点赞",
    ],
    "fixture-keyword-bilingual": ["China Keywords", "首页 >", "来源：", "热词热译", "分享到", "webmaster", "版权所有"],
    "fixture-newspaper-page": [
        "人民网 >>", "《 人民日报 》", "本报记者 赵刚", "本报记者赵刚", "本报北京2月21日电", "本版责编", "版式设计", "责编：",
        "分享让更多人看到", "推荐阅读",
    ],
}
FURNITURE.update({
    "check-gov-portal": [
        "长者模式", "当前位置", "索引号", "发布机构", "有 效 性", "字体", "打印本页", "关闭窗口", "分享到", "附件下载",
        "相关链接", "上一篇", "下一篇", "扫一扫", "网站地图", "主办：", "浙ICP备", "政府网站找错", "杨守征（习近平",
    ],
    "check-news-portal": [
        "网易首页", "登录 | 注册", "举报", "分享至", "原标题", "新华社联合国2月20日电", "本文来源", "责任编辑", "NE0011",
        "相关阅读", "热门推荐", "跟贴", "打开APP", "返回顶部", "加载更多", "关于网易", "版权所有",
    ],
    "check-wechat-post": [
        "原创 学习小组", "收录于合集", "点击上方蓝字", "星标", "图片来源", "END", "本文转载自", "免责声明", "来源 |",
        "编辑 |", "审核 |", "往期回顾", "点个在看", "赞赏", "阅读 3256", "写留言", "阅读原文", "预览时标签不可点",
        "关注该公众号",
    ],
    "check-pdf-policy": ["- 1 -", "— 2 —", "第 3 页 共 5 页", "4/5", "- 5 -"],
    "check-epaper": [
        "返回目录", "本报记者　戴楷然", "本报记者戴楷然", "《 人民日报 》", "本报北京2月21日电", "本版责编", "上一篇", "版面导航",
        "第01版", "本版新闻", "图片报道", "往期回顾", "人民日报社概况", "Copyright",
    ],
    "check-keywords-entry": [
        "中国网首页", "当前位置", "[打印]", "Source: China.org.cn", "Editor: Zhang Qi", "相关词条", "总体国家安全观",
        "分享到", "Copyright", "webmaster", "京ICP证",
    ],
})
TEXT = {
    "fixture-news-portal": [
        "外交部21日发布《全球安全倡议概念文件》。文件指出，“安全问题事关各国人民的福祉，",
        "文件强调，要坚持“共同、综合、合作、可持续”的安全观。",
        "它写道：“大国在维护国际和平与安全上承担特殊重要责任。”",
    ],
    "fixture-gov-portal": ["一、背景", "（一）坚持共同、综合、合作、可持续的安全观", "最根本准则。"],
    "fixture-pdf-text": [
        "事关人类的前途命运。",  # hard-wrapped lines joined
        "单边主义、保护主义明显上升，各种传统和非传统安全威胁交织叠加。和平赤字",  # joined across a page break
        "（一）坚持共同、综合、合作、可持续的安全观",  # a wrapped heading
        "凝结了人类实现集体安全、永久和平的制度设计。",
    ],
    "fixture-wechat-account": ["导读：2月21日，", "完善规则。"],
    "fixture-keyword-bilingual": ["提出全球安全倡议。", "坚持统筹维护传统领域和非传统领域安全。"],
    "fixture-newspaper-page": ["——写在《全球安全倡议概念文件》发布之际", "当前，安全的内涵和外延更加丰富",
                               "“这份文件回答了‘建设一个什么样的世界’这个时代之问。”"],
}
TEXT.update({
    "check-gov-portal": ["2022年4月21日，习近平主席在博鳌亚洲论坛年会开幕式上", "各国更需要团结合作"],
    "check-news-portal": ["中国常驻联合国代表张军20日在安理会巴勒斯坦问题公开会上发言", "维护“两国方案”的努力背道而驰"],
    "check-wechat-post": ["继续秉持共同、综合、合作、可持续安全观", "2014年5月21日，习近平在上海举行的亚信峰会上",
                          "推行综合施策、标本兼治的安全治理模式", "“利莫大于治，害莫大于乱。”"],
    "check-pdf-policy": ["（五）坚持通过对话协商以和平方式解决国家间的分歧和争端", "事关人类的前途命运。",
                         "加强海上对话交流和务实合作"],
    "check-epaper": ["针对美国国务卿布林肯近日涉华言论", "图为近日拍摄的苦咸水淡化公益项目净化设备。"],
    "check-keywords-entry": ["2018年10月举行的第八届北京香山论坛", "构建新型安全伙伴关系，旨在倡导各国"],
})
CAPTIONS = {"fixture-news-portal": "图为2月21日在北京拍摄的外交部大楼。", "fixture-newspaper-page": "图为与会代表在会场交流。"}


def add_new_seeds(project: Path) -> Path:
    """Copy the fixture seeds into a project and append their entries to its catalog."""
    for entry in ENTRIES:
        shutil.copy2(FIXTURES / SEED_OF[entry["slug"]], project / "seeds")
    catalog = project / "seeds" / "catalog.yaml"
    text = catalog.read_text(encoding="utf-8")
    extra = yaml.safe_dump(ENTRIES, allow_unicode=True, sort_keys=False)
    catalog.write_text(text.rstrip("\n") + "\n\n" + "\n".join("  " + line for line in extra.splitlines()) + "\n",
                       encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return add_new_seeds(copy_project(tmp_path_factory.mktemp("new-seeds")))


@pytest.fixture(scope="module")
def corpus(project):
    from corpus.build import build_corpus

    return build_corpus(project / "seeds")


@pytest.fixture(scope="module")
def site(project):
    site = project / "site"
    proc = run_build(project, site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    warnings = [line for line in proc.stderr.splitlines() if "WARNING" in line]
    assert warnings == []
    return site, proc.stderr


def document(corpus, slug):
    (d,) = [d for d in corpus.documents if d.entry.slug == slug]
    return d


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("kind", ["md", "removed.txt"])
def test_cleaned_new_seed_matches_golden(corpus, slug, kind):
    d = document(corpus, slug)
    cleaned = d.cleaned[SEED_OF[slug]]
    actual = cleaned_markdown(cleaned, d.entry.leads) if kind == "md" else removed_listing(cleaned)
    path = GOLDEN / f"{SEED_OF[slug].removesuffix('.txt')}.{kind}"
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"no golden file {path.name}; run with UPDATE_GOLDEN=1 and review it"
    assert actual == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("slug", SLUGS)
def test_nothing_of_a_new_seed_is_lost(corpus, project, slug):
    """Every Han character and Latin word of the seed is on its pages or in the removal record."""
    d = document(corpus, slug)
    seed = SEED_OF[slug]
    kept = Counter()
    for r in d.cleaned[seed].removals:
        kept += text_units(r.text)
    for doc in [d.doc] + [doc for _, _, doc in d.others] + ([d.source_en] if d.source_en else []):
        for b in doc.blocks:
            kept += text_units(b.text)
    whole = text_units(read_seed(project / "seeds" / seed))
    assert kept == whole, (whole - kept, kept - whole)


def _main_text(path: Path) -> str:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article") or soup
    for provenance in article.select(".provenance, .print-source"):
        provenance.decompose()  # the catalog's source and date are shown there (and in print) on purpose
    return re.sub(r"\s+", " ", article.get_text(" "))


def _shows(bit: str, text: str) -> bool:
    """Is ``bit`` in ``text``? Page numbers such as ``-2-`` only where no letter or digit touches
    them (the parallel view shows paragraph ids such as ``s2-2-p1``)."""
    return re.search(r"(?<![A-Za-z0-9])" + re.escape(bit) + r"(?![A-Za-z0-9])", text) is not None


@pytest.mark.parametrize("slug", SLUGS)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_new_seed_pages_show_text_and_no_furniture(site, slug, lang):
    folder = site[0] / ("en/" if lang == "en" else "") / "texts" / slug
    pages = sorted(folder.rglob("*.html"))
    assert pages, f"no pages for {slug}"
    text = " ".join(_main_text(p) for p in pages)
    compact = text.replace(" ", "")
    left = [bit for bit in FURNITURE[slug] if _shows(bit, text) or _shows(bit.replace(" ", ""), compact)]
    assert left == [], f"furniture left on {folder}: {left}"
    main = _main_text(folder / "index.html").replace(" ", "")
    if lang == "zh" or slug not in BILINGUAL:  # the English page of a plain seed shows its Chinese
        missing = [t for t in TEXT[slug] if t.replace(" ", "") not in main]
        assert missing == [], f"text missing from {folder}/index.html: {missing}"


@pytest.mark.parametrize("slug", sorted(CAPTIONS))
def test_photo_captions_are_shown_as_captions(site, slug):
    soup = BeautifulSoup((site[0] / "texts" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
    captions = [p.get_text() for p in soup.select("article p.caption")]
    assert len(captions) == 1 and captions[0].startswith(CAPTIONS[slug]), captions
    paragraph = soup.select_one("article p.caption").find_previous("p")
    assert CAPTIONS[slug] not in paragraph.get_text()  # not merged into the paragraph before it


BILINGUAL = {
    "fixture-keyword-bilingual": ("Boao Forum for Asia", "non-traditional domains", "博鳌"),
    "check-keywords-entry": ("The Eighth Beijing Xiangshan Forum", "free themselves from the straitjacket", "香山论坛"),
}


@pytest.mark.parametrize("slug", sorted(BILINGUAL))
def test_a_bilingual_entry_shows_its_own_english_with_no_mapping_file(site, slug):
    site_dir, log = site
    first, last, chinese = BILINGUAL[slug]
    soup = BeautifulSoup((site_dir / f"en/texts/{slug}/index.html").read_text(encoding="utf-8"), "html.parser")
    text = re.sub(r"\s+", " ", soup.select_one("article").get_text(" "))
    assert first in text and last in text
    assert chinese not in text and "Not yet translated" not in text
    assert "working translation" not in text  # the English is the source's, not the site's
    assert f"{slug}: its seed's own English is aligned" in log
    zh = BeautifulSoup((site_dir / f"texts/{slug}/index.html").read_text(encoding="utf-8"), "html.parser")
    assert first not in zh.select_one("article").get_text(" ")  # the English half is not on the Chinese page


def test_the_editor_sees_each_new_seed_clean_in_explain(project, corpus):
    """`corpus explain` lists what slipped through; on the fixtures, nothing does."""
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(project / "hooks"))
    for slug in SLUGS:
        proc = subprocess.run([sys.executable, "-m", "corpus", "--seeds", str(project / "seeds"), "explain",
                               SEED_OF[slug]], capture_output=True, text=True, env=env, cwd=project, timeout=300)
        assert proc.returncode == 0, proc.stderr
        suspects = re.search(r"kept lines that look like furniture \((\d+)\)", proc.stdout)
        assert suspects, proc.stdout
        listed = [line for line in proc.stdout[suspects.end():].splitlines() if line.startswith("  line ")]
        assert len(listed) == int(suspects.group(1))
        # a heading or subtitle is short and unpunctuated by nature; nothing else may be listed
        headings = [b.text for b in document(corpus, slug).doc.headings()] + ["导读"]
        assert all(any(h in line for h in headings) for line in listed), (slug, listed)


@pytest.mark.parametrize("slug", SLUGS)
def test_no_page_number_widget_or_credit_is_a_heading(corpus, slug):
    from corpus import clean

    ctx = clean.Context(title="")
    headings = [b.text for b in document(corpus, slug).doc.headings()]
    bad = [h for h in headings for step in (clean.page_number, clean.page_widget, clean.editor_credits,
                                            clean.reporter_credit, clean.correction_link, clean.related_heading)
           if step(h, ctx)]
    assert bad == []


def test_corpus_translations_alone_gives_the_bilingual_entry_its_english(project, tmp_path):
    """`python -m corpus translations` writes the entry's own English, aligned, as the source's."""
    import subprocess
    import sys

    work = shutil.copytree(project, tmp_path / "work", ignore=shutil.ignore_patterns("site"))
    env = dict(os.environ, PYTHONPATH=str(work / "hooks"))
    proc = subprocess.run([sys.executable, "-m", "corpus", "--seeds", str(work / "seeds"), "translations"],
                          capture_output=True, text=True, env=env, cwd=work, timeout=300)
    assert proc.returncode == 0, proc.stderr
    data = yaml.safe_load((work / "seeds/translations/en/fixture-keyword-bilingual.yaml").read_text(encoding="utf-8"))
    assert data["translator"] == "source"
    assert {k: v["source"] for k, v in data["blocks"].items()} == {"p1": ["en-p1"], "p2": ["en-p2"], "p3": ["en-p3"]}
