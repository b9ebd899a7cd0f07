"""Where a note's body is private: found on the parsed document, and failing closed where its shape is unclear.

A private region is

- a heading at any level whose text begins with "Private" (any case; ATX with or without the space after the
  ``#``, or setext), with everything under it up to the next heading of the same or a higher level;
- text between ``<!-- private -->`` and ``<!-- /private -->`` (spacing and case as people type them;
  ``<!-- end private -->`` closes too);
- and, where the structure is unclear, the rest of the note: from a code fence that is never closed or that holds
  a private heading or marker (a fence left open above a private section and closed by a later one), from an
  opening marker that is never closed (or written without its ``-->``), and everything before a closing marker
  that has no opening one.

The body is parsed with markdown-it (CommonMark): a closed fenced code block is code, and one that shows a
``## Private`` is kept home from there on, since the example and a forgotten fence look the same. The site itself is rendered by Python-Markdown, which reads a few shapes
differently (``##Private`` is a heading there, an indented block in a list may be code in one and text in the
other); where the two could disagree, a *start* of a private region is taken from either reading, and an *end*
only from a heading both agree on. The region can only grow.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from html import unescape

from markdown_it import MarkdownIt

# Only the block structure is read (fences, headings and their text): parsing inline content (links, emphasis,
# an Obsidian note's [[wikilinks]]) was half the parse and changes no block token.
_PARSER = MarkdownIt("commonmark").disable("inline")

# A line that Python-Markdown or CommonMark could read as an ATX heading: behind blockquote or list markers,
# with or without the space after the hashes.
_ATX = re.compile(r"^[ \t>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(#{1,6})(?!#)[ \t]*(.*?)[ \t#]*$")
# <h2>Private</h2> written as HTML, anywhere in a line (outside `code`); its text runs to </h2> or the line's end
_HTML_HEADING = re.compile(r"<h([1-6])\b[^>]*>\s*(.*?)(?:</h\1\s*>|$)", re.I)
_CODE_SPANS = re.compile(r"(`+)(?:(?!\1).)+?\1")
# Python-Markdown reads a block-level element that starts a line as raw HTML up to its closing tag, blank lines and
# all: a "## heading" inside is text to it (not with md_in_html's markdown attribute), though CommonMark sees one
_RAW_OPEN = re.compile(r"^ {0,3}<(address|article|aside|blockquote|details|div|dl|fieldset|figure|footer|form|header|"
                       r"main|nav|ol|p|pre|section|table|ul)\b([^>]*)", re.I)
_SETEXT_UNDERLINE = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
# "**Private**", "Private (do not share)", "private notes", "1. Private"
_PRIVATE_TEXT = re.compile(r"^[\W_\d]*private", re.I)
# <!-- private -->, and <!--- private ---> as some editors write comments
_OPEN = re.compile(r"<!--[-\s]*private\b(?:(?!-->)[^\n<])*-->", re.I)
_CLOSE = re.compile(r"<!--[-\s]*(?:/|end\b)\s*private\b(?:(?!-->)[^\n<])*-->", re.I)
_HALF_MARKER = re.compile(r"<!--[-\s]*(?:/|end\b)?\s*private\b", re.I)  # a marker, closed with --> or not
_TAGS = re.compile(r"<[^>]*>")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060\ufeff]")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_EMPHASIS = str.maketrans("", "", "*_~`")
# the word as any private heading or marker holds it, in any case, "Pri*vate*" too
_PRIVATE_ANYHOW = re.compile(r"p[*_~`]*r[*_~`]*i[*_~`]*v[*_~`]*a[*_~`]*t[*_~`]*e", re.I)


@dataclass(frozen=True)
class Unclear:
    """A place where the structure cannot be read with confidence; ``line`` counts from 0 in the body."""

    line: int
    reason: str
    rest: bool = True  # the rest of the note is kept out (else: everything before this line)


@dataclass(frozen=True)
class Regions:
    """Private character spans of a body (start, end), merged and in order, and why any were widened."""

    spans: tuple[tuple[int, int], ...]
    unclear: tuple[Unclear, ...]

    def strip(self, body: str) -> str:
        """What may be shared: the body without its private spans."""
        out, last = [], 0
        for start, end in self.spans:
            out.append(body[last:start])
            last = end
        out.append(body[last:])
        return "".join(out)

    def blank(self, body: str) -> str:
        """The body with every private character but line ends turned into a space (positions stay the same)."""
        out, last = [], 0
        for start, end in self.spans:
            out.append(body[last:start])
            out.append(re.sub(r"[^\n]", " ", body[start:end]))
            last = end
        out.append(body[last:])
        return "".join(out)


NO_REGIONS = Regions((), ())


def _says_private(text: str) -> bool:
    """Whether a heading's text begins with "Private" as a reader sees it: images, tags and emphasis dropped
    (``![](lock.png) Private``, ``Pri*vate*``), entities decoded (``&#80;rivate``), fullwidth letters read as
    letters, invisible characters gone."""
    if _PRIVATE_TEXT.match(text):
        return True
    plain = _IMAGE.sub("", text).translate(_EMPHASIS) if "](" in text else text.translate(_EMPHASIS)
    if "<" not in plain and "&" not in plain and plain.isascii():
        return bool(_PRIVATE_TEXT.match(plain))
    return bool(_PRIVATE_TEXT.match(readable(_TAGS.sub("", plain))))


def readable(text: str) -> str:
    """``text`` as a reader (or a mail client) reads it: entities decoded (``&#80;rivate``, ``ana&#64;example.com``),
    fullwidth characters as plain ones (``ana＠example.com``), invisible ones gone, an address's ``%40`` as ``@``.
    Private headings and contact details are looked for in it."""
    if text.isascii() and "&" not in text and "%40" not in text:
        return text
    return _INVISIBLE.sub("", unicodedata.normalize("NFKC", unescape(text))).replace("%40", "@")


def _looks_private(line: str) -> bool:
    """Whether a line, read outside code, would start a private heading or hold a private marker."""
    m = _ATX.match(line) or _html_heading(line)
    return bool(m and _says_private(m.group(2))) or bool(_HALF_MARKER.search(line))


def _html_heading(line: str) -> re.Match[str] | None:
    if "<" not in line:
        return None
    return _HTML_HEADING.search(_CODE_SPANS.sub("", line) if "`" in line else line)


def _raw_html_lines(lines: list[str], code: set[int]) -> set[int]:
    """The lines Python-Markdown keeps as raw HTML (see _RAW_OPEN): from an opening tag to its matching close, or
    to the end when it never closes."""
    raw: set[int] = set()
    n = 0
    while n < len(lines):
        m = None if n in code else _RAW_OPEN.match(lines[n])
        if m is None or "markdown" in m.group(2).lower():
            n += 1
            continue
        opening, closing = re.compile(rf"<{m.group(1)}\b", re.I), re.compile(rf"</{m.group(1)}\s*>", re.I)
        depth, end = 0, len(lines) - 1
        for k in range(n, len(lines)):
            depth += len(opening.findall(lines[k])) - len(closing.findall(lines[k]))
            if depth <= 0:
                end = k
                break
        raw.update(range(n, end + 1))
        n = end + 1
    return raw


def _closes(line: str, markup: str) -> bool:
    """Whether ``line`` (behind its container's markers) closes a fence opened with ``markup``."""
    inner = re.sub(r"^[ \t>]*", "", line)
    return re.fullmatch(re.escape(markup[0]) + "{%d,}[ \t]*" % len(markup), inner) is not None


def regions(body: str) -> Regions:
    """The private regions of ``body`` (line ends already ``\\n``)."""
    # Every region starts at a private heading or marker (both hold the word) or at a code fence: a body with
    # neither has none. Most notes are such bodies, and parsing them was most of the loader's time.
    if not _PRIVATE_ANYHOW.search(body) and "```" not in body and "~~~" not in body and "<h" not in body.lower() \
            and (body.isascii() and "&" not in body or not _PRIVATE_ANYHOW.search(readable(body))):
        return NO_REGIONS
    return _parsed(body)


def _parsed(body: str) -> Regions:
    """:func:`regions`, worked out on the parsed document."""
    lines = body.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    end_of = len(body)
    code: set[int] = set()  # lines inside a closed fence, fences included
    unclear: list[Unclear] = []
    headings: dict[int, tuple[int, bool, bool]] = {}  # line -> (level, private, ends a region)

    tokens = _PARSER.parse(body)
    for i, tok in enumerate(tokens):
        if tok.map is None:
            continue
        first, stop = tok.map
        if tok.type == "fence":
            last = stop - 1
            if last > first and last < len(lines) and _closes(lines[last], tok.markup):
                code.update(range(first, stop))
                if any(_looks_private(line) for line in lines[first + 1:last]):
                    # Most likely a fence left open above a private section and closed by a later fence: the
                    # parse calls it code, the writer meant a section. Nobody loses much if it stays home.
                    unclear.append(Unclear(first, "a code fence here holds a private heading or marker"))
            else:
                unclear.append(Unclear(first, "a code fence opened here is never closed"))
        elif tok.type == "heading_open":
            text = tokens[i + 1].content if i + 1 < len(tokens) else ""
            level = int(tok.tag[1])
            private = any(_says_private(t.strip()) for t in text.split("\n"))
            headings[first] = (level, private, tok.level == 0)  # a heading in raw HTML ends nothing: see below

    for n, line in enumerate(lines):
        if n in code or n in headings or (n - 1 in headings and _SETEXT_UNDERLINE.match(line)):
            continue
        m = _ATX.match(line) or _html_heading(line)
        said = m.group(2) if m else ""
        html = m is not None and m.re is _HTML_HEADING
        if html and not _TAGS.sub("", said).strip() and n + 1 < len(lines):
            said = lines[n + 1]  # <h2 class="x"> on a line of its own, its text on the next
        if m and _says_private(said):
            headings[n] = (int(m.group(1)) if html else len(m.group(1)), True, False)
            continue
        under = _SETEXT_UNDERLINE.match(lines[n + 1]) if n + 1 < len(lines) and n + 1 not in code else None
        if under and line.strip() and _says_private(re.sub(r"^[ \t>]*", "", line)):
            headings[n] = (1 if under.group(1)[0] == "=" else 2, True, False)

    raw = _raw_html_lines(lines, code) if "<" in body else set()
    for n in raw & headings.keys():
        level, private, _ = headings[n]
        headings[n] = (level, private, False)  # Python-Markdown shows it as text inside the HTML: it ends no region

    spans: list[tuple[int, int]] = []
    open_level = 0
    open_at = 0
    for n in sorted(headings):
        level, private, ends = headings[n]
        if open_level and ends and level <= open_level:
            spans.append((starts[open_at], starts[n]))
            open_level = 0
        if private and not open_level:
            open_level, open_at = level, n
        elif private:
            open_level = min(open_level, level)  # a higher private heading inside the region widens it
    if open_level:
        spans.append((starts[open_at], end_of))

    spans.extend(_marker_spans(body, starts, code, unclear))
    spans.extend((starts[u.line], end_of) for u in unclear if u.rest)
    return Regions(_merge(spans), tuple(sorted(set(unclear), key=lambda u: u.line)))


def _line_of(starts: list[int], pos: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= pos:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _marker_spans(body: str, starts: list[int], code: set[int], unclear: list[Unclear]) -> list[tuple[int, int]]:
    """Spans between private markers outside code; unclosed or stray markers widen to the rest (or the start)."""
    found: list[tuple[int, int, str]] = []  # start, end, "open" | "close"
    for m in _HALF_MARKER.finditer(body):
        if _line_of(starts, m.start()) in code:
            continue
        closing = _CLOSE.match(body, m.start())
        opening = None if closing else _OPEN.match(body, m.start())
        if closing:
            found.append((m.start(), closing.end(), "close"))
        elif opening:
            found.append((m.start(), opening.end(), "open"))
        else:
            unclear.append(Unclear(_line_of(starts, m.start()), "a private marker here has no closing -->"))
    spans: list[tuple[int, int]] = []
    depth, opened = 0, 0
    for start, end, kind in found:
        if kind == "open":
            if depth == 0:
                opened = start
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((opened, end))
        else:
            unclear.append(Unclear(_line_of(starts, start),
                                   "a closing <!-- /private --> without an opening one",
                                   rest=False))
            spans.append((0, end))
    if depth:
        unclear.append(Unclear(_line_of(starts, opened), "a <!-- private --> marker here is never closed"))
    return spans


def _merge(spans: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    out: list[list[int]] = []
    for start, end in sorted(spans):
        if end <= start:
            continue
        if out and start <= out[-1][1]:
            out[-1][1] = max(out[-1][1], end)
        else:
            out.append([start, end])
    return tuple((s, e) for s, e in out)
