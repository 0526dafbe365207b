"""Hostile and malformed input, as an attacker or a careless editor would write it.

Two kinds of case:

* **refused**: the build stops with exactly one ERROR line naming the file (and
  its line or field), no traceback, and the previously built site is byte for
  byte what it was (checksums of every file compared);
* **shown literally**: the build succeeds and the text appears, as text, where
  it lands (``<title>``, meta and Open Graph tags, the header, the article, the
  search index, the cite data), and Chromium runs none of it on any kind of page
  in either language.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import copy_project, run_build, serve_folder
from corpus.clean import normalise_punctuation

SEED = "004_57f6c3e94606ab13.txt"
CATALOG = "seeds/catalog.yaml"
GLOSSARY = "glossary/terms.yaml"
TRANSLATION = "seeds/translations/en/sco-security-cooperation.yaml"
REGISTER = "seeds/published-ids.json"


def edit(project: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def append(project: Path, rel: str, text: str) -> None:
    path = project / rel
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


SCO_DATE = "        date: 2018-05-27\n"  # the 004 copy's date
SCO_ENTRY_DATE = "    date: 2018-05-27\n    structure:"
TERM = """  - id: {id}
    zh: {zh}
    en: {en}
    definition:
      zh: 检验用的词条。
      en: A term for testing.
