"""Question bank pages: ``/questions/`` by topic, ``/questions/q/<group>/`` per question, ``/questions/<industry>/``.

The by-topic index lists each question with a link to its own page, which holds every answer side by side: no
page grows with the whole corpus's answers (an index holding them would be 1.2 MB of Markdown at 1,000
conversations, rendered again on every frontmatter save under ``insight serve``). Plus the ``questions.json`` data.

The bank itself is built in the derive stage (:mod:`generator.derive`), which company and industry pages read too.
"""

from __future__ import annotations

import json
from functools import partial
from typing import Any, Iterable

from ..derive import Derived
from ..model import KnowledgeBase
from ..questions.bank import Bank, QuestionGroup, bank_as_dict, by_topic
from ..fragments import group_page_uri
from ..questions.taxonomy import TIARA, TOPIC_SLUGS, TOPICS, get_topic
from ..render import PageSpec
from ..settings import Settings

ASSET = "questions/questions.json"


def pages(kb: KnowledgeBase, derived: Derived, settings: Settings) -> Iterable[PageSpec]:
    """The question pages; their contexts are made when rendered, in whichever process renders them."""
    bank = derived.bank
    industries = sorted(kb.industries.values(), key=lambda i: (i.name.casefold(), i.slug))
    repeated = [g for g in derived.said if g.people > 1]  # what several people told you, beside what you asked
    yield PageSpec("questions/index.md", "questions_index.md.j2", partial(_index, bank, industries, repeated),
                   "Questions", reads=("bank", "said", "conversations"))
    for g in bank.groups:
        yield PageSpec(group_page_uri(g), "questions_group.md.j2", partial(_group, g, industries), g.canonical,
                       reads=(f"question:{g.id}",))
    for ind in industries:
        yield PageSpec(f"questions/{ind.slug}/index.md", "questions_industry.md.j2", partial(_industry, bank, ind, [g for g in derived.said_at.get(("industry", ind.slug), []) if g.people > 1]),
                       f"Questions: {ind.name}", reads=(f"industry:{ind.slug}", "bank"))


def _index(bank: Bank, industries: list[Any], repeated: list[Any]) -> dict[str, Any]:
    topics = by_topic(bank.groups)
    return {
        "repeated": repeated,
        "bank": bank, "by_topic": topics, "topic_groups": {t.slug: groups for t, groups in topics},
        "not_yet": by_topic(bank.not_yet_asked()), "topics": TOPICS, "tiara": TIARA, "industries": industries,
        "counts": {ind.slug: len(bank.for_industry(ind.slug)) for ind in industries}, "asset": ASSET,
    }


def _group(g: QuestionGroup, industries: list[Any]) -> dict[str, Any]:
    asked_in: dict[str, int] = {}
    for a in g.answers:
        for s in dict.fromkeys(a.industries):
            asked_in[s] = asked_in.get(s, 0) + 1
    filed = [ind for ind in industries if ind.slug in asked_in]
    latest, unfiled = _shown_answers(g, bool(filed))
    return {"group": g, "topic": get_topic(g.topic) if g.topic in TOPIC_SLUGS else TOPICS[-1], "answered": len(g.answered),
            "industries": [(ind, asked_in[ind.slug]) for ind in filed], "latest": latest, "unfiled": unfiled}


def _industry(bank: Bank, ind: Any, repeated: list[Any]) -> dict[str, Any]:
    groups = bank.for_industry(ind.slug)
    return {"repeated": repeated, "industry": ind, "by_topic": by_topic(groups), "not_yet": by_topic(bank.not_yet_asked(ind.slug)),
            "asked": sum(g.asked for g in groups)}


LATEST = 12  # answers a question's own page shows before it points to the industry pages


def _shown_answers(g: QuestionGroup, filed: bool) -> tuple[list, list]:
    """The answers a question's page shows itself: all of them when there are few; otherwise the newest
    ``LATEST`` and those from conversations with no industry (on no industry's question page).

    The rest are side by side on each industry's question page. A page that holds every answer grows with
    the whole corpus (1 MB of Markdown per question at 5,000 conversations) and changes on every save.
    """
    if len(g.answers) <= LATEST or not filed:
        return list(g.answers), []
    newest = sorted(g.answers, key=lambda a: (a.date, a.interview.src_uri), reverse=True)[:LATEST]
    shown = {id(a) for a in newest}
    return newest, [a for a in g.answers if not a.industries and id(a) not in shown]


def assets(kb: KnowledgeBase, bank: Bank, directory_urls: bool = True) -> dict[str, bytes]:
    """``questions/questions.json``: the whole bank, byte-identical for the same notes.

    Compact, like the network asset: at 1,000 conversations it holds every answer (megabytes), and without
    ``indent`` the standard library's C encoder writes it about ten times faster.
    """
    data = bank_as_dict(bank, kb, directory_urls)
    return {ASSET: (json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n").encode()}
