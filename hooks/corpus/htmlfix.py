"""Small repairs to the HTML that Material's templates write, without forking them.

Each fix is a pure ``str -> str`` function applied to every page after
rendering (the hook's ``on_post_page``). They exist because the Nu Html Checker
reports these as errors on every page and they cannot be reached from a
template block or a partial.
"""

from __future__ import annotations

import re

_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')
_TOC_LABEL_FOR = '<label class="md-nav__title" for="__toc"'
_TOC_LABEL_PLAIN = '<label class="md-nav__title"'


def drop_checkbox_autocomplete(html: str) -> str:
    """Remove ``autocomplete="off"`` from Material's drawer and search checkboxes.

    HTML allows ``autocomplete`` only on text-like inputs, so the checker reports
    both toggles on every page. The attribute only stops Firefox from restoring
    an open drawer after a reload; the page works the same without it.

    >>> drop_checkbox_autocomplete('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">')
    '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'
    >>> drop_checkbox_autocomplete('<input type="text" autocomplete="off">')
    '<input type="text" autocomplete="off">'
    """
    return _TOGGLE.sub(r"\1", html, count=2)  # the drawer's and the search's, both in the header: no need to read on


def drop_orphan_toc_label(html: str) -> str:
    """Drop ``for="__toc"`` from the table of contents' title when no ``__toc`` input exists.

    Material writes the ``__toc`` checkbox only for a page that is in the
    navigation; documents and glossary pages are kept out of it (so page weight
    does not grow with the corpus), and their TOC title then points at nothing,
    which the checker reports. Without ``for`` the title is a plain label.

    >>> drop_orphan_toc_label('<label class="md-nav__title" for="__toc">Contents</label>')
    '<label class="md-nav__title">Contents</label>'
    >>> page = '<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc"><label class="md-nav__title" for="__toc">'
    >>> drop_orphan_toc_label(page) == page
    True
    """
    if 'id="__toc"' in html:
        return html
    return html.replace(_TOC_LABEL_FOR, _TOC_LABEL_PLAIN)  # (a plain replace: ten times faster than a pattern)


FIXES = (drop_checkbox_autocomplete, drop_orphan_toc_label)


def fix_page(html: str) -> str:
    """Apply every fix in order."""
    for fix in FIXES:
        html = fix(html)
    return html
