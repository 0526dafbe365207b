"""The benchmark's report: a Markdown table of the figures, the targets as PASS/FAIL, and an SVG plot.

Plain data in (one ``Row`` per corpus size, plus the linker and serve
timings), text out; nothing here measures anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Row:
    """Everything measured for one corpus size."""

    documents: int
    terms: int
    pages: int
    build_s: float
    no_hooks_s: float
    build_cpu_s: float
    no_hooks_cpu_s: float
    hooks_s: float
    hook_events: dict[str, float]
    peak_mb: float
    site_bytes: int
    page_html_gzip: int
    page_total_gzip: int
    generated_page_total_gzip: int | None
    page_search_gzip: int
    index_raw: dict[str, int]
    index_gzip: dict[str, int]
    index_text: dict[str, int]
    bundle_bytes: int | None
    unfound: tuple[str, ...]
    hooks_added: float  # the time the hooks add, as a fraction: median over back-to-back pairs of builds
    hooks_added_cpu: float  # the same in CPU time, which the machine's other work disturbs less
    keystroke_median_ms: float = 0.0  # last keystroke to first result on the page weighed (search loaded)
    keystroke_max_ms: float = 0.0

    def index_ratio(self, lang: str) -> float:
        return self.index_raw[lang] / max(self.index_text[lang], 1)


@dataclass(frozen=True)
class Target:
    what: str
    figure: str
    passed: bool | None  # None: not measured in this run

    @property
    def verdict(self) -> str:
        return "n/a" if self.passed is None else ("PASS" if self.passed else "FAIL")


def _kb(n: float) -> str:
    return f"{n / 1000:,.1f}"


def _mb(n: float) -> str:
    return f"{n / 1_000_000:,.1f}"


def figures_table(rows: list[Row]) -> str:
    """One column per corpus size."""
    lines = [
        ("documents (glossary terms)", lambda r: f"{r.documents:,} ({r.terms:,})"),
        ("HTML pages, both languages", lambda r: f"{r.pages:,}"),
        ("`mkdocs build`, s (median)", lambda r: f"{r.build_s:.1f}"),
        ("… of which in the hooks (their imports and events), s", lambda r: f"{r.hooks_s:.1f}"),
        ("… by event, s", lambda r: " · ".join(f"{k.removeprefix('on_')} {v:.1f}" for k, v in sorted(r.hook_events.items(), key=lambda kv: -kv[1])[:4])),
        ("same Markdown without the hooks, s", lambda r: f"{r.no_hooks_s:.1f}"),
        ("time the hooks add (CPU time), median of pairs", lambda r: f"{100 * r.hooks_added:+.0f} % ({100 * r.hooks_added_cpu:+.0f} %)"),
        ("CPU time with / without the hooks, s", lambda r: f"{r.build_cpu_s:.1f} / {r.no_hooks_cpu_s:.1f}"),
        ("peak memory, MB", lambda r: f"{r.peak_mb:,.0f}"),
        ("site size, MB", lambda r: _mb(r.site_bytes)),
        ("one document page, HTML gzip, KB", lambda r: _kb(r.page_html_gzip)),
        ("… with its CSS and JS, gzip, KB", lambda r: _kb(r.page_total_gzip)),
        ("… and a first search adds (worker, index, lunr, vocabulary), gzip, KB", lambda r: _kb(r.page_search_gzip)),
        ("last keystroke to results, median / slowest, ms", lambda r: f"{r.keystroke_median_ms:,.0f} / {r.keystroke_max_ms:,.0f}"),
        ("a generated document page with its CSS and JS, gzip, KB", lambda r: _kb(r.generated_page_total_gzip) if r.generated_page_total_gzip else "none"),
        ("search index zh / en, raw, MB", lambda r: f"{_mb(r.index_raw['zh'])} / {_mb(r.index_raw['en'])}"),
        ("search index zh / en, gzip, MB", lambda r: f"{_mb(r.index_gzip['zh'])} / {_mb(r.index_gzip['en'])}"),
        ("indexed text zh / en, MB", lambda r: f"{_mb(r.index_text['zh'])} / {_mb(r.index_text['en'])}"),
        ("index / text zh / en", lambda r: f"{r.index_ratio('zh'):.2f} / {r.index_ratio('en'):.2f}"),
        ("offline bundle, MB", lambda r: _mb(r.bundle_bytes) if r.bundle_bytes else "not built"),
    ]
    return sizes_table(rows, lines)


def sizes_table(rows, lines) -> str:
    """A Markdown table with a column per corpus size (each row has ``documents``) and a line per
    ``(label, cell)``, where ``cell(row)`` is the text of that line's cell for one size."""
    out = ["| | " + " | ".join(f"{r.documents:,} documents" for r in rows) + " |", "| --- |" + " ---: |" * len(rows)]
    out += [f"| {label} | " + " | ".join(cell(r) for r in rows) + " |" for label, cell in lines]
    return "\n".join(out)


