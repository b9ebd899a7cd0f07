"""Notes as other editors write them: Obsidian wikilinks and tags, Dataview inline fields, templates.

The loader reads a note as the user wrote it in Obsidian (or anything that writes the same
conventions) without a conversion step. Everything here is a small pure function on text or
on parsed values, so the loader calls it in one place each and the rules are tested alone:

- ``[[Name]]``, ``[[Name|shown]]`` and ``[[Name#heading]]`` name ``Name`` wherever a field names
  a person, company or industry; in Markdown they become links where the name is known;
- ``key:: value`` (a line of its own, or ``[key:: value]`` inside a line) is a field where the
  frontmatter has none of that name (Dataview's inline fields);
- ``#tag`` in the body is a tag, as it is in Obsidian;
- a value a template left empty (``company:``, ``- ``) counts as absent;
- ``%% comments %%`` are not shown (Obsidian shows them only while editing);
- a file that is still a template (in a Templates folder, or with ``{{...}}`` or ``<% ... %>``
  placeholders) is skipped.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import quote

from .escape import t
from .publish import Attachments

# [[target]], [[target|shown]], [[target#heading]], [[target#heading|shown]]; ![[...]] is an embed
WIKILINK = re.compile(r"(!?)\[\[([^\[\]\n|#]*)(#[^\[\]\n|]*)?(?:\|([^\[\]\n]*))?\]\]")
_INLINE_OWN_LINE = re.compile(r"^\s{0,3}(?:[-*+]\s+)?(?:[;~&^]\s+)?\**([A-Za-z][\w \-]{0,40}?)\**::[ \t]*(.*?)\s*$")
_INLINE_BRACKETED = re.compile(r"[\[(]([A-Za-z][\w \-]{0,40}?)::[ \t]*([^\]\)\n]*?)\s*[\])]")
# "#" first, then the look behind it: a pattern that starts with a literal is searched for quickly, one that
# starts with a lookbehind is tried at every character of the body (five times slower on a note)
_BODY_TAG = re.compile(r"#(?<![\w&#/\\\[(`]#)([A-Za-z_][\w/\-]*)")
_PLACEHOLDER = re.compile(r"\{\{[^{}\n]{0,80}\}\}|<%[\s\S]{0,400}?%>")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1)[\s\S])*?\1")
TEMPLATE_FOLDERS = frozenset({"templates", "template", "_templates"})


# --- wikilinks -------------------------------------------------------------------------------


def link_target(text: str) -> str:
    """``[[Acme Analytics|Acme]]`` -> ``Acme Analytics``; text that is no wikilink comes back stripped.

    A field holds a name: the name is the link's target (what it points at), not the text it shows."""
    text = text.strip()
    if not text.endswith("]]"):  # a name field mostly holds a plain name
        return text
    m = WIKILINK.fullmatch(text)
    if m and not m.group(1):
        target = m.group(2).strip()
        return target.rsplit("/", 1)[-1] if target else (m.group(4) or "").strip()
    return text


def unwrap_yaml_link(value: Any) -> Any:
    """``company: [[Acme]]`` unquoted is a list holding a list in YAML: the name it meant, ``Acme``."""
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], list) and len(value[0]) == 1 \
            and isinstance(value[0][0], str):
        return value[0][0]
    return value


def has_wikilink(text: str) -> bool:
    return "[[" in text and WIKILINK.search(text) is not None


def replace_wikilinks(text: str, resolve: Callable[[str], str | None], link: Callable[[str | None, str], str]) -> str:
    """Every wikilink in Markdown outside code as ``link(uri, shown)``: ``uri`` is where ``resolve`` says the
    target is, None where it knows no such name. Never leaves brackets behind."""
    if "[[" not in text:
        return text

    def one(m: re.Match[str]) -> str:
        embed, target, heading, shown = m.group(1), (m.group(2) or "").strip(), m.group(3), m.group(4)
        if embed and shown and re.fullmatch(r"\s*\d+(?:x\d+)?\s*", shown):
            shown = None  # ![[chart.png|300]]: 300 is the width it shows at, not a name
        label = (shown or "").strip() or target.rsplit("/", 1)[-1] or (heading or "").lstrip("#").strip()
        uri = resolve(target.rsplit("/", 1)[-1]) if target and not embed else None
        return link(uri, label)

    return outside_code(text, lambda chunk: WIKILINK.sub(one, chunk))


def plain_wikilinks(text: str) -> str:
    """Wikilinks as the text they show: for plain-text fields such as a role or a question."""
    return replace_wikilinks(text, lambda _: None, lambda _uri, label: label) if "[[" in text else text


