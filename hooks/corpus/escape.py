"""Every escape the build needs, in one place: data in, text safe for where it lands.

Text from the seeds, the catalog, the translations, the glossary and file names
is data, never markup. It reaches several contexts, and each has its own rule:

* Markdown (``md_escape``), and HTML the renderer writes itself (``html_text``);
* HTML attributes (``html_attribute``);
* page metadata: MkDocs copies the front matter's ``title`` and ``description``
  into ``<title>``, the header bar, the search index and the meta tags *raw*
  (its templates are rendered with autoescaping off), so those values are
  written HTML-escaped (``meta_text``) and the front matter itself with a YAML
  dumper (``front_matter``);
* JSON inside ``<script>`` (``script_json``);
* link targets (``href``: only an address the catalog check accepted);
* ids (``safe_id``: only ``[a-z0-9-]``).

Nothing else in the build concatenates data into markup.
"""

from __future__ import annotations

import html
import json
import re

import yaml

#: The characters Markdown reads as syntax, which a backslash makes literal.
MD_SYNTAX = "\\`*_{}[]()#+-.!"
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "&#124;", "~": "&#126;", "^": "&#94;", "=": "&#61;", ":": "&#58;"}
_ENTITY_CHARS = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")

#: Each character that Markdown would read as syntax: backslash-escaped, or the entity of ``html_text``.
_MD_REPLACEMENT = {c: "\\" + c for c in MD_SYNTAX} | _ENTITIES
_MD_CHARS = re.compile("[" + re.escape("".join(_MD_REPLACEMENT)) + "]")


def md_escape(text: str, _replace=_MD_REPLACEMENT.__getitem__) -> str:
    """Escape text so that Markdown shows it literally.

    One pass does both steps (a backslash before Markdown's syntax
    characters, then the entities of ``html_text``): the two sets share no
    character, and an entity written is not read again. A build of 1,000
    documents escapes half a million texts; one regular expression with a
    table is about three times faster than two passes (``str.translate`` is
    slower still on Chinese text).

    >>> md_escape("<script>alert(1)</script> *a* [b](c) | `d`")
    '&lt;script&gt;alert\\\\(1\\\\)&lt;/script&gt; \\\\*a\\\\* \\\\[b\\\\]\\\\(c\\\\) &#124; \\\\`d\\\\`'
    """
    return _MD_CHARS.sub(lambda m: _replace(m.group()), text)


def html_text(text: str) -> str:
    """Text for HTML that the renderer writes itself: the same entities as ``md_escape``.

    So a text reads the same, byte for byte, whether it went through Markdown
    or straight into HTML.

    >>> html_text("a < b & c: d|e")
    'a &lt; b &amp; c&#58; d&#124;e'
    """
    return _ENTITY_CHARS.sub(lambda m: _ENTITIES[m.group()], text)  # one pass, as md_escape


_AMP = re.compile(r"&(?!(?:\#[0-9]+|\#x[0-9a-f]+|[0-9a-z]+);)", re.I)


def html_attribute(text: str) -> str:
    """An attribute value written as Python-Markdown writes a link title.

    White space becomes a space; ``&`` (unless it starts an entity), ``<``,
    ``>``, ``"`` and ``'`` become entities.

    >>> html_attribute('a "b" &amp; c & <d>\\n')
    'a &quot;b&quot; &amp; c &amp; &lt;d&gt;'
    """
    text = re.sub(r"\s", " ", text.strip())
    text = _AMP.sub("&amp;", text)
    return text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")


#: Characters that no page metadata should carry: controls (C0, C1), format
#: characters such as bidi overrides, and the noncharacters U+FFFE/U+FFFF.
_NOT_TEXT = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]")


def meta_text(text: str) -> str:
    """Plain text for a value that MkDocs puts into HTML unescaped (``page.title``, meta).

    Escaped once for HTML (quotes too, as the value also lands in attributes),
    with line breaks made spaces and invisible characters removed.

    >>> meta_text('"><img src=x onerror=alert(1)> 标题\\n二')
    '&quot;&gt;&lt;img src=x onerror=alert(1)&gt; 标题 二'
    """
    text = _NOT_TEXT.sub(lambda m: " " if m.group() in "\n\r\t" else "", text)
    return html.escape(" ".join(text.split()), quote=True)


def front_matter(**values: object) -> str:
    """A page's YAML front matter, written by PyYAML's dumper (never by formatting strings).

    Text values are ``meta_text``; other values (``search: {exclude: true}``) are written as given.

    >>> print(front_matter(title='a: "b" <c>', description="x\\u0080y"), end="")
    ---
    title: 'a: &quot;b&quot; &lt;c&gt;'
    description: xy
    ---
    <BLANKLINE>
    """
    data = {k: (meta_text(v) if isinstance(v, str) else v) for k, v in values.items() if v is not None}
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9, default_flow_style=False)
    return f"---\n{dumped}---\n\n"


def script_json(data: object) -> str:
    """JSON for a ``<script type="application/json">`` block.

    ``<``, ``>`` and ``&`` are written as ``\\u003c`` etc., so no text can
    close the script (``</script>``) or open an HTML comment (``<!--``), which
    would change how the rest of the page is parsed; U+2028/U+2029 likewise.

    >>> script_json({"t": "</script><!--"})
    '{"t": "\\\\u003c/script\\\\u003e\\\\u003c!--"}'
    """
    text = json.dumps(data, ensure_ascii=False)
    for ch, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, code)
    return text


#: An address the catalog accepts: http(s), a host, no white space, quotes or angle brackets.
URL_RE = re.compile(r"^https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?(?:[/?#][^\s<>\"'`\\{}|^]*)?$")


def url_problem(url: str) -> str | None:
    """Why ``url`` is not an address the site will link to, or None.

    >>> url_problem("https://www.gov.cn/zhengce/2023-02/21/content_5742481.htm") is None
    True
    >>> url_problem("https://example.org/)<svg/onload=alert(1)>")
    'must not contain < > " \\' ` \\\\ { } | ^ or white space'
    >>> url_problem("https://example.org/a)b")
    'has unbalanced parentheses'
    >>> url_problem("javascript:alert(1)")
    'must be an http:// or https:// address with a host name'
    """
    if not re.match(r"^https?://[A-Za-z0-9]", url):
        return "must be an http:// or https:// address with a host name"
    if re.search(r"[\s<>\"'`\\{}|^]", url):
        return "must not contain < > \" ' ` \\ { } | ^ or white space"
    if not URL_RE.match(url):
        return "must be an http:// or https:// address with a host name"
    depth = 0
    for ch in url:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            break
    if depth != 0:
        return "has unbalanced parentheses"
    if "[" in url or "]" in url:
        return "must not contain [ or ]"
    return None


def href(url: str) -> str:
    """An accepted address as an ``href`` value (its ``&`` as ``&amp;``)."""
    if url_problem(url) is not None:
        raise ValueError(f"not an accepted address: {url!r}")
    return html.escape(url, quote=True)


def safe_id(text: str) -> str:
    """An HTML id (and URL fragment) made only of ``a-z``, ``0-9`` and ``-``.

    >>> safe_id("003 onmouseover=alert(1)`")
    '003-onmouseover-alert-1'
    """
    return re.sub(r"-{2,}", "-", re.sub(r"[^a-z0-9-]", "-", text.lower())).strip("-") or "x"
