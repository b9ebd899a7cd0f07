"""The index pages that the small nav links to: conversations, people, companies, industries."""

from __future__ import annotations

from typing import Iterable

from ..derive import Derived
from ..model import KnowledgeBase
from ..render import PageSpec
from ..settings import Settings

LISTS = ("conversations", "entities")  # every conversation, person, company, industry and their counts


def pages(kb: KnowledgeBase, derived: Derived, settings: Settings) -> Iterable[PageSpec]:
    months: dict[str, list] = {}
    for iv in kb.interviews:
        months.setdefault(iv.date.strftime("%Y-%m"), []).append(iv)
    yield PageSpec("interviews/index.md", "interviews_index.md.j2", {}, "Conversations", reads=LISTS)
    # the timeline has its own page: a frontmatter save changes the table (roles, statuses), rarely the timeline
    yield PageSpec("interviews/timeline.md", "interviews_timeline.md.j2", {"months": months}, "Timeline", reads=LISTS)
    people = sorted(kb.people.values(), key=lambda p: (p.name.casefold(), p.slug))
    yield PageSpec("people/index.md", "people_index.md.j2", {"people": people}, "People", reads=LISTS)
    companies = sorted(kb.companies.values(), key=lambda c: (c.name.casefold(), c.slug))
    yield PageSpec("companies/index.md", "companies_index.md.j2", {"companies": companies}, "Companies", reads=LISTS)
    industries = sorted(kb.industries.values(), key=lambda i: (i.name.casefold(), i.slug))
    yield PageSpec("industries/index.md", "industries_index.md.j2", {"industries": industries}, "Industries", reads=LISTS)
