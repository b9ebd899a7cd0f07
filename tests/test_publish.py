"""What of content/ reaches the site: pages and the files they link to, nothing else; a navigation that
never names a page that is gone."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import DEMO_TODAY, make_project, run_insight

from generator.nav import navigation
from generator.publish import linked, unlinked

MARKDOWN_NOTE = "---\ndate: 2026-05-01\nperson: Mark Down\ncompany: Globex\n---\n\nThe chart: ![chart](chart.png)\n\n<a href=\"files/cv%20draft.pdf\">my CV</a>\n"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with what a real notes folder gathers: jottings, an image and a PDF a note links to, a note
    saved as .markdown; and no guide (deleted by its owner)."""
    project = make_project(tmp_path_factory.mktemp("publish") / "project")
    interviews = project / "content/interviews"
    (interviews / "jottings.txt").write_text("call the bank about the loan; my PIN is ...\n", encoding="utf-8")
    (interviews / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (interviews / "files").mkdir()
    (interviews / "files" / "cv draft.pdf").write_bytes(b"%PDF-1.4\n")
    (project / "content/export.csv").write_text("name,email\n", encoding="utf-8")
    (interviews / "2026-05-01-mark-down.markdown").write_text(MARKDOWN_NOTE, encoding="utf-8")
    shutil.rmtree(project / "content/guide")
    return project


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    result = run_insight("build", "--strict", "--today", DEMO_TODAY, cwd=project, check=False)
    assert result.returncode == 0, result.stderr  # the guide is gone: the nav does not name it
    return project / "site"


def test_files_no_page_links_to_stay_out_of_the_site(site: Path) -> None:
    assert not (site / "interviews/jottings.txt").exists()
    assert not (site / "export.csv").exists()
    assert (site / "interviews/chart.png").read_bytes().startswith(b"\x89PNG")  # linked from a note
    assert (site / "interviews/files/cv draft.pdf").is_file()  # linked from raw HTML in a note
    everything = b"".join(p.read_bytes() for p in site.rglob("*") if p.is_file() and p.suffix != ".gz")
    assert b"my PIN is" not in everything


def test_check_lists_what_is_not_published(project: Path) -> None:
    text = run_insight("check", cwd=project)
    assert ("Not published, since they are not notes and no page links to them: "
            "content/export.csv, content/interviews/jottings.txt") in text.stderr
    report = json.loads(run_insight("check", "--format", "json", cwd=project).stdout)
    assert report["not_published"] == ["content/export.csv", "content/interviews/jottings.txt"]


def test_a_markdown_file_is_a_note_like_any_other(site: Path) -> None:
    listing = (site / "interviews/index.html").read_text(encoding="utf-8")
    assert 'href="2026-05-01-mark-down/"' in listing
    person = (site / "people/mark-down/index.html").read_text(encoding="utf-8")
    assert "../../interviews/2026-05-01-mark-down/" in person
    assert "Mark Down" in (site / "companies/globex/index.html").read_text(encoding="utf-8")


def test_the_navigation_lists_the_sections_and_the_field_reference_when_the_guide_is_gone(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    tabs = home[home.index('class="md-tabs__list"'):home.index("</nav>", home.index('class="md-tabs__list"'))]
    for href in ("interviews/", "people/", "companies/", "industries/", "network/", "questions/", "follow-ups/",
                 "guide/note-format/"):
        assert f'href="{href}"' in tabs, href


def test_navigation_is_made_from_the_pages_there_are() -> None:
    pages = ["index.md", "interviews/index.md", "people/index.md", "guide/index.md", "guide/note-format.md",
             "about.md", "my_plan.markdown", "interviews/x.md"]
    assert navigation(pages) == [{"Home": "index.md"}, {"Conversations": "interviews/index.md"},
                                 {"People": "people/index.md"}, {"Guide": "guide/index.md"},
                                 {"About": "about.md"}, {"My plan": "my_plan.markdown"}]
    assert {"Guide": "guide/note-format.md"} in navigation(["index.md", "guide/note-format.md"])


def test_links_are_found_in_markdown_references_and_html() -> None:
    text = ("![a](img/a.png) [b](../b.pdf#page=2) [c]: c.txt\n[d]: <d d.txt>\n<img src='e.jpg'> "
            "[web](https://x.org/f.png) [up](../../outside.txt) [anchor](#top) [mail](mailto:a@b.c)")
    assert linked("interviews/note.md", text) == {"interviews/img/a.png", "b.pdf", "interviews/d d.txt", "interviews/e.jpg"}
    assert linked("interviews/note.md", "[c]: c.txt\n") == {"interviews/c.txt"}
    assert unlinked(["a.txt", "b.png", "x.md"], {"n.md": "![](b.png)"}, ["style.css"]) == ["a.txt"]


def test_an_obsidian_embed_finds_its_file_as_obsidian_does() -> None:
    from generator.publish import Attachments, unlinked

    files = ["a/chart.png", "a/b/chart.png", "chart.png", "docs/deck.pdf", "notes/x.md"]
    assert Attachments(files).find("a/b/note.md", "chart.png") == "a/b/chart.png"  # the page's own folder first
    assert Attachments(files).find("z/note.md", "chart.png") == "chart.png"  # then the shortest path
    assert Attachments(files).find("z/note.md", "a/chart.png") == "a/chart.png"  # a path from the top of the vault
    assert Attachments(files).find("z/note.md", "Deck.PDF") == "docs/deck.pdf"  # names in any case
    assert Attachments(files).find("z/note.md", "x.md") is None and Attachments(files).find("z/note.md", "nope.png") is None
    pages = {"z/note.md": "![[chart.png|200]] and ![[deck.pdf]]", "a/b/note.md": "`![[x]]` text"}
    assert unlinked(files, pages) == ["a/b/chart.png", "a/chart.png"]


def test_a_link_in_a_comment_or_in_code_publishes_nothing() -> None:
    """What no reader sees as a link (an Obsidian comment, a code example) publishes no file; nor does an embed of
    a hidden file (.obsidian/...), which MkDocs never publishes."""
    from generator.publish import Attachments, unlinked

    files = ["cv.pdf", "draft.pdf", "example.pdf", ".obsidian/app.json", "shown.png"]
    pages = {"p.md": "%% ![[cv.pdf]] and [d](draft.pdf) %%\n\n`[e](example.pdf)`\n\n```\n![[example.pdf]]\n```\n\n![[shown.png]]"}
    assert unlinked(files, pages) == [".obsidian/app.json", "cv.pdf", "draft.pdf", "example.pdf"]
    assert Attachments(files).find("p.md", ".obsidian/app.json") is None and Attachments(files).find("p.md", "app.json") is None
