"""Bad input stops the build with one clear line naming the file (and line), and no site is written."""

from __future__ import annotations

import pytest

from conftest import copy_project, run_build

SEED = "004_57f6c3e94606ab13.txt"


def _break_non_utf8(project):
    path = project / "seeds" / SEED
    data = path.read_bytes().split(b"\n")
    data[7] = "  安全合作是上合组织的“动力之源”。".encode("gbk")
    path.write_bytes(b"\n".join(data))
    return rf"seeds/{SEED}:8: seed is not UTF-8 \(byte 0x[0-9A-F]{{2}} at column \d+\)"


def _break_empty(project):
    (project / "seeds" / SEED).write_bytes(b"\n  \n")
    return rf"seeds/{SEED}: seed is empty"


def _break_binary(project):
    (project / "seeds" / SEED).write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    return rf"seeds/{SEED}:\d+: seed holds a NUL byte"


def _break_unlisted(project):
    (project / "seeds" / "005_new.txt").write_text("新文件\n", encoding="utf-8")
    return r"seeds/005_new.txt: seed file is not in the catalog"


def _break_missing_file(project):
    (project / "seeds" / SEED).unlink()
    return rf"seeds/catalog.yaml:\d+: copy of 'sco-security-cooperation' names seed '{SEED}', which is not in seeds/"


def _break_malformed(project):
    path = project / "seeds" / "catalog.yaml"
    text = path.read_text(encoding="utf-8").replace("kind: commentary\n", "kind: [commentary\n", 1)
    path.write_text(text, encoding="utf-8")
    return r"seeds/catalog.yaml:\d+: malformed YAML"


def _break_missing_field(project):
    path = project / "seeds" / "catalog.yaml"
    text = path.read_text(encoding="utf-8").replace("    date: 2018-05-27\n    structure:", "    structure:", 1)
    path.write_text(text, encoding="utf-8")
    return r"seeds/catalog.yaml:\d+: document 'sco-security-cooperation' has no 'date'"


def _break_title(project):
    path = project / "seeds" / "catalog.yaml"
    text = path.read_text(encoding="utf-8").replace("title: 习近平推动上合组织安全合作迈上新台阶\n        source", "title: 不存在的标题\n        source", 1)
    path.write_text(text, encoding="utf-8")
    return rf"seeds/{SEED}: title line '不存在的标题' \(from the catalog\) not found"


def _break_register(project):
    path = project / "seeds" / "published-ids.json"
    text = path.read_text(encoding="utf-8").replace('"s1-p1"', '"s1-p99"', 1)
    path.write_text(text, encoding="utf-8")
    return r"seeds/published-ids.json: 1 published address\(es\) would disappear: (en/)?texts/[a-z-]+/(parallel/)?#s1-p99"


CASES = {
    "not-utf8": _break_non_utf8,
    "empty": _break_empty,
    "binary": _break_binary,
    "seed-not-in-catalog": _break_unlisted,
    "catalog-file-missing": _break_missing_file,
    "malformed-catalog": _break_malformed,
    "catalog-field-missing": _break_missing_field,
    "title-not-found": _break_title,
    "published-id-lost": _break_register,
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_stops_the_build_cleanly(tmp_path, case):
    import re

    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous site", encoding="utf-8")
    expected = CASES[case](project)
    proc = run_build(project, site)
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, proc.stderr
    message = errors[0].split("-  ", 1)[1]
    assert re.match(expected, message), message
    # the previous site is untouched: no half-written site
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not (project / "docs" / "texts").exists()


def test_a_moved_page_keeps_its_address_through_a_redirect(tmp_path):
    """A registered page that disappears stops the build, unless a redirect keeps its address."""
    import json

    project = copy_project(tmp_path / "project")
    register = project / "seeds" / "published-ids.json"
    data = json.loads(register.read_text(encoding="utf-8"))
    data["pages"]["texts/old-address/"] = ["p1"]
    register.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    proc = run_build(project, tmp_path / "site1")
    assert proc.returncode != 0 and "texts/old-address/" in proc.stderr
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "redirect_maps: {}",
            "redirect_maps:\n        texts/old-address/index.md: texts/new-type-security-partnership/index.md",
        ),
        encoding="utf-8",
    )
    site = tmp_path / "site2"
    proc = run_build(project, site)
    assert proc.returncode == 0, proc.stderr
    html = (site / "texts" / "old-address" / "index.html").read_text(encoding="utf-8")
    assert "new-type-security-partnership" in html and "refresh" in html
