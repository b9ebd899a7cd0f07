"""A guide's content as plain data: what one classmate shares, and what ``insight merge`` combines.

A :class:`Guide` is made from the knowledge base of *sanitised* notes only (see :mod:`.filter`), is
written as ``guide.json`` next to the guide's MkDocs project, and is what the guide's pages are
rendered from, so a single guide and a merged class guide look the same.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

from ..identity import key
from ..model import Company, Industry, KnowledgeBase
from ..questions.taxonomy import TOPIC_SLUGS, topic_of
from .filter import Shared, label

FORMAT = "insight-guide"
VERSION = 1


@dataclass
class Overview:
    """A contributor's own text about a company or an industry."""

    contributor: str
    text: str


@dataclass
class Entry:
    """An industry or a company of the guide."""

    name: str
    aliases: list[str] = field(default_factory=list)
    industries: list[str] = field(default_factory=list)  # companies: industry names
    website: str = ""
    location: str = ""
    overviews: list[Overview] = field(default_factory=list)
    contributors: list[str] = field(default_factory=list)


@dataclass
class Item:
    """An insight, a piece of advice or a resource, with who it came from."""

    kind: str  # insight | advice | resource
    text: str
    by: str  # "a {role} at {company}", or a name when the note says named
    company: str
    industries: list[str]
    contributor: str


@dataclass
class Answer:
    """A question asked in a shared conversation and its answer (may be empty)."""

    question: str
    answer: str
    topic: str
    by: str
    company: str
    industries: list[str]
    contributor: str


@dataclass
class Role:
    """A kind of role worth talking to: held conversations and suggestions, per company."""

    role: str
    company: str
    industries: list[str]
    held: int
    suggested: int
    contributor: str


@dataclass
class Guide:
    title: str
    industries: list[Entry]
    contributors: list[str]
    companies: list[Entry] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    answers: list[Answer] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    attachments: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        data = {"format": FORMAT, "version": VERSION, **asdict(self)}
        return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Guide:
        """Read ``guide.json``; a file of another format or version is a ``ValueError`` naming what was found."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ValueError("not an Insight KB guide (no \"format\": \"insight-guide\")")
        if data.get("version") != VERSION:
            raise ValueError(f"guide format version {data.get('version')!r}; this insight reads version {VERSION}")

        def entry(d: dict[str, Any]) -> Entry:
            return Entry(**{**d, "overviews": [Overview(**o) for o in d.get("overviews", [])]})

        return cls(
            title=data["title"],
            industries=[entry(d) for d in data["industries"]],
            contributors=list(data["contributors"]),
            companies=[entry(d) for d in data["companies"]],
            items=[Item(**d) for d in data["items"]],
            answers=[Answer(**d) for d in data["answers"]],
            roles=[Role(**d) for d in data["roles"]],
            attachments=list(data.get("attachments", [])),
        )


def attribution(name: str, role: str, company: str) -> str:
    """An anonymous person's name already is "a {role} at {company}"; a named one gets it after their name."""
    anonymous = label(role, company or None)
    if name == anonymous:
        return name
    if role:
        return f"{name}, {anonymous.split(' ', 1)[1]}"
    return f"{name} at {company}" if company else name


def _overview(file_body: str, contributor: str) -> list[Overview]:
    text = file_body.strip()
    return [Overview(contributor, text)] if text else []


