"""From what was read to notes in this project's format: matched against the people the notes already name,
checked by the loader, and written only where no file is.

Running an import twice creates nothing new: a person already in ``content/people/`` and a conversation
already noted (same person, same day) are reported as skipped, with why.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..identity import key, slugify
from ..load import Source, discover, load_note
from ..model import KnowledgeBase
from ..escape import md
from ..resolve import resolve
from ..load import load_all
from ..settings import Settings
from .records import ConversationRecord, PersonRecord, Read

CONTACT = ("email", "phone", "linkedin")


@dataclass
class Step:
    """One line of the report: a file to write (``text``), a person merged, or something skipped and why."""

    action: str  # "new" | "merged" | "skipped"
    what: str
    path: str = ""  # relative to the project folder: content/people/x.md
    text: str = ""
    why: str = ""
    rel: str = ""  # relative to the content folder, where it is written


@dataclass
class Plan:
    kind: str
    steps: list[Step] = field(default_factory=list)

    def count(self, action: str) -> int:
        return sum(s.action == action for s in self.steps)

    @property
    def files(self) -> list[Step]:
        return [s for s in self.steps if s.text]


def make_plan(read: Read, docs_dir: Path, settings: Settings, prefix: str = "content") -> Plan:
    """What importing ``read`` into ``docs_dir`` would do, file by file; nothing is written here."""
    kb = _existing(docs_dir, settings)
    plan = Plan(read.kind)
    people = _people_of(read, plan)
    taken: set[str] = set()
    for person in people.values():
        plan.steps.append(_person_step(person, kb, docs_dir, prefix, taken))
    known_days = {(iv.person, iv.date) for iv in kb.interviews}
    for conv in read.conversations:
        plan.steps.append(_conversation_step(conv, kb, docs_dir, prefix, settings, known_days, taken))
    plan.steps.extend(Step("skipped", s.source, why=s.why) for s in read.skipped)
    return plan


def write(plan: Plan, docs_dir: Path) -> int:
    """Write the plan's new files; an existing file is never touched (``x`` mode), whatever happened since."""
    written = 0
    for step in plan.files:
        target = docs_dir / step.rel
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with open(target, "x", encoding="utf-8", newline="\n") as f:
                f.write(step.text)
            written += 1
        except FileExistsError:
            step.action, step.text, step.why = "skipped", "", f"{step.path} appeared meanwhile: not overwritten"
    return written


# --- people ----------------------------------------------------------------------------------


def _existing(docs_dir: Path, settings: Settings) -> KnowledgeBase:
    notes, diags = load_all(discover(docs_dir, ""))
    return resolve(notes, settings, diags)


def _people_of(read: Read, plan: Plan) -> dict[str, PersonRecord]:
    """Contacts by identity: two records of one person (two cards, a row and a page) become one."""
    out: dict[str, PersonRecord] = {}
    records = list(read.people) + [c.person for c in read.conversations if any(getattr(c.person, a) for a in CONTACT)]
    for p in records:
        k = key("people", p.name)
        if not k:
            continue
        if k in out:
            first = out[k]
            added = [a for a in ("role", "company", *CONTACT, "notes") if getattr(p, a) and not getattr(first, a)]
            for a in added:
                setattr(first, a, getattr(p, a))
            first.tags = list(dict.fromkeys(first.tags + p.tags))
            if p.source != first.source:
                plan.steps.append(Step("merged", f"{p.name} ({p.source}) into {first.name} ({first.source})",
                                       why="the same person twice in the source" + (f"; added {', '.join(added)}" if added else "")))
        else:
            out[k] = PersonRecord(**{**p.__dict__, "tags": list(p.tags), "industry": list(p.industry)})
    return out


def _person_slug(name: str, kb: KnowledgeBase) -> tuple[str | None, bool]:
    """The slug of the person ``name`` means in the notes (by name or alias), and whether they have a file."""
    index = _INDEX.get(id(kb))
    if index is None:
        index = {}
        for slug, person in kb.people.items():
            for n in (*person.aliases, person.name):  # the name wins over an alias of someone else
                index[key("people", n)] = slug
        _INDEX.clear()
        _INDEX[id(kb)] = index
    slug = index.get(key("people", name))
    return (slug, kb.people[slug].file is not None) if slug else (None, False)


_INDEX: dict[int, dict[str, str]] = {}  # the people of the one knowledge base being imported into, by identity


