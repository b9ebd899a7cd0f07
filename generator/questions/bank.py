"""The question bank of a knowledge base: every question asked, paraphrases grouped, answers side by side.

Built from held conversations only: a question in a note whose status is not ``done`` is preparation, not a
question that was asked. Pure: no MkDocs, no click; pages, the JSON export and the CLI all read a :class:`Bank`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from ..diagnostics import Diagnostic
from ..identity import slugify
from ..model import Interview, KnowledgeBase
from ..urls import page_url
from .grouping import canonical, group_keys, topic_slug_of_intent, tidy
from .starter import StarterQuestion, load_starter_bank
from .taxonomy import DEFAULT_TOPIC, TOPICS, Topic, resolve_topic


@dataclass(frozen=True)
class Answer:
    """One time a question was asked: the wording used, the answer (may be empty) and where it came from."""

    question: str
    text: str
    interview: Interview
    line: int
    topic: str | None  # a valid explicit topic from the note, if any

    @property
    def person(self) -> str:
        return self.interview.person

    @property
    def company(self) -> str | None:
        return self.interview.company

    @property
    def industries(self) -> list[str]:
        return self.interview.industries

    @property
    def date(self) -> dt.date:
        return self.interview.date


@dataclass
class QuestionGroup:
    """Paraphrases of one question, with every answer given to any of them."""

    id: str  # stable: the intent slug, or a slug of the canonical wording
    canonical: str
    topic: str
    intent: str | None
    answers: list[Answer] = field(default_factory=list)  # oldest first

    @property
    def asked(self) -> int:
        """How many times the question was asked."""
        return len(self.answers)

    @property
    def answered(self) -> list[Answer]:
        return [a for a in self.answers if a.text.strip()]

    @cached_property
    def wordings(self) -> list[str]:
        """The distinct wordings used, most used first (a group is shown on several pages and in the JSON)."""
        counts = Counter(tidy(a.question) for a in self.answers)
        return [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0].casefold(), kv[0]))]

    def only(self, keep: Any) -> QuestionGroup | None:
        """This group with only the answers for which ``keep(answer)`` holds, or None when none does."""
        answers = [a for a in self.answers if keep(a)]
        return QuestionGroup(self.id, self.canonical, self.topic, self.intent, answers) if answers else None


@dataclass(frozen=True)
class Starter:
    """A starter question and whether it was asked, overall and in which industries."""

    question: StarterQuestion
    group: str | None  # id of the group that asked it, if any
    industries: tuple[str, ...]  # industries of the conversations where it was asked

    @property
    def asked(self) -> bool:
        return self.group is not None


@dataclass
class Bank:
    """All question groups, the starter bank marked asked or not yet, and problems found on the way."""

    groups: list[QuestionGroup]
    starters: list[Starter]
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def for_industry(self, slug: str) -> list[QuestionGroup]:
        """Groups restricted to the answers given in conversations in industry ``slug``."""
        return list(self._by_place.get(("industry", slug), ()))

    def for_company(self, slug: str) -> list[QuestionGroup]:
        """Groups restricted to the answers given by people at company ``slug``."""
        return list(self._by_place.get(("company", slug), ()))

    @cached_property
    def _by_place(self) -> dict[tuple[str, str], list[QuestionGroup]]:
        """Every company's and industry's groups in one pass: pages ask for each of them, some twice."""
        out: dict[tuple[str, str], list[QuestionGroup]] = {}
        for g in self.groups:
            parts: dict[tuple[str, str], list[Answer]] = {}
            for a in g.answers:
                if a.company:
                    parts.setdefault(("company", a.company), []).append(a)
                for s in dict.fromkeys(a.industries):
                    parts.setdefault(("industry", s), []).append(a)
            for place, answers in parts.items():
                out.setdefault(place, []).append(QuestionGroup(g.id, g.canonical, g.topic, g.intent, answers))
        return out

    def not_yet_asked(self, industry: str | None = None) -> list[Starter]:
        """Starter questions not asked at all, or not asked in ``industry``."""
        if industry is None:
            return [s for s in self.starters if not s.asked]
        return [s for s in self.starters if industry not in s.industries]


def by_topic(items: list[Any]) -> list[tuple[Topic, list[Any]]]:
    """Group anything with a ``topic`` (or ``question.topic``) attribute under the taxonomy, in taxonomy order."""
    out = []
    for topic in TOPICS:
        here = [x for x in items if getattr(x, "topic", None) == topic.slug
                or getattr(getattr(x, "question", None), "topic", None) == topic.slug]
        if here:
            out.append((topic, here))
    return out


def _check_topic(iv: Interview, topic: str | None, line: int) -> tuple[str | None, Diagnostic | None]:
    """A note's explicit topic if it is in the taxonomy; otherwise no topic and a warning pointing at it."""
    if topic is None or topic == "":
        return None, None
    slug = resolve_topic(topic)
    if slug is not None:
        return slug, None
    return None, Diagnostic(
        iv.note.path, line, 1, "questions",
        f"unknown topic {str(topic)!r}; the question is filed by its wording instead",
        f"use one of: {', '.join(t.slug for t in TOPICS)}",
        severity="warning",
    )


