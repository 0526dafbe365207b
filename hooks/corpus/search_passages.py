"""Shape the search index for readers: a passage per paragraph, names in every form.

Material's search plugin makes one entry per page and per section (heading).
``add_passages`` gives every paragraph with a permanent id (``<p id="…">``)
an entry of its own, linking to ``page/#id``; the heading's entry keeps its
title (headings stay searchable) and the paragraphs' text moves to the
passages. A passage has no title of its own (a title weighs a thousand times
the text in Material's ranking, so a heading repeated on every paragraph would
rank all of a section's paragraphs for a word of its heading). It follows its
heading's entry, so ``docs/assets/search-zh.js`` shows that heading as its title
(kept once in the index, not on every passage).

``add_synonyms`` gives each entry a ``syn`` field (indexed like the text,
never shown): the token of every glossary term that occurs in it in any form,
in either language (上合组织 / 上海合作组织 / SCO / Shanghai Cooperation
Organisation: one word, ``term_token``), and the other spelling of each English
word with a British / American variant (organisation / organization, defence /
defense, centre / center). ``term_table`` maps every form to its token; the
search script turns a query that names a term in any form into the token, so
each form finds the passages of all the others. Term pages also carry ``names`` (all
the term's forms, case-folded), so that the search puts a term's page first
when the query is one of its names.

All data in and out is plain: lists of index entries (dicts) and strings.
"""

from __future__ import annotations

import copy
import functools

import html
import re
from html.parser import HTMLParser

_HEADING = {"h1", "h2", "h3", "h4", "h5", "h6"}
_BREAK = "\u200b"
_WORD = re.compile(r"[A-Za-z][A-Za-z'’]*")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


class _Blocks(HTMLParser):
    """Headings with an id and paragraphs with an id inside the page's ``<article>``, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[dict] = []
        self._current: dict | None = None
        self._depth = 0  # nesting inside the current block
        self._in_article = 0
        self._skip = 0  # inside a headerlink anchor

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self._in_article += 1
        if not self._in_article:
            return
        if self._current is not None:
            if tag == self._current["tag"]:
                self._depth += 1
            if tag == "a" and "headerlink" in (attrs.get("class") or ""):
                self._skip += 1
            elif self._skip:
                self._skip += 1
            return
        if (tag in _HEADING or tag == "p") and attrs.get("id"):
            self._current = {"tag": tag, "kind": "p" if tag == "p" else "h", "id": attrs["id"], "text": []}
            self._depth = 0

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article = max(0, self._in_article - 1)
        if self._current is None:
            return
        if self._skip:
            self._skip -= 1
            return
        if tag == self._current["tag"]:
            if self._depth:
                self._depth -= 1
                return
            text = re.sub(r"\s+", " ", "".join(self._current["text"])).strip()
            self.blocks.append({"kind": self._current["kind"], "id": self._current["id"], "text": text})
            self._current = None

    def handle_data(self, data):
        if self._current is not None and not self._skip:
            self._current["text"].append(data)


def page_blocks(page_html: str) -> list[dict]:
    """The headings and paragraphs with ids of a page: ``{"kind": "h"|"p", "id", "text"}`` (plain text).

    >>> page_blocks('<article><h2 id="s1">一、总则<a class="headerlink" href="#s1">¶</a></h2>'
    ...             '<p id="s1-p1">和平 <a href="x">&lt;共享&gt;</a></p><p>no id</p></article>')
    [{'kind': 'h', 'id': 's1', 'text': '一、总则'}, {'kind': 'p', 'id': 's1-p1', 'text': '和平 <共享>'}]
    """
    parser = _Blocks()
    parser.feed(page_html)
    parser.close()
    return parser.blocks


def segment_chinese(text: str) -> str:
    """Han runs cut into words joined by U+200B, the way Material's search plugin indexes them."""
    try:
        import jieba
    except ImportError:
        return text
    return re.sub(
        r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+",
        lambda m: _BREAK + _BREAK.join(jieba.cut(m.group(0))) + _BREAK,
        text,
    ).strip(_BREAK)


