"""The network core: typed edges, warm paths, connectors, warm leads, targets, a stable layout, the JSON asset."""

from __future__ import annotations

import datetime as dt
import json
import re
import math
from pathlib import Path

import pytest

from generator.network import graph, layout
from generator.network.asset import PATH, page_url, to_data
from tools.network_bench import synthetic
from generator.settings import Me, Settings
from generator.site import build

TODAY = dt.date(2026, 11, 27)


def note(folder: Path, name: str, text: str) -> None:
    (folder / "interviews").mkdir(parents=True, exist_ok=True)
    (folder / "interviews" / name).write_text(text.strip() + "\n", encoding="utf-8")


@pytest.fixture
def chain(tmp_path: Path) -> Path:
    """Evelyn (a friend) introduced Roman; Roman introduced Priya and suggested Ingrid; Lena was cold outreach."""
    note(tmp_path, "2026-06-09-roman.md", """---
date: 2026-06-09
person: Roman Petrov
company: Acme Analytics
industry: Data Science
channel: family-friends
introduced_by: Evelyn Chen
referrals:
  - {name: Ingrid Larsen, company: Initech, why: hires juniors, contacted: false}
  - {name: Priya Raman, company: Globex, contacted: 2026-06-20}
---
""")
    note(tmp_path, "2026-06-25-priya.md", """---
date: 2026-06-25
person: Priya Raman
company: Globex
channel: mutual-contact
introduced_by: Roman Petrov
---
""")
    note(tmp_path, "2026-07-01-lena.md", """---
date: 2026-07-01
person: Lena Fischer
company: Umbrella
channel: cold-outreach
---
""")
    return tmp_path


def settings(*targets: str) -> Settings:
    return Settings(today=TODAY, me=Me(name="Sam Rivera"), targets=targets)


def network(folder: Path, s: Settings | None = None) -> tuple[graph.Network, object]:
    s = s or settings()
    kb = build(folder, s).kb
    return graph.build(kb, s), kb


def kinds(net: graph.Network) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.kind) for e in net.edges}


def test_edges_are_typed_and_keep_the_channel(chain: Path) -> None:
    net, _ = network(chain)
    edges = kinds(net)
    assert ("person:evelyn-chen", "person:roman-petrov", "introduced") in edges
    assert ("person:roman-petrov", "person:ingrid-larsen", "referred") in edges
    assert ("person:roman-petrov", "company:acme-analytics", "works-at") in edges
    assert ("company:acme-analytics", "industry:data-science", "in-industry") in edges
    assert ("me", "person:lena-fischer", "contacted") in edges
    assert ("me", "person:evelyn-chen", "knows") in edges  # an introducer you know yourself
    channels = {(e.source, e.target): e.channel for e in net.edges if e.channel}
    assert channels[("person:evelyn-chen", "person:roman-petrov")] == "family-friends"
    assert channels[("me", "person:lena-fischer")] == "cold-outreach"
    assert net.nodes["person:roman-petrov"].channel == "family-friends"


def test_warm_path_follows_the_chain_of_introductions(chain: Path) -> None:
    net, _ = network(chain)
    assert net.paths["person:priya-raman"] == ["me", "person:evelyn-chen", "person:roman-petrov", "person:priya-raman"]
    assert net.paths["person:ingrid-larsen"] == ["me", "person:evelyn-chen", "person:roman-petrov", "person:ingrid-larsen"]
    assert net.paths["company:initech"] == net.paths["person:ingrid-larsen"] + ["company:initech"]
    assert net.paths["person:lena-fischer"] == ["me", "person:lena-fischer"]


def test_connectors_leads_and_targets(chain: Path) -> None:
    s = settings("Initech Inc.", "Globex", "Wayne Enterprises")
    net, kb = network(chain, s)
    top = graph.connectors(net)
    assert [(c.person, c.introduced, c.referred) for c in top] == [("roman-petrov", 1, 2), ("evelyn-chen", 1, 0)]
    leads = graph.warm_leads(kb)
    assert [(r.person, r.by, r.why) for r in leads] == [("ingrid-larsen", "roman-petrov", "hires juniors")]  # Priya was contacted
    found = {t.name: t for t in graph.targets(kb, s, net)}
    assert found["Initech Inc."].company == "initech" and found["Initech Inc."].path[-1] == "company:initech"
    assert found["Globex"].path[-2:] == ("person:priya-raman", "company:globex")
    assert found["Wayne Enterprises"].company is None and found["Wayne Enterprises"].path == ()


