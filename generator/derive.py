"""The derive stage: every fact the pages read, worked out once from the knowledge base, before any page.

``load -> resolve -> derive -> pages -> render``. Several pages show the same facts (the dashboard, the
network page, every person page and the map asset read one network; company, industry and question pages
read one question bank), so they are computed here, once, and each page is a pure function of
``(kb, derived, settings)``. The problems found on the way (an unknown question topic in a note) are part
of the result, so nothing adds to the list of problems while pages are built.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .diagnostics import Diagnostic
from .lifecycle import emails
from .lifecycle.contact import Contact, contact_statuses
from .lifecycle.rules import DueItem, Rules, action_state, counts, due_items, history_left_out, open_actions, waiting
from .model import Interview, KnowledgeBase, Referral, Task
from .network import graph
from .questions.bank import Bank, build_bank
from .questions.grouping import intent_of
from .questions.said import SaidGroup, by_place, said_groups
from .settings import Settings

PREP_STATUSES = ("requested", "scheduled")  # the conversations that get a prep sheet


@dataclass(frozen=True)
class Derived:
    """What the notes add up to, for one build. Read-only: pages must not change what they are given."""

    interviews_by_slug: dict[str, Interview]  # due items and drafts name their note by slug
    referrals_to: dict[str, list[tuple[Interview, Referral]]]  # who suggested each person, newest first
    contact: dict[str, Contact]  # person slug -> where you stand with them, the same on every page
    network: graph.Network
    connectors: list[graph.Connector]
    leads: list[Referral]  # referrals not contacted, to people you are not talking to yet
    targets: list[graph.Target]
    rules: Rules
    items: list[DueItem]  # overdue, due and coming up, most urgent first
    item_counts: dict[str, int]
    waiting: list[tuple[Interview, object]]  # requests followed up, with when to give up
    drafts: dict[str, list[tuple[DueItem, emails.Draft]]]  # person slug -> the drafts of their due items
    prep_drafts: dict[str, list[emails.Draft]]  # slug of a requested or scheduled conversation -> its prep sheet's drafts
    bank: Bank
    intents_asked: dict[str | None, set[str | None]]  # industry slug (None: any) -> question intents asked there
    said: list[SaidGroup]  # insights and advice of held conversations, what several people said merged
    said_at: dict[tuple[str, str], list[SaidGroup]]  # ("company" | "industry", slug) -> what was said there
    diagnostics: tuple[Diagnostic, ...]
    open_actions: list[tuple[Interview, Task]] = field(default_factory=list)  # task items not done, by due day
    history: list[Interview] = field(default_factory=list)  # old conversations whose reminders are left out


def derive(kb: KnowledgeBase, settings: Settings) -> Derived:
    """Everything pages read, in one pass over the knowledge base."""
    by_slug = {iv.slug: iv for iv in kb.interviews}
    referred = referrals_to(kb)
    contact = contact_statuses(kb)
    net = graph.build(kb, settings, contact)
    rules = Rules.from_options(settings.followups)
    items = due_items(kb, rules)
    actions = open_actions(kb, rules)
    drafts: dict[str, list[tuple[DueItem, emails.Draft]]] = {}
    for item in items:
        draft = emails.for_item(kb, settings, item, by_slug, referred)
        if draft is not None:
            drafts.setdefault(item.person, []).append((item, draft))
    prep_drafts = {iv.slug: emails.for_conversation(kb, settings, iv) for iv in kb.interviews if iv.status in PREP_STATUSES}
    bank = build_bank(kb)
    said = said_groups(kb.interviews)
    return Derived(
        interviews_by_slug=by_slug,
        referrals_to=referred,
        contact=contact,
        network=net,
        connectors=graph.connectors(net, contact),
        leads=graph.warm_leads(kb, contact),
        targets=graph.targets(kb, settings, net),
        rules=rules,
        items=items,
        item_counts=counts(items, [action_state(a, kb.today, rules) for _, a in actions]),
        waiting=waiting(kb, rules),
        drafts=drafts,
        prep_drafts=prep_drafts,
        bank=bank,
        intents_asked=intents_asked(kb),
        said=said,
        said_at=by_place(said),
        diagnostics=tuple(bank.diagnostics),
        open_actions=actions,
        history=history_left_out(kb, rules),
    )


def referrals_to(kb: KnowledgeBase) -> dict[str, list[tuple[Interview, Referral]]]:
    """Who suggested each person, and in which conversation (newest first)."""
    out: dict[str, list[tuple[Interview, Referral]]] = {}
    for iv in kb.interviews:
        for r in iv.referrals:
            out.setdefault(r.person, []).append((iv, r))
    return out


def intents_asked(kb: KnowledgeBase) -> dict[str | None, set[str | None]]:
    """The intents of the questions of every conversation in each industry (``None``: in any)."""
    out: dict[str | None, set[str | None]] = {None: set()}
    for x in kb.interviews:
        intents = {intent_of(q.question) for q in x.questions}
        out[None] |= intents
        for s in x.industries:
            out.setdefault(s, set()).update(intents)
    return out
