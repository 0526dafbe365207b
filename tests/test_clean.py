"""Unit tests of the cleaning steps, and the no-loss check over every seed."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import SEEDS
from corpus import clean
from corpus.clean import Context, Para, clean_seed, han_chars, text_units
from corpus.seedfile import read_seed

CTX = Context(title="标题")


@pytest.mark.parametrize(
    ("step", "line"),
    [
        (clean.language_bar, "中文|English|Français|Русский язык| 日本語|Español"),
        (clean.breadcrumb, "首页 > 中国军事关键词"),
        (clean.breadcrumb, "首页 > 外交研究 >"),
        (clean.stray_ids, "8013832 8013839"),
        (clean.page_widget, "分享到:"),
        (clean.page_widget, "分享到"),
        (clean.page_widget, "分享到：微信 微博 QQ空间"),
        (clean.page_widget, "分享至： 朋友圈 | 新浪微博 | Facebook | Twitter"),
        (clean.page_widget, "字号：大 中 小"),
        (clean.page_widget, "【字体：大 中 小】 打印本页 关闭窗口"),
        (clean.page_widget, "[打印] [关闭] [收藏]"),
        (clean.page_widget, "A+ A- 默认"),
        (clean.page_widget, "【打印】【关闭】【收藏】"),
        (clean.page_widget, "返回顶部"),
        (clean.navigation_row, "首页 | 新闻 | 国际 | 军事 | 财经"),
        (clean.navigation_row, "首页｜时政｜国际｜观点｜专题"),
        (clean.navigation_row, "中国关键词 | China Keywords | 多语种 | 视频 | 专题"),
        (clean.navigation_row, "首页 / 要闻 / 政策 / 解读 / 服务"),
        (clean.breadcrumb, "当前位置：首页 > 政策 > 政策解读"),
        (clean.breadcrumb, "您的位置: 首页>>新闻>>正文"),
        (clean.breadcrumb, "您现在的位置：首页 › 国际"),
        (clean.breadcrumb, "人民网 >> 人民日报 >> 2023年02月22日 >> 第03版：要闻"),
        (clean.page_number, "— 2 —"),
        (clean.page_number, "- 12 -"),
        (clean.page_number, "-2-"),
        (clean.page_number, "第2页"),
        (clean.page_number, "第 2 页 共 5 页"),
        (clean.page_number, "2/5"),
        (clean.page_number, "Page 3 of 7"),
        (clean.editor_credits, "[责任编辑:刘洋]"),
        (clean.editor_credits, "（编辑：周一）"),
        (clean.editor_credits, "(责任编辑：张华)"),
        (clean.editor_credits, "作者 | 陈静"),
        (clean.editor_credits, "本版责编：吴文 钱进"),
        (clean.editor_credits, "版式设计：郑丽"),
        (clean.editor_credits, "（本报记者 赵刚）"),
        (clean.editor_credits, "〔责任编辑：李四〕"),
        (clean.reporter_credit, "本报记者 赵刚"),
        (clean.reporter_credit, "新华社记者 李明 王强"),
        (clean.correction_link, "纠错"),
        (clean.correction_link, "【我要纠错】"),
        (clean.correction_link, "[纠错] 责任编辑：王五"),
        (clean.related_heading, "相关新闻"),
        (clean.related_heading, "【相关阅读】"),
        (clean.related_heading, "往期推荐"),
        (clean.related_heading, "延伸阅读："),
        (clean.copyright_line, "版权所有 新华网 京ICP证010042号 京公网安备11010202000001号"),
        (clean.copyright_line, "Copyright © 2023 www.example.cn All Rights Reserved"),
        (clean.copyright_line, "主办单位：国务院办公厅 运行维护单位：中国政府网运行中心"),
        (clean.copyright_line, "未经授权禁止转载"),
        (clean.qr_prompt, "扫描二维码关注新华网微信公众号"),
        (clean.qr_prompt, "长按识别二维码"),
        (clean.qr_prompt, "扫码下载客户端"),
        (clean.engagement_prompt, "点击蓝字 关注我们"),
        (clean.engagement_prompt, '喜欢就点个"在看"吧'),
        (clean.engagement_prompt, "分享让更多人看到"),
        (clean.post_header, "原创 国际关系研究 国际关系研究 2023-02-22 08:00 发表于北京"),
        (clean.print_edition, "《 人民日报 》（ 2023年02月22日 第 03 版）"),
        (clean.print_edition, "《光明日报》（2023年02月22日 02版）"),
        (clean.dateline, "新华社北京2月21日电"),
        (clean.dateline, "本报讯（记者 李明）"),
        (clean.end_mark, "- END -"),
        (clean.end_mark, "（完）"),
        (clean.title_annotation, "（全文）"),
        (clean.prev_next_link, "上一篇：王毅出席慕尼黑安全会议"),
        (clean.topic_line, "点击进入专题：全球安全倡议"),
        (clean.topic_line, "标签：全球安全倡议 概念文件"),
        (clean.topic_line, "关键词：全球安全倡议；安全"),
        (clean.page_widget, "【我要打印】【关闭窗口】"),
        (clean.page_widget, "网友评论"),
        (clean.page_widget, "已有0人参与"),
        (clean.page_widget, "Share this article"),
        (clean.page_widget, "Print | Email | Comment"),
        (clean.related_heading, "Related News"),
        (clean.related_heading, "Most Read"),
        (clean.original_title, "（原标题：中方代表对巴以紧张关系表达关切）"),
        (clean.original_title, "原标题：外交部发言人答记者问"),
        (clean.collection_line, "收录于合集 #上合组织 12个"),
        (clean.collection_line, "收录于话题 #全球安全倡议"),
        (clean.image_placeholder, "图片"),
        (clean.image_placeholder, "[图片]"),
        (clean.attachment_line, "附件下载："),
        (clean.attachment_line, "相关附件"),
        (clean.prev_next_link, "【下一篇】：外交部发言人答记者问"),
        (clean.copyright_line, "声明：本文转自网络，如有侵权请联系删除"),
        (clean.source_line, "Source: Xinhua | Updated: 2023-02-21"),
        (clean.page_widget, "Share Print Email"),
        (clean.editor_credits, "审核:李小华 戚易斌 卫芸辉"),
        (clean.editor_credits, "【责任编辑:戚易斌】"),
        (clean.source_line, "发布时间:2021-11-05 | 来源:中国网"),
        (clean.source_line, "2018-05-27 23:31:27 信息来源:发布者:艾森新闻网点击量:"),
        (clean.site_menu, "读新闻 新闻 本港消息 国际新闻 国内新闻 港澳新闻 台湾新闻 军事新闻 财经新闻"),
        (clean.image, "![cover_image](https://mmbiz.qpic.cn/x/0?wx_fmt=jpeg)"),
        (clean.image, "![]()"),
        (clean.wechat_interface, "轻触阅读原文"),
        (clean.wechat_interface, "向上滑动看下一个"),
        (clean.wechat_interface, "在看"),
        (clean.wechat_interface, "，轻点两下取消赞"),
        (clean.contact_line, "“投稿联系方式：孙中豪 010-1234"),
        (clean.lone_punctuation, "，"),
        (clean.lone_punctuation, "×"),
        (clean.site_label, "热词热译"),
        (clean.repeated_title, "标题"),
    ],
)
def test_furniture_step_recognises_its_line(step, line):
    assert step(line, CTX)


BODY_LINES = [
    "编辑部认为，合作是唯一出路。",
    "大中小国家一律平等。",
    "第二，坚持合作共赢。",
    "2023年",
    "（二）",
    "摄影技术的发展，改变了新闻传播。",
    "版权保护是国际合作的重要领域，各国应加强协调。",
    "相关国家应当加强沟通，管控分歧。",
    "新华社记者在现场看到，会场座无虚席。",
    "关键在于合作，各方应当携手。",
    "More than 100 countries have supported the initiative.",
    "阅读理解",
    "图片展示了会场的情况，代表们热烈讨论。",
    "安全问题事关各国人民的福祉，事关世界和平与发展的崇高事业。",
    "（一）坚持共同、综合、合作、可持续的安全观。",
    "一、背景",
    "倡导安危与共。构建人类命运共同体以建设持久和平为努力目标。",
    "来源于实践的经验说明，合作是唯一出路。",
    "The approach calls for dialog rather than confrontation.",
    "A New Type of Security Partnership",
    "2014年5月21日，习近平在上海举行的亚信峰会上发表主旨讲话。",
]


@pytest.mark.parametrize("line", BODY_LINES)
def test_no_furniture_step_removes_body_text(line):
    ctx = Context(title="全球安全倡议概念文件", byline="杨守征", account="关键基础设施安全应急响应中心")
    assert not [s.__name__ for s in clean.LINE_STEPS if s(line, ctx)]


def test_rejoins_words_split_by_page_breaks():
    paras = [Para("各种对抗，不是因为联合国", 1), Para("宪章宗旨和原则过时了，而是由于其未能得到维护。", 3)]
    assert [p.text for p in clean.rejoin_broken_paragraphs(paras)] == [
        "各种对抗，不是因为联合国宪章宗旨和原则过时了，而是由于其未能得到维护。"
    ]


def test_does_not_join_items_or_headlines():
    paras = [
        Para("合作，携手打击海", 1),
        Para("（十二）加强联合国的作用，支持国际社会。", 3),
        Para("中方代表对巴以紧张关系表达关切", 5),
        Para("据新华社联合国2月20日电，张军发言。", 7),
    ]
    assert len(clean.rejoin_broken_paragraphs(paras)) == 4


def test_punctuation_in_chinese_becomes_full_width_and_english_keeps_ascii():
    assert clean.normalise_punctuation("论坛,主题为:(一)合作?是!") == "论坛，主题为：（一）合作？是！"
    assert clean.normalise_punctuation("(一）坚持") == "（一）坚持"
    english = "It adheres to dialog, consultation (and control): yes? no!"
    assert clean.normalise_punctuation(english) == english


@pytest.mark.parametrize("typed,printed", [
    ('外交部发言人表示，"全球安全倡议"是国际公共产品。', "外交部发言人表示，“全球安全倡议”是国际公共产品。"),
    ('他指出:"安全是发展的前提,"并强调"合作"。', "他指出：“安全是发展的前提，”并强调“合作”。"),
    ("所谓'三股势力'，即恐怖主义、分裂主义和极端主义。", "所谓‘三股势力’，即恐怖主义、分裂主义和极端主义。"),
    ('王毅说："这是\'一带一路\'的应有之义。"', "王毅说：“这是‘一带一路’的应有之义。”"),
])
def test_straight_quotes_in_chinese_become_chinese_quotes(typed, printed):
    text = typed
    for step in clean.TEXT_STEPS:
        text = step(text)
    assert text == printed


@pytest.mark.parametrize("english", ['He said "win-win" twice.', "China's proposal", "the 'two-state solution'"])
def test_quotes_in_english_stay_straight(english):
    assert clean.curl_chinese_quotes(english) == english


def test_a_paragraph_ending_in_a_closing_quote_is_complete():
    """A news site's paragraph ending in a straight quote is not run into the next one."""
    paras = [Para('王毅表示，"安全是发展的前提"', 1), Para("他还说，各方应当加强合作。", 3)]
    assert len(clean.rejoin_broken_paragraphs(paras)) == 2
    paras = [Para("王毅表示，“安全是发展的前提”", 1), Para("他还说，各方应当加强合作。", 3)]
    assert len(clean.rejoin_broken_paragraphs(paras)) == 2


