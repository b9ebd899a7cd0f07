"""The generated headings above a note's pre-rendered parts (Questions asked, Insights, Referrals...) skip
Python-Markdown: the plugin writes them as the site's ``toc`` extension would and adds them to the page's table of
contents. Worked out the other way, with tools.bench.without's ``lift-headings`` (every heading through
Python-Markdown), the site is the same to the byte: under the site's own ``toc`` settings, on notes whose own
headings have the same names (or the id of a generated heading's own anchor), that hold a ``[TOC]`` or ids in
code, and on sites whose extensions or hooks would
put a heading below the lifted ones (footnotes, abbreviations, a hook that adds a heading)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, make_project
from test_determinism import tree

YML = """site_name: Headings
site_url: https://headings.example.org/
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - search
  - insight:
      me:
        name: Sam Rivera
validation:
  links:
    anchors: warn
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - tables
{EXTENSIONS}"""

FRONT = """---
date: {date}
person: {person}
company: Northwind Freight
industry: Logistics
status: done
insights:
  - Night shifts pay *more*, and nobody tells you.
advice:
  - Ask for the rota before you sign.
referrals:
  - name: Ola Berg
    company: Northwind Freight
    why: Runs the depot.
questions:
  - q: What does a typical day look like?
    a: Trucks, then more trucks.
---
"""

NOTES = {
    # the note's own headings have the names of the generated ones: Python-Markdown numbers the later ones
    "2026-05-01 Ines Duarte.md": "## Insights\n\nMine.\n\n## Referrals\n\nAsk around.\n\n### Advice\n\nNone yet.\n",
    # a [TOC] is written while Python-Markdown converts the page: it must list the generated headings too
    "2026-05-02 Tom Wu.md": "[TOC]\n\n## What I noticed\n\nThe depot was loud.\n",
    # links to generated headings' anchors on other notes: MkDocs checks them
    "2026-05-04 Kai Moon.md": "See [their referrals](2026-05-01%20Ines%20Duarte.md#referrals_1) and "
                              "[the questions](2026-05-02%20Tom%20Wu.md#questions-asked).\n",
    # ids that are not on the page (text in code, an element the sanitiser removes) take no generated heading's id
    "2026-05-05 Lea Park.md": "About `<a id=\"insights\">` tags.\n\n    <span id=\"referrals\"></span>\n\n"
                              "<script id=\"advice\">alert(1)</script>\n",
    # a footnote with a heading in it and abbreviations (for the sites that have those extensions)
    "2026-05-06 Noor Ali.md": "Text[^1].\n\n[^1]: A footnote.\n\n    ## Advice\n\n*[Referrals]: People they named\n\n@@TOC@@\n",
}

# The site's Markdown settings (and anything more in its mkdocs.yml): footnotes move below the page's parts, a note's
# abbreviations apply to its headings, a hook adds a heading below them, and "markdown.extensions.toc" is toc too.
TOCS = {"defaults": "  - toc: {permalink: true}\n",
        "own settings": '  - toc: {permalink: "#", permalink_title: Link here, toc_depth: "2-2", anchorlink: true}\n',
        "footnotes and abbr": "  - toc: {permalink: true}\n  - footnotes\n  - abbr\n",
        "a hook": "  - toc: {permalink: true}\nhooks: [comments.py]\n",
        "long toc name": '  - markdown.extensions.toc: {permalink: true, marker: "@@TOC@@"}\n'}

HOOK = """def on_page_markdown(markdown, page, **kwargs):
    if page.file.src_uri.startswith("interviews/"):
        return markdown + "\\n\\n## Comments\\n\\nSay hello.\\n"
    return markdown
