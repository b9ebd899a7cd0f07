"""Notes to a :class:`KnowledgeBase`: every name becomes one entity, every edge is known.

Entity files are registered first (their names and aliases win), then every conversation is
resolved against them. Nothing is rendered here: pages come after everything is resolved.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from .diagnostics import Diagnostic, sort_key
from .editors import link_key, plain_wikilinks, wikilinks_to_markdown
from .identity import Registry, key, slugify
from .model import QA, Action, Company, Entity, Industry, Interview, KnowledgeBase, Note, Person, Referral
from .urls import stem
from .settings import Settings

_CLASSES: dict[str, type[Entity]] = {"people": Person, "companies": Company, "industries": Industry}
_SINGULAR = {"people": "person", "companies": "company", "industries": "industry"}


def _name_of_file(stem: str) -> str:
    """A file named like a slug (jane-doe) is Jane Doe; one named as people write names (JP Morgan) keeps its spelling."""
    if " " in stem or stem != stem.lower():
        return stem
    return stem.replace("-", " ").title()


class Resolver:
    """Holds the registries while one knowledge base is being resolved."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.registries = {kind: Registry(kind) for kind in _CLASSES}
        self.stores: dict[str, dict[str, Any]] = {"people": kb.people, "companies": kb.companies, "industries": kb.industries}

    def warn(self, note: Note, fld: str, message: str, hint: str) -> None:
        line = note.lines.get(fld, 1)
        self.kb.diagnostics.append(Diagnostic(note.path, line, 1, fld, message, hint, "warning"))

    def register_file(self, note: Note) -> None:
        """An entity file: its slug is its path under the kind's folder, its name and aliases are authoritative."""
        kind = note.kind
        slug = note.src_uri.split("/", 1)[1][:-3]  # a subfolder stays in the slug, so the page stays where the file is
        name = note.meta.get("name") or _name_of_file(slug.rsplit("/", 1)[-1])
        registry = self.registries[kind]
        taken = registry.by_key.get(key(kind, name))
        if taken and taken != slug:
            self.warn(note, "name", f"{name!r} is already the name in content/{kind}/{taken}.md",
                      "merge the two files, or give one of them another name")
            return
        entity = _CLASSES[kind](slug=slug, name=name, aliases=list(note.meta.get("aliases", [])), file=note)
        registry.add(name, slug, entity.aliases)
        registry.slugs[slug] = key(kind, name)
        self.stores[kind][slug] = entity
        if isinstance(entity, Company):
            entity.industries = [self.entity("industries", n, note, "industry") for n in note.meta.get("industry", [])]
            entity.website = note.meta.get("website", "")
            entity.location = note.meta.get("location", "")
        elif isinstance(entity, Person):
            for attr in ("role", "email", "phone", "linkedin", "keep_in_touch", "tags"):
                if attr in note.meta:
                    setattr(entity, attr, note.meta[attr])
            if "role" not in note.meta and "title" in note.meta:  # a person's title is their job title
                entity.role = note.meta["title"]
            if "company" in note.meta:
                entity.company = self.entity("companies", note.meta["company"], note, "company")
            entity.industries = [self.entity("industries", n, note, "industry") for n in note.meta.get("industry", [])]

    def entity(self, kind: str, name: str, note: Note, fld: str) -> str:
        """The slug ``name`` means, creating the entity on first sight; ambiguity is reported."""
        registry = self.registries[kind]
        slug, candidates = registry.lookup(name)
        if slug:
            return slug
        if candidates:
            self.warn(note, fld, f"{name!r} could mean {' or '.join(f'content/{kind}/{c}.md' for c in candidates)}; kept apart",
                      "use the full name, or list the name under aliases: in one file only")
        k = key(kind, name)
        # the slug comes from the key, so "Acme Inc." and "Acme" get /companies/acme/ whichever is seen first
        new_slug, collided = registry.claim_slug(slugify(k or name, fallback=_SINGULAR[kind]), k)
        if collided:
            self.warn(note, fld, f"{name!r} gets the address /{kind}/{new_slug}/ because another name has the same slug",
                      "if they are the same, write the name the same way; otherwise ignore this")
        if not candidates:
            registry.by_key[k] = new_slug
        self.stores[kind][new_slug] = _CLASSES[kind](slug=new_slug, name=name.strip())
        return new_slug

    def interview(self, note: Note) -> Interview:
        m = note.meta
        pref = m["person"]
        person_slug = self.entity("people", pref["name"], note, "person")
        company_name = pref.get("company") or m.get("company")
        company = self.entity("companies", company_name, note, "company") if company_name else None
        industries = [self.entity("industries", n, note, "industry") for n in m.get("industry", [])]
        slug = stem(note.src_uri)[len("interviews/") :]
        iv = Interview(
            slug=slug,
            note=note,
            date=m["date"],
            time=m.get("time"),
            person=person_slug,
            title=m.get("title") or f"{self.kb.people[person_slug].name} · {m['date'].isoformat()}",
            status=m.get("status", "done"),
            share=m.get("share", "private"),
            company=company,
            role=pref.get("role") or m.get("role", ""),
            industries=industries,
            channel=m.get("channel"),
            introduced_by=self.entity("people", m["introduced_by"], note, "introduced_by") if m.get("introduced_by") else None,
            format=m.get("format"),
            requested_on=m.get("requested_on"),
            followed_up_on=m.get("followed_up_on"),
            thank_you_sent=m.get("thank_you_sent"),
            follow_up_on=m.get("follow_up_on"),
            insights=list(m.get("insights", [])) + note.parts.insights,
            advice=list(m.get("advice", [])) + note.parts.advice,
            resources=list(m.get("resources", [])) + note.parts.resources,
            tags=list(m.get("tags", [])),
            people=[self.entity("people", n, note, "people") for n in m.get("people", [])],
            actions=[dataclasses.replace(task) for task in note.parts.actions],  # linked below: the note's stay as written
            acted_on=[Action(a["what"], a.get("on"), a.get("update_sent", False)) for a in m.get("acted_on", [])],
        )
        line = note.lines.get("questions", 1)
        iv.questions = [QA(q["q"], q.get("a", ""), line, q.get("topic"), slug) for q in m.get("questions", [])]
        iv.questions += [QA(q.question, q.answer, q.line, q.topic, slug) for q in note.parts.questions]
        for r in m.get("referrals", []):
            r_company = self.entity("companies", r["company"], note, "referrals") if r.get("company") else None
            r_slug = self.entity("people", r["name"], note, "referrals")
            iv.referrals.append(Referral(r_slug, person_slug, slug, r_company, r.get("role", ""), r.get("why", ""), r.get("contacted", False)))
        person = self.kb.people[person_slug]
        if isinstance(pref, dict):
            for attr in ("email", "phone", "linkedin"):
                if pref.get(attr) and not getattr(person, attr):
                    setattr(person, attr, pref[attr])
        return iv


