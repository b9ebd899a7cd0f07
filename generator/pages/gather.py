"""What a set of conversations taught: insights, advice, resources and answers, each with its source."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import islice

from ..model import QA, Interview, KnowledgeBase


@dataclass
class Learned:
    """Everything learned in some conversations, each item paired with the conversation it came from."""

    insights: list[tuple[str, Interview]] = field(default_factory=list)
    advice: list[tuple[str, Interview]] = field(default_factory=list)
    resources: list[tuple[str, Interview]] = field(default_factory=list)
    answers: list[tuple[QA, Interview]] = field(default_factory=list)
    roles: list[tuple[str, int]] = field(default_factory=list)  # roles worth talking to, with how many talks

    @property
    def empty(self) -> bool:
        return not (self.insights or self.advice or self.resources or self.answers)


def gather(interviews: list[Interview], limit: int | None = None) -> Learned:
    """Everything learned in ``interviews``; with ``limit``, only the first ``limit`` items of each kind and no roles
    (a prep sheet shows a few items from hundreds of conversations)."""
    if limit is not None:
        return _first(interviews, limit)
    out = Learned()
    roles: dict[str, int] = {}
    for iv in interviews:
        out.insights += [(x, iv) for x in iv.insights]
        out.advice += [(x, iv) for x in iv.advice]
        out.resources += [(x, iv) for x in iv.resources]
        out.answers += [(q, iv) for q in iv.questions if q.answer]
        if iv.role and iv.held:
            roles[iv.role] = roles.get(iv.role, 0) + 1
    out.roles = sorted(roles.items(), key=lambda kv: (-kv[1], kv[0].casefold()))
    return out


def _first(interviews: list[Interview], limit: int) -> Learned:
    """The first ``limit`` items of each kind: a kind stops growing once it has them (a prep sheet reads a few
    items from an industry's hundreds of conversations)."""
    out = Learned()
    insights, advice, resources, answers = out.insights, out.advice, out.resources, out.answers
    for iv in interviews:
        if len(insights) < limit:
            insights += [(x, iv) for x in iv.insights]
        if len(advice) < limit:
            advice += [(x, iv) for x in iv.advice]
        if len(resources) < limit:
            resources += [(x, iv) for x in iv.resources]
        if len(answers) < limit:
            answers += [(q, iv) for q in iv.questions if q.answer]
        elif len(insights) >= limit and len(advice) >= limit and len(resources) >= limit:
            break
    del insights[limit:], advice[limit:], resources[limit:], answers[limit:]
    return out


def related(kb: KnowledgeBase, iv: Interview, limit: int = 5) -> list[tuple[str, list[Interview]]]:
    """Other conversations with the same person, at the same company, in the same industries."""
    groups = [("With the same person", kb.interviews_with("person", iv.person))]
    if iv.company:
        groups.append(("At the same company", kb.interviews_with("company", iv.company)))
    for ind in iv.industries:
        groups.append((f"In {kb.industries[ind].name}", kb.interviews_with("industry", ind)))
    seen = {iv.slug}
    out = []
    for heading, ivs in groups:
        picked = list(islice((x for x in ivs if x.slug not in seen), limit))  # an industry may have hundreds
        seen.update(x.slug for x in picked)
        if picked:
            out.append((heading, picked))
    return out
