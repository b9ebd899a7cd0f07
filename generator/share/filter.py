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
from ..editors import link_key, wikilink_targets
from ..model import Interview, KnowledgeBase, Note
from ..resolve import industry_named, resolve
from ..settings import Settings
from ..questions.lexicon import COMMON_WORDS, STOPWORDS
from .scan import SHARED, redact

ATTACHMENTS = "attachments"
# Passive file types a guide may carry: they show, they never run (no HTML, no SVG, no scripts).
PASSIVE = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".pdf", ".txt", ".csv"})


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
    sources: set[str] = field(default_factory=set)  # the paths of the user's files the guide was made from


# --- names --------------------------------------------------------------------------------------------


def _variants(name: str) -> set[str]:
    """A name as written, without accents, and as handles are made of it (zoraquill, zora.quill, zora_quill)."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    out = {name.strip(), plain.strip()}
    for n in (name, plain):
        words = n.split()
        if len(words) > 1:
            out |= {sep.join(words) for sep in ("", ".", "_", "-")}
    return {" ".join(v.split()) for v in out} - {""}


# Given names and surnames that are also ordinary words: written in lower case they are the word ("I will
# ask"), so only a capitalised one is taken for the name. Every other name is replaced in any case.
_ORDINARY = frozenset("""
will mark bill grace rose may june april august hope faith dawn joy pat sue art rich rob sky summer hunter cash gene
guy jack ray carol penny ruby amber iris lily daisy olive crystal frank sunny miles chase drew lane dean young brown
white black green king park long page bell wood rice cook baker hall hill lee love rivers lake field stone west north
south ford price rose day gray grey fox wolf bird swan nash reed sharp strong best case major early
""".split()) | STOPWORDS | COMMON_WORDS

_URL = re.compile(r"(?:(?<![\w/])(?:[a-z][a-z0-9+.-]*://|www\.)[^\s<>()\[\]\"'`]+)", re.I)
_MD_LINK = re.compile(r"(?<!!)\[(?P<label>[^\]\n]*)\]\((?P<url><[^>\n]*>|[^)\s]+)(?:\s+\"[^\"\n]*\")?\)")


class Scrubber:
    """Replaces the names of people who are not shown by name with how the guide refers to them.

    Names match as whole words in any case, also written as an @mention; a link whose address spells a name
    (``linkedin.com/in/zora-quill``, ``zoraquill.dev``) loses its address and keeps its label.
    """

    def __init__(self, replacements: dict[str, str]) -> None:
        self.replacements = {w.casefold(): r for w, r in replacements.items()}
        words = sorted(self.replacements, key=lambda w: (-len(w), w))
        self.pattern = (re.compile(r"(?<![\w])@?(?:" + "|".join(map(re.escape, words)) + r")(?![\w@])", re.I)
                        if words else None)
        self.tokens = {t for w in self.replacements for t in re.split(r"[^\w]+", w) if t}
        self.joined = {re.sub(r"[^\w]+", "", w) for w in self.replacements if " " in w}

    def names_in(self, url: str) -> bool:
        """Whether an address spells a name: one of its words is a name, or it holds a whole name run together."""
        low = url.casefold()
        return (any(t in self.tokens for t in re.split(r"[^\w]+", low) if t)
                or any(j in re.sub(r"[^\w]+", "", low) for j in self.joined if len(j) >= 6))

    def _unlink(self, text: str) -> str:
        def inline(m: re.Match[str]) -> str:
            url = m.group("url").strip("<>")
            return m.group("label") if _EXTERNAL.match(url) and self.names_in(url) else m.group(0)

        def bare(m: re.Match[str]) -> str:
            return "[link removed]" if self.names_in(m.group(0)) else m.group(0)

        text = _MD_LINK.sub(inline, text)
        text = _REF.sub(lambda m: "" if _EXTERNAL.match(m.group("url").strip("<>")) and self.names_in(m.group("url")) else m.group(0), text)
        return _URL.sub(bare, text)

    def __call__(self, text: str) -> str:
        if not self.pattern or not text:
            return text
        text = self._unlink(text)

        def swap(m: re.Match[str]) -> str:
            found = m.group(0)
            bare = found.lstrip("@")
            if bare.islower() and bare in _ORDINARY:
                return found
            new = self.replacements[bare.casefold()]
            before = text[: m.start()].rstrip(" *_\"'(")
            if not before or before[-1] in ".!?:\n":
                new = new[0].upper() + new[1:]
            return new

        return self.pattern.sub(swap, text)


def _scrubber(full: KnowledgeBase, shown: dict[str, str], named: set[str]) -> Scrubber:
    """Every name, alias, first and last name of everyone not shown by name, mapped to their label."""
    wanted: dict[str, set[str]] = {}
    keep: set[str] = set()  # names of people shown by name: another person with the same first name reads "someone"
    protected: set[str] = {w.casefold() for e in (*full.companies.values(), *full.industries.values())
                           for n in (e.name, *e.aliases) for w in n.split()}
    for person in full.people.values():
        names = {person.name, *person.aliases}
        if person.file is not None:
            names |= set(person.file.meta.get("aliases", []))
        whole = set().union(*(_variants(n) for n in names))
        parts = {p for n in whole for w in n.split() for p in (w, *re.split(r"[-'’]", w)) if re.search(r"\w", p)}
        replacement = shown.get(person.slug, "someone")
        for word in whole | {p for p in parts if p.casefold() not in protected}:
            word = word.casefold()
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
        suffix = posixpath.splitext(parts[-1])[1].lower()
        if suffix not in PASSIVE:
            return None  # a page, a script, an SVG: active content never travels in a guide
        data = self.read(where)
        if data is None:
            return None
        # named by content only: a file name often is a person's name ("zora-quill-cv.pdf")
        name = f"{hashlib.sha256(data).hexdigest()[:16]}{suffix}"
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


# What a guide may take from each kind of file, by allow-list: a field added to the schema later stays home
# until it is named here. Private fields are refused even if listed.
SHAREABLE: dict[str, frozenset[str]] = {
    schema.INTERVIEW.name: frozenset({"date", "role", "company", "industry", "status", "format", "referrals",
                                      "questions", "insights", "advice", "resources", "share"}),
    schema.REFERRAL.name: frozenset({"name", "company", "role"}),
    schema.QUESTION.name: frozenset({"q", "a", "topic"}),
    schema.COMPANY.name: frozenset({"name", "aliases", "industry", "website", "location"}),
    schema.INDUSTRY.name: frozenset({"name", "aliases"}),
}


def _public(record: schema.Record, meta: dict[str, Any]) -> dict[str, Any]:
    """The fields of ``meta`` a guide may take, at every level of nesting."""
    allowed = SHAREABLE.get(record.name, frozenset())
    out: dict[str, Any] = {}
    for f in record.fields:
        if f.private or f.name not in allowed or f.name not in meta:
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
    out, unknown = [], []
    for name in industries:
        slug = industry_named(full, name)
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
    anyone = _scrubber(full, {}, named)  # roles are written before the labels exist: names in them read "someone"
    roles = {iv.slug: redact(anyone(iv.role)) if iv.role else iv.role for iv in chosen}
    who = {iv.slug: label(roles[iv.slug], full.companies[iv.company].name if iv.company else None) for iv in chosen}
    shown = {iv.person: who[iv.slug] for iv in chosen}  # the newest label wins
    scrub = _scrubber(full, shown, named)
    files = Attachments(read)

    def is_person(name: str) -> bool:
        return full.names.get(link_key(name), "").startswith("people/")

    def clean(text: str) -> str:
        # A guide has no people pages: an Obsidian [[wikilink]] is the name it points at, then scrubbed like any
        # text (what it shows may be a nickname no list of names knows).
        return scrub(redact(wikilink_targets(text, is_person)))

    out: list[Note] = []
    companies: set[str] = set()
    inds: set[str] = set(wanted)
    for n, iv in enumerate(chosen, 1):
        out.append(_interview(iv, n, full, who[iv.slug] if iv.person not in named else full.people[iv.person].name,
                              roles[iv.slug], clean, files))
        companies.update([iv.company] if iv.company else [])
        inds.update(iv.industries)
    for slug in sorted(inds):
        out.extend(_entity_file(full.industries[slug].file, schema.INDUSTRY, clean, files))
    for slug in sorted(companies):
        out.extend(_entity_file(full.companies[slug].file, schema.COMPANY, clean, files))
    used = {iv.note.path for iv in chosen}
    used |= {e.file.path for e in (*(full.industries[s] for s in inds), *(full.companies[s] for s in companies))
             if e.file is not None}
    return Shared(out, [full.industries[s].name for s in wanted], dict(sorted(files.files.items())), used)


def _interview(iv: Interview, n: int, full: KnowledgeBase, person: str, role: str | None, clean: Callable[[str], str],
               files: Attachments) -> Note:
    """A shared conversation: public fields only, the body's recognised sections moved into the frontmatter.

    The free text of the body is left behind: a guide shows what was learned, not the story of a meeting.
    """
    note = iv.note
    # frontmatter answers and insights may hold private markers too
    meta = _texts(_public(schema.INTERVIEW, note.meta), body_parser.strip_private)
    parts = body_parser.parse(body_parser.strip_private(note.body), 1)
    meta["questions"] = meta.get("questions", []) + [
        {"q": q.question, "a": q.answer, **({"topic": q.topic} if q.topic else {})} for q in parts.questions]
    for fld in ("insights", "advice", "resources"):
        meta[fld] = meta.get(fld, []) + getattr(parts, fld)
    for fld in ("questions", "insights", "advice", "resources"):  # links to files first: their names go too
        meta[fld] = _texts(meta[fld], lambda text: files.rewrite(note.src_uri, text))
    meta = _texts(meta, clean)
    company = full.companies[iv.company].name if iv.company else None
    meta["person"] = {"name": person, **({"role": role} if role else {}), **({"company": company} if company else {})}
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
    text = clean(files.rewrite(note.src_uri, body_parser.strip_private(note.body)))
    # frontmatter values may hold private markers too, as a conversation's do
    meta = _texts(_texts(_public(record, note.meta), body_parser.strip_private), clean)
    if "website" in meta and meta["website"] != note.meta.get("website"):
        del meta["website"]  # an address that spells a name or holds contact details: not a company's site
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
