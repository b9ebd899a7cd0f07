"""The lifecycle on the real demo site: follow-ups page, prep sheets, drafts, dashboard and calendar file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from icalendar import Calendar

from conftest import DEMO_TODAY, make_project, run_insight


def events(path: Path) -> list:
    cal = Calendar.from_ical(path.read_bytes())
    return [c for c in cal.walk() if c.name == "VEVENT"]


def demo_items(demo_site: Path) -> list[dict]:
    out = run_insight("followups", "--json", "--today", DEMO_TODAY, cwd=demo_site.parent)
    return json.loads(out.stdout)["items"]


def test_follow_ups_page_lists_what_is_due_with_links(demo_site: Path) -> None:
    html = (demo_site / "follow-ups" / "index.html").read_text(encoding="utf-8")
    assert "<strong>13 overdue</strong>, 0 due now and 4 coming up" in html
    assert html.index(">Overdue<") < html.index(">Coming up<")
    assert "Send a thank-you to Ingrid Larsen" in html and "Follow up politely with Nadia Karimi" in html
    assert 'href="../people/ingrid-larsen/#email-drafts"' in html
    assert 'href="../prep/2026-12-03-tomas-herrera/"' in html
    assert 'href="follow-ups.ics"' in html
    # the reminders are a table the reader can sort, and search finds them, each cell a word apart
    assert '<div class="insight-sortable">\n<table>' in html.split('id="overdue"', 1)[1].split('id="coming-up"')[0]
    index = json.loads((demo_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    overdue = next(d["text"] for d in index if d["location"] == "follow-ups/#overdue")
    assert overdue.startswith("Due What Note Email ") and "Contact Sam Whitaker (suggested by Adam Novak) note draft" in overdue
    # Olivia was followed up once: she waits, she is not due again; Marcus (no-reply) and Hannah (declined) never show
    due, waits = html.split('id="waiting-for-an-answer"')
    assert "Olivia Grant" in waits and "Olivia Grant" not in due
    assert "Marcus Bell" not in html and "Hannah Weiss" in html  # Hannah only as the one who suggested Ravi
    assert "Contact Ravi Iyer (suggested by Hannah Weiss)" in html


def test_calendar_file_parses_and_has_one_event_per_due_item(demo_site: Path) -> None:
    items = demo_items(demo_site)
    evs = events(demo_site / "follow-ups" / "follow-ups.ics")
    assert len(evs) == len(items) == 17
    assert sorted(str(e["UID"]) for e in evs) == sorted(f"{i['id']}@insight-kb" for i in items)
    thanks = next(e for e in evs if str(e["UID"]) == "thank-you-2026-11-23-ingrid-larsen@insight-kb")
    assert str(thanks["SUMMARY"]) == "Overdue: Send a thank-you to Ingrid Larsen"
    assert thanks["DTSTART"].dt.isoformat() == DEMO_TODAY  # overdue items sit on today, not in the past
    assert thanks["DTSTAMP"].dt.isoformat() == "2026-11-27T00:00:00+00:00"


def test_calendar_uids_stay_the_same_across_two_builds(demo_site: Path, tmp_path: Path) -> None:
    first = {str(e["UID"]): str(e["SUMMARY"]) for e in events(demo_site / "follow-ups" / "follow-ups.ics")}
    project = make_project(tmp_path / "again")
    run_insight("build", "--strict", "--today", "2026-11-30", cwd=project)
    second = {str(e["UID"]): str(e["SUMMARY"]) for e in events(project / "site" / "follow-ups" / "follow-ups.ics")}
    kept = set(first) & set(second)
    assert "conversation-2026-12-03-tomas-herrera@insight-kb" in kept
    assert "thank-you-2026-11-23-ingrid-larsen@insight-kb" in kept
    assert len(kept) >= len(first) - 1  # Roman's keep-in-touch (due 2026-12-01) may only change state, not identity
    # the same notes and the same today give the same bytes
    run_insight("followups", "--today", DEMO_TODAY, "--ics", str(tmp_path / "again.ics"), cwd=project)
    assert (tmp_path / "again.ics").read_bytes() == (demo_site / "follow-ups" / "follow-ups.ics").read_bytes()


def test_prep_sheets_for_requested_and_scheduled_conversations(demo_site: Path) -> None:
    assert sorted(p.name for p in (demo_site / "prep").iterdir()) == [
        "2026-10-30-olivia-grant", "2026-11-13-nadia-karimi", "2026-12-03-tomas-herrera", "2026-12-08-chloe-dubois"]
    html = (demo_site / "prep" / "2026-12-03-tomas-herrera" / "index.html").read_text(encoding="utf-8")
    chain = html.split('id="how-you-are-connected"')[1].split("</p>")[0]
    assert chain.index("Daniel Okafor") < chain.index("Grace Whitfield") < chain.index("Tomás Herrera")
    assert "Public-sector data work is constrained by law" in html  # an earlier note in the same industry
    assert "Which trends are reshaping your industry right now?" in html  # a starter question not asked there
    assert "What does a typical day look like?" not in html  # asked already (Grace Whitfield)
    assert "final-year mathematics student" in html  # me.pitch
    assert html.count('<li class="task-list-item') == 6
    assert 'href="mailto:g.whitfield@riverton.example.org?subject=Thank%20you%20for%20the%20introduction' in html
    assert "words · " in html
    requested = (demo_site / "prep" / "2026-11-13-nadia-karimi" / "index.html").read_text(encoding="utf-8")
    assert "Siobhan O’Brien suggested I get in touch" in requested or "Siobhan O'Brien suggested I get in touch" in requested
    assert "20 to 30 minutes" in requested and "not for a job" in requested


def test_person_pages_show_the_draft_that_is_due(demo_site: Path) -> None:
    html = (demo_site / "people" / "adam-novak" / "index.html").read_text(encoding="utf-8")
    drafts = html.split('id="email-drafts"')[1]
    assert "Got a documentation fix and a small bug fix merged" in drafts
    assert 'href="mailto:adam.novak@globex.example.com?subject=What%20came%20of%20your%20advice&amp;body=Dear%20Adam' in drafts
    assert "Overdue" in drafts
    calm = (demo_site / "people" / "anika-sorensen" / "index.html").read_text(encoding="utf-8")
    assert "email-drafts" not in calm


def test_dashboard_counts_and_nav(demo_site: Path) -> None:
    html = (demo_site / "index.html").read_text(encoding="utf-8")
    assert "<strong>13 overdue</strong>, 0 due now, 4 coming up" in html
    assert 'href="prep/2026-12-08-chloe-dubois/"' in html
    tabs = html.split('class="md-tabs"')[1].split("</nav>")[0]
    assert 'href="follow-ups/" class="md-tabs__link"' in tabs and "prep/" not in tabs
    note = (demo_site / "interviews" / "2026-12-08-chloe-dubois" / "index.html").read_text(encoding="utf-8")
    assert 'href="../../prep/2026-12-08-chloe-dubois/"' in note


def test_a_users_email_template_wins_and_is_not_published(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    (project / "overrides" / "emails").mkdir(parents=True)
    (project / "overrides" / "emails" / "thank-you.txt.j2").write_text(
        "Subject: Cheers, {{ person.first_name }}\n\nThank you, {{ person.name }}. <script>x</script>\n", encoding="utf-8")
    run_insight("build", "--strict", "--today", DEMO_TODAY, cwd=project)
    html = (project / "site" / "people" / "ingrid-larsen" / "index.html").read_text(encoding="utf-8")
    assert "Subject: Cheers, Ingrid" in html and "&lt;script&gt;x&lt;/script&gt;" in html and "<script>x" not in html
    assert not list((project / "site").rglob("*.j2"))
    shutil.rmtree(project / "site")


def test_unknown_followups_setting_fails_with_a_clear_message(tmp_path: Path) -> None:
    yml = (Path(__file__).parent.parent / "mkdocs.yml").read_text(encoding="utf-8")
    yml = yml.replace("  - insight:\n", "  - insight:\n      followups: {request_days: 5}\n")
    project = make_project(tmp_path, mkdocs_yml=yml)
    out = run_insight("build", "--today", DEMO_TODAY, cwd=project, check=False)
    assert out.returncode != 0
    assert "option 'followups': unknown key `request_days`; did you mean `request_business_days`?" in out.stderr


def test_the_calendar_is_written_as_icalendar_writes_it_long_and_non_ascii_lines_folded() -> None:
    from icalendar import Event

    from generator.lifecycle.calendar import ical_bytes

    cal = Calendar()
    cal.add("prodid", "-//Insight KB//Follow-ups//EN")
    for summary in ("Short", "x" * 66, "x" * 67, "x" * 68, "Send a thank-you to José Núñez Ñandú " * 4, "\\;,\n" * 30, "日本語の説明" * 9):
        event = Event()
        event.add("uid", f"{len(summary)}@insight-kb")
        event.add("summary", summary)
        event.add("description", summary + "^" * 80)
        cal.add_component(event)
    ours = ical_bytes(cal)
    assert ours == cal.to_ical()
    assert any(len(line) > 75 for line in cal.content_lines())  # some lines needed folding
    assert max(len(line) for line in ours.split(b"\r\n")) <= 75


def test_an_overdue_action_alone_is_not_called_nothing_due(tmp_path: Path) -> None:
    note = ("---\ndate: 2026-11-20\nperson: Mei Tanaka\nstatus: done\nthank_you_sent: 2026-11-20\nfollow_up_on: 2027-03-01\n---\n"
            "## Next Steps\n\n- [ ] Send my CV to Mei 📅 2026-11-25\n")
    (tmp_path / "content/interviews").mkdir(parents=True)
    (tmp_path / "content/interviews/2026-11-20-mei-tanaka.md").write_text(note, encoding="utf-8")
    project = make_project(tmp_path / "p", content=tmp_path / "content")
    run_insight("build", "--today", "2026-11-27", cwd=project)
    page = (project / "site/follow-ups/index.html").read_text(encoding="utf-8")
    assert "<strong>1 overdue</strong>" in page and "Nothing is due" not in page
    assert "No reminder is due; the open actions below are." in page
    assert "<strong>2026-11-25, overdue</strong>" in page
