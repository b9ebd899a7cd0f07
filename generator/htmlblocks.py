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
from typing import Any, Callable, Iterator, NamedTuple

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
    markdown, blocks, mark, _ = lift_parts([(markdown, True)], headings=False)
    return markdown, blocks, mark


def _placeholder(mark: str, blocks: list[int]) -> str:
    """The word standing for consecutive blocks: ``<mark>x3x``, or ``<mark>x3-5x`` for blocks 3 to 5."""
    return f"{mark}x{blocks[0]}x" if len(blocks) == 1 else f"{mark}x{blocks[0]}-{blocks[-1]}x"


# Any page's placeholder word: the mark (group 1), the first and last block (2, and 3 or None for one block). One
# pattern for every page, the mark compared after: a pattern per page was compiled anew each time (re caches 512),
# a tenth of a millisecond per page.
_PLACEHOLDER = re.compile(r"(insight[0-9a-f]{16})x([0-9]+)(?:-([0-9]+))?x")


def _placeholders(text: str, mark: str) -> Iterator[re.Match[str]]:
    """Every placeholder word of the page marked ``mark`` in ``text``."""
    return (found for found in _PLACEHOLDER.finditer(text) if found.group(1) == mark)


def _blocks_of(found: re.Match[str]) -> tuple[int, int]:
    """The first and last block a placeholder word stands for."""
    return int(found.group(2)), int(found.group(3) or found.group(2))


def _sub_placeholders(text: str, mark: str, repl: Callable[[re.Match[str]], str]) -> str:
    return _PLACEHOLDER.sub(lambda found: repl(found) if found.group(1) == mark else found.group(0), text)


def strip_placeholders(html: str, mark: str) -> str:
    """``html`` without the placeholder words of blocks that could not go back (HTML a note left open swallowed
    their paragraphs): the reader sees the text the note wrote, not ours."""
    return _sub_placeholders(html, mark, lambda found: "")


Heading = tuple[int, str]  # a generated heading lifted with the block under it: its level and its Markdown text
Headings = tuple[Heading, ...]  # the headings right above one block, in page order ("## Email drafts", "### Update")


def lift_parts(parts: list[tuple[str, bool]], headings: bool = True,
               toc_marker: str = "[TOC]") -> tuple[str, list[str], str, list[Headings | None]]:
    """:func:`lift_html` on a page made of pieces, lifting blocks out of the pieces marked True (the generator's)
    only: a user's text is never taken for pre-rendered HTML, whatever markers it writes (they stay comments,
    converted and cleaned with the rest of the note).

    With ``headings``, the generated headings right above a block (``## Referrals``, a blank line before and after
    each) are lifted with it, the block's entry in the last list; the plugin writes it as the site's ``toc`` would
    (:meth:`MarkdownSnippets.heading`). Five headings cost a note's page a third of a millisecond in Python-Markdown,
    a third of its conversion. A heading is lifted only if nothing after it on the page can be a heading (nor is
    there a ``[TOC]``): Python-Markdown has then given every other heading its id and place in the table of
    contents first, as it would have with these headings there, so the plugin adds them after in the same order.
    The plugin asks for ``headings`` only under extensions that keep that true (``HEADINGS_SAFE``), and puts them
    back (:func:`restore_headings`) on a page another plugin changes after the lifting."""
    markdown = "".join(text for text, _ in parts)
    if not any(HTML_OPEN in text for text, ours in parts if ours):
        return markdown, [], "", []
    # "insight" and 16 hex digits, as _PLACEHOLDER finds it
    mark = "insight" + hashlib.blake2b(markdown.encode("utf-8", "surrogatepass"), digest_size=8).hexdigest()
    blocks: list[str] = []
    out: list[str | int] = []  # text, and each block's number where its placeholder goes
    for text, ours in parts:
        rest = text
        while ours and HTML_OPEN in rest:
            before, _, after = rest.partition(HTML_OPEN)
            block, found, after = after.partition(HTML_CLOSE)
            if not found:  # unclosed: leave the rest of the piece as it is
                break
            out += [before, len(blocks)]
            blocks.append(block.strip("\n"))
            rest = after
        out.append(rest)
    if not blocks:
        return markdown, [], "", []
    heads: list[Headings | None] = [None] * len(blocks)
    clear = headings and not (toc_marker and toc_marker in markdown)  # nothing below can be a heading
    # A heading with an id of its own is lifted only on a page whose user text has no heading: toc numbers a
    # heading of the note's whose id would be the same ("## Q: Career path") after it, wherever it is.
    theirs = any(not ours and _MAY_BE_HEADING.search(text) for text, ours in parts)  # in a list or quote too
    for at in range(len(out) - 1, -1, -1):
        piece = out[at]
        if isinstance(piece, int):
            above: list[Heading] = []
            while clear and (found := _LIFTED_HEADING.search(out[at - 1])):  # type: ignore[arg-type]
                if theirs and _OWN_ID.search(found.group(2)):
                    clear = False
                    break
                above.insert(0, (len(found.group(1)), found.group(2)))
                out[at - 1] = out[at - 1][: found.start()] + "\n\n"  # type: ignore[index]
            heads[piece] = tuple(above) or None
        elif clear and _MAY_BE_HEADING.search(piece):
            clear = False
    # Blocks with nothing but a blank line between them (a note's footer, once its headings are lifted) share one
    # placeholder: each placeholder is a paragraph Python-Markdown converts.
    pieces: list[str | list[int]] = []
    for piece in out:
        if isinstance(piece, int) and len(pieces) >= 2 and isinstance(pieces[-2], list) \
                and isinstance(pieces[-1], str) and not pieces[-1].strip():
            pieces.pop()  # the blank line between
            pieces[-1].append(piece)  # type: ignore[union-attr]
        else:
            pieces.append([piece] if isinstance(piece, int) else piece)
    return "".join(p if isinstance(p, str) else _placeholder(mark, p) for p in pieces), blocks, mark, heads


