"""Command line: ``PYTHONPATH=hooks python -m corpus COMMAND``.

    build [SITE]    build the site strictly into site/ (replaced only when the build succeeds)
    register        add every id the build makes to seeds/published-ids.json
    translations    write or refresh the English translation files (keeps the English)
    bundle          build the offline site (file://) and zip it into dist/
    preview [SITE]  serve the built site like a static host (gzip, cache headers)
    explain SEED    show what cleaning removed from one seed, step by step
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from . import registry
from .build import build_corpus
from .clean import is_caption
from .errors import CorpusError

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m corpus")
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build the site strictly; site/ is replaced only when the build succeeds")
    build.add_argument("site", type=Path, nargs="?", default=ROOT / "site")
    sub.add_parser("register", help="add new ids to the register of published addresses")
    sub.add_parser("translations", help="write or refresh seeds/translations/en/<slug>.yaml skeletons")
    sub.add_parser("bundle", help="build the offline site and zip it into dist/")
    preview = sub.add_parser("preview", help="serve the built site like a static host, for measurement")
    preview.add_argument("site", type=Path, nargs="?", default=ROOT / "site")
    preview.add_argument("--port", type=int, default=8001)
    explain = sub.add_parser("explain", help="what cleaning removed from a seed")
    explain.add_argument("seed")
    args = parser.parse_args(argv)
    if args.command == "bundle":
        import subprocess

        from .bundle import build_bundle
        from .postbuild import size_label

        try:
            target = build_bundle(ROOT)
        except subprocess.CalledProcessError:
            print("error: the offline build failed (see above)", file=sys.stderr)
            return 1
        print(f"{target}: {size_label(target.stat().st_size)}")
        return 0
    if args.command == "build":
        from .sitebuild import build_site

        return build_site(ROOT, args.site)
    if args.command == "preview":
        from .preview import start

        if not (args.site / "index.html").exists():
            print(f"error: {args.site}/index.html not found: build the site first (mkdocs build)", file=sys.stderr)
            return 1
        server, url = start(args.site, args.port)
        print(f"serving {args.site} on {url} (gzip, cache headers); Ctrl-C stops")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        return 0
    try:
        corpus = build_corpus(args.seeds)
    except CorpusError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    if args.command == "register":
        path = args.seeds / registry.REGISTER_NAME
        old = registry.load_register(path)
        current = corpus.published()
        lost = registry.lost_ids(old, current)
        if lost:
            print(f"error: {len(lost)} published addresses would disappear: {', '.join(lost[:5])}", file=sys.stderr)
            return 1
        new = registry.new_ids(old, current)
        registry.write_register(path, registry.merged(old, current))
        print(f"{len(new)} new ids registered in {path}")
        return 0
    if args.command == "translations":
        from .translations import skeleton, translation_path

        for d in corpus.documents:
            path = translation_path(args.seeds, d.entry.slug)
            path.parent.mkdir(parents=True, exist_ok=True)
            docs = [d.doc] + [doc for _, _, doc in d.others]
            path.write_text(skeleton(docs, d.translation), encoding="utf-8")
            c = d.coverage
            print(f"{path}: {c.translated}/{c.total} translated, {len(c.stale)} stale, {len(c.missing)} missing")
            if d.auto_aligned:
                english = [b for b in d.source_en.blocks if b.kind == "para"]
                print(f"  the seed's own English ({len(english)} paragraphs) aligned by length with its "
                      f"{len(d.doc.blocks)} Chinese blocks (translator: source): review the file"
                      + ("" if len(english) == len(d.doc.blocks) else "; the counts differ"))
        return 0
    cleaned_by_seed = {seed: cleaned for d in corpus.documents for seed, cleaned in d.cleaned.items()}
    found = matching_seeds(args.seed, cleaned_by_seed)
    if len(found) != 1:
        shown = f": {', '.join(found)}" if found else f" (seeds: {', '.join(sorted(cleaned_by_seed))})"
        print(f"error: {len(found) or 'no'} seed{'s' if len(found) != 1 else ''} matching {args.seed!r}{shown}", file=sys.stderr)
        return 1
    cleaned = cleaned_by_seed[found[0]]
    print(f"{found[0]}: what cleaning did")
    for step, n in sorted(cleaned.applied.items()):
        print(f"{step:28} {n:4} times")
    for r in cleaned.removals:
        print(f"  line {r.line:4}  {r.step:18} {r.text}")
    suspects = [(p.line, why, p.text) for p in cleaned.body for why in [looks_like_furniture(p.text)] if why]
    print(f"kept lines that look like furniture ({len(suspects)}): check them before publishing")
    for line, why, text in suspects:
        print(f"  line {line:4}  {why:18} {text[:80]}")
    return 0


def matching_seeds(wanted: str, seeds) -> list[str]:
    """The seeds that ``wanted`` names: its exact file name, its name without ``.txt``, or its
    number (the part before the first ``_``, with or without leading zeros); never a part of the
    hash (``006`` is not ``003_d0351cc10067d099.txt``, whose hash holds "006").

    >>> matching_seeds("006", ["003_d0351cc10067d099.txt", "006_aa.txt"])
    ['006_aa.txt']
    >>> matching_seeds("6", ["003_d0351cc10067d099.txt", "006_aa.txt"])
    ['006_aa.txt']
    >>> matching_seeds("003_d0351cc10067d099", ["003_d0351cc10067d099.txt"])
    ['003_d0351cc10067d099.txt']
    >>> matching_seeds("0351", ["003_d0351cc10067d099.txt"])
    []
    """
    wanted = wanted.strip()
    out = []
    for seed in sorted(seeds):
        number = seed.split("_", 1)[0].removesuffix(".txt")
        if wanted in (seed, seed.removesuffix(".txt")) or (
            wanted.isdigit() and number.isdigit() and int(wanted) == int(number)
        ):
            out.append(seed)
    return out


_SENTENCE_END = re.compile(r"[。！？；：.!?;:…”」』）)]$")
_FURNITURE_WORDS = re.compile(r"版权|copyright|©|ICP|备案|责任编辑|编辑[:：]|来源[:：]|扫码|二维码|分享到|打印|关闭|收藏|纠错", re.I)


def looks_like_furniture(text: str) -> str:
    """Why a kept body line looks like page furniture (empty if it does not): a link, a copyright or
    credit word, separators between short words, or a short line without sentence punctuation.

    >>> looks_like_furniture("首页 | 新闻 | 评论 | 图片")
    'separators'
    >>> looks_like_furniture("版权所有 中国网")
    'furniture word'
    >>> looks_like_furniture("各国应当坚持共同、综合、合作、可持续的安全观。")
    ''
    """
    t = text.strip()
    if is_caption(t):
        return ""  # a photo caption is kept on purpose, and shown as one
    if re.search(r"https?://|www\.", t):
        return "address"
    if _FURNITURE_WORDS.search(t) and len(t) < 60:
        return "furniture word"
    if re.search(r"\s[|｜/·]\s|[|｜]", t):
        return "separators"
    if len(t) <= 20 and not _SENTENCE_END.search(t) and not re.match(r"^[（(]?[一二三四五六七八九十\d]+[）)、.．]", t):
        return "short, no punctuation"
    return ""


if __name__ == "__main__":
    sys.exit(main())
