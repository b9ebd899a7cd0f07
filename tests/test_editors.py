"""Notes written in Obsidian (wikilinks, Dataview fields, tags, tasks, templates) build as they are.

The fixture under tests/fixtures/editors/ is shaped like public Obsidian vault templates: a meeting
note from a Templater template, a note made of Dataview inline fields only, person files named as
people are, a Templates folder. It is built with the real `insight build` and the pages are read as
a user reads them.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from generator import body, editors
from generator.load import Source, load_note
from tests.conftest import ROOT, make_project, run_insight
from tests.support.links import broken_html_links, json_asset_urls, target

FIXTURE = ROOT / "tests" / "fixtures" / "editors"
TODAY = "2026-12-04"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("editors")
    make_project(root, FIXTURE / "content")
    shutil.copy(FIXTURE / "mkdocs.yml", root / "mkdocs.yml")
    return root


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    run_insight("build", "--today", TODAY, cwd=project)
    return project / "site"


def text_of(page: Path) -> str:
    """The article's text as a reader sees it: tags dropped, entities decoded, spacing collapsed."""
    html = page.read_text(encoding="utf-8")
    article = html[html.index("<article"): html.index("</article>")]
    flat = " ".join(unescape(re.sub(r"<[^>]+>", " ", article)).split())
    return re.sub(r"\s+([,:.;)])", r"\1", flat)


def section(text: str, start: str, end: str) -> str:
    return text[text.index(start): text.index(end, text.index(start))]