def test_indentation_and_stray_spaces_go():
    assert clean.strip_indentation("  \u3000安全合作\u00a0") == "安全合作"
    assert clean.remove_stray_cjk_spaces("倡议 主张") == "倡议主张"
    assert clean.remove_stray_cjk_spaces("win-win cooperation") == "win-win cooperation"


def test_title_missing_is_a_clear_error():
    from corpus.errors import CorpusError

    with pytest.raises(CorpusError, match=r"seeds/x.txt: title line '不存在' .* not found"):
        clean_seed("正文。\n", "seeds/x.txt", title="不存在")


def _document_of(corpus, seed):
    for d in corpus.documents:
        if seed in d.cleaned:
            return d
    raise AssertionError(seed)


FURNITURE = [
    "English|Français", "首页 >", "分享到", "责任编辑", "审核", "8013832", "习近平离京对法国",
    "轻触阅读原文", "微信扫一扫", "向上滑动看下一个", "轻点两下取消", "mmbiz.qpic.cn", "投稿联系方式",
    "热词热译", "读新闻 新闻", "点击量", "预览时标签不可点",
]


def test_furniture_is_gone_from_every_page(corpus):
    for path, text in corpus.pages.items():
        for bit in FURNITURE:
            assert bit not in text, f"{bit!r} left on {path}"


