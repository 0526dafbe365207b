"""Generated projects for the benchmark: the real site with N documents and T glossary terms.

Every generated document is made the way an editor adds one: a raw seed file,
an entry in ``seeds/catalog.yaml``, a translation file aligned by block id and
the new ids added to ``seeds/published-ids.json``. Its text is the real
corpus's: Chinese paragraphs of the real documents, shuffled into new
documents under real section headings, each with its real English
translation. The four real documents stay in every corpus (the glossary
refers to their paragraphs), so a corpus of 10 holds 4 real and 6 generated.

Generated glossary terms are phrases of the real text paired with phrases of
the real English, and beyond 200 terms compounds of the text's words (see
``term_forms``), with the real definitions reused.

Everything is written into a copy of the project in a temporary folder; the
repository is never written.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from corpus import registry
from corpus.build import Corpus, build_corpus, build_document
from corpus.catalog import load_catalog
from corpus.clean import RUNNING, TERMINAL
from corpus.translations import Entry as TranslationEntry
from corpus.translations import Translation, fingerprint, skeleton, translation_path

ROOT = Path(__file__).resolve().parents[1]
#: What a build needs (as tests/conftest.py copies it); generated pages are left behind.
PROJECT_PARTS = ("mkdocs.yml", "docs", "seeds", "hooks", "overrides", "glossary")
GENERATED_FOLDERS = ("texts", "glossary", "downloads")
CN_NUMERALS = "一二三四五六七八九十"
ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_PART_PREFIX = re.compile(r"^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)")
_EN_PREFIX = re.compile(r"^([IVX]+\.|\(\d+\))\s*")
_HAN_RUN = re.compile(r"^[\u4e00-\u9fff]+$")
_EN_WORD = re.compile(r"[A-Za-z]+")
#: Words a glossary phrase neither starts nor ends with.
_ZH_FUNCTION = set("的了和与及是在对把将为以之其并而或也")
_EN_FUNCTION = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "is", "it", "of", "on", "or", "the", "to", "with", "that", "this", "its", "be"}


@dataclass(frozen=True)
class Pools:
    """Real text to build documents and terms from: (Chinese, English) pairs."""

    paragraphs: tuple[tuple[str, str], ...]
    headings: tuple[tuple[str, str], ...]
    sources: tuple[tuple[str, str], ...]
    definitions: tuple[tuple[str, str], ...]


def real_pools(corpus: Corpus) -> Pools:
    """The real corpus's translated paragraphs and short headings, its sources and definitions.

    Only paragraphs that stay one paragraph wherever they are put are used:
    ending in sentence punctuation, not starting with a part or item number.
    """
    paragraphs, headings = [], []
    for d in corpus.documents:
        for zh, en in zip(d.doc.blocks, d.en_doc.blocks):
            if en.lang != "en":
                continue
            if zh.kind == "para" and zh.text[-1] in TERMINAL and not _PART_PREFIX.match(zh.text) and len(zh.text) > 40:
                paragraphs.append((zh.text, en.text))
            elif zh.kind == "heading":
                text, english = _PART_PREFIX.sub("", zh.text), _EN_PREFIX.sub("", en.text)
                if 2 < len(text) <= 30 and not any(p in text for p in RUNNING):
                    headings.append((text, english))
    sources = tuple(sorted({(c.source.zh, c.source.en) for d in corpus.documents for c in d.entry.copies}))
    definitions = tuple((t.definition_zh, t.definition_en) for t in corpus.terms)
    return Pools(tuple(paragraphs), tuple(sorted(set(headings))), sources, definitions)


def copy_project(dest: Path) -> Path:
    """A copy of the project's build inputs in ``dest``, without generated pages."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        src = ROOT / part
        if src.is_dir():
            skip = shutil.ignore_patterns("__pycache__", *(GENERATED_FOLDERS if part == "docs" else ()))
            shutil.copytree(src, dest / part, ignore=skip)
        else:
            shutil.copy2(src, dest / part)
    (dest / "node_modules").symlink_to(ROOT / "node_modules")  # the offline bundle's shim
    return dest


@dataclass(frozen=True)
class Planned:
    """One generated document: catalog fields and its sections of (Chinese, English) text."""

    number: int
    title: tuple[str, str]
    source: tuple[str, str]
    date: str
    sections: tuple[tuple[tuple[str, str], tuple[tuple[str, str], ...]], ...]

    @property
    def slug(self) -> str:
        return f"generated-{self.number:04d}"

    @property
    def seed(self) -> str:
        return f"g{self.number:04d}_generated.txt"