def drop_html(html: str, blocks: list[str], mark: str,
              heads: list[str | None] | None = None) -> tuple[str, list[tuple[int, int] | None]]:
    """Put the lifted blocks back into the page's HTML, in place of the paragraphs Markdown made of their
    placeholders (each block after its heading's HTML in ``heads``, if it has one; the blocks of one placeholder one
    after the other, a line apart), and where each block now is in the page (None for a block whose paragraph is
    not there: not shown).

    Only a paragraph of a placeholder alone is replaced. Anywhere else (a heading's text or id, a link, an
    attribute, raw HTML a note left open) the word is inside something a block must not be put into."""
    out: list[str] = []
    where: list[tuple[int, int] | None] = [None] * len(blocks)
    at = length = 0
    done = -1  # the last block put back: blocks go back in order, each once
    for found in _placeholders(html, mark) if blocks else ():
        first, last = _blocks_of(found)
        start, end = found.start() - 3, found.end() + 4  # the paragraph of the word alone
        if not done < first <= last < len(blocks) or html[start:found.start()] != "<p>" or html[found.end():end] != "</p>":
            continue
        out.append(html[at:start])
        length += start - at
        for i in range(first, last + 1):
            head = heads[i] if heads is not None else None
            lead = ("\n" if i > first else "") + ("" if head is None else f"{head}\n")
            out.append(lead + blocks[i])
            where[i] = (length + len(lead), length + len(lead) + len(blocks[i]))
            length += len(lead) + len(blocks[i])
        at, done = end, last
    out.append(html[at:])
    return "".join(out), where


_HEADING_ID = re.compile(r'<h[1-6] id="([^"&<>]*)"')
# an element's id in HTML as the sanitiser writes it (every attribute value in double quotes, "<" in text escaped)
_ELEMENT_ID = re.compile(r'<[A-Za-z][^\s/>]*(?:\s+[^\s=/>]+(?:="[^"]*")?)*?\s+id="([^"]*)"')


def page_ids(html: str) -> set[str]:
    """The ids of the elements in a page's cleaned HTML: the ones a lifted heading's id must not repeat (not an id
    written in a code block or an element the sanitiser removed, which are not on the page)."""
    from html import unescape

    return {unescape(found) for found in _ELEMENT_ID.findall(html)}


def restore_headings(markdown: str, mark: str, heads: list[Headings | None]) -> str:
    """A lifted page's Markdown with its lifted headings back above their placeholders, one placeholder per block,
    as :func:`lift_parts` makes it without ``headings``: for a page another plugin changed after the lifting (a
    heading it added below would come before them in the table of contents)."""
    def expand(found: re.Match[str]) -> str:
        first, last = _blocks_of(found)
        if last >= len(heads):
            return found.group(0)
        return "\n\n".join("".join(f"{'#' * level} {text}\n\n" for level, text in heads[i] or ()) + _placeholder(mark, [i])
                           for i in range(first, last + 1))

    return _sub_placeholders(markdown, mark, expand)


class Placed(NamedTuple):
    """A block's lifted headings as :func:`place_headings` writes them."""

    html: str | None  # their HTML, for drop_html (None: the block has none)
    ids: list[str]  # their ids on the page
    entries: list[dict[str, Any]]  # their table-of-contents entries (toc_depth may leave some out)


