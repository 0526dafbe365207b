"""Build the site so that a failed build never leaves a broken one: ``python -m corpus build``.

``mkdocs build --strict`` empties the site folder and writes every page before
it raises its warnings as an error, so a strict failure (or a crash half way)
leaves a half-written site where the good one was. This builds into a fresh
folder beside the site folder and puts it in place of the old one only when
the build succeeded; on failure the previous site is left byte for byte as it
was, and the temporary folder is removed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def build_site(project: Path, site: Path, *, mkdocs_args: tuple[str, ...] = (), env: dict | None = None) -> int:
    """Build ``project`` strictly into ``site``, replacing it only on success; return the exit status."""
    project, site = Path(project), Path(site)
    site.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{site.name}-building-", dir=site.parent))
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp), *mkdocs_args],
            cwd=project,
            env=dict(os.environ, **(env or {})),
        )
        if proc.returncode != 0:
            print(f"error: the build failed; {site} is unchanged", file=sys.stderr)
            return proc.returncode
        replace_folder(tmp, site)
        return 0
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def replace_folder(new: Path, target: Path) -> None:
    """Put folder ``new`` where ``target`` is, with two renames (the old one is then removed)."""
    old = None
    if target.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}-old-", dir=target.parent))
        os.rmdir(old)
        os.rename(target, old)
    os.rename(new, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
