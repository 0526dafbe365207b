"""The files this process wrote or removed under docs/, so that ``mkdocs serve`` can tell them from
an author's saves.

Why: the build writes the pages it makes from the seeds into docs/ (and the traditional twins of
the hand-written pages, and the files to download). The server watches docs/, so every edit of
a seed was built twice: once for the seed, and again, 1.5–2 s more of both cores, for the
pages the first build wrote. A save during that second build waited for it.

``expect`` marks a file this process is about to write or remove, ``note`` records it as this
process left it (its size, time and inode; or that it is gone). A temporary file, written and
renamed at once, is named with ``TEMPORARY_PREFIX``. ``is_own(path)`` tells whether a
file is still exactly as this process left it: an author's later save changes its time, so it is
never taken for the build's own. Files made by the worker process (the files to download) are not
noted: the rebuild they start is the one that offers them.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

_left: dict[str, tuple | None] = {}
_writing: set[str] = set()
#: How many names are kept at most (a long ``mkdocs serve`` session): the oldest go first.
LIMIT = 200_000


def _state(path: str) -> tuple | None:
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_size, stat.st_mtime_ns, stat.st_ino)


def expect(path) -> None:
    """This process is about to write, replace or remove ``path`` (then ``note``): the watcher may
    see the change before ``note`` has recorded it."""
    _writing.add(os.path.abspath(path))


def note(path) -> None:
    """``path`` is as this process just left it (written, replaced or removed)."""
    name = os.path.abspath(path)
    _left.pop(name, None)
    _left[name] = _state(name)
    _writing.discard(name)
    while len(_left) > LIMIT:
        _left.pop(next(iter(_left)))


#: The start of the pipeline's temporary file names (written, then renamed over the file they
#: replace): known before the file exists, so that no event of it can come first.
TEMPORARY_PREFIX = ".tmp-corpus-"


def write_atomically(path, data: bytes, suffix: str = "") -> None:
    """Write ``data`` to a temporary name beside ``path`` and rename it (no reader sees half a file),
    noting the file as this process left it. The worker process's notes stay in the worker, so
    the files it publishes start the rebuild that offers them."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TEMPORARY_PREFIX, suffix=suffix)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    expect(path)
    os.replace(tmp, path)
    note(path)


def remove(path) -> None:
    """Remove ``path``, noting it as removed by this process."""
    expect(path)
    os.unlink(path)
    note(path)


def is_own(path) -> bool:
    """Whether ``path`` is a temporary file of the pipeline, or exactly as this process left it."""
    name = os.path.abspath(path)
    if os.path.basename(name).startswith(TEMPORARY_PREFIX) or name in _writing:
        return True
    if name not in _left:
        return False
    return _left[name] == _state(name)


def clear() -> None:
    """Nothing noted (the tests)."""
    _left.clear()
    _writing.clear()
