"""The search index of a real MkDocs + Material build holds what a reader looks for, each thing on its own page:
people, companies, industries, notes with their insights and answers, the questions by topic; not the pages that only gather them, nor a
second copy of an insight or of a note's related conversations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import DEMO_TODAY

from generator import site as core
from generator.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def index(demo_site: Path) -> list[dict]:
    return json.loads((demo_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.fixture(scope="module")
def kb():
    import datetime as dt

    return core.build(ROOT / "content", Settings(today=dt.date.fromisoformat(DEMO_TODAY))).kb


def pages(index: list[dict]) -> set[str]:
    return {d["location"].split("#")[0] for d in index}


def text_of(index: list[dict], page: str) -> str:
    return " ".join(f"{d['title']} {d['text']}" for d in index if d["location"].split("#")[0] == page)


def test_each_person_company_note_and_question_is_found_on_its_own_page(demo_site: Path, index: list[dict], kb) -> None:
    found = pages(index)
    for folder, slugs in (("people", kb.people), ("companies", kb.companies), ("industries", kb.industries),
                          ("interviews", [iv.slug for iv in kb.interviews])):
        assert slugs and {f"{folder}/{slug}/" for slug in slugs} <= found, folder



def test_pages_that_only_gather_are_left_out(demo_site: Path, index: list[dict]) -> None:
    found = pages(index)
    gathering = ["", "interviews/", "interviews/timeline/", "people/", "companies/", "industries/", "network/", "tags/",
                 "pipeline/"] + [p.parent.relative_to(demo_site).as_posix() + "/"
                                                   for p in (demo_site / "prep").glob("*/index.html")] + [
        p.parent.relative_to(demo_site).as_posix() + "/" for p in (demo_site / "network").glob("*/**/index.html")]
    assert all((demo_site / g / "index.html").is_file() for g in gathering)  # they exist, and are not searched
    assert not found & set(gathering)
    assert "questions/" in found  # every question's wording, by topic, found in one place
    assert any(p.startswith("guide/") for p in found)


def test_an_insight_is_indexed_once_on_its_note_and_related_lists_not_at_all(index: list[dict], kb) -> None:
    iv = next(iv for iv in kb.interviews if iv.note.meta.get("insights") and iv.held)
    insight = re.sub(r"[*_`\[\]]", "", iv.note.meta["insights"][0])
    words = " ".join(insight.split()[:6])
    holding = sorted({d["location"].split("#")[0] for d in index if words in d["text"]})
    assert holding == [f"interviews/{iv.slug}/"]  # not again on the person's, company's and industry's pages
    # the note's related conversations name other notes' dates: none of that is in the note's entries
    note = text_of(index, f"interviews/{iv.slug}/")
    assert "Related conversations" in note  # the heading is found, the list under it is not
    related = [other for other in kb.interviews if other is not iv and other.person == iv.person]
    assert not [o for o in related if o.date.isoformat() in note.split("Related conversations", 1)[1]]


def test_a_notes_card_is_found_on_the_pages_it_links_not_again_on_the_note(tmp_path: Path) -> None:
    """The card above a note repeats the person, company, industry and tags, which search finds on their own
    pages; the note's own fields on the card (ones the schema does not know) are the note's, and are found there."""
    from tests.conftest import make_project, run_insight

    content = tmp_path / "notes"
    (content / "interviews").mkdir(parents=True)
    common = "person: Ines Quarshie\ncompany: Zephyrine Logistics\nindustry: Freight Brokerage\nstatus: done\n"
    (content / "interviews" / "2026-03-02-ines-quarshie.md").write_text(
        f"---\ndate: 2026-03-02\n{common}---\n\nWe spoke about night shifts.\n", encoding="utf-8")
    (content / "interviews" / "2026-04-02-ines-quarshie.md").write_text(
        f"---\ndate: 2026-04-02\n{common}meeting_spot: Quayside canteen\n---\n\nA second talk.\n", encoding="utf-8")
    project = make_project(tmp_path / "project", content=content)
    run_insight("build", "--today", "2026-11-27", cwd=project)
    index = json.loads((project / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    plain, own = (text_of(index, f"interviews/2026-0{m}-02-ines-quarshie/") for m in (3, 4))
    assert "night shifts" in plain and "Zephyrine" not in plain and "Freight" not in plain and "Company:" not in plain
    assert "Quayside canteen" in own and "Zephyrine" not in own and "Freight" not in own
    for page in ("companies/zephyrine-logistics/", "industries/freight-brokerage/", "people/ines-quarshie/"):
        assert page in pages(index), page  # each found on its own page
    html = (project / "site" / "interviews" / "2026-04-02-ines-quarshie" / "index.html").read_text(encoding="utf-8")
    assert "Zephyrine Logistics</a>" in html and "Quayside canteen" in html  # the card still shows all of it


# --- search reads a page without the blocks it would discard ----------------------------------------------------


def _site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_setting_unsearched_blocks_aside_changes_no_byte_of_the_site(tmp_path: Path, demo_site: Path) -> None:
    """The plugin sets each page's unsearched blocks aside while search reads it: the same site, index included,
    as when search reads every page whole (tools.bench.without's switch)."""
    import os
    import subprocess
    import sys

    from tests.conftest import make_project

    project = make_project(tmp_path / "whole")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "tools.bench.without", "search-blocks", "generator", "build", "--strict",
                    "--today", DEMO_TODAY], cwd=project, env=env, check=True, capture_output=True)
    whole, aside = _site_files(project / "site"), _site_files(demo_site)
    assert whole.keys() == aside.keys()
    assert [name for name in whole if whole[name] != aside[name]] == []


