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
import sys
from pathlib import Path

from . import registry
from .build import build_corpus
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
        return 0
    for d in corpus.documents:
        for seed, cleaned in d.cleaned.items():
            if args.seed in seed:
                for step, n in sorted(cleaned.applied.items()):
                    print(f"{step:28} {n:4} times")
                for r in cleaned.removals:
                    print(f"  line {r.line:4}  {r.step:18} {r.text}")
                return 0
    print(f"error: no seed matching {args.seed!r}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