def wikilink_targets(text: str, is_person: Callable[[str], bool]) -> str:
    """Wikilinks to people as the names they point at, whatever they show; other wikilinks as they show. For text
    that leaves the machine: the nickname in ``[[Ana Lima|Annie]]`` would slip past the names a guide replaces
    (``Ana Lima`` is one of them), while ``[[Project Falcon|a project]]`` was given a label to keep its name home."""
    if "[[" not in text:
        return text
    return replace_wikilinks(text, lambda name: name if is_person(name) else None, lambda target, label: target or label)


def link_key(name: str) -> str:
    """How a wikilink's target is looked up: names fold as identities do, file names as they are written."""
    from .identity import fold  # noqa: PLC0415 - identity imports nothing from here; kept local all the same

    return fold(name)


IMAGES = frozenset({"png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp"})


def reading_view(markdown: str, names: dict[str, str], from_uri: str, files: Attachments | None = None) -> str:
    """A note's Markdown as Obsidian's reading view shows it: no ``%% comments %%`` or ``^block-ids``, Dataview's
    fields a line each, callouts and ``==highlights==``, and wikilinks as links (``names``) and embeds (``files``)."""
    markdown = drop_block_ids(blank_comments(markdown))
    markdown = show_inline_fields(markdown)
    markdown = show_callouts(markdown)
    return wikilinks_to_markdown(markdown, names, from_uri, files)


def wikilinks_to_markdown(text: str, names: dict[str, str], from_uri: str, files: Attachments | None = None) -> str:
    """User Markdown written in ``from_uri`` with its wikilinks as relative Markdown links (plain text where the
    name is unknown), so the rest of the pipeline treats them as links the user wrote. ``files`` (the docs dir's
    files that are not pages) make ``![[chart.png]]`` the image it embeds, ``![[deck.pdf]]`` a link to it."""
    if "[[" not in text:
        return text
    base = posixpath.dirname(from_uri) or "."
    if files is not None and "![[" in text:
        text = _embeds(text, from_uri, files, base)

    def link(uri: str | None, label: str) -> str:
        # the label is a name, shown as text: a file named "Eve <img ...>" must not become an image
        label = t(label)
        if uri is None:
            return label
        # quoted: a file named as people write names has spaces, which end a Markdown link's target
        return f"[{label}]({quote(posixpath.relpath(uri, base), safe='/')})"

    return replace_wikilinks(text, lambda name: names.get(link_key(name)), link)


def _embeds(text: str, from_uri: str, files: Attachments, base: str) -> str:
    def one(m: re.Match[str]) -> str:
        if not m.group(1):
            return m.group(0)
        found = files.find(from_uri, m.group(2) or "")
        if found is None:
            return m.group(0)  # a note, or nothing known: the wikilink rules below
        shown = (m.group(4) or "").strip()
        name = found.rpartition("/")[2]
        label = t(name if not shown or re.fullmatch(r"\d+(?:x\d+)?", shown) else shown)  # |200 is a width
        target = quote(posixpath.relpath(found, base), safe="/")
        return f"![{label}]({target})" if name.rpartition(".")[2].casefold() in IMAGES else f"[{label}]({target})"

    return outside_code(text, lambda chunk: WIKILINK.sub(one, chunk))


def outside_code(text: str, change: Callable[[str], str], spans: bool = True) -> str:
    """``change`` applied to the Markdown outside fenced code blocks and (with ``spans``) inline code spans."""
    out: list[str] = []
    prose: list[str] = []
    fence: str | None = None

    def flush() -> None:
        if prose:
            chunk = "".join(prose)
            pieces, last = [], 0
            for m in _CODE_SPAN.finditer(chunk) if spans else ():
                pieces.append(change(chunk[last:m.start()]))
                pieces.append(m.group(0))
                last = m.end()
            pieces.append(change(chunk[last:]))
            out.append("".join(pieces))
            prose.clear()

    for line in text.splitlines(keepends=True):
        m = _FENCE.match(line)
        if fence is None and m:
            flush()
            fence = m.group(1)
            out.append(line)
        elif fence is not None:
            out.append(line)
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
        else:
            prose.append(line)
    flush()
    return "".join(out)


_BLOCK_ID = re.compile(r"[ \t]\^[A-Za-z0-9-]+[ \t]*$", re.M)


def drop_block_ids(text: str) -> str:
    """Obsidian's block ids (``... ^q1`` at the end of a line, the anchor of a ``[[note#^q1]]`` link) taken off
    outside code: Obsidian hides them, and an insight or a heading is the text before them."""
    if "^" not in text or not _BLOCK_ID.search(text):
        return text
    return outside_code(text, lambda chunk: _BLOCK_ID.sub("", chunk))


