"""One contact status per person, worked out once from all their conversations, the same on every page.

A person is *held* once a conversation with them took place (status ``done``, dated today or earlier), else
*scheduled* when one is planned, *requested* when you asked and wait for an answer (a note with status
``requested``, or a referral marked ``contacted:``), *declined* or *no reply* when that is how it ended, and
*not contacted* otherwise. The furthest a person got wins: someone who declined once and talked to you later
is held.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import KnowledgeBase

ORDER = ("held", "scheduled", "requested", "declined", "no reply", "not contacted")  # the furthest first


@dataclass(frozen=True)
class Contact:
    """Where you stand with one person, and since when."""

    state: str  # one of ORDER
    on: dt.date | None = None  # held: the latest conversation; scheduled: the next; requested: when you asked

    @property
    def label(self) -> str:
        """The words every page uses: "held 2026-05-04", "scheduled for 2026-06-20", "requested 2026-06-01" ..."""
        if self.on is None:
            return self.state
        return {"held": "held", "scheduled": "scheduled for", "requested": "requested"}.get(self.state, self.state) \
            + f" {self.on.isoformat()}"

    @property
    def helped(self) -> bool:
        """You talked with them."""
        return self.state == "held"


def contact_statuses(kb: KnowledgeBase) -> dict[str, Contact]:
    """Every person's contact status (people who are only named somewhere are "not contacted")."""
    found: dict[str, list[Contact]] = {slug: [] for slug in kb.people}
    for iv in kb.interviews:
        if iv.status == "done" and iv.date <= kb.today:
            found[iv.person].append(Contact("held", iv.date))
        elif iv.status in ("done", "scheduled"):  # a "done" note dated after today has not happened yet
            found[iv.person].append(Contact("scheduled", iv.date))
        elif iv.status == "requested":
            found[iv.person].append(Contact("requested", iv.requested_on or iv.date))
        elif iv.status == "declined":
            found[iv.person].append(Contact("declined"))
        elif iv.status == "no-reply":
            found[iv.person].append(Contact("no reply"))
    for r in kb.referrals:
        if r.contacted:
            found[r.person].append(Contact("requested", r.contacted if isinstance(r.contacted, dt.date) else None))
    return {slug: _furthest(xs) for slug, xs in found.items()}


def _furthest(contacts: list[Contact]) -> Contact:
    if not contacts:
        return Contact("not contacted")
    best = min(ORDER.index(c.state) for c in contacts)
    same = [c for c in contacts if ORDER.index(c.state) == best]
    days = [c.on for c in same if c.on is not None]
    if not days:
        return same[0]
    # held: the latest conversation; scheduled: the next one; requested: the first time you asked
    return Contact(same[0].state, max(days) if same[0].state == "held" else min(days))
