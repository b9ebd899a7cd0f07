"""The dashboard: recent conversations, what is coming, open referrals, industries at a glance."""

from __future__ import annotations

from functools import partial
from typing import Any, Iterable

from ..derive import Derived
from ..diagnostics import Diagnostic
from ..model import KnowledgeBase
from ..render import PageSpec
from ..settings import Settings
from .network import overview as network_overview
from .problems import files_with_problems, have_problems, only_problems


def pages(kb: KnowledgeBase, derived: Derived, settings: Settings) -> Iterable[PageSpec]:
    yield PageSpec(
        "index.md",
        "home.md.j2",
        partial(_context, kb, derived),
        title=f"{settings.me.name}'s insight knowledge base" if settings.me.name != "Me" else "Insight knowledge base",
        reads=("conversations", "entities", "items", "network", "problems"),
    )


def _context(kb: KnowledgeBase, derived: Derived) -> dict[str, Any]:
    held = [iv for iv in kb.interviews if iv.held and iv.date <= kb.today]
    open_ = [iv for iv in kb.interviews if iv.status in ("scheduled", "requested", "prospect")]
    upcoming = sorted((iv for iv in open_ if iv.date >= kb.today), key=lambda iv: (iv.date, iv.slug))
    follow_ups = {i.interview: i for i in derived.items if i.kind == "follow-up"}
    waiting = sorted(((iv, iv.requested_on or iv.date, follow_ups.get(iv.slug)) for iv in open_
                      if iv.status == "requested" and iv.date < kb.today), key=lambda x: (x[1], x[0].slug))
    industries = sorted(kb.industries.values(), key=lambda i: (-len(kb.interviews_with("industry", i.slug)), i.name.casefold()))
    company_counts: dict[str, int] = {}
    for c in kb.companies.values():
        for s in c.industries:
            company_counts[s] = company_counts.get(s, 0) + 1
    return {
        "recent": held[:8],
        "upcoming": upcoming,
        "waiting": waiting,
        "open_referrals": derived.leads,
        "industries": industries,
        "held_count": len(held),
        # who the held conversations were with: not everyone the notes name (suggestions, imported contacts)
        "held_people": len({iv.person for iv in held}),
        "held_companies": len({iv.company for iv in held if iv.company}),
        "held_industries": len({s for iv in held for s in iv.industries}),
        "company_counts": company_counts,
        "followups": derived.item_counts,
        "network": network_overview(derived),
        "problems": _problems([d for d in (*kb.diagnostics, *derived.diagnostics) if d.severity != "info"]),
    }


def _problems(diags: list[Diagnostic]) -> dict[str, Any]:
    """What the dashboard says about problems in the notes: how many notes, and how many are left out."""
    diags = only_problems(diags)
    files = files_with_problems(diags)
    left_out = sum(any(d.is_error for d in ds) for ds in files.values())
    return {"files": len(files), "headline": have_problems(len(files), len(diags)) if files else "",
            "left_out": left_out}