def blank_comments(text: str) -> str:
    """Obsidian's comments (``%% ... %%`` in a line or across lines; one never closed runs to the end of the note)
    taken out: Obsidian shows them only while editing, so the site and shared guides never show them. A comment
    across lines leaves its lines blank, so every line stays where it was; one inside a line is cut out
    (``Pri%%x%%vate`` reads "Private"). ``%%`` in code (a fence, or `inline code`) is code, unless a comment is
    already open."""
    return comments_and_where_unclosed(text)[0]


def comments_and_where_unclosed(text: str) -> tuple[str, int | None]:
    """:func:`blank_comments`, and the line (from 0) where a comment opens that is never closed, if one does."""
    if "%%" not in text:
        return text, None
    out: list[str] = []
    fence: str | None = None
    opened: int | None = None
    for n, line in enumerate(text.split("\n")):
        if opened is None:
            m = _FENCE.match(line)
            if fence is not None:
                if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                    fence = None
                out.append(line)
                continue
            if m:
                fence = m.group(1)
                out.append(line)
                continue
            if "%%" not in line:
                out.append(line)
                continue
        shown, still_open = _uncommented(line, opened is not None)
        if still_open and opened is None:
            opened = n
        elif not still_open:
            opened = None
        out.append(shown)
    return "\n".join(out), opened


def _uncommented(line: str, inside: bool) -> tuple[str, bool]:
    """One line without its comment parts, and whether a comment is open at its end."""
    out: list[str] = []
    at = 0
    while at <= len(line):
        mark = line.find("%%", at)
        if inside:
            if mark < 0:
                return "".join(out).rstrip(), True  # trailing spaces would make a Markdown line break
            at, inside = mark + 2, False
            continue
        code = _CODE_SPAN.search(line, at)
        if mark < 0:
            out.append(line[at:])
            break
        if code and code.start() <= mark:  # %% in `inline code` is code
            out.append(line[at:code.end()])
            at = code.end()
            continue
        out.append(line[at:mark])
        at, inside = mark + 2, True
    return "".join(out).rstrip(), inside


# --- Dataview inline fields ------------------------------------------------------------------


@dataclass(frozen=True)
class InlineField:
    key: str  # as the schema names fields: lower case, underscores
    value: str
    line: int  # 0-based line within the body


def field_key(written: str) -> str:
    """``Introduced By`` and ``introduced-by`` are ``introduced_by``, as Dataview treats them alike."""
    return _KEY_GAPS.sub("_", written.strip().casefold())


_KEY_GAPS = re.compile(r"[\s\-]+")


def inline_fields(body: str) -> list[InlineField]:
    """Every ``key:: value`` of the body outside code, in order (the first of a name counts)."""
    if "::" not in body:
        return []
    out: list[InlineField] = []
    fence: str | None = None
    if "```" not in body and "~~~" not in body:  # no code block: only the lines with a field need reading
        at, line_no, counted = body.find("::"), 0, 0
        while at != -1:
            start = body.rfind("\n", 0, at) + 1
            end = body.find("\n", at)
            end = len(body) if end == -1 else end
            line_no += body.count("\n", counted, start)
            counted = start
            out.extend(_fields_of(body[start:end], line_no))
            at = body.find("::", end)
        return out
    for i, line in enumerate(body.split("\n")):
        m = _FENCE.match(line)
        if m:
            if fence is None:
                fence = m.group(1)
            elif m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if fence is not None or "::" not in line:
            continue
        out.extend(_fields_of(line, i))
    return out


def _fields_of(line: str, i: int) -> list[InlineField]:
    own = _INLINE_OWN_LINE.match(line)
    if own and not line.lstrip().startswith(("[", "(")):
        return [InlineField(field_key(own.group(1)), own.group(2), i)]
    return [InlineField(field_key(b.group(1)), b.group(2), i) for b in _INLINE_BRACKETED.finditer(_CODE_SPAN.sub("", line))]


_CALLOUT = re.compile(r"^>[ \t]?\[!([A-Za-z-]+)\]([+-]?)[ \t]*(.*)$")
_QUOTED = re.compile(r"^>[ \t]?")
_HIGHLIGHT = re.compile(r"==(?=\S)([^=\n]+?)(?<=\S)==")
# Obsidian's callout types as Material's admonitions name them (most are the same word)
_ADMONITIONS = {"summary": "abstract", "tldr": "abstract", "hint": "tip", "important": "tip", "check": "success",
                "done": "success", "help": "question", "faq": "question", "caution": "warning", "attention": "warning",
                "fail": "failure", "missing": "failure", "error": "danger", "cite": "quote", "todo": "info"}
