"""The network map in real headless Chromium against the built demo: drawing, clicks, instant navigation, a11y."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import DEMO_TODAY, ROOT, make_project, run_insight, serve_dir

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def instant_url(tmp_path_factory: pytest.TempPathFactory):
    """The demo built for the address it is served at: Material's instant navigation only takes over
    links found in sitemap.xml, and it matches them by protocol and host but not port, so the shared
    demo (site_url: https://insight-kb.example.org/) served on a loopback port always reloads."""
    project = tmp_path_factory.mktemp("instant")
    (project / "site").mkdir()
    url, server = serve_dir(project / "site")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^site_url: .*$", f"site_url: {url}/", config)
    make_project(project, mkdocs_yml=config)
    run_insight("build", "--strict", "--today", DEMO_TODAY, cwd=project)
    yield url
    server.shutdown()


def wait_for_map(page, selector: str = ".insight-map[data-rendered]") -> int:
    page.wait_for_selector(selector, timeout=20_000)
    return int(page.get_attribute(selector, "data-rendered"))


def node_point(page, node_id: str) -> tuple[float, float]:
    """Where a node is drawn, in page coordinates."""
    box = page.locator(".insight-map__canvas").bounding_box()
    p = page.evaluate("""(id) => {
        const m = window.insightMaps[0];
        return m.renderer.graphToViewport(m.renderer.getNodeDisplayData(id) ? m.graph.getNodeAttributes(id) : null);
    }""", node_id)
    return box["x"] + p["x"], box["y"] + p["y"]


def test_map_draws_every_node_without_errors(page, demo_url: str, demo_site: Path) -> None:
    data = json.loads((demo_site / "assets/insight/network.json").read_text(encoding="utf-8"))
    page.goto(f"{demo_url}/network/")
    assert wait_for_map(page) == len(data["nodes"])
    assert page.locator(".insight-map__canvas canvas").count() > 0
    assert page.locator(".insight-map__fallback").count() == 0
    assert page.errors == []


def test_clicking_a_node_opens_its_page_and_back_brings_the_map_back(page, instant_url: str) -> None:
    page.goto(f"{instant_url}/network/")
    wait_for_map(page)
    page.evaluate("window.__samePage = true")
    x, y = node_point(page, "person:roman-petrov")
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.wait_for_url(re.compile(r"/people/roman-petrov/$"))
    assert page.evaluate("window.__samePage") is True  # instant navigation, no reload
    assert wait_for_map(page, ".insight-map--focus[data-rendered]") > 1  # the person's own map
    assert page.locator(".insight-map--focus .insight-map__bar").is_hidden()  # no filters on a small map
    page.go_back()
    page.wait_for_url(re.compile(r"/network/$"))
    assert wait_for_map(page, ".insight-map:not(.insight-map--focus)[data-rendered]") > 40
    assert page.evaluate("window.insightMaps.length") == 1
    assert page.errors == []


def test_leaving_the_map_leaves_no_canvas_behind(page, instant_url: str) -> None:
    page.goto(f"{instant_url}/network/")
    wait_for_map(page)
    page.evaluate("window.__samePage = true")
    page.locator(".md-tabs a", has_text="Conversations").click()
    page.wait_for_url(re.compile(r"/interviews/$"))
    page.wait_for_function("window.insightMaps.length === 0")
    assert page.evaluate("window.__samePage") is True
    assert page.locator("canvas").count() == 0
    assert page.errors == []


def test_pages_without_a_map_fetch_nothing(page, demo_url: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(f"{demo_url}/interviews/")
    page.wait_for_load_state("networkidle")
    assert not [u for u in fetched if "network.json" in u or "sigma" in u or "graphology" in u]


def test_filters_and_search(page, demo_url: str, demo_site: Path) -> None:
    data = json.loads((demo_site / "assets/insight/network.json").read_text(encoding="utf-8"))
    companies = sum(1 for n in data["nodes"] if n["k"] == "company")
    page.goto(f"{demo_url}/network/")
    wait_for_map(page)
    page.get_by_label("Type").select_option("company")
    assert page.locator(".insight-map__status").inner_text() == f"{companies + 1} of {len(data['nodes'])} nodes shown."
    page.get_by_label("Type").select_option("")
    page.get_by_label("Find in map").fill("roman")
    assert page.locator(".insight-map__status").inner_text().startswith("1 match")
    page.get_by_label("Find in map").press("Enter")
    page.wait_for_url(re.compile(r"/people/roman-petrov/$"))
    assert page.errors == []


def test_dark_palette_redraws_without_errors(page, demo_url: str) -> None:
    page.goto(f"{demo_url}/network/")
    wait_for_map(page)
    light = page.evaluate("getComputedStyle(document.querySelector('.insight-map')).getPropertyValue('--insight-map-text')")
    page.locator("label[for='__palette_1']").click()
    dark = page.evaluate("getComputedStyle(document.querySelector('.insight-map')).getPropertyValue('--insight-map-text')")
    assert light.strip() != dark.strip()
    assert page.evaluate("window.insightMaps[0].renderer.getSetting('labelColor').color").strip() == dark.strip()
    assert page.errors == []


class _Table(HTMLParser):
    """Rows of a text version page's table, as (from, connection, to) text; and where the page links to."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.links: list[str] = []
        self.depth = 0
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if tag == "a" and dict(attrs).get("href"):
            self.links.append(dict(attrs)["href"])
        if tag == "div" and ("class", "insight-listing") in attrs:
            self.depth = 1
        elif self.depth and tag == "div":
            self.depth += 1
        elif self.depth and tag == "tr":
            self.rows.append([])
        elif self.depth and tag == "td":
            self.cell = []

    def handle_endtag(self, tag):
        if self.depth and tag == "div":
            self.depth -= 1
        elif self.depth and tag == "td" and self.cell is not None:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def test_text_version_lists_the_same_connections(demo_site: Path) -> None:
    """Followed from the network page's text version, its pages list every line of the map."""
    data = json.loads((demo_site / "assets/insight/network.json").read_text(encoding="utf-8"))
    label = {n["id"]: n["l"] for n in data["nodes"]}
    network = _Table()
    network.feed((demo_site / "network/index.html").read_text(encoding="utf-8"))
    kinds = sorted({h for h in network.links if h.startswith("connections/")})
    assert kinds
    rows = []
    for href in kinds:
        parser = _Table()
        parser.feed((demo_site / "network" / href / "index.html").read_text(encoding="utf-8"))
        rows += [(r[0].removesuffix(" (you)"), r[2]) for r in parser.rows if r]
    edges = [(label[e["s"]], label[e["t"]]) for e in data["edges"]]
    assert sorted(rows) == sorted(edges)


@pytest.mark.parametrize("path", ["", "industries/data-science/", "network/", "network/connections/introductions/",
                                  "people/roman-petrov/"])
def test_no_serious_accessibility_violations(page, demo_url: str, path: str) -> None:
    page.goto(f"{demo_url}/{path}")
    if path in ("network/", "people/roman-petrov/"):
        wait_for_map(page)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    bad = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == [], "\n".join(map(str, bad))


NASTY_PERSON = 'Zoë "Zed" <b>Bold</b> </title><script>window.__pwned=1</script> 😀 זאב'
NASTY_INTRO = "فاطمة <i>Intro</i>"
NASTY_COMPANY = "Acme <script>window.__pwned=2</script> & \"Sons\""
NASTY_INDUSTRY = 'Data "Science" <b>x</b>'
NASTY_REFERRAL = "<img src=x onerror=window.__pwned=3>Ref ✨"
NASTY_WHY = "<script>window.__pwned=4</script> knows 'everyone'"
NASTY_ROLE = "<b>Lead</b> \"engineer\""


@pytest.fixture(scope="session")
def nasty_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project whose names, roles, reasons and tags are made of quotes, tags, scripts, emoji and RTL text."""
    root = tmp_path_factory.mktemp("nasty")
    content = root / "content"
    (content / "interviews").mkdir(parents=True)
    import yaml

    meta = {
        "date": dt.date(2026, 5, 1), "person": NASTY_PERSON, "role": NASTY_ROLE, "company": NASTY_COMPANY,
        "industry": NASTY_INDUSTRY, "status": "done", "channel": "mutual-contact", "introduced_by": NASTY_INTRO,
        "referrals": [{"name": NASTY_REFERRAL, "company": NASTY_COMPANY, "why": NASTY_WHY, "contacted": False}],
        "tags": ["<script>window.__pwned=5</script>", "שלום"],
    }
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\nNotes.\n"
    (content / "interviews" / "2026-05-01-zoe.md").write_text(text, encoding="utf-8")
    project = make_project(root / "project", content=content)
    run_insight("build", "--today", DEMO_TODAY, cwd=project)
    return project / "site"


class _Elements(HTMLParser):
    CDATA_CONTENT_ELEMENTS = ("script", "style", "title")  # as browsers read <title>: text up to </title>

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def _pages(site: Path) -> list[Path]:
    data = json.loads((site / "assets/insight/network.json").read_text(encoding="utf-8"))
    urls = ["network/", ""] + [n["u"] for n in data["nodes"] if n["u"]]
    return [site / u / "index.html" for u in urls] + sorted((site / "network").glob("*/**/index.html"))


def test_hostile_names_stay_text_in_html(nasty_site: Path) -> None:
    for path in _pages(nasty_site):
        parsed = _Elements()
        parsed.feed(path.read_text(encoding="utf-8"))
        assert not any("__pwned" in s for s in parsed.scripts), path
        assert not [t for t, a in parsed.tags if t == "img" and "onerror" in a], path
        assert not [t for t, a in parsed.tags if t in ("b", "i")], path
    network = _Elements()
    network.feed((nasty_site / "network/index.html").read_text(encoding="utf-8"))
    shown = " ".join(network.text)
    for value in (NASTY_PERSON, NASTY_INTRO, NASTY_COMPANY, NASTY_REFERRAL):
        assert value in shown
    referrals = _Elements()
    referrals.feed((nasty_site / "network/connections/referrals/index.html").read_text(encoding="utf-8"))
    assert NASTY_WHY in " ".join(referrals.text) and NASTY_REFERRAL in " ".join(referrals.text)


def test_hostile_names_stay_text_in_the_json(nasty_site: Path) -> None:
    data = json.loads((nasty_site / "assets/insight/network.json").read_text(encoding="utf-8"))
    labels = {n["l"] for n in data["nodes"]}
    assert {NASTY_PERSON, NASTY_INTRO, NASTY_COMPANY, NASTY_INDUSTRY, NASTY_REFERRAL} <= labels
    assert NASTY_WHY in {e.get("w") for e in data["edges"]}


def test_hostile_names_run_nothing_in_the_browser(page, nasty_site: Path) -> None:
    url, server = serve_dir(nasty_site)
    try:
        for path in _pages(nasty_site):
            page.goto(f"{url}/{path.parent.relative_to(nasty_site).as_posix()}/".replace("/./", "/"))
            if page.locator(".insight-map").count():
                wait_for_map(page)
            assert page.evaluate("window.__pwned") is None, path
        page.goto(f"{url}/network/")
        wait_for_map(page)
        page.get_by_label("Find in map").fill("זאב")
        assert page.locator(".insight-map__status").inner_text().startswith("1 match")
        assert page.evaluate("window.__pwned") is None
        assert page.errors == []
    finally:
        server.shutdown()
