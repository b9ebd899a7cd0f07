"""The network page: the map, its analysis (connectors, warm leads, targets, warm paths), and the text version.

Every long table of the network (each kind of connection, every warm path, every warm lead and connector) is a
:class:`Listing`: the network page shows its first rows and links to its own pages, a few hundred rows each. The
text version is what a reader without JavaScript or with a screen reader has instead of the canvas, so it is plain
HTML on plain pages rather than drawn from ``network.json``; and a page the size a reader needs, whatever the
number of notes, rather than every edge of the map inlined into one (half a megabyte at 1,000 conversations).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from html import escape
from typing import Any, Callable, Iterable, Union

from ..derive import Derived
from ..escape import t
from ..htmlblocks import html_block, html_link
from ..model import KnowledgeBase
from ..network.graph import COLD, Edge
from ..render import PageSpec
from ..settings import Settings
from ..wording import counted, number

EDGE_LABELS = {
    "contacted": "reached directly",
    "knows": "knows",
    "introduced": "introduced you to",
    "referred": "suggested you talk to",
    "works-at": "works at",
    "in-industry": "is in",
}

# The text version of the map, a table per kind of connection: (folder under network/connections/, title, kinds).
EDGE_GROUPS = (
    ("reached", "People you reached yourself", ("contacted", "knows")),
    ("introductions", "Introductions", ("introduced",)),
    ("referrals", "Referrals: who suggested whom", ("referred",)),
    ("works-at", "Who works where", ("works-at",)),
    ("industries", "Industries", ("in-industry",)),
)
GROUP_INTROS = {
    "reached": "The people you reached yourself, by the channel you used, and those you knew before they introduced you to someone.",
    "introductions": "Who introduced you to whom, and through which channel.",
    "referrals": "Who suggested you talk to whom, and why.",
    "works-at": "Where everyone works.",
    "industries": "The industries each company is in.",
    "other": "Connections of other kinds.",
}

PER_PAGE = 200  # rows on a page of a listing: a table a reader can scan, some 60 KB of HTML with the theme
PREVIEW = 10  # rows of a listing the network page shows itself

Piece = Union[str, tuple[str, str]]  # text, or (docs-dir path, label): a link
Cell = tuple[Piece, ...]


@dataclass(frozen=True)
class Row:
    name: str  # what the row is found by, for the range a page holds ("Ada Bianchi to Bo Berg")
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Listing:
    """A long table of the network, on pages of its own under ``folder``."""

    key: str  # how the network page's template names it
    folder: str  # docs-dir folder: its first page is ``folder/index.md``, the next ``folder/2.md``
    title: str
    intro: str  # Markdown
    noun: tuple[str, str]  # one row, several rows: ("connection", "connections")
    columns: tuple[str, ...]
    rows: tuple[Row, ...]
    reads: tuple[str, ...]
    ranged: bool = True  # rows are in order of name, so a page's first and last name say what it holds
    previewed: bool = False  # its first rows are on the network page; pages of its own only for more than those

    @property
    def paged(self) -> bool:
        """Whether it has pages of its own."""
        return not self.previewed or len(self.rows) > PREVIEW

    @property
    def pages(self) -> int:
        return max(1, -(-len(self.rows) // PER_PAGE))

    def uri(self, page: int) -> str:
        return f"{self.folder}/index.md" if page == 1 else f"{self.folder}/{page}.md"


def overview(derived: Derived) -> dict[str, Any]:
    """What the network page and the dashboard show about the network."""
    return {"net": derived.network, "connectors": derived.connectors, "leads": derived.leads, "targets": derived.targets}


def pages(kb: KnowledgeBase, derived: Derived, settings: Settings) -> Iterable[PageSpec]:
    found = listings(kb, derived, settings)
    yield PageSpec("network/index.md", "network.md.j2", partial(_context, derived, found), title="Network",
                   reads=("network", "contact"))
    for listing in (x for x in found if x.paged):
        for page in range(1, listing.pages + 1):
            title = listing.title + (f", page {page} of {listing.pages}" if listing.pages > 1 else "")
            yield PageSpec(listing.uri(page), "network_listing.md.j2", partial(_listing_context, found, listing, page, settings),
                           title=title, reads=listing.reads)


def _context(derived: Derived, found: list[Listing]) -> dict[str, Any]:
    net = derived.network
    counts = {k: sum(1 for n in net.nodes.values() if n.kind == k) for k in ("person", "company", "industry")}
    by_key = {x.key: x for x in found}
    reached = sum(1 for n in net.nodes.values() if n.kind in ("person", "company") and n.id in net.paths)
    return {**overview(derived), "counts": counts, "preview": partial(_preview, by_key),
            "kinds": [x for x in found if not x.previewed], "per_page": PER_PAGE, "paths": by_key["paths"],
            "reached": reached}


def _preview(by_key: dict[str, Listing], key: str, link: Callable[..., str]) -> str:
    """The first rows of a listing as a Markdown table, and a link to all of them when there are more."""
    listing = by_key[key]
    head = "| " + " | ".join(listing.columns) + " |\n|" + "---|" * len(listing.columns) + "\n"
    rows = "".join("| " + " | ".join(_md_cell(c, link) for c in r.cells) + " |\n" for r in listing.rows[:PREVIEW])
    out = head + rows
    if len(listing.rows) > PREVIEW:
        # the link says where it goes: a screen reader's list of links would otherwise hold three "see them all"
        out += f"\nThe first {PREVIEW} of {link(listing.uri(1), counted(len(listing.rows), *listing.noun))}{_paging(listing)}.\n"
    return out


def _paging(listing: Listing) -> str:
    return f", {PER_PAGE} to a page" if listing.pages > 1 else ""


def _md_cell(cell: Cell, link: Callable[..., str]) -> str:
    return "".join(link(*p) if isinstance(p, tuple) else _spaced(p, t(p)) for p in cell)


def _spaced(text: str, escaped: str) -> str:
    """``escaped`` with the spaces around ``text`` kept (``t`` trims them; a path's " → " needs them)."""
    return (" " if text[:1] == " " else "") + escaped + (" " if text[-1:] == " " else "")


def _html_cell(cell: Cell, a: Callable[[str, str], str]) -> str:
    return "".join(a(*p) if isinstance(p, tuple) else escape(p, quote=False) for p in cell)


def _listing_context(found: list[Listing], listing: Listing, page: int, settings: Settings) -> dict[str, Any]:
    uri = listing.uri(page)

    def a(target: str, text: str) -> str:
        return html_link(uri, target, text, settings.use_directory_urls)

    first = (page - 1) * PER_PAGE
    rows = listing.rows[first:first + PER_PAGE]
    head = "".join(f"<th>{escape(c, quote=False)}</th>" for c in listing.columns)
    body = "".join("<tr>" + "".join(f"<td>{_html_cell(c, a)}</td>" for c in r.cells) + "</tr>\n" for r in rows)
    # the rows name pages search finds on their own: the page is kept out of the index (its front matter)
    table = html_block(f'<div class="insight-listing">\n<table>\n<thead>\n<tr>{head}</tr>\n</thead>\n<tbody>\n{body}</tbody>\n</table>\n</div>')
    shown = (f"{number(first + 1)} to {number(first + len(rows))} of {counted(len(listing.rows), *listing.noun)}"
             if listing.pages > 1 else counted(len(listing.rows), *listing.noun))
    if listing.ranged and listing.pages > 1:
        shown += f", {t(rows[0].name)} to {t(rows[-1].name)}"
    return {"listing": listing, "page": page, "table": table, "shown": shown, "pages": listing.pages,
            "others": [x for x in found if x is not listing and x.paged]}


def listings(kb: KnowledgeBase, derived: Derived, settings: Settings) -> list[Listing]:
    """The network's long tables, in the order the network page shows them: connectors, warm leads, warm paths,
    then the text version's kinds of connection."""
    net, contact = derived.network, derived.contact
    me = f"{settings.me.name} (you)"

    def node(node_id: str) -> Piece:
        n = net.nodes[node_id]
        return me if n.kind == "me" else (n.src_uri, n.label)

    def label(node_id: str) -> str:
        return me if node_id == "me" else net.nodes[node_id].label

    def person(slug: str) -> Piece:
        return (kb.people[slug].src_uri, kb.people[slug].name)

    out = [
        Listing("connectors", "network/connectors", "Connectors", "Who introduced you to the most people, most first; "
                "an introduction or referral to someone who declined or never replied does not count.",
                ("connector", "connectors"), ("Person", "Introductions", "Referrals"),
                tuple(Row(kb.people[c.person].name, ((person(c.person),), (number(c.introduced),), (number(c.referred),)))
                      for c in derived.connectors), ("network",), ranged=False, previewed=True),
        Listing("leads", "network/leads", "Warm leads", "People you were pointed to and have not contacted yet.",
                ("warm lead", "warm leads"), ("Person", "Company", "Suggested by", "Why"),
                tuple(Row(kb.people[r.person].name, ((person(r.person),),
                                                     ((kb.companies[r.company].src_uri, kb.companies[r.company].name),) if r.company else (),
                                                     (person(r.by),), (" ".join(r.why.split()),) if r.why else ()))
                      for r in derived.leads), ("network",), previewed=True),
        Listing("paths", "network/paths", "Warm paths", "The chain of contacts, introductions and referrals from you to "
                "each person and company, the nearest first; then those with no warm path yet, and those who declined "
                "or never replied, who are never part of a path.", ("person or company", "people and companies"),
                ("To", "Steps", "Path"), tuple(_path_rows(net, contact, node)), ("network", "contact"), ranged=False,
                previewed=True),
    ]
    for slug, title, edges in edge_groups(net.edges):
        ordered = sorted(edges, key=lambda e: (net.nodes[e.source].sort_key, net.nodes[e.target].sort_key, e.kind))
        rows = tuple(Row(label(e.target if e.source == "me" else e.source),
                         ((node(e.source),), (EDGE_LABELS.get(e.kind, e.kind),), (node(e.target),), (_reason(e),)))
                     for e in ordered)
        out.append(Listing(f"connections/{slug}", f"network/connections/{slug}", title,
                           GROUP_INTROS[slug] + " A part of the map's text version.", ("connection", "connections"),
                           ("From", "Connection", "To", "Channel or reason"), rows, ("network",)))
    return out


def _reason(e: Edge) -> str:
    return " ".join((e.channel.replace("-", " ") if e.channel else e.why or "").split())


def _path_rows(net: Any, contact: dict[str, Any], node: Callable[[str], Piece]) -> Iterable[Row]:
    """Everyone and every company on the map: those with a warm path, nearest first, then those with none yet,
    then those who declined or never replied."""
    ranked = sorted((n for n in net.nodes.values() if n.kind in ("person", "company")), key=lambda n: n.sort_key)
    cold = {n.id: contact[n.id.split(":", 1)[1]].label for n in ranked
            if n.kind == "person" and contact[n.id.split(":", 1)[1]].state in COLD}
    for i in sorted((n.id for n in ranked if n.id in net.paths), key=lambda i: (len(net.paths[i]), net.nodes[i].sort_key)):
        path: list[Piece] = []
        for step in net.paths[i]:
            path += [" → ", node(step)] if path else [node(step)]
        yield Row(net.nodes[i].label, ((node(i),), (number(len(net.paths[i]) - 1),), tuple(path)))
    for n in ranked:
        if n.id not in net.paths and n.id not in cold:
            yield Row(n.label, ((node(n.id),), (), ("No warm path yet",)))
    for n in ranked:
        if n.id in cold:
            yield Row(n.label, ((node(n.id),), (), (f"{cold[n.id].capitalize()}: never part of a path",)))


def edge_groups(edges: list[Edge]) -> list[tuple[str, str, list[Edge]]]:
    """``(folder, title, edges)`` for each kind of connection there is, in EDGE_GROUPS' order; kinds not named
    there last."""
    named = {k for _, _, kinds in EDGE_GROUPS for k in kinds}
    out = []
    for slug, title, kinds in EDGE_GROUPS:
        group = [e for e in edges if e.kind in kinds]
        if group:
            out.append((slug, title, group))
    other = [e for e in edges if e.kind not in named]
    if other:
        out.append(("other", "Other connections", other))
    return out