def plan_document(number: int, pools: Pools, rng: random.Random) -> Planned:
    """A document of 3 to 5 parts of 2 to 6 paragraphs (the real documents average 17 paragraphs)."""
    parts = rng.sample(pools.headings, rng.randint(3, 5))
    sections = tuple((h, tuple(rng.sample(pools.paragraphs, rng.randint(2, 6)))) for h in parts)
    lead = parts[0]
    title = (f"{lead[0]}（第{number}篇）", f"{lead[1]} (no. {number})")
    date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    return Planned(number, title, rng.choice(pools.sources), date.isoformat(), sections)


def seed_text(plan: Planned) -> str:
    """The raw seed: a site menu line, the title, then numbered parts and their paragraphs."""
    lines = ["首页 > 文献 >", "", plan.title[0], ""]
    for i, ((heading, _), paras) in enumerate(plan.sections):
        lines += [f"{CN_NUMERALS[i]}、{heading}", ""]
        for zh, _ in paras:
            lines += [zh, ""]
    return "\n".join(lines)


def catalog_entry(plan: Planned) -> dict:
    """The document's entry in seeds/catalog.yaml."""
    source = {"zh": plan.source[0], "en": plan.source[1]}
    return {
        "slug": plan.slug,
        "kind": "commentary",
        "title": {"zh": plan.title[0], "en": plan.title[1]},
        "date": plan.date,
        "copies": [{"seed": plan.seed, "title": plan.title[0], "source": source, "date": plan.date}],
    }


def english_by_text(plan: Planned) -> dict[str, str]:
    """Chinese text -> its English, for every heading and paragraph of the plan."""
    out = {}
    for i, ((heading, heading_en), paras) in enumerate(plan.sections):
        out[f"{CN_NUMERALS[i]}、{heading}"] = f"{ROMAN[i]}. {heading_en}"
        out.update(paras)
    return out


def add_documents(project: Path, count: int, pools: Pools, rng: random.Random) -> list[Planned]:
    """Add ``count`` generated documents to the project's seeds, catalog, translations and register."""
    seeds = project / "seeds"
    plans = [plan_document(n, pools, rng) for n in range(1, count + 1)]
    catalog = yaml.safe_load((seeds / "catalog.yaml").read_text(encoding="utf-8"))
    for plan in plans:
        (seeds / plan.seed).write_text(seed_text(plan), encoding="utf-8")
        catalog["documents"].append(catalog_entry(plan))
    (seeds / "catalog.yaml").write_text(yaml.safe_dump(catalog, allow_unicode=True, sort_keys=False), encoding="utf-8")
    entries = {e.slug: e for e in load_catalog(seeds)}
    built = []
    for plan in plans:
        d = build_document(entries[plan.slug], seeds)
        english = english_by_text(plan)
        missing = [b.id for b in d.doc.blocks if b.text not in english]
        if missing:
            raise ValueError(f"{plan.seed}: cleaning changed blocks {missing[:3]}; the paragraph pool needs a stricter filter")
        blocks = {b.id: TranslationEntry(zh=fingerprint(b.text), en=english[b.text]) for b in d.doc.blocks}
        path = translation_path(seeds, plan.slug)
        path.write_text(skeleton([d.doc], Translation(plan.slug, "site", blocks, str(path))), encoding="utf-8")
        built.append(d)
    register_path = seeds / registry.REGISTER_NAME
    published = Corpus(documents=built, pages={}).published()
    registry.write_register(register_path, registry.merged(registry.load_register(register_path), published))
    return plans


def _zh_words(paragraphs: list[str]) -> list[list[str]]:
    """Each paragraph cut into words by jieba (as the search index cuts it)."""
    import jieba

    return [list(jieba.cut(text)) for text in paragraphs]


def _zh_phrases(cut: list[list[str]]) -> list[str]:
    """Runs of one to four words of the text: 2 to 8 Han characters, no function word at either end."""
    found = set()
    for words in cut:
        for n in (1, 2, 3, 4):
            for i in range(len(words) - n + 1):
                run = words[i : i + n]
                phrase = "".join(run)
                if 2 <= len(phrase) <= 8 and _HAN_RUN.match(phrase) and run[0][0] not in _ZH_FUNCTION and run[-1][-1] not in _ZH_FUNCTION:
                    found.add(phrase)
    return sorted(found)


def _en_phrases(paragraphs: list[str]) -> list[str]:
    """Runs of one to four English words that neither start nor end with a function word."""
    found = set()
    for text in paragraphs:
        words = _EN_WORD.findall(text)
        for n in (1, 2, 3, 4):
            for i in range(len(words) - n + 1):
                run = words[i : i + n]
                if len(" ".join(run)) >= 5 and run[0].lower() not in _EN_FUNCTION and run[-1].lower() not in _EN_FUNCTION:
                    found.add(" ".join(run).lower())
    return sorted(found)


#: Generated terms taken from the text's own phrases; every further term is a new compound.
PHRASE_TERMS = 115


