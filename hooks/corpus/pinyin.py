"""Pinyin of the glossary's headwords, made by pypinyin, remembered between builds.

pypinyin reads its dictionaries of words and characters when it is imported:
0.15 s of every build, a tenth of the hooks' cost on a small corpus, for a
glossary whose headwords rarely change. So the readings are kept in a small
JSON file in the user's cache folder (like jieba's own cache), keyed by the
text and named after pypinyin's version; pypinyin is imported only when a
headword is missing from it. A cache that cannot be read or written is only a
slower build: the readings are made again.

Set ``CORPUS_CACHE`` to another folder (the tests use a temporary one), or to
an empty value to keep nothing on disk.
"""

from __future__ import annotations

import json
import os
import tempfile
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

#: Tone marks by syllable ("xīn xíng"), plain letters ("xin xing", for sorting), and tone marks
#: written by word as GB/T 16159-2012 asks ("xīnxíng ānquán"; keyed by the text and whether it is
#: a proper name, see ``words``).
STYLES = ("tone", "plain", "words")

_memory: dict[str, dict[str, str]] = {style: {} for style in STYLES}
_loaded = False


@lru_cache(maxsize=1)
def cache_file() -> Path | None:
    """Where the readings are kept, or None when nothing is kept on disk."""
    folder = os.environ.get("CORPUS_CACHE", str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gsi-reference"))
    if not folder:
        return None
    try:
        release = version("pypinyin")
    except PackageNotFoundError:
        release = "unknown"
    return Path(folder) / f"pinyin-{release}.json"


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    path = cache_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path else {}
    except (OSError, ValueError):
        return
    for style in STYLES:
        if isinstance(data.get(style), dict):
            _memory[style].update({k: v for k, v in data[style].items() if isinstance(k, str) and isinstance(v, str)})


def _save() -> None:
    path = cache_file()
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".pinyin-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(_memory, fh, ensure_ascii=False, sort_keys=True)
        os.replace(tmp, path)
    except OSError:
        pass


def _make(text: str) -> dict[str, str]:
    """Both readings of ``text`` from pypinyin (imported here, on the first miss)."""
    from pypinyin import Style, pinyin

    tone = pinyin(text.replace("、", " "), style=Style.TONE, errors="ignore")
    plain = pinyin(text, style=Style.NORMAL, errors="ignore")
    return {
        "tone": " ".join(s[0] for s in tone if s and s[0].strip()),
        "plain": " ".join(s[0] for s in plain),
    }


#: jieba's tags of names of places and organisations, written with a capital (not its person-name
#: tags: its dictionary gives them to words such as 安全观, and to single characters such as 施).
_NAME_TAGS = {"ns", "nt"}
#: Tags whose words are names that stay one word (a place is not cut into its parts).
_WHOLE_TAGS = {"ns"}
_VOWEL_START = "aāáǎàoōóǒòeēéěè"


def _word_key(text: str, proper: bool) -> str:
    return ("N|" if proper else "w|") + text


def _split_compound(word: str, known) -> list[str]:
    """A compound of four or more characters cut into dictionary words of two or more, fewest first.

    GB/T 16159 writes the words of a compound apart (伙伴关系 huǒbàn guānxì,
    命运共同体 mìngyùn gòngtóngtǐ); jieba's dictionary holds many such
    compounds as one entry. A word that cannot be cut so stays whole.

    >>> _split_compound("伙伴关系", {"伙伴关系", "伙伴", "关系"}.__contains__)
    ['伙伴', '关系']
    >>> _split_compound("命运共同体", {"命运", "共同体", "共同"}.__contains__)
    ['命运', '共同体']
    >>> _split_compound("安全观", {"安全"}.__contains__)
    ['安全观']
    """
    n = len(word)
    if n < 4:
        return [word]
    best: list[list[str] | None] = [None] * (n + 1)
    best[0] = []
    for end in range(2, n + 1):
        for start in range(0, end - 1):
            if end - start < n and best[start] is not None and known(word[start:end]):
                candidate = best[start] + [word[start:end]]
                if best[end] is None or len(candidate) < len(best[end]):
                    best[end] = candidate
    found = best[n]
    return found if found and len(found) > 1 else [word]


def _syllables_joined(syllables: list[str]) -> str:
    """Syllables of one word written together, with an apostrophe before a syllable that starts with
    a, o or e (xī'ān, not xīān), as GB/T 16159 asks.

    >>> _syllables_joined(["xī", "ān"]), _syllables_joined(["ān", "quán"])
    ("xī'ān", 'ānquán')
    """
    out = ""
    for i, syl in enumerate(syllables):
        out += ("'" if i and syl[:1] in _VOWEL_START else "") + syl
    return out


#: Function words that stay lower case inside a name (我们的共同议程 Wǒmen de Gòngtóng Yìchéng).
_SMALL_WORDS = {"的", "之", "与", "和", "及", "以", "为"}


def _abbreviations_joined(tokens: list[tuple[str, str]], proper: bool) -> list[tuple[str, str]]:
    """In a name, a run of single characters is one abbreviated word (拉共体 Lāgòngtǐ, 澜湄 Lánméi),
    which jieba leaves as separate characters; function words stay apart.

    >>> _abbreviations_joined([("拉", "v"), ("共", "d"), ("体", "n")], True)
    [('拉共体', 'n')]
    >>> _abbreviations_joined([("拉", "v"), ("共", "d")], False)
    [('拉', 'v'), ('共', 'd')]
    """
    if not proper:
        return tokens
    out: list[tuple[str, str]] = []
    run = False
    for word, tag in tokens:
        single = len(word) == 1 and "\u4e00" <= word <= "\u9fff" and word not in _SMALL_WORDS
        if single and run:
            out[-1] = (out[-1][0] + word, tag)
        else:
            out.append((word, tag))
        run = single
    return out


def _make_words(text: str, proper: bool) -> str:
    """Tone-marked pinyin of ``text`` written by word (jieba's words, compounds cut into theirs);
    every word capitalised in a proper name, place and person names capitalised anywhere."""
    import jieba
    import jieba.posseg
    from pypinyin import Style, pinyin

    jieba.setLogLevel(60)
    known = lambda w: jieba.dt.FREQ.get(w, 0) > 0  # noqa: E731
    out: list[str] = []
    for word, tag in _abbreviations_joined([(p.word, p.flag) for p in jieba.posseg.lcut(text, HMM=False)], proper):
        if not word.strip():
            continue
        if word in "、，,":
            if out:
                out[-1] += ","
            continue
        parts = [word] if tag in _WHOLE_TAGS else _split_compound(word, known)
        for part in parts:
            syllables = [s[0] for s in pinyin(part, style=Style.TONE, errors="ignore") if s and s[0].strip()]
            if not syllables:
                out.append(part)
                continue
            written = _syllables_joined(syllables)
            if (proper and part not in _SMALL_WORDS) or (tag in _NAME_TAGS and len(word) > 1):
                written = written[:1].upper() + written[1:]
            out.append(written)
    return " ".join(out)


def words(text: str, proper: bool = False) -> str:
    """The pinyin of ``text`` written by word with tone marks (GB/T 16159-2012): the syllables of a
    word together, words apart, names capitalised (every word of a ``proper`` name).

    >>> words("新型安全伙伴关系")
    'xīnxíng ānquán huǒbàn guānxì'
    >>> words("上海合作组织", proper=True)
    'Shànghǎi Hézuò Zǔzhī'
    """
    key = _word_key(text, proper)
    _load()
    if key not in _memory["words"]:
        _memory["words"][key] = _make_words(text, proper)
        _save()
    return _memory["words"][key]


def prepare(texts) -> None:
    """Make sure every text in ``texts`` has its readings, writing the cache once if any was missing."""
    _load()
    missing = [t for t in dict.fromkeys(texts) if t not in _memory["tone"] or t not in _memory["plain"]]
    for text in missing:
        for style, reading in _make(text).items():
            _memory[style][text] = reading
    if missing:
        _save()


def reading(text: str, style: str = "tone") -> str:
    """The pinyin of ``text``: with tone marks (``tone``) or plain letters (``plain``).

    >>> reading("新型安全伙伴关系")
    'xīn xíng ān quán huǒ bàn guān xì'
    >>> reading("银行", "plain")
    'yin hang'
    """
    if text not in _memory[style]:
        prepare([text])
    return _memory[style][text]
