"""Guides from the demo notes build with `mkdocs build --strict`, alone and merged with a classmate's."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import DEMO_TODAY, make_project, run_insight

CLASSMATE_NOTE = """---
date: 2026-10-02
person: {name: Kai Lindqvist, role: Data Scientist, company: Acme Analytics}
industry: Data Analytics
questions:
  - {q: How did you get your start in this field?, a: CLASSMATE-ANSWER through a bootcamp and a referral.}
insights: [CLASSMATE-INSIGHT analytics teams hire from internships.]
share: anonymous
---
"""


def mkdocs_strict(guide: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=guide, env=env,
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def guides(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("guides")
    demo = make_project(tmp / "demo")
    run_insight("share", "Data Science", "--out", str(tmp / "sam"), "--today", DEMO_TODAY, cwd=demo)
    (tmp / "kai-content/interviews").mkdir(parents=True)
    (tmp / "kai-content/interviews/2026-10-02-kai.md").write_text(CLASSMATE_NOTE, encoding="utf-8")
    kai = make_project(tmp / "kai", content=tmp / "kai-content")
    run_insight("share", "data analytics", "--out", str(tmp / "kai-guide"), "--contributor", "Kai's classmate <Jo>",
                "--today", DEMO_TODAY, cwd=kai)
    run_insight("merge", str(tmp / "sam"), str(tmp / "kai-guide"), "--out", str(tmp / "class"), "--today", DEMO_TODAY,
                "--title", "Class of 2027", cwd=tmp)
    return {"sam": tmp / "sam", "kai": tmp / "kai-guide", "class": tmp / "class"}


def test_a_demo_guide_passes_mkdocs_strict(guides: dict[str, Path]) -> None:
    result = mkdocs_strict(guides["sam"])
    assert result.returncode == 0, result.stderr
    site = guides["sam"] / "site"
    for page in ("index.html", "industries/data-science/index.html", "companies/globex/index.html",
                 "questions/index.html", "contributors/index.html"):
        assert (site / page).is_file(), page
    assert not (site / "people").exists() and not (site / "interviews").exists()


def test_the_demo_guide_shows_what_was_learned_and_hides_who_was_anonymous(guides: dict[str, Path]) -> None:
    industry = (guides["sam"] / "docs/industries/data-science.md").read_text(encoding="utf-8")
    assert "## Roles worth talking to" in industry and "## Insights" in industry and "## Questions asked" in industry
    assert "a Machine Learning Engineer at Globex" in industry  # Priya Raman's note is shared anonymously
    assert "Roman Petrov, Senior Data Scientist" in industry  # Roman's note is shared as named
    everything = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in guides["sam"].rglob("*") if p.is_file())
    for private in ("Priya", "Raman", "roman.petrov@example.com", "555 0142", "linkedin.com/in/roman-petrov",
                    "low 70s", "misses research", "Evelyn", "2026-12-01"):
        assert private not in everything, private
    questions = (guides["sam"] / "docs/questions/index.md").read_text(encoding="utf-8")
    assert '<div class="grid cards" markdown>' in questions and "*Asked as:" in questions


def test_a_merged_guide_passes_strict_and_credits_both_contributors(guides: dict[str, Path]) -> None:
    result = mkdocs_strict(guides["class"])
    assert result.returncode == 0, result.stderr
    docs = guides["class"] / "docs"
    contributors = (docs / "contributors.md").read_text(encoding="utf-8")
    assert "Sam Rivera" in contributors and "Kai's classmate &lt;Jo&gt;" in contributors
    data = json.loads((guides["class"] / "guide.json").read_text(encoding="utf-8"))
    assert data["contributors"] == ["Sam Rivera", "Kai's classmate <Jo>"]
    assert [i["name"] for i in data["industries"]] == ["Data Science"]  # "Data Analytics" is an alias of it
    acme = [c for c in data["companies"] if c["name"] == "Acme Analytics Inc."]
    assert len(acme) == 1 and acme[0]["contributors"] == ["Sam Rivera", "Kai's classmate <Jo>"]
    page = (docs / "companies/acme-analytics-inc.md").read_text(encoding="utf-8")
    assert "CLASSMATE-INSIGHT" in page and "shared by Kai's classmate &lt;Jo&gt;" in page and "shared by Sam Rivera" in page
    questions = (docs / "questions/index.md").read_text(encoding="utf-8")
    group = next(section for section in questions.split("\n### ") if "CLASSMATE-ANSWER" in section)
    assert "shared by Sam Rivera" in group, "the classmate's paraphrase joins the demo's group"


def test_merge_refuses_a_folder_that_is_not_a_guide(tmp_path: Path) -> None:
    (tmp_path / "notaguide").mkdir()
    result = run_insight("merge", str(tmp_path / "notaguide"), "--out", str(tmp_path / "x"), cwd=tmp_path, check=False)
    assert result.returncode == 1 and "no guide.json; pass folders written by `insight share`" in result.stderr


def test_share_never_overwrites_a_folder_that_is_not_a_guide(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine/thesis.tex").write_text("keep me", encoding="utf-8")
    result = run_insight("share", "Finance", "--out", str(tmp_path / "mine"), cwd=project, check=False)
    assert result.returncode == 1 and "not empty and not written by insight share or merge" in result.stderr
    assert (tmp_path / "mine/thesis.tex").read_text(encoding="utf-8") == "keep me"


def test_the_guides_question_counts_agree_with_its_cards(guides: dict[str, Path]) -> None:
    """The home page, the question bank and guide.json say the same: distinct questions, and answers apart."""
    data = json.loads((guides["sam"] / "guide.json").read_text(encoding="utf-8"))
    questions = (guides["sam"] / "docs/questions/index.md").read_text(encoding="utf-8")
    home = (guides["sam"] / "docs/index.md").read_text(encoding="utf-8")
    cards = questions.count('<div class="grid cards" markdown>')  # one grid of answer cards per question
    answers = len(data["answers"])
    assert questions.count("\n    ---\n") == answers  # one card per answer
    assert cards and answers >= cards
    said = f"{cards} question{'s' if cards != 1 else ''}"
    assert questions.startswith(f"---\ntitle: Question bank\n---\n\n# Question bank\n\n{said} asked in these conversations")
    assert f"({answers} answer{'s' if answers != 1 else ''})" in questions
    assert f"[Question bank](questions/index.md): {said}, answers side by side" in home
    # and the command says the same when it writes the guide
    again = run_insight("share", "Data Science", "--out", str(guides["sam"].parent / "sam-again"), "--today", DEMO_TODAY,
                        cwd=guides["sam"].parent / "demo")
    assert f"{said} with {answers} answer{'s' if answers != 1 else ''})" in again.stderr, again.stderr


def test_share_writes_nothing_when_nothing_is_shared(tmp_path: Path) -> None:
    (tmp_path / "content/interviews").mkdir(parents=True)
    (tmp_path / "content/interviews/2026-10-02-kai.md").write_text(
        CLASSMATE_NOTE.replace("share: anonymous", "share: private").replace("share: named", "share: private"), encoding="utf-8")
    project = make_project(tmp_path / "p", content=tmp_path / "content")
    result = run_insight("share", "data analytics", "--out", str(tmp_path / "guide"), "--today", DEMO_TODAY, cwd=project,
                         check=False)
    assert result.returncode == 1 and "nothing to share in Data Analytics" in result.stderr, result.stderr
    assert not (tmp_path / "guide").exists()
