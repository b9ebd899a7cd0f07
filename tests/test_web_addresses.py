"""Websites and profiles as people write them: with or without ``https://``, or not an address at all."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from conftest import make_project, run_insight
from generator.fragments import web_link

NOTE = """---
date: 2026-03-02
person: Ana Lima
company: Brightline
status: done
---
We talked about case interviews.
"""

# companies of shared conversations in Health, each with its website as written
SHARED = [("2026-04-01", "Cy Dale", "Northwind", "northwind.example"),
          ("2026-04-02", "Di Eze", "Odd Co", '"javascript:alert(1)"'),
          ("2026-04-03", "Em Fry", "Upper Co", "HTTPS://UPPER.EXAMPLE/Path"),
          ("2026-04-04", "Flo Gil", "Long Co", "long.example/" + "x" * 2000)]


def shared_files() -> list[tuple[str, str, str]]:
    """(folder, file name, text) of a shared conversation and its company's file, for each of ``SHARED``."""
    out = []
    for date, person, company, website in SHARED:
        slug = company.lower().replace(" ", "-")
        out.append(("interviews", f"{date}-{slug}.md", f"---\ndate: {date}\nperson: {person}\ncompany: {company}\n"
                    f"industry: Health\nstatus: done\nshare: anonymous\ninsights: [What {company} taught me.]\n---\n"))
        out.append(("companies", f"{slug}.md", f"---\nname: {company}\nwebsite: {website}\n---\n"))
    return out


ANA = """---
name: Ana Lima
role: Associate
company: Brightline
email: "ana_lima+kb@brightline.example"
phone: "+1 555 0100"
linkedin: www.linkedin.com/in/ana_lima-1
---
"""

BEN = """---
name: Ben Ode
linkedin: "javascript:alert(1)"
---
"""

BRIGHTLINE = """---
name: Brightline
location: Boston, MA
website: brightline.example/careers?team=data
---
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("web")
    content = tmp / "src"
    for folder, name, text in [("interviews", "2026-03-02-ana-lima.md", NOTE), ("people", "ana-lima.md", ANA),
                               ("people", "ben-ode.md", BEN), ("companies", "brightline.md", BRIGHTLINE),
                               *shared_files()]:
        (content / folder).mkdir(parents=True, exist_ok=True)
        (content / folder / name).write_text(text, encoding="utf-8")
    project = make_project(tmp / "p", content=content)
    run_insight("build", "--today", "2026-11-27", cwd=project)
    run_insight("share", "Health", "--out", str(tmp / "guide"), "--today", "2026-11-27", cwd=project)
    return project / "site"


def _links(html: str) -> dict[str, str]:
    """Each link's text and address on a page."""
    return {unescape(re.sub(r"<[^>]+>", "", text)): unescape(href)
            for href, text in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', html, re.S)}


def test_a_profile_without_its_scheme_is_linked_not_lost(site: Path) -> None:
    page = (site / "people" / "ana-lima" / "index.html").read_text(encoding="utf-8")
    links = _links(page)
    assert links["www.linkedin.com/in/ana_lima-1"] == "https://www.linkedin.com/in/ana_lima-1"
    assert links["ana_lima+kb@brightline.example"] == "mailto:ana_lima%2Bkb%40brightline.example"
    assert "Phone: +1 555 0100" in page
    assert "Associate at " in page and links["Brightline"] == "../../companies/brightline/"


def test_an_address_that_is_no_website_is_shown_as_text(site: Path) -> None:
    page = (site / "people" / "ben-ode" / "index.html").read_text(encoding="utf-8")
    assert "Profile: javascript:alert(1)</li>" in page
    assert "javascript:alert(1)" not in _links(page).values() and 'href="javascript' not in page


def test_a_company_without_industries_still_shows_where_it_is_and_its_website(site: Path) -> None:
    page = (site / "companies" / "brightline" / "index.html").read_text(encoding="utf-8")
    line = re.search(r"<p>Boston, MA · (.*?)</p>", page)
    assert line is not None, "location and website missing"
    assert _links(line.group(1)) == {"brightline.example/careers?team=data": "https://brightline.example/careers?team=data"}


def test_a_shared_guide_gives_the_website_as_an_address_and_drops_what_is_no_website(site: Path) -> None:
    guide = json.loads((site.parent.parent / "guide" / "guide.json").read_text(encoding="utf-8"))
    websites = {c["name"]: c.get("website", "") for c in guide["companies"]}
    assert websites == {"Northwind": "https://northwind.example", "Odd Co": "", "Upper Co": "https://UPPER.EXAMPLE/Path",
                        "Long Co": ""}
    # and a classmate can merge it: what share writes, merge takes
    run_insight("merge", str(site.parent.parent / "guide"), "--out", str(site.parent.parent / "merged"),
                "--today", "2026-11-27", cwd=site.parent)
    assert (site.parent.parent / "merged" / "guide.json").is_file()


@pytest.mark.parametrize(("written", "href", "shown"), [
    ("https://acme.example/jobs", "https://acme.example/jobs", None),
    ("HTTP://ACME.EXAMPLE/Path", "http://ACME.EXAMPLE/Path", None),  # the scheme as a shared guide takes it
    ("acme.example", "https://acme.example", None),
    ("  linkedin.com/in/ana  ", "https://linkedin.com/in/ana", None),
    ("acme.example:8080/a?b=1&c=2#top", "https://acme.example:8080/a?b=1&c=2#top", None),
    ("<https://acme.example>", "https://acme.example", "https://acme.example"),  # written as a Markdown autolink
    ("<acme.example>", "https://acme.example", "acme.example"),
    ("see their site", None, None),
    ("javascript:alert(1)", None, None),
    ("<javascript:alert(1)>", None, None),
    ("data:text/html,x", None, None),
    ("acme", None, None),  # a word, not a host
    ("acme.example/<script>", None, None),
    ("ftp://acme.example", None, None),
    ("//acme.example", None, None),
    ("acme.example/\u202egpj.exe", None, None),  # would show reversed, as "exe.jpg"
    ("https://acme.example/a\x00b", None, None),
    ("acme.example/" + "x" * 2000, None, None),  # longer than a shared guide takes
])
def test_web_link(written: str, href: str | None, shown: str | None) -> None:
    html = web_link(written)
    found = re.fullmatch(r'<a href="([^"]*)">([^<]*)</a>', html)
    assert (unescape(found.group(1)) if found else None) == href, html
    assert unescape(re.sub(r"<[^>]+>", "", html)) == (shown or " ".join(written.split()))  # shown as written
