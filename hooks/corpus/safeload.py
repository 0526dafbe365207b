"""Read the project's data files safely: bounded, regular files, and one clear line on any problem.

The catalog, the glossary, the translations and the register are edited by
hand, and the seeds are copies of other people's pages. Whatever they hold,
reading them must end in data or in one ``CorpusError`` naming the file (and
the line), never in a traceback, a hang or memory without bound:

* a file must be a regular file inside its folder (no symlink out of it, no
  directory, no device) and no larger than its limit;
* text must be UTF-8 (a BOM is allowed);
* YAML is read with a safe loader that refuses anchors and aliases (``&a`` /
  ``*a``: an alias bomb grows without bound), merge keys (``<<``) and
  duplicate keys, limits nesting, and keeps dates as text (``2023-02-30`` is
  then refused by the schema with its line, not by a crash in the parser);
* JSON is refused beyond a nesting depth.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from .errors import CorpusError

#: Limits on the size of each kind of file (bytes): far above the real files
#: (catalog 4 KB, glossary 60 KB, translations 30-90 KB, register 10 KB).
MAX_BYTES = {"catalog": 1 << 20, "glossary": 4 << 20, "translation": 4 << 20, "register": 8 << 20}
#: Nesting deeper than this is not a shape any of the data files has (they need 4).
MAX_DEPTH = 32


def regular_file(path: Path, shown_as: str, *, inside: Path | None = None, what: str = "file") -> Path:
    """``path`` if it is a regular file (inside ``inside`` when given), else a CorpusError.

    A symlink is followed only when its target stays inside ``inside``: a seed
    that points at /etc/passwd would otherwise be published.
    """
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        raise CorpusError(shown_as, f"{what} does not exist")
    if inside is not None:
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            raise CorpusError(shown_as, f"{what} is a broken symbolic link") from None
        root = Path(inside).resolve()
        if root not in real.parents:
            raise CorpusError(shown_as, f"{what} is a link to {real}, outside {Path(inside).name}/; copy the file in instead")
    if path.is_dir():
        raise CorpusError(shown_as, f"{what} is a directory, not a file")
    if not path.is_file():
        raise CorpusError(shown_as, f"{what} is not a regular file")
    return path


def read_bytes(path: Path, shown_as: str, limit: int, *, inside: Path | None = None, what: str = "file") -> bytes:
    """The bytes of a regular file no larger than ``limit``."""
    path = regular_file(path, shown_as, inside=inside, what=what)
    size = path.stat().st_size
    if size > limit:
        raise CorpusError(shown_as, f"{what} is {size:,} bytes, more than the limit of {limit:,}; check that it is the right file")
    try:
        with open(path, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as err:
        raise CorpusError(shown_as, f"{what} cannot be read: {err.strerror}") from None
    if len(data) > limit:  # it grew while being read
        raise CorpusError(shown_as, f"{what} is more than the limit of {limit:,} bytes")
    return data


def decode_utf8(data: bytes, shown_as: str, what: str = "file") -> str:
    """UTF-8 text (BOM allowed), or a CorpusError naming the line and column of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise CorpusError(shown_as, f"{what} is not UTF-8 (byte 0x{data[err.start]:02X} at column {column}); re-save it as UTF-8", line) from None


def read_text(path: Path, shown_as: str, kind: str, *, inside: Path | None = None) -> str:
    """A data file of ``kind`` (a key of ``MAX_BYTES``) as text."""
    return decode_utf8(read_bytes(path, shown_as, MAX_BYTES[kind], inside=inside), shown_as)


# --------------------------------------------------------------------------
# YAML


class LineDict(dict):
    """A mapping that remembers the line of itself and of each key."""

    line: int = 0
    lines: dict


class _Loader(yaml.SafeLoader):
    """SafeLoader whose mappings are LineDicts, with no merge keys, duplicate keys or timestamps."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same on libyaml's parser: ten times faster on the translation files.

    libyaml words its errors in its own way, so a file it rejects is read again
    with ``_Loader`` for the messages (and lines) that the editors know.
    """


