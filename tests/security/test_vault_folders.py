"""The ways in this round opened: person, company and industry files in any subfolder (as an Obsidian vault sorts
them), files named as people write names (spaces, brackets, even HTML), wikilinks to them, and notes that write
what the plugin uses as a placeholder while search reads a page.

A subfolder's files are the user's own notes: read where they are, never followed out of content/, and shared
only as the files at the top level are (a company's text without its private parts and contact details; a
person's file never). A name is text on every page, however it is spelled.
"""

from __future__ import annotations

import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from attack import ROOT, TODAY, every_text, leaks, note, project_with, run_insight
from tests.support.links import broken_html_links

HOSTILE = "Eve <img src=x onerror=alert(1)>"
NOTES: dict[str, str | bytes] = {
    "companies/Clients/Vantage Metrics.md": (
        "---\nname: Vantage Metrics\n---\n\nSHARED-subfolder-company-text; write to canary.sub@example.org\n\n"
        "## Private\n\ncanary-subfolder-company-private\n"),
    "people/Colleagues/Nadia Okoro.md": (
        "---\ntitle: Data Engineer\nemail: canary-person@example.org\nphone: +44 20 7946 0958\n---\n\n"
        "canary-person-file-body\n"),
    f"people/Odd/{HOSTILE}.md": "---\ntitle: Analyst\n---\n\ncanary-hostile-file-body\n",
    "interviews/2026-05-02-nadia.md": note("Nadia Okoro", extra="introduced_by: \"[[Eve <img src=x onerror=alert(1)>]]\"\n",
                                          body=("## Insights\n\n- SHARED-vault-insight at [[Vantage Metrics]]\n"
                                                f"- SHARED-hostile-link: ask [[{HOSTILE}]] first\n")),
    # embeds that reach for what is not to be published: a hidden folder, the project's config, a people file's
    # attachment shared in a guide's insight
    "interviews/2026-05-04-embeds.md": note("Emma Bedd", body=(
        "## Insights\n\n- SHARED-embed-insight ![[secret.pdf]] and ![[../mkdocs.yml]] and ![[app.json]]\n\n"
        "%% ![[draft-cv.pdf]] %%\n")),
    "interviews/secret.pdf": b"%PDF canary-embedded-pdf",
    "interviews/draft-cv.pdf": b"%PDF canary-commented-pdf",
    ".obsidian/app.json": '{"canary": "canary-hidden-config"}',
    # the plugin's placeholder and a copy of a generated block, written into a note by hand
    "interviews/2026-05-03-aside.md": note("Piet Ashworth", body=(
        '## Insights\n\n- SHARED-aside-insight\n\n<div data-insight-aside="0"></div>\n\n'
        '<div data-search-exclude="">\n<ul>\n<li>canary-copied-block</li>\n</ul>\n</div>\n')),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("vault")
    project = project_with(tmp, NOTES)
    outside = tmp / "outside"
    outside.mkdir()
    (outside / "Leaky Person.md").write_text("---\ntitle: Spy\n---\n\ncanary-linked-subfolder\n", encoding="utf-8")
    os.symlink(outside, project / "content" / "people" / "Linked")
    return project


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    run_insight("build", "--today", TODAY, cwd=project)
    return project / "site"


def test_a_subfolder_that_links_out_of_content_is_not_read(project: Path, site: Path) -> None:
    said = run_insight("check", "--today", TODAY, cwd=project, check=False).stdout
    assert "content/people/Linked:1:1: warning: a link to a folder outside content/" in said, said
    texts = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file())
    assert "canary-linked-subfolder" not in texts and "Leaky Person" not in texts


def test_a_hostile_file_name_is_text_on_every_page_and_its_links_open(site: Path) -> None:
    class Attributes(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: set[str] = set()

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.found.update(f"{tag} {name}" for name, _ in attrs)

    for page in site.rglob("*.html"):
        parsed = Attributes()
        parsed.feed(page.read_text(encoding="utf-8"))
        assert not any(a.endswith(" onerror") for a in parsed.found), page
        assert "img src" not in parsed.found or "Eve" not in page.read_text(encoding="utf-8"), page
    person = site / "people" / "Odd" / HOSTILE / "index.html"
    html = person.read_text(encoding="utf-8")
    assert "Eve &lt;img src=x onerror=alert(1)&gt;" in html and "canary-hostile-file-body" in html
    note = (site / "interviews" / "2026-05-02-nadia" / "index.html").read_text(encoding="utf-8")
    assert "ask <a href=" in note and "Eve &lt;img" in note  # the wikilink is a link, its label text
    assert broken_html_links(site) == []


def test_subfolder_files_are_shared_as_top_level_ones_are(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "guide"
    run_insight("share", "Data Science", "--out", str(out), "--zip", "--today", TODAY, cwd=project)
    texts = {n: t for n, t in every_text(out).items() if "/assets/javascripts/lunr/" not in n}
    # the private part and the address of a company file, and everything of a person's file, stay home
    found = leaks(texts, ["canary", "Nadia", "Okoro", "7946", "alert(1)"])
    assert found == [], found
    index = texts["guide/site/search/search_index.json"]
    for shared in ("SHARED-subfolder-company-text", "SHARED-vault-insight", "SHARED-hostile-link", "SHARED-aside-insight"):
        assert shared in index, shared


def test_a_note_that_writes_the_placeholder_changes_no_byte_of_its_site(tmp_path: Path) -> None:
    """Built as usual, and with search reading every page whole (make bench's switch): the same files, index
    included. (Two fresh projects: the module's has a link out of content/, which the home page reports.)"""
    usual = project_with(tmp_path, NOTES, name="usual")
    run_insight("build", "--today", TODAY, cwd=usual)
    whole = project_with(tmp_path, NOTES, name="whole")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "tools.bench.without", "search-blocks", "generator", "build", "--today", TODAY],
                   cwd=whole, env=env, check=True, capture_output=True)

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    a, b = files(usual / "site"), files(whole / "site")
    assert a.keys() == b.keys() and [n for n in a if a[n] != b[n]] == []
    index = a["search/search_index.json"].decode()
    assert "SHARED-aside-insight" in index and "canary-copied-block" not in index


def test_an_embed_publishes_only_a_file_of_content_a_reader_sees_and_never_into_a_guide(project: Path, site: Path,
                                                                                      tmp_path: Path) -> None:
    published = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert "interviews/secret.pdf" in published  # embedded in the text: published with the page
    assert "interviews/draft-cv.pdf" not in published  # embedded only inside a comment
    assert not [p for p in published if "obsidian" in p or p.endswith("mkdocs.yml")]
    page = (site / "interviews/2026-05-04-embeds/index.html").read_text(encoding="utf-8")
    assert "canary-hidden-config" not in page and "app.json" in page  # the name as text, no link to it
    out = tmp_path / "guide"
    run_insight("share", "Data Science", "--out", str(out), "--zip", "--today", TODAY, cwd=project)
    texts = every_text(out)
    assert leaks(texts, ["canary-embedded-pdf", "canary-commented-pdf", "canary-hidden-config", "draft-cv"]) == []
    assert "SHARED-embed-insight" in texts["guide/site/search/search_index.json"]
