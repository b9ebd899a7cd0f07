"""A guide's content as plain data: what one classmate shares, and what ``insight merge`` combines.

A :class:`Guide` is made from the knowledge base of *sanitised* notes only (see :mod:`.filter`), is
written as ``guide.json`` next to the guide's MkDocs project, and is what the guide's pages are
rendered from, so a single guide and a merged class guide look the same.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from ..identity import key
from ..sanitize import WEB_ADDRESS, WEB_ADDRESS_MAX, web_address
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
        """Read ``guide.json``, validated against :data:`SCHEMA`; anything else is a :class:`GuideError` naming the
        field (``companies/3/website``) and what is wrong with it."""
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as err:
            raise GuideError("", f"not valid JSON ({err})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise GuideError("format", "not an Insight KB guide (no \"format\": \"insight-guide\")")
        if data.get("version") != VERSION:
            raise GuideError("version", f"guide format version {data.get('version')!r}; this insight reads version {VERSION}")
        error = best_match(_VALIDATOR.iter_errors(data))
        if error is not None:
            where = "/".join(str(p) for p in error.absolute_path)
            raise GuideError(where, error.message if len(error.message) < 200 else error.message[:200] + "…")
        broken = _not_text(data, "")
        if broken is not None:  # "\ud800" is valid JSON, but no text: nothing could write it to a page
            raise GuideError(broken, "holds a lone surrogate (\\ud800 to \\udfff), which is not a character of any text")

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


_SURROGATE = re.compile("[\ud800-\udfff]")


def _not_text(value: Any, path: str) -> str | None:
    """The path of the first string in ``value`` (a guide, already checked against the schema, so shallow) that
    UTF-8 cannot encode."""
    if isinstance(value, str):
        return path if _SURROGATE.search(value) else None
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, item in items:
        found = _not_text(item, f"{path}/{key}" if path else str(key))
        if found is not None:
            return found
    return None


class GuideError(ValueError):
    """A guide.json that does not fit the schema: ``field`` is the path to the value (``items/4/text``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


# --- the schema of guide.json ------------------------------------------------------------------------------
# A classmate's guide is untrusted data: every field is named, typed and bounded, nothing else is accepted.

_TEXT = 20_000  # characters in one answer, insight or overview: a long one is a page
_NAME = 300
_MANY = 20_000  # items in one list


def _string(limit: int = _NAME, **more: Any) -> dict[str, Any]:
    return {"type": "string", "maxLength": limit, **more}


def _names(limit: int = 200) -> dict[str, Any]:
    return {"type": "array", "maxItems": limit, "items": _string()}


def _object(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": required if required is not None else list(properties),
            "additionalProperties": False}


ATTACHMENT_NAME = r"^[A-Za-z0-9][A-Za-z0-9_-]{0,120}(?:\.(?:png|jpe?g|gif|webp|avif|pdf|txt|csv)|-[A-Za-z0-9._-]{1,120}\.(?:png|jpe?g|gif|webp|avif|pdf|txt|csv))$"
_ENTRY = _object({
    "name": _string(minLength=1), "aliases": _names(), "industries": _names(),
    "website": _string(WEB_ADDRESS_MAX, pattern=f"^(?:{WEB_ADDRESS})?$"), "location": _string(),
    "overviews": {"type": "array", "maxItems": 200, "items": _object({"contributor": _string(), "text": _string(_TEXT)})},
    "contributors": _names(),
}, ["name"])
_ATTRIBUTED = {"by": _string(), "company": _string(), "industries": _names(), "contributor": _string()}
SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": f"https://insight-kb.example.org/schema/guide-v{VERSION}.json",
    "title": f"Insight KB guide, format version {VERSION}",
    **_object({
        "format": {"const": FORMAT},
        "version": {"const": VERSION},
        "title": _string(minLength=1),
        "industries": {"type": "array", "maxItems": 500, "items": _ENTRY},
        "contributors": _names(500),
        "companies": {"type": "array", "maxItems": 5000, "items": _ENTRY},
        "items": {"type": "array", "maxItems": _MANY, "items": _object({
            "kind": {"enum": ["insight", "advice", "resource"]}, "text": _string(_TEXT), **_ATTRIBUTED})},
        "answers": {"type": "array", "maxItems": _MANY, "items": _object({
            "question": _string(2000), "answer": _string(_TEXT), "topic": _string(100), **_ATTRIBUTED})},
        "roles": {"type": "array", "maxItems": _MANY, "items": _object({
            "role": _string(), "company": _string(), "industries": _names(), "held": {"type": "integer", "minimum": 0, "maximum": 100_000},
            "suggested": {"type": "integer", "minimum": 0, "maximum": 100_000}, "contributor": _string()})},
        "attachments": {"type": "array", "maxItems": 2000, "uniqueItems": True, "items": _string(pattern=ATTACHMENT_NAME)},
    }, ["format", "version", "title", "industries", "contributors", "companies", "items", "answers", "roles"]),
}
_VALIDATOR = Draft202012Validator(SCHEMA)


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
        website = web_address(c.website or "") or ""  # a guide links only to web addresses
        return Entry(c.name, list(c.aliases), [kb.industries[s].name for s in c.industries], website, c.location,
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
