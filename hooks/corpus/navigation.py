"""The documents in the site's navigation, and the order a reader pages through them.

Plain data in (catalog entries), plain data out: the ``nav`` entries MkDocs
reads from ``mkdocs.yml``, the translations of their section labels for
static-i18n (``nav_translations``), and the reading order for previous/next.

Documents are grouped by kind (policy documents first), in order of date
within a kind; a kind with more than ``YEAR_GROUPS_FROM`` documents is split
into one section per year. Material renders the whole navigation into every
page; with ``navigation.prune`` only the open sections are rendered, so a
page carries the kinds, the years of its own kind and the documents of its
own section, whatever the size of the corpus (see DESIGN.md).

Each document is one entry (its main page, under which Material puts the
page's contents in the sidebar and in the phone's drawer). Its parallel view,
versions and other items are linked from its provenance block, and open the
document's place in the navigation (``owner``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .strings import Lazy, lazy_section, section

#: Kinds in the order they appear, with their section labels (strings/<language>.yaml, "navigation").
KINDS = Lazy(lambda: {kind: {lang: v["kinds"][kind] for lang, v in section("navigation").items()} for kind in section("navigation")["zh"]["kinds"]})
#: A kind with more documents than this is split into sections by year.
YEAR_GROUPS_FROM = 12
YEAR_LABEL = lazy_section("navigation", "year")


@dataclass(frozen=True)
class Navigation:
    nav: list  # entries to insert into MkDocs' ``nav`` (after the home page)
    translations: dict[str, str]  # Chinese section label -> English, for static-i18n
    order: list[str]  # document slugs in reading order (previous / next)


def page_path(slug: str, folder: str = "texts") -> str:
    """The Markdown path of a document's main page under docs/."""
    return f"{folder}/{slug}/index.md"


def _label(text: str) -> str:
    """A section label: Material writes it into the page unescaped."""
    return html.escape(text, quote=False)


def _kind_key(kind: str) -> tuple[int, str]:
    order = list(KINDS)
    return (order.index(kind), "") if kind in KINDS else (len(order), kind)


def reading_order(entries) -> list:
    """The entries by kind (the order of ``KINDS``), then date, then title.

    >>> from types import SimpleNamespace as E
    >>> t = lambda s: E(zh=s)
    >>> docs = [E(slug="c", kind="commentary", date="2024-01-01", title=t("c")),
    ...         E(slug="p", kind="policy-document", date="2025-01-01", title=t("p")),
    ...         E(slug="b", kind="commentary", date="2020-05-01", title=t("b"))]
    >>> [e.slug for e in reading_order(docs)]
    ['p', 'b', 'c']
    """
    return sorted(entries, key=lambda e: (_kind_key(e.kind), e.date, e.title.zh, e.slug))


def kind_label(kind: str, lang: str) -> str:
    return KINDS[kind][lang] if kind in KINDS else kind


def document_navigation(entries, folder: str = "texts") -> Navigation:
    """The navigation sections of the documents, their English labels and the reading order.

    >>> from types import SimpleNamespace as E
    >>> t = lambda s: E(zh=s)
    >>> nav = document_navigation([E(slug="a", kind="commentary", date="2024-01-01", title=t("a"))])
    >>> nav.nav, nav.translations, nav.order
    ([{'评论文章': ['texts/a/index.md']}], {'评论文章': 'Commentaries'}, ['a'])
    """
    ordered = reading_order(entries)
    nav: list = []
    translations: dict[str, str] = {}
    kinds: dict[str, list] = {}
    for e in ordered:
        kinds.setdefault(e.kind, []).append(e)
    for kind, docs in kinds.items():
        label = _label(kind_label(kind, "zh"))
        translations[label] = _label(kind_label(kind, "en"))
        if len(docs) > YEAR_GROUPS_FROM:
            years: dict[str, list] = {}
            for e in docs:
                years.setdefault(e.date[:4], []).append(e)
            children = []
            for year, in_year in years.items():
                year_label = YEAR_LABEL["zh"].format(year=year)
                translations[year_label] = YEAR_LABEL["en"].format(year=year)
                children.append({year_label: [page_path(e.slug, folder) for e in in_year]})
        else:
            children = [page_path(e.slug, folder) for e in docs]
        nav.append({label: children})
    return Navigation(nav=nav, translations=translations, order=[e.slug for e in ordered])


def neighbours(order: list[str], slug: str) -> tuple[str | None, str | None]:
    """The documents before and after ``slug`` in reading order.

    >>> neighbours(["a", "b", "c"], "a"), neighbours(["a", "b", "c"], "b"), neighbours(["a"], "x")
    ((None, 'b'), ('a', 'c'), (None, None))
    """
    if slug not in order:
        return None, None
    i = order.index(slug)
    return (order[i - 1] if i > 0 else None), (order[i + 1] if i + 1 < len(order) else None)


def document_of(src_uri: str, folder: str = "texts") -> tuple[str, str] | None:
    """(slug, page name without language suffix) of a generated document page, or None.

    >>> document_of("texts/a/parallel.en.md"), document_of("texts/a/index.md"), document_of("about.md")
    (('a', 'parallel'), ('a', 'index'), None)
    """
    parts = src_uri.split("/")
    if len(parts) != 3 or parts[0] != folder:
        return None
    return parts[1], parts[2].split(".", 1)[0]
