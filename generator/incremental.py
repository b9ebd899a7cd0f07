"""What a rebuild under ``insight serve`` may skip: parsed notes and unchanged pages.

Three things make a live reload fast at thousands of notes: a note whose bytes did not change is
not parsed again (the parse cache, :mod:`generator.parsecache`, kept from build to build); the generated pages that cannot show what changed are the
last build's text (:class:`SiteCache`: all of them when only prose changed, since no generated page
shows a note's prose); and a page whose final Markdown did not change is not rendered to HTML again
(:func:`changed_pages`). Resolve always runs again, so a change to one note reaches every page that
shows it: the person, company, industry and index pages and the related lists of other notes.
tests/test_partial_rebuild.py checks each partial rebuild against a full one. Nothing here imports MkDocs.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from typing import Any, Callable, Hashable

from .derive import Derived, derive
from .diagnostics import Diagnostic
from .model import Interview, KnowledgeBase, Note
from .render import PageSpec
from .settings import Settings
from .site import Site, generate


def changed_pages(
    previous: dict[str, Hashable] | None,
    current: dict[str, Hashable],
    user_texts: Callable[[], dict[str, str]] | None = None,
) -> set[str]:
    """The pages to render again: new ones, and those whose fingerprint (final Markdown, source state) changed.

    When pages are added or removed, a page of the user's own that names a file that came or went
    (``[x](../people/dana-li.md)``) is rendered again too, since its link now resolves differently.
    """
    if previous is None:
        return set(current)
    out = {uri for uri, fp in current.items() if previous.get(uri) != fp}
    came_or_went = set(current) ^ set(previous)
    if came_or_went and user_texts:
        names = {uri.rsplit("/", 1)[-1] for uri in came_or_went}
        out |= {uri for uri, text in user_texts().items() if uri in current and any(n in text for n in names)}
    return out


class SiteCache:
    """The last build's generated pages, reused for what cannot have changed since.

    Generated pages are made from the notes' parsed frontmatter and recognised sections (questions,
    insights ...), not from their prose; from the settings, the user's own pages and the problems found
    so far; and from the user's email templates (``overrides/emails/``). Typing in a note's text changes
    none of them: the whole last site is reused. When conversations changed, only the pages that show
    them are rendered again (see :meth:`_Delta.reuse`); anything wider (a note added or removed, an
    entity file edited, an entity named differently, a new problem) renders everything.
    """

    def __init__(self) -> None:
        self._last: _Snapshot | None = None

    def generate(self, kb: KnowledgeBase, settings: Settings, user_pages: set[str] = frozenset()) -> Site:  # type: ignore[assignment]
        key = (settings, frozenset(user_pages), _email_templates(settings.project_dir))
        notes = {n.src_uri: n for n in kb.notes}
        last = self._last
        delta = _Delta.between(last, key, kb, notes) if last is not None else None
        if last is not None and delta is not None and not delta.notes:
            site = last.site  # only prose changed: what was derived from the notes is the same
            return Site(kb, site.derived, dict(site.pages), dict(site.headers), dict(site.footers), dict(site.titles),
                        dict(site.assets), {"render": 0.0})
        derived = derive(kb, settings)
        prints = _fingerprints(derived)
        reuse = delta.reuse(last, kb, prints) if (last is not None and delta is not None) else None
        site = generate(kb, settings, user_pages, reuse, derived)
        site.timings["reused"] = float(len(reuse.reused)) if reuse else 0.0
        self._last = _Snapshot(key, notes, list(kb.diagnostics), _interviews(kb), _entities(kb), prints, site)
        return site


@dataclass
class _Snapshot:
    """What one build was made from, and what it made."""

    key: tuple[Any, ...]
    notes: dict[str, Note]
    diagnostics: list[Diagnostic]  # the problems found loading and resolving
    interviews: dict[str, _Resolved]  # src_uri -> what resolve made of the note
    entities: dict[str, dict[str, Any]]  # "person:<slug>" ... -> the entity's fields
    derived: dict[str, Any]  # fingerprints of the network, the question bank and the due items
    site: Site


def _note_state(n: Note) -> tuple[Any, ...]:
    """Everything of a note that a generated page can show: not its prose."""
    return (n.path, n.kind, n.meta, n.body_line, n.parts, n.ok, n.lines)


def _interviews(kb: KnowledgeBase) -> dict[str, _Resolved]:
    """Each conversation as resolved: its note and the entities it names (resolution can change with other notes)."""
    return {iv.src_uri: _Resolved(_note_state(iv.note), iv.person, iv.company, tuple(iv.industries), iv.introduced_by,
                                  iv.date, tuple((r.person, r.company, r.by, r.role, r.why, r.contacted) for r in iv.referrals))
            for iv in kb.interviews}


@dataclass(frozen=True)
class _Resolved:
    """A conversation as one build saw it."""

    note: tuple[Any, ...]
    person: str
    company: str | None
    industries: tuple[str, ...]
    introduced_by: str | None
    date: Any
    referrals: tuple[tuple[Any, ...], ...]

    @property
    def places(self) -> set[str]:
        """The pages that list the conversation: its person's, company's and industries'."""
        places = {f"person:{self.person}", *(f"industry:{s}" for s in self.industries)}
        if self.company:
            places.add(f"company:{self.company}")
        return places


