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

    def __reduce__(self):
        """Pickled whole (path, problem, line, term): a worker process that makes the files to
        download (downloads.py) raises it in the build's process."""
        return (_corpus_error, (self.path, self.problem, self.line, self.term))


def _corpus_error(path: str, problem: str, line: int | None, term: str | None) -> CorpusError:
    return CorpusError(path, problem, line, term=term)
