"""The interface strings as data: one file per language, the same keys, clear errors; the traditional set made by conversion."""

from __future__ import annotations

import shutil

import pytest

from corpus import hant, strings
from corpus.errors import CorpusError


def test_every_language_has_the_same_keys():
    files = strings.load_files()
    assert set(files) == {"zh-Hans", "en"}

    def keys(d, prefix=""):
        return {prefix + k for k in d} | {kk for k, v in d.items() if isinstance(v, dict) for kk in keys(v, f"{prefix}{k}.")}

    assert keys(files["zh-Hans"]) == keys(files["en"])
    assert keys(strings.strings("zh-Hant")) == keys(files["zh-Hans"])


def test_the_traditional_strings_are_the_simplified_ones_converted():
    hans, hant_ = strings.strings("zh"), strings.strings(hant.HANT)
    assert hant_["language"] == "zh-Hant"
    assert hant_["pages"]["provenance"] == "出處" and hans["pages"]["provenance"] == "出处"
    assert hant_["scripts"]["cite"]["copy"] == "複製鏈接"
    assert hant_["pages"]["versions_intro"] == hant.s2t(hans["pages"]["versions_intro"])
    # placeholders survive the conversion
    assert "{title}" in hant_["pages"]["versions_title"]


def _folder_with(tmp_path, edit):
    folder = tmp_path / "strings"
    shutil.copytree(strings.FOLDER, folder)
    edit(folder)
    return folder


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda f: (f / "en.yaml").write_text((f / "en.yaml").read_text(encoding="utf-8").replace("  provenance: Provenance\n", ""), encoding="utf-8"),
         "strings/en.yaml:5: key 'pages.provenance': missing"),
        (lambda f: (f / "en.yaml").write_text((f / "en.yaml").read_text(encoding="utf-8") + "extra_key: x\n", encoding="utf-8"),
         "strings/en.yaml:{line}: key 'extra_key': not in the other languages’ files"),
        (lambda f: (f / "zh-Hans.yaml").write_text((f / "zh-Hans.yaml").read_text(encoding="utf-8").replace("  provenance: 出处\n", "  provenance: [1]\n"), encoding="utf-8"),
         "strings/zh-Hans.yaml:6: key 'pages.provenance': must be text"),
        (lambda f: (f / "en.yaml").write_text("- a list\n", encoding="utf-8"),
         "strings/en.yaml: expected a mapping of keys to strings"),
        (lambda f: (f / "en.yaml").write_text("a: [\n", encoding="utf-8"),
         "strings/en.yaml:"),
    ],
)
def test_a_bad_strings_file_is_named_with_its_key(tmp_path, edit, message):
    folder = _folder_with(tmp_path, edit)
    with pytest.raises(CorpusError) as err:
        strings.load_files(folder)
    if "{line}" in message:
        lines = (folder / "en.yaml").read_text(encoding="utf-8").count("\n")
        message = message.format(line=lines)
    assert str(err.value).startswith(message), str(err.value)


def test_the_scripts_read_their_labels_from_the_page(built_site):
    """Every page carries its language's script labels as JSON, escaped for a script element."""
    import json

    from bs4 import BeautifulSoup

    site = built_site["site"]
    for path, lang in (("index.html", "zh"), ("en/index.html", "en")):
        soup = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
        node = soup.find("script", id="ui-strings")
        assert node is not None, path
        assert json.loads(node.string) == strings.strings(lang)["scripts"]