_KNOWN = {"note", "abstract", "info", "tip", "success", "question", "warning", "failure", "danger", "bug", "example", "quote"}


def show_callouts(markdown: str) -> str:
    """Obsidian's callouts (``> [!tip] Title`` and the quoted lines under it; ``-`` or ``+`` after the type folds
    it) as Material's admonitions, and ``==highlights==`` as highlighted text, as Obsidian's reading view shows
    them. Code is left as written."""
    if "[!" not in markdown and "==" not in markdown:
        return markdown

    def highlight(text: str) -> str:
        return _HIGHLIGHT.sub(r"<mark>\1</mark>", text)

    def chunk(text: str) -> str:  # outside fences: a callout's lines may hold `inline code`
        text = outside_code(text, highlight) if "==" in text else text
        if "[!" not in text:
            return text
        out: list[str] = []
        lines = text.split("\n")
        i = 0
        while i < len(lines):
            m = _CALLOUT.match(lines[i])
            if not m:
                out.append(lines[i])
                i += 1
                continue
            kind = _ADMONITIONS.get(m.group(1).casefold(), m.group(1).casefold())
            kind = kind if kind in _KNOWN else "note"
            marker = {"-": "???", "+": "???+"}.get(m.group(2), "!!!")
            title = m.group(3).strip().replace('"', "&quot;")
            out.append(f'{marker} {kind} "{title}"' if title else f"{marker} {kind}")
            out.append("")
            i += 1
            while i < len(lines) and lines[i].startswith(">"):
                inner = _QUOTED.sub("", lines[i], count=1)
                out.append(f"    {inner}" if inner.strip() else "")
                i += 1
            out.append("")
        return "\n".join(out)

    return outside_code(markdown, chunk, spans=False)


_OWN_LINE_SHOWN = re.compile(r"^(\s{0,3}(?:[-*+]\s+)?)\**([A-Za-z][\w \-]{0,40}?)\**::[ \t]*(.*?)\s*$")


def show_inline_fields(markdown: str) -> str:
    """Dataview's fields as its reading view shows them: ``company:: Globex`` on a line of its own (a line break
    after it, so a run of fields is not one paragraph) and ``[format:: video]`` inside a line as "format: video",
    with the key in bold. Code is left as written."""
    if "::" not in markdown:
        return markdown

    def line(text: str) -> str:
        if "::" not in text:
            return text
        own = _OWN_LINE_SHOWN.match(text)
        if own and not text.lstrip().startswith(("[", "(")):
            return f"{own.group(1)}**{own.group(2).strip()}**: {own.group(3)}  "  # two spaces: a line break
        return _INLINE_BRACKETED.sub(lambda m: f"**{m.group(1).strip()}**: {m.group(2)}", text)

    return outside_code(markdown, lambda chunk: "\n".join(line(x) for x in chunk.split("\n")))


def inline_value(text: str) -> Any:
    """An inline field's value as Dataview types it: ``true``/``false`` and whole numbers are values, anything
    else is text (a date in it is read by the date field itself, as in the frontmatter)."""
    text = text.strip()
    low = text.casefold()
    if low in ("true", "false"):
        return low == "true"
    if text.isdigit() and len(text) < 10:
        return int(text)
    return text


# --- tags ------------------------------------------------------------------------------------


def tag_name(text: str) -> str:
    """``#job-search`` and ``job-search`` are one tag."""
    return text.strip().lstrip("#").strip()


def split_tags(value: str) -> list[str]:
    """``"#a #b"``, ``"a, b"``, ``"a; b"`` and ``"a"`` as a list of tags."""
    if re.search(r"[;,]", value):
        parts = re.split(r"[;,]", value)
    elif "#" in value:
        parts = value.split()  # Obsidian's tags hold no spaces: "#a #b" is two
    else:
        parts = [value]
    return [t for t in (tag_name(p) for p in parts) if t]


_LINK_TARGET_OR_HTML = re.compile(r"\]\([^)\n]*\)|<[^>\n]*>")


def body_tags(body: str) -> list[str]:
    """``#tags`` written in the body's prose (not in code, links or headings), in order, once each."""
    if "#" not in body:
        return []
    if "`" in body or "~~~" in body:
        pieces: list[str] = []
        outside_code(body, lambda chunk: pieces.append(chunk) or chunk)  # type: ignore[func-returns-value]
        body = "\n".join(pieces)  # (a tag right after a code span starts a piece, so it counts)
    if not _BODY_TAG.search(body):  # most bodies: headings only, no tag to look for
        return []
    # a heading's hashes need no removing: they are followed by a space or another hash, never a tag's letter
    text = _LINK_TARGET_OR_HTML.sub(" ", body) if "](" in body or "<" in body else body
    found = (m.group(1).rstrip("/-") for m in _BODY_TAG.finditer(text))
    return list(dict.fromkeys(t for t in found if t and not t.replace("_", "").isdigit()))


