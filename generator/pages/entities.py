"""One page per person, company and industry; a company or industry page gathers what was learned."""

from __future__ import annotations

from typing import Iterable

from ..model import KnowledgeBase
from ..render import PageSpec
from ..settings import Settings
from ..lifecycle.drafts import drafts_by_person
from .gather import gather
from .questions import groups_for
from ..network.graph import build as build_network


def pages(kb: KnowledgeBase, settings: Settings) -> Iterable[PageSpec]:
    introduced: dict[str, list] = {}
    for iv in kb.interviews:
        if iv.introduced_by:
            introduced.setdefault(iv.introduced_by, []).append(iv)
    referred_by: dict[str, list] = {}
    referred: dict[str, list] = {}
    for r in kb.referrals:
        referred_by.setdefault(r.person, []).append(r)
        referred.setdefault(r.by, []).append(r)
    drafts = drafts_by_person(kb, settings)
    net = build_network(kb, settings)
    for p in kb.people.values():
        ivs = kb.interviews_with("person", p.slug)
        yield PageSpec(
            p.src_uri,
            "person.md.j2",
            {
                "person": p,
                "interviews": ivs,
                "introduced": introduced.get(p.slug, []),
                "introducers": sorted({iv.introduced_by for iv in ivs if iv.introduced_by}),
                "referred": referred.get(p.slug, []),
                "referred_by": referred_by.get(p.slug, []),
                "answers": [(q, iv) for iv in ivs for q in iv.questions if q.answer],
                "drafts": drafts.get(p.slug, []),
                "net": net,
            },
            title=p.name,
        )
    works_at: dict[str, set[str]] = {}
    for p in kb.people.values():
        if p.company:
            works_at.setdefault(p.company, set()).add(p.slug)
    leads: dict[str, list] = {}
    for r in kb.referrals:
        if r.company:
            leads.setdefault(r.company, []).append(r)
    for c in kb.companies.values():
        ivs = kb.interviews_with("company", c.slug)
        staff = sorted({iv.person for iv in ivs} | works_at.get(c.slug, set()), key=lambda s: (kb.people[s].name.casefold(), s))
        yield PageSpec(
            c.src_uri,
            "company.md.j2",
            {"company": c, "interviews": ivs, "staff": staff, "learned": gather(ivs),
             "leads": leads.get(c.slug, []), "question_groups": groups_for(kb, "company", c.slug)},
            title=c.name,
        )
    for ind in kb.industries.values():
        ivs = kb.interviews_with("industry", ind.slug)
        companies = sorted((c for c in kb.companies.values() if ind.slug in c.industries), key=lambda c: c.name.casefold())
        yield PageSpec(
            ind.src_uri,
            "industry.md.j2",
            {"industry": ind, "interviews": ivs, "companies": companies, "learned": gather(ivs),
             "question_groups": groups_for(kb, "industry", ind.slug),
             "people": sorted({iv.person for iv in ivs}, key=lambda s: (kb.people[s].name.casefold(), s))},
            title=ind.name,
        )
