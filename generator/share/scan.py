"""Contact details written where they would be shared: email addresses, phone numbers, profile URLs.

``insight check`` warns about them (the text of a shared note goes into guides as written), and the
share filter redacts them as a second line of defence. Patterns err on the side of finding too much
in prose, but leave dates, years and links to repositories alone.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterator

from .. import private
from ..private import readable
from ..diagnostics import Diagnostic
from ..model import Note

SHARED = ("anonymous", "named")
HINT = "move it into a ## Private section or the people file; shared guides redact it"

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[^\W_][\w-]*(?:\.[\w-]+)*\.[^\W\d_]{2,}")  # exämple.com too
_PROFILE = re.compile(
    r"(?:https?://)?(?:[\w-]+\.)?(?:"
    r"linkedin\.com/(?:in|pub|profile)/[^\s)\]>\"']+"
    r"|(?:twitter|x)\.com/(?!(?:home|search|hashtag|i|intent|share)\b)\w+"
    r"|github\.com/[A-Za-z0-9-]+(?![\w/-])"
    r"|(?:instagram|facebook|threads)\.(?:com|net)/[\w.]+"
    r"|bsky\.app/profile/[\w.:-]+"
    r"|wa\.me/\+?\d+"
    r")",
    re.I,
)
# An address written so that scrapers miss it: "ana at example dot com", "ana [at] example [dot] org",
# "ana(at)example.org". Spelled-out "dot", or a bracketed "at", is what sets it apart from "look at acme.com".
_AT = r"(?:\s*[\[({<]\s*at\s*[\])}>]\s*|\s+at\s+|\s*@\s*)"
_DOT = r"(?:\s*[\[({<]\s*dot\s*[\])}>]\s*|\s+dot\s+)"
# "sam dot lee at gmail dot com": the name before the "at" may have its own dots; and where a match could end early
# ("or at sam dot lee" + " at gmail dot com") the rest is taken too, so no part of the address is left behind
_OBFUSCATED = re.compile(
    r"(?<![\w.+-])[\w.+-]+(?:" + _DOT + r"[\w.+-]+)*(?:" + _AT + r"[\w-]+(?:" + _DOT + r"[\w-]+)+"
    r"|\s*[\[({<]\s*at\s*[\])}>]\s*[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,})"
    r"(?:" + _AT + r"[\w-]+(?:(?:" + _DOT + r"|\.)[\w-]+)+)*(?![\w])",
    re.I,
)
_OBFUSCATION_HINTS = re.compile(r"\bdot\b|[\[({<]\s*at\s*[\])}>]", re.I)
# Each pattern needs something most text lacks: an "@", a digit, a site's name. Looking for that first skips
# the patterns' slow scan of almost every note (_PROFILE tries its optional scheme at every position).
_PROFILE_SITES = ("linkedin.com", "twitter.com", "x.com", "github.com", "instagram.", "facebook.", "threads.", "bsky.app",
                  "wa.me")
_DIGIT = re.compile(r"\d")
# "+44 20 7946 0958", "+1 (415) 555-0199", "07700 900123", "(020) 7946 0958", "+447700900123", "07700900123"
# "+44 20 7946 0958", "+1 (415) 555-0199", "07700 900123", "030 1234567", "555–123–4567", "+15551234567", "5551234567"
_DASH = "\\-\u2010-\u2015\u2212"  # hyphen, non-breaking hyphen, figure dash, en and em dashes, minus
_PHONE = re.compile(rf"(?<![\w/.+{_DASH}])(?:(\+\s?\d{{1,3}}[\s.{_DASH}]?)?(\(\d{{1,5}}\)[\s.{_DASH}]?)?\d{{1,5}}"
                    rf"(?:[\s.{_DASH}]\d{{2,8}}){{1,5}}|\+?\d{{10,14}})(?![\w/]|[.{_DASH}]\d)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

KINDS = {"email": "an email address", "phone": "a phone number", "profile": "a profile URL"}


def _is_phone(m: re.Match[str]) -> bool:
    text = m.group(0)
    digits = sum(c.isdigit() for c in text)
    if _DATE.fullmatch(text.strip()):
        return False
    if m.group(1) or text.startswith("+"):  # a country code: a phone number, however short the rest
        return digits >= 8
    if m.group(2):
        return digits >= 9
    groups = re.split(rf"[\s.{_DASH}]+", text)
    if all(_YEAR.fullmatch(g) for g in groups):
        return False
    return digits >= 10


def find_contacts(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, kind) of each email address, profile URL and phone number in ``text``, in order."""
    found: list[tuple[int, int, str]] = []
    if "@" in text:
        for m in _EMAIL.finditer(text):
            found.append((m.start(), m.end(), "email"))
    if _OBFUSCATION_HINTS.search(text):
        for m in _OBFUSCATED.finditer(text):
            found.append((m.start(), m.end(), "email"))
    lower = text.lower()
    if any(site in lower for site in _PROFILE_SITES):
        for m in _PROFILE.finditer(text):
            found.append((m.start(), m.end(), "profile"))
    if _DIGIT.search(text):
        for m in _PHONE.finditer(text):
            if _is_phone(m):
                found.append((m.start(), m.end(), "phone"))
    found.sort()
    end = -1
    for start, stop, kind in found:
        if start >= end:
            yield start, stop, kind
            end = stop