def test_a_company_only_named_in_a_file_has_no_path(chain: Path) -> None:
    (chain / "companies").mkdir()
    (chain / "companies" / "hooli.md").write_text("---\nname: Hooli\n---\n", encoding="utf-8")
    s = settings("Hooli")
    net, kb = network(chain, s)
    assert "company:hooli" in net.nodes and "company:hooli" not in net.paths
    assert graph.targets(kb, s, net)[0].path == ()
    pos = layout.radial(net)
    assert set(pos) == set(net.nodes)


def test_network_page_shows_the_analysis_and_a_text_version(chain: Path) -> None:
    site = build(chain, settings("Wayne Enterprises"))
    page = site.pages["network/index.md"]
    assert '<div class="insight-map" data-src="../assets/insight/network.json"' in page
    assert "Wayne Enterprises | **No path yet**" in page
    assert "[Ingrid Larsen](../people/ingrid-larsen.md) | [Initech](../companies/initech.md) | [Roman Petrov](../people/roman-petrov.md) | hires juniors |" in page
    text = page.split("## Connections (text version)")[1]
    assert "| [Introductions](connections/introductions/index.md) | 2 |" in text  # a table of its own per kind
    listed = [u for u in site.pages if u.startswith("network/connections/")]
    assert len(listed) >= 3 and all(f"]({u.removeprefix('network/')})" in text for u in listed)
    rows = [r for u in listed for r in re.findall(r"<tr><td>.*</tr>", site.pages[u])]  # body rows (the heading holds <th>)
    assert len(rows) == len(json.loads(site.assets[PATH])["edges"])  # every edge once, on one of the pages
    assert ('<tr><td><a href="../../../people/evelyn-chen/">Evelyn Chen</a></td><td>introduced you to</td>'
            '<td><a href="../../../people/roman-petrov/">Roman Petrov</a></td><td>family friends</td></tr>'
            in site.pages["network/connections/introductions/index.md"])
    person = site.pages["people/roman-petrov.md"]
    assert 'data-src="../../assets/insight/network.json" data-focus="person:roman-petrov"' in person
    priya = site.pages["people/priya-raman.md"]
    assert ('<li>Warm path: Sam Rivera (you) → <a href="../evelyn-chen/">Evelyn Chen</a> → <a href="../roman-petrov/">Roman Petrov</a> → '
            '<a href="./">Priya Raman</a></li>\n<li>Introduced to you by') in priya
    home = site.pages["index.md"]
    assert "- 1 warm lead not contacted yet." in home and "- Target companies with no warm path yet: Wayne Enterprises." in home


def test_pages_without_a_map_carry_no_graph_data(chain: Path) -> None:
    site = build(chain, settings())
    for uri, text in site.pages.items():
        assert '"nodes"' not in text, uri
        if uri not in ("network/index.md",) and not uri.startswith("people/"):
            assert "insight-map" not in text, uri


def test_asset_is_byte_identical_between_builds_and_positions_are_distinct(chain: Path) -> None:
    a = build(chain, settings()).assets[PATH]
    b = build(chain, settings()).assets[PATH]
    assert a == b
    nodes = json.loads(a)["nodes"]
    spots = {(n["x"], n["y"]) for n in nodes}
    assert len(spots) == len(nodes)
    me = next(n for n in nodes if n["id"] == "me")
    assert (me["x"], me["y"]) == (0, 0) and me["d"] == 0


def test_layout_puts_nearer_people_on_inner_rings() -> None:
    net = synthetic(500)
    pos = layout.radial(net)
    radius = {n: math.hypot(*p) for n, p in pos.items()}
    first = [n for n, p in net.paths.items() if len(p) == 2 and net.nodes[n].kind == "person"]
    far = [n for n, p in net.paths.items() if len(p) >= 4 and net.nodes[n].kind == "person"]
    assert first and far
    assert max(radius[n] for n in first) < min(radius[n] for n in far)
    assert layout.radial(synthetic(500)) == pos  # same graph, same picture


def test_layout_handles_thousands_of_nodes() -> None:
    net = synthetic(5000)
    data = to_data(net)
    assert len(data["nodes"]) == len(net.nodes) >= 4990
    assert all(math.isfinite(n["x"]) and math.isfinite(n["y"]) for n in data["nodes"])


@pytest.mark.parametrize("uri, url", [("index.md", ""), ("network/index.md", "network/"), ("people/x.md", "people/x/")])
def test_page_url(uri: str, url: str) -> None:
    assert page_url(uri) == url
