"""Citations of a passage in GB/T 7714-2015, APA 7 and Chicago 17, as plain data.

A citation is a list of parts, each ``(kind, value)``:

* ``("t", text)`` plain text, ``("i", text)`` text in italics (titles in APA);
* ``("v", name)`` a value known only for a given passage or day: ``locator``
  (第三部分（十二）第1段 / Part III, item (12), para. 1), ``url`` (the published
  address with ``#id``) or ``accessed`` (the reader's date, GB/T only).

The cite dialog (docs/assets/cite.js) fills the values in and writes the parts
as text (plain) and as HTML (``<i>`` for italics), escaping each one; so does
:func:`render` here, which the tests, the "How to cite" page and the handouts
use. Catalog strings never become markup and never become placeholders: a
title holding ``{url}`` or ``<i>`` stays literal text.

The forms follow the manuals (see docs/cite.md):

* GB/T 7714-2015, electronic resource: ``主要责任者. 题名[EB/OL]. 其他责任者, 译.
  (发表日期)[引用日期]. 获取和访问路径.`` Western punctuation throughout; a
  person's name in pinyin with the family name in capitals; no responsible
  party known: 佚名 / Anon. The passage's place is in its address (``#id``).
* APA 7, webpage: ``Author. (Year, Month Day). *Title* (Translator, Trans.). Site. URL``
  (no "Retrieved from": the page is dated and its address stable), and the
  in-text citation with the locator ``(Author, Year, Part III, item (12), para. 1)``.
  No author: the title takes the author's place. A translation dated apart
  from its original ends with ``(Original work published Year)``.
* Chicago 17 notes and bibliography, web page: a note with the locator and a
  bibliography entry without it; no access date (the publication date is
  known); a translation "trans." in the note, "Translated by" in the bibliography.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from .catalog import Creator, Entry
from .strings import lazy_section
from .structure import Block

# strings/<language>.yaml, section "citation"
SITE_NAME = lazy_section("citation", "site_name")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")

STYLE_NAMES = lazy_section("citation", "style_names")
FORM_NAMES = lazy_section("citation", "form_names")
#: Which forms each style gives, in order.
STYLE_FORMS = {"gbt": ("entry",), "apa": ("entry", "intext"), "chicago": ("note", "bibliography")}

Part = tuple[str, str]


@dataclass(frozen=True)
class Work:
    """What a citation of one page says about its work, in the page's language."""

    lang: str
    title: str
    date: str  # YYYY-MM-DD, of the document
    creator: Creator | None = None
    sentence_title: str | None = None  # APA, English only
    translated: bool = False  # the English is the site's own translation
    translation_date: str | None = None  # when the translation appeared, if known
    site: str = ""

    @property
    def year(self) -> str:
        return self.date[:4]


def work_of(entry: Entry, lang: str, translator: str | None = None) -> Work:
    """The Work of a document's page in ``lang`` (``translator`` "site" on the site's own English)."""
    return Work(
        lang=lang,
        title=entry.title.get(lang),
        date=entry.date,
        creator=entry.creator,
        sentence_title=entry.sentence_title if lang == "en" else None,
        translated=lang == "en" and translator == "site",
        site=SITE_NAME[lang],
    )


# --- dates and names ----------------------------------------------------------------------------


def date_zh(iso: str) -> str:
    """Example:

    >>> date_zh("2023-02-21")
    '2023年2月21日'
    """
    y, m, d = iso.split("-")
    return f"{y}年{int(m)}月{int(d)}日"


def date_en(iso: str) -> str:
    """Chicago's date.

    >>> date_en("2023-02-21")
    'February 21, 2023'
    """
    y, m, d = iso.split("-")
    return f"{MONTHS[int(m) - 1]} {int(d)}, {y}"


def date_apa(iso: str, lang: str) -> str:
    """APA's date in the reference entry.

    >>> date_apa("2023-02-21", "en"), date_apa("2023-02-21", "zh")
    ('2023, February 21', '2023年2月21日')
    """
    if lang != "en":
        return date_zh(iso)
    y, m, d = iso.split("-")
    return f"{y}, {MONTHS[int(m) - 1]} {int(d)}"


def _initials(given: str) -> str:
    """APA's initials of given names.

    >>> _initials("Shouzheng"), _initials("Jin-ping Wei")
    ('S.', 'J.-P. W.')
    """
    return " ".join("-".join(part[0].upper() + "." for part in word.split("-") if part) for word in given.split())


def _family_first(creator: Creator) -> bool:
    """A name written family name first (a Chinese name): never inverted."""
    return creator.name.en.startswith(creator.family + " ")