def redact(text: str) -> str:
    """``text`` with contact details replaced by a visible marker: those written plainly, then any that only show as
    the text reads (:func:`readable`); such text loses its fullwidth or invisible characters (a guide shows what was
    learned, not how it was typed)."""
    text = _redact(text)
    plain = readable(text)
    return _redact(plain) if plain != text and any(find_contacts(plain)) else text


def _redact(text: str) -> str:
    out, last = [], 0
    for start, stop, kind in find_contacts(text):
        out.append(text[last:start])
        out.append(f"[{kind} removed]")
        last = stop
    out.append(text[last:])
    return "".join(out)


def _shared_texts(note: Note) -> Iterator[tuple[str, str]]:
    """(field, text) of the frontmatter values a guide would show."""
    m = note.meta
    for q in m.get("questions", []):
        yield "questions", q.get("q", "")
        yield "questions", q.get("a", "")
    for fld in ("insights", "advice", "resources"):
        for text in m.get(fld, []):
            yield fld, text
    for fld in ("title", "role"):
        if m.get(fld):
            yield fld, m[fld]


def note_warnings(note: Note) -> tuple[Diagnostic, ...]:
    """Warnings for contact details in what a note shared with classmates would put into a guide (private parts
    are skipped), and for a body whose private parts cannot be told apart with confidence; none for notes that
    never reach a guide. Loading a note asks for them (:func:`generator.load.load_note`), so they are found
    where the note is parsed, and kept with it in the parse cache (under serve only a saved note is scanned again)."""
    if note.kind in ("companies", "industries"):  # their text goes into any guide that names them
        return unclear_warnings(note.path, note.body, note.body_line)
    if note.kind != "interviews" or note.meta.get("share") not in SHARED:
        return ()
    shared = tuple((fld, note.lines.get(fld, 1), text) for fld, text in _shared_texts(note))
    return _note_warnings(note.path, note.body, note.body_line, note.meta["share"], shared)


def _note_warnings(path: str, body: str, body_line: int, share: str,
                   shared: tuple[tuple[str, int, str], ...]) -> tuple[Diagnostic, ...]:
    """One shared note's warnings."""
    parts = private.regions(body)
    out = list(_unclear(path, parts, body_line))
    body = parts.blank(body)
    found = list(find_contacts(body))
    out.extend(_hidden(path, body, body_line, share))
    line_starts = [0] + [m.end() for m in re.finditer("\n", body)] if found else []
    for start, _, kind in found:
        row = bisect.bisect_right(line_starts, start) - 1
        out.append(Diagnostic(path, body_line + row, start - line_starts[row] + 1, "body",
                              f"{KINDS[kind]} in a note shared as {share}", HINT, "warning"))
    for fld, line, text in shared:
        for _, _, kind in find_contacts(readable(text)):  # as a guide redacts it
            out.append(Diagnostic(path, line, 1, fld, f"{KINDS[kind]} in a note shared as {share}", HINT, "warning"))
    return tuple(out)


def _hidden(path: str, body: str, body_line: int, share: str) -> list[Diagnostic]:
    """Warnings for the lines whose contact details show only as read (fullwidth, invisible characters, entities,
    %40)."""
    if readable(body) == body:  # most text: nothing reads differently from how it is written
        return []
    out = []
    for row, line in enumerate(body.split("\n")):
        if readable(line) == line:
            continue
        rest = _redact(line)  # what is left once the details written plainly are out
        plain = readable(rest)
        found = list(find_contacts(plain)) if plain != rest else []
        if found:
            kind = found[0][2]
            out.append(Diagnostic(path, body_line + row, 1, "body", f"{KINDS[kind]} in a note shared as {share}, written "
                                  "with look-alike or invisible characters", HINT, "warning"))
    return out


UNCLEAR = "stays out of shared guides"
# what to do, by the reason generator.private gives
UNCLEAR_HINTS = {
    "a code fence here holds a private heading or marker": "close the fence before the private part (``` after the "
                                                           "code), or write the example without a private heading",
    "a code fence opened here is never closed": "close it with ``` after the code, so the rest can be shared",
    "a private marker here has no closing -->": "end the marker with -->, as in <!-- private -->",
    "a closing <!-- /private --> without an opening one": "put <!-- private --> where the private text starts",
    "a <!-- private --> marker here is never closed": "put <!-- /private --> after the private text, so the rest can be shared",
}


def unclear_warnings(path: str, body: str, body_line: int) -> tuple[Diagnostic, ...]:
    """Where the private parts of a body are unclear, the guide fails closed; say where and why."""
    return _unclear(path, private.regions(body), body_line)


def _unclear(path: str, found: private.Regions, body_line: int) -> tuple[Diagnostic, ...]:
    out = []
    for u in found.unclear:
        kept = "the rest of this note" if u.rest else "everything above it"
        out.append(Diagnostic(path, body_line + u.line, 1, "body", f"{u.reason}; {kept} {UNCLEAR}",
                              UNCLEAR_HINTS.get(u.reason, "close it so the rest can be shared"), "warning"))
    return tuple(out)