def link_names(kb: KnowledgeBase) -> dict[str, str]:
    """What an Obsidian ``[[wikilink]]`` may point at: every person, company and industry by name, alias and
    file name, and every conversation by its file name; the first kind wins where two share a name."""
    names: dict[str, str] = {}
    for store in (kb.people, kb.companies, kb.industries):
        for e in store.values():
            for name in (e.name, *e.aliases, e.slug):
                names.setdefault(link_key(name), e.src_uri)
    for iv in kb.interviews:
        names.setdefault(link_key(iv.slug.rsplit("/", 1)[-1]), iv.src_uri)
    return names


def _link_wikilinks(kb: KnowledgeBase) -> None:
    """Wikilinks in what a note says (insights, answers...) as Markdown links relative to the note, once every
    name is known, so every page that shows the text links where the note does."""
    kb.names = link_names(kb)
    for iv in kb.interviews:  # the texts themselves, not the note's prose, say whether they hold a wikilink
        here = iv.src_uri
        for attr in ("insights", "advice", "resources"):
            setattr(iv, attr, [wikilinks_to_markdown(x, kb.names, here) for x in getattr(iv, attr)])
        for qa in iv.questions:
            qa.question = plain_wikilinks(qa.question)
            qa.answer = wikilinks_to_markdown(qa.answer, kb.names, here)
        for task in iv.actions:
            task.text = wikilinks_to_markdown(task.text, kb.names, here)


def _fill_people(kb: KnowledgeBase) -> None:
    """Role, company and industries a person has when their own file does not say: from the latest notes."""
    for iv in reversed(kb.interviews):  # oldest first, so the newest note wins
        p = kb.people[iv.person]
        if p.file is None or "role" not in p.file.meta:
            p.role = iv.role or p.role
        if p.file is None or "company" not in p.file.meta:
            p.company = iv.company or p.company
    for r in reversed(kb.referrals):
        p = kb.people[r.person]
        p.company = p.company or r.company
        p.role = p.role or r.role
    for iv in kb.interviews:
        if not iv.industries and iv.company:
            iv.industries = list(kb.companies[iv.company].industries)
    for c in kb.companies.values():
        if not c.industries:
            found = {s for iv in kb.interviews_with("company", c.slug) for s in iv.industries}
            c.industries = sorted(found)
    for iv in kb.interviews:
        if not iv.industries and iv.company:
            iv.industries = list(kb.companies[iv.company].industries)
    for p in kb.people.values():
        if not p.industries:
            seen = [s for iv in kb.interviews_with("person", p.slug) for s in iv.industries]
            if not seen and p.company:
                seen = kb.companies[p.company].industries
            p.industries = sorted(set(seen))


def resolve(notes: list[Note], settings: Settings, diagnostics: list[Diagnostic] | None = None) -> KnowledgeBase:
    """Resolve every good note; notes with errors are left out (their messages are already known)."""
    kb = KnowledgeBase(today=settings.today, notes=notes, diagnostics=list(diagnostics or []))
    r = Resolver(kb)
    for kind in ("industries", "companies", "people"):
        for note in notes:
            if note.kind == kind and note.ok:
                r.register_file(note)
    for note in notes:
        if note.kind == "interviews" and note.ok:
            kb.interviews.append(r.interview(note))
    kb.interviews.sort(key=lambda iv: (iv.date, iv.slug), reverse=True)
    _link_wikilinks(kb)
    kb.index()
    _fill_people(kb)
    kb.index()
    kb.diagnostics.sort(key=sort_key)
    return kb


def industry_named(kb: KnowledgeBase, written: str) -> str | None:
    """The slug of the industry ``written`` names, by its name, an alias or its slug, folded as names are
    (``"data science"``, ``Data-Science``); None when the notes know no such industry."""
    wanted = key("industries", written)
    return next((ind.slug for ind in kb.industries.values()
                 if wanted in {key("industries", n) for n in (ind.name, ind.slug, *ind.aliases)}), None)
