"""Compiled page templates kept between builds (a Jinja bytecode cache).

Why: MkDocs makes a new template environment for every build, and
static-i18n builds the site once per language, so the theme's 84 templates
were compiled twice per build and again on every rebuild of ``mkdocs serve``
(about 0.9 s of a 2.5 s rebuild). Jinja's bytecode cache keys each template
by its name and a checksum of its source, so an edited template is compiled
again and an unchanged one never twice. It is kept in memory (this module
lives as long as the process: every rebuild of ``mkdocs serve``, both
languages of one build) and on disk beside the other caches
(``$CORPUS_CACHE/templates``), so that a new process, a test's build among
them, finds them compiled too. Set ``CORPUS_CACHE`` to an empty string to
keep nothing on disk.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import jinja2


def cache_folder() -> Path | None:
    """``$CORPUS_CACHE/templates`` (the downloads' and pinyin's folder), None when nothing is kept on disk."""
    base = os.environ.get("CORPUS_CACHE")
    if base is None:
        base = str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "gsi-reference")
    if not base:
        return None
    # the bytecode is the interpreter's own: one folder per Python version
    return Path(base) / f"templates-py{sys.version_info.major}{sys.version_info.minor}"


class TemplateCache(jinja2.BytecodeCache):
    """In memory first, then on disk; a disk that cannot be written only costs the next process time."""

    def __init__(self, folder: Path | None):
        self.memory: dict[str, bytes] = {}
        self.disk = None
        if folder is not None:
            try:
                folder.mkdir(parents=True, exist_ok=True)
                self.disk = jinja2.FileSystemBytecodeCache(str(folder))
            except OSError:
                self.disk = None

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.memory.get(bucket.key)
        if data is None and self.disk is not None:
            try:
                self.disk.load_bytecode(bucket)
            except (OSError, EOFError, ValueError):
                bucket.reset()
            if bucket.code is not None:
                self.memory[bucket.key] = bucket.bytecode_to_string()
            return
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.memory[bucket.key] = bucket.bytecode_to_string()
        if self.disk is not None:
            try:
                self.disk.dump_bytecode(bucket)
            except OSError:
                pass


_shared: dict[Path | None, TemplateCache] = {}


def shared() -> TemplateCache:
    """The process's cache for the current cache folder."""
    folder = cache_folder()
    if folder not in _shared:
        _shared[folder] = TemplateCache(folder)
    return _shared[folder]
