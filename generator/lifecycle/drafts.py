"""Which drafts a person page shows: one per due item that an email does, most urgent first."""

from __future__ import annotations

from ..derived import once_per_build
from ..model import KnowledgeBase
from ..settings import Settings
from . import emails, items_for
from .rules import DueItem


@once_per_build
def drafts_by_person(kb: KnowledgeBase, settings: Settings) -> dict[str, list[tuple[DueItem, emails.Draft]]]:
    out: dict[str, list[tuple[DueItem, emails.Draft]]] = {}
    for item in items_for(kb, settings):
        draft = emails.for_item(kb, settings, item)
        if draft is not None:
            out.setdefault(item.person, []).append((item, draft))
    return out
