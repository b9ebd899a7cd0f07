"""The demo built with real MkDocs + Material: the pages a user browses, their links and what they gather.

Uses the session ``demo_site`` (one real ``insight build --strict --today 2026-11-27``). What a
page should gather is computed from the notes with the core, then looked for in the HTML.
"""

from __future__ import annotations

import datetime as dt
import posixpath
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, make_project, run_insight
from generator import site as core
from generator.pages.gather import gather
from generator.settings import Settings

def _top_sections() -> set[str]:
    """The index pages the generated nav lists for the demo, as built URLs."""
    from generator.nav import SECTIONS

    return {uri[: -len("index.md")] for _, uri in SECTIONS} | {"guide/"}


TOP_SECTIONS = _top_sections()


class Links(HTMLParser):
    """Every href on a page, with the classes of the <nav> elements it sits in."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.navs: list[str] = []
        self.hrefs: list[tuple[str, tuple[str, ...]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "nav":
            self.navs.append(a.get("class") or "")
        if a.get("href") is not None and tag in ("a", "link"):
            self.hrefs.append((a["href"] or "", tuple(self.navs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav" and self.navs:
            self.navs.pop()


def links_of(html: str) -> list[tuple[str, tuple[str, ...]]]:
    parser = Links()
    parser.feed(html)
    return parser.hrefs


def page_dir(site: Path, html_file: Path) -> str:
    rel = html_file.relative_to(site).as_posix()
    return posixpath.dirname(rel) + "/" if "/" in rel else ""


def target(base: str, href: str) -> str:
    """The site path an internal href points to ('' for the home page)."""
    path = unquote(urlsplit(href).path)
    if path.startswith("/"):  # 404.html links from the site root (site_url's path is /)
        base, path = "", path.lstrip("/") or "."
    joined = posixpath.normpath(posixpath.join(base, path))
    if joined == ".":
        return ""
    folder = path.endswith("/") or path.rsplit("/", 1)[-1] in ("..", ".")
    return joined + "/" if folder else joined


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def section(html: str, heading_id: str) -> str:
    """The HTML from ``<h2 id=heading_id>`` to the next h2."""
    start = html.index(f'<h2 id="{heading_id}"')
    end = html.find("<h2", start + 1)
    return html[start : end if end != -1 else None]


@pytest.fixture(scope="module")
def kb():
    return core.build(ROOT / "content", Settings(today=dt.date(2026, 11, 27))).kb


def test_home_indexes_and_one_page_per_entity(demo_site: Path, kb) -> None:
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert "Sam Rivera&#39;s insight knowledge base" in home or "Sam Rivera's insight knowledge base" in home
    assert "Recent conversations" in home
    for kind, store in (("people", kb.people), ("companies", kb.companies), ("industries", kb.industries)):
        built = {p.name for p in (demo_site / kind).iterdir() if p.is_dir()}
        assert built == set(store), kind
        assert len(store) >= 6
    for iv in kb.interviews:
        assert (demo_site / "interviews" / iv.slug / "index.html").is_file()


def test_conversations_index_is_a_sortable_table(demo_site: Path, kb) -> None:
    html = read(demo_site, "interviews")
    table = html[html.index('<div class="insight-sortable">') :]
    table = table[: table.index("</table>")]
    assert "<th>Date</th>" in table and "<th>Person</th>" in table and "<th>Company</th>" in table
    assert table.count("<tr>") == len(kb.interviews) + 1
    scripts = re.findall(r'<script src="([^"]+)"', html)
    assert any(s.endswith("assets/vendor/tablesort/tablesort.min.js") for s in scripts)
    assert any(s.endswith("assets/insight/tables.js") for s in scripts)
    assert (demo_site / "assets/vendor/tablesort/tablesort.min.js").stat().st_size > 1000


def test_timeline_lists_every_conversation_under_its_month(demo_site: Path, kb) -> None:
    html = read(demo_site, "interviews/timeline")
    assert 'href="timeline/"' in read(demo_site, "interviews")  # the index links its timeline
    months = re.split(r'<h3 id="(\d{4}-\d{2})"', html)[1:]
    found = {month: body.split("<h3", 1)[0] for month, body in zip(months[::2], months[1::2])}
    assert list(found) == sorted(found, reverse=True)
    for iv in kb.interviews:
        assert f'href="../{iv.slug}/"' in found[iv.date.strftime("%Y-%m")], iv.slug


def test_search_indexes_each_thing_where_it_was_said(demo_site: Path, kb) -> None:
    """Pages that only gather rows and answers from the notes stay out of Material's search index, so a search
    lists the note, person, company and industry pages, not five copies of the same answer."""
    index = json.loads((demo_site / "search/search_index.json").read_text(encoding="utf-8"))
    pages = {e["location"].split("#", 1)[0] for e in index["docs"]}
    for iv in kb.interviews:
        assert f"interviews/{iv.slug}/" in pages
    assert {"people/roman-petrov/", "companies/acme-analytics/", "industries/data-science/", "questions/",
            "follow-ups/"} <= pages
    # the network's text version names everyone again; each is found on their own page (tests/test_search_index.py)
    gathered = {p for p in pages if p in ("interviews/", "interviews/timeline/") or p.startswith("network/")
                or p.startswith("questions/") and p != "questions/"}
    assert gathered == set()
    assert (demo_site / "questions/finance/index.html").is_file() and (demo_site / "interviews/timeline/index.html").is_file()


def test_every_internal_link_resolves(demo_site: Path) -> None:
    checked = 0
    broken = []
    for html_file in sorted(demo_site.rglob("*.html")):
        base = page_dir(demo_site, html_file)
        for href, _ in links_of(html_file.read_text(encoding="utf-8")):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:  # external, mailto:, or an anchor on the page
                continue
            path = target(base, href)
            found = demo_site / path
            if not (found.is_file() or (found / "index.html").is_file()):
                broken.append(f"{html_file.relative_to(demo_site)}: {href}")
            checked += 1
    assert broken == []
    assert checked > 2000  # the check ran over the whole site


def test_note_header_card_links_its_entities(demo_site: Path) -> None:
    html = read(demo_site, "interviews/2026-06-09-roman-petrov")
    card = html[html.index('<div class="admonition abstract"') :]
    card = card[: card.index("</div>")]
    hrefs = {target("interviews/2026-06-09-roman-petrov/", h) for h, _ in links_of(card)}
    assert hrefs == {"people/roman-petrov/", "companies/acme-analytics/", "industries/data-science/", "people/evelyn-chen/", "tags/"}  # tags link to their section on the tags page
    for label in ("Person:", "Company:", "Industry:", "Date:</strong> 2026-06-09", "Channel:", "Introduced by:"):
        assert label in card
    assert '<h2 id="related-conversations"' in html


def test_company_page_gathers_what_was_learned_with_sources(demo_site: Path, kb) -> None:
    html = read(demo_site, "companies/acme-analytics")
    learned = gather(kb.interviews_with("company", "acme-analytics"))
    assert learned.insights and learned.advice and learned.answers
    assert len({iv.slug for _, iv in learned.insights}) >= 2  # from more than one conversation
    # every insight and piece of advice of a held conversation once (what several people said is one entry, filed
    # under its shown wording's kind, with the other wordings nested below it), each linked to its note
    said = [x for x in learned.insights + learned.advice if x[1].held]
    parts = section(html, "insights") + section(html, "advice")
    assert parts.count("<li>") == len(said)
    for item in re.findall(r"<li>(.*?)</li>", parts, re.S):
        assert re.search(r'href="\.\./\.\./interviews/[^"]+/"', item), item
    answers = section(html, "questions")
    cards = re.findall(r"<li>(.*?)</li>", answers, re.S)
    assert len(cards) == len(learned.answers)  # every answer, side by side under its question
    for card in cards:
        assert re.search(r'href="\.\./\.\./interviews/[^"]+/"', card), card
    for _, iv in learned.insights:
        assert f'href="../../interviews/{iv.slug}/"' in section(html, "insights")


def test_industry_page_gathers_across_its_companies(demo_site: Path, kb) -> None:
    html = read(demo_site, "industries/data-science")
    ivs = kb.interviews_with("industry", "data-science")
    learned = gather(ivs)
    companies = {iv.company for _, iv in learned.insights}
    assert len(companies) >= 2
    said = section(html, "insights") + section(html, "advice")  # one entry per item, merged ones nested
    assert said.count("<li>") == len([x for x in learned.insights + learned.advice if x[1].held])
    for _, iv in learned.insights:
        assert f'href="../../interviews/{iv.slug}/"' in said
    listed = section(html, "companies")
    for slug in companies:
        assert f'href="../../companies/{slug}/"' in listed


def test_spellings_resolve_to_one_page(demo_site: Path, kb) -> None:
    assert [p.name for p in (demo_site / "people").iterdir() if p.name.startswith("jose")] == ["jose-nunez"]
    assert [p.name for p in (demo_site / "companies").iterdir() if p.name.startswith("acme")] == ["acme-analytics"]
    # "Acme Analytics Inc." (Roman's note) and "Acme Analytics" (Ingrid's) are the same company page
    for note in ("2026-06-09-roman-petrov", "2026-11-23-ingrid-larsen"):
        assert 'href="../../companies/acme-analytics/"' in read(demo_site, f"interviews/{note}")
    people_index = read(demo_site, "people")
    assert people_index.count(">José Núñez</a>") == 1


def test_users_own_entity_text_stands_above_the_generated_page(demo_site: Path) -> None:
    html = read(demo_site, "people/roman-petrov")
    own = html.index("Introduced by Evelyn Chen, a family friend")
    assert html.index("<h1") < own < html.index('<h2 id="conversations"')
    assert html.count("<h1") == 1


def test_edit_links_point_at_the_source_note(demo_site: Path, kb) -> None:
    edit = re.compile(r'<a href="([^"]+)" title="Edit this page"')
    for iv in kb.interviews:
        assert edit.findall(read(demo_site, f"interviews/{iv.slug}")) == [
            f"https://github.com/insight-kb/insight-kb/edit/main/content/interviews/{iv.slug}.md"
        ]
    assert edit.findall(read(demo_site, "people/roman-petrov")) == [
        "https://github.com/insight-kb/insight-kb/edit/main/content/people/roman-petrov.md"
    ]
    generated = ["", "interviews", "people", "companies", "industries", "people/anika-sorensen", "companies/initech",
                 "industries/insurance"]
    for page in generated:
        assert edit.findall(read(demo_site, page)) == [], page


def test_entity_pages_are_not_in_the_nav(demo_site: Path) -> None:
    for page in ("people/roman-petrov", "companies/globex", "interviews/2026-06-09-roman-petrov", ""):
        base = page + "/" if page else ""
        in_nav = {target(base, href) for href, navs in links_of(read(demo_site, page))
                  if any("md-nav--primary" in n or "md-tabs" in n for n in navs) and not href.startswith("#")
                 and not urlsplit(href).scheme}
        assert in_nav == TOP_SECTIONS, page


def test_list_items_are_not_glued_together(demo_site: Path) -> None:
    """Each related conversation and each person at a company is its own list item."""
    related = section(read(demo_site, "interviews/2026-06-09-roman-petrov"), "related-conversations")
    items = re.findall(r"<li>(.*?)</li>", related, re.S)
    assert len(items) >= 3
    assert all(item.count('href="../2026-') == 1 for item in items), items
    people = section(read(demo_site, "companies/globex"), "people")
    items = re.findall(r"<li>(.*?)</li>", people, re.S)
    assert len(items) >= 3 and all(item.count("<a ") == 1 for item in items), items


def test_own_home_page_replaces_the_dashboard(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "tests" / "fixtures" / "golden-project" / "content", content)
    (content / "index.md").write_text("# My own start page\n\nWelcome.\n", encoding="utf-8")
    project = make_project(tmp_path / "p", content=content)
    run_insight("build", "--today", "2026-11-27", cwd=project)
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert "My own start page" in home
    assert "Recent conversations" not in home
    assert (project / "site" / "people" / "index.html").is_file()  # the rest of the site is still generated


def test_users_own_heading_keeps_its_markdown_and_generated_titles_are_escaped() -> None:
    site = core.Site(kb=None, pages={"companies/acme.md": "generated\n"}, titles={"companies/acme.md": "Acme <b>&</b> Co"})  # type: ignore[arg-type]
    own = core.as_shown(site, "companies/acme.md", "# Acme, *my* notes\n\nText.\n")
    assert own == "# Acme, *my* notes\n\nText.\n\ngenerated\n"
    generated_title = core.as_shown(site, "companies/acme.md", "Text only.\n")
    assert generated_title.startswith("# Acme &lt;b&gt;&amp;&lt;/b&gt; Co\n\nText only.")
    assert core.as_shown(site, "guide/index.md", "# Guide\n") is None  # pages the generator does not touch


def test_links_in_answers_and_advice_lead_where_they_led_from_the_note(tmp_path: Path) -> None:
    """A note's answer or advice shown on a company, person, industry or question page keeps its links: an
    image beside the note, a file in a folder next to it, another page of the site (some pages show answers
    as pre-rendered HTML cards, which MkDocs does not rewrite)."""
    project = make_project(tmp_path)
    notes = project / "content" / "interviews"
    (notes / "chart.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (notes / "files").mkdir()
    (notes / "files" / "deck.pdf").write_bytes(b"%PDF-1.4\n")
    note = notes / "2026-07-07-priya-raman.md"
    text = note.read_text(encoding="utf-8")
    text = text.replace("advice:\n", "advice:\n  - Read [her slides][deck] first.\n", 1)
    said = "moved to the Globex ML platform team three years ago."
    assert said in text
    text = text.replace(said, said + "\nSee [Globex](../companies/globex.md#conversations), ![a chart](chart.png), [her slides][deck]"
                        " and [the docs](https://example.com/docs).\n\n[deck]: files/deck.pdf", 1)
    note.write_text(text, encoding="utf-8")
    run_insight("build", "--strict", "--today", "2026-11-27", cwd=project)  # --strict: MkDocs fails on a link it cannot resolve
    site = project / "site"
    wanted = re.compile(r'(?:href|src)="([^"]*(?:chart\.png|deck\.pdf|companies/globex/(?:#conversations)?|example\.com/docs))"')
    shown_on = set()
    for html_file in sorted(site.rglob("*.html")):
        html = html_file.read_text(encoding="utf-8")
        if "her slides" not in html:
            continue
        base = page_dir(site, html_file)
        found = wanted.findall(html)
        page = html_file.relative_to(site).parent.as_posix()
        if 'alt="a chart"' in html:  # the answer, not only the advice: its web link is as written
            assert "https://example.com/docs" in found, page
        for href in found:
            if href.startswith("https://"):
                continue
            path = site / target(base, href)
            assert path.is_file() or (path / "index.html").is_file(), f"{page}: {href} leads nowhere"
        shown_on.add(page)
    # the note itself, its person, its company, its industries (advice) and the question pages (answer cards)
    assert {"interviews/2026-07-07-priya-raman", "people/priya-raman", "companies/globex", "industries/data-science",
            "questions/data-science"} <= shown_on


def test_every_page_is_titled_after_its_heading_and_the_tabs_after_their_sections(demo_site: Path) -> None:
    # a build frees each page's Markdown and HTML once written; a title MkDocs worked out from them must survive
    from html import unescape

    site_name = "Insight KB"
    h1 = re.compile(r'<h1 id="[^"]*">(.*?)(?:<a class="headerlink"|</h1>)', re.S)
    for page in sorted(demo_site.rglob("index.html")):
        html = page.read_text(encoding="utf-8")
        title = unescape(re.search(r"<title>(.*?)</title>", html, re.S).group(1))
        heading = h1.search(html)
        if page.parent == demo_site or heading is None:  # the home page; the 404 page and redirects have no h1
            continue
        shown = unescape(re.sub(r"<[^>]+>", "", heading.group(1))).strip()
        assert title == f"{shown} - {site_name}", (page, title, shown)
    tabs = re.findall(r'<li class="md-tabs__item[^"]*">\s*<a [^>]*>\s*(.*?)\s*</a>', read(demo_site, "people"), re.S)
    assert tabs[:3] == ["Home", "Conversations", "People"], tabs