def targets(rows: list[Row], linking: dict[int, dict[str, float]], serve: list[float]) -> list[Target]:
    """The targets of the benchmark, each with the figure it was judged on."""
    small, big = rows[0], rows[-1]
    thousand = next((r for r in rows if r.documents >= 1000), None)
    worst = max(rows, key=lambda r: r.hooks_added_cpu)
    figure = f"{100 * worst.hooks_added_cpu:+.0f} % CPU time ({100 * worst.hooks_added:+.0f} % wall), the most at {worst.documents:,} documents"
    out = [Target("hooks add at most 15 % to the build of the same Markdown (CPU time)", figure, worst.hooks_added_cpu <= 0.15)]
    if thousand:
        ok = thousand.build_s <= 90 and thousand.peak_mb < 2000
        out.append(Target("1,000 documents build in ≤ 90 s, peak memory < 2 GB", f"{thousand.build_s:.0f} s, {thousand.peak_mb:,.0f} MB", ok))
    else:
        out.append(Target("1,000 documents build in ≤ 90 s, peak memory < 2 GB", "not measured (--quick)", None))
    if linking:
        sizes = sorted(linking)
        ratio = linking[sizes[-1]]["ratio"]
        figure = (
            " / ".join(f"{linking[n]['linking'] * 1000:,.0f} ms" for n in sizes)
            + f" for {' / '.join(f'{n:,}' for n in sizes)} terms: ×{ratio:.2f}, median of rounds (building the automata, once per build: "
            + " / ".join(f"{linking[n]['automata'] * 1000:,.0f} ms" for n in sizes)
            + ")"
        )
        out.append(Target(f"linking with {sizes[-1]:,} terms costs ≤ 1.2 × {sizes[0]:,} terms", figure, ratio <= 1.2))
    growth = big.page_total_gzip / small.page_total_gzip
    out.append(Target(
        f"one document page: ≤ 1.1 × between {small.documents:,} and {big.documents:,} documents, < 100 KB gzip",
        f"×{growth:.2f}; {_kb(big.page_total_gzip)} KB",
        growth <= 1.1 and max(r.page_total_gzip for r in rows) < 100_000,
    ))
    html_growth = big.page_html_gzip / small.page_html_gzip
    out.append(Target(
        f"one document page's HTML (gzip, navigation included): ≤ 1.1 × between {small.documents:,} and {big.documents:,} documents",
        f"×{html_growth:.3f}; " + " / ".join(f"{_kb(r.page_html_gzip)}" for r in rows) + " KB",
        html_growth <= 1.1,
    ))
    if thousand:
        out.append(Target(
            "at 1,000 documents a first search downloads ≤ 1,662 KB gzip and shows results ≤ 100 ms after the last keystroke",
            f"{_kb(thousand.page_search_gzip)} KB; {thousand.keystroke_median_ms:,.0f} ms median, {thousand.keystroke_max_ms:,.0f} ms slowest",
            thousand.page_search_gzip <= 1_662_000 and thousand.keystroke_max_ms <= 100,
        ))
    ratio = max(r.index_ratio(lang) for r in rows for lang in ("zh", "en"))
    unfound = sorted({q for r in rows for q in r.unfound})
    figure = f"≤ {ratio:.2f} × the text; " + (f"not found: {', '.join(unfound)}" if unfound else "every browser-test query found")
    out.append(Target("search index ≤ 1.5 × the indexed text; the test queries still found", figure, ratio <= 1.5 and not unfound))
    if serve:
        worst_serve = max(serve)
        out.append(Target("`mkdocs serve` shows an edited seed within 3 s", " / ".join(f"{s:.1f} s" for s in serve), worst_serve <= 3))
    else:
        out.append(Target("`mkdocs serve` shows an edited seed within 3 s", "not measured", None))
    return out


