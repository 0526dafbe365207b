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

#: Tone marks ("xīn xíng") and plain letters ("xin xing", for sorting).
STYLES = ("tone", "plain")

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
