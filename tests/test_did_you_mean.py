"""Identity that helps instead of guessing: dotted initials are one name, likely duplicates are suggested
with the alias that would merge them, and nothing is merged until the user writes that alias."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator import similar
from generator.identity import key
from tests.conftest import make_project, run_insight

TODAY = "2026-11-27"


def note(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    iv = content / "interviews"
    iv.mkdir(parents=True)
    (content / "people").mkdir()
    note(iv, "2026-05-01-john-smith.md", "---\ndate: 2026-05-01\nperson: John Smith\ncompany: J.P. Morgan\n---\n")
    note(iv, "2026-05-08-jon-smith.md", "---\ndate: 2026-05-08\nperson: Jon Smith\ncompany: JP Morgan\n---\n")
    note(iv, "2026-05-15-bob-chen.md", "---\ndate: 2026-05-15\nperson: Bob Chen\n---\n")
    note(iv, "2026-05-22-ana-lima.md", "---\ndate: 2026-05-22\nperson: Ana Lima\nintroduced_by: Evelyn Chan\n---\n")
    note(iv, "2026-05-29-ana-maria-lima.md", "---\ndate: 2026-05-29\nperson: Ana Maria Lima\n---\n")
    note(iv, "2026-06-05-bruno-costa.md", "---\ndate: 2026-06-05\nperson: Bruno Costa\npeople: [Ana Silva]\n---\n")
    note(content / "people", "robert-chen.md", "---\nname: Robert Chen\naliases: [R. Chen]\n---\n")
    note(content / "people", "evelyn-chen.md", "---\nname: Evelyn Chen\n---\n")
    return make_project(tmp_path / "p", content)


def test_check_suggests_and_merges_nothing(project: Path) -> None:
    result = run_insight("check", "--today", TODAY, cwd=project, check=False)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "content/interviews/2026-05-22-ana-lima.md:4:1: introduced_by: 'Evelyn Chan' is no one else in your notes; did you mean Evelyn Chen?",
        "    hint: write Evelyn Chen, or if it is them under another name, add to content/people/evelyn-chen.md: aliases: [Evelyn Chan]",
        "4 pairs of names may be one person (nothing is merged until you add the alias):",
        "  'Bob Chen' and 'Robert Chen' (a nickname): did you mean Robert Chen? To merge them, add to content/people/robert-chen.md: aliases: [R. Chen, Bob Chen]",
        "  'Ana Lima' and 'Ana Maria Lima' (a missing middle name): did you mean Ana Maria Lima? To merge them, create content/people/ana-maria-lima.md: aliases: [Ana Lima]",
        "  'Evelyn Chan' and 'Evelyn Chen' (an edit apart): did you mean Evelyn Chen? To merge them, add to content/people/evelyn-chen.md: aliases: [Evelyn Chan]",
        "  'Jon Smith' and 'John Smith' (an edit apart): did you mean John Smith? To merge them, create content/people/john-smith.md: aliases: [Jon Smith]",
    ]  # Bruno Costa and Ana Silva are like no one: no suggestion
    data = json.loads(run_insight("check", "--today", TODAY, "--format", "json", cwd=project, check=False).stdout)
    assert {"names": ["Robert Chen", "Bob Chen"], "why": "a nickname", "file": "content/people/robert-chen.md",
            "aliases": "aliases: [R. Chen, Bob Chen]"} in data["likely_duplicates"]
    assert data["did_you_mean"] == [{"path": "content/interviews/2026-05-22-ana-lima.md", "line": 4,
                                     "field": "introduced_by", "name": "Evelyn Chan", "meant": "Evelyn Chen"}]


def test_the_alias_merges_and_the_suggestion_goes(project: Path) -> None:
    people = project / "content" / "people"
    (people / "robert-chen.md").write_text("---\nname: Robert Chen\naliases: [R. Chen, Bob Chen]\n---\n", encoding="utf-8")
    result = run_insight("check", "--today", TODAY, cwd=project, check=False)
    assert "'Bob Chen'" not in result.stdout
    run_insight("build", "--today", TODAY, cwd=project)
    site = project / "site"
    assert (site / "people" / "robert-chen" / "index.html").is_file()
    assert not (site / "people" / "bob-chen").exists()
    assert (site / "people" / "jon-smith").is_dir() and (site / "people" / "john-smith").is_dir()  # not merged yet


def test_dotted_initials_are_one_company(project: Path) -> None:
    run_insight("build", "--today", TODAY, cwd=project)
    companies = sorted(p.name for p in (project / "site" / "companies").iterdir() if p.is_dir())
    assert companies == ["jp-morgan"]
    page = (project / "site" / "companies" / "jp-morgan" / "index.html").read_text(encoding="utf-8")
    assert page.count("2026-05-01") >= 1 and page.count("2026-05-08") >= 1  # both conversations on one page


@pytest.mark.parametrize("a, b, why", [
    ("Jon Smith", "John Smith", "an edit apart"), ("Bob Chen", "Robert Chen", "a nickname"),
    ("Liz Taylor", "Elizabeth Taylor", "a nickname"), ("Ana Lima", "Ana Maria Lima", "a missing middle name"),
    ("J Smith", "John Smith", "an initial for the first name"), ("Siobhan OBrien", "Siobhan O'Brien", None),
    ("Ana Lima", "Ana Silva", None), ("Dana Li", "Dan Lee", None), ("Ana Lima", "Bruno Costa", None),
    ("Kim", "Tim", None),
])
def test_why_alike(a: str, b: str, why: str | None) -> None:
    assert similar.why_alike(key("people", a), key("people", b)) == why


@pytest.mark.parametrize("a, b", [("J.P. Morgan", "JP Morgan"), ("J. P. Morgan", "jp morgan"), ("U.S. Bank", "US Bank")])
def test_dotted_initials_fold_to_one_key(a: str, b: str) -> None:
    assert key("companies", a) == key("companies", b)
