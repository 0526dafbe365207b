"""A local preview server that answers like a real static host.

Python's ``http.server`` sends every file uncompressed and with no cache
headers, so a page measured through it (Lighthouse) looks slower than the
published site. This server sends what a static host such as GitHub Pages or
Netlify sends:

* text files (HTML, CSS, JS, JSON, SVG, XML) gzip-compressed when the client
  accepts it, with ``Vary: Accept-Encoding``;
* ``Cache-Control``: a year, immutable, for files whose name carries a content
  hash (Material's ``main.57a0d79d.min.css``); ten minutes for everything else;
* the site's own 404 page (per language folder) with status 404.

``python -m corpus preview [--port 8001] [SITE]`` serves ``site/``.
"""

from __future__ import annotations

import gzip
import http.server
import mimetypes
import re
import threading
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote

#: Types a static host compresses.
COMPRESSIBLE = re.compile(r"^(text/|application/(javascript|json|xml|manifest\+json)|image/svg\+xml)")
#: A content hash in a file name: ``name.0123abcd.min.css``.
HASHED = re.compile(r"\.[0-9a-f]{8,}\.(min\.)?(css|js)$")
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=600"


def cache_control(path: str) -> str:
    """The ``Cache-Control`` a static host would send for ``path``.

    >>> cache_control("/assets/stylesheets/main.57a0d79d.min.css")
    'public, max-age=31536000, immutable'
    >>> cache_control("/assets/site.css")
    'public, max-age=600'
    """
    return LONG_CACHE if HASHED.search(path) else SHORT_CACHE


def content_type(path: Path) -> str:
    """The MIME type of ``path``, with a charset for text.

    >>> content_type(Path("index.html"))
    'text/html; charset=utf-8'
    >>> content_type(Path("search_index.json"))
    'application/json'
    """
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return f"{kind}; charset=utf-8" if kind.startswith("text/") else kind


@lru_cache(maxsize=512)
def _gzipped(path: str, mtime_ns: int) -> bytes:
    """The file compressed once (keyed by its mtime, so a rebuild is seen)."""
    return gzip.compress(Path(path).read_bytes(), compresslevel=9, mtime=0)


def resolve(root: Path, url_path: str) -> tuple[Path | None, int]:
    """The file that answers ``url_path`` and the status: 200, or 404 with the 404 page.

    A folder answers with its ``index.html``; a folder without a trailing
    slash would be redirected by a real host, and is answered here directly.
    A missing page gets the 404 page of its language folder (``/en/404.html``)
    or of the site root.
    """
    rel = unquote(url_path.split("?", 1)[0].split("#", 1)[0]).lstrip("/")
    candidate = (root / rel).resolve()
    if root.resolve() not in (candidate, *candidate.parents):
        return None, 404
    if candidate.is_dir():
        candidate = candidate / "index.html"
    if candidate.is_file():
        return candidate, 200
    first = rel.split("/", 1)[0]
    for page in ((root / first / "404.html") if first else None, root / "404.html"):
        if page is not None and page.is_file():
            return page, 404
    return None, 404


def make_handler(root: Path):
    """A request handler class serving ``root`` like a static host."""
    root = Path(root)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_HEAD(self):  # noqa: N802 (http.server's naming)
            self._answer(body=False)

        def do_GET(self):  # noqa: N802
            self._answer(body=True)

        def _answer(self, body: bool) -> None:
            path, status = resolve(root, self.path)
            if path is None:
                data, kind, encoding = b"Not found", "text/plain; charset=utf-8", None
            else:
                kind = content_type(path)
                encoding = "gzip" if COMPRESSIBLE.match(kind) and "gzip" in self.headers.get("Accept-Encoding", "") else None
                data = _gzipped(str(path), path.stat().st_mtime_ns) if encoding else path.read_bytes()
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", cache_control(self.path) if status == 200 else "no-store")
            self.send_header("Vary", "Accept-Encoding")
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.end_headers()
            if body:
                self.wfile.write(data)

        def log_message(self, *args):  # quiet: the measurement tools print what matters
            pass

    return Handler


class PreviewServer(http.server.ThreadingHTTPServer):
    daemon_threads = True


def start(root: Path, port: int = 0, host: str = "127.0.0.1") -> tuple[PreviewServer, str]:
    """Serve ``root`` in a background thread; return the server and its base URL."""
    server = PreviewServer((host, port), make_handler(Path(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}/"