def passage_text(plain: str, segment=segment_chinese) -> str:
    """A paragraph's index text: escaped (the index holds HTML) and segmented, in a ``<p>``.

    >>> passage_text("a < b", segment=lambda s: s)
    '<p>a &lt; b</p>'
    """
    return f"<p>{segment(html.escape(plain, quote=False))}</p>"


def _without(text: str, passages: list[str]) -> str:
    """``text`` without the ``<p>`` blocks that are passages now (compared without U+200B).

    >>> _without("<p>​和平</p> <p>x</p>", ["<p>和平</p>"])
    '<p>x</p>'
    """
    gone = {p.replace(_BREAK, "") for p in passages}
    chunks = re.split(r"(<p>.*?</p>)", text, flags=re.S)
    kept = [c for c in chunks if c.replace(_BREAK, "") not in gone]
    return re.sub(r"\s{2,}", " ", "".join(kept)).strip()


def reshape_page(entries: list[dict], blocks: list[dict], segment=segment_chinese) -> list[dict]:
    """One page's entries (article first, then its sections) with a passage entry after its heading for every paragraph.

    The article and section entries lose the text of their paragraphs (now in
    the passages); what else they hold (a page's provenance, a list) stays.

    >>> entries = [{"location": "d/", "title": "D", "text": "<p>x</p> <p>a</p>"},
    ...            {"location": "d/#s1", "title": "S1", "text": "<p>b</p>"}]
    >>> blocks = [{"kind": "p", "id": "p1", "text": "a"}, {"kind": "h", "id": "s1", "text": "S1"},
    ...           {"kind": "p", "id": "s1-p1", "text": "b"}]
    >>> for e in reshape_page(entries, blocks, segment=lambda s: s): print(e)
    {'location': 'd/', 'title': 'D', 'text': '<p>x</p>'}
    {'location': 'd/#p1', 'title': '', 'text': '<p>a</p>'}
    {'location': 'd/#s1', 'title': 'S1', 'text': ''}
    {'location': 'd/#s1-p1', 'title': '', 'text': '<p>b</p>'}
    """
    article, *sections = entries
    page = article["location"].split("#")[0]
    by_id = {e["location"].split("#", 1)[1]: e for e in sections if "#" in e["location"]}
    groups: list[tuple[dict, list[dict]]] = [(article, [])]
    for block in blocks:
        if block["kind"] == "h":
            entry = by_id.get(block["id"])
            if entry is not None:
                groups.append((entry, []))
            continue
        passage = {"location": f"{page}#{block['id']}", "title": "", "text": passage_text(block["text"], segment)}
        groups[-1][1].append(passage)
    seen = {id(g[0]) for g in groups}
    out: list[dict] = []
    for entry, passages in groups:
        out.append(dict(entry, text=_without(entry.get("text", ""), [p["text"] for p in passages])) if passages else entry)
        out.extend(passages)
    out.extend(e for e in sections if id(e) not in seen)  # sections whose heading the parse did not see
    return out


def _same(text: str) -> str:
    return text


def add_passages(docs: list[dict], read_page, unsegmented: tuple[str, ...] = ()) -> list[dict]:
    """The index's entries with passage entries for every page that has paragraphs with ids.

    ``read_page(location)`` returns the built HTML of a page (or None).
    Entries of one page are consecutive, article first (Material's order).
    The passages of pages whose location starts with one of ``unsegmented`` are not cut
    into words (the traditional edition's: jieba cuts simplified text; see postbuild).
    """
    out: list[dict] = []
    i = 0
    while i < len(docs):
        page = docs[i]["location"].split("#")[0]
        j = i + 1
        while j < len(docs) and "#" in docs[j]["location"] and docs[j]["location"].split("#")[0] == page:
            j += 1
        entries = docs[i:j]
        source = read_page(page) if "#" not in docs[i]["location"] else None
        segment = _same if unsegmented and page.startswith(unsegmented) else segment_chinese
        out.extend(_page_passages(entries, source, segment))
        i = j
    return out


#: ``mkdocs serve`` (corpus/servecache.py) sets a dict here: a page's entries are then reshaped again
#: only when its entries, its HTML or jieba's dictionary changed since the last rebuild.
memo: dict | None = None