def _entities(kb: KnowledgeBase) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for kind, store in (("person", kb.people), ("company", kb.companies), ("industry", kb.industries)):
        for slug, e in store.items():
            out[f"{kind}:{slug}"] = {f.name: (tuple(v) if isinstance(v, list) else v)
                                     for f in fields(e) if f.name != "file" for v in [getattr(e, f.name)]}
    return out


def _fingerprints(derived: Derived) -> dict[str, Any]:
    """Fingerprints of what pages show beyond their own entity."""
    net = derived.network
    items = derived.items
    return {
        "network": (tuple(net.nodes.values()), tuple(net.edges), tuple((k, tuple(v)) for k, v in net.paths.items()),
                    repr(derived.connectors), repr(derived.leads), repr(derived.targets),
                    tuple(sorted(s for s, c in derived.contact.items() if c.state in ("declined", "no reply")))),
        "contact": dict(derived.contact),
        "bank": tuple((g.id, g.canonical, g.topic, tuple(g.wordings)) for g in derived.bank.groups),
        "items": repr(items),
        "items by person": _by_person(items),
    }


def _by_person(items: list[Any]) -> dict[str, str]:
    out: dict[str, list[Any]] = {}
    for item in items:
        out.setdefault(item.person, []).append(item)
    return {slug: repr(xs) for slug, xs in out.items()}


