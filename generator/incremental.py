"""What a rebuild under ``insight serve`` may skip: parsed notes and unchanged pages.

Two things make a live reload fast at thousands of notes: a note whose bytes did not change is
not parsed again (:class:`NoteCache`), and a page whose final Markdown did not change is not
rendered to HTML again (:func:`changed_pages`). Everything else (resolve, page specs, the
generated Markdown) is redone on every build, so a change to one note reaches every page that
shows it: the person, company, industry and index pages and the related lists of other notes.
Nothing here imports MkDocs.
"""

from __future__ import annotations

from typing import Callable, Hashable

from .diagnostics import Diagnostic
from .load import Source, load_note
from .model import Note


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
