"""Steps on the finished site folder (hooks/corpus/postbuild.py) that the site tests do not single out."""

from __future__ import annotations

import gzip
import subprocess

from corpus.postbuild import minify_assets

SCRIPT = """/* A comment that explains the file.
 * Two lines of it.
 */
(function () {
  "use strict";
  // the greeting, with a "/* not a comment */" inside a string
  var text = "hello /* kept */ world";
  window.__minified = text + " " + 'it\\'s';
})();
"""
STYLE = """/* the colours */
.a  {
  color : #123456;   /* dark blue */
}
"""


def test_minify_assets_drops_comments_and_space_and_keeps_the_code(tmp_path):
    docs, site = tmp_path / "docs", tmp_path / "site"
    for root in (docs, site):
        (root / "assets" / "sub").mkdir(parents=True)
        (root / "assets" / "a.js").write_text(SCRIPT, encoding="utf-8")
        (root / "assets" / "sub" / "b.css").write_text(STYLE, encoding="utf-8")
        (root / "assets" / "c.min.js").write_text("/* keep */ var c = 1;\n", encoding="utf-8")
    (docs / "assets" / "not-copied.js").write_text("var x;  // x\n", encoding="utf-8")

    sizes = minify_assets(docs, site)

    assert set(sizes) == {"assets/a.js", "assets/sub/b.css"}
    js = (site / "assets" / "a.js").read_text(encoding="utf-8")
    assert "explains" not in js and "the greeting" not in js and "\n  " not in js
    assert '"hello /* kept */ world"' in js and "'it\\'s'" in js  # strings untouched
    assert (site / "assets" / "sub" / "b.css").read_text(encoding="utf-8") == ".a{color:#123456}"
    assert (site / "assets" / "c.min.js").read_text(encoding="utf-8") == "/* keep */ var c = 1;\n"
    assert not (site / "assets" / "not-copied.js").exists()
    assert (docs / "assets" / "a.js").read_text(encoding="utf-8") == SCRIPT  # the source keeps its comments
    for name, (before, after) in sizes.items():
        assert after == (site / name).stat().st_size and after < before
    # the minified script still runs and computes the same value as the source
    run = [subprocess.run(["node", "-e", "globalThis.window = globalThis;\n" + code + "\nconsole.log(window.__minified)"],
                          capture_output=True, text=True, check=True).stdout for code in (SCRIPT, js)]
    assert run[0] == run[1] == "hello /* kept */ world it's\n"


def test_the_site_ships_its_own_scripts_minified(built_site):
    site, project = built_site["site"], built_site["project"]
    sources = sorted((project / "docs" / "assets").glob("*.js")) + sorted((project / "docs" / "assets").glob("*.css"))
    assert len(sources) >= 5
    before = after = 0
    for source in sources:
        shipped = (site / "assets" / source.name).read_bytes()
        assert b"/*" not in shipped and b"\n  " not in shipped, source.name
        assert len(shipped) < source.stat().st_size, source.name
        before += len(gzip.compress(source.read_bytes(), 6))
        after += len(gzip.compress(shipped, 6))
    assert after < 0.8 * before, (before, after)
    assert "scripts and stylesheets minified" in built_site["log"]
