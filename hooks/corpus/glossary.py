"""The glossary: term data from ``glossary/terms.yaml``, validated, and the term linker.

Chinese has no spaces between words, so a word-boundary pattern (``\\b``, as in
Python-Markdown's abbr) never matches a term inside a Chinese sentence. Terms
are found with an Aho-Corasick automaton (pyahocorasick) over the text, and of
overlapping matches the longest wins (全球安全倡议 over 安全). English terms are
matched case-insensitively on word boundaries. Only the first occurrence of a
term in each section is linked.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from pathlib import Path

import ahocorasick

from . import pinyin as _pinyin
from .catalog import RESERVED, SLUG_RE, _Checker, _LineDict, did_you_mean, load_yaml, text_problem
from .errors import CorpusError

_TERM_KEYS = {"id", "zh", "en", "aliases", "definition", "related", "defined_in"}


@dataclass(frozen=True)
class Term:
    id: str
    zh: str
    en: str
    aliases_zh: tuple[str, ...]
    aliases_en: tuple[str, ...]
    definition_zh: str
    definition_en: str
    related: tuple[str, ...]
    defined_in: str | None
    line: int = 0

    @property
    def pinyin(self) -> str:
        """Pinyin with tone marks written by word (GB/T 16159-2012), made from the headword by jieba
        and pypinyin (never typed by hand; see pinyin.py); a name's words are capitalised."""
        return _pinyin.words(self.zh, proper=self.is_name)

    @property
    def is_name(self) -> bool:
        """Whether the headword is a proper name (of a body, treaty, initiative, forum or document):
        its English headword capitalises every word but the small ones ("Boao Forum for Asia")."""
        small = {"a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to", "with"}
        significant = [w for w in re.split(r"[\s\-]+", self.en) if w and w.lower() not in small]
        return bool(significant) and all(w[0].isupper() or w[0].isdigit() for w in significant)

    def headword(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def definition(self, lang: str) -> str:
        return self.definition_en if lang == "en" else self.definition_zh

    def forms(self, lang: str) -> tuple[str, ...]:
        return (self.en, *self.aliases_en) if lang == "en" else (self.zh, *self.aliases_zh)

    def sort_key(self, lang: str) -> str:
        """Chinese terms sort by pinyin (without tones), English alphabetically."""
        if lang == "en":
            return self.en.casefold()
        return _pinyin.reading(self.zh, "plain")


def _str_list(check: _Checker, mapping, key: str, what: str, term: str) -> tuple[str, ...]:
    value = mapping.get(key) if isinstance(mapping, dict) else None
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise CorpusError(check.shown_as, f"{key!r} of {what} must be a list of non-empty texts", _line(mapping, key), term=term)
    return tuple(v.strip() for v in value)


def _line(mapping, key=None) -> int | None:
    if isinstance(mapping, _LineDict):
        return mapping.lines.get(key, mapping.line) if key else mapping.line
    return None


#: A Chinese headword or alias shorter than this would link inside countless words (的, 国).
MIN_ZH_LENGTH = 2


def _form_problem(form: str, lang: str) -> str | None:
    """Why ``form`` cannot be a headword or alias in ``lang``, or None."""
    problem = text_problem(form)
    if problem:
        return problem
    if lang == "zh" and len(form) < MIN_ZH_LENGTH:
        return f"must have at least {MIN_ZH_LENGTH} characters (a one-character term would be linked inside other words)"
    if lang == "en" and not any(ch.isalnum() for ch in form):
        return "must hold a letter or digit"
    return None


def parse_glossary(data, shown_as: str) -> list[Term]:
    """Validate the parsed YAML; every error names the file, the line and the term.

    The shape (see glossary/terms.yaml)::

        terms:
          - id: lower-case-words           # the page's address; not a reserved name such as index
            zh: 中文词                       # at least two characters
            en: English headword
            aliases: {zh: [..], en: [..]}   # optional, other forms that are linked too
            definition: {zh: .., en: ..}
            related: [other-id, ..]         # optional
            defined_in: slug#paragraph-id   # optional, where the term is first explained
    """
    check = _Checker(shown_as)
    if not isinstance(data, _LineDict) or not isinstance(data.get("terms"), list):
        raise CorpusError(shown_as, "the glossary must be a mapping with a 'terms' list", 1)
    check.known_keys(data, {"terms"}, "the glossary")
    terms: list[Term] = []
    ids: dict[str, int] = {}
    claimed: dict[tuple[str, str], str] = {}  # (lang, folded form) -> term id
    for raw in data["terms"]:
        if not isinstance(raw, _LineDict):
            raise CorpusError(shown_as, "each term must be a mapping", _line(data, "terms"))
        ident = raw.get("id")
        name = str(ident or raw.get("zh") or "?")
        if not isinstance(ident, str) or not SLUG_RE.match(ident) or len(ident) > 80:
            raise CorpusError(shown_as, "'id' must be lower-case ASCII words joined by '-' (at most 80 characters)", _line(raw, "id"), term=name)
        if ident in RESERVED:
            raise CorpusError(shown_as, f"'id' {ident!r} is reserved for a page of the site (the glossary's {ident}); choose another", _line(raw, "id"), term=ident)
        if ident in ids:
            raise CorpusError(shown_as, f"duplicate id (first at line {ids[ident]})", _line(raw, "id"), term=ident)
        ids[ident] = _line(raw, "id")
        for key in raw:
            if key not in _TERM_KEYS:
                raise CorpusError(shown_as, f"unknown field {key!r}{did_you_mean(key, _TERM_KEYS)}", _line(raw, key), term=ident)
        for key in ("zh", "en"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                what = "Chinese" if key == "zh" else "English"
                raise CorpusError(shown_as, f"missing {what} headword ({key!r})", _line(raw, key if key in raw else None), term=ident)
        aliases = raw.get("aliases")
        if aliases is None:
            aliases = _LineDict()
        if not isinstance(aliases, _LineDict):
            raise CorpusError(shown_as, "'aliases' must be a mapping of lists: aliases: {zh: [..], en: [..]}", _line(raw, "aliases"), term=ident)
        for key in aliases:
            if key not in ("zh", "en"):
                raise CorpusError(shown_as, f"unknown field {key!r} in 'aliases'{did_you_mean(key, {'zh', 'en'})}", _line(aliases, key), term=ident)
        definition = raw.get("definition")
        if not isinstance(definition, dict) or not all(isinstance(definition.get(k), str) and definition[k].strip() for k in ("zh", "en")):
            raise CorpusError(shown_as, "'definition' needs 'zh' and 'en' texts", _line(raw, "definition"), term=ident)
        for key in definition:
            if key not in ("zh", "en"):
                raise CorpusError(shown_as, f"unknown field {key!r} in 'definition'{did_you_mean(key, {'zh', 'en'})}", _line(definition, key), term=ident)
            problem = text_problem(definition[key].strip(), multiline=True)
            if problem:
                raise CorpusError(shown_as, f"'definition' {key!r} {problem}", _line(definition, key), term=ident)
        defined_in = raw.get("defined_in")
        if defined_in is not None and not (isinstance(defined_in, str) and _DEFINED_IN.fullmatch(defined_in.strip())):
            raise CorpusError(shown_as, "'defined_in' must be 'document-slug#paragraph-id' (for example 'new-type-security-partnership#s1-p1')", _line(raw, "defined_in"), term=ident)
        term = Term(
            id=ident,
            zh=raw["zh"].strip(),
            en=raw["en"].strip(),
            aliases_zh=_str_list(check, aliases, "zh", "'aliases'", ident),
            aliases_en=_str_list(check, aliases, "en", "'aliases'", ident),
            definition_zh=definition["zh"].strip(),
            definition_en=definition["en"].strip(),
            related=_str_list(check, raw, "related", "the term", ident),
            defined_in=defined_in.strip() if defined_in else None,
            line=raw.line,
        )
        for lang in ("zh", "en"):
            for form in term.forms(lang):
                problem = _form_problem(form, lang)
                if problem:
                    key = lang if form == term.headword(lang) else "aliases"
                    raise CorpusError(shown_as, f"{'headword' if key == lang else 'alias'} {form!r} {problem}", _line(raw, key), term=ident)
                key = (lang, form.casefold())
                if key in claimed and claimed[key] != ident:
                    raise CorpusError(shown_as, f"{form!r} is already claimed by term '{claimed[key]}'", _line(raw, "aliases") or _line(raw), term=ident)
                claimed[key] = ident
        terms.append(term)
    known = set(ids)
    for t in terms:
        for r in t.related:
            if r not in known:
                raise CorpusError(shown_as, f"related term {r!r} does not exist", t.line, term=t.id)
    return terms


_DEFINED_IN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*#[a-z0-9-]+")


def load_glossary(glossary_dir: Path, name: str = "terms.yaml") -> list[Term]:
    """The glossary's terms. A missing file is an error, not an empty glossary:
    a site whose every term link silently vanished is worse than a build that stops."""
    path = Path(glossary_dir) / name
    shown_as = f"{Path(glossary_dir).name}/{name}"
    if not path.exists() and not path.is_symlink():
        raise CorpusError(shown_as, "the glossary file does not exist (restore it from git, or write 'terms: []' for a site without a glossary)")
    terms = parse_glossary(load_yaml(path, shown_as, "glossary", inside=glossary_dir), shown_as)
    _pinyin.prepare(t.zh for t in terms)  # all at once: the cache is written once
    return terms


# --------------------------------------------------------------------------
# The linker

Segment = tuple[str, "str | None"]  # (text, term id or None)


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@dataclass
class Linker:
    """Finds glossary terms in text; one automaton per language.

    ``link(text, section)`` returns segments ``(text, term_id | None)`` and
    remembers which terms it linked in each section, so that only a term's
    first occurrence in a section becomes a link. ``fresh()`` gives another
    page its own memory of sections on the same automaton, which is built once
    per glossary and language (for a large glossary building it costs more
    than linking a page).

    ``matches`` remembers its answer per text, shared by every ``fresh()``
    copy: the build looks for the terms in each paragraph twice (to link them
    on the document page and for the glossary's concordance), and the second
    time is a dictionary look-up.
    """

    terms: list[Term]
    lang: str
    _automaton: object = field(init=False, repr=False)
    _seen: dict = field(default_factory=dict, init=False, repr=False)
    _found: dict = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        automaton = ahocorasick.Automaton()
        for t in self.terms:
            for form in t.forms(self.lang):
                key = form.casefold() if self.lang == "en" else form
                automaton.add_word(key, (len(key), t.id))
        self._automaton = automaton
        if len(automaton):
            automaton.make_automaton()

    def fresh(self) -> "Linker":
        """A linker with the same automaton that has linked nothing yet (for the next page)."""
        other = copy.copy(self)
        other._seen = {}
        return other

    def matches(self, text: str) -> tuple[tuple[int, int, str], ...]:
        """Non-overlapping ``(start, end, term id)``, longest match first at each place."""
        found = self._found.get(text)
        if found is None:
            found = self._found[text] = self._find(text)
        return found

    def _find(self, text: str) -> tuple[tuple[int, int, str], ...]:
        if not len(self._automaton):
            return ()
        haystack = text.casefold() if self.lang == "en" else text
        if len(haystack) != len(text):  # casefold changed lengths (ß…): fall back to lower()
            haystack = text.lower()
        found = []  # (-length, start, term id): sorted, the longest first, then from the left
        english = self.lang == "en"
        for end, (length, ident) in self._automaton.iter(haystack):
            start = end - length + 1
            if english and ((start > 0 and _is_word_char(text[start - 1])) or (end + 1 < len(text) and _is_word_char(text[end + 1]))):
                continue
            found.append((-length, start, ident))
        chosen: list[tuple[int, int, str]] = []
        taken = bytearray(len(text))  # 1 where a chosen match lies
        # Longest first overall, so that 全球安全倡议 beats 安全 wherever they overlap.
        for length, start, ident in sorted(found):
            end = start - length
            if taken.find(1, start, end) != -1:
                continue
            taken[start:end] = b"\x01" * (end - start)
            chosen.append((start, end, ident))
        return tuple(sorted(chosen))

    def link(self, text: str, section: str) -> list[Segment]:
        seen = self._seen.setdefault(section, set())
        segments: list[Segment] = []
        pos = 0
        for start, end, ident in self.matches(text):
            if ident in seen:
                continue
            seen.add(ident)
            if start > pos:
                segments.append((text[pos:start], None))
            segments.append((text[start:end], ident))
            pos = end
        if pos < len(text):
            segments.append((text[pos:], None))
        return segments

    def link_segments(self, segments: list[Segment], section: str) -> list[Segment]:
        """Link the plain parts of already linked text (linking twice changes nothing)."""
        seen = self._seen.setdefault(section, set())
        seen.update(ident for _, ident in segments if ident)
        out: list[Segment] = []
        for text, ident in segments:
            out.extend([(text, ident)] if ident else self.link(text, section))
        return _merge(out)


def _merge(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for text, ident in segments:
        if out and ident is None and out[-1][1] is None:
            out[-1] = (out[-1][0] + text, None)
        elif text:
            out.append((text, ident))
    return out
