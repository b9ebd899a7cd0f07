"""Pre-rendered HTML inside generated Markdown pages: marking it, lifting it out while MkDocs converts the page,
putting it back, and converting the user Markdown inside it.

The big tables and answer cards are HTML, not Markdown (Python-Markdown's HTML block parser takes a third of a
second for the 1,000-row conversations table). MkDocs passes raw HTML through untouched, so links in it are final
URLs (:mod:`generator.urls`).
"""

from __future__ import annotations

import hashlib
import re
from html import escape
from typing import Any, Callable

from . import sanitize
from .urls import hrefs_from

def html_link(from_uri: str, to_uri: str, text: str, directory_urls: bool = True) -> str:
    """``<a href="relative URL">text</a>`` from one page to another (or a place on it), escaped, for pre-rendered
    HTML."""
    return links_from(from_uri, directory_urls)(to_uri, text)


def links_from(from_uri: str, directory_urls: bool = True) -> Callable[[str, str], str]:
    """``a(to_uri, text)``: :func:`html_link` from one page, for the many links of one page's blocks."""
    href = hrefs_from(from_uri, directory_urls)

    def a(to_uri: str, text: str) -> str:
        return f'<a href="{escape(href(to_uri))}">{escape(text, quote=False)}</a>'

    return a


HTML_OPEN, HTML_CLOSE = "<!-- insight:html -->", "<!-- /insight:html -->"


UNSEARCHED = "<!-- insight:unsearched -->"


def html_block(html: str, searched: bool = True) -> str:
    """Pre-rendered HTML in a generated page, marked so the MkDocs plugin can keep it away from Python-Markdown
    (see :func:`lift_html`). The page stays valid Markdown with or without the plugin (raw HTML is Markdown).

    ``searched=False`` for a block that is all ``data-search-exclude`` (a copy of what is found on its own page):
    the plugin sets it aside while search reads the page (:func:`set_aside`), instead of search parsing it to
    throw it away; at 1,000 conversations such blocks are three fifths of the HTML search would parse."""
    return f"{HTML_OPEN}\n{html if searched else UNSEARCHED + chr(10) + html}\n{HTML_CLOSE}"


def set_aside(html: str, where: list[tuple[int, int]]) -> tuple[str, list[str]]:
    """``html`` with the parts at ``where`` (from :func:`drop_html`) replaced by empty placeholders, and those parts, to
    :func:`put_back`."""
    out, parts, at = [], [], 0
    for i, (start, end) in enumerate(where):
        out.append(html[at:start] + f'{ASIDE}"{i}"></div>')
        parts.append(html[start:end])
        at = end
    out.append(html[at:])
    return "".join(out), parts


def put_back(html: str, blocks: list[str]) -> str:
    """The page's HTML with the blocks :func:`set_aside` took out back in their places."""
    for i, block in enumerate(blocks):
        html = html.replace(f'{ASIDE}"{i}"></div>', block, 1)
    return html


ASIDE = "<div data-insight-aside="


def lift_html(markdown: str) -> tuple[str, list[str], str]:
    """Cut the marked HTML blocks out of a page, leaving a placeholder each, and the placeholders' mark (for
    :func:`drop_html`).

    A placeholder is a word (the mark and the block's number), so Python-Markdown reads it as a paragraph and never
    runs its HTML block parser: a raw ``<div>`` placeholder cost a sixth of a millisecond each, and a company page
    has a dozen blocks. The mark comes from a hash of the page, so the same page gets the same mark in every build
    and a note cannot guess the mark of a page it is shown on."""
    return lift_parts([(markdown, True)])


