"""The question bank built from a small set of notes: grouping across notes, answers with their sources, topics,
and the starter bank marked asked or not yet."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from generator import site as core
from generator.pages.questions import ASSET
from generator.questions.bank import bank_as_dict, build_bank
from generator.settings import Settings

TODAY = dt.date(2026, 11, 27)


def note(docs: Path, name: str, front: str, body: str) -> None:
    path = docs / "interviews" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front.strip()}\n---\n\n{body}", encoding="utf-8")


def build(docs: Path) -> core.Site:
    return core.build(docs, Settings.from_options({}, today=TODAY))


def fixture(tmp_path: Path) -> Path:
    docs = tmp_path / "content"
    note(docs, "2026-05-01-ana.md", """
date: 2026-05-01
person: Ana Lima
role: Data Scientist
company: Acme
industry: Data Science
questions:
  - q: What do you like least about your job?
    a: The on-call rota.
    topic: advice
""", "## Questions\n\n### What does a typical day look like?\nStand-up, then SQL.\n\n- How did you get started?\n")
    note(docs, "2026-06-01-ben.md", """
date: 2026-06-01
person: Ben Okoro
role: Actuary
company: Shield Insurance
industry: Insurance
questions:
  - q: Describe a typical work week
    a: Exams on Monday, models the rest.
    topic: carreer-path
""", "## Questions\n\n### What do you do day to day?\nPricing models.\n")
    note(docs, "2026-07-01-cy.md", """
date: 2026-07-01
person: Cy Park
company: Acme
industry: Data Science
status: scheduled
""", "## Questions\n\n- What is the salary range?\n")
    return docs


def test_paraphrases_across_notes_form_one_group_with_answers_side_by_side(tmp_path: Path) -> None:
    site = build(fixture(tmp_path))
    bank = build_bank(site.kb)
    day = next(g for g in bank.groups if g.intent == "typical-day")
    assert day.asked == 3
    assert [(a.person, a.text, a.interview.src_uri) for a in day.answers] == [
        ("ana-lima", "Stand-up, then SQL.", "interviews/2026-05-01-ana.md"),
        ("ben-okoro", "Exams on Monday, models the rest.", "interviews/2026-06-01-ben.md"),
        ("ben-okoro", "Pricing models.", "interviews/2026-06-01-ben.md"),
    ]
    assert day.answers[0].company == "acme" and day.answers[1].industries == ["insurance"]
    assert day.canonical.endswith("?") and day.topic == "day-to-day"
    assert set(day.wordings) == {"What does a typical day look like?", "Describe a typical work week?",
                                 "What do you do day to day?"}


def test_questions_of_conversations_not_held_are_not_asked(tmp_path: Path) -> None:
    bank = build_bank(build(fixture(tmp_path)).kb)
    assert all(g.intent != "salary" for g in bank.groups)
    salary = [s for s in bank.starters if "salary" in s.question.text.casefold()]
    assert salary and not any(s.asked for s in salary)


def test_explicit_topic_wins_and_unknown_topic_warns_with_file_and_line(tmp_path: Path) -> None:
    site = build(fixture(tmp_path))
    bank = site.derived.bank
    least = next(g for g in bank.groups if g.intent == "likes-least")
    assert least.topic == "advice"  # the note said so; the wording alone would say day-to-day
    (warning,) = bank.diagnostics
    assert warning.severity == "warning" and warning.path.endswith("2026-06-01-ben.md") and warning.line == 7
    assert "carreer-path" in warning.format() and "career-path" in warning.format()
    assert warning in site.diagnostics  # reported by check/build like any other problem in a note


def test_starters_are_marked_asked_overall_and_per_industry(tmp_path: Path) -> None:
    bank = build_bank(build(fixture(tmp_path)).kb)
    day = [s for s in bank.starters if s.group == "typical-day"]
    assert day and all(s.asked and s.industries == ("data-science", "insurance") for s in day)
    path = [s for s in bank.starters if s.group == "career-path"]
    assert path and all(s.industries == ("data-science",) for s in path)
    not_in_insurance = bank.not_yet_asked("insurance")
    assert set(path) <= set(not_in_insurance) and not set(day) & set(not_in_insurance)
    assert set(bank.not_yet_asked()) == {s for s in bank.starters if not s.asked}
    assert len(bank.starters) >= 60


def test_industry_and_company_views_keep_only_their_answers(tmp_path: Path) -> None:
    bank = build_bank(build(fixture(tmp_path)).kb)
    ins = {g.intent: [a.person for a in g.answers] for g in bank.for_industry("insurance")}
    assert ins == {"typical-day": ["ben-okoro", "ben-okoro"]}
    acme = {g.intent for g in bank.for_company("acme")}
    assert acme == {"typical-day", "likes-least", "career-path"}


def test_json_export_is_the_bank_and_deterministic(tmp_path: Path) -> None:
    docs = fixture(tmp_path)
    first, second = build(docs), build(docs)
    assert first.assets[ASSET] == second.assets[ASSET]
    data = json.loads(first.assets[ASSET])
    assert data == json.loads(json.dumps(bank_as_dict(build_bank(first.kb), first.kb)))
    day = next(g for g in data["groups"] if g["id"] == "typical-day")
    assert day["answers"][0]["person"] == {"slug": "ana-lima", "name": "Ana Lima", "page": "people/ana-lima.md",
                                           "url": "people/ana-lima/"}
    assert day["answers"][0]["note"] == "interviews/2026-05-01-ana.md"
    assert day["answers"][0]["note_url"] == "interviews/2026-05-01-ana/"
    assert {t["tiara_name"] for t in data["topics"]} == {"Trends", "Insights", "Advice", "Resources", "Assignments"}
    assert {t["tiara"] for t in data["topics"]} == {"T", "I", "A", "R"}  # Advice and Assignments are both A


def test_hostile_text_is_escaped_on_the_pages(tmp_path: Path) -> None:
    docs = tmp_path / "content"
    note(docs, "2026-05-01-x.md", "date: 2026-05-01\nperson: Eve <script>\ncompany: Acme\nindustry: Data Science",
         "## Questions\n\n### What is <script>alert(1)</script> like?\n<img src=x onerror=alert(1)> fine\n")
    page = build(docs).pages["questions/index.md"]
    assert "<script>" not in page and "<img" not in page
