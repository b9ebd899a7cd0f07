"""Node positions computed at build time: a radial tree around you, by distance in the network.

A force layout is slow at thousands of nodes (networkx spring_layout: 90 s at 5,000) and moves
every node when one is added. A radial tree is linear, needs no dependency, and is a pure
function of the sorted graph: you in the centre, the people you reached directly on the first
ring, those they introduced or work with further out, each subtree in its own wedge sized by
how many nodes it holds. The same notes give the same picture; a new note moves only its
neighbours' wedges a little. Parts of the graph not linked to you hang off the centre too,
in their own wedges, so nothing overlaps.
"""

from __future__ import annotations

import math
from collections import deque

from .graph import ME, Network

RING = 140.0  # distance between rings
GAP = 36.0  # least arc length between neighbours on one ring


def radial(net: Network) -> dict[str, tuple[float, float]]:
    """Positions by node id, rounded so the JSON is byte-stable.

    People and companies form the tree (industries would be hubs that swallow whole subtrees);
    industries then sit on an outer ring, each at the mean angle of what belongs to it.
    """
    adj = {n: [m for m in near if net.nodes[m].kind != "industry"] for n, near in net.neighbours().items()}
    children: dict[str, list[str]] = {n: [] for n in net.nodes}
    depth = {ME: 0}
    order = [ME]
    _bfs(ME, adj, children, depth, order)
    for root in sorted(net.nodes, key=lambda i: net.nodes[i].sort_key):
        if root not in depth and net.nodes[root].kind != "industry":  # a part not linked to you: its own wedge
            children[ME].append(root)
            depth[root] = 1
            order.append(root)
            _bfs(root, adj, children, depth, order)
    size: dict[str, int] = {}  # leaves below a node: a long chain needs no wider wedge than one leaf
    for n in reversed(order):
        size[n] = sum(size[c] for c in children[n]) or 1
    per_ring: dict[int, int] = {}
    for d in depth.values():
        per_ring[d] = per_ring.get(d, 0) + 1
    radius = {0: 0.0}
    for d in range(1, max(per_ring) + 1):
        radius[d] = max(radius[d - 1] + RING, per_ring.get(d, 0) * GAP / (2 * math.pi))
    pos: dict[str, tuple[float, float]] = {ME: (0.0, 0.0)}
    angle: dict[str, float] = {}
    wedge = {ME: (-math.pi / 2, 3 * math.pi / 2)}
    for n in order:
        start, end = wedge[n]
        width = end - start
        kids = children[n]
        total = sum(math.sqrt(size[c]) for c in kids) or 1
        for c in kids:  # half the wedge shared equally, half by subtree: big subtrees do not crowd out leaves
            span = width * (0.5 / len(kids) + 0.5 * math.sqrt(size[c]) / total)
            wedge[c] = (start, start + span)
            angle[c] = start + span / 2
            r = radius[depth[c]]
            pos[c] = (round(r * math.cos(angle[c]), 1), round(r * math.sin(angle[c]), 1))
            start += span
    pos.update(_rim(net, angle, max(radius.values()) + RING))
    return pos


def _rim(net: Network, angle: dict[str, float], r: float) -> dict[str, tuple[float, float]]:
    """Industries on the outer ring, at the mean angle of their members, kept apart by ``GAP``."""
    members: dict[str, list[float]] = {}
    for e in net.edges:
        if e.kind == "in-industry" and e.source in angle:
            members.setdefault(e.target, []).append(angle[e.source])
    wanted = []
    for i in sorted((n for n in net.nodes.values() if n.kind == "industry"), key=lambda n: n.sort_key):
        angles = members.get(i.id, [])
        x, y = sum(math.cos(a) for a in angles), sum(math.sin(a) for a in angles)
        wanted.append((math.atan2(y, x) if angles and (x or y) else -math.pi / 2, i.id))
    wanted.sort()
    r = max(r, len(wanted) * GAP / (2 * math.pi))
    step = GAP / r
    placed: dict[str, tuple[float, float]] = {}
    last = -math.inf
    for a, node in wanted:
        a = max(a, last + step)
        last = a
        placed[node] = (round(r * math.cos(a), 1), round(r * math.sin(a), 1))
    return placed


def _bfs(root: str, adj: dict[str, list[str]], children: dict[str, list[str]], depth: dict[str, int], order: list[str]) -> None:
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for nxt in adj[node]:
            if nxt not in depth:
                depth[nxt] = depth[node] + 1
                children[node].append(nxt)
                order.append(nxt)
                queue.append(nxt)