def _group_topic(answers: list[Answer], intent: str | None) -> str:
    """An explicit topic in a note wins (the most common one, then alphabetical); else the intent's topic."""
    explicit = Counter(a.topic for a in answers if a.topic)
    if explicit:
        return sorted(explicit.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    return topic_slug_of_intent(intent) or DEFAULT_TOPIC


def build_bank(kb: KnowledgeBase, starters: tuple[StarterQuestion, ...] | None = None) -> Bank:
    """Group every question of every held conversation; mark the starter bank asked or not yet."""
    starters = load_starter_bank() if starters is None else starters
    diagnostics: list[Diagnostic] = []
    asked: list[Answer] = []
    for iv in sorted(kb.interviews, key=lambda iv: (iv.date, iv.slug)):
        if not iv.held:
            continue
        for qa in iv.questions:
            if not qa.question.strip():
                continue
            topic, diag = _check_topic(iv, qa.topic, qa.line)
            if diag is not None:
                diagnostics.append(diag)
            asked.append(Answer(qa.question.strip(), (qa.answer or "").strip(), iv, qa.line, topic))

    keys = group_keys([a.question for a in asked] + [s.text for s in starters])
    asked_keys, starter_keys = keys[: len(asked)], keys[len(asked):]
    members: dict[str, list[Answer]] = {}
    for key, answer in zip(asked_keys, asked):
        members.setdefault(key, []).append(answer)
    starter_texts = [s.text for s in starters]
    groups: dict[str, QuestionGroup] = {}
    used_ids: set[str] = set()
    for key, answers in members.items():
        intent = key.split(":", 1)[1] if key.startswith("intent:") else None
        wording = canonical([a.question for a in answers], starter_texts)
        gid = intent or slugify(wording)[:60] or "question"
        while gid in used_ids:
            gid += "-2"
        used_ids.add(gid)
        groups[key] = QuestionGroup(gid, wording, _group_topic(answers, intent), intent, answers)

    marked = []
    for s, key in zip(starters, starter_keys):
        group = groups.get(key)
        industries = sorted({ind for a in group.answers for ind in a.industries}) if group else []
        marked.append(Starter(s, group.id if group else None, tuple(industries)))
    topic_order = {t.slug: i for i, t in enumerate(TOPICS)}
    ordered = sorted(groups.values(), key=lambda g: (topic_order.get(g.topic, len(topic_order)), -g.asked,
                                                     g.canonical.casefold(), g.id))
    return Bank(ordered, marked, sorted(diagnostics))


def bank_as_dict(bank: Bank, kb: KnowledgeBase, directory_urls: bool = True) -> dict[str, Any]:
    """The whole bank as plain data for ``questions.json``: deterministic. Each page is named twice: ``page``/``note``
    as its docs-dir path (stable whatever the site's URL style), ``url``/``note_url`` as its URL relative to the
    site root."""
    def answer(a: Answer) -> dict[str, Any]:
        person = kb.people.get(a.person)
        company = kb.companies.get(a.company) if a.company else None
        return {
            "question": a.question,
            "answer": a.text,
            "person": {"slug": a.person, "name": person.name if person else a.person,
                       "page": person.src_uri if person else None,
                       "url": page_url(person.src_uri, directory_urls) if person else None},
            "company": {"slug": company.slug, "name": company.name, "page": company.src_uri,
                        "url": page_url(company.src_uri, directory_urls)} if company else None,
            "industries": [{"slug": s, "name": kb.industries[s].name if s in kb.industries else s}
                           for s in a.industries],
            "date": a.date.isoformat(),
            "note": a.interview.src_uri,
            "note_url": page_url(a.interview.src_uri, directory_urls),
            "line": a.line,
        }

    return {
        "topics": [{"slug": t.slug, "title": t.title, "tiara": t.tiara_letter, "tiara_name": t.tiara_name,
                    "description": t.description} for t in TOPICS],
        "groups": [{"id": g.id, "question": g.canonical, "topic": g.topic, "intent": g.intent, "asked": g.asked,
                    "wordings": g.wordings, "answers": [answer(a) for a in g.answers]} for g in bank.groups],
        "starters": [{"question": s.question.text, "topic": s.question.topic, "asked": s.asked, "group": s.group,
                      "asked_in": list(s.industries)} for s in bank.starters],
    }