def targets_table(items: list[Target]) -> str:
    out = ["| target | measured | |", "| --- | --- | --- |"]
    out += [f"| {t.what} | {t.figure} | **{t.verdict}** |" for t in items]
    return "\n".join(out)


def _polyline(points: list[tuple[float, float]], colour: str, dashed: bool = False) -> str:
    coords = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
    dash = ' stroke-dasharray="5 4"' if dashed else ""
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"/>' for x, y in points)
    return f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"{dash}/>{dots}'


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2 or 5 times a power of ten that is at least ``value`` (the top of an axis).

    >>> nice_ceiling(93.9), nice_ceiling(286.4), nice_ceiling(0)
    (100, 500, 1)
    """
    import math

    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(m * power for m in (1, 2, 5, 10) if m * power >= value)


def chart(title: str, unit: str, xs: list[int], series: dict[str, list[float]], left: float) -> str:
    """One panel: the series against the corpus size (log scale), placed at ``left``."""
    import math

    width, height, pad = 300, 200, 40
    top = nice_ceiling(max(max(v) for v in series.values()))
    lo, hi = math.log10(min(xs)), math.log10(max(xs))
    x = lambda n: left + pad + (math.log10(n) - lo) / ((hi - lo) or 1) * (width - 1.5 * pad)  # noqa: E731
    y = lambda v: 30 + height - v / top * height  # noqa: E731
    parts = [f'<text x="{left + pad}" y="18" font-weight="bold">{escape(title)}</text>']
    parts.append(f'<line x1="{left + pad}" y1="{30 + height}" x2="{left + width}" y2="{30 + height}" stroke="#888"/>')
    parts.append(f'<line x1="{left + pad}" y1="30" x2="{left + pad}" y2="{30 + height}" stroke="#888"/>')
    for n in xs:
        parts.append(f'<text x="{x(n):.1f}" y="{height + 46}" text-anchor="middle">{n:,}</text>')
    for v in (0, top / 2, top):
        parts.append(f'<text x="{left + pad - 4}" y="{y(v) + 4:.1f}" text-anchor="end">{v:,.0f}</text>')
    parts.append(f'<text x="{left + pad + 4}" y="42" fill="#555">{escape(unit)}</text>')
    colours = ("#3f51b5", "#e65100", "#2e7d32")
    for i, (name, values) in enumerate(series.items()):
        parts.append(_polyline([(x(n), y(v)) for n, v in zip(xs, values)], colours[i % 3], dashed=i > 0))
        parts.append(f'<text x="{left + pad + 8}" y="{60 + 14 * i}" fill="{colours[i % 3]}">{escape(name)}</text>')
    parts.append(f'<text x="{left + pad + (width - pad) / 2}" y="{height + 62}" text-anchor="middle" fill="#555">documents (log scale)</text>')
    return "".join(parts)


def plot(rows: list[Row]) -> str:
    """Build time and site size against the number of documents, as an SVG image."""
    xs = [r.documents for r in rows]
    time_panel = chart("Build time", "seconds", xs, {
        "mkdocs build": [r.build_s for r in rows],
        "without the hooks": [r.no_hooks_s for r in rows],
        "in the hooks": [r.hooks_s for r in rows],
    }, 0)
    size_panel = chart("Site size", "MB", xs, {
        "site": [r.site_bytes / 1e6 for r in rows],
        "search indexes (raw)": [sum(r.index_raw.values()) / 1e6 for r in rows],
    }, 330)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="660" height="270" font-family="sans-serif" font-size="11">'
        f'<rect width="660" height="270" fill="white"/>{time_panel}{size_panel}</svg>\n'
    )


def markdown(rows: list[Row], items: list[Target], notes: list[str]) -> str:
    """The whole report: figures, targets and how the run was made."""
    return (
        "# Benchmark results\n\n"
        + figures_table(rows)
        + "\n\n"
        + targets_table(items)
        + "\n\n![Build time and site size against the number of documents](plot.svg)\n\n"
        + "".join(f"- {n}\n" for n in notes)
    )
