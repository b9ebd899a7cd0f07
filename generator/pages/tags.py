"""``/tags/``: every tag of the notes (frontmatter ``tags:`` and ``#tags`` in the text) with what carries it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..derive import Derived
from ..fragments import tag_anchor
from ..model import Interview, KnowledgeBase, Person
from ..render import PageSpec
from ..settings import Settings

INDEX = "tags/index.md"


@dataclass
class Tag:
    """One tag: its name as first written, and the conversations and people that carry it."""

    name: str
    anchor: str
    interviews: list[Interview] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)

    @property
    def count(self) -> int:
        return len(self.interviews) + len(self.people)


def gather(kb: KnowledgeBase) -> list[Tag]:
    """Tags by name, case-insensitively (``#Mentor`` and ``mentor`` are one), most used first."""
    tags: dict[str, Tag] = {}

    def tag(name: str) -> Tag:
        found = tags.get(name.casefold())
        if found is None:
            found = tags[name.casefold()] = Tag(name, tag_anchor(name))
        return found

    for iv in kb.interviews:  # newest first
        for name in dict.fromkeys(x.casefold() for x in iv.tags):
            tag(next(x for x in iv.tags if x.casefold() == name)).interviews.append(iv)
    for p in sorted(kb.people.values(), key=lambda p: p.name.casefold()):
        for name in dict.fromkeys(x.casefold() for x in p.tags):
            tag(next(x for x in p.tags if x.casefold() == name)).people.append(p)
    return sorted(tags.values(), key=lambda g: (-g.count, g.name.casefold()))


def pages(kb: KnowledgeBase, derived: Derived, settings: Settings) -> Iterable[PageSpec]:
    yield PageSpec(INDEX, "tags.md.j2", {"tags": gather(kb)}, title="Tags", reads=("conversations", "entities"))
