"""The site's navigation, made from the pages there are: a section whose page is gone is simply not listed.

Written by hand in mkdocs.yml, a nav names files; deleting one (``content/guide/``) broke ``--strict``
builds. Made here, it lists the generated sections (their index pages always exist), the user's guide if
there is one, and the user's own top-level pages. It stays small on purpose: Material renders the whole nav
into every page, so entity pages are reached from their section's index, never listed.
"""

from __future__ import annotations

from typing import Iterable

from .urls import MARKDOWN

SECTIONS: tuple[tuple[str, str], ...] = (
    ("Home", "index.md"),
    ("Conversations", "interviews/index.md"),
    ("People", "people/index.md"),
    ("Companies", "companies/index.md"),
    ("Industries", "industries/index.md"),
    ("Network", "network/index.md"),
    ("Questions", "questions/index.md"),
    ("Follow-ups", "follow-ups/index.md"),
)
GUIDE = ("guide/index.md", "guide/note-format.md")  # the user's guide page, or the generated field reference



def navigation(pages: Iterable[str]) -> list[dict[str, str]]:
    """``[{"Home": "index.md"}, ...]`` for the pages (docs-dir paths) this build has."""
    present = set(pages)
    nav = [{title: uri} for title, uri in SECTIONS if uri in present]
    guide = next((uri for uri in GUIDE if uri in present), None)
    if guide:
        nav.append({"Guide": guide})
    taken = {uri for item in nav for uri in item.values()}
    for uri in sorted(p for p in present if "/" not in p and p.endswith(MARKDOWN) and p not in taken):
        stem = uri.rsplit(".", 1)[0]
        if stem not in ("index", "README"):
            nav.append({stem.replace("-", " ").replace("_", " ").capitalize(): uri})
    return nav
