"""The note-format guide page, generated from the schema table so it can never fall behind the code."""

from __future__ import annotations

from typing import Iterable

from .. import body, schema
from ..derive import Derived
from ..model import KnowledgeBase
from ..render import PageSpec
from ..settings import Settings


def pages(kb: KnowledgeBase, derived: Derived, settings: Settings) -> Iterable[PageSpec]:
    headings = [(section, [f"`## {name}`" for name in names]) for section, names in body.HEADINGS.items()]
    yield PageSpec("guide/note-format.md", "note_format.md.j2",
                   {"reference": schema.markdown_reference(), "headings": headings}, "Note format",
                   reads=())  # the schema only
