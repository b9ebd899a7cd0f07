"""One page per person, company and industry; a company or industry page gathers what was learned.

Each page's context is made when the page is rendered (a ``functools.partial``): under live reload most
entity pages are reused from the last build, and their contexts (what was learned, drafts) are not needed.
"""

from __future__ import annotations

from functools import partial
from typing import Any, Iterable

from ..derive import Derived
from ..model import Company, Industry, KnowledgeBase, Person
from ..render import PageSpec
from ..settings import Settings
from .gather import gather


def pages(kb: KnowledgeBase, derived: Derived, settings: Settings) -> Iterable[PageSpec]:
    introduced: dict[str, list] = {}
    for iv in kb.interviews:
        if iv.introduced_by:
            introduced.setdefault(iv.introduced_by, []).append(iv)
    referred_by: dict[str, list] = {}
    referred: dict[str, list] = {}
    for r in kb.referrals:
        referred_by.setdefault(r.person, []).append(r)
        referred.setdefault(r.by, []).append(r)
    links = {"introduced": introduced, "referred": referred, "referred_by": referred_by}
    for p in kb.people.values():
        yield PageSpec(p.src_uri, "person.md.j2", partial(_person, kb, derived, p, links), p.name,
                       reads=(f"person:{p.slug}",))
    works_at: dict[str, set[str]] = {}
    for p in kb.people.values():
        if p.company:
            works_at.setdefault(p.company, set()).add(p.slug)
    leads: dict[str, list] = {}
    for r in kb.referrals:
        if r.company:
            leads.setdefault(r.company, []).append(r)
    for c in kb.companies.values():
        yield PageSpec(c.src_uri, "company.md.j2", partial(_company, kb, derived, c, works_at, leads), c.name,
                       reads=(f"company:{c.slug}", "bank"))
    for ind in kb.industries.values():
        yield PageSpec(ind.src_uri, "industry.md.j2", partial(_industry, kb, derived, ind), ind.name,
                       reads=(f"industry:{ind.slug}", "bank"))


def _person(kb: KnowledgeBase, derived: Derived, p: Person, links: dict[str, dict[str, list]]) -> dict[str, Any]:
    ivs = kb.interviews_with("person", p.slug)
    return {
        "person": p,
        "interviews": ivs,
        "introduced": links["introduced"].get(p.slug, []),
        "introducers": sorted({iv.introduced_by for iv in ivs if iv.introduced_by}),
        "referred": links["referred"].get(p.slug, []),
        "referred_by": links["referred_by"].get(p.slug, []),
        "answers": [(q, iv) for iv in ivs for q in iv.questions if q.answer],
        "drafts": derived.drafts.get(p.slug, []),
        "contact": derived.contact,
        "notes_by_slug": derived.interviews_by_slug,  # a draft links its note (which may be a .markdown file)
        "net": derived.network,
    }


def _company(kb: KnowledgeBase, derived: Derived, c: Company, works_at: dict[str, set[str]], leads: dict[str, list]) -> dict[str, Any]:
    ivs = kb.interviews_with("company", c.slug)
    staff = sorted({iv.person for iv in ivs} | works_at.get(c.slug, set()), key=lambda s: (kb.people[s].name.casefold(), s))
    return {"company": c, "interviews": ivs, "staff": staff, "learned": gather(ivs),
            "leads": leads.get(c.slug, []), "question_groups": derived.bank.for_company(c.slug), "contact": derived.contact,
            "said": derived.said_at.get(("company", c.slug), [])}


def _industry(kb: KnowledgeBase, derived: Derived, ind: Industry) -> dict[str, Any]:
    ivs = kb.interviews_with("industry", ind.slug)
    here: dict[str, int] = {}  # each company's conversations in this industry (not those in its other industries)
    for iv in ivs:
        if iv.company:
            here[iv.company] = here.get(iv.company, 0) + 1
    companies = sorted((c for c in kb.companies.values() if ind.slug in c.industries or c.slug in here),
                       key=lambda c: (c.name.casefold(), c.slug))
    held = [iv for iv in ivs if iv.held and iv.date <= kb.today]
    return {"industry": ind, "interviews": ivs, "companies": [(c, here.get(c.slug, 0)) for c in companies],
            "held": len(held), "held_people": len({iv.person for iv in held}),
            "held_companies": len({iv.company for iv in held if iv.company}), "learned": gather(ivs),
            "question_groups": derived.bank.for_industry(ind.slug),
            "said": derived.said_at.get(("industry", ind.slug), []),
            "people": sorted({iv.person for iv in ivs}, key=lambda s: (kb.people[s].name.casefold(), s))}