@dataclass
class _Delta:
    """Which conversations changed since the last build, when nothing wider did."""

    notes: set[str]  # src_uris of conversations whose frontmatter or sections changed

    @staticmethod
    def between(last: _Snapshot, key: tuple[Any, ...], kb: KnowledgeBase, notes: dict[str, Note]) -> _Delta | None:
        """None when everything must be rendered again."""
        if key != last.key or notes.keys() != last.notes.keys() or kb.diagnostics != last.diagnostics:
            return None
        changed = set()
        for uri, note in notes.items():
            old = last.notes[uri]
            if note is not old and _note_state(note) != _note_state(old):
                if note.kind != "interviews":
                    return None  # an entity file: names and aliases may resolve differently everywhere
                changed.add(uri)
        return _Delta(changed)

    def reuse(self, last: _Snapshot, kb: KnowledgeBase, derived: dict[str, Any]) -> _Reuse | None:
        """Which places (``person:<slug>``, ``company:<slug>``, ``industry:<slug>``, ``bank``) show something that
        changed; None when everything must be rendered again."""
        entities = _entities(kb)
        if entities.keys() != last.entities.keys():
            return None  # a person, company or industry came or went: indexes, links and counts change
        if any(value["name"] != last.entities[key]["name"] for key, value in entities.items()):
            return None  # a name shows on many pages
        now = _interviews(kb)
        changed = {uri for uri in now if now[uri] != last.interviews.get(uri)}  # resolution may move other notes too
        dirty: set[str] = set()
        related: set[str] = set()  # where the changed conversations are listed: their notes' related lists change
        for uri in changed:
            new, old = now[uri], last.interviews[uri]
            related |= new.places | old.places
            # who introduced you and whom it suggested: their pages show it, and their email drafts read it (a
            # thank-you for an introduction depends on whether the conversation took place)
            for x in (new, old):
                if x.introduced_by:
                    dirty.add(f"person:{x.introduced_by}")
                dirty.update(f"person:{r[0]}" for r in x.referrals)
            if (new.referrals, new.date) != (old.referrals, old.date):  # companies list the people suggested there, by date
                dirty.update(f"company:{r[1]}" for r in new.referrals + old.referrals if r[1])
            # an industry page counts each company's conversations
            if new.company != old.company:
                for company in (new.company, old.company):
                    if company:
                        for store in (entities, last.entities):
                            dirty.update(f"industry:{s}" for s in store[f"company:{company}"]["industries"])
        dirty |= related
        changed_entities = {k for k, v in entities.items() if v != last.entities[k]}
        dirty |= changed_entities
        # a person page shows the email drafts of the person's due items (the drafts read the person's conversations,
        # which make the person dirty when they change)
        items, old_items = derived["items by person"], last.derived["items by person"]
        dirty.update(f"person:{s}" for s in items.keys() | old_items.keys() if items.get(s) != old_items.get(s))
        if derived["network"] != last.derived["network"]:
            dirty.add("network")
            dirty.update(k for k in entities if k.startswith("person:"))  # a warm path may run through anyone
        if derived["bank"] != last.derived["bank"]:
            dirty.add("bank")
        # a person's contact status shows on their page, their company's, the pages of who suggested them and
        # where they are a lead, and in the referrals of the notes that suggested them
        contact, old_contact = derived["contact"], last.derived["contact"]
        moved = {s for s in contact.keys() | old_contact.keys() if contact.get(s) != old_contact.get(s)}
        for s in moved:
            dirty.add(f"person:{s}")
            for store in (entities, last.entities):
                if f"person:{s}" in store and store[f"person:{s}"]["company"]:
                    dirty.add(f"company:{store[f'person:{s}']['company']}")
        for iv in kb.interviews:
            for r in iv.referrals:
                if r.person in moved:
                    dirty.add(f"person:{r.by}")
                    if r.company:
                        dirty.add(f"company:{r.company}")
                    changed.add(iv.src_uri)
        # a person's role and company show on the pages of the companies they work at or talked to you from
        for key in [k for k in changed_entities if k.startswith("person:")]:
            for store in (entities, last.entities):
                if store[key]["company"]:
                    dirty.add(f"company:{store[key]['company']}")
            dirty.update(f"company:{iv.company}" for iv in kb.interviews_with("person", key[7:]) if iv.company)
        # a company's industries show it on their pages
        for key in [k for k in changed_entities if k.startswith("company:")]:
            for store in (entities, last.entities):
                dirty.update(f"industry:{s}" for s in store[key]["industries"])
        return _Reuse(last, dirty, changed, related)


class _Reuse:
    """The last build's text of every page none of whose places is dirty."""

    def __init__(self, last: _Snapshot, dirty: set[str], notes: set[str], related: set[str]) -> None:
        self.last, self.dirty, self.notes, self.related = last, dirty, notes, related
        self.reused: set[str] = set()

    def page(self, spec: PageSpec) -> str | None:
        if spec.deps is None or any(d in self.dirty for d in spec.deps):
            return None
        text = self.last.site.pages.get(spec.src_uri)
        if text is not None:
            self.reused.add(spec.src_uri)
        return text

    def note(self, iv: Interview) -> tuple[str, str] | None:
        """A note's header and footer show it and the conversations related to it by person, company or industry."""
        related = self.related
        if iv.src_uri in self.notes or f"person:{iv.person}" in related or f"company:{iv.company}" in related \
                or any(f"industry:{s}" in related for s in iv.industries):
            return None
        site = self.last.site
        if iv.src_uri not in site.headers:
            return None
        return site.headers[iv.src_uri], site.footers[iv.src_uri]

    def calendar(self, items: list[Any]) -> bytes | None:
        return self.last.site.assets.get("follow-ups/follow-ups.ics") if repr(items) == self.last.derived["items"] else None


def _email_templates(project_dir: str) -> tuple[Any, ...]:
    folder = os.path.join(project_dir, "overrides", "emails") if project_dir else ""
    try:
        return tuple(sorted((e.name, e.stat().st_mtime_ns, e.stat().st_size) for e in os.scandir(folder)))
    except OSError:
        return ()