"""


def _term(**kw) -> str:
    values = {"id": "test-term", "zh": "检验词条", "en": "test term"} | kw
    return TERM.format(**values)


# --------------------------------------------------------------------------
# Refused: (change to the project, regular expression of the one error line)

REFUSED: dict[str, tuple] = {
    # catalog: dates
    "catalog-impossible-date": (lambda p: edit(p, CATALOG, SCO_ENTRY_DATE, "    date: 2023-02-30\n    structure:"), r"seeds/catalog.yaml:\d+: 'date' of document 'sco-security-cooperation' must be a real date"),
    "catalog-impossible-copy-date": (lambda p: edit(p, CATALOG, SCO_DATE, "        date: 2018-02-29\n"), r"seeds/catalog.yaml:\d+: 'date' of copy .* must be a real date"),
    "catalog-timestamp-date": (lambda p: edit(p, CATALOG, SCO_ENTRY_DATE, "    date: 2018-05-27 23:31:27\n    structure:"), r"seeds/catalog.yaml:\d+: .*without a time"),
    "catalog-iso-timestamp-date": (lambda p: edit(p, CATALOG, SCO_ENTRY_DATE, "    date: 2018-05-27T23:31:27Z\n    structure:"), r"seeds/catalog.yaml:\d+: .*without a time"),
    "catalog-slashed-date": (lambda p: edit(p, CATALOG, SCO_ENTRY_DATE, "    date: 2018/05/27\n    structure:"), r"seeds/catalog.yaml:\d+: .*must be a date YYYY-MM-DD"),
    "catalog-number-date": (lambda p: edit(p, CATALOG, SCO_ENTRY_DATE, "    date: 20180527\n    structure:"), r"seeds/catalog.yaml:\d+: .*must be a date YYYY-MM-DD"),
    "catalog-list-date": (lambda p: edit(p, CATALOG, SCO_ENTRY_DATE, "    date: [2018, 5, 27]\n    structure:"), r"seeds/catalog.yaml:\d+: .*must be a date YYYY-MM-DD"),
    # catalog: addresses
    "url-with-markup": (lambda p: edit(p, CATALOG, SCO_DATE, SCO_DATE + "        url: https://example.org/)<svg/onload=alert(1)>\n"), r"seeds/catalog.yaml:\d+: url of copy .* must not contain"),
    "url-javascript": (lambda p: edit(p, CATALOG, SCO_DATE, SCO_DATE + "        url: javascript:alert(1)\n"), r"seeds/catalog.yaml:\d+: url of copy .* http:// or https://"),
    "url-markdown-link": (lambda p: edit(p, CATALOG, SCO_DATE, SCO_DATE + "        url: https://example.org/[x](https://evil.example/)\n"), r"seeds/catalog.yaml:\d+: url of copy .* must not contain \[ or \]"),
    "url-space": (lambda p: edit(p, CATALOG, SCO_DATE, SCO_DATE + '        url: "https://example.org/a b"\n'), r"seeds/catalog.yaml:\d+: url of copy .* white space"),
    "url-unbalanced": (lambda p: edit(p, CATALOG, SCO_DATE, SCO_DATE + "        url: https://example.org/a)b\n"), r"seeds/catalog.yaml:\d+: url of copy .* unbalanced parentheses"),
    "url-quote": (lambda p: edit(p, CATALOG, SCO_DATE, SCO_DATE + "        url: https://example.org/\"onmouseover=\"alert(1)\n"), r"seeds/catalog.yaml:\d+: url of copy .* must not contain"),
    "url-no-host": (lambda p: edit(p, CATALOG, SCO_DATE, SCO_DATE + "        url: https:///etc/passwd\n"), r"seeds/catalog.yaml:\d+: url of copy .* host name"),
    "url-data": (lambda p: edit(p, CATALOG, SCO_DATE, SCO_DATE + "        url: data:text/html,<script>alert(1)</script>\n"), r"seeds/catalog.yaml:\d+: url of copy .*"),
    # catalog: fields
    "catalog-unknown-field": (lambda p: edit(p, CATALOG, "    kind: commentary\n    title:\n      zh: 习近平", "    kind: commentary\n    titel: x\n    title:\n      zh: 习近平"), r"seeds/catalog.yaml:\d+: unknown field 'titel' in a document \(did you mean 'title'\?\)"),
    "catalog-unknown-copy-field": (lambda p: edit(p, CATALOG, SCO_DATE, SCO_DATE + "        sorce: x\n"), r"seeds/catalog.yaml:\d+: unknown field 'sorce' in a copy .*did you mean 'source'"),
    "catalog-unknown-top-level": (lambda p: append(p, CATALOG, "extras: 1\n"), r"seeds/catalog.yaml:\d+: unknown field 'extras' in the catalog"),
    "catalog-title-c1-control": (lambda p: edit(p, CATALOG, "en: Xi Jinping Takes SCO Security Cooperation to a New Level", 'en: "Xi\\u0080 Jinping Takes SCO"'), r"seeds/catalog.yaml:\d+: 'en' of 'title' .* U\+0080"),
    "catalog-title-noncharacter": (lambda p: edit(p, CATALOG, "      zh: 习近平推动上合组织安全合作迈上新台阶\n      en:", '      zh: "习近平\\uFFFF推动"\n      en:'), r"seeds/catalog.yaml:\d+: 'zh' of 'title' .* U\+FFFF"),
    "catalog-title-bidi": (lambda p: edit(p, CATALOG, "      zh: 习近平推动上合组织安全合作迈上新台阶\n      en:", '      zh: "习近平\\u202E推动"\n      en:'), r"seeds/catalog.yaml:\d+: 'zh' of 'title' .* U\+202E"),
    "catalog-author-newline": (lambda p: edit(p, CATALOG, "    date: 2018-05-27\n    structure:", '    author:\n      zh: "作者\\n第二行"\n      en: Author\n    date: 2018-05-27\n    structure:'), r"seeds/catalog.yaml:\d+: 'zh' of 'author' .* must be one line"),
    "catalog-creator-type": (lambda p: edit(p, CATALOG, "    date: 2018-05-27\n    structure:", "    creator:\n      type: company\n      zh: 某\n      en: X\n    date: 2018-05-27\n    structure:"), r"seeds/catalog.yaml:\d+: 'type' of the creator of .* not one of person, organization"),
    "catalog-creator-unknown-field": (lambda p: edit(p, CATALOG, "    date: 2018-05-27\n    structure:", "    creator:\n      type: person\n      zh: 某\n      en: Li Si\n      famly: Li\n    date: 2018-05-27\n    structure:"), r"seeds/catalog.yaml:\d+: unknown field 'famly' in 'creator' .*did you mean 'family'"),
    "catalog-creator-person-no-family": (lambda p: edit(p, CATALOG, "    date: 2018-05-27\n    structure:", "    creator:\n      type: person\n      zh: 李四\n      en: Li Si\n    date: 2018-05-27\n    structure:"), r"seeds/catalog.yaml:\d+: 'creator' of .* has no 'family'"),
    "catalog-creator-family-elsewhere": (lambda p: edit(p, CATALOG, "    date: 2018-05-27\n    structure:", "    creator:\n      type: person\n      zh: 李四\n      en: Li Si\n      family: Wang\n    date: 2018-05-27\n    structure:"), r"seeds/catalog.yaml:\d+: 'family' of the creator .* first or last word"),
    "catalog-creator-organisation-family": (lambda p: edit(p, CATALOG, "    date: 2018-05-27\n    structure:", "    creator:\n      type: organization\n      zh: 某社\n      en: Some Agency\n      family: Some\n    date: 2018-05-27\n    structure:"), r"seeds/catalog.yaml:\d+: an organisation has no 'family' name"),
    "catalog-creator-bidi": (lambda p: edit(p, CATALOG, "    date: 2018-05-27\n    structure:", '    creator:\n      type: organization\n      zh: "某\\u202E社"\n      en: X\n    date: 2018-05-27\n    structure:'), r"seeds/catalog.yaml:\d+: 'zh' of 'creator' .* U\+202E"),
    "catalog-slug-reserved": (lambda p: edit(p, CATALOG, "slug: sco-security-cooperation", "slug: index"), r"seeds/catalog.yaml:\d+: slug 'index' is reserved"),
    "catalog-slug-shape": (lambda p: edit(p, CATALOG, "slug: sco-security-cooperation", "slug: SCO_Security"), r"seeds/catalog.yaml:\d+: slug 'SCO_Security' must be lower-case"),
    "catalog-slug-markup": (lambda p: edit(p, CATALOG, "slug: sco-security-cooperation", 'slug: "a\\"><script>"'), r"seeds/catalog.yaml:\d+: slug .* must be lower-case"),
    "catalog-kind": (lambda p: edit(p, CATALOG, "slug: sco-security-cooperation\n    kind: commentary", "slug: sco-security-cooperation\n    kind: blog"), r"seeds/catalog.yaml:\d+: kind 'blog'"),
    "catalog-leads-text": (lambda p: edit(p, CATALOG, "    structure:\n      leads: true\n    copies:\n      - seed: 004", "    structure:\n      leads: 'yes'\n    copies:\n      - seed: 004"), r"seeds/catalog.yaml:\d+: 'leads' of .* true or false"),
    "catalog-no-copies": (lambda p: edit(p, CATALOG, "    copies:\n      - seed: 004_57f6c3e94606ab13.txt", "    copies: []\n    x_copies:\n      - seed: 004_57f6c3e94606ab13.txt"), r"seeds/catalog.yaml:\d+: unknown field 'x_copies'|needs a non-empty 'copies'"),
    "catalog-duplicate-key": (lambda p: edit(p, CATALOG, SCO_DATE, SCO_DATE + "        date: 2018-05-28\n"), r"seeds/catalog.yaml:\d+: malformed YAML: .*duplicate key 'date'"),
    "catalog-title-number": (lambda p: edit(p, CATALOG, "en: Xi Jinping Takes SCO Security Cooperation to a New Level", "en: 42"), r"seeds/catalog.yaml:\d+: 'en' of 'title' .* must be non-empty text"),
    # catalog: seed names
    "seed-name-backtick": (lambda p: edit(p, CATALOG, "seed: 004_57f6c3e94606ab13.txt", "seed: 004_`x`.txt"), r"seeds/catalog.yaml:\d+: seed '004_`x`.txt' must be a file name"),
    "seed-name-attribute": (lambda p: edit(p, CATALOG, "seed: 004_57f6c3e94606ab13.txt", "seed: '004 onmouseover=alert(1).txt'"), r"seeds/catalog.yaml:\d+: seed .* must be a file name"),
    "seed-name-path": (lambda p: edit(p, CATALOG, "seed: 004_57f6c3e94606ab13.txt", "seed: ../../etc/passwd.txt"), r"seeds/catalog.yaml:\d+: seed .* must be a file name"),
    "seed-name-hidden": (lambda p: edit(p, CATALOG, "seed: 004_57f6c3e94606ab13.txt", "seed: .hidden.txt"), r"seeds/catalog.yaml:\d+: seed .* must be a file name"),
    "seed-name-not-txt": (lambda p: edit(p, CATALOG, "seed: 004_57f6c3e94606ab13.txt", "seed: 004_57f6c3e94606ab13.html"), r"seeds/catalog.yaml:\d+: seed .* must be a file name"),
    # catalog: safe loading
    "catalog-alias-bomb": (lambda p: edit(p, CATALOG, "documents:\n", 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\ndocuments:\n'), r"seeds/catalog.yaml:\d+: malformed YAML: anchors and aliases"),
    "catalog-merge-key": (lambda p: edit(p, CATALOG, "    kind: commentary\n    title:\n      zh: 习近平", "    kind: commentary\n    <<: {series: {zh: 栏目, en: Series}}\n    title:\n      zh: 习近平"), r"seeds/catalog.yaml:\d+: malformed YAML: merge keys"),
    "catalog-deep-nesting": (lambda p: edit(p, CATALOG, SCO_DATE, SCO_DATE + "        byline: " + "[" * 5000 + "]" * 5000 + "\n"), r"seeds/catalog.yaml:\d+: malformed YAML: nested more than"),
    "catalog-python-tag": (lambda p: edit(p, CATALOG, SCO_DATE, SCO_DATE + "        byline: !!python/object/apply:os.system ['touch /tmp/pwned']\n"), r"seeds/catalog.yaml:\d+: malformed YAML: tags"),
    "catalog-not-utf8": (lambda p: (p / CATALOG).write_bytes((p / CATALOG).read_bytes().replace("艾森新闻网".encode(), "艾森新闻网".encode("gbk"))), r"seeds/catalog.yaml:\d+: file is not UTF-8"),
    "catalog-directory": (lambda p: ((p / CATALOG).unlink(), (p / CATALOG).mkdir()), r"seeds/catalog.yaml: file is a directory"),
    "catalog-oversized": (lambda p: append(p, CATALOG, "#" + "x" * (1 << 20) + "\n"), r"seeds/catalog.yaml: file is [\d,]+ bytes, more than the limit"),
    "catalog-missing": (lambda p: (p / CATALOG).unlink(), r"seeds/catalog.yaml: file does not exist"),
    "catalog-not-a-mapping": (lambda p: (p / CATALOG).write_text("- just\n- a list\n", encoding="utf-8"), r"seeds/catalog.yaml:1: catalog must be a mapping"),
    # seed files
    "seed-symlink-out": (lambda p: ((p / "seeds" / SEED).unlink(), os.symlink("/etc/passwd", p / "seeds" / SEED)), rf"seeds/{SEED}: seed is a link to /etc/passwd, outside seeds/"),
    "seed-broken-symlink": (lambda p: ((p / "seeds" / SEED).unlink(), os.symlink(p / "nowhere.txt", p / "seeds" / SEED)), rf"seeds/{SEED}: seed is a broken symbolic link"),
    "seed-directory": (lambda p: ((p / "seeds" / SEED).unlink(), (p / "seeds" / SEED).mkdir()), rf"seeds/{SEED}: seed is a directory"),
    "seed-oversized": (lambda p: (p / "seeds" / SEED).write_bytes((p / "seeds" / SEED).read_bytes() + "合作。".encode() * 300_000), rf"seeds/{SEED}: seed is [\d,]+ bytes, more than the limit"),
    "seed-unlisted-hostile-name": (lambda p: (p / "seeds" / "x`<img src=x>.txt").write_text("标题\n", encoding="utf-8"), r"seeds/x`<img src=x>.txt: seed file is not in the catalog"),
    # glossary
    "glossary-deleted": (lambda p: (p / GLOSSARY).unlink(), r"glossary/terms.yaml: the glossary file does not exist"),
    "glossary-defined-in-number": (lambda p: append(p, GLOSSARY, _term() + "    defined_in: 42\n"), r"glossary/terms.yaml:\d+: term 'test-term': 'defined_in' must be"),
    "glossary-defined-in-markup": (lambda p: append(p, GLOSSARY, _term() + "    defined_in: 'x#<script>'\n"), r"glossary/terms.yaml:\d+: term 'test-term': 'defined_in' must be"),
    "glossary-aliases-list": (lambda p: append(p, GLOSSARY, _term() + "    aliases: [别名甲, 别名乙]\n"), r"glossary/terms.yaml:\d+: term 'test-term': 'aliases' must be a mapping"),
    "glossary-aliases-misspelled": (lambda p: append(p, GLOSSARY, _term() + "    aliases:\n      zhh: [别名甲]\n"), r"glossary/terms.yaml:\d+: term 'test-term': unknown field 'zhh' in 'aliases' \(did you mean 'zh'\?\)"),
    "glossary-aliases-not-list": (lambda p: append(p, GLOSSARY, _term() + "    aliases:\n      zh: 别名甲\n"), r"glossary/terms.yaml:\d+: term 'test-term': 'zh' of 'aliases' must be a list"),
    "glossary-field-misspelled": (lambda p: append(p, GLOSSARY, _term() + "    aliasse:\n      zh: [别名甲]\n"), r"glossary/terms.yaml:\d+: term 'test-term': unknown field 'aliasse' \(did you mean 'aliases'\?\)"),
    "glossary-id-index": (lambda p: append(p, GLOSSARY, _term(id="index")), r"glossary/terms.yaml:\d+: term 'index': 'id' 'index' is reserved"),
    "glossary-id-markup": (lambda p: append(p, GLOSSARY, _term(id="'a\"><b>'")), r"glossary/terms.yaml:\d+: term .*'id' must be lower-case"),
    "glossary-one-character": (lambda p: append(p, GLOSSARY, _term(zh="的")), r"glossary/terms.yaml:\d+: term 'test-term': headword '的' must have at least 2 characters"),
    "glossary-one-character-alias": (lambda p: append(p, GLOSSARY, _term() + "    aliases:\n      zh: [国]\n"), r"glossary/terms.yaml:\d+: term 'test-term': alias '国' must have at least 2 characters"),
    "glossary-english-punctuation-only": (lambda p: append(p, GLOSSARY, _term(en="'***'")), r"glossary/terms.yaml:\d+: term 'test-term': headword '\*\*\*' must hold a letter"),
    "glossary-bidi-headword": (lambda p: append(p, GLOSSARY, _term(zh='"检验\\u202E词条"')), r"glossary/terms.yaml:\d+: term 'test-term': headword .* U\+202E"),
    "glossary-definition-missing": (lambda p: append(p, GLOSSARY, "  - id: test-term\n    zh: 检验词条\n    en: test term\n    definition:\n      zh: 只有中文。\n"), r"glossary/terms.yaml:\d+: term 'test-term': 'definition' needs"),
    "glossary-related-missing": (lambda p: append(p, GLOSSARY, _term() + "    related: [no-such-term]\n"), r"glossary/terms.yaml:\d+: term 'test-term': related term 'no-such-term' does not exist"),
    "glossary-duplicate-id": (lambda p: append(p, GLOSSARY, _term(id="global-security-initiative")), r"glossary/terms.yaml:\d+: term 'global-security-initiative': duplicate id"),
    "glossary-claimed-form": (lambda p: append(p, GLOSSARY, _term(zh="全球安全倡议")), r"glossary/terms.yaml:\d+: term 'test-term': '全球安全倡议' is already claimed"),
    "glossary-alias-bomb": (lambda p: edit(p, GLOSSARY, "terms:\n", 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nterms:\n'), r"glossary/terms.yaml:\d+: malformed YAML: anchors and aliases"),
    "glossary-deep-nesting": (lambda p: append(p, GLOSSARY, _term() + "    related: " + "[" * 3000 + "]" * 3000 + "\n"), r"glossary/terms.yaml:\d+: malformed YAML: nested more than"),
    "glossary-not-utf8": (lambda p: (p / GLOSSARY).write_bytes((p / GLOSSARY).read_bytes().replace("全球安全倡议".encode(), "全球安全倡议".encode("gb18030"), 1)), r"glossary/terms.yaml:\d+: file is not UTF-8"),
    "glossary-unknown-top-level": (lambda p: append(p, GLOSSARY, "term: []\n"), r"glossary/terms.yaml:\d+: unknown field 'term' in the glossary \(did you mean 'terms'\?\)"),
    "glossary-directory": (lambda p: ((p / GLOSSARY).unlink(), (p / GLOSSARY).mkdir()), r"glossary/terms.yaml: file is a directory"),
    # translations
    "translation-list": (lambda p: edit(p, TRANSLATION, '  p1:\n    zh: "ad4ec852785b"\n    en: "Security', '  p1:\n    zh: "ad4ec852785b"\n    en: [a, b]\n    # "Security'), r"seeds/translations/en/sco-security-cooperation.yaml:\d+: 'en' of block 'p1' must be text"),
    "translation-en-number": (lambda p: edit(p, TRANSLATION, '    en: "I. Continuing', '    en: 1.5\n    # "I. Continuing'), r"seeds/translations/en/sco-security-cooperation.yaml:\d+: 'en' of block 's1' must be text"),
    "translation-bad-id": (lambda p: append(p, TRANSLATION, '  "<img src=x onerror=alert(1)>":\n    zh: "ad4ec852785b"\n    en: x\n'), r"seeds/translations/en/sco-security-cooperation.yaml:\d+: block .*a block id is"),
    "translation-translator": (lambda p: edit(p, TRANSLATION, "translator: site", "translator: machine"), r"seeds/translations/en/sco-security-cooperation.yaml:\d+: translator must be one of"),
    "translation-misspelled": (lambda p: edit(p, TRANSLATION, '    en: "I. Continuing', '    eng: "I. Continuing'), r"seeds/translations/en/sco-security-cooperation.yaml:\d+: unknown field 'eng' in block 's1' \(did you mean 'en'\?\)"),
    "translation-bidi": (lambda p: edit(p, TRANSLATION, '    en: "I. Continuing', '    en: "\\u202EI. Continuing'), r"seeds/translations/en/sco-security-cooperation.yaml:\d+: 'en' of block 's1' holds the invisible character U\+202E"),
    "translation-fingerprint-number": (lambda p: edit(p, TRANSLATION, '  s1:\n    zh: "479b11b841b7"', "  s1:\n    zh: 479111841117"), r"seeds/translations/en/sco-security-cooperation.yaml:\d+: 'zh' of block 's1' must be the 12-digit fingerprint"),
    "translation-alias-bomb": (lambda p: edit(p, TRANSLATION, "translator: site", 'translator: site\nx: &a ["x","x","x"]\ny: [*a,*a,*a]'), r"seeds/translations/en/sco-security-cooperation.yaml:\d+: malformed YAML: anchors and aliases"),
    "translation-not-utf8": (lambda p: (p / TRANSLATION).write_bytes((p / TRANSLATION).read_bytes().replace("安全合作".encode(), "安全合作".encode("gbk"), 1)), r"seeds/translations/en/sco-security-cooperation.yaml:\d+: file is not UTF-8"),
    "translation-oversized": (lambda p: append(p, TRANSLATION, "#" + "x" * (5 << 20) + "\n"), r"seeds/translations/en/sco-security-cooperation.yaml: file is [\d,]+ bytes, more than the limit"),
    "translation-symlink-out": (lambda p: ((p / TRANSLATION).unlink(), os.symlink("/etc/hostname", p / TRANSLATION)), r"seeds/translations/en/sco-security-cooperation.yaml: file is a link to .* outside"),
    # register of published ids
    "register-not-utf8": (lambda p: (p / REGISTER).write_bytes(b'{"pages": {"\xff": []}}'), r"seeds/published-ids.json:1: file is not UTF-8"),
    "register-deep": (lambda p: (p / REGISTER).write_text('{"pages": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8"), r"seeds/published-ids.json: malformed JSON: nested more than"),
    "register-directory": (lambda p: ((p / REGISTER).unlink(), (p / REGISTER).mkdir()), r"seeds/published-ids.json: file is a directory"),
    "register-malformed": (lambda p: (p / REGISTER).write_text('{"pages": {', encoding="utf-8"), r"seeds/published-ids.json:1: malformed JSON"),
    "register-shape": (lambda p: (p / REGISTER).write_text('{"pages": {"texts/a/": "s1"}}', encoding="utf-8"), r"seeds/published-ids.json:1: expected"),
}


def checksums(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def corpus_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    """The README's build command (python -m corpus build) in ``project``."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", PYTHONPATH=str(project / "hooks"))
    return subprocess.run([sys.executable, "-m", "corpus", "build", str(site)], cwd=project, capture_output=True, text=True, env=env, timeout=600)