def _construct_mapping(loader, node: yaml.MappingNode) -> LineDict:
    mapping = LineDict()
    mapping.line = node.start_mark.line + 1
    mapping.lines = {}
    for key_node, value_node in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise yaml.constructor.ConstructorError(None, None, "merge keys (<<) are not accepted", key_node.start_mark)
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(None, None, "a key must be plain text", key_node.start_mark)
        if key in mapping:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.lines[key] = key_node.start_mark.line + 1
    return mapping


for _loader in (_Loader, _FastLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    # Dates stay text: the schemas check them (a real calendar date, no time of day).
    _loader.yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

_OPEN = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken, yaml.FlowSequenceStartToken)
_CLOSE = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def _check_tokens(text: str, shown_as: str) -> None:
    """Refuse anchors, aliases, tags and nesting deeper than MAX_DEPTH, before anything is built."""
    depth = 0
    try:
        for token in yaml.scan(text, Loader=_FastLoader):
            if isinstance(token, _OPEN):
                depth += 1
                if depth > MAX_DEPTH:
                    raise CorpusError(shown_as, f"malformed YAML: nested more than {MAX_DEPTH} levels deep", token.start_mark.line + 1)
            elif isinstance(token, _CLOSE):
                depth -= 1
            elif isinstance(token, (yaml.AnchorToken, yaml.AliasToken)):
                raise CorpusError(shown_as, "malformed YAML: anchors and aliases (&name, *name) are not accepted; write the value out", token.start_mark.line + 1)
            elif isinstance(token, yaml.TagToken):
                raise CorpusError(shown_as, "malformed YAML: tags (!name) are not accepted", token.start_mark.line + 1)
    except yaml.YAMLError:
        _load_or_explain(text, shown_as)  # raises with the pure-Python parser's message and line
        raise CorpusError(shown_as, "malformed YAML") from None


def parse_yaml(text: str, shown_as: str) -> Any:
    """Parse YAML text safely; every problem is one CorpusError with the line."""
    _check_tokens(text, shown_as)
    try:
        return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        return _load_or_explain(text, shown_as)
    except (ValueError, TypeError, RecursionError) as err:  # a value no constructor could make
        raise CorpusError(shown_as, f"malformed YAML: {err}") from None


def _load_or_explain(text: str, shown_as: str) -> Any:
    """Parse with the pure-Python parser; its error becomes one CorpusError with the line."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line = mark.line + 1 if mark else None
        problem = " ".join(p for p in (err.context, err.problem) if p)
        raise CorpusError(shown_as, f"malformed YAML: {problem}", line) from None
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as err:
        raise CorpusError(shown_as, f"malformed YAML: {err}") from None


def load_yaml(path: Path, shown_as: str, kind: str = "catalog", *, inside: Path | None = None) -> Any:
    """Read and parse a YAML data file of ``kind`` (see MAX_BYTES)."""
    return parse_yaml(read_text(path, shown_as, kind, inside=inside), shown_as)


# --------------------------------------------------------------------------
# JSON


def _json_nesting(text: str) -> int:
    """How deeply brackets nest in ``text`` (outside strings), without parsing it."""
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def load_json(path: Path, shown_as: str, kind: str = "register", *, inside: Path | None = None) -> Any:
    """Read and parse a JSON data file; too deep, malformed or not UTF-8 is one CorpusError."""
    text = read_text(path, shown_as, kind, inside=inside)
    if _json_nesting(text) > MAX_DEPTH:
        raise CorpusError(shown_as, f"malformed JSON: nested more than {MAX_DEPTH} levels deep")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise CorpusError(shown_as, f"malformed JSON: {err.msg}", err.lineno) from None
    except (ValueError, RecursionError) as err:
        raise CorpusError(shown_as, f"malformed JSON: {err}") from None
    return data

