"""The conversation lifecycle: what is due (rules), email drafts and the calendar file.

Pure core: nothing here imports MkDocs or click.
"""

from __future__ import annotations

from .rules import DueItem, Rules, counts, due_items, history_left_out, open_actions, waiting

__all__ = ["DueItem", "Rules", "counts", "due_items", "history_left_out", "open_actions", "waiting"]
