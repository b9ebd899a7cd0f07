"""No note can put active HTML into a page: every page's converted content goes through nh3 (Ammonia).

Notes are Markdown, and Markdown lets HTML and attribute lists (``{: onerror=... }``) through; the site's
extensions add more. Whatever they produce, the content of each page is cleaned here with an allow-list of
passive elements and attributes: the ones Material and the generated pages use (tables with sort keys,
admonitions, details, task lists, permalinks, the network map's data attributes, icons) and the ones people
write in notes (images, figures, footnotes). Event handlers, ``javascript:`` and other script URLs, scripts,
styles, frames, forms and objects never pass. What the cleaning removed is reported, so a note that tried is
named in the build's warnings.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from typing import Any

import nh3

SAFE_SCHEMES = frozenset({"http", "https", "mailto", "tel"})

_TEXT = {"p", "br", "hr", "span", "div", "a", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small",
         "sub", "sup", "code", "kbd", "samp", "var", "pre", "blockquote", "q", "cite", "abbr", "dfn", "time",
         "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption",
         "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
         "details", "summary", "img", "picture", "source", "label", "input", "nav", "section", "article",
         "aside", "header", "footer", "center", "wbr", "ruby", "rt", "rp", "bdi", "bdo"}
_ICONS = {"svg", "path", "g", "circle", "rect", "line", "polyline", "polygon", "ellipse", "title", "desc", "text",
          "tspan"}  # icons and the charts generated pages draw (the pipeline's bars)
TAGS = frozenset(_TEXT | _ICONS)

# SVG presentation attributes: colours, strokes, opacity (none of them can run anything)
_PAINT = {"fill", "fill-opacity", "stroke", "stroke-width", "stroke-opacity", "stroke-linecap", "stroke-linejoin",
          "stroke-dasharray", "opacity", "transform"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title", "lang", "dir", "role", "hidden", "tabindex", "aria-label", "aria-hidden",
          "aria-labelledby", "aria-describedby", "aria-expanded", "aria-controls", "aria-current", "aria-live",
          "markdown"},  # md_in_html's marker, left on blocks it did not convert: inert
    "a": {"href", "rel", "hreflang", "name"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "align"},
    "source": {"srcset", "type", "media"},
    "td": {"colspan", "rowspan", "style", "align"},
    "th": {"colspan", "rowspan", "style", "align", "scope"},
    "col": {"span"},
    "ol": {"start", "reversed", "type"},
    "li": {"value"},
    "details": {"open"},
    "input": {"type", "checked", "disabled"},
    "label": {"for"},
    "time": {"datetime"},
    "abbr": {"title"},
    "svg": {"viewBox", "viewbox", "xmlns", "width", "height", "focusable", "preserveAspectRatio", "style", *_PAINT},
    "path": {"d", "fill-rule", "clip-rule", *_PAINT},
    "g": {"transform", *_PAINT},
    "circle": {"cx", "cy", "r", *_PAINT},
    "rect": {"x", "y", "width", "height", "rx", "ry", *_PAINT},
    "line": {"x1", "y1", "x2", "y2", *_PAINT},
    "polyline": {"points", *_PAINT},
    "polygon": {"points", *_PAINT},
    "ellipse": {"cx", "cy", "rx", "ry", *_PAINT},
    "text": {"x", "y", "dx", "dy", "text-anchor", "dominant-baseline", "font-size", "font-weight", "font-family", *_PAINT},
    "tspan": {"x", "y", "dx", "dy", "text-anchor", "font-size", "font-weight", *_PAINT},
}

_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags={"script", "style", "iframe", "object", "embed", "template", "noscript", "textarea", "select",
                        "math", "frame", "frameset", "applet"},
    attributes={k: set(v) for k, v in ATTRIBUTES.items()},
    generic_attribute_prefixes={"data-"},  # sort keys of tables, the network map's data-src, data-hops...
    url_schemes=set(SAFE_SCHEMES),
    link_rel=None,  # keep links as the site writes them
    strip_comments=True,
    filter_style_properties={"text-align", "width", "min-width", "max-width", "height", "white-space"},
)


def clean(html: str) -> str:
    """``html`` with nothing active left in it."""
    return _CLEANER.clean(html)


def escaped_tags(tags: Any) -> list[str]:
    """A page's ``tags:`` as Material's search index takes them: HTML, so each one escaped to show as text."""
    from html import escape  # noqa: PLC0415 - the one use

    values = tags if isinstance(tags, (list, tuple)) else [] if tags is None else [tags]
    return [escape(str(t), quote=True) for t in values if t is not None]


class _Shape(HTMLParser):
    """A page as a list of elements, attributes and text, for telling what cleaning changed (not how it spelled it)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[Any] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kept = sorted((k.lower(), re.sub(r"\s+", " ", v or "").strip()) for k, v in attrs if k.lower() != "style")
        self.items.append((tag, tuple(kept)))

    # End tags are left out: a parser closes a <p> before a <div> that Markdown put inside it, as browsers do,
    # and that changes nothing anyone sees.

    def handle_data(self, data: str) -> None:
        if data.strip():
            if self.items and isinstance(self.items[-1], str) and self.items[-1].startswith("#"):
                self.items[-1] += data.strip()
            else:
                self.items.append("#" + data.strip())


