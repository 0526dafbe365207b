"""Read one seed file into text, or stop with a message naming the file and line."""

from __future__ import annotations

from pathlib import Path

from .errors import CorpusError
from .safeload import read_bytes

#: The largest seed we accept. The real seeds are 3-21 KB; a file a hundred
#: times larger is far more likely a mistake (a dump, a binary) than a document.
MAX_SEED_BYTES = 2 * 1024 * 1024


def _line_of(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of a byte offset."""
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def decode_seed(data: bytes, path: str) -> str:
    """Decode seed bytes as UTF-8 (a BOM is allowed) with newlines made ``\\n``.

    Raises CorpusError for an empty file, a binary file, an oversized file or
    bytes that are not UTF-8 (naming the line and column of the first bad byte).
    """
    if len(data) > MAX_SEED_BYTES:
        raise CorpusError(path, f"seed is {len(data):,} bytes, more than the limit of {MAX_SEED_BYTES:,}; split it or check that it is the right file")
    if b"\x00" in data:
        line, col = _line_of(data, data.index(b"\x00"))
        raise CorpusError(path, f"seed holds a NUL byte at column {col}: it looks like a binary file, not text", line)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line, col = _line_of(data, err.start)
        raise CorpusError(
            path,
            f"seed is not UTF-8 (byte 0x{data[err.start]:02X} at column {col}); re-save it as UTF-8",
            line,
        ) from None
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise CorpusError(path, "seed is empty")
    return text


def read_seed(path: Path, shown_as: str | None = None, inside: Path | None = None) -> str:
    """Read and decode the seed at ``path``; errors name it as ``shown_as``.

    The seed must be a regular file (inside the folder ``inside``, when given:
    a symlink out of the seeds folder is refused, not published).
    """
    name = shown_as or str(path)
    if not Path(path).exists() and not Path(path).is_symlink():
        raise CorpusError(name, "seed file named in the catalog does not exist")
    data = read_bytes(path, name, MAX_SEED_BYTES, inside=inside, what="seed")
    return decode_seed(data, name)