def published_units(d, seed: str, seeds_dir=SEEDS) -> tuple[Counter, Counter]:
    """(units of the seed, units of its published blocks + itemised removals): Han characters and Latin words.

    For the base copy the published blocks are its page (and the English half
    the seed prints, which becomes the English page) and its "other items";
    for another copy they are the base page corrected by the variant record,
    which proves that record complete.
    """
    cleaned = d.cleaned[seed]
    seed_units = text_units(read_seed(seeds_dir / seed))
    removed = Counter()
    for r in cleaned.removals:
        removed += text_units(r.text)
    others = Counter()
    for copy, _, doc in d.others:
        if copy.seed == seed:
            for b in doc.blocks:
                others += text_units(b.text)
    body = Counter()
    for b in d.doc.blocks:
        body += text_units(b.text)
    if seed == d.entry.base.seed and d.source_en is not None:
        for b in d.source_en.blocks:
            body += text_units(b.text)
    if seed != d.entry.base.seed:
        variants = dict(d.compared)
        (copy,) = [c for c in d.entry.copies if c.seed == seed]
        for v in variants[copy]:
            if v.spans:
                for s in v.spans:
                    body -= text_units(s.base)
                    body += text_units(s.other)
            else:
                body -= text_units(v.base)
                body += text_units(v.other)
    return seed_units, body + others + removed


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_no_chinese_character_or_latin_word_is_lost(corpus, seed):
    """Every Han character and every Latin word of the seed is on a page or in the removal record."""
    seed_units, kept = published_units(_document_of(corpus, seed), seed)
    assert kept == seed_units, (seed_units - kept, kept - seed_units)


