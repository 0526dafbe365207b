"""The Nu Html Checker (npm vnu-jar, run with the machine's Java) on every page of both languages."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
#: Errors that come from Material itself and cannot be fixed from our overrides, with the reason.
#: Empty today: the two that Material writes on every page are repaired by hooks/corpus/htmlfix.py.
KNOWN_MATERIAL_ERRORS: dict[str, str] = {}


def check(site) -> list[dict]:
    assert shutil.which("java"), "java is missing: install Debian's default-jre-headless (.ci/setup does)"
    assert VNU.exists(), "vnu-jar is missing: run bash .ci/setup (npm ci)"
    proc = subprocess.run(
        ["java", "-Xss16m", "-jar", str(VNU), "--skip-non-html", "--format", "json", "--exit-zero-always", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return json.loads(proc.stderr)["messages"]


def test_every_page_is_valid_html(built_site):
    site = built_site["site"]
    pages = sorted(site.rglob("*.html"))
    messages = check(site)
    errors = [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]
    warnings = [m for m in messages if m.get("subType") == "warning"]
    known = [m for m in errors if m["message"] in KNOWN_MATERIAL_ERRORS]
    ours = [m for m in errors if m["message"] not in KNOWN_MATERIAL_ERRORS]
    print(f"vnu: {len(pages)} pages checked, {len(ours)} errors, {len(known)} known Material errors, {len(warnings)} warnings")
    summary = Counter(f"{m.get('url', '').rsplit('/site/', 1)[-1]}: {m['message']}" for m in ours + warnings)
    assert len(pages) > 150
    assert summary == Counter(), "\n".join(f"{n} × {k}" for k, n in summary.most_common(20))
    assert len(known) == 0
