"""The interface strings of every edition, as data: one YAML file per language in ``strings/``.

Labels, notes and messages of the pages, the files to download, the citations and the
scripts (cite.js, handout.js, terms.js) are not in the code: ``strings/zh-Hans.yaml`` and
``strings/en.yaml`` hold them, with the same keys (checked here: a missing or extra key, or a
value that is not text, stops the build naming the file and the key). An edition is a file:
the traditional edition's strings (``zh-Hant``) are made from ``zh-Hans.yaml`` by the same
conversion as its text, exceptions included (hant.py), so they never fall behind.

The pipeline's language codes are ``zh`` (the simplified original), ``en`` and ``zh-Hant``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path

from .errors import CorpusError

FOLDER = Path(__file__).parent / "strings"
#: The pipeline's language -> its strings file (the files' own language tags).
FILES = {"zh": "zh-Hans", "en": "en"}


def _shape_problem(reference, other, where: str = "") -> tuple[str, str] | None:
    """The first key where ``other`` differs in shape from ``reference``: (key path, problem), or None.

    >>> _shape_problem({"a": {"b": "x"}, "c": "y"}, {"a": {"b": "x"}, "c": "y"}) is None
    True
    >>> _shape_problem({"a": {"b": "x"}}, {"a": {}})
    ('a.b', 'missing')
    >>> _shape_problem({"a": "x"}, {"a": "x", "z": "y"})
    ('z', 'not in the other languages’ files')
    >>> _shape_problem({"a": "x"}, {"a": 3})
    ('a', 'must be text')
    """
    if isinstance(reference, dict):
        if not isinstance(other, dict):
            return where or "(top)", "must be a mapping of keys"
        for key in reference:
            path = f"{where}.{key}" if where else str(key)
            if key not in other:
                return path, "missing"
            found = _shape_problem(reference[key], other[key], path)
            if found:
                return found
        for key in other:
            if key not in reference:
                return (f"{where}.{key}" if where else str(key)), "not in the other languages’ files"
        return None
    if not isinstance(other, str) or not other.strip():
        return where, "must be text"
    return None


def _line_of(data, path: str) -> int | None:
    """The line of ``path`` (dotted keys) in data read by safeload (its mappings know their keys' lines)."""
    node, line = data, getattr(data, "line", None)
    for key in path.split("."):
        if not isinstance(node, dict):
            break
        line = getattr(node, "lines", {}).get(key, line)
        if key not in node:
            break
        node = node[key]
    return line


def check_strings(files: dict[str, object]) -> None:
    """Stop unless every file has the keys of the first, each with text: the error names the file and the key."""
    names = list(files)
    reference = files[names[0]]
    for name in names:
        found = _shape_problem(reference, files[name])
        if found:
            key, problem = found
            raise CorpusError(f"strings/{name}.yaml", f"key '{key}': {problem}", _line_of(files[name], key))


def load_files(folder: Path = FOLDER) -> dict[str, dict]:
    """Every strings file of ``folder`` (by its language tag), read safely and checked against each other."""
    from .safeload import load_yaml

    files = {}
    for tag in FILES.values():
        path = Path(folder) / f"{tag}.yaml"
        data = load_yaml(path, f"strings/{tag}.yaml", "glossary")
        if not isinstance(data, dict):
            raise CorpusError(f"strings/{tag}.yaml", "expected a mapping of keys to strings")
        files[tag] = data
    check_strings(files)
    return files


@functools.lru_cache(maxsize=None)
def _all() -> dict[str, dict]:
    from . import hant

    files = load_files()
    out = {lang: _plain(files[tag]) for lang, tag in FILES.items()}
    hant_strings = hant.convert_tree(out["zh"], hant.load_exceptions(hant_exceptions_path()))
    hant_strings["language"] = hant.HANT
    out[hant.HANT] = hant_strings
    return out


def hant_exceptions_path() -> Path:
    """The reviewed exceptions of the traditional edition (glossary/hant-exceptions.yaml, beside the glossary)."""
    from . import hant

    return Path(__file__).resolve().parents[2] / hant.EXCEPTIONS_FILE


def _plain(value):
    """Plain dicts (not safeload's LineDicts), so that the strings pickle and compare as data."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def strings(lang: str) -> dict:
    """The strings of ``lang`` (``zh``, ``en`` or ``zh-Hant``)."""
    return _all()[lang]


def section(name: str) -> dict[str, dict]:
    """One section of every language's strings: language -> that section (e.g. ``section("pages")``)."""
    return {lang: data[name] for lang, data in _all().items()}


class Lazy(Mapping):
    """A mapping made from the strings when it is first read, not when its module is imported.

    The files are read (and checked) inside the build, where a bad file stops it with one
    line naming the file and the key, rather than when MkDocs imports the hooks.
    """

    def __init__(self, make):
        self._make = make
        self._data = None

    def _get(self) -> dict:
        if self._data is None:
            self._data = self._make()
        return self._data

    def __getitem__(self, key):
        return self._get()[key]

    def __iter__(self):
        return iter(self._get())

    def __len__(self):
        return len(self._get())


def lazy_section(name: str, key: str | None = None) -> Lazy:
    """``section(name)`` (or language -> its ``key`` in it), read on first use."""
    if key is None:
        return Lazy(lambda: section(name))
    return Lazy(lambda: {lang: v[key] for lang, v in section(name).items()})
