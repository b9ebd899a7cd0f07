"""No note puts active HTML into any page: the personal site and guides, whatever Markdown makes of it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from attack import TODAY, every_text, note, project_with, run_insight
from test_merge_untrusted import _Active, active_html

ATTACKS = (
    "## Questions\n\n### What is the job like?\n\n"
    "Busy. ![chart](chart.png){: onerror=alert(1) }\n\n"
    "A paragraph with attributes.\n{: onclick=alert(2) }\n\n"
    "<img src=x onerror=alert(3)> <script>alert(4)</script>\n\n"
    "[click](javascript:alert(5)) [entity](java&#115;cript:alert(6)) [tab](java\tscript:alert(7))\n\n"
    "<a href=\"javascript:alert(8)\">raw link</a> <div onmouseover=\"alert(9)\">hover</div>\n\n"
    "<iframe src=\"https://example.com\"></iframe>\n\n"
    "## Insights\n\n- Insight *emphasis*{: onmouseover=alert(10) }\n- [Insight link](javascript:alert(11))\n"
)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    tmp = tmp_path_factory.mktemp("inject")
    project = project_with(tmp, {
        "interviews/2026-05-01-mallory.md": note(
            "Mallory Hacker", body=ATTACKS,
            extra="title: \"</title><script>alert('t')</script>\"\ndescription: '\"><script>alert(12)</script>'\n"),
        "interviews/chart.png": b"\x89PNG\r\n\x1a\n",
        # fields an import copies from another tool's properties: MkDocs reads `template:`, Material's redirect
        # template writes `location:` into a script, and search shows `tags:` as HTML
        # what this round taught the reader of Obsidian notes: callouts, highlights, Dataview fields, embeds
        "interviews/2026-05-03-obsidian.md": note("Obi Sidian", body=(
            '## Insights\n\n- SHARED-obsidian-insight\n\n> [!note"><script>alert(18)</script>] <img src=x onerror=alert(19)>\n'
            '> inside <svg onload=alert(20)>\n\n> [!tip] <img src=x onerror=alert(26)> Tip title\n> tip body\n\n'
            '==<img src=x onerror=alert(21)>== and ==*fine*==\n\n'
            'reach:: <script>alert(22)</script>\n\n[mood:: <b onclick=alert(23)>x</b>]\n\n'
            '![[chart.png|<img src=x onerror=alert(24)>]] ![[nothing.png|<i onmouseover=alert(25)>]]\n')),
        "interviews/2026-05-02-rex.md": note("Rex Redirect", extra=(
            "template: redirect.html\nlocation: \"javascript:alert(16)//\"\n"
            "tags: [\"<img src=x onerror=alert(17)>\", plain-tag]\n")),
        "companies/vantage-metrics.md": "---\nname: Vantage Metrics\n---\n\nText {: onclick=alert(13) }\n\n<script>alert(14)</script>\n",
        # the plugin's own block markers, written by a note: in a heading (whose id the toc copies the text into),
        # in a link, and around HTML of the note's own; a note's text is never taken for the generator's HTML
        "interviews/2026-05-04-marker.md": note("Mark Heading", body=(
            '## Notes <!-- insight:html -->" tabindex="1" autofocus onfocus="alert(27)" x="<!-- /insight:html -->\n\n'
            'See [the report](https://example.com/?q=<!-- insight:html -->" onmouseover="alert(28)" '
            'style="position:fixed;inset:0" x="<!-- /insight:html -->) for details.\n')),
        "interviews/2026-05-05-forged.md": note("Fay Forged", body=(
            "<!-- insight:html -->\n<!-- insight:unsearched -->\n<p>FORGED-block</p><script>alert(29)</script>"
            '<iframe src="https://example.com"></iframe>\n<!-- /insight:html -->\n')),
        # raw HTML left open above the generated parts of a company's page: they cannot be shown, and the build says so
        "interviews/2026-05-06-open.md": note("Olga Open", company="Open Tag Co"),
        "companies/open-tag-co.md": '---\nname: Open Tag Co\n---\n\nOur notes.\n\n<div>\n<abbr title="\n',
        # contact and website fields are written into pre-rendered HTML, a website or profile as a link when it is
        # a web address (with or without https://): an imported contact's fields are anyone's words
        "people/pat-hostile.md": ("---\nname: Pat Hostile\nrole: '<b onclick=alert(30)>Lead</b>'\n"
                                  "linkedin: 'javascript:alert(31)'\nemail: '\"><script>alert(32)</script>@x.example'\n"
                                  "phone: '<img src=x onerror=alert(33)>'\n---\n"),
        "people/rtl-profile.md": "---\nname: Ray Tell\nlinkedin: \"ray.example/\\u202egpj.exe\"\n---\n",
        "companies/hostile-web.md": ("---\nname: Hostile Web\nlocation: '<svg onload=alert(34)>'\n"
                                     "website: 'hostile.example/\"><script>alert(35)</script>'\n---\n"),
        "companies/bracket-web.md": "---\nname: Bracket Web\nwebsite: '<javascript:alert(36)>'\n---\n",
        # the home page's tables (coming up, waiting for an answer, open referrals) and the timeline are HTML
        "interviews/2026-12-30-rhea.md": ("---\ndate: 2026-12-30\nperson: {name: Rhea Request, company: '<i onmouseover=alert(37)>Co</i>'}\n"
                                          "status: requested\nrequested_on: 2026-05-01\nreferrals:\n- name: Ref Erral\n"
                                          "  why: \"<img src=x onerror=alert(38)> | pipe\\n\\nacross   lines\"\n---\n"),
        "interviews/2026-11-02-wade.md": ("---\ndate: 2026-11-02\nperson: {name: Wade Waiting, company: '<i onmouseover=alert(37)>Co</i>'}\n"
                                          "status: requested\n---\n"),
    })
    yml = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(yml.replace("site_name: Insight KB", "site_name: \"<b>Me</b></title><script>alert(15)</script>\""),
                                        encoding="utf-8")
    result = run_insight("build", "--today", TODAY, cwd=project, check=False)
    out = tmp / "guide"
    run_insight("share", "Data Science", "--out", str(out), "--zip", "--today", TODAY, cwd=project)
    return project / "site", result.stdout + result.stderr, out


def test_no_note_puts_active_html_into_the_personal_site(built: tuple[Path, str, Path]) -> None:
    site, said, _ = built
    assert (site / "interviews/2026-05-01-mallory/index.html").is_file(), said
    assert active_html(site) == []


def test_the_home_pages_tables_show_a_notes_html_as_text(built: tuple[Path, str, Path]) -> None:
    site, said, _ = built
    home = (site / "index.html").read_text(encoding="utf-8")
    tables = {h: home.split(f'id="{h}"', 1)[1].split("</table>", 1)[0] for h in ("waiting-for-an-answer", "coming-up", "open-referrals")}
    company = "&lt;i onmouseover=alert(37)&gt;Co&lt;/i&gt;</a>"
    assert company in tables["waiting-for-an-answer"] and company in tables["coming-up"], said
    assert "<td>&lt;img src=x onerror=alert(38)&gt; | pipe across lines</td>" in tables["open-referrals"]
    timeline = (site / "interviews/timeline/index.html").read_text(encoding="utf-8")
    assert "Wade Waiting</a>, &lt;i onmouseover=alert(37)&gt;Co&lt;/i&gt; (requested)</li>" in timeline
    assert active_html(site) == []


def test_the_build_names_the_note_whose_html_was_removed(built: tuple[Path, str, Path]) -> None:
    _, said, _ = built
    assert "content/interviews/2026-05-01-mallory.md: active HTML removed from the page" in said
    assert "content/companies/vantage-metrics.md: active HTML removed from the page" in said


def test_a_notes_own_block_markers_are_its_text_not_the_generators_html(built: tuple[Path, str, Path]) -> None:
    site, said, _ = built
    # the forged block is read as the note's HTML: cleaned, and the removal named like any other
    assert "content/interviews/2026-05-05-forged.md: active HTML removed from the page" in said
    forged = (site / "interviews/2026-05-05-forged/index.html").read_text(encoding="utf-8")
    assert "FORGED-block" in forged and "alert(29)" not in forged
    marker = (site / "interviews/2026-05-04-marker/index.html").read_text(encoding="utf-8")
    # shown as the text it is (active_html above finds no handler on any element of the site)
    assert 'Notes " tabindex="1" autofocus onfocus="alert(27)"' in marker and ">the report</a>" in marker
    assert active_html(site) == []


def test_html_left_open_above_the_generated_parts_is_named(built: tuple[Path, str, Path]) -> None:
    _, said, _ = built
    assert re.search(r"content/companies/open-tag-co\.md: \d+ generated parts? of this page cannot be shown: HTML in "
                     r"the text above it is left open", said), said


def test_what_notes_say_is_still_shown(built: tuple[Path, str, Path]) -> None:
    site, _, _ = built
    page = (site / "interviews/2026-05-01-mallory/index.html").read_text(encoding="utf-8")
    for text in ("Busy.", "A paragraph with attributes.", "raw link", "hover", "click", "entity"):
        assert text in page, text


def test_titles_site_name_and_meta_values_are_escaped(built: tuple[Path, str, Path]) -> None:
    site, _, _ = built
    page = (site / "interviews/2026-05-01-mallory/index.html").read_text(encoding="utf-8")
    parser = _Active()
    parser.feed(page)
    assert "</title><script>alert('t')</script>" in parser.title
    assert "<b>Me</b></title><script>alert(15)</script>" in parser.title
    assert re.search(r'<meta name="description" content="&#34;&gt;&lt;script&gt;|<meta name="description" content="&quot;&gt;&lt;script&gt;', page)


def test_a_shared_guide_carries_no_active_html_and_no_script_links(built: tuple[Path, str, Path]) -> None:
    _, _, out = built
    assert active_html(out / "site") == []
    texts = every_text(out)
    # a neutralised link is text; never an entity a browser would decode back into a working address
    for name, text in texts.items():
        assert not re.search(r"javascript(?:&#0*58;|&#x0*3a;|&colon;)", text, re.I), name
    assert sorted(p.name for p in out.parent.iterdir()) == ["guide", "guide.zip", "project"]  # nothing half-written


def test_a_notes_fields_choose_no_template_and_its_tags_are_text_in_search(built: tuple[Path, str, Path]) -> None:
    site, _, _ = built
    page = (site / "interviews/2026-05-02-rex/index.html").read_text(encoding="utf-8")
    assert 'http-equiv="refresh"' not in page and "location.replace" not in page and "url=javascript" not in page
    assert "Rex Redirect" in page and 'class="md-content"' in page  # the site's own layout
    index = (site / "search/search_index.json").read_text(encoding="utf-8")
    assert "<img" not in index and "&lt;img src=x onerror=alert(17)&gt;" in index and "plain-tag" in index


def test_obsidian_shapes_put_no_active_html_into_a_page(built: tuple[Path, str, Path]) -> None:
    """Callout types and titles, highlights, Dataview fields and embed labels are text or cleaned, never markup
    that runs; what they say is still there."""
    site, _, _ = built
    page = (site / "interviews/2026-05-03-obsidian/index.html").read_text(encoding="utf-8")
    assert active_html(site) == []
    assert "<mark><em>fine</em></mark>" in page and "SHARED-obsidian-insight" in page
    assert '<div class="admonition tip">' in page and "Tip title" in page and "tip body" in page
    assert 'src="chart.png"' in page or 'src="../chart.png"' in page  # the embed found its image



def test_what_cleaning_takes_from_markdown_inside_a_block_is_found_once_per_text() -> None:
    # the pages that gather answers get them already neutralised (escape.md), so this is the second line: the
    # plugin asks the converted text, not the block around it, what cleaning would take
    from generator.htmlblocks import MarkdownSnippets

    snippets = MarkdownSnippets(["attr_list", "md_in_html"])
    assert snippets.removed("Fine *text*.") is None
    assert snippets.removed("Busy.\n{: onclick=alert(2) }") == "<p> attribute onclick"
    assert snippets.removed("<script>alert(4)</script>") == "<script> element"
    snippets._md.convert = None  # type: ignore[assignment]  # a text asked again is not converted again
    assert snippets.removed("<script>alert(4)</script>") == "<script> element"


def test_contact_and_website_fields_are_text_or_web_links(built: tuple[Path, str, Path]) -> None:
    """The line under a person's or company's name and the private contact box are HTML the generator writes:
    every value escaped, and only a web address (or the email's mailto:) a link."""
    site, _, _ = built
    assert active_html(site) == []
    pages = {name: (site / name / "index.html").read_text(encoding="utf-8")
             for name in ("people/pat-hostile", "people/rtl-profile", "companies/hostile-web", "companies/bracket-web")}
    articles = [page[page.find("<h1"):page.find("</article>")] for page in pages.values()]  # below the edit button
    hrefs = [h for text in articles for h in re.findall(r'<a href="([^"]*)"', text)]
    assert hrefs and [h for h in hrefs if not h.startswith(("../", "#", "mailto:"))] == []  # no address of a field's own
    pat = pages["people/pat-hostile"]
    for shown in ("&lt;b onclick=alert(30)&gt;Lead&lt;/b&gt;", "Profile: javascript:alert(31)</li>",
                  "&lt;script&gt;alert(32)&lt;/script&gt;@x.example</a>", "Phone: &lt;img src=x onerror=alert(33)&gt;</li>"):
        assert shown in pat, shown
    assert "\u202e" in pages["people/rtl-profile"] and 'href="https://ray.example' not in pages["people/rtl-profile"]
    web = pages["companies/hostile-web"]
    assert "&lt;svg onload=alert(34)&gt; · hostile.example/\"&gt;&lt;script&gt;alert(35)&lt;/script&gt;</p>" in web
    assert "&lt;javascript:alert(36)&gt;</p>" in pages["companies/bracket-web"]
