"""Contents labels for numbered items that have no title of their own.

Items such as part 三 of the concept paper are headed only by their number,
（一）…（二十） ("(1)…(20)" in English): as entries of the contents they
would tell a reader nothing. Each such heading gets a label made of its
number and the opening words of its first paragraph, cut at the end of the
first clause (and shortened when that clause is long). The label is for the
contents and the sidebar only (Python-Markdown's toc reads it from the
heading's ``data-toc-label`` attribute and removes it): the heading's text and
its id on the page stay as they are.
"""

from __future__ import annotations

import re

_BARE = {
    "zh": re.compile(r"^[（(][一二三四五六七八九十百零〇]+[）)]$"),
    "en": re.compile(r"^\(\d+\)$"),
}
#: Where the first clause ends.
_CLAUSE_END = {
    "zh": re.compile(r"[，。；：！？,;:!?]"),
    "en": re.compile(r"[,;:!?]|\.(?=\s|$)|\s[—–]\s"),
}
ZH_LIMIT = 20  # characters of a Chinese label's words
EN_LIMIT = 9  # words of an English label's words
#: Characters an attribute list cannot hold, and the ones Markdown or HTML would read.
_UNSAFE = re.compile(r'[{}"\\<>&`]')


def is_bare_number(text: str, lang: str) -> bool:
    """A heading that is only an item number.

    >>> is_bare_number("（十二）", "zh"), is_bare_number("（一）坚持共同安全", "zh"), is_bare_number("(12)", "en")
    (True, False, True)
    """
    return bool(_BARE["en" if lang == "en" else "zh"].match(text.strip()))


def opening_words(text: str, lang: str) -> str:
    """The first clause of ``text``, shortened to a few words with an ellipsis when it is long.

    >>> opening_words("加强联合国在国际反恐斗争中的中心协调作用，支持国际社会……", "zh")
    '加强联合国在国际反恐斗争中的中心协调作用'
    >>> opening_words("积极参与联合国秘书长“我们的共同议程”报告关于制定“新和平纲领”等建议的工作。", "zh")
    '积极参与联合国秘书长“我们的共同议程”…'
    >>> opening_words("Strengthen the central coordinating role of the United Nations in the fight, and more.", "en")
    'Strengthen the central coordinating role of the United Nations…'
    >>> opening_words("Promote the political settlement of hotspot issues. Encourage…", "en")
    'Promote the political settlement of hotspot issues'
    """
    lang = "en" if lang == "en" else "zh"
    text = " ".join(_UNSAFE.sub("", text).split())
    clause = _CLAUSE_END[lang].split(text, maxsplit=1)[0].strip()
    if lang == "zh":
        return clause if len(clause) <= ZH_LIMIT else clause[: ZH_LIMIT - 1] + "…"
    words = clause.split()
    return clause if len(words) <= EN_LIMIT else " ".join(words[:EN_LIMIT]) + "…"


def contents_label(number: str, paragraph: str, lang: str) -> str:
    """The label of a numbered item: its number, then its opening words.

    >>> contents_label("（三）", "坚决维护“核战争打不赢也打不得”共识。遵守……", "zh")
    '（三）坚决维护“核战争打不赢也打不得”共识'
    >>> contents_label("(3)", "Firmly uphold the consensus that a nuclear war cannot be won.", "en")
    '(3) Firmly uphold the consensus that a nuclear war cannot…'
    """
    words = opening_words(paragraph, lang)
    if not words:
        return number
    return f"{number}{words}" if lang != "en" else f"{number} {words}"


def contents_labels(blocks, lang: str) -> dict[str, str]:
    """Heading id -> contents label, for each bare-numbered heading followed by a paragraph in ``lang``.

    ``blocks`` have ``kind`` ("heading" / "para"), ``id``, ``text`` and ``lang``.
    A heading of an English page whose paragraph is still Chinese (not yet
    translated) gets no label rather than a label in the wrong language.
    """
    labels: dict[str, str] = {}
    pending = None
    for b in blocks:
        if b.kind == "heading":
            pending = b if is_bare_number(b.text, b.lang) else None
        elif pending is not None:
            if b.lang == pending.lang:
                labels[pending.id] = contents_label(pending.text.strip(), b.text, b.lang)
            pending = None
    return labels
