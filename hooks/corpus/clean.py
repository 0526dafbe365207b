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


_SPACES_RE = re.compile(" +")


def remove_stray_cjk_spaces(text: str) -> str:
    """Remove spaces next to Chinese characters and Chinese punctuation.

    Chinese is written without spaces; the sources leave some after a
    word (``倡议 主张``) or before a bracket (``电 （记者``). Spaces between
    Latin words are kept.

    >>> remove_stray_cjk_spaces("倡议 主张各国 （记者） A B")
    '倡议主张各国（记者）A B'
    """
    if " " not in text:
        return text

    def drop(run: re.Match) -> str:  # each run of spaces looked at once: linear in the text
        start, end = run.start(), run.end()
        near_cjk = (start > 0 and _is_cjk(text[start - 1])) or (end < len(text) and _is_cjk(text[end]))
        return "" if near_cjk else run.group()

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


def breadcrumb(line: str, ctx: Context) -> bool:
    """A breadcrumb such as ``首页 > 中国军事关键词``."""
    return re.match(r"^(首页|当前位置[:：]?\s*首页)\s*[>›»]", line) is not None


def stray_ids(line: str, ctx: Context) -> bool:
    """A line of bare numbers (``8013832 8013839``): page or article ids, not text."""
    return re.fullmatch(r"\d{4,}(\s+\d{4,})*", line) is not None


def share_widget(line: str, ctx: Context) -> bool:
    """The label of a share widget (``分享到:``)."""
    return re.fullmatch(r"分享到\s*[:：]?", line) is not None


def editor_credits(line: str, ctx: Context) -> bool:
    """Editor and reviewer credits (``责任编辑:…``, ``审核:…``, ``【责任编辑:…】``)."""
    return re.match(r"^[【\[]?\s*(责任编辑|审核|编辑|校对|审校)\s*[:：]", line) is not None


def source_line(line: str, ctx: Context) -> bool:
    """A publication line (``发布时间:… | 来源:…``, ``原文来源：…``).

    Date, source and publisher are in the catalog and shown in the page's
    provenance block; the raw line is furniture.
    """
    return (
        len(line) <= 120
        and "。" not in line
        and re.search(r"(来源|发布时间|发布者|发布日期)\s*[:：]", line) is not None
    )


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
    使用完整服务 视频 小程序 赞 ，轻点两下取消赞 在看 ，轻点两下取消在看 分享 留言 收藏 听过
    """.split()
)


def wechat_interface(line: str, ctx: Context) -> bool:
    """A word of the WeChat reader interface (``在看``, ``轻触阅读原文``, ``允许`` …)."""
    return line in WECHAT_UI


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
POSITIONAL_STEPS = frozenset({"source_line", "site_menu", "editor_credits", "byline", "contact_line", "share_widget", "site_label", "account_name", "repeated_title"})

LINE_STEPS: tuple[Callable[[str, Context], bool], ...] = (
    language_bar,
    breadcrumb,
    stray_ids,
    share_widget,
    editor_credits,
    source_line,
    site_menu,
    image,
    wechat_interface,
    contact_line,
    lone_punctuation,
    site_label,
    byline,
    account_name,
    repeated_title,
)


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
    )


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
        if broken_end and _starts_continuation(text):
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


def _paragraphs(lines: list[tuple[int, str]]) -> list[Para]:
    """Group numbered lines into paragraphs at blank lines.

    Lines inside one paragraph are joined without a space in Chinese and with
    one space in English.
    """
    paras: list[Para] = []
    current: list[tuple[int, str]] = []

    def flush() -> None:
        if current:
            text = current[0][1]
            for _, nxt in current[1:]:
                sep = " " if (text[-1:].isascii() and nxt[:1].isascii()) else ""
                text = text + sep + nxt
            paras.append(Para(text, current[0][0]))
            current.clear()

    for no, line in lines:
        if line:
            current.append((no, line))
        else:
            flush()
    flush()
    return paras


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
    t = _find_line(numbered, title)
    if t is None:
        raise CorpusError(seed, f"title line {title!r} (from the catalog) not found in the seed")
    titles = {title} | ({doc_title} if doc_title else set())
    contexts = [Context(title=t_, byline=byline, account=meta.get("source")) for t_ in sorted(titles)]

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
    remove([numbered[t]], "title")
    rest = numbered[t + 1 :]
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
        # a positional step counts only in the head or the foot of the zone
        content = [i for i, (h, (_, line)) in enumerate(zip(hits, rows)) if line and h is None]
        first, last = (content[0], content[-1]) if content else (len(rows), -1)
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