@pytest.fixture(scope="module")
def good_site(tmp_path_factory):
    """A site built by the README's command from the real project: the one a failed build must not touch."""
    tmp = tmp_path_factory.mktemp("good")
    project = copy_project(tmp / "project")
    site = tmp / "site"
    proc = corpus_build(project, site)
    assert proc.returncode == 0, proc.stderr
    return site


def test_refused_cases_are_many():
    assert len(REFUSED) >= 80


@pytest.mark.parametrize("case", sorted(REFUSED))
def test_refused_input_stops_with_one_line_and_leaves_the_site(tmp_path, good_site, case):
    change, expected = REFUSED[case]
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    shutil.copytree(good_site, site)
    before = checksums(site)
    change(project)
    proc = corpus_build(project, site)
    assert proc.returncode != 0, proc.stderr[-2000:]
    assert "Traceback" not in proc.stderr, proc.stderr[-3000:]
    errors = [line for line in proc.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, proc.stderr[-3000:]
    message = errors[0].split("-  ", 1)[1]
    assert re.match(expected, message), message
    assert checksums(site) == before, "the previous site changed"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site-")], "a temporary build folder was left"
    assert not Path("/tmp/pwned").exists()


def test_a_strict_warning_after_writing_leaves_the_previous_site(tmp_path, good_site):
    """A failure MkDocs raises only at the end of the build (a strict warning) leaves the old site too."""
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    shutil.copytree(good_site, site)
    before = checksums(site)
    (project / "docs" / "about.md").write_text("# 关于\n\n[断开的链接](no-such-page.md)\n", encoding="utf-8")
    proc = corpus_build(project, site)
    assert proc.returncode != 0 and "no-such-page.md" in proc.stderr
    assert checksums(site) == before


# --------------------------------------------------------------------------
# Shown literally: one project carrying every hostile text that the build accepts

X1 = '"><img src=x onerror=alert(1)>'
X2 = "</title><script>alert(2)</script>"
X3 = "<!--"
X4 = "{{ 7*7 }}{% raw %}"
X5 = "[点我](javascript:alert(3))"
X6 = "' onmouseover='alert(4)' x='"
X7 = "&lt;b&gt;"
X8 = "</script><script>alert(5)</script>"
X9 = "*强调* _x_ `代码` ~~删~~ ==标== ^上^"
X10 = "<svg/onload=alert(6)>"

#: An English sentence with no punctuation at all: text, not a site menu.
PLAIN_ENGLISH = "It is open to every country that wants to take part in it"


def _hostile_project(project: Path) -> None:
    """Every accepted hostile text, each in its own field."""
    cat = [
        ("title-zh-img", "      zh: 习近平推动上合组织安全合作迈上新台阶\n      en: Xi", f"      zh: '习近平推动上合组织安全合作{X1}'\n      en: Xi"),
        ("title-en-script", "en: Xi Jinping Takes SCO Security Cooperation to a New Level", f"en: 'Xi {X2} {X3} Takes SCO'"),
        ("source-zh-jinja", "          zh: 艾森新闻网", f"          zh: '艾森新闻网{X4}'"),
        ("source-en-link", "          en: Aisen News (aisen news website)", f"          en: 'Aisen {X5} News'"),
    ]
    for _, old, new in cat:
        edit(project, CATALOG, old, new)
    edit(project, CATALOG, SCO_ENTRY_DATE, f"    creator:\n      type: person\n      zh: '责任者{X8}'\n      en: 'Li {X10}'\n      family: Li\n" + SCO_ENTRY_DATE)
    edit(project, CATALOG, "sentence_title: Xi Jinping takes SCO security cooperation to a new level", f"sentence_title: 'Xi {X2} takes SCO'")
    edit(project, CATALOG, SCO_ENTRY_DATE, f"    author:\n      zh: \"作者{X6}\"\n      en: \"Author {X7} {X10}\"\n    series:\n      zh: '栏目{X8}'\n      en: 'Series {X9}'\n" + SCO_ENTRY_DATE)
    edit(project, CATALOG, SCO_DATE, SCO_DATE + "        url: https://example.org/a_(b)?c=1&d=2#e\n")
    seed = project / "seeds" / SEED
    text = seed.read_text(encoding="utf-8")
    first = "  安全合作是上合组织的“动力之源”。"
    assert first in text
    text = text.replace(first, f"  {X1}安全合作是上合组织的“动力之源”。", 1)
    marker = "二、推行综合施策、标本兼治的安全治理模式"
    body = [f"第{i}段：{x}合作。" for i, x in enumerate((X2, X3, X8, X10, X4, X5), 1)]
    text = text.replace(marker, "\n\n".join(body) + "\n\n数据来源：国家统计局年度数据，合作。\n\n数据来源：国家统计局\n\n" + marker, 1)
    seed.write_text(text, encoding="utf-8")
    path = project / TRANSLATION
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["blocks"]["s1"]["en"] = f"{X1} " + data["blocks"]["s1"]["en"]
    data["blocks"]["s1-p1"]["en"] = f"{X8} " + data["blocks"]["s1-p1"]["en"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    keyword = project / "seeds" / "000_fafd36b22b5c7d99.txt"
    text = keyword.read_text(encoding="utf-8")
    goal = "The goal of building a new type of security partnership"
    assert goal in text
    keyword.write_text(text.replace(goal, f"{PLAIN_ENGLISH}\n\n{goal}", 1), encoding="utf-8")
    # the seed's English half has one paragraph more: the block that it belongs to names it
    edit(project, "seeds/translations/en/new-type-security-partnership.yaml", "source: [en-p3]", "source: [en-p3, en-p4]")
    append(project, GLOSSARY, f"""  - id: hostile-term
    zh: 上合安全{X10}
    en: 'hostile {X2} term'
    aliases:
      zh: ['上合{X1}']
      en: []
    definition:
      zh: '定义{X8}{X3}'
      en: 'Definition {X1} {X9}'
""")


LITERAL = [
    ("catalog-title-zh", "texts/sco-security-cooperation/index.html", f"习近平推动上合组织安全合作{X1}"),
    ("catalog-title-en", "en/texts/sco-security-cooperation/index.html", f"Xi {X2} {X3} Takes SCO"),
    ("catalog-source-zh", "texts/sco-security-cooperation/index.html", f"艾森新闻网{X4}"),
    ("catalog-source-en", "en/texts/sco-security-cooperation/index.html", f"Aisen {X5} News"),
    ("catalog-author-zh", "texts/sco-security-cooperation/index.html", f"作者{X6}"),
    ("catalog-author-en", "en/texts/sco-security-cooperation/index.html", f"Author {X7} {X10}"),
    ("catalog-series-zh", "texts/sco-security-cooperation/index.html", f"栏目{X8}"),
    ("catalog-series-en", "en/texts/sco-security-cooperation/index.html", f"Series {X9}"),
    ("seed-first-paragraph", "texts/sco-security-cooperation/index.html", f"{X1}安全合作是上合组织"),
    ("seed-body-title-close", "texts/sco-security-cooperation/index.html", f"第1段：{X2}合作。"),
    ("seed-body-comment", "texts/sco-security-cooperation/index.html", f"第2段：{X3}合作。"),
    ("seed-body-script-close", "texts/sco-security-cooperation/index.html", f"第3段：{X8}合作。"),
    ("seed-body-svg", "texts/sco-security-cooperation/index.html", f"第4段：{X10}合作。"),
    ("seed-body-jinja", "texts/sco-security-cooperation/index.html", f"第5段：{X4}合作。"),
    ("seed-body-link", "texts/sco-security-cooperation/index.html", normalise_punctuation(f"第6段：{X5}合作。")),
    ("seed-body-source-sentence", "texts/sco-security-cooperation/index.html", "数据来源：国家统计局年度数据，合作。"),
    ("seed-body-source-line", "texts/sco-security-cooperation/index.html", "数据来源：国家统计局"),
    ("translation-heading", "en/texts/sco-security-cooperation/index.html", f"{X1} I. Continuing"),
    ("translation-paragraph", "en/texts/sco-security-cooperation/index.html", f"{X8} On 21 May 2014"),
    ("parallel-title", "texts/sco-security-cooperation/parallel/index.html", f"习近平推动上合组织安全合作{X1}"),
    ("parallel-translation", "en/texts/sco-security-cooperation/parallel/index.html", f"{X8} On 21 May 2014"),
    ("glossary-headword-zh", "glossary/hostile-term/index.html", f"上合安全{X10}"),
    ("glossary-headword-en", "en/glossary/hostile-term/index.html", f"hostile {X2} term"),
    ("glossary-alias", "glossary/hostile-term/index.html", f"上合{X1}"),
    ("glossary-definition-zh", "glossary/hostile-term/index.html", f"定义{X8}{X3}"),
    ("glossary-definition-en", "en/glossary/hostile-term/index.html", f"Definition {X1} {X9}"),
    ("glossary-index-zh", "glossary/index.html", f"上合安全{X10}"),
    ("glossary-index-en", "en/glossary/index.html", f"hostile {X2} term"),
    ("home-table-zh", "index.html", f"习近平推动上合组织安全合作{X1}"),
    ("home-table-en", "en/index.html", f"Xi {X2} {X3} Takes SCO"),
    ("keyword-entry-plain-english", "en/texts/new-type-security-partnership/index.html", PLAIN_ENGLISH),
]
#: Pages whose <title>, og:title and header show the catalog title literally.
TITLED = [
    ("texts/sco-security-cooperation/index.html", f"习近平推动上合组织安全合作{X1}"),
    ("en/texts/sco-security-cooperation/index.html", f"Xi {X2} {X3} Takes SCO"),
    ("texts/sco-security-cooperation/parallel/index.html", f"习近平推动上合组织安全合作{X1}"),
    ("en/texts/sco-security-cooperation/parallel/index.html", f"Xi {X2} {X3} Takes SCO"),
    ("glossary/hostile-term/index.html", f"上合安全{X10}"),
    ("en/glossary/hostile-term/index.html", f"hostile {X2} term"),
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile-data")
    project = copy_project(tmp / "project")
    _hostile_project(project)
    site = tmp / "site"
    proc = run_build(project, site)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return site


def _soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def _no_injected_markup(soup: BeautifulSoup) -> None:
    """None of the payloads became an element or an attribute."""
    assert not soup.select("img[onerror], svg[onload], [onmouseover]")
    for script in soup.find_all("script"):
        text = script.string or ""
        assert "alert(" not in text or script.get("type") == "application/json", text[:200]
    assert not soup.select('a[href^="javascript:"]')


def test_literal_cases_are_many():
    assert len(LITERAL) + len(TITLED) >= 30


@pytest.mark.parametrize("case,page,text", LITERAL, ids=[c for c, _, _ in LITERAL])
def test_hostile_text_shows_literally(hostile, case, page, text):
    soup = _soup(hostile, page)
    _no_injected_markup(soup)
    main = soup.select_one("article") or soup.select_one("main")
    shown = " ".join(main.get_text().split())
    assert text in shown, f"{text!r} not shown literally on {page}"


@pytest.mark.parametrize("page,title", TITLED)
def test_hostile_title_in_head_and_header_is_text(hostile, page, title):
    soup = _soup(hostile, page)
    _no_injected_markup(soup)
    assert soup.title.get_text().startswith(title)
    assert len(soup.find_all("title")) == 1  # nothing closed the title early
    og = soup.find("meta", attrs={"property": "og:title"})
    assert og["content"].startswith(title)
    assert title in " ".join(soup.select_one(".md-header__topic:last-child").get_text().split())
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert description and "<img" not in description or "&" not in description  # a value, read as text
    cite = soup.find("script", id="cite-data")
    if cite is not None:
        data = json.loads(cite.string)
        assert data["title"].startswith(title[:6])


def test_meta_description_of_a_hostile_first_paragraph_is_text(hostile):
    soup = _soup(hostile, "texts/sco-security-cooperation/index.html")
    description = soup.find("meta", attrs={"name": "description"})["content"]
    assert X1 in description
    assert soup.find("meta", attrs={"property": "og:description"})["content"] == description


def test_search_index_holds_the_hostile_text_escaped(hostile):
    index = json.loads((hostile / "search" / "search_index.json").read_text(encoding="utf-8"))
    texts = " ".join(d.get("title", "") + " " + d["text"] for d in index["docs"])
    assert "<img src=x onerror" not in texts and "<script>" not in texts
    assert "&lt;img src=x onerror" in texts


#: Every kind of page, in both languages.
PAGE_KINDS = [
    "", "about/", "cite/", "glossary/", "glossary/hostile-term/", "handout/?d=sco-security-cooperation.p1.s2&lang=both",
    "texts/sco-security-cooperation/", "texts/sco-security-cooperation/parallel/",
    "texts/global-security-initiative-concept-paper/versions/", "texts/global-security-initiative-concept-paper/others/",
]


def test_no_script_of_the_input_runs_on_any_page(hostile, browser):
    dialogs: list[str] = []
    with serve_folder(hostile) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(f"{page.url}: {d.message}"), d.dismiss()))
        for prefix in ("", "en/"):
            for kind in PAGE_KINDS:
                page.goto(base + prefix + kind)
                page.wait_for_load_state("load")
                page.mouse.move(300, 300)
                for selector in ("a.term", ".para-cite"):
                    if page.locator(selector).count():
                        page.locator(selector).first.hover()
                if page.locator(".para-cite").count():
                    page.locator(".para-cite").first.click()
                page.wait_for_timeout(150)
        page.goto(base + "texts/sco-security-cooperation/")
        page.locator("#p1").hover()
        page.locator("#p1 .para-handout").click()
        page.locator(".handout-bar a.handout-open").click()
        page.wait_for_selector("#handout-page[data-ready]")
        for style in ("gbt", "apa", "chicago"):
            page.select_option(".handout-tools select", style)
            page.wait_for_selector("#handout-page[data-ready]")
            assert f"责任者{X8}" in page.locator("#handout-page").inner_text() or "Li" in page.locator("#handout-page").inner_text()
        page.goto(base + "texts/sco-security-cooperation/")
        box = page.locator("input.md-search__input")
        box.click()
        box.fill("onerror")
        box.press("End")
        page.wait_for_timeout(1500)
        context.close()
    assert dialogs == []


def test_hostile_creator_and_title_stay_data_in_citations_and_reference_files(hostile):
    import bibtexparser
    import rispy

    cite = json.loads(_soup(hostile, "texts/sco-security-cooperation/index.html").find("script", id="cite-data").string)
    texts = [value for style in cite["styles"] for form in style["forms"] for kind, value in form["parts"] if kind != "v"]
    assert any(f"责任者{X8}" in t for t in texts)
    folder = hostile / "texts" / "sco-security-cooperation"
    library = bibtexparser.parse_string((folder / "sco-security-cooperation.bib").read_text(encoding="utf-8"))
    assert library.failed_blocks == [] and len(library.entries) == 1
    assert library.entries[0]["author"] == "{责任者" + X8 + "}"  # no BibTeX special character in X8
    [record] = rispy.loads((folder / "sco-security-cooperation.ris").read_text(encoding="utf-8"))
    assert record["authors"] == [f"责任者{X8}"] and record["title"].startswith("习近平推动上合组织安全合作")
    script = (folder / "passages.js").read_text(encoding="utf-8")
    assert "</script>" not in script and "\\u003c/script\\u003e" in script


@pytest.mark.parametrize("seed", ["000_fafd36b22b5c7d99.txt", SEED])
def test_nothing_of_a_hostile_seed_is_lost(hostile, seed):
    """Every Han character and Latin word of the edited seeds (the plain English sentence,
    the 数据来源 lines in the body, the markup) is on a page or in the removal record."""
    from corpus.build import build_corpus
    from test_clean import published_units

    project = hostile.parent / "project"
    corpus = build_corpus(project / "seeds")
    (d,) = [d for d in corpus.documents if seed in d.cleaned]
    seed_units, kept = published_units(d, seed, project / "seeds")
    assert kept == seed_units, (seed_units - kept, kept - seed_units)
    removed = " ".join(r.text for r in d.cleaned[seed].removals)
    assert PLAIN_ENGLISH not in removed and "数据来源" not in removed


# --------------------------------------------------------------------------
# Large input: builds (or is refused with one line) in linear time. The time is
# printed; the subprocess timeout only guards against a hang (quadratic
# cleaning took minutes for a 1.9 MB paragraph).

def _big_paragraph(project: Path) -> None:
    seed = project / "seeds" / SEED
    marker = "二、推行综合施策、标本兼治的安全治理模式"
    text = seed.read_text(encoding="utf-8").replace(marker, "安全合作，共同发展，" * 65_000 + "。\n\n" + marker, 1)
    seed.write_text(text, encoding="utf-8")


def _big_seed(project: Path) -> None:
    seed = project / "seeds" / SEED
    marker = "二、推行综合施策、标本兼治的安全治理模式"
    broken = "安全合作，共同发展\n\n" * 60_000  # 60,000 lines that the cleaner must rejoin
    seed.write_text(seed.read_text(encoding="utf-8").replace(marker, broken + "合作。\n\n" + marker, 1), encoding="utf-8")


def _big_translation(project: Path) -> None:
    path = project / TRANSLATION
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # about 1 MB after the block's own English (which keeps its terms and numbers for the terminology check)
    data["blocks"]["s1-p1"]["en"] += " Security cooperation, jointly pursued." * 27_000
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")


LARGE = {"paragraph-2mb": _big_paragraph, "seed-2mb": _big_seed, "translation-1mb": _big_translation}


@pytest.mark.parametrize("case", sorted(LARGE))
def test_large_input_builds(tmp_path, case):
    import time

    project = copy_project(tmp_path / "project")
    LARGE[case](project)
    sizes = {p.name: p.stat().st_size for p in (project / "seeds").rglob("*") if p.is_file()}
    start = time.perf_counter()
    proc = run_build(project, tmp_path / "site")
    print(f"{case}: largest input {max(sizes.values()):,} bytes, built in {time.perf_counter() - start:.1f} s")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert max(sizes.values()) > 900_000
