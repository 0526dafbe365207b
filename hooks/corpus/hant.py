"""The traditional-character edition (繁體, ``zh-Hant``): simplified text converted with OpenCC.

The simplified text is the original; the traditional edition is made from it at build time,
never edited by hand. OpenCC's standard ``s2t`` conversion is phrase-level (发展 → 發展 but
头发 → 頭髮) and keeps the mainland's vocabulary. Its Taiwan and Hong Kong sets write the
characters in those regions' standard forms (``s2tw``, ``s2hk``: 为 → 為), and ``s2twp`` also
replaces words (软件 → 軟體, 信息 → 資訊), which would misquote an official text.

Where the conversion goes wrong (a personal name whose character has two traditional forms,
like 杨守征 → 楊守徵), a reviewed exception (``glossary/hant-exceptions.yaml``: the simplified
form, its traditional form and the reason) is applied before the conversion: the text is cut
around every exception, the pieces between are converted, and the exceptions take their listed
forms. The way back (``to_simplified``, OpenCC's ``t2s``) treats the exceptions the same way, so
that every traditional page can be checked against its original.

Everything here is plain data in and out: strings, lists, dicts.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .errors import CorpusError

#: The edition's language tag (BCP 47), its folder in the site and its pages' suffix (static-i18n).
HANT = "zh-Hant"
SUFFIX = f".{HANT}"
#: The reviewed exceptions, under the project folder.
EXCEPTIONS_FILE = Path("glossary") / "hant-exceptions.yaml"


@dataclass(frozen=True)
class Exception_:
    """One reviewed exception: ``simplified`` is always written ``traditional``, because ``reason``."""

    simplified: str
    traditional: str
    reason: str
    line: int = 0


@functools.lru_cache(maxsize=None)
def _opencc(config: str):
    """One OpenCC converter per configuration, for the whole build (loading one reads its dictionaries)."""
    import opencc

    return opencc.OpenCC(config)


def s2t(text: str) -> str:
    """OpenCC's standard simplified-to-traditional conversion, phrase by phrase.

    >>> s2t("发展") + s2t("头发")
    '發展頭髮'
    """
    return _opencc("s2t").convert(text) if text else text


def t2s(text: str) -> str:
    """OpenCC's standard traditional-to-simplified conversion (the check of the edition).

    >>> t2s("發展頭髮")
    '发展头发'
    """
    return _opencc("t2s").convert(text) if text else text


def _pattern(forms: tuple[str, ...]) -> re.Pattern | None:
    """A regex that finds any of ``forms``, the longest first (none: None)."""
    if not forms:
        return None
    return re.compile("|".join(re.escape(f) for f in sorted(set(forms), key=lambda f: (-len(f), f))))


@functools.lru_cache(maxsize=64)
def _table(exceptions: tuple[Exception_, ...], forward: bool) -> tuple[re.Pattern | None, dict[str, str]]:
    if forward:
        return _pattern(tuple(e.simplified for e in exceptions)), {e.simplified: e.traditional for e in exceptions}
    return _pattern(tuple(e.traditional for e in exceptions)), {e.traditional: e.simplified for e in exceptions}


def _convert(text: str, exceptions: tuple[Exception_, ...], forward: bool) -> str:
    """``text`` converted piece by piece between the exceptions, which take their listed forms."""
    if not text:
        return text
    pattern, forms = _table(tuple(exceptions), forward)
    convert = s2t if forward else t2s
    if pattern is None:
        return convert(text)
    out, start = [], 0
    for found in pattern.finditer(text):
        out.append(convert(text[start : found.start()]))
        out.append(forms[found.group(0)])
        start = found.end()
    out.append(convert(text[start:]))
    return "".join(out)


def to_traditional(text: str, exceptions: tuple[Exception_, ...] = ()) -> str:
    """The traditional text of a simplified ``text``: the exceptions first, then OpenCC ``s2t``.

    >>> names = (Exception_("杨守征", "楊守征", "a personal name: 征 stays 征"),)
    >>> to_traditional("杨守征发表评论", names)
    '楊守征發表評論'
    >>> to_traditional("杨守征发表评论")
    '楊守徵發表評論'
    """
    return _convert(text, tuple(exceptions), True)


def to_simplified(text: str, exceptions: tuple[Exception_, ...] = ()) -> str:
    """The way back: OpenCC ``t2s`` between the exceptions' traditional forms, which take their simplified ones.

    >>> names = (Exception_("杨守征", "楊守征", "a personal name"),)
    >>> to_simplified("楊守征發表評論", names)
    '杨守征发表评论'
    """
    return _convert(text, tuple(exceptions), False)


def convert_tree(value, exceptions: tuple[Exception_, ...] = ()):
    """A nested structure of dicts, lists and strings with every string converted (keys stay).

    >>> convert_tree({"a": ["关于", 1], "b": {"c": "发布"}})
    {'a': ['關於', 1], 'b': {'c': '發佈'}}
    """
    if isinstance(value, str):
        return to_traditional(value, exceptions)
    if isinstance(value, dict):
        return {k: convert_tree(v, exceptions) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(convert_tree(v, exceptions) for v in value)
    return value


_LANG_HANS = re.compile(r'(lang=["\'])zh-Hans(["\'])')
_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*$", re.M)
_HAS_ID = re.compile(r"\{[:\s][^}]*#[^}]*\}\s*$")
_FENCE = re.compile(r"^(```|~~~)", re.M)


def _mark_heading_ids(markdown: str) -> tuple[str, list[str]]:
    r"""Give every heading without an explicit id a placeholder for the id its simplified text gets.

    Headings of hand-written pages take their ids from their text (toc's slugify); the
    converted text would give other ids (永久链接 → 永久鏈接), and a link to a part of a
    simplified page would miss it on the traditional one. The ids go in after the
    conversion (``convert_markdown``), so that they stay simplified.

    >>> _mark_heading_ids("# 标题\n\n## 永久链接\n\n## 实例 {: #x }\n")
    ('# 标题 { #hant-id-0 }\n\n## 永久链接 { #hant-id-1 }\n\n## 实例 {: #x }\n', ['标题', '永久链接'])
    """
    from pymdownx.slugs import slugify

    slug = slugify(case="lower")
    ids: list[str] = []

    def with_id(found: re.Match) -> str:
        text = found.group(2)
        if _HAS_ID.search(text):
            return found.group(0)
        ids.append(slug(text, "-"))
        return f"{found.group(1)} {text} {{ #hant-id-{len(ids) - 1} }}"

    if _FENCE.search(markdown):  # a page with code blocks: headings in them are not headings
        return markdown, ids
    return _HEADING.sub(with_id, markdown), ids


_ID_MARK = re.compile(r"\{ #hant-id-(\d+) \}")


def convert_markdown(markdown: str, exceptions: tuple[Exception_, ...] = ()) -> str:
    r"""A page of the edition from its simplified Markdown: the text converted, the ids kept.

    Only Han characters change (links, ids, markup and attribute names are ASCII);
    a Chinese passage marked ``lang="zh-Hans"`` is now traditional, so its tag follows.

    >>> print(convert_markdown('## 关于本站\n\n这是<span lang="zh-Hans">简体</span>\n'))
    ## 關於本站 { #关于本站 }
    <BLANKLINE>
    這是<span lang="zh-Hant">簡體</span>
    <BLANKLINE>
    """
    marked, ids = _mark_heading_ids(markdown)
    converted = to_traditional(marked, exceptions)
    if ids:
        converted = _ID_MARK.sub(lambda m: f"{{ #{ids[int(m.group(1))]} }}", converted)
    return _LANG_HANS.sub(rf"\g<1>{HANT}\g<2>", converted)


def load_exceptions(path: Path, shown_as: str | None = None) -> tuple[Exception_, ...]:
    """The reviewed exceptions of ``path`` (a YAML list of ``simplified``, ``traditional``, ``reason``).

    A missing file means none. Every problem stops the build with the file, the line and what is wrong.
    """
    from .safeload import load_yaml

    shown = shown_as or str(path)
    if not Path(path).exists():
        return ()
    data = load_yaml(Path(path), shown, "glossary")
    if data is None:
        return ()
    items = data.get("exceptions") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise CorpusError(shown, "expected a mapping with a list 'exceptions'", getattr(data, "line", None))
    out: list[Exception_] = []
    seen: dict[str, int] = {}
    for item in items:
        line = getattr(item, "line", None)
        if not isinstance(item, dict):
            raise CorpusError(shown, "each exception is a mapping of simplified, traditional and reason", line)
        unknown = sorted(set(item) - {"simplified", "traditional", "reason"})
        if unknown:
            raise CorpusError(shown, f"unknown field '{unknown[0]}' (simplified, traditional, reason)", item.lines.get(unknown[0], line))
        for field in ("simplified", "traditional", "reason"):
            value = item.get(field)
            if not isinstance(value, str) or not value.strip():
                raise CorpusError(shown, f"'{field}' must be non-empty text", item.lines.get(field, line))
        simplified, traditional = item["simplified"].strip(), item["traditional"].strip()
        if len(simplified) < 2:
            raise CorpusError(shown, f"'{simplified}': an exception names at least two characters (a name, a title), not one", line)
        if any(ch in "<>&\"'`{}[]|\\\n" for ch in simplified + traditional):
            raise CorpusError(shown, f"'{simplified}': markup characters are not allowed in an exception", line)
        if simplified in seen:
            raise CorpusError(shown, f"'{simplified}' is listed twice (first on line {seen[simplified]})", line)
        if s2t(simplified) == traditional and t2s(traditional) == simplified:
            raise CorpusError(shown, f"'{simplified}': OpenCC converts it this way both ways already; remove the exception", line)
        seen[simplified] = line or 0
        out.append(Exception_(simplified, traditional, item["reason"].strip(), line or 0))
    return tuple(out)