def _shape(html: str) -> list[Any]:
    parser = _Shape()
    parser.feed(html)
    parser.close()
    return parser.items


_TAG = re.compile(r"<([A-Za-z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*/?>")
_ATTR = re.compile(r"([^\s=>/]+)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?")
_SCRIPTY = re.compile(r"<(?:script|style|iframe|object|embed|template|noscript|textarea|select|math|frame)", re.I)


def _loses(before: str, after: str) -> bool:
    """A quick look (most pages lose nothing): an element or attribute name fewer, or an element whose text goes."""
    def count(html: str) -> Counter[str]:
        # every page is checked (~300,000 elements at 1,000 notes): one regex pass, and the attribute regex only on
        # the elements that have attributes
        found = _TAG.findall(html)
        c: Counter[str] = Counter(tag.lower() for tag, _ in found)
        c.update(f"{tag.lower()} {a.lower()}" for tag, attrs in found if attrs for a in _ATTR.findall(attrs))
        return c

    return bool(count(before) - count(after)) or bool(_SCRIPTY.search(before))


def removed(before: str, after: str) -> str | None:
    """What cleaning took out of ``before`` (an element, an attribute, text), shortly; None when nothing was.

    Elements are compared as a multiset and text as a whole: a parser that closes a ``<p>`` before a ``<div>``
    Markdown put inside it (and opens an empty one after it, as browsers do) has removed nothing.
    """
    if before == after or not _loses(before, after):
        return None
    old, new = _shape(before), _shape(after)
    gone = Counter(x for x in old if isinstance(x, tuple)) - Counter(x for x in new if isinstance(x, tuple))
    if gone:
        (tag, attrs), _ = sorted(gone.items())[0]
        names = [k for k, _ in attrs]
        same_tag = [dict(a) for x in new if isinstance(x, tuple) for t, a in [x] if t == tag]
        lost = [k for k in names if not any(k in a for a in same_tag)]
        return f"<{tag}> " + (f"attribute {', '.join(lost)}" if lost and same_tag else "element")
    text_old = " ".join(x[1:] for x in old if isinstance(x, str))
    text_new = " ".join(x[1:] for x in new if isinstance(x, str))
    if " ".join(text_old.split()) != " ".join(text_new.split()):
        return "text inside an element that is not allowed"
    return None


# --- Markdown written for pages that are built elsewhere (a guide's project) --------------------------------------

# the whole destination, title and all: Markdown reads "java<TAB>script:" as one address, and so do browsers
# (the address may start on the next line, and hold parentheses two deep: "javascript:alert((1))")
_INLINE_LINK = re.compile(r"(!?)\[(?P<label>[^\]\n]*)\]\(\s*(?P<url>(?:[^()\n]|\((?:[^()\n]|\([^()\n]*\))*\))*)\)")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*(?P<url><[^>\n]*>|\S+).*$", re.M)
_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):", re.I)


