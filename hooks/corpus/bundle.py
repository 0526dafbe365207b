"""The offline bundle: the whole bilingual site built for file:// and zipped.

``python -m corpus bundle`` runs ``mkdocs build --strict`` with ``OFFLINE=true``
(Material's offline plugin: no directory URLs, the search index inlined as a
script, the local iframe-worker shim) into a temporary folder, then writes
``dist/gsi-reference-offline.zip`` with sorted entries and fixed timestamps,
so the same commit gives the same bytes. A later online build links it from
the home page.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from .postbuild import BUNDLE_NAME

#: Folder the zip unpacks into.
ROOT_FOLDER = "gsi-reference"
#: Timestamp of every entry (zip cannot store earlier than 1980).
FIXED_TIME = (1980, 1, 1, 0, 0, 0)


#: Files that are compressed already (PDF streams, EPUB and PNG are deflated, fonts too):
#: stored as they are, since deflating them again costs seconds and saves almost nothing.
COMPRESSED = frozenset({".pdf", ".epub", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff", ".woff2", ".zip", ".gz"})


def zip_folder(folder: Path, target: Path) -> int:
    """Zip ``folder`` reproducibly into ``target``; return its size in bytes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{ROOT_FOLDER}/{path.relative_to(folder).as_posix()}", FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED if path.suffix.lower() in COMPRESSED else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    os.replace(tmp, target)
    return target.stat().st_size


def build_bundle(project: Path, target: Path | None = None) -> Path:
    """Build the offline site and zip it; raise CalledProcessError if the build fails."""
    project = Path(project)
    target = target or project / "dist" / BUNDLE_NAME
    env = dict(os.environ, OFFLINE="true", NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
            cwd=project,
            env=env,
            check=True,
        )
        zip_folder(site, target)
    return target
