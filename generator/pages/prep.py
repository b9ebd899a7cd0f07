"""``/prep/<note>/``: a prep sheet for each requested or scheduled conversation.

Who they are and how you reach them (the introduction chain), what earlier notes say about
their company and industry, starter questions nobody in that industry has been asked yet,
your introduction, a checklist and the email drafts. ``insight prep NAME`` prints the same page.
"""

from __future__ import annotations

from collections import Counter
from functools import partial
from typing import Any, Iterable

from ..derive import PREP_STATUSES, Derived
from ..fragments import time_text
from ..model import Interview, KnowledgeBase, Referral
from ..questions.bank import QuestionGroup
from ..questions import TOPICS, intent_of, load_starter_bank
from ..render import PageSpec
from ..settings import Settings
from ..urls import prep_uri
from .gather import gather

PER_TOPIC = 2
MAX_SUGGESTIONS = 12
MAX_LEARNED = 5
MAX_FROM_BANK = 8


def introducer_of(kb: KnowledgeBase, derived: Derived, person: str) -> str | None:
    """Who connected you to ``person``: the earliest note's ``introduced_by``, else who suggested them."""
    for iv in reversed(kb.interviews_with("person", person)):
        if iv.introduced_by:
            return iv.introduced_by
    suggested = sorted((iv.date, r.by) for iv, r in derived.referrals_to.get(person, ()))
    return suggested[0][1] if suggested else None


def intro_chain(kb: KnowledgeBase, derived: Derived, person: str) -> list[str]:
    """``[someone you reached yourself, ..., person]`` following introductions back to you.

    A small walk over ``introduced_by``; the network map computes richer paths and could serve this later.
    """
    chain = [person]
    while (nxt := introducer_of(kb, derived, chain[-1])) and nxt not in chain:
        chain.append(nxt)
    return chain[::-1]


class Shared:
    """What every prep sheet looks up, gathered once for all of them: for each group of the question bank, who was
    asked it and how often in each role and each set of industries; the people suggested at each company. Each
    sheet reading every answer and every referral itself grew with the square of the notes (4 s of a 5,000-note
    build)."""

    def __init__(self, kb: KnowledgeBase, derived: Derived) -> None:
        self.groups = []
        for g in derived.bank.groups:
            roles = Counter((a.interview.role or kb.people[a.person].role).casefold() for a in g.answers)
            industries = Counter(frozenset(a.industries) for a in g.answers)
            self.groups.append((g, {a.person for a in g.answers}, roles, industries))
        self.referrals_at: dict[str, list[Referral]] = {}
        for r in kb.referrals:
            if r.company:
                self.referrals_at.setdefault(r.company, []).append(r)


def from_bank(kb: KnowledgeBase, shared: Shared, iv: Interview) -> list[tuple[QuestionGroup, int, int]]:
    """Questions others were asked that fit this conversation, not planned in its note nor asked of this person
    before: ``(group, times asked of people in the same role, times asked in its industries)``, the role's first."""
    role = (iv.role or kb.people[iv.person].role).casefold()
    industries = set(iv.industries)
    planned = {intent_of(q.question) or q.question.casefold() for q in iv.questions}
    found = []
    for g, people, roles, by_industries in shared.groups:
        if (g.intent or g.canonical.casefold()) in planned or iv.person in people:
            continue
        same_role = roles[role] if role else 0
        same_industry = sum(n for these, n in by_industries.items() if industries & these)
        if same_role or same_industry:
            found.append((g, same_role, same_industry))
    found.sort(key=lambda x: (-x[1], -x[2], x[0].canonical.casefold(), x[0].id))
    return found[:MAX_FROM_BANK]


