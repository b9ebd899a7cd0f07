"""``/follow-ups/``: what is overdue, due now and coming up, each linked to its note and its draft."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from ..derive import Derived
from ..lifecycle import DueItem
from ..lifecycle.calendar import summary
from ..model import KnowledgeBase
from ..render import PageSpec
from ..settings import Settings
from ..urls import prep_uri

INDEX = "follow-ups/index.md"
CALENDAR = "follow-ups/follow-ups.ics"
HEADINGS = {"overdue": "Overdue", "due": "Due now", "upcoming": "Coming up"}


@dataclass(frozen=True)
class Row:
    """One line of the list: the item and where its note and its draft are."""

    item: DueItem
    what: str
    note: str | None  # src_uri of the note
    draft: str | None  # a page (and anchor) that shows the draft or the prep sheet


def rows(kb: KnowledgeBase, derived: Derived) -> list[Row]:
    by_slug = derived.interviews_by_slug
    out = []
    for item in derived.items:
        iv = by_slug.get(item.interview) if item.interview else None
        if iv is None and item.kind == "keep-in-touch":
            iv = next(iter(kb.interviews_with("person", item.person)), None)
        if item.kind == "conversation":
            draft = prep_uri(item.interview)
        elif item.email:
            draft = f"{kb.people[item.person].src_uri}#email-drafts"
        else:
            draft = None
        out.append(Row(item, summary(kb, item), iv.src_uri if iv else None, draft))
    return out


def pages(kb: KnowledgeBase, derived: Derived, settings: Settings) -> Iterable[PageSpec]:
    all_rows = rows(kb, derived)
    yield PageSpec(
        INDEX,
        "followups.md.j2",
        {
            "groups": [(HEADINGS[s], [r for r in all_rows if r.item.state == s]) for s in HEADINGS],
            "counts": derived.item_counts,
            "waiting": derived.waiting,
            "rules": derived.rules,
            "actions": derived.open_actions,
            "history": derived.history,
            "calendar": CALENDAR,
        },
        title="Follow-ups",
        reads=("items", "conversations", "entities"),
    )