def from_kb(kb: KnowledgeBase, shared: Shared, contributor: str, title: str) -> Guide:
    """The guide's content, from a knowledge base resolved from sanitised notes only."""
    order = {key("industries", n): i for i, n in enumerate(shared.industries)}
    ind_slugs = sorted((s for s, i in kb.industries.items() if key("industries", i.name) in order),
                       key=lambda s: order[key("industries", kb.industries[s].name)])

    def industry_entry(ind: Industry) -> Entry:
        return Entry(ind.name, list(ind.aliases), overviews=_overview(ind.file.body if ind.file else "", contributor),
                     contributors=[contributor])

    ivs = [iv for iv in reversed(kb.interviews) if set(iv.industries) & set(ind_slugs)]  # oldest first
    names = lambda slugs: [kb.industries[s].name for s in slugs if s in ind_slugs]  # noqa: E731
    company_slugs = sorted({iv.company for iv in ivs if iv.company}, key=lambda s: kb.companies[s].name.casefold())

    def company_entry(c: Company) -> Entry:
        return Entry(c.name, list(c.aliases), [kb.industries[s].name for s in c.industries], c.website, c.location,
                     _overview(c.file.body if c.file else "", contributor), [contributor])

    guide = Guide(title, [industry_entry(kb.industries[s]) for s in ind_slugs], [contributor],
                  [company_entry(kb.companies[s]) for s in company_slugs], attachments=sorted(shared.attachments))
    roles: dict[tuple[str, str], list[Any]] = {}
    for iv in ivs:
        company = kb.companies[iv.company].name if iv.company else ""
        by = attribution(kb.people[iv.person].name, iv.role, company)
        inds = names(iv.industries)
        for kind, texts in (("insight", iv.insights), ("advice", iv.advice), ("resource", iv.resources)):
            guide.items += [Item(kind, x, by, company, inds, contributor) for x in texts]
        for q in iv.questions:
            topic = q.topic if q.topic in TOPIC_SLUGS else topic_of(q.question)
            guide.answers.append(Answer(q.question, q.answer, topic, by, company, inds, contributor))
        if iv.role:
            roles.setdefault((iv.role, company), [set(), 0, 0])
            roles[(iv.role, company)][0].update(inds)
            roles[(iv.role, company)][1] += 1
        for r in iv.referrals:
            p = kb.people[r.person]
            if p.role or r.role:
                k = (r.role or p.role, kb.companies[r.company].name if r.company else "")
                roles.setdefault(k, [set(), 0, 0])
                roles[k][0].update(inds)
                roles[k][2] += 1
    guide.roles = [Role(role, company, sorted(v[0], key=str.casefold), v[1], v[2], contributor)
                   for (role, company), v in sorted(roles.items(), key=lambda kv: (kv[0][0].casefold(), kv[0][1].casefold()))]
    return guide


def _merge_entries(kind: str, lists: list[list[Entry]]) -> list[Entry]:
    """Entries that are the same company or industry (by name or alias) become one, crediting everyone."""
    out: list[Entry] = []
    by_key: dict[str, Entry] = {}
    for entries in lists:
        for e in entries:
            keys = [key(kind, n) for n in (e.name, *e.aliases)]
            found = next((by_key[k] for k in keys if k in by_key), None)
            if found is None:
                found = Entry(e.name)
                out.append(found)
            for attr in ("aliases", "industries", "contributors"):
                merged = getattr(found, attr) + [x for x in getattr(e, attr) if x not in getattr(found, attr)]
                setattr(found, attr, merged)
            found.website = found.website or e.website
            found.location = found.location or e.location
            found.overviews += e.overviews
            for k in keys + [key(kind, n) for n in found.aliases]:
                by_key.setdefault(k, found)
    for e in out:
        e.aliases = [a for a in e.aliases if key(kind, a) != key(kind, e.name)]
    return out


def merge(guides: list[Guide], title: str | None = None) -> Guide:
    """One class guide from several: companies and industries merged by identity, every item credited."""
    industries = _merge_entries("industries", [g.industries for g in guides])
    companies = sorted(_merge_entries("companies", [g.companies for g in guides]), key=lambda e: e.name.casefold())
    canon_ind = _canon("industries", industries)
    canon_co = _canon("companies", companies)
    contributors: list[str] = []
    for g in guides:
        contributors += [c for c in g.contributors if c not in contributors]
    merged = Guide(title or "Class guide: " + ", ".join(e.name for e in industries), industries, contributors, companies)
    for g in guides:
        for it in g.items:
            merged.items.append(Item(it.kind, it.text, it.by, canon_co(it.company), [canon_ind(i) for i in it.industries], it.contributor))
        for a in g.answers:
            merged.answers.append(Answer(a.question, a.answer, a.topic, a.by, canon_co(a.company),
                                         [canon_ind(i) for i in a.industries], a.contributor))
        for r in g.roles:
            merged.roles.append(Role(r.role, canon_co(r.company), [canon_ind(i) for i in r.industries], r.held, r.suggested, r.contributor))
        merged.attachments += [a for a in g.attachments if a not in merged.attachments]
    for e in companies:
        e.industries = list(dict.fromkeys(canon_ind(i) for i in e.industries))
    merged.attachments.sort()
    return merged


def _canon(kind: str, entries: list[Entry]):  # type: ignore[no-untyped-def]
    """Maps any name or alias of a merged entry to the entry's name; unknown names stay as they are."""
    table = {key(kind, n): e.name for e in entries for n in (e.name, *e.aliases)}
    return lambda name: table.get(key(kind, name), name) if name else name
