"""`insight followups` and `insight prep` as a user runs them, and `insight new --status scheduled`."""

from __future__ import annotations

import json
from pathlib import Path

from icalendar import Calendar

from conftest import DEMO_TODAY, make_project, run_insight


def test_followups_prints_groups_most_urgent_first() -> None:
    out = run_insight("followups", "--today", DEMO_TODAY).stdout
    assert out.index("Overdue (13)") < out.index("Coming up (4)")
    assert "Due now" not in out
    assert "  2026-11-24  Send a thank-you to Ingrid Larsen  [content/interviews/2026-11-23-ingrid-larsen.md]" in out
    assert "Marcus Bell" not in out  # no-reply never nags


def test_followups_json_and_calendar_file(tmp_path: Path) -> None:
    ics = tmp_path / "due.ics"
    result = run_insight("followups", "--json", "--ics", str(ics), "--today", DEMO_TODAY)
    data = json.loads(result.stdout)
    assert data["today"] == DEMO_TODAY and data["counts"] == {"overdue": 13, "due": 0, "upcoming": 4}
    first = data["items"][0]
    assert first == {**first, "id": "referral-sam-whitaker", "kind": "referral", "state": "overdue",
                     "by": ["adam-novak"], "email": "request", "person_name": "Sam Whitaker"}
    uids = [str(c["UID"]) for c in Calendar.from_ical(ics.read_bytes()).walk("VEVENT")]
    assert sorted(uids) == sorted(f"{i['id']}@insight-kb" for i in data["items"])
    assert "17 events written to" in result.stderr


def test_followups_on_a_later_day_sees_the_thank_you_gone_once_sent(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    note = project / "content" / "interviews" / "2026-11-23-ingrid-larsen.md"
    note.write_text(note.read_text(encoding="utf-8").replace("thank_you_sent: false", "thank_you_sent: 2026-11-28"), encoding="utf-8")
    out = run_insight("followups", "--today", "2026-11-28", cwd=project).stdout
    assert "Ingrid Larsen" in out and "thank-you to Ingrid" not in out


def test_prep_finds_people_without_accents_or_case() -> None:
    for name in ("tomas herrera", "TOMÁS", "tom her"):
        out = run_insight("prep", name, "--today", DEMO_TODAY).stdout
        assert out.startswith("# Prep: Tomás Herrera · 2026-12-03\n"), name
        assert "## Questions to ask" in out and "## Checklist" in out and "- [ ] Questions ready" in out
        assert "Dear Grace," in out


def test_prep_explains_ambiguous_unknown_and_unplanned_names() -> None:
    ambiguous = run_insight("prep", "ra", "--today", DEMO_TODAY, check=False)
    assert ambiguous.returncode == 1
    assert "'ra' could mean several people; be more precise:" in ambiguous.stderr
    assert "  Rahul Mehta" in ambiguous.stderr and "  Ravi Iyer" in ambiguous.stderr
    unknown = run_insight("prep", "Nobody Atall", check=False)
    assert unknown.returncode == 1 and "no person matches 'Nobody Atall'" in unknown.stderr
    done = run_insight("prep", "Jose Nunez", "--today", DEMO_TODAY, check=False)
    assert done.returncode == 1
    assert 'José Núñez has no requested or scheduled conversation; start one with `insight new --status scheduled' in done.stderr


def test_new_scheduled_conversation_lands_on_follow_ups_and_prep(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    created = run_insight("new", "--person", "Zoë Quinn", "--date", "2026-12-04", "--status", "scheduled",
                          "--company", "Globex", "--industry", "Data Science", "--introduced-by", "Roman Petrov", cwd=project)
    assert created.stdout.strip().endswith("2026-12-04-zoe-quinn.md")
    items = json.loads(run_insight("followups", "--json", "--today", DEMO_TODAY, cwd=project).stdout)["items"]
    assert {"id": "conversation-2026-12-04-zoe-quinn", "state": "upcoming", "due": "2026-12-04"}.items() <= \
        next(i for i in items if i["person"] == "zoe-quinn").items()
    out = run_insight("prep", "zoe", "--today", DEMO_TODAY, cwd=project).stdout
    assert "You → Evelyn Chen" in out and "→ Roman Petrov" in out and "→ Zoë Quinn" in out
    assert "Acme Analytics" in out or "Data Science" in out  # what earlier notes say about the industry
    run_insight("export", "--today", DEMO_TODAY, "--out", str(tmp_path / "out"), cwd=project)
    assert (tmp_path / "out" / "prep" / "2026-12-04-zoe-quinn.md").is_file()
    assert 'href="../prep/2026-12-04-zoe-quinn/"' in (tmp_path / "out" / "follow-ups" / "index.md").read_text(encoding="utf-8")
