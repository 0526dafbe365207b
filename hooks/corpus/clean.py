"""Turn the raw text of one seed into clean paragraphs, recording what was removed.

The seeds are copies of web pages: language bars, menus, share widgets, credits,
WeChat interface text, images, a newspaper's page breaks and half-width
punctuation. Cleaning is a fixed sequence of small named steps:

* **line steps** (``LINE_STEPS``) each decide whether one line is page
  furniture; a removed line is kept in ``Cleaned.removals`` with the step's
  name and its line number, so nothing is lost silently;
* **zone steps** split the text into the copy's own preface, the document's
  body and the other items printed after it (``body_start``/``body_end`` in the
  catalog);
* **text steps** (``TEXT_STEPS``) are pure ``str -> str`` fixes on lines or
  paragraphs that never delete a Chinese character;
* **paragraph steps** (``PARAGRAPH_STEPS``) rejoin paragraphs that a page break
  split and split items that a repost glued together.

``Cleaned.applied`` counts how often each step changed something (the explain
mode of ``python -m corpus explain SEED``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable

from .errors import CorpusError

# --------------------------------------------------------------------------
# Character classes

#: Han ideographs (with extension A and compatibility ideographs).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
#: Characters that make the text around them "Chinese running text":
#: Han, CJK punctuation, full-width forms and the curly quotes and dashes
#: that Chinese typesetting uses.
CJK_CONTEXT = HAN + "\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026\u00b7"
_HAN_RE = re.compile(f"[{HAN}]")
_CJK_RE = re.compile(f"[{CJK_CONTEXT}]")

#: Punctuation that ends a sentence or a quoted sentence.
TERMINAL = "。！？；…”’」』）》.!?\""
#: Punctuation found inside running text (but not in headings such as 一、背景).
RUNNING = "，。；：！？"
CN_DIGITS = "一二三四五六七八九十"
ITEM_RE = re.compile(f"^（[{CN_DIGITS}]+）")
PART_RE = re.compile(f"^[{CN_DIGITS}]+、")


def han_count(text: str) -> int:
    """Number of Han characters in ``text`` (what the no-loss tests compare)."""
    return len(_HAN_RE.findall(text))


def han_chars(text: str) -> Counter:
    """Multiset of the Han characters in ``text``."""
    return Counter(_HAN_RE.findall(text))


_LATIN_WORD_RE = re.compile(r"[A-Za-z]+")


def text_units(text: str) -> Counter:
    """Multiset of the Han characters and the Latin words in ``text``: what the no-loss audit compares.

    >>> sorted(text_units("新型 Security partnership, 新").items())
    [('Security', 1), ('partnership', 1), ('型', 1), ('新', 2)]
    """
    return Counter(_HAN_RE.findall(text)) + Counter(_LATIN_WORD_RE.findall(text))


def is_latin_text(text: str) -> bool:
    """True when letters in ``text`` are mostly Latin (an English paragraph).

    >>> is_latin_text("A New Type of Security Partnership")
    True
    >>> is_latin_text("构建新型安全伙伴关系 2018")
    False
    """
    letters = sum(map(str.isalpha, text))  # (counted in C: the cleaner asks this of every line)
    if not letters:
        return False
    return len(_ASCII_LETTER.findall(text)) / letters > 0.8


_ASCII_LETTER = re.compile("[A-Za-z]")  # the letters that are ASCII


# --------------------------------------------------------------------------
# Data


@dataclass(frozen=True)
class Removal:
    """One line (or block) a step removed: kept so that nothing is lost silently."""

    step: str
    line: int
    text: str


@dataclass(frozen=True)
class Para:
    """A paragraph of clean text and the seed line it starts on."""

    text: str
    line: int


@dataclass
class Cleaned:
    """The result of cleaning one seed."""

    seed: str
    front_matter: dict[str, str] = field(default_factory=dict)
    preface: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    trailer: list[Para] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    applied: Counter = field(default_factory=Counter)


@dataclass(frozen=True)
class Context:
    """What the line steps may know about the seed (all from the catalog or the seed)."""

    title: str
    byline: str | None = None
    account: str | None = None
    #: short lines printed again and again next to page numbers: a PDF's running headers and footers
    running: frozenset[str] = frozenset()


# --------------------------------------------------------------------------
# Text steps: str -> str, never deleting a Han character


def strip_control_characters(text: str) -> str:
    """Remove control, bidi and zero-width characters; a tab becomes a space.

    Web copies carry stray U+00AD, U+200B, U+FEFF and bidi marks; a hostile
    seed may carry control bytes, bidi overrides that reorder what a reader
    sees, or noncharacters (U+FFFF). None of them is text. A tab inside a line is white space (Markdown
    would turn it into four spaces).

    >>> strip_control_characters("安全\\u200b合作\\u202e\\x07")
    '安全合作'
    >>> strip_control_characters("a\\tb")
    'a b'
    """
    if text.isprintable():  # no control, format, private-use or surrogate character, no tab or newline
        return text
    out = []
    for ch in text:
        if ch == "\n":
            out.append(ch)
            continue
        if ch == "\t":
            out.append(" ")
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cf", "Co", "Cs") or _is_noncharacter(ch):
            continue
        out.append(ch)
    return "".join(out)


def _is_noncharacter(ch: str) -> bool:
    """U+FDD0-U+FDEF and the last two code points of every plane: never text."""
    code = ord(ch)
    return 0xFDD0 <= code <= 0xFDEF or (code & 0xFFFE) == 0xFFFE


def strip_indentation(text: str) -> str:
    """Remove leading and trailing white space (including U+3000 and NBSP) of a line.

    Site 004 indents every paragraph with spaces; 000 and 001 end lines with
    a non-breaking space. Indentation carries no meaning in Markdown except
    code blocks, which these documents never contain.

    >>> strip_indentation("\\u3000  安全合作是上合组织的“动力之源”。\\u00a0")
    '安全合作是上合组织的“动力之源”。'
    """
    return text.strip(" \t\u00a0\u3000")


def strip_markdown_marks(text: str) -> str:
    """Remove Markdown bold marks and heading hashes that a repost added.

    The WeChat copy (003) marks its title with ``#`` and its leads with
    ``**``; structure is found from the document's own numbering instead,
    and stray marks would otherwise become literal asterisks.

    >>> strip_markdown_marks("**(一）坚持共同、综合、合作、可持续的安全观。**习近平")
    '(一）坚持共同、综合、合作、可持续的安全观。习近平'
    >>> strip_markdown_marks("# 中国发布《全球安全倡议概念文件》")
    '中国发布《全球安全倡议概念文件》'
    """
    text = re.sub(r"^#{1,6}\s+", "", text)
    return text.replace("**", "")


def _is_cjk(ch: str) -> bool:
    return bool(ch) and _CJK_RE.match(ch) is not None


_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "?": "？", "!": "！"}


def normalise_punctuation(text: str) -> str:
    """Make half-width , : ; ( ) ? ! full-width where they stand in Chinese text.

    The newspaper copy (002) and others use ASCII punctuation inside Chinese
    sentences, and the repost mixes both in one pair: ``(一）``. A mark is
    Chinese when the nearest non-space character before or after it is
    Chinese (Han, CJK punctuation or curly quotes); English text keeps ASCII.

    >>> normalise_punctuation("香山论坛,主题为(一）合作")
    '香山论坛，主题为（一）合作'
    >>> normalise_punctuation("dialog, not confrontation (2018)")
    'dialog, not confrontation (2018)'
    >>> normalise_punctuation("安,,")
    '安，，'
    """
    if not any(ch in text for ch in _HALF_TO_FULL):
        return text
    # A run of half-width marks (spaces between them allowed) turns full-width
    # as a whole when the character before or after the run is Chinese: each
    # converted mark makes its neighbour's neighbour Chinese in turn. One pass
    # over the runs, so the time is linear in the text.
    out, end = [], 0
    for run in _MARK_RUN.finditer(text):
        before, after = run.start() - 1, run.end()
        while before >= 0 and text[before] == " ":
            before -= 1
        while after < len(text) and text[after] == " ":
            after += 1
        if _is_cjk(text[before] if before >= 0 else "") or _is_cjk(text[after] if after < len(text) else ""):
            out.append(text[end : run.start()])
            out.append(run.group().translate(_HALF_TO_FULL_TABLE))
            end = run.end()
    out.append(text[end:])
    return "".join(out)


_MARK_RUN = re.compile(r"[,:;()?!](?: *[,:;()?!])*")
_HALF_TO_FULL_TABLE = str.maketrans(_HALF_TO_FULL)


_SPACES_RE = re.compile("[ \u3000]+")
#: Marks that Chinese and English both print: curly quotes, dashes, ellipsis, middle dot.
_SHARED_MARKS = frozenset("\u201c\u201d\u2018\u2019\u2014\u2026\u00b7")


def remove_stray_cjk_spaces(text: str) -> str:
    """Remove spaces next to Chinese characters and Chinese punctuation.

    Chinese is written without spaces; the sources leave some after a
    word (``倡议 主张``) or before a bracket (``电 （记者``). Spaces between
    Latin words are kept.

    >>> remove_stray_cjk_spaces("倡议 主张各国 （记者） A B")
    '倡议主张各国（记者）A B'
    >>> remove_stray_cjk_spaces('the theme “Building Win-Win Cooperation.” The approach')
    'the theme “Building Win-Win Cooperation.” The approach'
    >>> remove_stray_cjk_spaces("主题为 “合作共赢” 的论坛")
    '主题为“合作共赢”的论坛'
    >>> remove_stray_cjk_spaces("一、背\u3000景")  # an ideographic space that spreads a heading out
    '一、背景'
    """
    if " " not in text and "\u3000" not in text:
        return text

    def chinese(i: int, step: int) -> bool:
        """Is the character at ``i`` Chinese? A curly quote, dash or ellipsis, which English
        prints too, is Chinese only when the character beyond it (away from the space) is."""
        if not 0 <= i < len(text) or not _is_cjk(text[i]):
            return False
        if text[i] in _SHARED_MARKS:
            j = i + step
            while 0 <= j < len(text) and text[j] in _SHARED_MARKS:
                j += step
            return 0 <= j < len(text) and _is_cjk(text[j])
        return True

    def drop(run: re.Match) -> str:  # each run of spaces looked at once: linear in the text
        start, end = run.start(), run.end()
        return "" if chinese(start - 1, -1) or chinese(end, 1) else run.group()

    return _SPACES_RE.sub(drop, text)


#: Steps applied to every line before furniture is detected.
LINE_TEXT_STEPS: tuple[Callable[[str], str], ...] = (
    strip_control_characters,
    strip_indentation,
    strip_markdown_marks,
)
_STRAIGHT_QUOTE = re.compile(r"[\"']")


def _cjk_or_mark(ch: str) -> bool:
    """A Han character or Chinese punctuation (the neighbours that make a quote Chinese)."""
    return bool(ch) and ("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch in "，。；：！？、（）《》…—")


def curl_chinese_quotes(text: str) -> str:
    """Straight quotes that stand in Chinese text become Chinese quotation marks, in pairs.

    News sites and PDFs type ``"`` and ``'`` where Chinese prints “ ” and ‘ ’. A
    straight quote is Chinese when a neighbour (the nearest non-space character
    on either side) is Chinese; the Chinese double quotes of a paragraph then
    alternate opening and closing, and so do its single quotes. An apostrophe
    between Latin letters (China's) and quotes in English text are left alone;
    so is a paragraph whose Chinese quotes do not pair up.

    >>> curl_chinese_quotes('他说："合作共赢"，并提出"一带一路"倡议。')
    '他说：“合作共赢”，并提出“一带一路”倡议。'
    >>> curl_chinese_quotes("所谓'三股势力'是指")
    '所谓‘三股势力’是指'
    >>> print(curl_chinese_quotes("China's idea"), curl_chinese_quotes('a "new" idea'))
    China's idea a "new" idea
    >>> curl_chinese_quotes('他说："合作')
    '他说："合作'
    """
    if '"' not in text and "'" not in text:
        return text
    chinese: dict[str, list[int]] = {'"': [], "'": []}
    for m in _STRAIGHT_QUOTE.finditer(text):
        i = m.start()
        before = text[:i].rstrip()[-1:]
        after = text[i + 1 :].lstrip()[:1]
        if m.group() == "'" and before.isascii() and before.isalpha() and after.isascii() and after.isalpha():
            continue  # an apostrophe
        if _cjk_or_mark(before) or _cjk_or_mark(after):
            chinese[m.group()].append(i)
    chars = list(text)
    for quote, (opening, closing) in (('"', ("“", "”")), ("'", ("‘", "’"))):
        places = chinese[quote]
        if not places or len(places) % 2:
            continue
        for n, i in enumerate(places):
            chars[i] = opening if n % 2 == 0 else closing
    return "".join(chars)


#: Steps applied to every paragraph after it is assembled.
TEXT_STEPS: tuple[Callable[[str], str], ...] = (
    normalise_punctuation,
    curl_chinese_quotes,  # after it: a Chinese comma next to a quote makes the quote Chinese,
    normalise_punctuation,  # and again: a curled quote makes the ASCII mark beside it Chinese
    remove_stray_cjk_spaces,
)


# --------------------------------------------------------------------------
# Line steps: is this line page furniture?

_LANGUAGES = ("English", "Français", "Español", "Deutsch", "日本語", "Русский")


def language_bar(line: str, ctx: Context) -> bool:
    """The site's row of language links (``中文|English|Français|…``)."""
    return line.count("|") >= 3 and sum(lang in line for lang in _LANGUAGES) >= 2


_NAV_SEPARATORS = re.compile(r"\s*[|｜]\s*|\s{2,}|\s+[/·•]\s+")


def navigation_row(line: str, ctx: Context) -> bool:
    """A row of site navigation: four or more short links between ``|`` (or ``｜``, ``/``, ``·``).

    News sites and portals print ``首页 | 新闻 | 国际 | 军事`` above and below the text.
    A sentence (with ``，`` or ``。``) is never a navigation row.

    >>> navigation_row("中国政府网 | 国务院 | 总理 | 新闻 | 政策", None)
    True
    >>> navigation_row("合作 | 共赢，是唯一出路。", None)
    False
    """
    if any(p in line for p in "，。；！？,;!?"):
        return False
    items = [w for w in _NAV_SEPARATORS.split(line) if w]
    return len(items) >= 4 and all(len(w) <= 16 for w in items) and len(_NAV_SEPARATORS.findall(line)) >= 3


_BREADCRUMB_RE = re.compile(
    r"^(?:(?:当前位置|您的位置|您现在的位置|现在的位置|所在位置|当前的位置|位置)\s*[:：]"  # 当前位置：首页 > 政策
    r"|首页\s*(?:[>›»]|&gt;)"  # 首页 > 中国军事关键词
    r"|[^\s，。]{1,12}\s*(?:>>|»|›|>)\s*[^\s，。]{1,12}\s*(?:>>|»|›|>))"  # 人民网 >> 人民日报 >> …
)


def breadcrumb(line: str, ctx: Context) -> bool:
    """A breadcrumb: ``首页 > 中国军事关键词``, ``当前位置：首页 > 政策``, ``人民网 >> 人民日报 >> 第03版``.

    >>> breadcrumb("您的位置：首页 > 国际 > 正文", None), breadcrumb("首页 > 外交研究 >", None)
    (True, True)
    >>> breadcrumb("一国安全不应以损害他国安全为代价。", None)
    False
    """
    return len(line) <= 120 and "。" not in line and _BREADCRUMB_RE.match(line) is not None


def stray_ids(line: str, ctx: Context) -> bool:
    """A line of bare numbers (``8013832 8013839``): page or article ids, not text."""
    return re.fullmatch(r"\d{4,}(\s+\d{4,})*", line) is not None


_PAGE_NUMBER_RE = re.compile(
    r"[—–\-－~～]\s*\d{1,4}\s*[—–\-－~～]"  # — 2 —, -2-
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"  # 第2页, 第2页 共5页
    r"|(?:共\s*\d{1,4}\s*页\s*)?第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"  # 2/5
    r"|(?:[Pp]age|[Pp]\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?"  # Page 2 of 5
    r"|\d{1,3}"  # a bare page number
)


def page_number(line: str, ctx: Context) -> bool:
    """A printed page number on its own line: ``— 2 —``, ``-2-``, ``第2页``, ``2/5``, ``Page 2``, ``2``.

    Text copied from a PDF keeps the page numbers between the pages' lines.

    >>> [page_number(x, None) for x in ("— 2 —", "-2-", "第 3 页", "4/5", "Page 2 of 5", "12")]
    [True, True, True, True, True, True]
    >>> page_number("2023年", None), page_number("（二）", None)
    (False, False)
    """
    return _PAGE_NUMBER_RE.fullmatch(line.strip()) is not None


def running_header(line: str, ctx: Context) -> bool:
    """A PDF's running header or footer: a short line the seed prints again beside its page numbers.

    The lines are found for each seed (``Context.running``): those printed two or more times,
    at least once next to a page number.
    """
    return bool(ctx and ctx.running) and line in ctx.running


#: Words of the tools a page offers around the text: share, font size, print, close, favourite.
WIDGET_WORDS = frozenset(
    """分享 分享到 分享至 转发 转发到 微信 微信好友 朋友圈 微博 新浪微博 腾讯微博 QQ QQ空间 QQ好友 空间 豆瓣
    人人网 抖音 今日头条 头条 Facebook Twitter X LinkedIn 字号 字体 大 中 小 默认 超大 A+ A- A 打印 打印本页
    打印此页 打印文章 打印页面 关闭 关闭窗口 关闭本页 收藏 收藏本页 加入收藏 复制链接 复制网址 返回顶部 返回 顶部
    放大 缩小 朗读 听新闻 下载 保存 点赞 评论 举报 跟贴 参与 我要评论 我要分享 打开APP 打开APP阅读 APP 客户端
    分享至好友和朋友圈 好友 扫一扫 手机 手机看 在手机打开 手机版 网站地图 联系我们 收藏本文 复制 链接
    我要打印 我要留言 我要评论 我要分享 我要收藏 网友评论 热门评论 最新评论 发表评论 更多评论 评论区 查看更多 加载更多
    Share Print Close Email E-mail Favorite Favourite Font Size Comment Comments Tweet""".split()
)
_WIDGET_WORDS_FOLDED = frozenset(w.casefold() for w in WIDGET_WORDS)
#: Counters a page prints beside its widgets: 已有0人参与, 12条评论, 阅读 3256.
_COUNTER_RE = re.compile(r"已有\s*\d+\s*人参与|\d+\s*(?:条评论|人参与|人喜欢|次阅读)|(?:阅读|在看|点赞|评论|跟贴)\s*\d+(?:\.\d+)?[万wW]?")
_ENGLISH_WIDGET_RE = re.compile(r"^(?:share (?:this|on|via)\b|follow us\b|print (?:this|article)\b|email this\b)", re.I)
_WIDGET_SPLIT = re.compile(r"[\s|｜/、:：\[\]【】（）()<>《》·•]+")


def page_widget(line: str, ctx: Context) -> bool:
    """A share, font-size, print or close widget: ``分享到：微信 微博``, ``字号：大 中 小``, ``【打印】【关闭】``.

    Every word of the line is a word of such a tool (``WIDGET_WORDS``).

    >>> page_widget("【字体：大 中 小】 打印本页 关闭窗口", None), page_widget("分享到:", None)
    (True, True)
    >>> page_widget("中国打印关闭", None), page_widget("大中小国家一律平等", None)
    (False, False)
    """
    if len(line) <= 40 and (_ENGLISH_WIDGET_RE.match(line) or _COUNTER_RE.fullmatch(line.strip())):
        return True
    words = [w for w in _WIDGET_SPLIT.split(_COUNTER_RE.sub(" ", line)) if w]
    return bool(words) and all(w in WIDGET_WORDS or w.casefold() in _WIDGET_WORDS_FOLDED for w in words)


_CREDIT_ROLES = (
    "责任编辑|责编|本版责编|编辑|编审|审核|审校|校对|终审|初审|复审|二审|三审|监制|策划|统筹|出品|出品人|撰文|文字|"
    "作者|美编|排版|版式设计|版式|图片编辑|图编|视觉|设计|制图|值班编辑|实习编辑|实习生|主编|执行主编|记者|本报记者|"
    "通讯员|摄影|摄像|翻译"
)
_CREDIT_RE = re.compile(rf"^[【\[（(〔]?\s*(?:{_CREDIT_ROLES})\s*[:：|｜]")
_BRACKETED_CREDIT_RE = re.compile(
    rf"[【\[（(〔]\s*(?:{_CREDIT_ROLES})\s*[:：|｜ ]\s*[^【\[（(〔】\]）)〕。]{{1,40}}[】\]）)〕]\s*$"
)


def editor_credits(line: str, ctx: Context) -> bool:
    """Editor, author and reviewer credits in any bracket or none: ``责任编辑:…``, ``审核:…``,
    ``【责任编辑：…】``, ``[责任编辑:…]``, ``（编辑：…）``, ``作者 | …``, ``本版责编：…``, ``（本报记者 赵刚）``.

    >>> editor_credits("[责任编辑:刘洋]", None), editor_credits("作者 | 陈静", None)
    (True, True)
    >>> editor_credits("编辑部认为，合作是唯一出路。", None)
    False
    """
    if len(line) > 80 or "。" in line:
        return False
    return _CREDIT_RE.match(line) is not None or _BRACKETED_CREDIT_RE.fullmatch(line) is not None


_REPORTER_RE = re.compile(r"^(?:本报|本刊|新华社|中新社|央视|人民网)?(?:特约)?(?:记者|通讯员)\s*[\u4e00-\u9fff·]{2,4}(?:[ 、，,]+[\u4e00-\u9fff·]{2,4})*$")


def reporter_credit(line: str, ctx: Context) -> bool:
    """A reporter's credit line under a headline: ``本报记者 赵刚``, ``新华社记者 李明 王强``.

    A photographer's credit (``新华社记者 陈昊佳摄``) belongs to its photo: a caption, kept.
    """
    return _REPORTER_RE.match(line) is not None and not line.rstrip("）)").endswith("摄")


def source_line(line: str, ctx: Context) -> bool:
    """A publication line (``发布时间:… | 来源:…``, ``原文来源：…``, ``2023年02月21日 来源：新华网``).

    Date, source and publisher are in the catalog and shown in the page's
    provenance block; the raw line is furniture.
    """
    return (
        len(line) <= 120
        and "。" not in line
        and re.search(r"(来源|发布时间|发布者|发布日期|发稿时间|时间|日期|原标题|转载自|Source|Updated|Published|Editor)\s*[:：|｜]", line) is not None
    )


_EDITION_RE = re.compile(r"^《\s*[^》]{1,20}\s*》\s*[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:第?\s*\d{1,3}\s*版)?\s*[）)]$")


def print_edition(line: str, ctx: Context) -> bool:
    """A newspaper's edition line: ``《 人民日报 》（ 2023年02月22日 第 03 版）``."""
    return _EDITION_RE.match(line) is not None


def site_menu(line: str, ctx: Context) -> bool:
    """A site menu: eight or more short words separated by spaces, no sentence.

    Site 004 starts with a menu of 80 section names on one line. A line with
    the punctuation of a sentence (Chinese or English) is not a menu, nor is
    English in which most words start in lower case (menus are Title Case).

    >>> site_menu("首页 新闻 国际 国内 港澳 台湾 军事 财经", None)
    True
    >>> site_menu("It is a new type of security partnership that all can join", None)
    False
    """
    words = line.split()
    if len(words) < 8 or not all(len(w) <= 8 for w in words) or any(p in line for p in "。，；.,;!?"):
        return False
    latin = [w for w in words if w[:1].isascii() and w[:1].isalpha()]
    return sum(w[0].islower() for w in latin) * 2 <= len(latin)


def image(line: str, ctx: Context) -> bool:
    """An image (``![cover_image](https://…)``, ``![]()``) or a bare image URL."""
    return (
        re.fullmatch(r"!\[[^\]]*\]\([^)]*\)", line) is not None
        or re.fullmatch(r"https?://\S+", line) is not None
    )


#: The words of the WeChat reader interface that a copy of a WeChat page carries.
WECHAT_UI = frozenset(
    """预览时标签不可点 阅读原文 轻触阅读原文 微信扫一扫 关注该公众号 继续滑动看下一个
    向上滑动看下一个 知道了 使用小程序 取消 允许 × 分析 微信扫一扫可打开此内容，
    使用完整服务 视频 小程序 赞 ，轻点两下取消赞 在看 ，轻点两下取消在看 分享 留言 收藏 听过 点赞 写留言
    """.split()
)


def wechat_interface(line: str, ctx: Context) -> bool:
    """A word of the WeChat reader interface (``在看``, ``轻触阅读原文``, ``允许`` …)."""
    return line in WECHAT_UI


_POST_HEADER_RE = re.compile(r"^(?:原创\s+)?.{0,40}\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2})?\s*(?:发表于\S{0,8})?$")


def post_header(line: str, ctx: Context) -> bool:
    """The header of a WeChat post: ``原创 账号 作者 2023-02-22 08:00 发表于北京``."""
    return "。" not in line and ("发表于" in line or line.startswith("原创 ")) and _POST_HEADER_RE.match(line) is not None


_ENGAGEMENT_RE = re.compile(
    r"点击(?:上方)?蓝字|关注我们|点个[“\"]?在看|点[个一]?赞|分享让更多人看到|转发(?:给|到)|设为星标|星标|"
    r"在看[”\"]?吧|欢迎(?:关注|转发|分享)|喜欢就"
)


def engagement_prompt(line: str, ctx: Context) -> bool:
    """A call to follow, like or share: ``点击蓝字 关注我们``, ``喜欢就点个"在看"吧``, ``分享让更多人看到``."""
    return len(line) <= 30 and "。" not in line and _ENGAGEMENT_RE.search(line) is not None


def qr_prompt(line: str, ctx: Context) -> bool:
    """A QR-code prompt: ``扫描二维码关注…``, ``长按识别二维码``, ``扫码下载客户端``."""
    return len(line) <= 40 and "。" not in line.rstrip("。") and re.search(r"二维码|扫码|扫一扫|长按识别", line) is not None


def correction_link(line: str, ctx: Context) -> bool:
    """A 'report an error' link: ``纠错``, ``【我要纠错】``, ``[纠错]``, ``我要纠错 责任编辑：…``."""
    words = [w for w in _WIDGET_SPLIT.split(line) if w]
    return bool(words) and ("纠错" in words[0] or "我要纠错" in words[0]) and len(line) <= 40 and "。" not in line


_COPYRIGHT_RE = re.compile(
    r"版权所有|版权声明|Copyright|©|ICP\s*[备证]|公网安备|网站识别码|网站标识码|主办单位|承办单位|主管单位|运行维护单位|"
    r"技术支持|未经授权|不得转载|转载请注明|侵权|免责声明|违法和不良信息举报|举报电话|电子邮件[:：]|联系我们|关于我们|网站地图|"
    r"All Rights Reserved|E-?mail\s*[:：]|\bTel\s*[:：]|电话\s*[:：]|传真\s*[:：]|邮编\s*[:：]",
    re.I,
)


def copyright_line(line: str, ctx: Context) -> bool:
    """Copyright, ICP, publisher and site-owner lines at a page's foot (``版权所有 … 京ICP证…号``)."""
    return len(line) <= 160 and "。" not in line.rstrip("。") and _COPYRIGHT_RE.search(line) is not None


#: The heading of a list of other articles after the text.
RELATED_HEADINGS = frozenset(
    """相关新闻 相关阅读 相关稿件 相关文章 相关链接 相关报道 延伸阅读 推荐阅读 推荐 热点推荐 热门推荐 猜你喜欢
    往期推荐 往期回顾 往期精彩 更多精彩 更多精彩内容 更多 精彩推荐 热门文章 热点新闻 编辑推荐 今日推荐 版面导航 本版新闻
    本版导航 图片报道 相关词条 相关专题 专题推荐 热门排行 排行榜 阅读排行 点击排行 推荐文章 猜你想看""".split()
)


_RELATED_ENGLISH = re.compile(r"(?:related|more|recommended|popular|latest|top)(?: news| articles?| stories| reading| content| links)?"
                              r"|most (?:read|viewed|popular)|read more|you (?:may|might) also like", re.I)


def topic_line(line: str, ctx: Context) -> bool:
    """A link to a topic page, or the page's tags and keywords: ``点击进入专题：…``, ``标签：…``, ``关键词：…``."""
    return "。" not in line and len(line) <= 80 and re.match(
        r"^[【\[]?(?:点击)?(?:进入专题|专题)[】\]]?\s*[:：]|^[【\[]?(?:标签|关键词|关键字|Tags?|Keywords?)[】\]]?\s*[:：]", line, re.I
    ) is not None


def related_heading(line: str, ctx: Context) -> bool:
    """The heading of a related-news or 'recommended' list (``相关新闻``, ``往期推荐``, ``推荐阅读``).

    The headlines listed under it are removed with it (``related_news``).
    """
    bare = line.strip("【】[]：:>》 ·")
    return bare in RELATED_HEADINGS or _RELATED_ENGLISH.fullmatch(bare) is not None


def prev_next_link(line: str, ctx: Context) -> bool:
    """A link to the previous or next article: ``上一篇：…``, ``下一篇：…``."""
    if re.fullmatch(r"[\s\u3000【】\[\]|｜]*(?:上一篇|下一篇|上一条|下一条|上篇|下篇)(?:[\s\u3000【】\[\]|｜]*(?:上一篇|下一篇|上一条|下一条|上篇|下篇))*[\s\u3000【】\[\]|｜]*", line):
        return True  # the bare links: 上一篇　下一篇
    return re.match(r"^[【\[]?(?:上一篇|下一篇|上一条|下一条|上篇|下篇)[】\]]?\s*[:：]", line) is not None and len(line) <= 80


def original_title(line: str, ctx: Context) -> bool:
    """A repost's note of the original title: ``（原标题：…）``, ``原标题：…``."""
    return re.match(r"^[（(]?\s*原标题\s*[:：]", line) is not None and len(line) <= 80


def collection_line(line: str, ctx: Context) -> bool:
    """A WeChat post's collection or topic line: ``收录于合集 #上合组织 12个``, ``收录于话题 #…``."""
    return re.match(r"^收录于(?:合集|话题|专辑)", line) is not None and "。" not in line


def image_placeholder(line: str, ctx: Context) -> bool:
    """Where a copied page had a picture or a video: ``图片``, ``[图片]``, ``视频加载中…``."""
    return re.fullmatch(r"[\[【(（]?(?:图片|图|视频|音频|动图|视频加载中[.…]*|图片加载中[.…]*)[\]】)）]?", line) is not None


def attachment_line(line: str, ctx: Context) -> bool:
    """An empty attachments label at a page's foot: ``附件下载：``, ``相关附件：``."""
    return re.fullmatch(r"(?:附件下载|相关附件|下载附件|附件)\s*[:：]?", line) is not None


def end_mark(line: str, ctx: Context) -> bool:
    """An end-of-post mark: ``- END -``, ``END``, ``（完）``, ``—完—``."""
    return re.fullmatch(r"[-—–\s]*(?:END|End|end|完)[-—–\s]*|[（(]完[）)]", line) is not None


_DATELINE_RE = re.compile(
    r"^(?:(?:新华社|中新社|中新网|人民网|央视网|本报|本刊|光明网|国际在线|中国网)[\u4e00-\u9fff]{0,10}?"
    r"(?:\d{1,2}月\d{1,2}日)?电|本报讯|本刊讯)"
    r"(?:\s*[（(](?:记者|通讯员)[^）)]{1,30}[）)])?\s*"
)


def dateline(line: str, ctx: Context) -> bool:
    """A wire dateline on its own line: ``新华社北京2月21日电``, ``本报讯（记者 李明）``."""
    m = _DATELINE_RE.match(line)
    return m is not None and m.end() == len(line)


def title_annotation(line: str, ctx: Context) -> bool:
    """A note under the title about the copy itself: ``（全文）``, ``（摘要）``, ``（附全文）``."""
    return re.fullmatch(r"[（(](?:全文|摘要|附全文|节选|摘编)[）)]", line) is not None


def contact_line(line: str, ctx: Context) -> bool:
    """A 'contact us to submit' line with a phone number and e-mail address."""
    return re.match(r"^[“\"]?\s*投稿联系方式", line) is not None


def lone_punctuation(line: str, ctx: Context) -> bool:
    """A line of punctuation or symbols only (the rows of ``，`` under a WeChat post)."""
    return bool(line) and all(unicodedata.category(c)[0] in "PSZ" for c in line)


#: Labels of the source site's sections, printed at the end of an entry.
SITE_LABELS = frozenset({"热词热译"})


def site_label(line: str, ctx: Context) -> bool:
    """A site section label printed under the text (``热词热译`` on China Keywords)."""
    return line in SITE_LABELS


def byline(line: str, ctx: Context) -> bool:
    """The author line (``杨守征,…特约研究员``); the author is in the catalog."""
    return bool(ctx.byline) and line.startswith(ctx.byline) and len(line) <= 80


def account_name(line: str, ctx: Context) -> bool:
    """The name of the reposting account, printed under a WeChat title."""
    return bool(ctx.account) and line == ctx.account


def repeated_title(line: str, ctx: Context) -> bool:
    """The title printed again (pages repeat it above the text)."""
    return line == ctx.title


#: Steps whose lines are furniture only at the head or the foot of a zone (with
#: nothing but furniture before them, or after them): a source line or a byline
#: under the title is page furniture, the same words inside the text are text
#: (``数据来源：…`` under a table, an English sentence that happens to have no comma).
POSITIONAL_STEPS = frozenset(
    {
        "source_line", "site_menu", "editor_credits", "byline", "contact_line", "site_label",
        "account_name", "repeated_title", "navigation_row", "related_heading", "end_mark", "prev_next_link",
        "attachment_line", "topic_line",
        "title_annotation", "dateline", "copyright_line", "page_widget", "correction_link", "post_header",
        "engagement_prompt",
    }
)

LINE_STEPS: tuple[Callable[[str, Context], bool], ...] = (
    language_bar,
    navigation_row,
    breadcrumb,
    stray_ids,
    page_number,
    running_header,
    page_widget,
    correction_link,
    editor_credits,
    reporter_credit,
    source_line,
    print_edition,
    post_header,
    site_menu,
    image,
    wechat_interface,
    qr_prompt,
    engagement_prompt,
    copyright_line,
    related_heading,
    topic_line,
    prev_next_link,
    original_title,
    collection_line,
    image_placeholder,
    attachment_line,
    end_mark,
    dateline,
    title_annotation,
    contact_line,
    lone_punctuation,
    site_label,
    byline,
    account_name,
    repeated_title,
)


# --------------------------------------------------------------------------
# Trims: furniture printed on the same line as text (kept in the removal record)


def leading_dateline(text: str) -> tuple[str, str]:
    """Split a wire dateline off the start of a zone's first paragraph.

    ``新华社北京2月21日电（记者李明）外交部21日发布…``: the dateline is the wire's
    furniture (the publisher and date are in the catalog), the rest is text.
    Returns (removed, kept).

    >>> leading_dateline("本报北京2月21日电 当前，安全的内涵更加丰富。")
    ('本报北京2月21日电 ', '当前，安全的内涵更加丰富。')
    >>> leading_dateline("新华社记者指出，合作是出路。")
    ('', '新华社记者指出，合作是出路。')
    """
    m = _DATELINE_RE.match(text)
    if not m or m.end() == len(text):
        return "", text
    return text[: m.end()], text[m.end() :]


def trailing_credit(text: str) -> tuple[str, str]:
    """Split an editor's or reporter's credit in brackets off the end of a zone's last paragraph.

    ``…完善规则。（编辑：周一）``, ``…管控分歧。【责任编辑：张华】``. Returns (removed, kept).

    >>> trailing_credit("完善规则。（编辑：周一）")
    ('（编辑：周一）', '完善规则。')
    >>> trailing_credit("（编辑：周一）")
    ('', '（编辑：周一）')
    """
    m = _BRACKETED_CREDIT_RE.search(text)
    if not m or m.start() == 0 or text[: m.start()].rstrip()[-1:] not in TERMINAL:
        return "", text
    return text[m.start() :], text[: m.start()].rstrip()


# --------------------------------------------------------------------------
# Paragraph steps: list[Para] -> list[Para]

_GLUED_ITEM_RE = re.compile(f"(?<=[。！？])(?=（[{CN_DIGITS}]+）)")


def split_glued_items(paras: list[Para]) -> list[Para]:
    """Start a new paragraph where a numbered item is glued to the previous one.

    The repost (003) prints ``…生态环境。（十二）加强联合国…`` on one line.

    >>> [p.text for p in split_glued_items([Para("甲。（十二）乙，", 1)])]
    ['甲。', '（十二）乙，']
    """
    out: list[Para] = []
    for p in paras:
        parts = _GLUED_ITEM_RE.split(p.text)
        out.extend(Para(part, p.line) for part in parts if part)
    return out


_CAPTION_RE = re.compile(
    r"(?:^|[。！？])图为|^图[:：]|^（图|^\(图|^资料图|^图片来源|^[（(]?(?:新华社|中新社|本报)?(?:记者)?\s*[\u4e00-\u9fff·]{2,4}\s*摄[）)]?$"
    r"|(?:记者|通讯员|摄影)\s*[\u4e00-\u9fff·]{2,4}\s*摄[）)]?$|[（(](?:新华社|中新社)?(?:记者)?[\u4e00-\u9fff·]{0,6}\s*(?:摄|供图|发)[）)]$"
)


def is_caption(text: str) -> bool:
    """A photo caption: ``图为…``, ``…新华社记者 王强 摄``, ``（新华社发）``.

    Captions are kept (they are the page's text) but shown as captions, and
    never joined to the paragraph before or after them.

    >>> is_caption("图为与会代表在会场交流。本报记者 孙亮摄"), is_caption("图为外交部大楼。新华社记者 王强 摄")
    (True, True)
    >>> is_caption("摄影技术的发展，改变了新闻。")
    False
    """
    return len(text) <= 200 and _CAPTION_RE.search(text) is not None


def _is_broken_end(text: str) -> bool:
    """Does this paragraph stop in the middle of running text?"""
    return (
        bool(text)
        and text[-1] not in TERMINAL
        and any(p in text for p in RUNNING)
        and not is_latin_text(text)
    )


def _starts_continuation(text: str) -> bool:
    """Can this paragraph be the second half of a broken one?"""
    return (
        bool(text)
        and (bool(_HAN_RE.match(text[0])) or text[0].isdigit())
        and any(p in text for p in RUNNING)
        and not ITEM_RE.match(text)
        and not PART_RE.match(text)
        and not is_caption(text)
    )


#: Characters a heading cannot end on: a heading that ends on one was wrapped.
_OPEN_ENDINGS = "的和与及或对在为之、，及其以并把将向从于等"


def rejoin_wrapped_headings(paras: list[Para]) -> list[Para]:
    """Rejoin a numbered heading that the print wrapped over two lines.

    A PDF prints ``（一）坚持共同、综合、合作、可持续的`` / ``安全观``. The first
    line is a numbered heading (``一、`` or ``（一）``) without running
    punctuation that is long or ends on a word that cannot end a heading
    (``的``, ``和``, ``、``); the second is a short line with no punctuation and
    no number of its own.

    >>> [p.text for p in rejoin_wrapped_headings([Para("（一）坚持共同、综合、合作、可持续的", 1), Para("安全观", 2)])]
    ['（一）坚持共同、综合、合作、可持续的安全观']
    >>> [p.text for p in rejoin_wrapped_headings([Para("一、背景", 1), Para("安全问题", 2)])]
    ['一、背景', '安全问题']
    """
    out: list[Para] = []
    for p in paras:
        prev = out[-1].text if out else ""
        if (
            prev
            and (ITEM_RE.match(prev) or PART_RE.match(prev))
            and not any(c in prev for c in RUNNING)
            and (prev[-1] in _OPEN_ENDINGS or len(prev) >= 16)
            and len(p.text) <= 16
            and not any(unicodedata.category(c)[0] == "P" for c in p.text)
            and not (ITEM_RE.match(p.text) or PART_RE.match(p.text))
            and not is_latin_text(p.text)
        ):
            out[-1] = Para(prev + p.text, out[-1].line)
        else:
            out.append(p)
    return out


def rejoin_broken_paragraphs(paras: list[Para]) -> list[Para]:
    """Rejoin paragraphs that a page break split mid-sentence or mid-word.

    The newspaper copy (002) breaks ``联合国 / 宪章``, ``支 / 持``, ``海 / 盗``.
    A paragraph is broken when it is running text (it holds ``，`` or ``。``)
    that does not end with closing punctuation, and the next paragraph is
    running text that starts with a Chinese character. Headlines and photo
    credits (no running punctuation on one side) are left alone.

    >>> [p.text for p in rejoin_broken_paragraphs([Para("进程。支", 1), Para("持在尊重，合作", 3)])]
    ['进程。支持在尊重，合作']
    >>> [p.text for p in rejoin_broken_paragraphs([Para("设备。记者摄", 1), Para("伊朗表示重视合作", 3)])]
    ['设备。记者摄', '伊朗表示重视合作']
    >>> [p.text for p in rejoin_broken_paragraphs([Para("外交部发言人——", 1), Para("事实", 3)])]
    ['外交部发言人——', '事实']
    """
    out: list[Para] = []
    # The paragraph being assembled, kept as parts with running counts, so a
    # long run of broken lines is joined in linear time (re-reading the
    # growing text at every join was quadratic: minutes for a 2 MB seed).
    parts: list[str] = []
    line = 0
    running = False
    letters = latin = 0

    def close() -> None:
        if parts:
            out.append(Para("".join(parts), line))

    for p in paras:
        text = p.text
        broken_end = (
            bool(parts)
            and parts[-1][-1:] not in TERMINAL
            and running
            and not (letters and latin / letters > 0.8)
        )
        if broken_end and _starts_continuation(text) and not (len(parts) == 1 and is_caption(parts[0])):
            parts.append(text)
        else:
            close()
            parts, line, running, letters, latin = [text], p.line, False, 0, 0
        running = running or any(c in text for c in RUNNING)
        letters += sum(map(str.isalpha, text))
        latin += len(_ASCII_LETTER.findall(text))
    close()
    return out


PARAGRAPH_STEPS: tuple[Callable[[list[Para]], list[Para]], ...] = (
    split_glued_items,
    rejoin_wrapped_headings,
    rejoin_broken_paragraphs,
)


# --------------------------------------------------------------------------
# The pipeline


def split_front_matter(text: str) -> tuple[dict[str, str], int, list[str]]:
    """Split YAML-like front matter (``---`` … ``---``) off the top of a seed.

    Returns the simple ``key: value`` pairs, the number of lines it used and
    those lines. The WeChat copy (003) starts with such a block.
    """
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return {}, 0, []
    for end in range(1, min(len(lines), 60)):
        if lines[end].strip() == "---":
            meta = {}
            for raw in lines[1:end]:
                key, sep, value = raw.partition(":")
                if sep and re.fullmatch(r"[A-Za-z_]+", key.strip()):
                    meta[key.strip()] = value.strip()
            return meta, end + 1, lines[: end + 1]
    return {}, 0, []


def wrap_width(lines: list[tuple[int, str]]) -> int | None:
    """The width at which a hard-wrapped copy (text from a PDF) breaks its lines, if it has one.

    It is the most common length of the Chinese lines that are followed by another line and do not
    end a sentence, when at least three lines share it (give or take one character).

    >>> wrap_width([(1, "甲" * 30), (2, "乙" * 29), (3, "丙" * 30), (4, "丁。"), (5, "")])
    30
    >>> wrap_width([(1, "一、背景"), (2, "安全问题事关各国人民的福祉。")]) is None
    True
    >>> heads = [(1, "甲" * 19), (2, "乙" * 120 + "。"), (3, "丙" * 19), (4, "丁" * 90 + "。"), (5, "戊" * 18), (6, "己。")]
    >>> wrap_width(heads) is None  # headings of a web copy that happen to share a length
    True
    """
    widths: Counter = Counter()
    for (_, line), (_, nxt) in zip(lines, lines[1:]):
        if line and nxt and line[-1] not in TERMINAL and not is_latin_text(line) and len(line) >= 12:
            widths[len(line)] += 1
    best, count = None, 0
    for width in widths:
        near = widths[width - 1] + widths[width] + widths[width + 1]
        if near > count or (near == count and best is not None and width > best):
            best, count = width, near
    if count < 3:
        return None
    # a hard-wrapped text has (almost) no line longer than its width: in a web copy, whose
    # paragraphs are long lines, a width shared by a few headings is not a wrap width
    lengths = sorted(len(line) for _, line in lines if line)
    longest = lengths[int(len(lengths) * 0.9) - 1] if len(lengths) >= 10 else lengths[-1]  # a few outliers allowed
    return best if longest <= best + 1 else None


def _joins(line: str, nxt: str, width: int | None) -> str | None:
    """How two adjacent lines join, or None when they are two paragraphs.

    English lines join with a space when the first does not end a sentence or the second starts
    in lower case (hard-wrapped English); Chinese lines join when the first fills the wrap width
    and does not end a sentence. Other adjacent lines are paragraphs of their own: web copies put
    one paragraph on each line, and headings stand on lines of their own.
    """
    if is_latin_text(line) and is_latin_text(nxt):
        # a line continues when the next one starts in lower case, or when it is long and does not
        # end a sentence; a short one (a title, "Editor: …") stands alone
        if nxt[:1].islower() or (len(line) >= 50 and line[-1] not in TERMINAL):
            return " "
        return None
    if width and line[-1] not in TERMINAL and len(line) >= width - 1:
        return " " if (line[-1:].isascii() and line[-1:].isalpha() and nxt[:1].isascii() and nxt[:1].isalpha()) else ""
    return None


def _paragraphs(lines: list[tuple[int, str]]) -> list[Para]:
    """Group numbered lines into paragraphs: a blank line or a new line ends one, unless hard-wrapped.

    See ``_joins``: only a hard-wrapped line continues on the next line.
    """
    width = wrap_width(lines)
    paras: list[Para] = []
    parts: list[str] = []  # the paragraph being assembled
    start, last = 0, ""  # its first line's number, and its last line
    for no, line in lines:
        if parts and line:
            sep = _joins(last, line, width)
            if sep is not None:
                parts.append(sep + line)
                last = line
                continue
        if parts:
            paras.append(Para("".join(parts), start))
            parts = []
        if line:
            parts, start, last = [line], no, line
    if parts:
        paras.append(Para("".join(parts), start))
    return paras


def _find_title(lines: list[tuple[int, str]], title: str) -> tuple[int | None, int]:
    """Where the title is printed: the first line that is the title, or the first run of up to four
    consecutive lines that together are the title (a print wraps a long title: ``全球安全倡议`` /
    ``概念文件``). Returns the first line's index and the index after the last (None if not found).

    >>> _find_title([(1, "甲"), (2, "全球安全倡议"), (3, "概念文件"), (4, "")], "全球安全倡议概念文件")
    (1, 3)
    """
    compact = title.replace(" ", "")
    for i, (_, line) in enumerate(lines):
        if line == title:
            return i, i + 1
        if not line or not compact.startswith(line.replace(" ", "")):
            continue
        joined = ""
        for j in range(i, min(i + 4, len(lines))):
            part = lines[j][1].replace(" ", "")
            if not part:
                break
            joined += part
            if joined == compact:
                return i, j + 1
            if not compact.startswith(joined):
                break
    return None, 0


def running_lines(lines: list[tuple[int, str]]) -> frozenset[str]:
    """The running headers and footers of a copy of a PDF: short lines (no sentence punctuation)
    printed two or more times, at least once within two lines of a page number.

    >>> sorted(running_lines([(1, "概念文件"), (2, "正文，甲。"), (3, "— 1 —"), (4, "概念文件"), (5, "乙。")]))
    ['概念文件']
    """
    counts = Counter(line for _, line in lines if line and len(line) <= 40 and not any(p in line for p in "。，；！？"))
    repeated = {line for line, n in counts.items() if n >= 2 and not page_number(line, None)}
    if not repeated:
        return frozenset()
    content = [line for _, line in lines if line]
    near_page: set[str] = set()
    for i, line in enumerate(content):
        if line in repeated and any(page_number(x, None) for x in content[max(0, i - 2) : i + 3]):
            near_page.add(line)
    return frozenset(near_page)


def _is_running_text(line: str) -> bool:
    """A line of the text proper: a sentence (running punctuation) or a long line."""
    if is_latin_text(line):
        return len(line.split()) >= 8
    return len(line) > 40 or any(p in line for p in RUNNING)


def mark_related_lists(rows: list[tuple[int, str]], hits: list[str | None]) -> None:
    """Mark the headlines listed under a related-news heading (``相关新闻``, ``往期推荐``) as furniture.

    After such a heading at the foot of a zone, every line is either other furniture or a headline
    (a short line that does not end a sentence, often behind a bullet): the list of other articles.
    """
    for i, hit in enumerate(hits):
        if hit != "related_heading":
            continue
        after = [j for j in range(i + 1, len(rows)) if rows[j][1] and hits[j] is None]
        if all(_is_listed_headline(rows[j][1]) for j in after):
            for j in after:
                hits[j] = "related_news"
            return


def _is_listed_headline(line: str) -> bool:
    """A line of a list of other articles: a short line that does not end a sentence."""
    text = line.lstrip("·•-–—▪►>*·● ")
    return len(text) <= 60 and text[-1:] not in "。！？；…" and not is_latin_text(text)


def _find_line(lines: list[tuple[int, str]], wanted: str, start: int = 0, *, prefix: bool = False) -> int | None:
    for i in range(start, len(lines)):
        text = lines[i][1]
        if text == wanted or (prefix and text.startswith(wanted)):
            return i
    return None


def clean_seed(
    text: str,
    seed: str,
    *,
    title: str,
    doc_title: str | None = None,
    byline: str | None = None,
    body_start: str | None = None,
    body_end: str | None = None,
) -> Cleaned:
    """Clean the decoded text of one seed.

    ``title`` is the title line as printed in this seed; everything above its
    first occurrence is page furniture (language bars, menus, unrelated
    headlines). ``body_start`` and ``body_end`` (from the catalog) mark the
    document proper inside a copy that prints other material around it.
    """
    result = Cleaned(seed=seed)
    meta, used, fm_lines = split_front_matter(text)
    result.front_matter = meta
    for i, raw in enumerate(fm_lines, start=1):
        if raw.strip():
            result.removals.append(Removal("front_matter", i, raw))

    numbered: list[tuple[int, str]] = []
    for no, raw in enumerate(text.split("\n")[used:], start=used + 1):
        line = raw
        for step in LINE_TEXT_STEPS:
            fixed = step(line)
            if fixed != line:
                result.applied[step.__name__] += 1
                line = fixed
        numbered.append((no, line))

    def remove(rows: list[tuple[int, str]], step: str) -> None:
        for no, line in rows:
            if line:
                result.removals.append(Removal(step, no, line))

    # Zones: preamble | title | preface | body | trailer
    t, t_end = _find_title(numbered, title)
    if t is None:
        raise CorpusError(seed, f"title line {title!r} (from the catalog) not found in the seed")
    titles = {title} | ({doc_title} if doc_title else set())
    running = running_lines(numbered)
    contexts = [Context(title=t_, byline=byline, account=meta.get("source"), running=running) for t_ in sorted(titles)]

    def furniture_step(line: str) -> str | None:
        for step in LINE_STEPS:
            if any(step(line, ctx) for ctx in contexts):
                return step.__name__
        return None

    # Above the title: furniture, named by the step that recognises it, or
    # (an unrelated headline, a site slogan) simply "preamble".
    for no, line in numbered[:t]:
        if line:
            result.removals.append(Removal(furniture_step(line) or "preamble", no, line))
    remove(numbered[t:t_end], "title")
    rest = numbered[t_end:]
    preface: list[tuple[int, str]] = []
    if body_start:
        b = _find_line(rest, body_start)
        if b is None:
            raise CorpusError(seed, f"body_start line {body_start!r} (from the catalog) not found after the title")
        preface = rest[:b]
        remove([rest[b]], "body_start")
        rest = rest[b + 1 :]
    trailer: list[tuple[int, str]] = []
    if body_end:
        e = _find_line(rest, body_end, prefix=True)
        if e is None:
            raise CorpusError(seed, f"body_end line {body_end!r} (from the catalog) not found in the seed")
        remove([rest[e]], "body_end")
        trailer = rest[e + 1 :]
        rest = rest[:e]

    def furniture(rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
        hits = [furniture_step(line) if line else None for _, line in rows]
        mark_related_lists(rows, hits)
        # a positional step counts only in the head or the foot of the zone
        content = [i for i, (h, (_, line)) in enumerate(zip(hits, rows)) if line and h is None]
        # the zone's head and foot: what comes before its first line of running text and after its
        # last (a headline or a short unrecognised line there does not shield the furniture around it)
        running = [i for i in content if _is_running_text(rows[i][1])] or content
        first, last = (running[0], running[-1]) if running else (len(rows), -1)
        # the first line of running text (under any headline and subtitle): where a dateline stands
        lead = next((i for i in content if any(p in rows[i][1] for p in RUNNING)), -1)
        kept = []
        for i, (no, line) in enumerate(rows):
            hit = hits[i]
            if hit in POSITIONAL_STEPS and first < i < last:
                hit = None
            if hit:
                result.removals.append(Removal(hit, no, line))
                result.applied[hit] += 1
                kept.append((no, ""))  # keep the paragraph break
            else:
                # furniture on the same line as the zone's first or last text
                for trim in (leading_dateline,) * (i == lead) + (trailing_credit,) * (i == last):
                    cut, line = trim(line)
                    if cut:
                        result.removals.append(Removal(trim.__name__, no, cut.strip()))
                        result.applied[trim.__name__] += 1
                kept.append((no, line))
        return kept

    def text_steps(paras: list[Para]) -> list[Para]:
        fixed = []
        for p in paras:
            text_ = p.text
            for step in TEXT_STEPS:
                new = step(text_)
                if new != text_:
                    result.applied[step.__name__] += 1
                    text_ = new
            fixed.append(Para(text_, p.line))
        return fixed

    def finish(rows: list[tuple[int, str]]) -> list[Para]:
        fixed = text_steps(_paragraphs(furniture(rows)))
        for pstep in PARAGRAPH_STEPS:
            new_paras = pstep(fixed)
            if [p.text for p in new_paras] != [p.text for p in fixed]:
                result.applied[pstep.__name__] += 1
                # a paragraph joined or split anew gets the text steps again: quotes pair up
                # across a rejoined page break only once the halves are one paragraph
                before = {(p.text, p.line) for p in fixed}
                new_paras = [q if (q.text, q.line) in before else text_steps([q])[0] for q in new_paras]
            fixed = new_paras
        return fixed

    result.preface = finish(preface)
    result.body = finish(rest)
    result.trailer = finish(trailer)
    if not result.body:
        raise CorpusError(seed, "no text is left after cleaning: is the title or body_start in the catalog right?")
    return result