def suggestions(derived: Derived, iv: Interview, also: set[str | None] = frozenset()) -> list[tuple[str, list[str]]]:  # type: ignore[assignment]
    """Starter questions whose intent nobody in this conversation's industries was asked yet, by topic (not those
    in ``also``, suggested already)."""
    by_industry = derived.intents_asked
    asked = set().union(*(by_industry.get(s, ()) for s in iv.industries)) if iv.industries else set(by_industry[None])
    asked |= {intent_of(q.question) for q in iv.questions} | set(also)
    asked.discard(None)
    picked: dict[str, list[str]] = {}
    total = 0
    for question in load_starter_bank():
        intent = intent_of(question.text)
        if intent is None or intent in asked or len(picked.get(question.topic, [])) >= PER_TOPIC:
            continue
        asked.add(intent)  # one wording per intent
        picked.setdefault(question.topic, []).append(question.text)
    out = []
    for topic in TOPICS:
        if topic.slug in picked and total < MAX_SUGGESTIONS:
            chosen = picked[topic.slug][: MAX_SUGGESTIONS - total]
            total += len(chosen)
            out.append((topic.title, chosen))
    return out


def _learned(kb: KnowledgeBase, iv: Interview) -> tuple[list, list]:
    """Insights and advice from earlier held conversations: first at the same company, then the industries."""
    held = lambda xs: [x for x in xs if x.held and x.date <= kb.today and x.slug != iv.slug]  # noqa: E731
    at_company = held(kb.interviews_with("company", iv.company)) if iv.company else []
    seen = {x.slug for x in at_company}
    in_industry = [x for s in iv.industries for x in held(kb.interviews_with("industry", s)) if x.slug not in seen]
    return gather(at_company, MAX_LEARNED), gather(list(dict.fromkeys(in_industry)), MAX_LEARNED)


def spec(kb: KnowledgeBase, derived: Derived, iv: Interview, shared: Shared | None = None) -> PageSpec:
    person = kb.people[iv.person]
    chain = intro_chain(kb, derived, iv.person)
    return PageSpec(
        prep_uri(iv.slug),
        "prep.md.j2",
        partial(_context, kb, derived, iv, chain, shared),  # made when rendered
        title=f"Prep: {person.name} · {iv.date.isoformat()}",
        # questions asked of anyone in the same role, who was suggested at the company, introductions back to you
        reads=("conversations", "entities", "contact", "bank"),
    )


def _context(kb: KnowledgeBase, derived: Derived, iv: Interview, chain: list[str], shared: Shared | None) -> dict[str, Any]:
    shared = shared or Shared(kb, derived)
    person = kb.people[iv.person]
    company, industry = _learned(kb, iv)
    referred = [(r, x) for x, r in derived.referrals_to.get(iv.person, ())]
    others = [x for x in kb.interviews_with("person", iv.person) if x.slug != iv.slug]
    bank = from_bank(kb, shared, iv)
    # others to talk to at the same company: people suggested to you there, not contacted yet or waiting
    nearby = [(r, derived.contact[r.person]) for r in shared.referrals_at.get(iv.company or "", ())
              if r.person != iv.person and derived.contact[r.person].state in ("not contacted", "requested")]
    nearby = list({r.person: (r, c) for r, c in sorted(nearby, key=lambda x: (kb.people[x[0].person].name.casefold(), x[0].interview))}.values())
    return {
        "when": iv.date.isoformat() + (f" {time_text(iv.time)}" if iv.time else ""),
        "planned": [q.question for q in iv.questions],
        "from_bank": bank,
        "nearby": nearby,
        "iv": iv,
        "person": person,
        "chain": chain,
        "first_channel": next((x.channel for x in reversed(kb.interviews_with("person", chain[0])) if x.channel), None),
        "referred": referred,
        "others": others,
        "learned_groups": [
            (f"At {kb.companies[iv.company].name}" if iv.company else "", company),
            ("In " + ", ".join(kb.industries[s].name for s in iv.industries), industry),
        ],
        "limit": MAX_LEARNED,
        "suggestions": suggestions(derived, iv, {g.intent for g, _, _ in bank}),
        "drafts": derived.prep_drafts[iv.slug],
    }


def pages(kb: KnowledgeBase, derived: Derived, settings: Settings) -> Iterable[PageSpec]:
    preps = sorted((iv for iv in kb.interviews if iv.status in PREP_STATUSES), key=lambda x: x.slug)
    shared = Shared(kb, derived) if preps else None
    for iv in preps:
        yield spec(kb, derived, iv, shared)