def name_gbt(creator: Creator | None, lang: str) -> str:
    if creator is None:
        return "佚名" if lang != "en" else "Anon"
    if lang != "en" or creator.type != "person":
        return creator.name.get(lang)
    return f"{creator.family.upper()} {creator.given()}"


def name_apa(creator: Creator, lang: str) -> str:
    if lang != "en" or creator.type != "person":
        return creator.name.get(lang)
    return f"{creator.family}, {_initials(creator.given())}"


def name_chicago(creator: Creator, lang: str, inverted: bool) -> str:
    if lang != "en" or creator.type != "person" or not inverted or _family_first(creator):
        return creator.name.get(lang)
    return f"{creator.family}, {creator.given()}"


def _end(text: str, mark: str = ".") -> str:
    """``text`` followed by ``mark``, unless it already ends with one (``Yang, S.``)."""
    return text if text.endswith(mark) else text + mark


# --- the three styles ---------------------------------------------------------------------------

T = lambda text: ("t", text)  # noqa: E731
I = lambda text: ("i", text)  # noqa: E731, E741
LOCATOR, URL, ACCESSED = ("v", "locator"), ("v", "url"), ("v", "accessed")


def gbt(work: Work) -> dict[str, list[Part]]:
    zh = work.lang != "en"
    parts = [T(f"{name_gbt(work.creator, work.lang)}. {work.title}[EB/OL]. ")]
    if work.translated:
        parts.append(T(f"{work.site}, {'译' if zh else 'trans'}. "))
    parts += [T(f"({work.date})["), ACCESSED, T("]. "), URL, T(".")]
    return {"entry": _joined(parts)}


def apa(work: Work) -> dict[str, list[Part]]:
    zh = work.lang != "en"
    title = work.sentence_title or work.title
    dated = work.translation_date or work.date
    when = T(f"({date_apa(dated, work.lang)}). ")
    trans = [T(f" ({work.site}, {'译' if zh else 'Trans.'})")] if work.translated else []
    if work.creator is not None:
        entry = [T(_end(name_apa(work.creator, work.lang)) + " "), when, I(title), *trans, T(". ")]
    else:
        entry = [I(title), *trans, T(". "), when]
    entry += [T(f"{work.site}. "), URL]
    original = work.translation_date and work.translation_date[:4] != work.year
    if original:
        entry.append(T(f" ({'原作发表于' if zh else 'Original work published'} {work.year})"))
    years = f"{work.year}/{work.translation_date[:4]}" if original else work.year
    who = [T(name_apa(work.creator, work.lang).split(",")[0])] if work.creator else [I(title)]
    if zh:
        intext = [T("（"), *who, T(f"，{years}，"), LOCATOR, T("）")]
    else:
        intext = [T("("), *who, T(f", {years}, "), LOCATOR, T(")")]
    return {"entry": _joined(entry), "intext": _joined(intext)}


def chicago(work: Work) -> dict[str, list[Part]]:
    zh = work.lang != "en"
    when = date_zh(work.date) if zh else date_en(work.date)
    note: list[Part] = []
    bib: list[Part] = []
    if work.creator is not None:
        note.append(T(name_chicago(work.creator, work.lang, inverted=False) + ", "))
        bib.append(T(_end(name_chicago(work.creator, work.lang, inverted=True)) + " "))
    note.append(T(f"“{work.title},” "))
    bib.append(T(f"“{_end(work.title)}” "))
    if work.translated:
        note.append(T(f"trans. {work.site}, "))
        bib.append(T(f"Translated by {work.site}. "))
    note += [T(f"{work.site}, {when}, "), LOCATOR, T(", "), URL, T(".")]
    bib += [T(f"{work.site}, {when}. "), URL, T(".")]
    return {"note": _joined(note), "bibliography": _joined(bib)}


STYLES = {"gbt": gbt, "apa": apa, "chicago": chicago}


def _joined(parts: list[Part]) -> list[Part]:
    """Neighbouring parts of the same kind as one (smaller data, same text)."""
    out: list[Part] = []
    for kind, value in parts:
        if out and kind == out[-1][0] and kind != "v":
            out[-1] = (kind, out[-1][1] + value)
        else:
            out.append((kind, value))
    return out


def citations(work: Work) -> list[dict]:
    """Every style's forms for a page: ``[{"style", "name", "forms": [{"form", "label", "parts"}]}]``."""
    out = []
    for style, make in STYLES.items():
        forms = make(work)
        out.append({
            "style": style,
            "name": STYLE_NAMES[work.lang][style],
            "forms": [{"form": f, "label": FORM_NAMES[work.lang][f], "parts": [list(p) for p in forms[f]]} for f in STYLE_FORMS[style]],
        })
    return out