def place_headings(heads: list[Headings | None], heading: Callable[[int, str], tuple[str, dict[str, Any] | None]],
                   ids: set[str]) -> list[Placed]:
    """Each block's lifted headings, each with the id ``toc`` would give it below the page's other ids (``ids``,
    which gains it): ``questions_1`` under a note's own "Questions" heading. In page order, as ``toc`` numbers
    them."""
    from markdown.extensions.toc import unique  # Python-Markdown's own numbering of a repeated id

    placed: list[Placed] = []
    for above in heads:
        written, named, listed = [], [], []
        for level, text in above or ():
            html, entry = heading(level, text)
            found = _HEADING_ID.match(html)
            own = _OWN_ID.search(text)
            if found and own and found.group(1) == own.group(1):
                ids.add(own.group(1))  # an id written for it (attr_list) is kept as written, as toc keeps it
                named.append(own.group(1))
            elif found:
                old = found.group(1)
                new = unique(old, ids)
                if new != old:
                    html = html.replace(f'id="{old}"', f'id="{new}"', 1).replace(f'href="#{old}"', f'href="#{new}"')
                    entry = None if entry is None else {**entry, "id": new}
                named.append(new)
            written.append(html)
            listed += [entry] if entry is not None else []
        placed.append(Placed("\n".join(written) if written else None, named, listed))
    return placed


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
        self._headings: dict[Heading, tuple[str, dict[str, Any] | None]] = {}
        # whether generated headings may be lifted under these extensions, and the `toc` marker that stops it on a page
        self.lifts_headings = all(isinstance(e, str) and e in HEADINGS_SAFE for e in self.extensions)
        self.toc_marker = str((self.configs.get("toc") or {}).get("marker", "[TOC]"))

    def __call__(self, text: str) -> str:
        html = self._done.get(text)
        if html is None:
            if self._plain_ok and PLAIN.fullmatch(text):
                html = f"<p>{text}</p>"  # most answers are one plain sentence: no need to run Python-Markdown
            else:
                html = self._md.reset().convert(text)
            self._done[text] = html
        return html

    def heading(self, level: int, text: str) -> tuple[str, dict[str, Any] | None]:
        """A lifted heading (:func:`lift_parts`) as the page would have it: its HTML as the site's extensions write it
        (``toc``'s id and permalink), cleaned, and its table-of-contents entry (None if ``toc_depth`` leaves it
        out). The id is the one it has alone on a page: :func:`place_headings` makes it unique on its own page."""
        key = (level, text)
        if key not in self._headings:
            html = sanitize.clean(self._md.reset().convert(f"{'#' * level} {text}"))
            tokens = getattr(self._md, "toc_tokens", [])
            self._headings[key] = (html, tokens[0] if tokens else None)
        return self._headings[key]

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
# Not with ``abbr`` (nor ``extra``, which holds it): a glossary's abbreviation in a plain sentence becomes <abbr>.
PLAIN_SAFE = frozenset({"admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details",
                        "pymdownx.superfences", "pymdownx.tasklist", "def_list", "footnotes",
                        "fenced_code", "sane_lists", "nl2br", "pymdownx.highlight", "pymdownx.inlinehilite",
                        "pymdownx.tabbed"})
# Extensions under which a heading converts alone as it does on its page (so the plugin may lift it, see lift_parts):
# not footnotes (they move below the page's parts, headings and all), nor abbr (a note's abbreviations apply to the
# page's headings), nor anything unknown (pymdownx.snippets can append a file to each conversion).
HEADINGS_SAFE = PLAIN_SAFE - {"footnotes"}
# A generated heading the plugin may lift (see lift_parts): level 2 to 6 (the page's title stays Markdown: MkDocs
# reads it), a blank line around it, its text plain (no link MkDocs would resolve, no markup), and at most an
# anchor of its own as the templates write one (``### How did you start? { #q-career-path }``).
_LIFTED_HEADING = re.compile(r"\n\n(#{2,6}) (" + PLAIN.pattern + r"(?: \{ #[A-Za-z0-9_-]+ \})?)\n\n\Z")
_OWN_ID = re.compile(r" \{ #([A-Za-z0-9_-]+) \}\Z")
# a line that can make a heading, also inside a quote, a list item or a definition ("> ## x", "- ## x"): ATX, or a
# setext underline (a rule "---" too, and "1. #tag": it only keeps headings in Markdown)
_MAY_BE_HEADING = re.compile(r"^[ \t>*+:.)0-9-]*#|^[ \t>*+:-]*(?:=+|-+)[ \t]*$", re.M)