def test_page_breaks_of_the_newspaper_copy_are_rejoined(corpus):
    page = corpus.pages["texts/global-security-initiative-concept-paper/index.md"]
    for joined in ("联合国宪章宗旨和原则过时了", "支持在尊重非洲国家意愿", "携手打击海盗", "鼓励各国为打击跨国犯罪"):
        assert joined in page


def test_news_printed_after_the_paper_is_kept_off_its_page(corpus):
    page = corpus.pages["texts/global-security-initiative-concept-paper/index.md"]
    others = corpus.pages["texts/global-security-initiative-concept-paper/others.md"]
    for news in ("外交部发言人", "巴以紧张关系", "伊朗表示", "土耳其宣布", "苦咸水淡化"):
        assert news not in page
        assert news in others
    assert "秦刚指出" in others  # the repost's own introduction


@pytest.mark.parametrize("text", [
    "图为2月21日在北京拍摄的外交部大楼。新华社记者 王强 摄",
    "图为与会代表在会场交流。本报记者 孙亮摄",
    "新华社记者 李明 摄",
    "2月21日，与会代表在会场交流。（新华社发）",
])
def test_photo_captions_are_recognised(text):
    assert clean.is_caption(text)


@pytest.mark.parametrize("text", ["摄影技术的发展，改变了新闻传播。", "图书馆是公共文化设施。", "他说，这是合作的机遇。"])
def test_sentences_are_not_captions(text):
    assert not clean.is_caption(text)


def test_a_caption_is_never_joined_to_its_neighbours():
    paras = [Para("各方应当加强合作，", 1), Para("图为会场。新华社记者李明摄", 2), Para("共同应对挑战，携手前行。", 3)]
    assert [p.text for p in clean.rejoin_broken_paragraphs(paras)][1] == "图为会场。新华社记者李明摄"


@pytest.mark.parametrize("line,cut,kept", [
    ("新华社北京2月21日电（记者李明）外交部21日发布文件。", "新华社北京2月21日电（记者李明）", "外交部21日发布文件。"),
    ("本报北京2月21日电 当前，安全的内涵更加丰富。", "本报北京2月21日电 ", "当前，安全的内涵更加丰富。"),
    ("本报讯（记者 赵刚）会议强调，要加强合作。", "本报讯（记者 赵刚）", "会议强调，要加强合作。"),
    ("中新社联合国2月20日电 张军发言。", "中新社联合国2月20日电 ", "张军发言。"),
])
def test_a_dateline_is_cut_off_the_first_paragraph(line, cut, kept):
    assert clean.leading_dateline(line) == (cut, kept)


