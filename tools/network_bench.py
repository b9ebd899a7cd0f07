"""Benchmark the network map: build-time layout and first render in headless Chromium.

``python -m tools.network_bench`` builds synthetic networks (500 and 5,000 nodes by default),
writes a minimal page with the vendored Cytoscape.js, our network.js and the graph JSON, loads it
in Debian's Chromium through Playwright and reports the time from navigation start to the
``insight-map-rendered`` mark network.js sets after the first frame is drawn. Goals: under 1 s at
500 nodes, under 3 s at 5,000. Needs the ``test`` extra (playwright) and /usr/bin/chromium.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from generator.network.asset import encode, to_data
from generator.network.graph import ME, Edge, Network, Node, warm_paths
from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, serve_dir  # the same server and flags as the browser tests

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "overrides" / "assets"  # the site assets the insight plugin publishes
GOALS = {500: 1.0, 5000: 3.0}
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Network map bench</title>
<link rel="stylesheet" href="assets/insight/network.css"></head>
<body><div class="insight-map" data-src="assets/insight/network.json" role="region" aria-label="Network map"></div>
<script src="assets/insight/network.js"></script></body></html>
"""


def synthetic(n: int, seed: int = 7) -> Network:
    """A personal-network-shaped graph of about ``n`` nodes: chains of introductions, referrals, employers."""
    rng = random.Random(seed)
    net = Network()
    net.nodes[ME] = Node(ME, "me", "Me")
    n_ind = max(4, n // 250)
    n_comp = max(10, n // 12)
    n_people = n - 1 - n_ind - n_comp
    channels = ["alumni", "cold-outreach", "event", "family-friends", "mutual-contact"]
    edges: dict[tuple[str, str, str], Edge] = {}
    inds = [f"industry:i{i}" for i in range(n_ind)]
    for i, iid in enumerate(inds):
        net.nodes[iid] = Node(iid, "industry", f"Industry {i}", f"industries/i{i}.md")
    comps = [f"company:c{i}" for i in range(n_comp)]
    for i, cid in enumerate(comps):
        mine = tuple(sorted(rng.sample(inds, rng.choice((1, 1, 2)))))
        net.nodes[cid] = Node(cid, "company", f"Company {i}", f"companies/c{i}.md", mine)
        for s in mine:
            edges[(cid, s, "in-industry")] = Edge(cid, s, "in-industry")
    people = [f"person:p{i}" for i in range(n_people)]
    for i, pid in enumerate(people):
        comp = rng.choice(comps)
        ch = rng.choice(channels)
        net.nodes[pid] = Node(pid, "person", f"Person {i}", f"people/p{i}.md", net.nodes[comp].industries, ch)
        edges[(pid, comp, "works-at")] = Edge(pid, comp, "works-at")
        if i < max(5, n_people // 10):
            edges[(ME, pid, "contacted")] = Edge(ME, pid, "contacted", ch)
        else:
            by = people[rng.randrange(i)]
            kind = rng.choice(("introduced", "referred"))
            edges[(by, pid, kind)] = Edge(by, pid, kind, ch if kind == "introduced" else "", "" if kind == "introduced" else "why")
    net.edges = sorted(edges.values(), key=lambda e: (e.source, e.target, e.kind))
    net.paths = warm_paths(net, set(net.nodes))  # everyone in a synthetic graph has helped
    return net


def write_page(out: Path, payload: bytes) -> Path:
    (out / "assets/insight").mkdir(parents=True, exist_ok=True)
    for name in ("network.js", "network.css"):
        shutil.copy(ASSETS / "insight" / name, out / "assets/insight" / name)
    for lib in ("graphology", "sigma"):
        shutil.copytree(ASSETS / "vendor" / lib, out / "assets/vendor" / lib, dirs_exist_ok=True)
    (out / "assets/insight/network.json").write_bytes(payload)
    (out / "index.html").write_text(PAGE, encoding="utf-8")
    return out


def first_render(browser, url: str) -> float:
    """Seconds from navigation start to the map's first drawn frame, in a fresh context (cold cache)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(url)
    page.wait_for_selector(".insight-map[data-rendered]", timeout=60_000)
    ms = page.evaluate("performance.getEntriesByName('insight-map-rendered')[0].startTime")
    context.close()
    if errors:
        raise RuntimeError(f"page errors: {errors}")
    return ms / 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.network_bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,5000", help="node counts, comma-separated (default: 500,5000)")
    parser.add_argument("--runs", type=int, default=3, help="page loads per size; the median is reported")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"Chromium not found at {CHROMIUM} (apt-get install -y chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for n in (int(s) for s in args.sizes.split(",")):
            net = synthetic(n)
            t0 = time.perf_counter()
            payload = encode(to_data(net))
            layout_s = time.perf_counter() - t0
            out = write_page(Path(tmp) / str(n), payload)
            url, server = serve_dir(out)
            try:
                times = [first_render(browser, url + "/") for _ in range(args.runs)]
            finally:
                server.shutdown()
            rows.append((len(net.nodes), len(net.edges), layout_s, len(payload), statistics.median(times), max(times), GOALS.get(n)))
        browser.close()
    print(f"{'nodes':>6} {'edges':>6} {'layout+json s':>13} {'json KB':>8} {'first render s (median)':>23} {'max s':>6}  goal")
    for nodes, edges, layout_s, size, med, worst, goal in rows:
        verdict = "" if goal is None else f"< {goal:g} s {'ok' if med < goal else 'MISSED'}"
        print(f"{nodes:>6} {edges:>6} {layout_s:>13.3f} {size / 1024:>8.0f} {med:>23.3f} {worst:>6.3f}  {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
