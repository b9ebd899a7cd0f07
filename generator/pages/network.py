"""The network page: the map, its analysis (connectors, warm leads, targets, warm paths) and a text version."""

from __future__ import annotations

from functools import partial
from typing import Any, Iterable

from ..derived import once_per_build
from ..model import KnowledgeBase
from ..network import graph
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


@once_per_build
def summary(kb: KnowledgeBase, settings: Settings) -> dict:
    """What the network page and the dashboard show about the network."""
    net = graph.build(kb, settings)
    return {
        "net": net,
        "connectors": graph.connectors(net),
        "leads": graph.warm_leads(kb),
        "targets": graph.targets(kb, settings, net),
    }


def pages(kb: KnowledgeBase, settings: Settings) -> Iterable[PageSpec]:
    yield PageSpec("network/index.md", "network.md.j2", partial(_context, kb, settings), title="Network",
                   deps=("network",))  # the context is made when rendered, in the process that renders it


def _context(kb: KnowledgeBase, settings: Settings) -> dict[str, Any]:
    info = summary(kb, settings)
    net = info["net"]
    ranked = sorted((n for n in net.nodes.values() if n.kind in ("person", "company")), key=lambda n: n.sort_key)
    reached = sorted((n.id for n in ranked if n.id in net.paths), key=lambda i: (len(net.paths[i]), net.nodes[i].sort_key))
    counts = {k: sum(1 for n in net.nodes.values() if n.kind == k) for k in ("person", "company", "industry")}
    return {**info, "reached": reached, "unreached": [n.id for n in ranked if n.id not in net.paths],
            "counts": counts, "edge_labels": EDGE_LABELS}