def _person_step(p: PersonRecord, kb: KnowledgeBase, docs_dir: Path, prefix: str, taken: set[str]) -> Step:
    slug, has_file = _person_slug(p.name, kb)
    if has_file and slug is not None:
        path = kb.people[slug].file.src_uri  # type: ignore[union-attr]
        meta = kb.people[slug].file.meta  # type: ignore[union-attr]
        given = set(meta) | ({"role"} if "title" in meta else set())  # a person's title: is their job title
        missing = [f"{a}: {getattr(p, a)}" for a in ("role", "company", *CONTACT) if getattr(p, a) and a not in given]
        why = f"already in {prefix}/{path}, which is not changed"
        return Step("skipped", p.name, why=why + (f"; to add what the source knows, write {'; '.join(missing)}" if missing else ""))
    file_slug = slug or slugify(p.name, fallback="person")
    path = f"people/{file_slug}.md"
    if (docs_dir / path).exists() or path in taken:
        return Step("skipped", p.name, why=f"{prefix}/{path} already exists and is not changed")
    taken.add(path)
    text = person_text(p)
    problem = _problem(path, text)
    if problem:
        return Step("skipped", p.name, why=problem)
    if slug is not None:
        return Step("merged", p.name, f"{prefix}/{path}", text,
                    why="your notes already name them: their details go in a new file of theirs", rel=path)
    return Step("new", f"{p.name}{' (' + p.company + ')' if p.company else ''}", f"{prefix}/{path}", text, rel=path)


def person_text(p: PersonRecord) -> str:
    meta: dict[str, Any] = {"name": p.name}
    for attr in ("role", "company", *CONTACT):
        if getattr(p, attr):
            meta[attr] = getattr(p, attr)
    if p.industry:
        meta["industry"] = p.industry
    if p.tags:
        meta["tags"] = p.tags
    body = _body(p.notes)
    return _frontmatter(meta) + (f"\n{body}\n" if body else "")


# --- conversations ---------------------------------------------------------------------------


def _conversation_step(c: ConversationRecord, kb: KnowledgeBase, docs_dir: Path, prefix: str, settings: Settings,
                       known_days: set[tuple[str, dt.date]], taken: set[str]) -> Step:
    what = f"{c.person.name}, {c.date.isoformat()}"
    slug, _ = _person_slug(c.person.name, kb)
    if slug is not None and (slug, c.date) in known_days:
        note = next(iv for iv in kb.interviews if iv.person == slug and iv.date == c.date)
        return Step("skipped", what, why=f"already noted in {prefix}/{note.src_uri}")
    path = f"interviews/{c.date.isoformat()}-{slug or slugify(c.person.name, fallback='person')}.md"
    if (docs_dir / path).exists() or path in taken:
        return Step("skipped", what, why=f"{prefix}/{path} already exists and is not changed")
    taken.add(path)
    text = conversation_text(c, settings.today)
    problem = _problem(path, text)
    if problem:
        return Step("skipped", what, why=problem)
    return Step("new", what, f"{prefix}/{path}", text, rel=path)


def conversation_text(c: ConversationRecord, today: dt.date) -> str:
    """A note in this project's format; contact details stay out of it (they go in the person's file)."""
    meta: dict[str, Any] = {"date": c.date}
    if c.time is not None:
        meta["time"] = c.time.strftime("%H:%M")
    meta["person"] = c.person.name
    if c.person.role:
        meta["role"] = c.person.role
    if c.person.company:
        meta["company"] = c.person.company
    if c.person.industry:
        meta["industry"] = c.person.industry
    meta["status"] = c.fields.get("status") or ("done" if c.date <= today else "scheduled")
    for k, v in c.fields.items():
        if k != "status" and k not in CONTACT:
            meta[k] = v
    if c.title:
        meta["title"] = c.title
    body = _body(c.body)
    return _frontmatter(meta) + (f"\n{body}\n" if body else "")


# --- text ------------------------------------------------------------------------------------

_LOCAL_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\((?![a-z][a-z0-9+.-]*:|#)[^)\n]*\)", re.I)


def _body(text: str) -> str:
    """Imported Markdown: raw HTML and script URLs neutralised, links to the source's own files (which are not
    imported) kept as their text."""
    text = _LOCAL_LINK.sub(lambda m: m.group(2), text.strip())
    return md(text)


def _frontmatter(meta: dict[str, Any]) -> str:
    dumped = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, default_flow_style=False, width=1_000)
    return f"---\n{dumped}---\n"


def _problem(path: str, text: str) -> str:
    """The loader's first error on the note about to be written (it must build as it is), or ''."""
    note, diags = load_note(Source(f"content/{path}", path, text.encode("utf-8")))
    errors = [d for d in diags if d.is_error]
    if note is None or errors:
        d = errors[0] if errors else None
        return f"would not be a valid note: {d.field + ': ' if d and d.field else ''}{d.message if d else 'unreadable'}"
    return ""
