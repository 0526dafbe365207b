"""One error type for bad input: it names the file, the line and the problem."""

from __future__ import annotations


class CorpusError(Exception):
    """Bad input. ``str()`` gives one line: ``path:line: problem``.

    The MkDocs hook turns it into a ``PluginError``, so the build stops with
    this one line instead of a traceback, before the site folder is touched.
    """

    def __init__(self, path: str, problem: str, line: int | None = None, *, term: str | None = None):
        self.path = str(path)
        self.problem = problem
        self.line = line
        self.term = term
        where = self.path if line is None else f"{self.path}:{line}"
        what = problem if term is None else f"term '{term}': {problem}"
        super().__init__(f"{where}: {what}")
