"""The network as a site asset (``assets/insight/network.json``), fetched only by pages that draw a map.

One file serves the whole map and every person's neighbourhood map (the browser caches it), so
no page carries graph data inline. Labels are plain JSON strings: the script draws them as text.
"""

from __future__ import annotations

import json

from ..urls import page_url
from .graph import Network
from .layout import radial

PATH = "assets/insight/network.json"


def to_data(net: Network, directory_urls: bool = True) -> dict:
    """The map's data; each node's ``u`` is its page's URL relative to the site root."""
    pos = radial(net)
    nodes = []
    for n in sorted(net.nodes.values(), key=lambda n: n.sort_key):
        x, y = pos[n.id]
        item = {"id": n.id, "k": n.kind, "l": n.label, "u": page_url(n.src_uri, directory_urls) if n.src_uri else "", "x": x, "y": y}
        if n.industries:
            item["i"] = list(n.industries)
        if n.channel:
            item["c"] = n.channel
        if n.id in net.paths:
            item["d"] = len(net.paths[n.id]) - 1
        nodes.append(item)
    edges = []
    for e in net.edges:
        item = {"s": e.source, "t": e.target, "k": e.kind}
        if e.channel:
            item["c"] = e.channel
        if e.why:
            item["w"] = e.why
        edges.append(item)
    industries = sorted((n for n in net.nodes.values() if n.kind == "industry"), key=lambda n: n.sort_key)
    return {
        "version": 1,
        "nodes": nodes,
        "edges": edges,
        "industries": [{"id": n.id, "l": n.label} for n in industries],
        "channels": sorted({n.channel for n in net.nodes.values() if n.channel}),
    }


def encode(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode()


def assets(net: Network, directory_urls: bool = True) -> dict[str, bytes]:
    return {PATH: encode(to_data(net, directory_urls))}
