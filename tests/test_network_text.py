"""The network's text version, as a reader without JavaScript meets it at a thousand conversations: every connection of
the map once, on pages of a few hundred rows that link to each other, and a network page whose size does not grow
with the notes."""

from __future__ import annotations

import collections
import html
import json
import posixpath
import re
from pathlib import Path

import pytest

from conftest import ROOT, make_project, run_insight
from generator.network.asset import PATH
from generator.pages.network import PER_PAGE, PREVIEW
from generator.settings import Me, Settings
from generator.site import build
from generator.urls import page_url
from tests.support.links import _Links, broken_html_links, target
from tools.bench.corpus import TODAY, write_corpus

ME = "Sam Rivera"
ROW = re.compile(r"<tr>(.*?)</tr>", re.S)
CELL = re.compile(r"<td>(.*?)</td>", re.S)
HREF = re.compile(r'<a href="([^"]*)">')


def core_site(root: Path, n: int):
    write_corpus(root / "content", n)
    return build(root / "content", Settings(today=TODAY, me=Me(name=ME)))


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory):
    """800 conversations: more connections of some kinds than fit on one page."""
    return core_site(tmp_path_factory.mktemp("big"), 800)


def _node_of_cell(cell: str, page: str) -> str:
    """A cell naming a node, as the site-root URL of the page it links to; you are "me"."""
    found = HREF.findall(cell)
    if not found:
        assert html.unescape(cell) == f"{ME} (you)", cell
        return "me"
    return posixpath.normpath(posixpath.join(posixpath.dirname(page_url(page)), html.unescape(found[0]))) + "/"


def test_every_connection_of_the_map_is_in_the_text_version_exactly_once(big) -> None:
    data = json.loads(big.assets[PATH])
    url = {n["id"]: n["u"] or "me" for n in data["nodes"]}
    want = collections.Counter((url[e["s"]], url[e["t"]]) for e in data["edges"])
    got: collections.Counter = collections.Counter()
    pages = [u for u in big.pages if u.startswith("network/connections/")]
    for uri in pages:
        for row in ROW.findall(big.pages[uri]):
            cells = CELL.findall(row)
            if cells:
                got[(_node_of_cell(cells[0], uri), _node_of_cell(cells[2], uri))] += 1
    assert sum(got.values()) == len(data["edges"]) > 2 * PER_PAGE
    assert got == want
    # the network page's summary counts the same connections, kind by kind
    counts = re.findall(r"^\| \[[^\]]+\]\(connections/[^)]+\) \| ([\d,]+) \|$", big.pages["network/index.md"], re.M)
    assert sum(int(c.replace(",", "")) for c in counts) == len(data["edges"])


def test_no_page_of_the_text_version_holds_more_than_a_page_of_rows(big) -> None:
    listed = {u: len(ROW.findall(text)) - 1 for u, text in big.pages.items() if u.startswith("network/") and u != "network/index.md"}
    assert max(listed.values()) == PER_PAGE  # full pages are full, and no fuller
    assert any(u.endswith("/2.md") for u in listed)


def test_the_network_page_stays_the_same_size_as_the_notes_grow(tmp_path: Path, big) -> None:
    small = core_site(tmp_path, 300).pages["network/index.md"]
    large = big.pages["network/index.md"]
    assert len(large) < 10_000  # the Markdown of the page: a map, ten rows of each table and a few links
    assert len(large) < 1.1 * len(small), (len(small), len(large))
    preview = re.findall(r"^The first (\d+) of", large, re.M)
    assert preview and set(preview) == {str(PREVIEW)}


@pytest.fixture(scope="module")
def flat_big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """500 conversations built by MkDocs with ``use_directory_urls: false``: pages are ``network/paths/2.html``."""
    root = tmp_path_factory.mktemp("flat-big")
    write_corpus(root / "notes", 500)
    yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8") + "\nuse_directory_urls: false\n"
    project = make_project(root / "project", content=root / "notes", mkdocs_yml=yml)
    run_insight("build", "--strict", "--today", TODAY.isoformat(), cwd=project)
    return project / "site"


def test_a_reader_reaches_every_page_of_the_text_version_from_the_network_page(flat_big: Path) -> None:
    pages = {p.relative_to(flat_big).as_posix() for p in (flat_big / "network").rglob("*.html")}
    assert "network/paths/2.html" in pages and "network/connections/referrals/2.html" in pages
    seen, todo = {"network/index.html"}, ["network/index.html"]
    while todo:  # follow links within the network's pages, as a reader clicking through them would
        here = todo.pop()
        parser = _Links()
        parser.feed((flat_big / here).read_text(encoding="utf-8"))
        for href in parser.found:
            file = target(flat_big, here, href)
            if file is None:
                continue
            rel = file.relative_to(flat_big).as_posix()
            if rel.startswith("network/") and rel.endswith(".html") and rel not in seen:
                seen.add(rel)
                todo.append(rel)
    assert seen == pages
    assert not broken_html_links(flat_big)


def test_live_reload_keeps_every_page_of_the_text_version_right(tmp_path: Path) -> None:
    """Under ``insight serve`` a page is the last build's text while what it declares it reads is unchanged: after
    each edit that changes the text version, every page of it is what a full build writes."""
    from generator.incremental import SiteCache
    from generator.load import discover
    from generator.parsecache import ParseCache
    from generator.site import generate, load

    docs = tmp_path / "content"
    write_corpus(docs, 300)
    settings = Settings(today=TODAY, me=Me(name=ME))
    notes, sites = ParseCache(tmp_path / "cache"), SiteCache()

    def both():
        return (sites.generate(load(discover(docs), settings, notes, sites.resolve), settings),
                generate(load(discover(docs), settings), settings))

    both()
    files = sorted((docs / "interviews").glob("*.md"))

    def having(pattern: str, skip: int = 0) -> Path:
        return [p for p in files if re.search(pattern, p.read_text(encoding="utf-8"))][skip]

    # a new company name, a referral's reason, a lead contacted, a conversation declined: only the last three leave
    # every name as it was, so only what the pages declare they read tells live reload to render them again
    for note, old, new in ((having(r"\nstatus: done\n"), r"\ncompany: ", "\ncompany: Aardvark "),
                           (having(r"\n  why: "), r"\n  why: [^\n]*\n", "\n  why: Knows everyone at the farm.\n"),
                           (having(r"\n  contacted: false\n", 1), r"\n  contacted: false\n", "\n  contacted: 2026-01-05\n"),
                           (having(r"\nstatus: done\n", 1), r"\nstatus: done\n", "\nstatus: declined\n")):
        text = note.read_text(encoding="utf-8")
        assert re.search(old, text), (note.name, old)
        note.write_text(re.sub(old, new, text, count=1), encoding="utf-8")
        live, full = both()
        network = {u: p for u, p in full.pages.items() if u.startswith("network/")}
        assert any(u.endswith("/2.md") for u in network) and {u: live.pages.get(u) for u in network} == network, note.name
        assert set(live.pages) == set(full.pages)
