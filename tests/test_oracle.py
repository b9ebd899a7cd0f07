"""Oracle tests: a small corpus written for them (tests/fixtures/oracle/), every expected number and group worked
out by hand below, from the notes, not from the code.

The corpus, on Monday 2026-06-15:

| note | person | company | industry | status | channel | requested | introduced by |
|---|---|---|---|---|---|---|---|
| 05-04 | Ana Lima | Acme | Data Science | done | cold-outreach | 04-27 | |
| 05-11 | Carl Diaz | Globex | Finance | done | mutual-contact | 05-05 | Ana |
| 05-18 | Dana Eng | Initech | Finance | done | alumni | 05-12 | |
| 05-20 | Ivan Joy | Acme | Data Science | declined | mutual-contact | 05-15 | Ana |
| 05-25 | Jo Kim | Globex | Finance | no-reply | event | 05-10 | |
| 06-01 | Gil Hart | Globex | Finance | requested | cold-outreach | 06-01 | |
| 06-12 | Hana Ito | Initech | Data Science | requested | event | 06-12 | |
| 06-15 | Lee Moss | Initech | Finance | scheduled | family-friends | 06-08 | |
| 06-20 | Eve Fox | Acme | Data Science | scheduled | cold-outreach | 06-01 | |

Ana suggested Ben Ortiz (Acme) and Kai Lund (Initech); nobody contacted them. Initech's file puts it in both
industries. Every thank-you was sent.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from generator import site as core
from generator.settings import Settings

CONTENT = Path(__file__).parent / "fixtures" / "oracle" / "content"
TODAY = dt.date(2026, 6, 15)


@pytest.fixture(scope="module")
def site() -> core.Site:
    built = core.build(CONTENT, Settings(today=TODAY))
    assert built.diagnostics == []
    return built


def section(page: str, heading: str) -> str:
    return page.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0].strip()


def plain(markdown: str) -> str:
    """Links as their text; pre-rendered HTML as the text it shows, a list item as ``- item``, a table row as
    ``| cell | cell |`` (bold in it as ``**bold**``), as Markdown would have them."""
    lines, depth = [], 0
    for line in markdown.split("\n"):
        depth += line.count("<ul>") - line.count("</ul>")
        if line.startswith("<!--") or re.fullmatch(r"\s*(?:<[^>]+>\s*)+", line):
            continue  # a line of tags only (<ul>, </div>) or a block's marker
        if line.startswith("<tr>"):
            line = "| " + " | ".join(re.findall(r"<t[dh]>(.*?)</t[dh]>", re.sub(r"</?strong>", "**", line))) + " |"
        lines.append(re.sub(r"<[^>]+>", "", re.sub(r"^<li>", "    " * max(depth - 1, 0) + "- ", line)))
    return re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", "\n".join(lines))


def test_one_contact_status_per_person_on_every_page(site: core.Site) -> None:
    # the furthest each got: a held conversation, then scheduled, requested, declined, no reply, nothing
    want = {"ana-lima": "held 2026-05-04", "carl-diaz": "held 2026-05-11", "dana-eng": "held 2026-05-18",
            "eve-fox": "scheduled for 2026-06-20", "lee-moss": "scheduled for 2026-06-15",
            "gil-hart": "requested 2026-06-01", "hana-ito": "requested 2026-06-12", "ivan-joy": "declined",
            "jo-kim": "no reply", "ben-ortiz": "not contacted", "kai-lund": "not contacted"}
    for slug, label in want.items():
        assert f"<p>Contact: {label}</p>" in site.pages[f"people/{slug}.md"], slug
    people = plain(section(site.pages["companies/acme.md"], "People"))
    assert people.splitlines() == ["- Ana Lima, Data Scientist (held 2026-05-04)", "- Ben Ortiz, Platform Lead (not contacted)",
                                   "- Eve Fox, Analytics Engineer (scheduled for 2026-06-20)", "- Ivan Joy (declined)"]
    # Ana's note lists whom she suggested, with the same words
    rows = [[re.sub(r"<[^>]+>", "", cell) for cell in re.findall(r"<td>(.*?)</td>", row)]
            for row in re.findall(r"<tr>(.*?)</tr>", site.footers["interviews/2026-05-04-ana-lima.md"], re.S)]
    assert ["Ben Ortiz", "Acme", "runs the data platform", "not contacted"] in rows
    assert not [uri for uri, page in site.pages.items() if "not contacted yet" in page and "people/" in uri]


def test_warm_paths_run_only_through_people_who_helped(site: core.Site) -> None:
    paths = {k: v for k, v in site.derived.network.paths.items() if k != "me"}
    # first hops: Ana and Dana, held and reached directly; Eve, Gil, Hana and Lee were reached cold and have not
    # helped yet, so they are reached only through a colleague who has; Ivan declined and Jo never replied
    assert paths == {
        "person:ana-lima": ["me", "person:ana-lima"],
        "person:dana-eng": ["me", "person:dana-eng"],
        "person:carl-diaz": ["me", "person:ana-lima", "person:carl-diaz"],  # introduced by Ana
        "person:ben-ortiz": ["me", "person:ana-lima", "person:ben-ortiz"],  # suggested by Ana
        "person:kai-lund": ["me", "person:ana-lima", "person:kai-lund"],
        "company:acme": ["me", "person:ana-lima", "company:acme"],
        "company:initech": ["me", "person:dana-eng", "company:initech"],
        "company:globex": ["me", "person:ana-lima", "person:carl-diaz", "company:globex"],
        "person:eve-fox": ["me", "person:ana-lima", "company:acme", "person:eve-fox"],  # Ana's colleague
        "person:gil-hart": ["me", "person:ana-lima", "person:carl-diaz", "company:globex", "person:gil-hart"],
        "person:hana-ito": ["me", "person:dana-eng", "company:initech", "person:hana-ito"],
        "person:lee-moss": ["me", "person:dana-eng", "company:initech", "person:lee-moss"],
    }
    network = plain(site.pages["network/index.md"])
    # every path, then those who declined or never replied: more rows than the network page shows, so on a page of their own
    rows = [line for line in plain(site.pages["network/paths/index.md"]).splitlines() if "(you) → " in line or ": never" in line]
    assert len(rows) == len(paths) + 2
    assert rows[-2:] == ["| Ivan Joy |  | Declined: never part of a path |", "| Jo Kim |  | No reply: never part of a path |"]
    assert "The first 10 of 14 people and companies." in network
    # Ana introduced Carl and Ivan, but Ivan declined: one introduction; she suggested Ben and Kai: two referrals
    assert "| Ana Lima | 1 | 2 |" in network
    assert "Warm path: Me (you) → Ana Lima → Acme → Eve Fox" in plain(site.pages["people/eve-fox.md"])


def test_dates_mean_what_they_say(site: core.Site) -> None:
    home = plain(site.pages["index.md"])
    coming = section(home, "Coming up")
    # today or later: Lee today, Eve on the 20th; not Gil's or Hana's requests, dated in the past
    assert [line.split(" | ")[1] for line in coming.splitlines() if line.startswith("| 2026")] == ["Lee Moss", "Eve Fox"]
    waiting = section(home, "Waiting for an answer")
    rows = [line for line in waiting.splitlines() if line.startswith("| waiting")]
    # Gil asked Monday 06-01: 7 business days later is Wednesday 06-10, so the follow-up is overdue since then.
    # Hana asked Friday 06-12: the follow-up starts 7 business days later, Tuesday 06-23.
    assert rows == ["| waiting since 2026-06-01 | Gil Hart | Globex | **overdue since 2026-06-10**: draft |",
                    "| waiting since 2026-06-12 | Hana Ito | Initech | from 2026-06-23 |"]
    # overdue: Ben's and Kai's referrals (suggested 05-04, + 14 days = 05-18) and Gil's follow-up; due: Lee's
    # conversation today; coming up: Eve's conversation (06-20) and Hana's follow-up (06-23)
    assert "**3 overdue**, 1 due now, 2 coming up" in home
    # held: Ana (Acme, Data Science), Carl (Globex, Finance), Dana (Initech, Finance); named: those nine and the
    # two Ana suggested
    assert ("3 conversations held with 3 people at 3 companies, in 2 industries. "
            "Your notes name 11 people and 3 companies in all.") in home


def test_industry_pages_count_only_their_own_conversations(site: core.Site) -> None:
    ds = plain(site.pages["industries/data-science.md"])
    # Data Science: Ana, Eve, Ivan (Acme) and Hana (Initech); held: Ana's alone
    assert "A guide to Data Science from 1 conversation held with 1 person at 1 company." in ds
    # Initech has Dana and Lee too, but in Finance
    assert section(ds, "Companies").splitlines() == ["- Acme (3 conversations in Data Science)",
                                                      "- Initech (1 conversation in Data Science)"]
    fin = plain(site.pages["industries/finance.md"])
    assert "A guide to Finance from 2 conversations held with 2 people at 2 companies." in fin  # Carl, Dana
    assert section(fin, "Companies").splitlines() == ["- Globex (3 conversations in Finance)",
                                                       "- Initech (2 conversations in Finance)"]


def test_what_several_people_said_is_merged(site: core.Site) -> None:
    said = {(g.wording.text, g.people, tuple(s.interview.person for s in g.items)) for g in site.derived.said}
    # SQL from Ana, Carl and Dana; cleaning from Ana and Carl; Dana's "do not list every tool" stands alone
    assert ("Learn SQL properly before anything else.", 3, ("ana-lima", "carl-diaz", "dana-eng")) in said
    assert {(w, n) for w, n, _ in said if n == 2} == {("Most of the job is cleaning data, not modelling.", 2)}
    assert ("Do not list every tool you have ever touched on your CV.", 1, ("dana-eng",)) in said
    assert len(said) == 3
    fin = plain(section(site.pages["industries/finance.md"], "Advice"))
    assert fin.splitlines()[0].endswith("(said by 2 people: Carl Diaz, Dana Eng)")  # in Finance: Carl and Dana


def test_prep_sheet_plans_questions_and_names_others_at_the_company(site: core.Site) -> None:
    prep = plain(site.pages["prep/2026-06-20-eve-fox.md"])
    assert "- When: 2026-06-20 14:30 (scheduled)" in prep.splitlines()  # time: 14:30, not the number 870
    questions = section(prep, "Questions to ask")
    # the two planned in Eve's note first; then from the bank, questions asked of others that fit: Carl is an
    # Analytics Engineer like Eve (success, asked once, Finance), Ana is in Data Science (skills; her typical-day
    # question is the one Eve planned already); Dana's (Finance, Quant Analyst) fits neither
    assert questions.splitlines()[:6] == [
        "Planned in your note:",
        "- What does a typical day look like?",
        "- How did you get into analytics engineering?",
        "Asked of others in this role or industry, not of Eve Fox yet:",
        "- How is success or good performance measured in your role? (asked once of people in this role)",
        "- Which skills matter most for doing this job well? (asked once in Data Science)"]
    # at Acme: Ben, suggested by Ana and not contacted; Ivan declined and is not offered
    assert ("Also at Acme, suggested to you:\n- Ben Ortiz: suggested by Ana Lima (runs the data platform); "
            "not contacted") in prep
    assert "Ivan" not in prep


def test_calendar_has_a_timed_event_where_the_note_gives_a_time() -> None:
    ics = core.build(CONTENT, Settings(today=TODAY, timezone="Europe/London")).assets["follow-ups/follow-ups.ics"]
    text = ics.decode()
    eve = text[text.index("SUMMARY:Conversation with Eve Fox"):].split("END:VEVENT")[0]
    # 14:30 in London for an hour
    assert "DTSTART;TZID=Europe/London:20260620T143000" in eve and "DTEND;TZID=Europe/London:20260620T153000" in eve
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/London" in text
    lee = text[text.index("SUMMARY:Conversation with Lee Moss"):].split("END:VEVENT")[0]
    assert "DTSTART;VALUE=DATE:20260615" in lee  # no time in Lee's note: all day
    from icalendar import Calendar
    assert len([e for e in Calendar.from_ical(ics).walk("VEVENT")]) == 6  # one per due item


def test_a_people_files_title_is_a_job_title(site: core.Site) -> None:
    page = site.pages["people/ben-ortiz.md"]
    assert plain(page).startswith("# Ben Ortiz\n\nPlatform Lead at Acme · Data Science\n")
    shown = core.as_shown(site, "people/ben-ortiz.md", "Met him briefly at the Acme open day.\n", "Platform Lead")
    assert shown.startswith("# Ben Ortiz\n")


def test_pipeline_columns_rates_and_waits(site: core.Site) -> None:
    page = site.pages["pipeline/index.md"]
    # by status: nobody at prospect; Gil and Hana requested; Eve and Lee scheduled; Ana, Carl, Dana held;
    # Ivan declined; Jo never replied
    heads = re.findall(r"<h3[^>]*>([^<]+)</h3>", page)
    assert heads == ["Not contacted (0)", "Requested (2)", "Scheduled (2)", "Held (3)", "Declined (1)", "No reply (1)"]
    rows = [line for line in section(page, "Response rate by channel").splitlines() if line.startswith("| ")][1:]
    # cold outreach: Ana held, Eve scheduled (answered), Gil waiting; mutual contact: Carl held, Ivan declined
    # (an answer too); alumni: Dana; event: Jo never replied, Hana waiting; family and friends: Lee
    assert rows == ["| cold outreach | 2 | 0 | 1 | 100% |", "| event | 0 | 1 | 1 | 0% |",
                    "| mutual contact | 2 | 0 | 0 | 100% |", "| alumni | 1 | 0 | 0 | 100% |",
                    "| family friends | 1 | 0 | 0 | 100% |"]
    # request to conversation: Carl 05-05 to 05-11, 6 days; Dana 05-12 to 05-18, 6; Ana 04-27 to 05-04, 7;
    # Lee 06-08 to 06-15, 7; Eve 06-01 to 06-20, 19: median 7; two under a week, two of 1 to 2 weeks, one of 2 to 4
    waits = section(page, "Time from request to conversation")
    assert "for the 5 conversations held or scheduled that record both" in waits and "Median: 7 days." in waits
    assert re.findall(r">(\d) of 5<", waits) == ["2", "2", "1", "0"]
    assert "[Pipeline](pipeline/index.md)" in site.pages["index.md"]


def test_pipeline_reads_on_a_phone_without_sideways_scrolling(demo_url: str, browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(f"{demo_url}/pipeline/")
        page.wait_for_selector(".insight-board")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert page.eval_on_selector_all("svg[role=img]", "s => s.map(x => x.getBoundingClientRect().right)")
        assert all(r <= 390 for r in page.eval_on_selector_all("svg[role=img]", "s => s.map(x => x.getBoundingClientRect().right)"))
        assert page.evaluate("document.querySelectorAll('script[src*=pipeline]').length") == 0
    finally:
        context.close()


def test_question_pages_show_what_several_people_said(site: core.Site) -> None:
    index = plain(section(site.pages["questions/index.md"], "What several people told you"))
    # SQL: Ana, Carl and Dana; cleaning: Ana and Carl. Dana's "do not list every tool" was said once: not here
    lines = [line for line in index.splitlines() if line.startswith("- ")]
    assert lines == ["- Learn SQL properly before anything else. (said by 3 people: Ana Lima, Carl Diaz, Dana Eng)",
                     "- Most of the job is cleaning data, not modelling. (said by 2 people: Ana Lima, Carl Diaz)"]
    finance = plain(section(site.pages["questions/finance/index.md"], "What several people told you in Finance"))
    # two wordings, each as close to the other: the shorter one is shown
    assert [line for line in finance.splitlines() if line.startswith("- ")] == [
        "- Strong SQL matters more than anything else here. (said by 2 people: Carl Diaz, Dana Eng)"]
    assert "What several people told you" not in site.pages["questions/data-science/index.md"]  # Ana alone there
