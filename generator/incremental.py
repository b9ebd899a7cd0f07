"""What a rebuild under ``insight serve`` may skip: parsed notes and the pages whose inputs did not change.

Three things make a live reload fast at thousands of notes: a note whose bytes did not change is not parsed
again (the parse cache, :mod:`generator.parsecache`, kept from build to build); a generated page, note header
and footer or asset whose inputs did not change is the last build's text (:class:`SiteCache`, all of them and
the last knowledge base when only prose changed, since nothing resolved or generated shows a note's prose); and a page whose final Markdown did not
change is not rendered to HTML again (:func:`changed_pages`).

What a page reads is declared where the page is made (``PageSpec.reads``, :func:`generator.site.note_reads`,
``site.CALENDAR_READS``) as input keys; :func:`inputs` is the one place that says what each key covers. A page
that declares nothing is rendered every time, so a new kind of page cannot be forgotten here.
tests/test_partial_rebuild.py checks partial rebuilds against full ones. Nothing here imports MkDocs.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, fields
from typing import Any, Callable, Hashable

from .derive import Derived, derive
from .diagnostics import Diagnostic
from .model import Entity, Interview, KnowledgeBase, Note
from .settings import Settings
from .resolve import resolve
from .site import Site, generate

# What every page reads: the settings, which of the user's pages it goes under, their email templates, and the
# names of people, companies and industries (every page links them by name; a new name may change any link).
ALWAYS = ("build", "names")


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


def inputs(kb: KnowledgeBase, derived: Derived, settings: Settings, last: dict[str, Any] | None = None) -> dict[str, Any]:
    """A fingerprint of every input key a page may read; equal fingerprints mean equal pages.

    A key's fingerprint holds everything a page that reads the key may show of it; a conversation is held with how
    it resolved (whom and where it names) and the contact state of everyone it names, since every list of
    conversations shows those. ``build`` and ``names`` are added by :class:`SiteCache`, which knows the user's pages.

    With ``last`` (the last build's fingerprints), an entity or conversation equal to last time's is last time's
    object. A conversation is held in many keys (its person's, company's, industries', every answer's); Python
    compares two tuples' items by identity first, so comparing those keys then costs a look at each item instead
    of a walk through every conversation's fields, once per key that holds it.
    """
    contact = derived.contact
    old_entity: dict[str, Any] = dict(last["entities"]) if last else {}
    old_conv: dict[str, Any] = dict(last["conversations"]) if last else {}
    entity = {key: _same(_entity(e), old_entity.get(key)) for store in (kb.people, kb.companies, kb.industries)
              for e in store.values() for key in [f"{e.kind}:{e.slug}"]}
    conv = {iv.slug: _same(_conversation(iv, contact, entity), old_conv.get(iv.slug)) for iv in kb.interviews}
    naming: dict[str, list[Any]] = {}  # person slug -> the conversations that name them in any role
    at: dict[str, list[Any]] = {}  # company slug -> conversations there, or suggesting someone there
    within: dict[str, list[Any]] = {}  # industry slug -> its conversations
    for iv in kb.interviews:
        c = conv[iv.slug]
        for s in dict.fromkeys(_named(iv)):
            naming.setdefault(s, []).append(c)
        for s in dict.fromkeys([iv.company, *(r.company for r in iv.referrals)]):
            if s:
                at.setdefault(s, []).append(c)
        for s in dict.fromkeys(iv.industries):
            within.setdefault(s, []).append(c)
    items: dict[str, list[Any]] = {}
    for item in derived.items:
        items.setdefault(item.person, []).append(item)
    staff: dict[str, list[Any]] = {}  # company slug -> the people who work there
    in_industry: dict[str, list[Any]] = {}  # industry slug -> its companies
    for p in kb.people.values():
        if p.company:
            staff.setdefault(p.company, []).append((entity[f"people:{p.slug}"], contact.get(p.slug)))
    for c in kb.companies.values():
        for s in c.industries:
            in_industry.setdefault(s, []).append(entity[f"companies:{c.slug}"])
    net = derived.network
    out: dict[str, Any] = {
        "conversations": tuple(conv.items()),
        # what the calendar shows of a conversation besides its due items: the time of day, and its note's page
        "times": tuple((iv.slug, iv.src_uri, _clock(iv.time)) for iv in kb.interviews),
        "entities": tuple(entity.items()),
        "contact": contact,
        "items": (derived.items, derived.item_counts, _waiting(derived.waiting), derived.open_actions,
                  [iv.slug for iv in derived.history]),
        "network": (tuple(net.nodes.values()), tuple(net.edges), tuple((k, tuple(v)) for k, v in net.paths.items()),
                    repr(derived.connectors), repr(derived.leads), repr(derived.targets)),
        "bank": tuple((g.id, g.canonical, g.topic, g.intent, tuple(g.wordings), len(g.answers), len(g.answered))
                      for g in derived.bank.groups),
        "said": _said(derived.said, conv),
        "problems": (tuple(kb.diagnostics), derived.diagnostics),
    }
    for slug in kb.people:
        path = net.paths.get(f"person:{slug}", ())
        out[f"person:{slug}"] = (entity[f"people:{slug}"], contact.get(slug), naming.get(slug, ()), items.get(slug, ()),
                                 derived.drafts.get(slug, ()), [(n, net.nodes.get(n)) for n in path])
    for slug in kb.companies:
        out[f"company:{slug}"] = (entity[f"companies:{slug}"], at.get(slug, ()), staff.get(slug, ()),
                                  _said(derived.said_at.get(("company", slug), ()), conv))
    for slug in kb.industries:
        out[f"industry:{slug}"] = (entity[f"industries:{slug}"], within.get(slug, ()), in_industry.get(slug, ()),
                                   _said(derived.said_at.get(("industry", slug), ()), conv))
    for g in derived.bank.groups:
        out[f"question:{g.id}"] = (g.canonical, g.topic, g.intent, tuple(g.wordings),
                                   tuple((a.question, a.text, a.line, a.topic, conv[a.interview.slug]) for a in g.answers))
    return out


def _same(now: Any, then: Any) -> Any:
    """``then`` when it equals ``now`` (see :func:`inputs`), else ``now``."""
    return then if then is not None and then == now else now


def _named(iv: Interview) -> list[str]:
    """Everyone a conversation names: whom it was with, who introduced you, who else was there, whom they suggested."""
    return [iv.person, *([iv.introduced_by] if iv.introduced_by else []), *iv.people, *(r.person for r in iv.referrals)]


def _conversation(iv: Interview, contact: dict[str, Any], entity: dict[str, Any]) -> tuple[Any, ...]:
    """A conversation as pages show it: every resolved field, its note's frontmatter and sections (not its prose),
    and everyone and everywhere it names as they are now (a list of conversations shows their roles and companies,
    and where you stand with each)."""
    state = tuple(_note_state(iv.note) if f.name == "note" else _clock(iv.time) if f.name == "time" else getattr(iv, f.name)
                  for f in fields(iv))
    named = _named(iv)
    return (state, tuple(contact.get(s) for s in named), tuple(entity.get(f"people:{s}") for s in named),
            entity.get(f"companies:{iv.company}"), tuple(entity.get(f"companies:{r.company}") for r in iv.referrals))


def _clock(t: dt.time | None) -> Any:
    """A time of day compared as shown: 14:30 UTC and 15:30 at +01:00 are equal in Python, not on a page."""
    return None if t is None else (t, str(t.tzinfo))


def _note_state(n: Note | None) -> tuple[Any, ...] | None:
    """Everything of a note that a generated page can show: not its prose. The fields of its own (shown as
    written) are held with their types, since ``1 == True`` in Python but not on a page (``1`` and ``yes``), and
    its time of day with its offset (:func:`_clock`)."""
    return None if n is None else (n.path, n.kind, n.meta, _clock(n.meta.get("time")), n.body_line, n.parts, n.ok,
                                   n.lines, _typed(n.extra))


def _typed(value: Any) -> Any:
    """``value`` compared as shown: a flag or a float is never equal to the number it equals in Python, as a value
    or as a mapping's key."""
    if isinstance(value, dict):
        return tuple((_typed(k), _typed(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return tuple(_typed(v) for v in value)
    if isinstance(value, (bool, float)):
        return (type(value).__name__, value)
    return value


def _entity(e: Entity) -> tuple[Any, ...]:
    return tuple((f.name, _note_state(e.file) if f.name == "file" else getattr(e, f.name)) for f in fields(e))


def _said(groups: Any, conv: dict[str, Any]) -> tuple[Any, ...]:
    """Groups of what was said, with the conversations it was said in as they are now (a Said compares its
    conversation by slug only)."""
    return tuple((g.wording.text, tuple((s.text, s.kind, s.order, conv[s.interview.slug]) for s in g.items))
                 for g in groups)


def _waiting(waiting: list[tuple[Interview, object]]) -> tuple[Any, ...]:
    return tuple((iv.slug, repr(x)) for iv, x in waiting)


def names(kb: KnowledgeBase) -> tuple[Any, ...]:
    """Every entity's slug, name and aliases, and what a [[wikilink]] may name."""
    return (tuple((e.kind, e.slug, e.name, tuple(e.aliases)) for store in (kb.people, kb.companies, kb.industries)
                  for e in store.values()), tuple(kb.names.items()))


class SiteCache:
    """The last build's knowledge base and generated text, reused for whatever cannot have changed since.

    Nothing resolved or generated shows a note's prose: when only prose changed, the last knowledge base is reused
    without resolving every name again (:meth:`resolve`), and the whole last site without even deriving. Otherwise
    every page, note header and footer and the calendar is reused when it was made the same way (its template) from
    inputs whose fingerprints (:func:`inputs`) equal the last build's. The two checks for "only prose changed" stay
    apart, so that each reuse can be turned off and measured alone (tools.bench.without); the second pass over the
    notes' states costs about 3 ms at 5,000 notes.
    """

    def __init__(self) -> None:
        self._last: _Snapshot | None = None
        self.reused: set[str] = set()  # the outputs (``page:<uri>``, ``note:<uri>``, ``asset:<path>``) the last build reused
        self._resolved: _Resolved | None = None

    def resolve(self, notes: list[Note], settings: Settings, diagnostics: list[Diagnostic]) -> KnowledgeBase:
        """:func:`generator.resolve.resolve`, or the last knowledge base when no note changed but in its prose,
        holding the notes as they are now (the prose is theirs: a save shows on the note's own page)."""
        states = {n.src_uri: _note_state(n) for n in notes}
        last = self._resolved
        if last is None or (settings, states, diagnostics) != (last.settings, last.states, last.diagnostics):
            kb = resolve(notes, settings, diagnostics)
            self._resolved = _Resolved(settings, states, list(diagnostics), kb, list(kb.diagnostics))
            return kb
        kb = last.kb
        now = {n.src_uri: n for n in notes}
        kb.notes = notes
        kb.diagnostics = list(last.resolved)  # the build adds to them (templates skipped, links leaving content/)
        for iv in kb.interviews:
            iv.note = now[iv.note.src_uri]
        for store in (kb.people, kb.companies, kb.industries):
            for e in store.values():
                if e.file is not None:
                    e.file = now[e.file.src_uri]
        return kb

    def generate(self, kb: KnowledgeBase, settings: Settings, user_pages: set[str] = frozenset()) -> Site:  # type: ignore[assignment]
        build = (settings, frozenset(user_pages), _email_templates(settings.project_dir))
        notes = {n.src_uri: _note_state(n) for n in kb.notes}
        last = self._last
        if last is not None and build == last.build and notes == last.notes and kb.diagnostics == last.diagnostics:
            site = last.site  # only prose changed: what was derived from the notes is the same
            self.reused = set(last.made)
            return Site(kb, site.derived, dict(site.pages), dict(site.headers), dict(site.footers), dict(site.titles),
                        dict(site.assets), {"render": 0.0, "reused": float(len(site.pages))})
        derived = derive(kb, settings)
        now = {**inputs(kb, derived, settings, last.inputs if last else None), "build": build, "names": names(kb)}
        reuse = _Reuse(last, now)
        site = generate(kb, settings, user_pages, reuse, derived)
        site.timings["reused"] = float(len(reuse.reused))
        self.reused = reuse.reused
        self._last = _Snapshot(build, notes, list(kb.diagnostics), now, reuse.made, site)
        return site


@dataclass
class _Resolved:
    """What the last knowledge base was resolved from, and the problems resolving found."""

    settings: Settings
    states: dict[str, Any]  # src_uri -> the note's state, not its prose
    diagnostics: list[Diagnostic]  # the problems found loading
    kb: KnowledgeBase
    resolved: list[Diagnostic]  # those and the problems found resolving


@dataclass
class _Snapshot:
    """What one build was made from, and what it made."""

    build: tuple[Any, ...]
    notes: dict[str, Any]  # src_uri -> the note's state, not its prose
    diagnostics: list[Diagnostic]  # the problems found loading and resolving
    inputs: dict[str, Any]  # input key -> fingerprint
    made: dict[str, tuple[str, tuple[str, ...] | None, Any]]  # output -> (how it was made, what it read, the text)
    site: Site


class _Reuse:
    """The last build's text of each output made the same way from inputs with the same fingerprints
    (:class:`generator.site.Reuse`)."""

    def __init__(self, last: _Snapshot | None, now: dict[str, Any]) -> None:
        self.last, self.now = last, now
        self.made: dict[str, tuple[str, tuple[str, ...] | None, Any]] = {}
        self.reused: set[str] = set()
        self._same: dict[str, bool] = {}

    def _unchanged(self, key: str) -> bool:
        same = self._same.get(key)
        if same is None:
            old = self.last.inputs if self.last else {}
            same = self._same[key] = key in self.now and key in old and self.now[key] == old[key]
        return same

    def get(self, output: str, how: str, reads: tuple[str, ...] | None, make: Callable[[], Any]) -> Any:
        """``output`` as the last build made it, if it can be reused; else ``make()``'s."""
        last = self.last.made.get(output) if self.last else None
        if (last is not None and reads is not None and last[0] == how and last[1] == reads
                and all(self._unchanged(k) for k in ALWAYS) and all(self._unchanged(k) for k in reads)):
            self.reused.add(output)
            value = last[2]
        else:
            value = make()
        self.made[output] = (how, reads, value)
        return value


def _email_templates(project_dir: str) -> tuple[Any, ...]:
    folder = os.path.join(project_dir, "overrides", "emails") if project_dir else ""
    try:
        return tuple(sorted((e.name, e.stat().st_mtime_ns, e.stat().st_size) for e in os.scandir(folder)))
    except OSError:
        return ()
