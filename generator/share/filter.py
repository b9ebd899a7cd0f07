"""The privacy filter: loaded notes in, only what may be shared out, before anything is derived.

A guide is built by resolving the notes this module returns, never the user's own notes, so pages,
the search index, the sitemap, JSON and attachments cannot carry anything else. What goes:

- only held conversations marked ``share: anonymous`` or ``share: named`` in the chosen industries;
- frontmatter fields flagged ``private`` in :mod:`generator.schema` (contact details, follow-up dates,
  introductions, tags, ...), at every level;
- ``## Private`` sections and ``<!-- private -->`` blocks of every body;
- people files, whole; and every private file a note links to;
- people's names: an anonymous person becomes "a {role} at {company}", and every name or alias of a
  person who is not shown by name is replaced in the text that remains; contact details left in the
  text are redacted.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .. import body as body_parser
from .. import schema
from ..identity import key
from ..model import Interview, KnowledgeBase, Note
from ..resolve import resolve
from ..settings import Settings
from .scan import SHARED, redact

ATTACHMENTS = "attachments"


class UnknownIndustry(ValueError):
    """An industry asked for that no note mentions; the message lists the known ones."""


def label(role: str | None, company: str | None) -> str:
    """How an anonymous person reads: "a {role} at {company}", "someone at {company}", "a {role}", "someone"."""
    role = " ".join((role or "").split())
    if role:
        article = "an" if re.match(r"(?i)[aeio]|u(?!ni|s[eu]|x)|h(?:on|our)", role) else "a"
        who = f"{article} {role}"
    else:
        who = "someone"
    return f"{who} at {company}" if company else who


@dataclass
class Shared:
    """The sanitised notes of one guide, the industries asked for, and the files their public text links to."""

    notes: list[Note]
    industries: list[str]  # canonical names, in the order asked
    attachments: dict[str, bytes] = field(default_factory=dict)  # name under attachments/ -> bytes


# --- names --------------------------------------------------------------------------------------------


def _variants(name: str) -> set[str]:
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return {name.strip(), plain.strip()} - {""}


class Scrubber:
    """Replaces the names of people who are not shown by name with how the guide refers to them."""

    def __init__(self, replacements: dict[str, str]) -> None:
        self.replacements = replacements
        words = sorted(replacements, key=lambda w: (-len(w), w))
        self.pattern = re.compile(r"(?<![\w@.])(?:" + "|".join(map(re.escape, words)) + r")(?![\w@])") if words else None

    def __call__(self, text: str) -> str:
        if not self.pattern or not text:
            return text

        def swap(m: re.Match[str]) -> str:
            new = self.replacements[m.group(0)]
            before = text[: m.start()].rstrip(" *_\"'(")
            if not before or before[-1] in ".!?:\n":
                new = new[0].upper() + new[1:]
            return new

        return self.pattern.sub(swap, text)


def _scrubber(full: KnowledgeBase, shown: dict[str, str], named: set[str]) -> Scrubber:
    """Every name, alias, first and last name of everyone not shown by name, mapped to their label."""
    wanted: dict[str, set[str]] = {}
    keep: set[str] = set()  # names of people shown by name: another person with the same first name reads "someone"
    protected: set[str] = {w for e in (*full.companies.values(), *full.industries.values()) for n in (e.name, *e.aliases) for w in n.split()}
    for person in full.people.values():
        names = {person.name, *person.aliases}
        if person.file is not None:
            names |= set(person.file.meta.get("aliases", []))
        whole = set().union(*(_variants(n) for n in names))
        parts = {w for n in whole for w in (n.split()[0], n.split()[-1]) if len(w) >= 3 and w[0].isupper() and w.isalpha()}
        replacement = shown.get(person.slug, "someone")
        for word in whole | (parts - protected):
            if person.slug in named:
                keep.add(word)
            else:
                wanted.setdefault(word, set()).add(replacement)
    return Scrubber({w: (r.pop() if len(r) == 1 and w not in keep else "someone") for w, r in wanted.items()})


# --- links to files -----------------------------------------------------------------------------------

_LINK = re.compile(r"(!?\[(?P<label>[^\]\n]*)\]\()(?P<url><[^>\n]*>|[^)\s]+)(?P<title>\s+\"[^\"\n]*\")?\)")
_REF = re.compile(r"^(?P<head>[ ]{0,3}\[[^\]\n]+\]:[ \t]*)(?P<url><[^>\n]*>|\S+)(?P<rest>.*)$", re.M)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//|#)", re.I)


class Attachments:
    """Copies the local files that shared text links to, under a name made from their content."""

    def __init__(self, read: Callable[[str], bytes | None]) -> None:
        self.read = read
        self.files: dict[str, bytes] = {}

    def target(self, src_uri: str, url: str) -> str | None:
        """The shared name of the file ``url`` points to from ``src_uri``; None when it cannot be shared."""
        path = url.strip("<>").split("#", 1)[0].split("?", 1)[0]
        if not path or path.startswith("/"):
            return None
        where = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
        parts = where.split("/")
        if where.startswith("..") or where.endswith(".md") or any(p.startswith(".") for p in parts) or parts[0] == "people":
            return None
        data = self.read(where)
        if data is None:
            return None
        name = f"{hashlib.sha256(data).hexdigest()[:12]}-{parts[-1]}"
        self.files[name] = data
        return f"{ATTACHMENTS}/{name}"

    def rewrite(self, src_uri: str, text: str) -> str:
        """Local links point at the copied file (docs-root relative); links that cannot be shared keep their label only."""

        def inline(m: re.Match[str]) -> str:
            url = m.group("url")
            if _EXTERNAL.match(url.strip("<>")):
                return m.group(0)
            target = self.target(src_uri, url)
            if target is None:
                return m.group("label")
            return f"{m.group(1)}{target}{m.group('title') or ''})"

        def ref(m: re.Match[str]) -> str:
            url = m.group("url")
            if _EXTERNAL.match(url.strip("<>")):
                return m.group(0)
            target = self.target(src_uri, url)
            return f"{m.group('head')}{target}{m.group('rest')}" if target else ""

        return _REF.sub(ref, _LINK.sub(inline, text))


# --- notes --------------------------------------------------------------------------------------------


def _public(record: schema.Record, meta: dict[str, Any]) -> dict[str, Any]:
    """``meta`` without the fields the schema flags private, at every level of nesting."""
    out: dict[str, Any] = {}
    for f in record.fields:
        if f.private or f.name not in meta:
            continue
        value, nested = meta[f.name], f.type.record
        if nested is not None and isinstance(value, list):
            value = [_public(nested, v) for v in value if isinstance(v, dict)]
        elif nested is not None and isinstance(value, dict):
            value = _public(nested, value)
        out[f.name] = value
    return out


def _texts(value: Any, clean: Callable[[str], str]) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_texts(v, clean) for v in value]
    if isinstance(value, dict):
        return {k: _texts(v, clean) for k, v in value.items()}
    return value


def _requested(full: KnowledgeBase, industries: list[str]) -> list[str]:
    """The industry slugs asked for, by name or alias; an unknown name is an error that lists the known ones."""
    by_key: dict[str, str] = {}
    for ind in full.industries.values():
        for name in (ind.name, ind.slug, *ind.aliases):
            by_key.setdefault(key("industries", name), ind.slug)
    out, unknown = [], []
    for name in industries:
        slug = by_key.get(key("industries", name))
        if slug is None:
            unknown.append(name)
        elif slug not in out:
            out.append(slug)
    if unknown:
        known = ", ".join(sorted(i.name for i in full.industries.values()))
        raise UnknownIndustry(f"unknown industry {', '.join(map(repr, unknown))}; known: {known}")
    return out


def share_notes(notes: list[Note], settings: Settings, industries: list[str],
                read: Callable[[str], bytes | None] = lambda uri: None) -> Shared:
    """The sanitised notes of a guide to ``industries``; ``read`` returns a docs-dir file's bytes, for attachments."""
    full = resolve(notes, settings)
    wanted = _requested(full, industries)
    chosen: list[Interview] = sorted(
        (iv for iv in full.interviews if iv.share in SHARED and iv.held and set(iv.industries) & set(wanted)),
        key=lambda iv: (iv.date, iv.note.src_uri),
    )
    named = {iv.person for iv in chosen} - {iv.person for iv in chosen if iv.share != "named"}
    who = {iv.slug: label(iv.role, full.companies[iv.company].name if iv.company else None) for iv in chosen}
    shown = {iv.person: who[iv.slug] for iv in chosen}  # the newest label wins
    scrub = _scrubber(full, shown, named)
    files = Attachments(read)

    def clean(text: str) -> str:
        return redact(scrub(text))

    out: list[Note] = []
    companies: set[str] = set()
    inds: set[str] = set(wanted)
    for n, iv in enumerate(chosen, 1):
        out.append(_interview(iv, n, full, who[iv.slug] if iv.person not in named else full.people[iv.person].name,
                              clean, files))
        companies.update([iv.company] if iv.company else [])
        inds.update(iv.industries)
    for slug in sorted(inds):
        out.extend(_entity_file(full.industries[slug].file, schema.INDUSTRY, clean, files))
    for slug in sorted(companies):
        out.extend(_entity_file(full.companies[slug].file, schema.COMPANY, clean, files))
    return Shared(out, [full.industries[s].name for s in wanted], dict(sorted(files.files.items())))


