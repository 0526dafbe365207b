"""Publishing: page metadata, robots.txt, the sitemap, a sub-path build and the Pages workflow."""

from __future__ import annotations

import re

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import ROOT, copy_project, run_build

DOC = "texts/global-security-initiative-concept-paper/"


def head(site, rel):
    return BeautifulSoup((site / rel / "index.html").read_text(encoding="utf-8"), "html.parser").head


@pytest.mark.parametrize("rel", ["", "en/", DOC, "en/" + DOC, DOC + "parallel/", "glossary/", "en/glossary/new-type-security-partnership/",
                                 "zh-Hant/", "zh-Hant/" + DOC, "zh-Hant/glossary/new-type-security-partnership/"])
def test_every_page_has_its_own_metadata(built_site, rel):
    h = head(built_site["site"], rel)
    description = h.find("meta", attrs={"name": "description"})["content"]
    assert 20 < len(description) <= 150
    assert h.find("link", rel="canonical")["href"] == f"https://example.org/{rel}"
    og = {m["property"]: m["content"] for m in h.find_all("meta", property=re.compile("^og:"))}
    assert og["og:url"] == f"https://example.org/{rel}"
    assert og["og:description"] == description and og["og:title"]
    assert og["og:locale"] == ("en_GB" if rel.startswith("en/") else "zh_TW" if rel.startswith("zh-Hant/") else "zh_CN")
    # hreflang alternates are in the sitemap, not in the head (see overrides/main.html)
    assert h.find("link", rel="alternate") is None


def test_document_description_names_the_document_and_begins_its_text(built_site, corpus):
    d = next(d for d in corpus.documents if d.entry.slug == "global-security-initiative-concept-paper")
    zh = head(built_site["site"], DOC).find("meta", attrs={"name": "description"})["content"]
    en = head(built_site["site"], "en/" + DOC).find("meta", attrs={"name": "description"})["content"]
    assert zh.startswith(f"{d.entry.title.zh}（{d.entry.base.source.zh}，{d.entry.date}）：{d.doc.paragraphs()[0].text[:10]}")
    assert en.startswith(f"{d.entry.title.en} (") and d.entry.date in en


def test_descriptions_differ_between_pages(built_site):
    site = built_site["site"]
    seen = {}
    for page in site.rglob("index.html"):
        h = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").head
        seen.setdefault(h.find("meta", attrs={"name": "description"})["content"], []).append(page)
    shared = {k: v for k, v in seen.items() if len(v) > 1}
    assert shared == {}, {k[:40]: [str(p.relative_to(site)) for p in v] for k, v in shared.items()}


def test_sitemap_covers_both_languages_with_hreflang(built_site):
    text = (built_site["site"] / "sitemap.xml").read_text(encoding="utf-8")
    locs = re.findall(r"<loc>([^<]+)</loc>", text)
    assert f"https://example.org/{DOC}" in locs and f"https://example.org/en/{DOC}" in locs
    assert f'hreflang="en" href="https://example.org/en/{DOC}"' in text
    assert f'hreflang="zh-Hans" href="https://example.org/{DOC}"' in text
    assert f'hreflang="zh-Hant" href="https://example.org/zh-Hant/{DOC}"' in text
    robots = (built_site["site"] / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://example.org/sitemap.xml" in robots.splitlines()


def test_a_sub_path_build_keeps_every_address_under_it(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    proc = run_build(project, site, env={"SITE_URL": "https://owner.example.io/gsi/"})
    assert proc.returncode == 0, proc.stderr
    assert head(site, "en/" + DOC).find("link", rel="canonical")["href"] == f"https://owner.example.io/gsi/en/{DOC}"
    assert "Sitemap: https://owner.example.io/gsi/sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")
    assert f"<loc>https://owner.example.io/gsi/{DOC}</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    # the 404 pages are served at any depth: their links are absolute, under the sub-path
    for page, home in (("404.html", "/gsi/"), ("en/404.html", "/gsi/en/"), ("zh-Hant/404.html", "/gsi/zh-Hant/")):
        soup = BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")
        assert soup.select_one("article a")["href"] == home
        assert soup.select_one("link[rel=stylesheet]")["href"].startswith("/gsi/assets/")


def test_pages_workflow_builds_with_the_readme_command_and_uploads_site_and_bundle():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = [s.get("run") for s in steps if s.get("run")]
    assert runs == ["bash .ci/site build"]
    assert "bash .ci/site" in (ROOT / "README.md").read_text(encoding="utf-8")
    uploads = {s["uses"].split("@")[0]: s["with"]["path"] for s in steps if "upload" in s.get("uses", "")}
    assert uploads == {"actions/upload-pages-artifact": "site", "actions/upload-artifact": "dist/gsi-reference-offline.zip"}
    assert "SITE_URL" in next(s for s in steps if s.get("run"))["env"]
    assert workflow["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")