def render(parts, values: dict[str, str]) -> tuple[str, str]:
    """The citation as plain text and as HTML (italics as ``<i>``), each part escaped for HTML.

    >>> render([("t", "A <b>. "), ("i", "T"), ("t", ". "), ("v", "url")], {"url": "https://x.org/?a=1&b"})
    ('A <b>. T. https://x.org/?a=1&b', 'A &lt;b&gt;. <i>T</i>. https://x.org/?a=1&amp;b')
    """
    plain, rich = [], []
    for kind, value in parts:
        text = values[value] if kind == "v" else value
        plain.append(text)
        rich.append(f"<i>{html.escape(text, quote=False)}</i>" if kind == "i" else html.escape(text, quote=False))
    return "".join(plain), "".join(rich)


# --- locators -----------------------------------------------------------------------------------

_NUMERALS = {c: i for i, c in enumerate("零一二三四五六七八九")}
_PART = re.compile(r"^([一二三四五六七八九十]+)、")
_ITEM = re.compile(r"^（([一二三四五六七八九十]+)）")


def chinese_number(text: str) -> int:
    """Example:

    >>> [chinese_number(t) for t in ("三", "十", "十二", "二十", "九十九")]
    [3, 10, 12, 20, 99]
    """
    if "十" not in text:
        return _NUMERALS[text]
    tens, _, units = text.partition("十")
    return (_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[units] if units else 0)


def roman(n: int) -> str:
    """Example:

    >>> roman(3), roman(14), roman(39)
    ('III', 'XIV', 'XXXIX')
    """
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def _heading_label(zh_text: str, en_text: str) -> tuple[str, str]:
    """How a heading names its place: 第三部分 / Part III; （十二） / item (12); or its own words."""
    part = _PART.match(zh_text)
    if part:
        n = chinese_number(part.group(1))
        return f"第{part.group(1)}部分", f"Part {roman(n)}"
    item = _ITEM.match(zh_text)
    if item:
        return f"（{item.group(1)}）", f"item ({chinese_number(item.group(1))})"
    return f"“{zh_text}”一节", f"“{en_text}” section"


def locators(zh: list[Block] | tuple[Block, ...], en: list[Block] | tuple[Block, ...] | None = None) -> dict[str, dict[str, str]]:
    """Every heading and paragraph id -> its readable place, ``{"zh": …, "en": …}``.

    A paragraph is numbered within its heading (or from the start, before any):
    ``s3-12-p1`` -> 第三部分（十二）第1段 / Part III, item (12), para. 1. ``en``
    gives the English words of headings that are not numbered.
    """
    english = {b.id: b.text for b in (en or ()) if b.lang == "en"}
    path: list[tuple[int, str, str]] = []  # (level, zh, en) of the open headings
    count = 0
    out: dict[str, dict[str, str]] = {}
    for b in zh:
        if b.kind == "heading":
            path = [p for p in path if p[0] < b.level]
            path.append((b.level, *_heading_label(b.text, english.get(b.id, b.text))))
            count = 0
            out[b.id] = {"zh": "".join(p[1] for p in path), "en": ", ".join(p[2] for p in path)}
        else:
            count += 1
            out[b.id] = {"zh": "".join(p[1] for p in path) + f"第{count}段", "en": ", ".join([*(p[2] for p in path), f"para. {count}"])}
    return out


# --- examples for the "How to cite" page --------------------------------------------------------


def markdown(parts, values: dict[str, str]) -> str:
    """A citation as Markdown (italics as ``*…*``), every text escaped (see escape.md_escape)."""
    from .escape import md_escape

    out = []
    for kind, value in parts:
        text = md_escape(values[value] if kind == "v" else value)
        out.append(f"*{text}*" if kind == "i" else text)
    return "".join(out)


def access_date() -> str:
    """The access date the "How to cite" examples show: the day of the commit built
    (``SOURCE_DATE_EPOCH``, so that a build is reproducible), else today."""
    import datetime as dt
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch else dt.date.today()
    return day.isoformat()


def examples_markdown(work: Work, ident: str, locator: str, url: str, accessed: str) -> str:
    """Each style's forms for one passage, as Markdown: a heading per style, a line per form."""
    values = {"locator": locator, "url": f"{url}#{ident}", "accessed": accessed}
    colon = ": " if work.lang == "en" else "："
    out = []
    for style in citations(work):
        out.append(f"### {style['name']}\n")
        for form in style["forms"]:
            out.append(f"**{form['label']}**{colon}{markdown(form['parts'], values)}\n{{: .cite-example data-style=\"{style['style']}\" data-form=\"{form['form']}\" }}\n")
    return "\n".join(out)