def _interview(iv: Interview, n: int, full: KnowledgeBase, person: str, clean: Callable[[str], str], files: Attachments) -> Note:
    """A shared conversation: public fields only, the body's recognised sections moved into the frontmatter.

    The free text of the body is left behind: a guide shows what was learned, not the story of a meeting.
    """
    note = iv.note
    meta = _public(schema.INTERVIEW, note.meta)
    parts = body_parser.parse(body_parser.strip_private(note.body), 1)
    meta["questions"] = meta.get("questions", []) + [
        {"q": q.question, "a": q.answer, **({"topic": q.topic} if q.topic else {})} for q in parts.questions]
    for fld in ("insights", "advice", "resources"):
        meta[fld] = meta.get(fld, []) + getattr(parts, fld)
    meta = _texts(meta, clean)
    for fld in ("questions", "insights", "advice", "resources"):
        meta[fld] = _texts(meta[fld], lambda text: files.rewrite(note.src_uri, text))
    company = full.companies[iv.company].name if iv.company else None
    meta["person"] = {"name": person, **({"role": iv.role} if iv.role else {}), **({"company": company} if company else {})}
    meta.pop("company", None)
    meta.pop("role", None)
    meta["industry"] = [full.industries[s].name for s in iv.industries]
    meta["referrals"] = [{**r, "name": label(r.get("role"), r.get("company"))} for r in meta.get("referrals", [])]
    meta["title"] = f"{person} · {iv.date.isoformat()}"
    uri = f"interviews/shared-{n:04d}.md"
    return Note(f"shared/{uri}", uri, "interviews", meta, "", 1, body_parser.parse("", 1))


def _entity_file(note: Note | None, record: schema.Record, clean: Callable[[str], str], files: Attachments) -> list[Note]:
    """A company or industry file: public fields and the body without its private parts."""
    if note is None or not note.ok:
        return []
    text = files.rewrite(note.src_uri, clean(body_parser.strip_private(note.body)))
    meta = _public(record, note.meta)
    return [Note(f"shared/{note.src_uri}", note.src_uri, note.kind, meta, text, 1, body_parser.parse(text, 1))]


def reader(docs_dir: Path) -> Callable[[str], bytes | None]:
    """Reads a file of the docs dir by its URI, never outside it."""
    root = Path(docs_dir).resolve()

    def read(uri: str) -> bytes | None:
        path = (root / uri).resolve()
        if root not in path.parents or not path.is_file():
            return None
        return path.read_bytes()

    return read
