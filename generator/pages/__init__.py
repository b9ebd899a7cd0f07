"""Which pages the site has and what each shows: a list of :class:`PageSpec`, built after the derive stage (:mod:`generator.derive`).

Each module here contributes the specs of one part of the site; ``BUILDERS`` lists them, so
adding a part of the site is adding a module and one line.
"""

from __future__ import annotations

from typing import Callable, Iterable

from ..derive import Derived
from ..model import KnowledgeBase
from ..render import PageSpec
from ..settings import Settings
from . import entities, followups, guide, home, indexes, network, pipeline, prep, questions, tags

Builder = Callable[[KnowledgeBase, Derived, Settings], Iterable[PageSpec]]
BUILDERS: list[Builder] = [home.pages, indexes.pages, entities.pages, followups.pages, network.pages, pipeline.pages, prep.pages, questions.pages, guide.pages, tags.pages]


def build_pages(kb: KnowledgeBase, derived: Derived, settings: Settings) -> list[PageSpec]:
    specs: list[PageSpec] = []
    for builder in BUILDERS:
        specs.extend(builder(kb, derived, settings))
    return specs
