"""Same notes + same --today = byte-identical site; a build never writes into content/."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DEMO_TODAY, ROOT, make_project, run_insight


def tree(root: Path) -> dict[str, str]:
    """Every file under root (names, modes aside) to the hash of its bytes."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical_and_leave_content_alone(tmp_path: Path, demo_site: Path) -> None:
    project = make_project(tmp_path / "project")
    content_before = tree(project / "content")
    run_insight("build", "--today", DEMO_TODAY, "--site-dir", str(tmp_path / "one"), cwd=project)
    run_insight("check", cwd=project)
    run_insight("export", "--today", DEMO_TODAY, "--out", str(tmp_path / "exported"), cwd=project)
    assert tree(project / "content") == content_before  # nothing a user wrote is changed, nothing added
    first = tree(tmp_path / "one")
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= set(first)
    # the session's demo build (another folder, --strict) is the second build
    assert tree(demo_site) == first


def test_a_build_after_the_memo_caches_are_emptied_is_the_same() -> None:
    """The plugin empties the generator's memo caches once a build's pages are made (they are dead weight while
    MkDocs converts); rendering again with them empty gives the same pages, headers and footers."""
    import datetime as dt

    from generator import site as core
    from generator.settings import Settings

    content = Path(__file__).resolve().parent.parent / "content"
    settings = Settings(today=dt.date.fromisoformat(DEMO_TODAY))
    first = core.build(content, settings)
    core.release_caches()
    from generator.questions import grouping, said

    assert all(c.cache_info().currsize == 0 for c in (grouping.intent_of, said.features, said._central))
    again = core.build(content, settings)
    assert (again.pages, again.headers, again.footers) == (first.pages, first.headers, first.footers)


@pytest.mark.parametrize("notes", ["demo", "obsidian"])
def test_what_one_build_holds_less_of_changes_no_byte_of_the_site(tmp_path: Path, notes: str) -> None:
    """One build has MkDocs read the pages made from the knowledge base before the notes' own pages, and keeps of it
    only what those pages still ask (wikilinks' names, the people's names, entity files' own fields); it holds the
    notes' cards and the generated parts of the user's own pages packed until their pages are read, lets go of the
    files that are not pages once copied, and writes the search index an entry at a time: the same site, sitemap
    and search index in the same order included, as when MkDocs reads the pages in its own order with the whole
    knowledge base there for every page, as when the cards are held as made, as when every page is made before
    MkDocs starts, nothing packed, as when Material writes the index itself, and as when the generated headings go
    through Python-Markdown (tools.bench.without's switches)."""
    fixture = ROOT / "tests" / "fixtures" / "editors"
    args = ("--today", DEMO_TODAY) if notes == "demo" else ("--today", "2026-12-01")
    sites = {}
    switches = ("generated-first", "hold-parts", "hold-pages", "whole-index", "lift-headings")
    for switch in ("none", *switches):
        if notes == "demo":
            project = make_project(tmp_path / switch)
        else:
            project = make_project(tmp_path / switch, fixture / "content", (fixture / "mkdocs.yml").read_text(encoding="utf-8"))
            # an industry file of the user's with a field of its own, shown on the industry's page
            (project / "content" / "industries").mkdir()
            (project / "content" / "industries" / "Data Science.md").write_text(
                "---\noutlook: \"[[Acme Analytics]] hires juniors\"\n---\n\nWhere [[Dana Li]] works.\n", encoding="utf-8")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
        subprocess.run([sys.executable, "-m", "tools.bench.without", switch, "generator", "build", *args],
                       cwd=project, env=env, check=True, capture_output=True)
        sites[switch] = tree(project / "site")
    assert len(sites["none"]) > 20
    assert ("search/search_index.json" in sites["none"]) == (notes == "demo")  # the Obsidian fixture has no search
    for switch in switches:
        assert sites[switch] == sites["none"], switch
    if notes == "obsidian":
        page = (tmp_path / "none" / "site" / "industries" / "Data Science" / "index.html").read_text(encoding="utf-8")
        assert '<a href="../../people/Dana%20Li/">Dana Li</a> works' in page
        assert '<strong>outlook:</strong> <a href="../../companies/Acme%20Analytics/">Acme Analytics</a> hires' in page
