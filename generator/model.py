"""The knowledge base's data: small typed classes, equal and hashable by slug.

Loading produces :class:`Note`; resolving produces the entities and :class:`KnowledgeBase`.
Nothing here knows about MkDocs, click or templates.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

from .diagnostics import Diagnostic


@dataclass
class QA:
    """One question asked in a conversation, with its answer where there is one."""

    question: str
    answer: str
    line: int
    topic: str | None = None
    interview: str = ""  # the interview's slug, filled in by resolve


@dataclass
class Task:
    """Something to do, from a note: a task item (``- [ ] ...``, ``- [x] ...``) or an item under ``## Next Steps``."""

    text: str
    done: bool
    line: int
    due: dt.date | None = None  # Obsidian Tasks' ``📅 2026-06-20`` or Dataview's ``[due:: 2026-06-20]``


@dataclass
class BodyParts:
    """What the body's recognised sections hold (``## Questions``, ``## Insights`` ...)."""

    questions: list[QA] = field(default_factory=list)
    insights: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    actions: list[Task] = field(default_factory=list)


@dataclass
class Note:
    """One Markdown file in ``content/<kind>/`` as written by the user, validated."""

    path: str  # as reported: ``content/interviews/x.md``
    src_uri: str  # relative to the docs dir: ``interviews/x.md``
    kind: str  # interviews | people | companies | industries
    meta: dict[str, Any]
    body: str
    body_line: int
    parts: BodyParts
    ok: bool = True  # False: the note has an error and is left out of the site
    lines: dict[str, int] = field(default_factory=dict)  # frontmatter field -> line
    extra: dict[str, Any] = field(default_factory=dict)  # fields the schema does not know, kept to show as written


@dataclass(eq=False)
class Entity:
    """A person, company or industry: its identity is its slug."""

    slug: str
    name: str
    aliases: list[str] = field(default_factory=list)
    file: Note | None = None  # the user's own ``content/<kind>/<slug>.md``, if any

    kind = "entity"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Entity) and (self.kind, self.slug) == (other.kind, other.slug)

    def __hash__(self) -> int:
        return hash((self.kind, self.slug))

    @functools.cached_property
    def src_uri(self) -> str:  # every link to the entity asks for it: worked out once
        return f"{self.kind}/{self.slug}.md"


@dataclass(eq=False)
class Industry(Entity):
    kind = "industries"


@dataclass(eq=False)
class Company(Entity):
    industries: list[str] = field(default_factory=list)
    website: str = ""
    location: str = ""
    kind = "companies"


@dataclass(eq=False)
class Person(Entity):
    role: str = ""
    company: str | None = None
    industries: list[str] = field(default_factory=list)
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    keep_in_touch: int | None = None
    tags: list[str] = field(default_factory=list)
    kind = "people"


@dataclass
class Referral:
    """Someone a person suggested you talk to."""

    person: str  # slug
    by: str  # slug of who suggested them
    interview: str  # slug of the conversation it came from
    company: str | None = None
    role: str = ""
    why: str = ""
    contacted: dt.date | bool = False


@dataclass
class Action:
    """Advice acted on; the person who gave it should hear what came of it."""

    what: str
    on: dt.date | None = None
    update_sent: dt.date | bool = False


@dataclass(eq=False)
class Interview:
    """One conversation, resolved: every name replaced by an entity slug."""

    slug: str
    note: Note
    date: dt.date
    person: str
    title: str
    status: str
    share: str
    time: dt.time | None = None  # the time of day, when the note gives one (``date: 2026-06-09 14:30`` or ``time:``)
    people: list[str] = field(default_factory=list)  # slugs of others who took part
    actions: list[Task] = field(default_factory=list)  # things to do from the note's task items and action sections
    company: str | None = None
    role: str = ""
    industries: list[str] = field(default_factory=list)
    channel: str | None = None
    introduced_by: str | None = None
    format: str | None = None
    requested_on: dt.date | None = None
    followed_up_on: dt.date | None = None
    thank_you_sent: dt.date | bool | None = None
    follow_up_on: dt.date | None = None
    referrals: list[Referral] = field(default_factory=list)
    questions: list[QA] = field(default_factory=list)
    insights: list[str] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)
    resources: list[str] = field(default_factory=list)
    acted_on: list[Action] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Interview) and self.slug == other.slug

    def __hash__(self) -> int:
        return hash(self.slug)

    @functools.cached_property
    def src_uri(self) -> str:
        return self.note.src_uri

    @property
    def held(self) -> bool:
        return self.status == "done"


@dataclass
class KnowledgeBase:
    """Everything resolved from the notes: the single input of every page."""

    today: dt.date
    interviews: list[Interview] = field(default_factory=list)  # newest first
    people: dict[str, Person] = field(default_factory=dict)
    companies: dict[str, Company] = field(default_factory=dict)
    industries: dict[str, Industry] = field(default_factory=dict)
    notes: list[Note] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict, repr=False)  # what a [[wikilink]] may name -> src_uri

    by: dict[tuple[str, str], list[Interview]] = field(default_factory=dict, repr=False)

    def index(self) -> None:
        """Index conversations by person, company, industry and introducer, once, so pages stay linear."""
        self.by.clear()
        for iv in self.interviews:
            keys = [("person", iv.person)]
            keys += [("company", iv.company)] if iv.company else []
            keys += [("introduced_by", iv.introduced_by)] if iv.introduced_by else []
            keys += [("industry", s) for s in iv.industries]
            for k in keys:
                self.by.setdefault(k, []).append(iv)

    def interviews_with(self, attr: str, slug: str) -> list[Interview]:
        """Conversations whose ``attr`` (person, company, industry, introduced_by) is ``slug``, newest first."""
        return self.by.get((attr, slug), [])

    @property
    def referrals(self) -> list[Referral]:
        return [r for iv in self.interviews for r in iv.referrals]