def test_check_finds_no_errors_and_says_once_per_template(project: Path) -> None:
    result = run_insight("check", "--today", TODAY, cwd=project, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " error" not in result.stdout
    skipped = [line for line in result.stdout.splitlines() if "skipped as a template" in line]
    assert sorted(line.split(":")[0] for line in skipped) == [
        "content/Templates/Interview.md", "content/interviews/Person meeting template.md"]
    assert "0 errors, 0 warnings" in result.stderr


def test_no_page_shows_wikilink_brackets_outside_code(site: Path) -> None:
    pages = list(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        prose = re.sub(r"<pre.*?</pre>|<code.*?</code>|<script.*?</script>", "", html, flags=re.S)
        assert "[[" not in prose and "]]" not in prose.replace("]]>", ""), page


def test_entities_have_clean_names_and_link_where_the_name_is_known(site: Path) -> None:
    companies = sorted(p.name for p in (site / "companies").iterdir() if p.is_dir())
    assert "Acme Analytics" in companies and not any("[" in c or "|" in c for c in companies)
    assert not (site / "companies" / "acme").exists()  # "[[Acme Analytics|Acme]]" names Acme Analytics
    note = site / "interviews" / "Meetings" / "2026-06-09 Roman Petrov" / "index.html"
    html = note.read_text(encoding="utf-8")
    # a body wikilink to a known name is a link to its page; an unknown one is its text
    assert re.search(r'<a href="../../../companies/Acme%20Analytics/">Acme Analytics</a> favours simple ones', html)
    assert re.search(r'<a href="../../../people/evelyn-chen/">Evelyn</a> how she knows', html)
    text = text_of(note)
    assert "He mentioned Priya Raman at Globex" in text
    assert "see Reading Group for later" in text


def test_person_title_is_the_job_title_not_the_heading(site: Path) -> None:
    page = site / "people" / "Roman Petrov" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert re.search(r"<h1[^>]*>Roman Petrov", html)
    assert "<title>Roman Petrov" in html
    text = text_of(page)
    assert "Senior Data Scientist at Acme Analytics" in text
    assert "location: Berlin" in text  # a field the schema does not know, kept and shown


def test_a_person_file_in_a_subfolder_is_that_persons(site: Path) -> None:
    # content/people/Colleagues/Ines Duarte.md: the file is hers, wherever the vault sorts it
    page = site / "people" / "Colleagues" / "Ines Duarte" / "index.html"
    text = text_of(page)
    assert re.search(r"<h1[^>]*>Ines Duarte", page.read_text(encoding="utf-8"))
    assert "Analytics Engineer at Globex Corporation" in text
    assert "Prefers a short agenda sent the day before" in text
    assert not (site / "people" / "ines-duarte").exists()  # the conversation naming [[Ines Duarte]] found her file
    note = (site / "interviews" / "2026-12-10 Ines Duarte" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="../../people/Colleagues/Ines(%20| )Duarte/">Ines Duarte</a>', note)
    people = text_of(site / "people" / "index.html")
    assert people.count("Ines Duarte") == 1


def test_every_link_on_the_vaults_site_opens_a_page(site: Path) -> None:
    assert broken_html_links(site) == []
    for asset, urls in json_asset_urls(site).items():
        assert urls, asset
        missing = [u for u in urls if target(site, "", u) is None]
        assert missing == [], asset


def test_synonym_headings_feed_the_company_page(site: Path) -> None:
    text = text_of(site / "companies" / "Acme Analytics" / "index.html")
    insights = section(text, "Insights", "Advice")
    assert "Most of the job is data plumbing and checking" in insights  # under "## Key Takeaways"
    assert "Learn SQL window functions" in section(text, "Advice", "Questions")  # under "## Tips"
    assert "How did you get into forecasting?" in text  # a question under "## 📝 Agenda"
    assert "Career path" not in text  # an agenda item that asks nothing is no question


def test_times_are_shown_with_the_date(site: Path) -> None:
    assert "Date: 2026-06-09 14:30 (done)" in text_of(site / "interviews" / "Meetings" / "2026-06-09 Roman Petrov" / "index.html")
    assert "Date: 2026-07-02 09:15 (done, video)" in text_of(site / "interviews" / "2026-07-02 Dana Li" / "index.html")
    assert "Date: 2026-12-10 16:00 (scheduled, video)" in text_of(site / "interviews" / "2026-12-10 Ines Duarte" / "index.html")


def test_dataview_fields_make_a_note(site: Path) -> None:
    text = text_of(site / "interviews" / "2026-07-02 Dana Li" / "index.html")
    assert "Company: Globex Corporation" in text
    assert "Introduced by: Roman Petrov" in text
    # the fields in the body, as Dataview's reading view shows them: a line each, the key in bold
    html = (site / "interviews" / "2026-07-02 Dana Li" / "index.html").read_text(encoding="utf-8")
    assert "<strong>role</strong>: ML Platform Lead<br" in html and "::" not in text
    assert "over video <strong>format</strong>: video about" in html
    people = text_of(site / "people" / "Dana Li" / "index.html")
    assert "ML Platform Lead at Globex Corporation" in people
    assert "dana.li@example.com" in people


def test_unknown_fields_show_on_the_note(site: Path) -> None:
    text = text_of(site / "interviews" / "Meetings" / "2026-06-09 Roman Petrov" / "index.html")
    assert "type: meeting" in text
    assert "attendees: Roman Petrov, Evelyn Chen" in text
    assert "project:" not in text and "related:" not in text  # left empty by the template: absent


def test_tags_page_gathers_frontmatter_and_body_tags(site: Path) -> None:
    text = text_of(site / "tags" / "index.html")
    assert "#forecasting 2026-06-09: Roman Petrov, Acme Analytics" in text  # from the body's text
    assert "#networking 2026-06-09: Roman Petrov" in text  # from `tags: "#networking #data-science"`
    assert "#mentor Roman Petrov (person)" in text
    assert "#not-a-tag" not in text  # inside a code block
    assert "#globex" in text and "#(" not in text  # `tags:` list with an empty item left by the template


def test_each_tag_lists_as_many_notes_and_people_as_its_count_says(site: Path) -> None:
    import re

    html = (site / "tags" / "index.html").read_text(encoding="utf-8")
    article = html[html.index("<article"): html.index("</article>")]
    counts = dict(re.findall(r'<a href="#(tag-[^"]+)">#[^<]*</a> \((\d+)\)', article))
    sections = dict(re.findall(r'<h2 id="(tag-[^"]+)".*?</h2>\s*<ul>(.*?)</ul>', article, re.S))
    assert counts and counts.keys() == sections.keys()
    for anchor, items in sections.items():
        assert items.count("<li>") == int(counts[anchor]), anchor


def test_followups_list_open_actions_and_leave_history_out(site: Path) -> None:
    text = text_of(site / "follow-ups" / "index.html")
    actions = section(text, "Open actions", "older conversation")
    assert "Build one small pipeline end to end" in actions
    assert "Read the internal platform post Dana sent" in actions
    # the 2026-06-09 and 2025-11-20 notes are more than 60 days old with no follow-up field: history, whose
    # reminders and undated tasks are left out; a task with a due day is listed however old its note
    assert "2026-06-20, overdue Share the churn project write-up with Roman" in actions
    assert "how she knows the Globex team" not in text and "Ask about the analytics practice" not in text
    assert "Marta Kowalska" not in text
    assert "2 older conversations raise no reminder here" in text


def test_the_overdue_count_is_the_overdue_rows_and_actions(site: Path) -> None:
    """The header's figure, worked out from the page's own rows: the Overdue table and the overdue actions."""
    html = (site / "follow-ups" / "index.html").read_text(encoding="utf-8")
    stated = int(re.search(r"<strong>(\d+) overdue</strong>", html).group(1))
    overdue_table = html[html.index('id="overdue"'):].split("</table>", 1)[0] if 'id="overdue"' in html else ""
    rows = overdue_table.count("<tr>") - 1 if overdue_table else 0
    actions = html[html.index('id="open-actions"'):].split("</table>", 1)[0]
    late = len(re.findall(r"<strong>\d{4}-\d{2}-\d{2}, overdue</strong>", actions))
    assert (rows, late) == (1, 1) and stated == rows + late
    home = (site / "index.html").read_text(encoding="utf-8")
    assert f"<strong>{stated} overdue</strong>" in home


def test_templates_are_not_published(site: Path) -> None:
    assert not (site / "Templates").exists()
    assert not (site / "interviews" / "Person meeting template").exists()


# --- the rules, one by one ---------------------------------------------------------------------


def note(text: str, uri: str = "interviews/x.md") -> tuple:
    return load_note(Source(f"content/{uri}", uri, text.encode()))


@pytest.mark.parametrize("written, name", [
    ("[[Acme Analytics]]", "Acme Analytics"), ("[[Acme Analytics|Acme]]", "Acme Analytics"),
    ("[[Acme Analytics#History]]", "Acme Analytics"), ("[[Companies/Acme Analytics|ACME]]", "Acme Analytics"),
    ("Acme", "Acme"),
])
def test_a_wikilink_names_its_target(written: str, name: str) -> None:
    n, diags = note(f'---\ndate: 2026-06-09\nperson: Ana Lima\ncompany: "{written}"\n---\n')
    assert not [d for d in diags if d.is_error]
    assert n.meta["company"] == name


@pytest.mark.parametrize("written", ["[[Eve <img src=x onerror=alert(1)>]]", "[[Eve|<b>Eve</b>]]", "[[Nobody <i>x]]"])
def test_a_wikilinks_label_is_text_whatever_it_holds(written: str) -> None:
    """Linked or not, what a wikilink shows is a name: Python-Markdown gives it back as the characters written."""
    import markdown  # noqa: PLC0415 - only this test converts

    names = {editors.link_key("Eve <img src=x onerror=alert(1)>"): "people/eve.md", editors.link_key("Eve"): "people/eve.md"}
    html = markdown.markdown(editors.wikilinks_to_markdown(f"Ask {written} first", names, "interviews/a.md"))
    assert "<img" not in html and "<b>" not in html and "<i>" not in html
    assert ("&lt;" in html) and "[[" not in html
    assert ('href="../people/eve.md"' in html) == (not written.startswith("[[Nobody"))


def test_unquoted_wikilinks_in_yaml_are_names_too() -> None:
    n, _ = note("---\ndate: 2026-06-09\nperson: [[Ana Lima]]\nindustry: [[Data Science]]\n"
                "people: [\"[[Bo Chen]]\", \"[[Cy Diaz|Cy]]\"]\n---\n")
    assert n.meta["person"]["name"] == "Ana Lima"
    assert n.meta["industry"] == ["Data Science"]
    assert n.meta["people"] == ["Bo Chen", "Cy Diaz"]


@pytest.mark.parametrize("written, day, time", [
    ("2026-06-09 14:30", dt.date(2026, 6, 9), dt.time(14, 30)),
    ("2026-06-09T14:30", dt.date(2026, 6, 9), dt.time(14, 30)),
    ("2026-06-09 14:30:15", dt.date(2026, 6, 9), dt.time(14, 30, 15)),
    ("2026-06-09T14:30:00Z", dt.date(2026, 6, 9), dt.time(14, 30, tzinfo=dt.timezone.utc)),
    ("2026-06-09T14:30+02:00", dt.date(2026, 6, 9), dt.time(14, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))),
    ("2026-06-09", dt.date(2026, 6, 9), None),
    ("2026-06-09 2:30 PM", dt.date(2026, 6, 9), dt.time(14, 30)),  # as Notion and US templates write it
    ("2026-06-09 9am", dt.date(2026, 6, 9), dt.time(9, 0)),
])
def test_dates_keep_their_time(written: str, day: dt.date, time: dt.time | None) -> None:
    n, diags = note(f"---\ndate: {written}\nperson: Ana Lima\n---\n")
    assert not [d for d in diags if d.is_error], diags
    assert n.meta["date"] == day
    assert n.meta.get("time") == time


@pytest.mark.parametrize("written, time", [("14:30", dt.time(14, 30)), ("'14:30'", dt.time(14, 30)),
                                           ("09:05:30", dt.time(9, 5, 30)), ("2:30 PM", dt.time(14, 30)),
                                           ("00:20", dt.time(0, 20)), ("9am", dt.time(9, 0))])
def test_a_time_field_is_a_time_not_a_sexagesimal_number(written: str, time: dt.time) -> None:
    n, diags = note(f"---\ndate: 2026-06-09\ntime: {written}\nperson: Ana Lima\n---\n")
    assert not [d for d in diags if d.is_error], diags
    assert n.meta["time"] == time


def test_a_bad_time_names_its_line() -> None:
    _, diags = note("---\ndate: 2026-06-09\nperson: Ana Lima\ntime: 25:99\n---\n")
    assert [d.format() for d in diags if d.is_error] == [
        'content/interviews/x.md:4:7: time: expected a time of day, got "25:99"\n    hint: write the time as HH:MM, e.g. 14:30']


def test_inline_fields_fill_what_the_frontmatter_lacks_and_name_their_line() -> None:
    n, diags = note("---\ndate: 2026-06-09\nperson: Ana Lima\ncompany: Globex\n---\n# Talk\n\ncompany:: Initech\n"
                    "- role:: Analyst\nWe met [format:: video] and (status:: scheduled).\n"
                    "```\nchannel:: alumni\n```\nchannel:: nowhere\n")
    assert n.meta["company"] == "Globex"  # the frontmatter has it: the inline one does not count
    assert (n.meta["role"], n.meta["format"], n.meta["status"]) == ("Analyst", "video", "scheduled")
    assert [d.format().split("\n")[0] for d in diags] == [
        'content/interviews/x.md:14:1: channel: unknown value "nowhere"']


def test_template_leftovers_count_as_absent() -> None:
    n, diags = note('---\ndate: 2026-06-09\nperson: Ana Lima\ncompany: ""\nrole:\ninsights:\n  -\n  - Real one\n'
                    "tags: []\nreferrals:\n  -\n---\n")
    assert not diags
    assert "company" not in n.meta and "role" not in n.meta and "referrals" not in n.meta
    assert n.meta["insights"] == ["Real one"]


def test_unknown_fields_are_kept_and_only_a_likely_typo_is_warned_about() -> None:
    n, diags = note("---\ndate: 2026-06-09\nperson: Ana Lima\nproject: Launch\ncompnay: Globex\n---\n")
    assert n.ok and n.extra == {"project": "Launch", "compnay": "Globex"}
    assert [(d.field, d.severity) for d in diags] == [("compnay", "warning")]


@pytest.mark.parametrize("heading, section", [
    ("Key Takeaways", "insights"), ("LEARNINGS", "insights"), ("Lessons", "insights"), ("Takeaways:", "insights"),
    ("Agenda", "questions"), ("Questions to ask", "questions"), ("Q&A", "questions"), ("Agenda/Questions", "questions"),
    ("Action Items", "actions"), ("Next steps", "actions"), ("To do", "actions"), ("🔃 Follow-ups & Tasks", "actions"),
    ("Tips", "advice"), ("Recommendations", "advice"), ("Links", "resources"), ("📚 Reading", "resources"),
    ("Notes", None), ("Summary", None),
])
def test_heading_synonyms(heading: str, section: str | None) -> None:
    assert body.section_name(heading) == section


def test_task_items_are_actions_open_or_done() -> None:
    parts = body.parse("## Notes\n- [ ] Send the CV 📅 2026-06-20\n- [x] Thank Ana\n\n## Next Steps\n- Read the post\n"
                       "```\n- [ ] not a task\n```\n", 10)
    assert [(a.text, a.done, a.line, a.due) for a in parts.actions] == [
        ("Send the CV", False, 11, dt.date(2026, 6, 20)), ("Thank Ana", True, 12, None), ("Read the post", False, 15, None)]


def test_body_tags_ignore_code_links_headings_and_numbers() -> None:
    text = ("# Title\nOn #career and #job/search; not in `#code`, [link](https://x.org/#frag) or &#39;.\n"
            "Issue #42 is no tag. ## Heading\n```\n#nope\n```\n#Career again\n")
    assert editors.body_tags(text) == ["career", "job/search", "Career"]


@pytest.mark.parametrize("written, tags", [("#a #b", ["a", "b"]), ("a, b", ["a", "b"]), ("single", ["single"]),
                                           ("#one", ["one"])])
def test_tags_as_a_string(written: str, tags: list[str]) -> None:
    assert editors.split_tags(written) == tags


def test_templates_are_recognised() -> None:
    assert editors.template_reason("interviews/Templates/x.md", "---\ndate: 2026-01-01\n---\n")
    assert editors.template_reason("interviews/x.md", "---\ndate: {{date}}\n---\n")
    assert editors.template_reason("interviews/x.md", "# <% tp.file.title %>\n")
    assert editors.template_reason("interviews/x.md", "Use `{{date}}` in a template.\n") is None  # in code: an example


def test_the_benchmark_variants_hold_the_same_facts(tmp_path: Path) -> None:
    """tools.bench.editors times the loader on one corpus in two syntaxes: they must read as the same notes."""
    from generator.load import discover, load_all
    from tools.bench.corpus import write_corpus
    from tools.bench.editors import write_variants

    write_corpus(tmp_path / "c", 40, 7)
    write_variants(tmp_path / "c", tmp_path / "plain", tmp_path / "vault")
    plain, plain_diags = load_all(discover(tmp_path / "plain"))
    vault, vault_diags = load_all(discover(tmp_path / "vault"))
    assert not [d for d in plain_diags + vault_diags if d.is_error]
    vault_by_uri = {n.src_uri: n for n in vault}
    for n in plain:
        other = vault_by_uri[n.src_uri]
        strip = lambda meta: {k: v for k, v in meta.items() if k != "tags"}  # noqa: E731 - the body's #tags differ
        assert strip(other.meta) == strip(n.meta), n.src_uri
        if n.kind == "interviews":
            assert other.meta["time"] == n.meta["time"] and {"networking"} <= set(other.meta["tags"])
            assert [a.text for a in other.parts.actions] == ["Send a thank-you note", "Share the write-up"]


def test_an_empty_referral_left_by_a_template_is_absent() -> None:
    n, diags = note("---\ndate: 2026-06-09\nperson: Ana Lima\nreferrals:\n  - name:\n    company:\n  - name: Bo Chen\n---\n")
    assert not diags
    assert [r["name"] for r in n.meta["referrals"]] == ["Bo Chen"]


@pytest.mark.parametrize("written, shown", [
    ("- Uses Looker. %% ask about the budget %%\n", "- Uses Looker.\n"),
    ("Before\n%% a comment\nacross lines %%\nAfter\n", "Before\n\n\nAfter\n"),
    ("Kept\n%% never closed\n\n## Insights\n\n- hidden too\n", "Kept\n\n\n\n\n\n"),
    ("```sql\nWHERE name LIKE '%%x%%'\n```\n", "```sql\nWHERE name LIKE '%%x%%'\n```\n"),  # code is code
    ("%% open\n```\ncode\n```\n%% shown", "\n\n\n\n shown"),  # a fence inside a comment is comment
    ("In SQL `LIKE 'a%%'` trips.\n\n## Private\n\n- `%%` in code\n- secret", "In SQL `LIKE 'a%%'` trips.\n\n## Private\n\n"
     "- `%%` in code\n- secret"),  # %% in inline code is code: it hides nothing
    ("Pri%%x%%vate", "Private"),  # a comment inside a line is cut out
])
def test_obsidian_comments_are_not_shown(written: str, shown: str) -> None:
    assert editors.blank_comments(written) == shown
    assert written.count("\n") == shown.count("\n")  # every line where it was: problems keep their line numbers


def test_a_comment_is_no_insight_and_no_field() -> None:
    n, _ = note("---\ndate: 2026-06-09\nperson: Ana Lima\n---\n## Insights\n\n- Hiring juniors. %% heard second-hand %%\n"
                "%%\ncompany:: Secret Co\n- an idea to check\n%%\n")
    assert n.parts.insights == ["Hiring juniors."] and "company" not in n.meta
    assert "second-hand" not in n.body and "Secret" not in n.body


def test_block_ids_are_not_part_of_what_was_said() -> None:
    n, _ = note("---\ndate: 2026-06-09\nperson: Ana Lima\n---\n## Insights\n\n- Globex moves fast. ^ins1\n\n"
                "## Questions\n\n### How do teams hire? ^q1\n\nFrom internships. ^a1\n\n```\nx ^code\n```\n")
    assert n.parts.insights == ["Globex moves fast."]
    assert [(q.question, q.answer) for q in n.parts.questions] == [("How do teams hire?", "From internships.\n\n```\nx ^code\n```")]


def test_an_embedded_image_shows_and_is_published(site: Path) -> None:
    """![[forecast chart.png|300]] (Obsidian finds the file by its name, here in an attachments folder): the image on
    the note's page, the file in the site, and neither the brackets nor the block id shown."""
    page = site / "interviews" / "Meetings" / "2026-06-09 Roman Petrov" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert '<img alt="forecast chart.png" src="../attachments/forecast%20chart.png"' in html, re.findall(r"<img[^>]*>", html)
    assert (site / "interviews" / "Meetings" / "attachments" / "forecast chart.png").is_file()
    assert "^chart" not in text_of(page) and "[[forecast" not in text_of(page) and "300" not in text_of(page)


def test_callouts_and_highlights_show_as_obsidian_shows_them(site: Path) -> None:
    html = (site / "interviews" / "Meetings" / "2026-06-09 Roman Petrov" / "index.html").read_text(encoding="utf-8")
    # > [!summary] Purpose: an admonition of Material's (summary is its "abstract"), its title, its text inside
    assert re.search(r'<div class="admonition abstract">\s*<p class="admonition-title">Purpose</p>\s*<p>Learn how '
                     r'forecasting work', html), html[html.find("Purpose") - 300: html.find("Purpose") + 200]
    assert "[!summary]" not in text_of(site / "interviews" / "Meetings" / "2026-06-09 Roman Petrov" / "index.html")


@pytest.mark.parametrize("written, shown", [
    ("> [!tip]- Folded\n> inside", '??? tip "Folded"\n\n    inside\n'),
    ("> [!TODO]\n> x", "!!! info\n\n    x\n"),
    ("> [!unknown-type] T\n> x", '!!! note "T"\n\n    x\n'),
    ("a ==marked== b, but a == b", "a <mark>marked</mark> b, but a == b"),
    ("> [!tip] Use `git rebase` often\n> Run `make` first\n> Then this.",  # inline code inside a callout
     '!!! tip "Use `git rebase` often"\n\n    Run `make` first\n    Then this.\n'),
    ("==hi== `==no==`", "<mark>hi</mark> `==no==`"),
    ("```\n> [!note] code\n==x==\n```", "```\n> [!note] code\n==x==\n```"),
])
def test_callout_shapes(written: str, shown: str) -> None:
    assert editors.show_callouts(written) == shown


def test_a_comment_never_closed_is_named_with_its_line() -> None:
    _, diags = note("---\ndate: 2026-06-09\nperson: Ana Lima\n---\nKept.\n\nKnow that x %% y is modulo in R.\n\nMore.\n")
    [d] = [d for d in diags if "comment" in d.message]
    assert (d.line, d.severity) == (7, "warning") and "never closed" in d.message


def test_an_email_draft_quotes_an_insight_as_text_not_markdown(tmp_path: Path) -> None:
    """An insight that begins with a wikilink is a link on the site; in a thank-you email it is the name."""
    from generator import site as core
    from generator.settings import Settings

    (tmp_path / "interviews").mkdir()
    (tmp_path / "interviews/2026-11-26-ana-lima.md").write_text(
        "---\ndate: 2026-11-26\nperson: Ana Lima\ncompany: Acme Analytics\nstatus: done\n---\n"
        "## Insights\n\n- [[Acme Analytics]] hires from internships_first & asks for SQL.\n", encoding="utf-8")
    built = core.build(tmp_path, Settings(today=dt.date(2026, 11, 27)))
    [(item, draft)] = built.derived.drafts["ana-lima"]
    assert "learning that Acme Analytics hires from internships_first & asks for SQL." in draft.text, draft.text


@pytest.mark.parametrize("path", ["interviews/Meetings/2026-06-09%20Roman%20Petrov/", "interviews/2026-07-02%20Dana%20Li/",
                                  "follow-ups/", ""])
def test_obsidian_notes_read_on_a_phone(site: Path, browser, path: str) -> None:  # type: ignore[no-untyped-def]
    """At a phone's width (375 px) the vault's pages (a callout, an embedded image, Dataview fields, the open
    actions) fit the screen: nothing scrolls sideways, the image stays inside the page."""
    from tests.support.browser import serve_dir

    url, server = serve_dir(site)
    context = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        page = context.new_page()
        page.goto(f"{url}/{path}")
        scroll, width, image = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth, Math.max(0, "
                                             "...[...document.querySelectorAll('article img')].map(i => i.getBoundingClientRect().right))]")
        assert scroll <= width and image <= width, (scroll, width, image)
    finally:
        context.close()
        server.shutdown()