"""


def build(project: Path, switch: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "tools.bench.without", switch, "generator", "build", "--today",
                           "2026-06-01"], cwd=project, env=env, check=True, capture_output=True, text=True)


def notes_project(path: Path, toc: str) -> Path:
    content = path / "content" / "interviews"
    content.mkdir(parents=True)
    for n, (name, body) in enumerate(NOTES.items()):
        person = name[11:-3]
        (content / name).write_text(FRONT.format(date=name[:10], person=person) + "\n" + body, encoding="utf-8")
    # the company's file of the user's: a heading whose id is the one a generated question has ("q-typical-day")
    (path / "content" / "companies").mkdir()
    (path / "content" / "companies" / "Northwind Freight.md").write_text("## Q: Typical day\n\nShifts.\n", encoding="utf-8")
    (path / "mkdocs.yml").write_text(YML.replace("{EXTENSIONS}", toc), encoding="utf-8")
    (path / "comments.py").write_text(HOOK, encoding="utf-8")
    return path


@pytest.mark.parametrize("toc", sorted(TOCS))
def test_lifted_headings_make_the_site_python_markdown_makes(tmp_path: Path, toc: str) -> None:
    sites, logs = {}, {}
    for switch in ("none", "lift-headings"):
        project = notes_project(tmp_path / switch, TOCS[toc])
        logs[switch] = build(project, switch).stderr.replace(str(project), "PROJECT")
        sites[switch] = tree(project / "site")
    assert sites["none"] == sites["lift-headings"]
    assert logs["none"] == logs["lift-headings"]
    assert "anchor" not in logs["none"]  # the links to generated headings' anchors are found
    site = tmp_path / "none" / "site"
    page = (site / "interviews" / "2026-05-01 Ines Duarte" / "index.html").read_text(encoding="utf-8")
    article = page.split("<article", 1)[1]
    ids = re.findall(r'<h[2-6] id="([^"]+)"', article)
    hooked = ["comments"] if toc == "a hook" else []  # the hook's heading, last on the page
    assert ids == ["insights", "referrals", "advice", "questions-asked", "insights_1", "advice_1", "referrals_1",
                   "related-conversations", *hooked]
    toc_links = re.findall(r'<a href="#([^"]+)" class="md-nav__link', page)
    assert toc_links == (ids if toc != "own settings" else [i for i in ids if i != "advice"])  # 2-2: no h1, no h3
    company = (site / "companies" / "Northwind Freight" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<h[23] id="(q-typical-day[_0-9]*)"', company) == ["q-typical-day_1", "q-typical-day"]
    lea = (site / "interviews" / "2026-05-05 Lea Park" / "index.html").read_text(encoding="utf-8")
    assert {"insights", "referrals", "advice"} <= set(re.findall(r'<h2 id="([^"]+)"', lea))
    index = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"location":"interviews/2026-05-01%20Ines%20Duarte/#referrals_1"' in index.replace(" ", "")


def test_a_heading_after_a_note_of_html_ids_gets_an_id_of_its_own(tmp_path: Path) -> None:
    """A note's raw HTML with the id of a generated heading: the heading gets the next one (Python-Markdown, which
    never reads raw HTML's ids, gave both the same)."""
    project = notes_project(tmp_path / "p", TOCS["defaults"])
    note = project / "content" / "interviews" / "2026-05-04 Kai Moon.md"
    note.write_text(note.read_text(encoding="utf-8") + '\n<div id="advice">My own box.</div>\n', encoding="utf-8")
    build(project, "none")
    page = (project / "site" / "interviews" / "2026-05-04 Kai Moon" / "index.html").read_text(encoding="utf-8")
    article = page.split("<article", 1)[1]
    assert article.count('id="advice"') == 1 and '<h2 id="advice_1">Advice' in article
    assert '<a href="#advice_1" class="md-nav__link">' in page


def test_headings_of_parts_a_note_hides_with_open_html_are_not_in_its_contents(tmp_path: Path) -> None:
    """HTML a note leaves open swallows the parts below it (the build says so): their headings are not shown as
    Markdown text, nor the words that stood in for them, and the table of contents does not list them."""
    project = notes_project(tmp_path / "p", TOCS["defaults"])
    (project / "content" / "interviews" / "2026-05-03 Ana Lima.md").write_text(
        FRONT.format(date="2026-05-03", person="Ana Lima") + '\nBefore.\n\n<div class="x">\n\nUnclosed.\n',
        encoding="utf-8")
    log = build(project, "none").stderr
    assert "interviews/2026-05-03 Ana Lima.md: 5 generated parts of this page cannot be shown" in log
    page = (project / "site" / "interviews" / "2026-05-03 Ana Lima" / "index.html").read_text(encoding="utf-8")
    assert "## Questions asked" not in page and 'href="#questions-asked"' not in page
    assert "Unclosed." in page and not re.search(r"insight[0-9a-f]{16}x", page)  # nor the parts' placeholders
