"""The committed register of published page URLs and ids (``seeds/published-ids.json``).

Teachers link to ``texts/<slug>/#s3-12-p1``. Once an id is published it must
keep working: every build compares the ids it makes with the register and stops
when a registered page or id would disappear. New ids are added to the register
with ``python -m corpus register`` (see the README).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .errors import CorpusError
from .safeload import load_json

REGISTER_NAME = "published-ids.json"


def load_register(path: Path) -> dict[str, list[str]]:
    """Read the register; a missing file is an empty register."""
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        return {}
    data = load_json(path, f"seeds/{path.name}", "register", inside=path.parent)
    pages = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(pages, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(i, str) for i in v) for k, v in pages.items()
    ):
        raise CorpusError(f"seeds/{path.name}", "expected {\"pages\": {url: [id, ...]}}", 1)
    return pages


def lost_ids(register: dict[str, list[str]], current: dict[str, list[str]], redirected: set[str] = frozenset()) -> list[str]:
    """``url#id`` (or ``url``) of every registered address the build no longer makes.

    A page in ``redirected`` (an old URL that mkdocs-redirects sends on) is not lost.
    """
    lost = []
    for url, ids in sorted(register.items()):
        if url in redirected:
            continue
        if url not in current:
            lost.append(url)
            continue
        have = set(current[url])
        lost.extend(f"{url}#{i}" for i in ids if i not in have)
    return lost


def new_ids(register: dict[str, list[str]], current: dict[str, list[str]]) -> list[str]:
    """``url#id`` of every address the build makes that is not registered yet."""
    out = []
    for url, ids in sorted(current.items()):
        known = set(register.get(url, ()))
        out.extend(f"{url}#{i}" for i in ids if i not in known)
    return out


def check(register: dict[str, list[str]], current: dict[str, list[str]], shown_as: str, redirected: set[str] = frozenset()) -> None:
    """Stop when a registered URL or id disappears (and no redirect keeps it)."""
    lost = lost_ids(register, current, redirected)
    if lost:
        more = f" and {len(lost) - 5} more" if len(lost) > 5 else ""
        raise CorpusError(
            shown_as,
            f"{len(lost)} published address(es) would disappear: {', '.join(lost[:5])}{more}. "
            "Keep the ids stable, or add the old page to redirect_maps in mkdocs.yml, instead of breaking readers' links",
        )


def redirected_urls(redirect_maps: dict[str, str]) -> set[str]:
    """Directory URLs of the old pages in mkdocs-redirects' ``redirect_maps``.

    >>> sorted(redirected_urls({"texts/old/index.md": "texts/new/index.md", "texts/old/index.en.md": "x"}))
    ['en/texts/old/', 'texts/old/']
    """
    urls = set()
    for old in redirect_maps:
        path = old[: -len(".md")] if old.endswith(".md") else old
        prefix = ""
        if re.search(r"\.[a-z]{2}$", path):
            prefix = path[-2:] + "/"
            path = path[:-3]
        path = path[: -len("index")] if path.endswith("index") else path + "/"
        urls.add(prefix + path)
    return urls


def merged(register: dict[str, list[str]], current: dict[str, list[str]]) -> dict[str, list[str]]:
    """The register with every current id added (nothing is ever removed)."""
    out = {url: list(ids) for url, ids in register.items()}
    for url, ids in current.items():
        known = out.setdefault(url, [])
        known.extend(i for i in ids if i not in known)
    return dict(sorted(out.items()))


def write_register(path: Path, pages: dict[str, list[str]]) -> None:
    text = json.dumps({"pages": pages}, ensure_ascii=False, indent=1) + "\n"
    Path(path).write_text(text, encoding="utf-8")