@pytest.mark.parametrize("line", ["新华社记者指出，合作是出路。", "本报认为，合作是出路。", "北京2月21日，会议召开。"])
def test_text_that_starts_like_a_dateline_stays(line):
    assert clean.leading_dateline(line) == ("", line)


@pytest.mark.parametrize("line,cut", [
    ("完善规则。（编辑：周一）", "（编辑：周一）"),
    ("管控分歧。【责任编辑：张华】", "【责任编辑：张华】"),
    ("携手前行。[责任编辑:刘洋]", "[责任编辑:刘洋]"),
    ("共同促进世界和平安宁。（本报记者 赵刚）", "（本报记者 赵刚）"),
])
def test_a_credit_is_cut_off_the_last_paragraph(line, cut):
    removed, kept = clean.trailing_credit(line)
    assert removed == cut and kept + removed == line


def test_running_headers_and_footers_of_a_pdf_are_found():
    lines = list(enumerate(["全球安全倡议概念文件", "正文甲，乙。", "— 1 —", "全球安全倡议概念文件", "正文丙。",
                            "外交部政策规划司", "第 2 页", "全球安全倡议概念文件", "外交部政策规划司", "3/9"], start=1))
    assert clean.running_lines(lines) == frozenset({"全球安全倡议概念文件", "外交部政策规划司"})
    # a heading printed twice, with no page number near it, is not a running header
    lines = list(enumerate(["一、背景", "正文甲，乙，丙，丁。", "正文。", "正文二。", "一、背景"], start=1))
    assert clean.running_lines(lines) == frozenset()


def test_hard_wrapped_lines_are_joined_and_lines_of_a_web_copy_are_not():
    pdf = [(1, "安全问题事关各国人民的福祉事关世界和平与发展的崇高事业事关"), (2, "人类的前途命运各国应当携手合作共同应对各种风险挑战推动"),
           (3, "构建人类命运共同体实现持久和平与普遍安全的美好愿景努力奋"), (4, "斗。"), (5, "一、背景")]
    assert [p.text for p in clean._paragraphs(pdf)] == [
        "安全问题事关各国人民的福祉事关世界和平与发展的崇高事业事关人类的前途命运各国应当携手合作共同应对各种风险挑战推动"
        "构建人类命运共同体实现持久和平与普遍安全的美好愿景努力奋斗。", "一、背景"]
    web = [(1, "一、背景"), (2, "安全问题事关各国人民的福祉。"), (3, "当前，世界之变正以前所未有的方式展开。")]
    assert len(clean._paragraphs(web)) == 3
    english = [(1, "The approach calls for dialog rather than"), (2, "confrontation, and for partnership."),
               (3, "A New Heading")]
    assert [p.text for p in clean._paragraphs(english)] == [
        "The approach calls for dialog rather than confrontation, and for partnership.", "A New Heading"]


@pytest.mark.parametrize("lines,title,span", [
    (["全球安全倡议", "概念文件", "", "正文。"], "全球安全倡议概念文件", (0, 2)),
    (["首页", "推动构建人类", "安全共同体", "正文。"], "推动构建人类安全共同体", (1, 3)),
    (["外交部：全球安全倡议 为世界和平注入稳定性", "正文。"], "外交部：全球安全倡议为世界和平注入稳定性", (0, 1)),
])
def test_a_title_printed_over_several_lines_is_found(lines, title, span):
    assert clean._find_title(list(enumerate(lines, start=1)), title) == span


@pytest.mark.parametrize("first,second,joined", [
    ("（一）坚持共同、综合、合作、可持续的", "安全观", True),
    ("二、推动构建相互尊重、公平正义、合作共赢的新型国际关系和", "人类命运共同体", True),
    ("一、背景", "安全问题", False),
    ("（二）坚持尊重各国主权、领土完整", "（三）坚持遵守联合国宪章宗旨和原则", False),
])
def test_a_wrapped_numbered_heading_is_joined(first, second, joined):
    out = clean.rejoin_wrapped_headings([Para(first, 1), Para(second, 2)])
    assert (len(out) == 1) == joined
