"""The network page: the map, its analysis (connectors, warm leads, targets, warm paths) and a text version."""

from __future__ import annotations

from functools import partial
from typing import Any, Iterable

from ..derive import Derived
from ..model import KnowledgeBase
from ..network.graph import COLD
from ..render import PageSpec
from ..settings import Settings

EDGE_LABELS = {
    "contacted": "reached directly",
    "knows": "knows",
    "introduced": "introduced you to",
    "referred": "suggested you talk to",
    "works-at": "works at",
    "in-industry": "is in",
}


def overview(derived: Derived) -> dict[str, Any]:
    """What the network page and the dashboard show about the network."""
    return {"net": derived.network, "connectors": derived.connectors, "leads": derived.leads, "targets": derived.targets}


def pages(kb: KnowledgeBase, derived: Derived, settings: Settings) -> Iterable[PageSpec]:
    yield PageSpec("network/index.md", "network.md.j2", partial(_context, derived), title="Network", reads=("network", "contact"))


def _context(derived: Derived) -> dict[str, Any]:
    info = overview(derived)
    net = derived.network
    ranked = sorted((n for n in net.nodes.values() if n.kind in ("person", "company")), key=lambda n: n.sort_key)
    reached = sorted((n.id for n in ranked if n.id in net.paths), key=lambda i: (len(net.paths[i]), net.nodes[i].sort_key))
    counts = {k: sum(1 for n in net.nodes.values() if n.kind == k) for k in ("person", "company", "industry")}
    contact = derived.contact
    cold = [n.id for n in ranked if n.kind == "person" and contact[n.id.split(":", 1)[1]].state in COLD]
    return {**info, "reached": reached, "unreached": [n.id for n in ranked if n.id not in net.paths and n.id not in cold],
            "cold": [(i, contact[i.split(":", 1)[1]].label) for i in cold], "counts": counts, "edge_labels": EDGE_LABELS,
            "edge_groups": edge_groups(net.edges)}


# The text version of the map, one collapsed group per kind of connection: a page, not a scroll of every edge.
EDGE_GROUPS = (
    ("People you reached yourself", ("contacted", "knows")),
    ("Introductions", ("introduced",)),
    ("Referrals: who suggested whom", ("referred",)),
    ("Who works where", ("works-at",)),
    ("Industries", ("in-industry",)),
)


def edge_groups(edges: list[Any]) -> list[tuple[str, list[Any]]]:
    """``(title, edges)`` for each kind of connection there is, in EDGE_GROUPS' order; kinds not named there last."""
    named = {k for _, kinds in EDGE_GROUPS for k in kinds}
    out = []
    for title, kinds in EDGE_GROUPS:
        group = [e for e in edges if e.kind in kinds]
        if group:
            out.append((title, group))
    other = [e for e in edges if e.kind not in named]
    if other:
        out.append(("Other connections", other))
    return out
