"""The personal network as a typed graph, and what it tells you: warm paths, connectors, leads.

Nodes are you ("me"), people, companies and industries; edges say how they are linked:
``contacted`` (you reached them directly), ``knows`` (someone who introduced you, whom you know
already), ``introduced``, ``referred``, ``works-at`` and ``in-industry``. A warm path is a chain of
contacts, introductions and referrals from you that runs only through people who helped: someone you
talked with, or who introduced or referred you. Someone who declined or never replied is on the map
but never part of a path; a colleague of someone who helped is reached through their company.
Everything here is a pure function of the knowledge base, sorted, so the same notes always give the
same graph.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from ..identity import key
from ..lifecycle.contact import Contact, contact_statuses
from ..model import KnowledgeBase, Referral
from ..settings import Settings

ME = "me"
KIND_ORDER = {"me": 0, "person": 1, "company": 2, "industry": 3}
WARM_EDGES = ("contacted", "knows", "introduced", "referred")  # the edges a warm path may follow
EDGE_KINDS = WARM_EDGES + ("works-at", "in-industry")
COLD = ("declined", "no reply")  # how a contact ended that makes them no path to anyone


@dataclass(frozen=True)
class Node:
    id: str
    kind: str  # me | person | company | industry
    label: str
    src_uri: str = ""  # the node's page in the docs dir ("" for me)
    industries: tuple[str, ...] = ()  # industry node ids, for filtering
    channel: str = ""  # how you first reached a person

    @property
    def sort_key(self) -> tuple[int, str, str]:
        return (KIND_ORDER[self.kind], self.label.casefold(), self.id)


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    kind: str
    channel: str = ""  # the conversation's channel, for contacted and introduced
    why: str = ""  # for referred


@dataclass
class Network:
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: list[Edge] = field(default_factory=list)  # sorted, one per (source, target, kind)
    paths: dict[str, list[str]] = field(default_factory=dict)  # node id -> warm path from me (ids, me first)

    def neighbours(self) -> dict[str, list[str]]:
        """Undirected adjacency, sorted, for layouts and neighbourhoods."""
        adj: dict[str, set[str]] = {n: set() for n in self.nodes}
        for e in self.edges:
            adj[e.source].add(e.target)
            adj[e.target].add(e.source)
        return {n: sorted(s, key=lambda i: self.nodes[i].sort_key) for n, s in adj.items()}


def person_id(slug: str) -> str:
    return f"person:{slug}"


def company_id(slug: str) -> str:
    return f"company:{slug}"


def industry_id(slug: str) -> str:
    return f"industry:{slug}"


def build(kb: KnowledgeBase, settings: Settings, contact: dict[str, Contact] | None = None) -> Network:
    """The graph of everything the notes say about who is linked to whom (``contact``: each person's contact
    status, worked out from the notes when not given)."""
    contact = contact_statuses(kb) if contact is None else contact
    net = Network()
    net.nodes[ME] = Node(ME, "me", settings.me.name)
    edges: dict[tuple[str, str, str], Edge] = {}

    def add(edge: Edge) -> None:
        edges.setdefault((edge.source, edge.target, edge.kind), edge)  # interviews are newest first: newest wins

    for ind in kb.industries.values():
        net.nodes[industry_id(ind.slug)] = Node(industry_id(ind.slug), "industry", ind.name, ind.src_uri)
    for c in kb.companies.values():
        inds = tuple(industry_id(s) for s in c.industries)
        net.nodes[company_id(c.slug)] = Node(company_id(c.slug), "company", c.name, c.src_uri, inds)
        for s in inds:
            add(Edge(company_id(c.slug), s, "in-industry"))
    first_channel: dict[str, str] = {}
    for iv in reversed(kb.interviews):  # oldest first: the channel you first reached them by
        first_channel.setdefault(iv.person, iv.channel or "")
    for p in kb.people.values():
        company_inds = set(kb.companies[p.company].industries) if p.company else set()
        inds = tuple(industry_id(s) for s in sorted(set(p.industries) | company_inds))
        pid = person_id(p.slug)
        net.nodes[pid] = Node(pid, "person", p.name, p.src_uri, inds, first_channel.get(p.slug, ""))
        if p.company:
            add(Edge(pid, company_id(p.company), "works-at"))
        for s in p.industries:
            if s not in company_inds:
                add(Edge(pid, industry_id(s), "in-industry"))
    for iv in kb.interviews:
        source = person_id(iv.introduced_by) if iv.introduced_by else ME
        kind = "introduced" if iv.introduced_by else "contacted"
        add(Edge(source, person_id(iv.person), kind, iv.channel or ""))
    for r in kb.referrals:
        add(Edge(person_id(r.by), person_id(r.person), "referred", why=r.why))
    net.edges = sorted(edges.values(), key=lambda e: (e.source, e.target, e.kind))
    helpers = helped(net, contact)
    cold = {person_id(s) for s, c in contact.items() if c.state in COLD}
    net.paths = warm_paths(net, helpers, cold)
    introducers = {e.source for e in net.edges if e.kind == "introduced"}
    introduced = {e.target for e in net.edges if e.kind in WARM_EDGES}
    for unknown in (introducers - introduced, introducers):  # the second pass only for a cycle of introducers
        missing = sorted(unknown - set(net.paths))
        if missing:  # someone who introduced you, whom no chain reaches: you know them yourself
            net.edges = sorted(net.edges + [Edge(ME, i, "knows") for i in missing], key=lambda e: (e.source, e.target, e.kind))
            net.paths = warm_paths(net, helpers, cold)
    return net


def helped(net: Network, contact: dict[str, Contact]) -> set[str]:
    """The people who helped: you talked with them, or they introduced or referred you to someone."""
    out = {person_id(s) for s, c in contact.items() if c.helped}
    return out | {e.source for e in net.edges if e.kind in ("introduced", "referred")}


def warm_paths(net: Network, helpers: set[str], cold: set[str] = frozenset()) -> dict[str, list[str]]:  # type: ignore[assignment]
    """Shortest chain of contacts, introductions and referrals from you to every person and company, through
    ``helpers`` only: a first hop is someone who helped, and only they lead on. ``cold`` people (declined, no
    reply) are never on a path.

    Breadth first over sorted edges, so ties resolve the same way every build. A company's path is the path
    to someone on a path who works there, then the company; a colleague there is reached through it.
    """
    adj: dict[str, list[str]] = {}
    for e in net.edges:
        if e.kind in WARM_EDGES:
            adj.setdefault(e.source, []).append(e.target)
    parent: dict[str, str | None] = {ME: None}
    queue = deque([ME])
    while queue:
        node = queue.popleft()
        if node != ME and node not in helpers:
            continue  # reached, but leads nowhere: they have not helped (yet)
        for nxt in sorted(adj.get(node, []), key=lambda i: net.nodes[i].sort_key):
            if nxt in cold or (node == ME and nxt not in helpers):
                continue
            if nxt not in parent:
                parent[nxt] = node
                queue.append(nxt)
    paths: dict[str, list[str]] = {}
    for node in parent:
        chain, cur = [], node
        while cur is not None:
            chain.append(cur)
            cur = parent[cur]
        paths[node] = chain[::-1]
    works_at = sorted((e for e in net.edges if e.kind == "works-at"),
                      key=lambda e: (len(paths.get(e.source, ())) or 10**9, net.nodes[e.source].sort_key))
    for e in works_at:
        if e.source in paths and e.target not in paths:
            paths[e.target] = paths[e.source] + [e.target]
    for e in works_at:  # a colleague of someone who helped: through their company
        if e.target in paths and e.source not in paths and e.source not in cold:
            paths[e.source] = paths[e.target] + [e.source]
    return paths


@dataclass(frozen=True)
class Connector:
    person: str  # slug
    introduced: int
    referred: int


def connectors(net: Network, contact: dict[str, Contact] | None = None) -> list[Connector]:
    """Who introduced you to the most people (referrals break ties): the people to thank and keep close. An
    introduction or referral to someone who declined or never replied does not count."""
    cold = {person_id(s) for s, c in (contact or {}).items() if c.state in COLD}
    intro: dict[str, set[str]] = {}
    ref: dict[str, set[str]] = {}
    for e in net.edges:
        if e.target in cold:
            continue
        if e.kind == "introduced":
            intro.setdefault(e.source, set()).add(e.target)
        elif e.kind == "referred":
            ref.setdefault(e.source, set()).add(e.target)
    found = [Connector(i.split(":", 1)[1], len(intro.get(i, ())), len(ref.get(i, ()))) for i in set(intro) | set(ref)
             if intro.get(i) or ref.get(i)]
    return sorted(found, key=lambda c: (-c.introduced, -c.referred, net.nodes[person_id(c.person)].sort_key))


def warm_leads(kb: KnowledgeBase, contact: dict[str, Contact] | None = None) -> list[Referral]:
    """Referrals to people you have not contacted in any way."""
    contact = contact_statuses(kb) if contact is None else contact
    leads = [r for r in kb.referrals if contact[r.person].state == "not contacted"]
    return sorted(leads, key=lambda r: (kb.people[r.person].name.casefold(), r.person, r.interview))


@dataclass(frozen=True)
class Target:
    name: str  # as written in the settings
    company: str | None  # slug, when the notes know the company
    path: tuple[str, ...]  # node ids from me; empty: no warm path yet


def targets(kb: KnowledgeBase, settings: Settings, net: Network) -> list[Target]:
    """Each company in ``targets:`` with the warm path to it, if any."""
    by_key: dict[str, str] = {}
    for c in sorted(kb.companies.values(), key=lambda c: c.slug):
        for name in [c.name, *c.aliases]:
            by_key.setdefault(key("companies", name), c.slug)
    found = []
    for name in settings.targets:
        slug = by_key.get(key("companies", str(name)))
        path = tuple(net.paths.get(company_id(slug), ())) if slug else ()
        found.append(Target(str(name), slug, path))
    return found