def _page_passages(entries: list[dict], source: str | None, segment) -> list[dict]:
    """One page's entries with its passages (``reshape_page``), or as they are for a page without paragraphs."""
    key = None
    if memo is not None:
        from .servecache import digest, segmenter_state

        key = digest(entries, source or "", segment.__name__, segmenter_state())
        slot = entries[0]["location"] if entries else ""
        held = memo.get(slot)
        if held is not None and held[0] == key:
            return copy.deepcopy(held[1])
    blocks = page_blocks(source) if source and '<p id="' in source else []
    result = reshape_page(entries, blocks, segment) if any(b["kind"] == "p" for b in blocks) else entries
    if memo is not None:
        memo[slot] = (key, copy.deepcopy(result))
    return result


# British ending -> American ending, at the end of a word. Each pair is used
# both ways. (Kept short: a variant is added to the index for every word that
# ends so, and a wrong one is only an unused word.)
SPELLING_ENDINGS = (
    ("isation", "ization"), ("isations", "izations"),
    ("ise", "ize"), ("ised", "ized"), ("ises", "izes"), ("ising", "izing"),
    ("yse", "yze"), ("ysed", "yzed"), ("ysing", "yzing"),
    ("fence", "fense"), ("fences", "fenses"), ("cence", "cense"),
    ("centre", "center"), ("centres", "centers"), ("metre", "meter"), ("metres", "meters"),
    ("theatre", "theater"),
    ("lour", "lor"), ("vour", "vor"), ("bour", "bor"), ("nour", "nor"), ("viour", "vior"),
    ("logue", "log"), ("logues", "logs"),
    ("lled", "led"), ("lling", "ling"),
)


def _min_stem(ending: str) -> int:
    """How much of a word must come before an ending: "rise" and "wise" are not -ise words."""
    return 3 if ending[0] in "iy" else 0


#: What comes before -ise in words that are never spelt -ize (promise, exercise, otherwise, …).
NEVER_IZE = frozenset(
    """advert adv appr ar chast circumc compr comprom dem desp dev disgu enterpr exc exerc expert franch
    improv inc merchand prem prom rev superv surm surpr telev otherw likew clockw anticlockw counterclockw
    prec conc n po ra pra cru bru treat parad an mort tortoi porpo w r unw edgew lengthw noisew""".split()
)
#: Words that double their final l before -ed and -ing in British spelling only (travelled / traveled).
DOUBLE_L = frozenset(
    """travel label cancel model fuel signal channel level total counsel equal dial marshal rival quarrel
    tunnel pedal initial shovel jewel marvel duel panel funnel grovel gravel snorkel swivel tassel towel
    unravel yodel libel enamel barrel bevel cudgel chisel""".split()
)


def _wrong_variant(w: str, ending: str) -> bool:
    """An ending rule that does not hold for this word: "promise" has no "promize", "called" no "caled"."""
    stem = w[: -len(ending)]
    if ending in ("ise", "ised", "ises", "ising", "ize", "ized", "izes", "izing"):
        return stem in NEVER_IZE
    if ending in ("lled", "lling"):
        return stem + "l" not in DOUBLE_L
    if ending in ("led", "ling"):
        return stem + "l" not in DOUBLE_L or stem.endswith("l")
    return False


@functools.lru_cache(maxsize=1 << 16)
def _variants(w: str) -> frozenset[str]:
    """``spelling_variants`` of a case-folded word, remembered: an index repeats its words often."""
    out: set[str] = set()
    for british, american in SPELLING_ENDINGS:
        for a, b in ((british, american), (american, british)):
            if w.endswith(a) and len(w) - len(a) >= _min_stem(a) and not _wrong_variant(w, a):
                out.add(w[: -len(a)] + b)
    out.discard(w)
    return frozenset(out)


@functools.lru_cache(maxsize=1 << 16)
def _american(w: str) -> str:
    """A case-folded word in its American spelling (``fold``'s step for one word), remembered."""
    for british, american in SPELLING_ENDINGS:
        if w.endswith(british) and len(w) - len(british) >= _min_stem(british) and not _wrong_variant(w, british):
            return w[: -len(british)] + american
    return w