def test_search_reads_less_than_the_pages_show(tmp_path: Path) -> None:
    """Worked out another way: the HTML search is given, measured inside a real build, against the pages written."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from material.plugins.search import plugin as search

    from tests.conftest import make_project

    project = make_project(tmp_path / "p")
    read: dict[str, str] = {}
    index = search.SearchIndex.add_entry_from_context

    def spy(self, page):  # type: ignore[no-untyped-def]
        read[page.file.src_uri] = page.content
        return index(self, page)

    search.SearchIndex.add_entry_from_context = spy
    try:
        config = load_config(str(project / "mkdocs.yml"))
        config.plugins["insight"].config.today = DEMO_TODAY
        build(config)
    finally:
        search.SearchIndex.add_entry_from_context = index
    person = next(uri for uri in read if uri.startswith("people/") and "data-insight-aside" in read[uri])
    written = (project / "site" / person[:-3] / "index.html").read_text(encoding="utf-8")
    assert "data-insight-aside" not in written  # put back before the page was written
    assert read[person].count("data-search-exclude") < written.count("data-search-exclude")
    # over the site: what search was given against the pages' content as written
    article = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
    given = shown = 0
    for uri, text in read.items():
        page = project / "site" / (uri[:-3] if not uri.endswith("index.md") else uri[:-8]) / "index.html"
        if page.is_file():
            given += len(text)
            shown += len(article.search(page.read_text(encoding="utf-8")).group(1))
    assert 0 < given < 0.8 * shown, (given, shown)


def test_blocks_put_back_are_found_where_they_landed_and_set_aside_for_search() -> None:
    import markdown

    from generator.htmlblocks import drop_html, html_block, lift_html, put_back, set_aside

    blocks = ['<ul data-search-exclude="">x</ul>', '<div data-search-exclude="">y</div>']
    page = f"a\n\n{html_block(blocks[0])}\n\n- b\n\n{html_block(blocks[1])}\n"
    lifted, found, mark = lift_html(page)
    html, where = drop_html(markdown.markdown(lifted), found, mark)
    assert [html[s:e] for s, e in where] == blocks  # in place of the placeholders' paragraphs
    assert html == '<p>a</p>\n' + blocks[0] + '\n<ul>\n<li>b</li>\n</ul>\n' + blocks[1]
    read, parts = set_aside(html, where)
    assert "x" not in read and "y" not in read and "<p>a</p>" in read and "<li>b</li>" in read
    assert put_back(read, parts) == html
    # a placeholder an extension took away: its block is not shown, and not looked for
    assert drop_html("<p>a</p>", found, mark) == ("<p>a</p>", [None, None])


def test_plugins_and_hooks_that_read_the_index_get_every_entry(tmp_path: Path) -> None:
    # insight build writes the index itself, an entry at a time, and has Material's search skip its turn: whatever
    # reads the index after that turn finds it whole. Material's offline plugin copies it into a script; a hook of
    # the user's at the same priority as search reads the file and search's entries.
    from conftest import make_project, run_insight

    yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "plugins:\n  - search\n" in yml
    yml = yml.replace("plugins:\n  - search\n", "plugins:\n  - search\n  - offline\n") + "hooks: [hook.py]\n"
    project = make_project(tmp_path / "offline", mkdocs_yml=yml)
    (project / "hook.py").write_text(
        "import json, os\n\n\n"
        "def on_post_build(config, **kwargs):\n"
        "    with open(os.path.join(config.site_dir, 'search', 'search_index.json'), encoding='utf-8') as f:\n"
        "        docs = json.load(f)['docs']\n"
        "    entries = config.plugins['material/search'].search_index.entries\n"
        "    with open(os.path.join(config.site_dir, 'hook-saw.json'), 'w') as f:\n"
        "        json.dump([len(docs), len(entries)], f)\n", encoding="utf-8")
    run_insight("build", "--today", DEMO_TODAY, cwd=project)
    written = (project / "site" / "search" / "search_index.json").read_text(encoding="utf-8")
    script = (project / "site" / "search" / "search_index.js").read_text(encoding="utf-8")
    assert script == f"var __index = {written}"
    docs = json.loads(written)["docs"]
    assert len(docs) > 100 and any(d["title"] == "Roman Petrov" for d in docs)
    assert json.loads((project / "site" / "hook-saw.json").read_text(encoding="utf-8")) == [len(docs), len(docs)]


def test_the_index_written_entry_by_entry_is_materials_and_reuses_the_json_of_kept_entries(tmp_path: Path) -> None:
    """Under serve the plugin writes the index itself, each entry kept from the last save written as the JSON made
    then: the file is still what Material's search writes for the same entries, byte for byte."""
    from types import SimpleNamespace

    from material.plugins.search.plugin import SearchIndex

    from generator.search import write_index

    settings = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stemmer"], "fields": {}}
    index = SearchIndex(**settings)
    search = SimpleNamespace(search_index=index, config=SimpleNamespace(enabled=True))
    kept = [{"location": f"people/p{i}/", "title": f"Person {i}", "text": f"<p>José {i} \u2028 said \"so\"</p>"}
            for i in range(50)]
    index.entries = list(kept)
    first = write_index(search, str(tmp_path), {})
    assert {id(e) for e in kept} == set(first)
    new = {"location": "interviews/x/", "title": "A note", "text": "<p>typed just now</p>", "tags": ["a"]}
    index.entries = kept[:10] + kept[20:] + [new]  # ten pages rendered again and gone, one new
    second = write_index(search, str(tmp_path), first)
    assert all(second[id(e)][1] is first[id(e)][1] for e in kept[:10] + kept[20:])  # the same string, not made again
    written = (tmp_path / "search/search_index.json").read_bytes()
    assert written == index.generate_search_index(None).encode("utf-8")
