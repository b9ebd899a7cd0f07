"""The conversation lifecycle: what is due (rules), email drafts and the calendar file.

Pure core: nothing here imports MkDocs or click.
"""

from __future__ import annotations

from ..derived import once_per_build
from ..model import KnowledgeBase
from ..settings import Settings
from .rules import DueItem, Rules, counts, due_items, waiting

__all__ = ["DueItem", "Rules", "counts", "due_items", "items_for", "waiting"]


@once_per_build
def items_for(kb: KnowledgeBase, settings: Settings) -> list[DueItem]:
    """The due items of one build, with the rules from the settings."""
    return due_items(kb, Rules.from_options(settings.followups))