def unsafe_url(url: str) -> bool:
    """Whether a link address would run or load something: any scheme but http(s), mailto and tel, read the way a
    browser reads it (entities decoded, tabs, line ends and control characters dropped)."""
    from html import unescape

    plain = re.sub(r"[\x00-\x20\x7f]+", "", unescape(unescape(url.strip().strip("<>"))))
    m = _SCHEME.match(plain)
    return m is not None and m.group(1).lower() not in SAFE_SCHEMES


# What may follow a web address's host: no space, quote, angle bracket or backslash, and no control or direction
# character (U+202E would show "acme.example/\u202egpj.exe" as "acme.example/exe.jpg").
_URL_REST = r"[^\s<>\"'`\\\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
# a web address as a shared guide holds one (its scheme in lower case): what web_address gives, and all merge takes
WEB_ADDRESS = rf"(https?)://({_URL_REST}+)"
_WEB = re.compile(WEB_ADDRESS, re.I)
# a site's address written without its scheme, as people often do: "acme.example", "www.linkedin.com/in/ana-lima"
_SCHEMELESS = re.compile(rf"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{{2,}}(?::[0-9]{{1,5}})?(?:[/?#]{_URL_REST}*)?")
WEB_ADDRESS_MAX = 2000  # characters: a shared guide refuses longer ones (generator.share.guide's schema)


def unbracket(text: str) -> str:
    """An address written as a Markdown autolink (``<https://acme.example>``) without its brackets."""
    return text[1:-1].strip() if text.startswith("<") and text.endswith(">") else text


def web_address(value: str) -> str | None:
    """The web address a website or profile field means: ``https://acme.example/jobs`` as written (its scheme in
    lower case), ``acme.example/jobs`` without a scheme as https, either in ``<...>``; None for anything else
    (another scheme, a sentence, a bare word, an address longer than ``WEB_ADDRESS_MAX``)."""
    text = unbracket(" ".join(str(value or "").split()))
    if found := _WEB.fullmatch(text):
        url = f"{found.group(1).lower()}://{found.group(2)}"
    elif _SCHEMELESS.fullmatch(text):
        url = f"https://{text}"
    else:
        return None
    return url if len(url) <= WEB_ADDRESS_MAX else None


def defuse_links(markdown: str) -> str:
    """Links and images whose address has a script or data scheme keep their label and lose the address."""
    if ":" not in markdown and "&" not in markdown:
        return markdown
    markdown = _INLINE_LINK.sub(lambda m: m.group("label") if unsafe_url(m.group("url")) else m.group(0), markdown)
    return _REF_DEF.sub(lambda m: "" if unsafe_url(m.group("url")) else m.group(0), markdown)


_FENCE = re.compile(r"^[ \t>]*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")


def _longest_fence_after(lines: list[str]) -> list[dict[str, int]]:
    """For each line, the longest fence of each kind (` and ~) on the lines after it: a fence is closed when one of
    its kind at least as long comes later (found in one pass, not by reading on from every fence)."""
    out: list[dict[str, int]] = [{}] * len(lines)
    longest: dict[str, int] = {}
    for n in range(len(lines) - 1, -1, -1):
        out[n] = longest
        m = _FENCE.match(lines[n])
        if m and len(m.group(1)) > longest.get(m.group(1)[0], 0):
            longest = {**longest, m.group(1)[0]: len(m.group(1))}
    return out


def escape_attr_lists(markdown: str) -> str:
    """Every "{" outside code escaped, so attr_list can never read "{: onerror=... }" as attributes."""
    if "{" not in markdown:
        return markdown
    out, fence = [], ""
    lines = markdown.split("\n")
    after = _longest_fence_after(lines) if "```" in markdown or "~~~" in markdown else []
    for n, line in enumerate(lines):
        m = _FENCE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = ""
            out.append(line)
            continue
        if m and after[n].get(m.group(1)[0], 0) >= len(m.group(1)):  # a fence never closed is text to Python-Markdown
            fence = m.group(1)
            out.append(line)
            continue
        parts, last = [], 0
        for span in _CODE_SPAN.finditer(line):
            parts.append(line[last:span.start()].replace("{", "\\{"))
            parts.append(span.group(0))
            last = span.end()
        parts.append(line[last:].replace("{", "\\{"))
        out.append("".join(parts))
    return "\n".join(out)