def _as_frequent(candidates: list[str], paragraphs: list[str], wanted: list[int], rng: random.Random) -> list[str]:
    """One candidate per number in ``wanted``, found in that many paragraphs (or the nearest fewer)."""
    by_count: dict[int, list[str]] = {}
    for phrase in candidates:
        by_count.setdefault(sum(phrase in p for p in paragraphs), []).append(phrase)
    for bucket in by_count.values():
        rng.shuffle(bucket)
    chosen = []
    for n in wanted:
        count = max((c for c in by_count if 0 < c <= n and by_count[c]), default=None)
        if count is None:
            raise ValueError(f"no phrase of the text is left that occurs in {n} paragraphs or fewer")
        chosen.append(by_count[count].pop())
    return chosen


def _forms(term: dict, lang: str) -> list[str]:
    return [term[lang], *(term.get("aliases") or {}).get(lang, [])]


def term_forms(real: list[dict], pools: Pools, count: int) -> list[tuple[str, str]]:
    """``count`` new (Chinese, English) term forms; a longer list starts with the shorter one.

    The first ``PHRASE_TERMS`` (with the 85 real terms, a glossary of 200) are
    phrases of the text, each found in as many paragraphs as a real term (the
    real terms' counts, in turn), so that a page has as many term links per
    paragraph as with the real glossary. Further ones are compounds of two of
    the text's words in each language (安全平台, "security platform"), as a
    glossary grown for other documents would add: some occur in this text,
    most do not. So the glossaries of 200, 1,000 and 5,000 terms are nested,
    and linking the same text with them compares like with like.
    """
    rng = random.Random(8)
    zh_text = [z for z, _ in pools.paragraphs]
    en_text = [e.casefold() for _, e in pools.paragraphs]
    taken = {("zh", f) for t in real for f in _forms(t, "zh")} | {("en", f.casefold()) for t in real for f in _forms(t, "en")}
    cut = _zh_words(zh_text)
    zh = [p for p in _zh_phrases(cut) if ("zh", p) not in taken]
    en = [p for p in _en_phrases(en_text) if ("en", p) not in taken]
    counts = {
        lang: [sum(any(f.casefold() in p for f in _forms(t, lang)) for p in text) or 1 for t in real]
        for lang, text in (("zh", [z.casefold() for z in zh_text]), ("en", en_text))
    }
    wanted = [rng.randrange(len(real)) for _ in range(PHRASE_TERMS)]
    forms = list(zip(
        _as_frequent(zh, zh_text, [counts["zh"][i] for i in wanted], rng),
        _as_frequent(en, en_text, [counts["en"][i] for i in wanted], rng),
    ))
    taken |= {("zh", z) for z, _ in forms} | {("en", e) for _, e in forms}
    zh_words = sorted({w for words in cut for w in words if 2 <= len(w) <= 4 and _HAN_RUN.match(w) and w[0] not in _ZH_FUNCTION and w[-1] not in _ZH_FUNCTION})
    en_words = sorted({w for e in en_text for w in _EN_WORD.findall(e) if len(w) >= 4 and w not in _EN_FUNCTION})
    while len(forms) < count:
        z, e = "".join(rng.sample(zh_words, 2)), " ".join(rng.sample(en_words, 2))
        if ("zh", z) not in taken and ("en", e) not in taken:
            taken |= {("zh", z), ("en", e)}
            forms.append((z, e))
    return forms[:count]


def generated_terms(real: list[dict], pools: Pools, count: int) -> list[dict]:
    """``count`` new glossary terms (see ``term_forms``), with the real definitions reused."""
    terms = []
    for n, (zh, en) in enumerate(term_forms(real, pools, count), start=1):
        definition = pools.definitions[n % len(pools.definitions)]
        terms.append({"id": f"generated-term-{n:04d}", "zh": zh, "en": en, "definition": {"zh": definition[0], "en": definition[1]}})
    return terms


def set_glossary(project: Path, pools: Pools, size: int) -> int:
    """Make the project's glossary/terms.yaml hold the real terms plus generated ones, ``size`` in all."""
    path = project / "glossary" / "terms.yaml"
    real = yaml.safe_load((ROOT / "glossary" / "terms.yaml").read_text(encoding="utf-8"))["terms"]
    for term in real:  # generated terms that hold a real one move its first use: the build would refuse it
        term.pop("defined_in", None)
    terms = real + generated_terms(real, pools, max(0, size - len(real)))
    path.write_text(yaml.safe_dump({"terms": terms}, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return len(terms)


def make_project(dest: Path, documents: int, terms: int, pools: Pools, seed: int = 8) -> Path:
    """A copy of the project with ``documents`` documents (the real ones included) and ``terms`` terms."""
    project = copy_project(dest)
    real = len(load_catalog(project / "seeds"))
    add_documents(project, max(0, documents - real), pools, random.Random(seed))
    set_glossary(project, pools, terms)
    return project
