"""The terminology check: every aligned English block against the termbase, in every build.

In the manner of translators' QA tools (term, number and forbidden-form
checks), each Chinese block that has the site's own English (``translator:
site``; the English a source printed is shown as printed) is checked against:

* the glossary: a term found in the Chinese (its headword or an alias) must be
  in the English by its English headword, an alias, or a spelling the English
  linker accepts (plural, -ise/-ize);
* the phrases of ``glossary/phrases.yaml``: recurring Chinese phrases with the
  English they always take (one rendering per phrase across the site);
* numbers: each Arabic number of the Chinese appears in the English (a month
  number before 月 as the month's name);
* forbidden forms (``glossary/phrases.yaml``): English that must not appear
  (the British spelling of a body whose official name is spelled with a z).

A finding names the document, the block and what is wrong; the hook logs it as
a warning, so ``mkdocs build --strict`` fails on it. A reviewed exception is
recorded in the translation file beside its block (``accepted:``, a mapping of
what is accepted to why), and is then no finding.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .catalog import _Checker, _LineDict, load_yaml
from .errors import CorpusError

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
#: a number in the English: digits, thousands separated by commas or not
_EN_NUMBER = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d])|(?<![\d.,])\d+(?:\.\d+)?(?![\d])")


@dataclass(frozen=True)
class Phrase:
    zh: str
    en: tuple[str, ...]
    line: int = 0


@dataclass(frozen=True)
class Forbidden:
    en: str
    why: str
    line: int = 0


@dataclass(frozen=True)
class Termbase:
    phrases: tuple[Phrase, ...] = ()
    forbidden: tuple[Forbidden, ...] = ()


@dataclass(frozen=True)
class Finding:
    slug: str
    block: str
    key: str  # what an ``accepted:`` entry names: a term id, a phrase, a number or a forbidden form
    problem: str

    def __str__(self) -> str:
        return f"terminology: {self.slug}#{self.block}: {self.problem}"


def load_termbase(glossary_dir: Path) -> Termbase:
    """Read ``glossary/phrases.yaml`` (no file: no phrases and no forbidden forms)."""
    path = Path(glossary_dir) / "phrases.yaml"
    shown_as = f"{Path(glossary_dir).name}/phrases.yaml"
    if not path.exists() and not path.is_symlink():
        return Termbase()
    data = load_yaml(path, shown_as, "glossary", inside=Path(glossary_dir))
    check = _Checker(shown_as)
    if not isinstance(data, _LineDict):
        raise CorpusError(shown_as, "the phrase list must be a mapping with 'phrases' and 'forbidden'", 1)
    check.known_keys(data, {"phrases", "forbidden"}, "the phrase list")
    phrases, forbidden = [], []
    seen: set[str] = set()
    for n, raw in enumerate(_list(check, data, "phrases"), 1):
        item = check.mapping(raw, data, "phrases", f"phrase {n}")
        check.known_keys(item, {"zh", "en"}, f"phrase {n}")
        zh = check.text(item, "zh", f"phrase {n}")
        if len(zh) < 2:
            raise check.fail(item, "zh", f"phrase {zh!r} must have at least 2 characters")
        if zh in seen:
            raise check.fail(item, "zh", f"phrase {zh!r} is listed twice")
        seen.add(zh)
        en = item.get("en")
        if isinstance(en, str):
            en = [en]
        if not isinstance(en, list) or not en or not all(isinstance(e, str) and e.strip() for e in en):
            raise check.fail(item, "en", f"'en' of phrase {zh!r} must be a text or a list of texts")
        phrases.append(Phrase(zh, tuple(" ".join(e.split()) for e in en), item.line))
    for n, raw in enumerate(_list(check, data, "forbidden"), 1):
        item = check.mapping(raw, data, "forbidden", f"forbidden form {n}")
        check.known_keys(item, {"en", "why"}, f"forbidden form {n}")
        forbidden.append(Forbidden(check.text(item, "en", f"forbidden form {n}"), check.text(item, "why", f"forbidden form {n}"), item.line))
    return Termbase(tuple(phrases), tuple(forbidden))


def _list(check: _Checker, data: _LineDict, key: str) -> list:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise check.fail(data, key, f"{key!r} must be a list")
    return value


_WORDS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen twenty").split()
_ORDINALS = ("zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
             "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth").split()
#: Chinese units of large numbers written after the digits (8.4万 = 84,000; 5亿 = 500 million).
_UNITS = {"万": 10_000, "亿": 100_000_000}


def _forms(value: float) -> set[str]:
    """The ways an English text may give ``value``: digits, millions or billions, and words up to twenty.

    >>> sorted(_forms(500_000_000))
    ['0.5 billion', '500 million', '500000000']
    >>> sorted(_forms(3))
    ['3', 'third', 'three']
    """
    out = {f"{value:g}" if value != int(value) else str(int(value))}
    for unit, name in ((1_000_000, "million"), (1_000_000_000, "billion")):
        if value >= unit / 1000 and value >= 100_000:
            out.add(f"{value / unit:g} {name}")
    if value == int(value) and 0 < value <= 20:
        out |= {_WORDS[int(value)], _ORDINALS[int(value)]}
    return out


def numbers_missing(zh: str, en: str) -> list[str]:
    """The Arabic numbers of ``zh`` that ``en`` does not give (a month before 月 by its name; 万
    and 亿 multiplied out; numbers up to twenty may be words).

    >>> numbers_missing("2022年4月21日，第5次，未来5年", "On 21 April 2022, the fifth, in the next five years")
    []
    >>> numbers_missing("第7次", "the eighth")
    ['7']
    >>> numbers_missing("超过8.4万栋，5亿美元，10000人", "more than 84,000, 500 million dollars, 10,000 people")
    []
    """
    text = en.lower()
    given = {m.group().replace(",", "") for m in _EN_NUMBER.finditer(en)}
    missing = []
    for m in _NUMBER.finditer(zh):
        value, after = m.group(), zh[m.end():m.end() + 1]
        if after == "月" and value.isdigit() and 1 <= int(value) <= 12:
            if MONTHS[int(value) - 1] not in en:
                missing.append(f"{value}月")
            continue
        amount = float(value) * _UNITS.get(after, 1)
        forms = _forms(amount)
        if forms & given or any(" " in f and f in text for f in forms):
            continue
        if any(re.search(rf"(?<![\w-]){w}(?![\w-])", text) for w in forms if w.isalpha()):
            continue
        missing.append(value + (after if after in _UNITS else ""))
    return missing


def _has(text: str, form: str) -> bool:
    """``form`` in ``text`` as whole words, ignoring case and runs of spaces."""
    pattern = r"(?<![\w])" + r"\s+".join(re.escape(w) for w in form.split()) + r"(?![\w])"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _has_term(text: str, forms) -> bool:
    """One of a term's English ``forms`` is in ``text`` in either spelling (-ise/-ize, defence/defense)
    or with its last word in the plural ("zero-sum games" for "zero-sum game").

    >>> _has_term("rather than zero-sum games.", ["zero-sum game"]), _has_term("the Organization", ["organisation"])
    (True, True)
    """
    from .search_passages import fold

    folded = fold(text)
    for form in forms:
        f = fold(form)
        if re.search(r"(?<![\w-])" + re.escape(f) + r"(?:s|es)?(?![\w-])", folded):
            return True
    return False


def check_block(slug: str, block: str, zh: str, en: str, linkers, terms_by_id, termbase: Termbase,
                accepted: dict[str, str] | None = None) -> list[Finding]:
    """The findings of one aligned block (``accepted``: what its translation file accepts)."""
    accepted = accepted or {}
    out: list[Finding] = []
    in_zh = {ident for _, _, ident in linkers["zh"].matches(zh)}
    in_en = {ident for _, _, ident in linkers["en"].matches(en)}
    for ident in sorted(in_zh - in_en):
        term = terms_by_id[ident]
        if _has_term(en, term.forms("en")):
            continue
        forms = " / ".join(term.forms("en"))
        out.append(Finding(slug, block, ident, f"term {term.zh} ({ident}) is not rendered as {forms}"))
    for phrase in termbase.phrases:
        if phrase.zh in zh and not any(_has(en, form) for form in phrase.en):
            out.append(Finding(slug, block, phrase.zh, f"phrase {phrase.zh} is not rendered as {' / '.join(phrase.en)}"))
    for number in numbers_missing(zh, en):
        out.append(Finding(slug, block, number, f"number {number} of the Chinese is not in the English"))
    for bad in termbase.forbidden:
        if _has(en, bad.en):
            out.append(Finding(slug, block, bad.en, f"forbidden form {bad.en!r} ({bad.why})"))
    return [f for f in out if f.key not in accepted]


def check_documents(documents, terms, linkers, termbase: Termbase) -> list[Finding]:
    """Every aligned, up-to-date English block of every document and its other items."""
    by_id = {t.id: t for t in terms}
    findings: list[Finding] = []
    for d in documents:
        translation = getattr(d, "translation", None)
        if translation is None or d.en_doc is None or translation.translator != "site":
            continue  # the source's own English is shown as printed (its file's note says what it lacks)
        stale = set(d.coverage.stale) if d.coverage else set()
        docs = [d.doc] + [doc for _, _, doc in d.others]
        ens = [d.en_doc] + list(d.en_others)
        for zh_doc, en_doc in zip(docs, ens):
            for zb, eb in zip(zh_doc.blocks, en_doc.blocks):
                if eb.lang != "en" or zb.id in stale:
                    continue
                entry = translation.entries.get(zb.id)
                findings += check_block(d.entry.slug, zb.id, zb.text, eb.text, linkers, by_id, termbase,
                                        entry.accepted if entry else None)
    return findings
