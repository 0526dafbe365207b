"""Work on the built site folder after MkDocs and static-i18n have written it.

* ``split_search_index``: static-i18n writes one search index for all languages,
  so a reader of the Chinese pages gets English results and the other way round.
  Each language gets its own index under its own folder (the English pages look
  for theirs under ``en/``; see ``overrides/main.html``).
* ``install_shim``: the offline bundle's copy of iframe-worker's shim, taken from
  node_modules (installed by ``.ci/setup``), never from the network.
* ``minify_assets``: the site's own scripts and stylesheet, without their
  comments and indentation (Material's are minified already).
* ``robots_txt``: let every crawler in and point it at the sitemap (which
  lists both languages and their hreflang alternates).
* ``bundle_size_label``: the size of the offline bundle for the download link.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
from pathlib import Path

from .errors import CorpusError
from .hant import HANT, to_traditional
from .search_passages import add_passages, add_synonyms, term_table

SHIM_SOURCE = Path("node_modules/iframe-worker/shim/index.js")
SHIM_TARGET = Path("assets/vendor/iframe-worker/shim.js")
BUNDLE_NAME = "gsi-reference-offline.zip"


def split_search_index(
    site_dir: Path, languages: list[str], *, inline: bool, terms: list | None = None, exceptions: tuple = (),
    simplified_terms: list | None = None,
) -> dict[str, int]:
    """Write ``search/search_index.json`` per language; return documents per index.

    The default language keeps the root index; a language ``xx`` gets
    ``xx/search/search_index.json`` with its locations made relative to ``xx/``.
    With ``inline`` (the offline bundle) each index is also written as the
    ``search_index.js`` script that Material loads under file://.

    Before that the index is shaped for readers (``search_passages``): a
    passage entry per paragraph with an id, the names of ``terms`` (the
    glossary's, as ``(location, forms)``) and English spelling variants as
    synonyms, and no glossary index page (a wall of every headword: its
    terms are found through their own pages).

    The traditional edition (``zh-Hant``) has an index of its own, of its own (traditional) text.
    Its words are the simplified words converted (jieba cuts simplified text, not traditional),
    and a query typed in simplified characters on its pages is converted before it is searched:
    the vocabulary carries the conversion of every character of the index (and of the words
    whose phrase-level conversion differs from their characters'), OpenCC's, with the
    edition's ``exceptions`` (hant.py). ``terms`` then hold the Chinese forms in both scripts, and
    ``simplified_terms`` (the same terms, in the same order) the simplified forms only, for the
    vocabulary of the simplified and English search, which never meets a traditional form.
    """
    root = Path(site_dir) / "search" / "search_index.json"
    if not root.exists():
        return {}
    index = json.loads(root.read_text(encoding="utf-8"))
    docs = [d for d in index.get("docs", []) if not _is_glossary_index(d["location"], languages)]
    docs = add_passages(docs, functools.partial(_read_page, Path(site_dir)), unsegmented=(f"{HANT}/",))
    docs = add_synonyms(docs, terms or [])
    # The words jieba cut go into the vocabulary; the index goes out without the
    # U+200B between them (a third of the Chinese index's bytes): the search script
    # cuts the text again with the vocabulary, as it cuts queries, before the
    # worker indexes it (docs/assets/search-zh.js: makeCutter).
    hant_prefix = f"{HANT}/"
    vocabulary = index_words([d for d in docs if not d["location"].startswith(hant_prefix)])
    conversion, hant_words = None, set()
    if HANT in languages:
        conversion = query_conversion(vocabulary, [d for d in docs if not d["location"].startswith(tuple(f"{x}/" for x in languages))], exceptions)
        hant_words = {to_traditional(w, exceptions) for w in vocabulary}
    docs = [dict(d, title=d.get("title", "").replace(_BREAK, ""), text=d.get("text", "").replace(_BREAK, "")) for d in docs]
    counts: dict[str, int] = {}
    prefixes = [f"{lang}/" for lang in languages]
    default_docs = [d for d in docs if not d["location"].startswith(tuple(prefixes))]
    outputs = {Path(site_dir) / "search": default_docs}
    counts["default"] = len(default_docs)
    for lang, prefix in zip(languages, prefixes):
        own = [dict(d, location=d["location"][len(prefix):]) for d in docs if d["location"].startswith(prefix)]
        outputs[Path(site_dir) / lang / "search"] = own
        counts[lang] = len(own)
    for folder, entries in outputs.items():
        folder.mkdir(parents=True, exist_ok=True)
        config = dict(index.get("config", {}))
        # No stemmer: Material adds a trailing wildcard to every query term, and
        # a stemmed query prefix ("legitim*") misses words that were indexed
        # unstemmed, so "legitimate" found nothing. Chinese has no stems anyway.
        config["pipeline"] = ["trimmer"]
        # The synonyms are indexed like the text (and never shown).
        config["fields"] = dict(config.get("fields") or {}, syn={"boost": 1.0})
        if folder != Path(site_dir) / "search" and folder.parent.name != HANT:  # the traditional index: as the simplified one
            lang = folder.parent.name
            config["lang"] = [lang] if lang in config.get("lang", []) else config.get("lang", [])
            # No trimmer: lunr's English trimmer strips every Han character, and
            # the synonyms of an English page hold the Chinese names of its terms.
            config["pipeline"] = ["stopWordFilter"]
        if folder == Path(site_dir) / "search":
            write_vocabulary(folder, vocabulary, term_table(simplified_terms if simplified_terms is not None else terms or []))
        elif folder.parent.name == HANT:  # its own words, and the conversion of a simplified query
            write_vocabulary(folder, hant_words, term_table(terms or []), conversion)
        data = json.dumps(dict(index, config=config, docs=compact_entries(entries)), ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, encoding="utf-8")
        if inline:
            (folder / "search_index.js").write_text(f"var __index = {data}", encoding="utf-8")
    return counts


_BREAK = "\u200b"


def _is_glossary_index(location: str, languages: list[str]) -> bool:
    """Whether an index entry belongs to the glossary's index page (in any language).

    >>> [_is_glossary_index(x, ["en"]) for x in ("glossary/", "en/glossary/#a", "glossary/index.html", "glossary/sco/")]
    [True, True, True, False]
    """
    path = location.split("#", 1)[0]
    for lang in languages:
        if path.startswith(f"{lang}/"):
            path = path[len(lang) + 1 :]
    return path in ("glossary/", "glossary/index.html", "glossary.html")


def _read_page(site_dir: Path, location: str) -> str | None:
    """The built HTML of the page at ``location`` (a directory URL or a file), or None."""
    path = location.split("#", 1)[0]
    target = site_dir / (path + "index.html" if path == "" or path.endswith("/") else path)
    try:
        return target.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def compact_entries(entries: list[dict]) -> list[dict]:
    """The index's entries written short: an entry of the same page as the one before it keeps only
    its ``#fragment``, and an empty title is left out. ``docs/assets/search-zh.js`` (``expandIndex``)
    restores both before the worker reads the entries: at 1,000 documents the passages' repeated
    page addresses and empty titles were 0.8 MB of the Chinese index.

    >>> compact_entries([{"location": "t/a/", "title": "A", "text": ""}, {"location": "t/a/#p1", "title": "", "text": "x"},
    ...                  {"location": "t/b/#p1", "title": "", "text": "y"}])
    [{'location': 't/a/', 'title': 'A', 'text': ''}, {'location': '#p1', 'text': 'x'}, {'location': 't/b/#p1', 'text': 'y'}]
    """
    out = []
    page = None
    for entry in entries:
        short = dict(entry)
        location = entry["location"]
        here, sep, fragment = location.partition("#")
        if sep and here == page:
            short["location"] = "#" + fragment
        page = here
        if short.get("title") == "":
            del short["title"]
        out.append(short)
    return out


_HAN_WORD = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}")


def index_words(entries: list[dict]) -> set[str]:
    """The Chinese words of the index's entries, as jieba cut them (U+200B between them)."""
    words: set[str] = set()
    for doc in entries:
        for field in ("title", "text", "syn"):
            for token in re.split(r"[\s\u200b]+", re.sub(r"<[^>]+>", " ", doc.get(field, ""))):
                words.update(_HAN_WORD.findall(token))
    return words


def query_conversion(words: set[str], entries: list[dict], exceptions: tuple = ()) -> dict[str, dict[str, str]]:
    """What the search script needs to convert a simplified query to traditional characters.

    ``chars``: every Han character of the simplified index whose traditional form differs (OpenCC's
    conversion of the character alone); ``words``: the index's words (and the exceptions) whose
    conversion as a phrase differs from their characters' (头发 → 頭髮, not 頭發). The script
    converts a query by longest word, then character by character.

    >>> query_conversion({"头发", "发展"}, [{"title": "", "text": "头发与发展"}])
    {'chars': {'与': '與', '发': '發', '头': '頭'}, 'words': {'头发': '頭髮'}}
    """
    chars: dict[str, str] = {}
    for entry in entries:
        for field in ("title", "text"):
            for ch in _HAN_CHAR.findall(entry.get(field, "")):
                if ch not in chars:
                    chars[ch] = to_traditional(ch, exceptions)
    for word in words:
        for ch in word:
            if ch not in chars:
                chars[ch] = to_traditional(ch, exceptions)
    found = {}
    for word in sorted(words | {e.simplified for e in exceptions}):
        whole = to_traditional(word, exceptions)
        if whole != "".join(chars.get(ch, ch) for ch in word):
            found[word] = whole
    return {"chars": {k: v for k, v in sorted(chars.items()) if v != k}, "words": found}


_HAN_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def write_vocabulary(
    folder: Path, words: set[str], terms: dict[str, str] | None = None, conversion: dict | None = None
) -> int:
    """The Chinese words of the index (``index_words``), for cutting queries and the index's text,
    and the glossary's table of term forms (``search_passages.term_table``).

    ``docs/assets/search-zh.js`` cuts a Chinese query and the index's text into these
    words by longest match, so that both meet, and turns a term named in any form into
    its token. Written as a script (``window.__searchVocabulary``, ``window.__searchTerms``)
    so that it also loads under file://; one file for the simplified and the English search, and
    one for the traditional edition's (``zh-Hant/search/vocabulary.js``: its words, and the table
    that converts a simplified query, ``conversion``).
    """
    data = json.dumps(sorted(words), ensure_ascii=False, separators=(",", ":"))
    table = json.dumps(dict(sorted((terms or {}).items())), ensure_ascii=False, separators=(",", ":"))
    text = f"window.__searchVocabulary = {data};\nwindow.__searchTerms = {table};\n"
    if conversion is not None:  # the traditional edition's query conversion (query_conversion)
        text += f"window.__searchHant = {json.dumps(conversion, ensure_ascii=False, separators=(',', ':'))};\n"
    (folder / "vocabulary.js").write_text(text, encoding="utf-8")
    return len(words)


def minify_assets(docs_dir: Path, site_dir: Path) -> dict[str, tuple[int, int]]:
    """Minify the copies in the site of our own ``.js`` and ``.css`` files (docs/assets/); return bytes before and after.

    The sources keep their comments, which explain why each piece exists;
    the reader does not need them. Every page loads these five files, and
    minified they weigh 3.4 KB less (gzip). rjsmin and rcssmin only drop
    comments and white space, so the code is the same. A file the build did
    not copy (or an already minified ``.min.`` file) is left alone.
    """
    import rcssmin
    import rjsmin

    minifiers = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}
    sizes: dict[str, tuple[int, int]] = {}
    source_root = Path(docs_dir) / "assets"
    for source in sorted(source_root.rglob("*")) if source_root.is_dir() else []:
        minify = minifiers.get(source.suffix)
        target = Path(site_dir) / "assets" / source.relative_to(source_root)
        if minify is None or ".min." in source.name or not target.is_file():
            continue
        text = target.read_text(encoding="utf-8")
        small = minify(text)
        if source.suffix == ".js":  # rjsmin keeps no final newline; a file ends with one
            small += "\n"
        target.write_text(small, encoding="utf-8")
        sizes[target.relative_to(site_dir).as_posix()] = (len(text.encode()), len(small.encode()))
    return sizes


def install_shim(project_dir: Path, site_dir: Path) -> None:
    source = Path(project_dir) / SHIM_SOURCE
    if not source.exists():
        raise CorpusError(str(SHIM_SOURCE), "iframe-worker is not installed; run `bash .ci/setup` (npm ci) first")
    target = Path(site_dir) / SHIM_TARGET
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def robots_txt(site_url: str | None) -> str:
    """The site's robots.txt: everything may be crawled; where the sitemap is.

    >>> print(robots_txt("https://example.org/gsi/"), end="")
    User-agent: *
    Allow: /
    Sitemap: https://example.org/gsi/sitemap.xml
    """
    lines = ["User-agent: *", "Allow: /"]
    if site_url:
        lines.append(f"Sitemap: {site_url.rstrip('/')}/sitemap.xml")
    return "\n".join(lines) + "\n"


def size_label(size: int) -> str:
    """Human size: ``1.4 MB``.

    >>> size_label(1_468_006)
    '1.5 MB'
    >>> size_label(900)
    '0.9 KB'
    """
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB"
    return f"{size / 1000:.1f} KB"