# --- template leftovers and templates --------------------------------------------------------


def is_empty(value: Any) -> bool:
    """What a template leaves behind when nothing was filled in: nothing, blank text, an empty list or mapping."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip() or ("[[" in value and link_target(value) == "")
    if isinstance(value, (int, float, dt.date)):
        return False
    if isinstance(value, (list, dict)):
        return all(is_empty(v) for v in (value.values() if isinstance(value, dict) else value))
    return False


def drop_empty(data: dict[Any, Any]) -> dict[Any, Any]:
    """The frontmatter without empty leftovers: empty fields removed, empty items dropped from lists."""
    out: dict[Any, Any] = {}
    for k, v in data.items():
        if isinstance(v, list) and not (len(v) == 1 and isinstance(v[0], list)):
            v = [x for x in v if not _empty_item(x)]
            if v:
                out[k] = v
        elif not is_empty(v):
            out[k] = v
    return out


def _empty_item(value: Any) -> bool:
    """A list item a template left empty (``-`` or ``- ""``); a mapping item is checked by its own fields."""
    if isinstance(value, dict):  # `- name:` with nothing filled in
        return all(v is None or (isinstance(v, str) and not v.strip()) for v in value.values())
    return value is None or (isinstance(value, str) and not value.strip())


def template_reason(src_uri: str, text: str) -> str | None:
    """Why a file is a template and not a note (None: it is a note)."""
    folders = src_uri.split("/")[:-1]
    if any(f.casefold() in TEMPLATE_FOLDERS for f in folders):
        return "it is in a templates folder"
    if "{{" not in text and "<%" not in text:
        return None
    if any(_PLACEHOLDER.search(chunk) for chunk in _prose(text)):
        return "it still has template placeholders ({{...}} or <% ... %>)"
    return None


def _prose(text: str) -> list[str]:
    chunks: list[str] = []
    outside_code(text, lambda c: chunks.append(c) or c)  # type: ignore[func-returns-value]
    return chunks


# --- times of day ----------------------------------------------------------------------------

_DATETIME_TEXT = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
_TIME_TEXT = re.compile(r"(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([AaPp]\.?[Mm]\.?)?")


def parse_datetime_text(text: str) -> tuple[dt.date, dt.time | None] | None:
    """``2026-06-09``, ``2026-06-09 14:30``, ``2026-06-09T14:30:00+02:00``, ``2026-06-09 2:30 PM``: the day and the
    time, if any."""
    m = _DATETIME_TEXT.fullmatch(text.strip())
    if not m:
        day, _, rest = text.strip().partition(" ")
        found = _DATETIME_TEXT.fullmatch(day) if rest else None
        time = parse_time_text(rest) if found and found.group(4) is None else None
        if time is None:
            return None
        parsed = parse_datetime_text(day)
        return (parsed[0], time) if parsed else None
    try:
        day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m.group(4) is None:
            return day, None
        zone = _zone(m.group(7))
        return day, dt.time(int(m.group(4)), int(m.group(5)), int(m.group(6) or 0), tzinfo=zone)
    except ValueError:
        return None


def _zone(text: str | None) -> dt.tzinfo | None:
    if not text:
        return None
    if text in ("Z", "z"):
        return dt.timezone.utc
    sign = -1 if text[0] == "-" else 1
    digits = text[1:].replace(":", "")
    return dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))


def time_of_value(value: Any) -> dt.time | None:
    """The time of day a date field's value carries (a YAML timestamp with a time, or text), or None."""
    if isinstance(value, dt.datetime):
        if value.tzinfo is not None:
            return value.timetz()
        return value.time()
    if isinstance(value, str):
        found = parse_datetime_text(value)
        return found[1] if found else None
    return None


def parse_time_text(text: str) -> dt.time | None:
    """``14:30``, ``14:30:00``, ``2:30 PM``, ``9am``: a time of day, or None."""
    m = _TIME_TEXT.fullmatch(text.strip())
    if not m or (m.group(2) is None and m.group(4) is None):
        return None
    hour, minute, second = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    if m.group(4):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if m.group(4)[0] in "Pp" else 0)
    try:
        return dt.time(hour, minute, second)
    except ValueError:
        return None