def spelling_variants(word: str) -> set[str]:
    """The other spellings of an English word (lower case), British and American.

    >>> sorted(spelling_variants("Organisation")), sorted(spelling_variants("defense")), spelling_variants("peace")
    (['organization'], ['defence'], set())
    >>> sorted(spelling_variants("centre")), sorted(spelling_variants("dialogue")), spelling_variants("rise")
    (['center'], ['dialog'], set())
    >>> sorted(spelling_variants("travelled")), sorted(spelling_variants("traveling")), spelling_variants("called")
    (['traveled'], ['travelling'], set())
    >>> spelling_variants("dealing"), spelling_variants("promise"), spelling_variants("otherwise")
    (set(), set(), set())
    """
    return set(_variants(word.casefold()))


def fold(text: str) -> str:
    """Case-folded English with every word in one spelling (the American one), for comparing names.

    >>> fold("Shanghai Cooperation Organisation"), fold("Shanghai Cooperation  Organization")
    ('shanghai cooperation organization', 'shanghai cooperation organization')
    """
    def one(m):
        return _american(m.group(0).casefold())

    return re.sub(r"\s+", " ", _WORD.sub(one, text.casefold())).strip()


def _plain(index_html: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", index_html)).replace(_BREAK, "")


class SynonymFinder:
    """Finds the glossary terms an entry mentions (in any of their forms) and says what to add.

    ``terms`` is a list of ``(location, forms)``: a term page's location and
    every form of its name in both languages.
    """

    def __init__(self, terms: list[tuple[str, list[str]]]):
        import ahocorasick

        self.terms = terms
        self.automaton = ahocorasick.Automaton()
        keys: dict[str, set[int]] = {}
        for n, (_, forms) in enumerate(terms):
            for form in forms:
                key = fold(form)
                if len(key) > 1:
                    keys.setdefault(key, set()).add(n)
        for key, ns in keys.items():
            self.automaton.add_word(key, (key, tuple(sorted(ns))))
        self.ready = bool(keys)
        if self.ready:
            self.automaton.make_automaton()

    def mentioned(self, plain: str) -> set[int]:
        """The terms whose forms occur in ``plain`` (whole words for Latin letters)."""
        found: set[int] = set()
        if not self.ready:
            return found
        text = fold(plain)
        for end, (key, ns) in self.automaton.iter(text):
            start = end - len(key) + 1
            if key[0].isascii() and key[0].isalnum() and start > 0 and text[start - 1].isalnum():
                continue
            if key[-1].isascii() and key[-1].isalnum() and end + 1 < len(text) and text[end + 1].isalnum():
                continue
            found.update(ns)
        return found

    def synonyms(self, entry: dict, terms: bool = True, own: int | None = None) -> str:
        """The words to index with ``entry`` beyond its own: the token of each term it mentions (of
        term ``own`` too: a term page), and the other spelling of its English words."""
        plain = _plain(entry.get("title", "") + " " + entry.get("text", ""))
        mentioned = self.mentioned(plain) if terms else set()
        if own is not None:
            mentioned.add(own)
        words = [term_token(n) for n in sorted(mentioned)]
        seen: set[str] = set(words)
        own_words = {w.casefold() for w in _WORD.findall(plain)}
        for w in sorted(own_words):
            for v in sorted(spelling_variants(w)):
                if v not in own_words and v not in seen:
                    seen.add(v)
                    words.append(v)
        return html.escape(" ".join(words), quote=False)


def term_token(n: int) -> str:
    """The word that stands in the index for every form of glossary term ``n``.

    A passage that names the Shanghai Cooperation Organisation in any form (上合组织, 上海合作组织,
    SCO, …) carries the term's token instead of all its other forms; ``docs/assets/search-zh.js``
    turns a query that names the term in any form into that token (see ``term_table``). One short
    word per term and passage keeps the index small as the glossary grows.

    >>> term_token(0), term_token(37)
    ('zq0x', 'zq25x')
    """
    return f"zq{n:x}x"


def _spellings(form: str) -> list[str]:
    """A form, case-folded, in every combination of British and American spellings of its words.

    >>> _spellings("Shanghai Cooperation Organisation")
    ['shanghai cooperation organisation', 'shanghai cooperation organization']
    """
    out = [""]
    for word in " ".join(form.casefold().split()).split(" "):
        choices = [word, *sorted(spelling_variants(word))] if _WORD.fullmatch(word) else [word]
        out = [f"{head} {c}".strip() for head in out for c in choices][:16]
    return out


def term_table(terms: list[tuple[str, list[str]]]) -> dict[str, str]:
    """Every form of every term (case-folded, in either spelling) mapped to the term's token.

    >>> term_table([("glossary/sco/", ["上合组织", "SCO", "Shanghai Cooperation Organisation"])])
    {'上合组织': 'zq0x', 'sco': 'zq0x', 'shanghai cooperation organisation': 'zq0x', 'shanghai cooperation organization': 'zq0x'}
    """
    table: dict[str, str] = {}
    for n, (_, forms) in enumerate(terms):
        for form in forms:
            for key in _spellings(form):
                if len(key) > 1:
                    table.setdefault(key, term_token(n))
    return table


def add_synonyms(docs: list[dict], terms: list[tuple[str, list[str]]]) -> list[dict]:
    """Every entry with its ``syn`` field (when it has one); term pages with their ``names``.

    >>> terms = [("glossary/sco/", ["上海合作组织", "上合组织", "SCO", "Shanghai Cooperation Organisation"])]
    >>> out = add_synonyms([{"location": "a/#p1", "title": "", "text": "<p>上合组织\u200b峰会</p>"},
    ...                     {"location": "glossary/sco/", "title": "上海合作组织", "text": ""},
    ...                     {"location": "b/#p2", "title": "", "text": "<p>The SCO defence centre</p>"}], terms)
    >>> out[0]["syn"]
    'zq0x'
    >>> out[1]["syn"], out[1]["names"]
    ('zq0x', ['上海合作组织', '上合组织', 'sco', 'shanghai cooperation organisation', 'shanghai cooperation organization'])
    >>> out[2]["syn"]
    'zq0x center defense'
    """
    finder = SynonymFinder(terms)
    names = {page_key(loc): list(dict.fromkeys(n for f in forms for n in (" ".join(f.casefold().split()), fold(f)))) for loc, forms in terms}
    numbers = {page_key(loc): n for n, (loc, _) in enumerate(terms)}
    out = []
    for entry in docs:
        entry = dict(entry)
        # A term page lists related terms: their tokens would make it a result
        # for each of them. It carries its own.
        glossary = re.search(r"(?:^|/)glossary/", entry["location"]) is not None
        page = re.search(r"(?:^|/)(glossary/[^/]+)$", page_key(entry["location"])) if "#" not in entry["location"] else None
        own = numbers.get(page.group(1)) if page else None
        syn = finder.synonyms(entry, terms=not glossary, own=own)
        if syn:
            entry["syn"] = syn
        if page and page.group(1) in names:  # in any language's folder
            entry["names"] = names[page.group(1)]
        out.append(entry)
    return out


def page_key(location: str) -> str:
    """A page's location without its fragment, ``index.html``, ``.html`` or final slash.

    >>> page_key("glossary/sco/"), page_key("glossary/sco/index.html#uses"), page_key("")
    ('glossary/sco', 'glossary/sco', '')
    """
    path = location.split("#", 1)[0]
    path = re.sub(r"(^|/)index\.html$", "", path)
    return re.sub(r"\.html$", "", path).rstrip("/")


def glossary_names(terms, exceptions: tuple | None = None) -> list[tuple[str, list[str]]]:
    """``(location, forms)`` for ``add_synonyms`` from the glossary's terms (both languages' forms).

    With ``exceptions`` (a tuple, maybe empty: hant.py) the Chinese forms in traditional
    characters too, for the traditional edition's index and queries.
    """
    out = []
    for term in terms:
        location = f"glossary/{term.id}/"
        chinese = list(term.forms("zh"))
        if exceptions is not None:
            from .hant import to_traditional

            chinese += [to_traditional(f, exceptions) for f in chinese]
        forms = [*chinese, *term.forms("en")]
        out.append((location, list(dict.fromkeys(f for f in forms if f.strip()))))
    return out


def has_han(text: str) -> bool:
    return bool(_HAN.search(text))
