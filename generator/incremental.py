"""What a rebuild under ``insight serve`` may skip: parsed notes and unchanged pages.

Three things make a live reload fast at thousands of notes: a note whose bytes did not change is
not parsed again (:class:`NoteCache`); when no note changed except in its prose, the generated
pages of the last build are reused (:class:`SiteCache`), since no generated page shows a note's
prose; and a page whose final Markdown did not change is not rendered to HTML again
(:func:`changed_pages`). Otherwise resolve and the generated Markdown are redone, so a change to
one note reaches every page that shows it: the person, company, industry and index pages and the
related lists of other notes. Nothing here imports MkDocs.
"""

from __future__ import annotations

import os
from typing import Any, Callable, Hashable

from .diagnostics import Diagnostic
from .load import Source, load_note
from .model import KnowledgeBase, Note
from .settings import Settings
from .site import Site, generate


class NoteCache:
    """``load_note`` results remembered by file bytes, across the builds of one serve session."""

    def __init__(self) -> None:
        self._by_uri: dict[str, tuple[str, bytes, tuple[Note | None, list[Diagnostic]]]] = {}

    def load_note(self, src: Source) -> tuple[Note | None, list[Diagnostic]]:
        hit = self._by_uri.get(src.src_uri)
        if hit is not None and hit[0] == src.path and hit[1] == src.data:
            return hit[2]
        result = load_note(src)
        self._by_uri[src.src_uri] = (src.path, src.data, result)
        return result

    def keep_only(self, uris: set[str]) -> None:
        """Forget deleted files."""
        for uri in set(self._by_uri) - uris:
            del self._by_uri[uri]


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
    """The last build's generated pages, reused while everything they are made from is unchanged.

    They are made from the notes' parsed frontmatter and recognised sections (questions, insights ...),
    not from their prose; from the settings, the user's own pages and the problems found so far; and
    from the user's email templates (``overrides/emails/``). Typing in a note's text changes none of them.
    """

    def __init__(self) -> None:
        self._last: tuple[tuple[Any, ...], Site, list[Diagnostic]] | None = None

    def generate(self, kb: KnowledgeBase, settings: Settings, user_pages: set[str] = frozenset()) -> Site:  # type: ignore[assignment]
        key = _inputs(kb, settings, user_pages)
        if self._last is not None and self._last[0] == key:
            _, last, diagnostics = self._last
            kb.diagnostics[:] = diagnostics  # generating adds the question bank's warnings: the same ones
            return Site(kb, dict(last.pages), dict(last.headers), dict(last.footers), dict(last.titles),
                        dict(last.assets), {"render": 0.0})
        site = generate(kb, settings, user_pages)
        self._last = (key, site, list(kb.diagnostics))
        return site


def _inputs(kb: KnowledgeBase, settings: Settings, user_pages: set[str]) -> tuple[Any, ...]:
    """Everything :func:`generate` reads, compared by equality (unchanged notes are the very same objects)."""
    notes = tuple((n.path, n.src_uri, n.kind, n.meta, n.body_line, n.parts, n.ok, n.lines) for n in kb.notes)
    return (settings, frozenset(user_pages), tuple(kb.diagnostics), notes, _email_templates(settings.project_dir))


def _email_templates(project_dir: str) -> tuple[Any, ...]:
    folder = os.path.join(project_dir, "overrides", "emails") if project_dir else ""
    try:
        return tuple(sorted((e.name, e.stat().st_mtime_ns, e.stat().st_size) for e in os.scandir(folder)))
    except OSError:
        return ()