def lift_parts(parts: list[tuple[str, bool]], headings: bool = False) -> tuple[str, list[str], str]:
    """:func:`lift_html` on a page made of pieces, lifting blocks out of the pieces marked True (the generator's)
    only: a user's text is never taken for pre-rendered HTML, whatever markers it writes (they stay comments,
    converted and cleaned with the rest of the note). With ``headings``, the pieces' plain headings below the
    title are lifted too, as :data:`HEADING` blocks for :class:`Headings` to write."""
    markdown = "".join(text for text, _ in parts)
    if not any(HTML_OPEN in text or headings and "\n#" in text for text, ours in parts if ours):
        return markdown, [], ""
    mark = "insight" + hashlib.blake2b(markdown.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
    blocks: list[str] = []
    out: list[str] = []

    def lifted(block: str) -> str:
        blocks.append(block)
        return f"{mark}x{len(blocks) - 1}x"

    def plain_headings(text: str) -> str:
        if not headings or _FENCE.search(text):  # a "## " line in a code block is not a heading
            return text
        return _ATX.sub(lambda m: f"\n{lifted(f'{HEADING}{len(m[1])} {m[3] or str()} {m[2]}')}\n"
                        if PLAIN.fullmatch(m[2]) else m[0], text)

    for text, ours in parts:
        rest = text
        while ours and HTML_OPEN in rest:
            before, _, after = rest.partition(HTML_OPEN)
            block, found, after = after.partition(HTML_CLOSE)
            if not found:  # unclosed: leave the rest of the piece as it is
                break
            out.append(plain_headings(before))
            out.append(lifted(block.strip("\n")))
            rest = after
        out.append(plain_headings(rest) if ours else rest)
    return ("".join(out), blocks, mark) if blocks else (markdown, [], "")


HEADING = "<!-- insight:heading -->"  # then the level, the id given ({ #id }) or a space, and the text
_ATX = re.compile(r"^(#{2,6}) (.+?)(?: \{ ?#([A-Za-z][\w-]*) ?\})?[ \t]*$", re.M)
_FENCE = re.compile(r"^ {0,3}(?:```|~~~)", re.M)
_HEADING_ID = re.compile(r'<h[1-6](?=[\s>])[^>]*?\sid="([^"]*)"')


class Headings:
    """The generator's headings (below a page's title) written as Python-Markdown's ``toc`` extension writes them,
    so that MkDocs does not convert them: a heading is a fifth of a millisecond of Python-Markdown on every page,
    and a note's page has five. Only plain text is lifted (:data:`PLAIN`), and only with a ``toc`` configured
    in ways this class writes (its permalink, title, class, slugify and separator); with anything else
    (``toc_depth``, ``anchorlink``, an extension that rewrites text), :meth:`of` gives None and the headings stay
    Markdown. tests/test_html_blocks.py builds a site both ways and compares the bytes."""

    KNOWN = frozenset({"permalink", "permalink_title", "permalink_class", "slugify", "separator", "title"})

    def __init__(self, config: dict[str, Any]) -> None:
        import markdown.extensions.toc as toc

        self._unique = toc.unique
        self._nest = toc.nest_toc_tokens
        self.slugify = config.get("slugify") or toc.slugify
        self.separator = config.get("separator", "-")
        permalink = config.get("permalink")
        css = escape(str(config.get("permalink_class", "headerlink")))
        title = config.get("permalink_title", "Permanent link")
        text = "&para;" if permalink is True else escape(str(permalink))
        self.permalink = (f'<a class="{css}" href="#{{0}}"' + (f' title="{escape(str(title))}"' if title else "")
                          + f">{text}</a>") if permalink not in (False, None, 0, "") else ""

    @classmethod
    def of(cls, extensions: list[Any], configs: dict[str, Any]) -> Headings | None:
        toc = dict(configs.get("toc") or {})
        if set(toc) - cls.KNOWN or not all(isinstance(e, str) and e in PLAIN_SAFE for e in extensions):
            return None
        return cls(toc)

    def write(self, blocks: list[str], used: set[str]) -> tuple[list[str], dict[int, tuple[int, str, str]]]:
        """``blocks`` with each heading block written as HTML, ids unique among ``used`` (the page's own ids,
        which keep theirs), and each heading's level, id and text by its block's number."""
        out, made = [], {}
        for i, block in enumerate(blocks):
            if block.startswith(HEADING):
                level, given, text = block[len(HEADING):].split(" ", 2)
                anchor = given or self._unique(self.slugify(text, self.separator), used)
                used.add(anchor)
                block = f'<h{level} id="{anchor}">{escape(text, quote=False)}{self.permalink.format(anchor)}</h{level}>'
                made[i] = (int(level), anchor, escape(text, quote=False))
            out.append(block)
        return out, made

    def toc(self, toc: Any, html: str, made: list[tuple[int, tuple[int, str, str]]]) -> Any:
        """The page's table of contents with the written headings (``(position in html, heading)``) in their
        places among the page's own, nested as the ``toc`` extension nests them."""
        from mkdocs.structure.toc import get_toc

        where = {}
        for m in _HEADING_ID.finditer(html):
            where.setdefault(m[1], m.start())
        entries, at = [], 0
        stack = list(reversed(list(toc)))
        while stack:
            link = stack.pop()
            at = where.get(link.id, at)  # not found (cleaned away): where the one before it was
            entries.append((at, {"level": link.level, "id": link.id, "name": link.title}))
            stack.extend(reversed(link.children))
        entries += [(where, {"level": level, "id": anchor, "name": name}) for where, (level, anchor, name) in made]
        entries.sort(key=lambda entry: entry[0])  # stable: the page's own first at the same place
        return get_toc(self._nest([token for _, token in entries]))


def drop_html(html: str, blocks: list[str], mark: str) -> tuple[str, list[tuple[int, int] | None]]:
    """Put the lifted blocks back into the page's HTML, each in place of the paragraph Markdown made of its
    placeholder, and where each one now is in the page (None for a block whose paragraph is not there: not shown).

    Only a paragraph of the placeholder alone is replaced. Anywhere else (a heading's text or id, a link, an
    attribute, raw HTML a note left open) the word is inside something a block must not be put into."""
    out: list[str] = []
    where: list[tuple[int, int] | None] = []
    at = length = 0
    for i, block in enumerate(blocks):
        paragraph = f"<p>{mark}x{i}x</p>"
        start = html.find(paragraph, at)
        if start < 0:
            where.append(None)
            continue
        end = start + len(paragraph)
        out.append(html[at:start])
        length += start - at
        where.append((length, length + len(block)))
        out.append(block)
        length += len(block)
        at = end
    out.append(html[at:])
    return "".join(out), where


MD_OPEN, MD_CLOSE = "<!-- insight:md -->", "<!-- /insight:md -->"
INLINE = "<!-- inline -->"  # right after MD_OPEN: one paragraph is shown without its <p>, as in a list item


def markdown_in_html(text: str, inline: bool = False) -> str:
    """User Markdown inside a pre-rendered HTML block, converted when the block goes back into its page
    (:func:`fill_markdown`). The text must have been through :func:`md`, so it holds no ``<!--``. ``inline``:
    a text that is one paragraph loses its ``<p>`` (an insight in a list item, as Python-Markdown writes a
    tight list); one of several paragraphs keeps them."""
    return f"{MD_OPEN}{INLINE if inline else ''}{text}{MD_CLOSE}"


def fill_markdown(html: str, convert: Callable[[str], str]) -> str:
    """An HTML block with every :func:`markdown_in_html` part converted by ``convert``."""
    if MD_OPEN not in html:
        return html
    first, *parts = html.split(MD_OPEN)
    out = [first]
    for part in parts:
        text, found, rest = part.partition(MD_CLOSE)
        if not found:
            out.append(MD_OPEN + part)
        elif text.startswith(INLINE):
            out.append(_unwrap(convert(text[len(INLINE):])) + rest)
        else:
            out.append(convert(text) + rest)
    return "".join(out)


def _unwrap(html: str) -> str:
    """``<p>text</p>`` as ``text``; anything else (several paragraphs, a list) as it is."""
    if html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
        return html[3:-4]
    return html


class MarkdownSnippets:
    """Converts the user Markdown inside pre-rendered HTML (an answer on a card) with the site's extensions,
    each distinct text once. An answer shows on several pages, and under ``insight serve`` the conversions
    are kept from build to build (a dirty build renders only some pages, so any page may come next): a
    changed role re-renders a question page of 200 answers without converting them."""

    LIMIT = 100_000  # texts kept under serve; beyond this (many edits), start afresh

    def __init__(self, extensions: list[Any] | None = None, configs: dict[str, Any] | None = None,
                 last: MarkdownSnippets | None = None) -> None:
        import markdown  # Python-Markdown, as MkDocs uses it; only what converts pages needs it

        self.extensions = list(extensions if extensions is not None else ["extra"])
        self.configs = dict(configs or {})
        self._md = markdown.Markdown(extensions=self.extensions, extension_configs=self.configs)
        keep = (last is not None and (last.extensions, last.configs) == (self.extensions, self.configs)
                and len(last._done) < self.LIMIT)
        self._done: dict[str, str] = last._done if keep and last is not None else {}
        self._removed: dict[str, str | None] = last._removed if keep and last is not None else {}
        self._plain_ok = all(isinstance(e, str) and e in PLAIN_SAFE for e in self.extensions)

    def __call__(self, text: str) -> str:
        html = self._done.get(text)
        if html is None:
            if self._plain_ok and PLAIN.fullmatch(text):
                html = f"<p>{text}</p>"  # most answers are one plain sentence: no need to run Python-Markdown
            else:
                html = self._md.reset().convert(text)
            self._done[text] = html
        return html

    def removed(self, text: str) -> str | None:
        """What cleaning takes out of the HTML ``text`` converts to (:func:`generator.sanitize.removed`), each
        distinct text worked out once."""
        if text not in self._removed:
            html = self(text)
            self._removed[text] = sanitize.removed(html, sanitize.clean(html))
        return self._removed[text]


# One line of words and ordinary punctuation, starting with a letter and ending without a space: Python-Markdown
# makes it one paragraph, as it is, with any of these extensions (tests/test_html_blocks.py checks it does). No
# character that starts Markdown or HTML (``* _ ` [ < & # { | \ ~ = + >``), no digit first ("1. " is a list).
PLAIN = re.compile(r"[^\W\d_](?:[^\W_]|[ ,.;:'\"?!()/%\u2018\u2019\u201c\u201d\u2013\u2014-])*(?<! )")
PLAIN_SAFE = frozenset({"admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details",
                        "pymdownx.superfences", "pymdownx.tasklist", "extra", "def_list", "footnotes", "abbr",
                        "fenced_code", "sane_lists", "nl2br", "pymdownx.highlight", "pymdownx.inlinehilite",
                        "pymdownx.tabbed"})
