"""The first commands a user runs: new, check, build and export, as a user runs them."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, make_project, run_insight
from generator.cli import main

GOOD = "---\ndate: 2026-03-02\nperson: Good Person\n---\n\nBody.\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A small project: one good note, the repository's mkdocs.yml without the guide."""
    content = tmp_path / "src"
    (content / "interviews").mkdir(parents=True)
    (content / "interviews" / "2026-03-02-good-person.md").write_text(GOOD, encoding="utf-8")
    yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("  - Guide: guide/index.md\n", "")
    return make_project(tmp_path / "project", content=content, mkdocs_yml=yml)


def test_new_from_flags_writes_the_note_and_prints_its_path(project: Path) -> None:
    result = run_insight("new", "--person", "José Núñez", "--date", "2026-12-14", "--role", "Data Engineer",
                         "--company", "Acme Analytics", "--industry", "Data Science, Finance", "--channel", "alumni",
                         "--introduced-by", "Good Person", cwd=project, env={"INSIGHT_TODAY": "2026-11-27"})
    assert result.stdout == "content/interviews/2026-12-14-jose-nunez.md\n"
    text = (project / "content/interviews/2026-12-14-jose-nunez.md").read_text(encoding="utf-8")
    assert text.startswith(
        "---\ndate: 2026-12-14\nperson: José Núñez\nrole: Data Engineer\ncompany: Acme Analytics\n"
        "industry: Data Science, Finance\nchannel: alumni\nintroduced_by: Good Person\nstatus: scheduled\n"
        "requested_on: 2026-11-27\nshare: private\n---\n"
    )
    assert "## Questions" in text and "## Private" in text
    report = json.loads(run_insight("check", "--format", "json", cwd=project).stdout)
    assert report["diagnostics"] == [] and report["notes"] == 2  # the new note is valid as written


def test_new_scheduled_today_writes_each_date_as_a_person_would(project: Path) -> None:
    """The date and requested_on are the same day: PyYAML would write the second as an anchor's alias."""
    run_insight("new", "--person", "Ana Lima", "--date", "2026-11-27", "--status", "scheduled", cwd=project,
                env={"INSIGHT_TODAY": "2026-11-27"})
    text = (project / "content/interviews/2026-11-27-ana-lima.md").read_text(encoding="utf-8")
    assert text.startswith("---\ndate: 2026-11-27\nperson: Ana Lima\nstatus: scheduled\nrequested_on: 2026-11-27\n")
    assert "&id" not in text and "*id" not in text


def test_new_refuses_to_overwrite(project: Path) -> None:
    note = project / "content/interviews/2026-03-02-good-person.md"
    result = run_insight("new", "--person", "Good Person", "--date", "2026-03-02", cwd=project, check=False)
    assert result.returncode == 1
    assert "already exists; nothing was written" in result.stderr
    assert note.read_text(encoding="utf-8") == GOOD


def test_new_without_person_outside_a_terminal_says_what_is_missing(project: Path) -> None:
    result = run_insight("new", "--date", "2026-03-02", cwd=project, check=False)
    assert result.returncode == 2 and "--person is required" in result.stderr


def test_new_with_a_bad_date_writes_nothing(project: Path) -> None:
    result = run_insight("new", "--person", "Ana", "--date", "2026-13-01", cwd=project, check=False)
    assert result.returncode == 2 and "expected YYYY-MM-DD, got '2026-13-01'" in result.stderr
    assert sorted(p.name for p in (project / "content/interviews").iterdir()) == ["2026-03-02-good-person.md"]


def test_new_prompts_in_a_terminal(project: Path) -> None:
    """Run under a pseudo-terminal, as a user types: the answers end up in the note."""
    master, slave = pty.openpty()
    env = {**os.environ, "INSIGHT_TODAY": "2026-11-27", "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "new", "--date", "2026-03-20"], cwd=project, env=env,
                            stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    os.close(slave)
    os.write(master, "Ana Lima\nAnalyst\nGlobex\nFinance\n".encode())
    out, err = proc.communicate(timeout=60)
    os.close(master)
    assert proc.returncode == 0, err
    assert "Person:" in out and "Company:" in out
    assert out.rstrip().endswith("content/interviews/2026-03-20-ana-lima.md")
    text = (project / "content/interviews/2026-03-20-ana-lima.md").read_text(encoding="utf-8")
    assert "person: Ana Lima\nrole: Analyst\ncompany: Globex\nindustry: Finance\nstatus: done\n" in text


def test_check_exit_codes_and_json_shape(project: Path) -> None:
    ok = run_insight("check", "--format", "json", cwd=project)
    assert json.loads(ok.stdout) == {"diagnostics": [], "notes": 1, "checked": 1, "left_out": [], "likely_duplicates": [], "did_you_mean": [],
                                     "not_published": []}
    (project / "content/interviews/typo.md").write_text(GOOD.replace("person:", "compnay: X\nperson:").replace("03-02", "03-03"))
    warned = run_insight("check", "--format", "json", cwd=project)
    [d] = json.loads(warned.stdout)["diagnostics"]
    assert d == {"path": "content/interviews/typo.md", "line": 3, "col": 1, "field": "compnay", "severity": "warning",
                 "message": "unknown field, shown on the page as written", "hint": "did you mean `company`?"}
    assert run_insight("check", "--strict", cwd=project, check=False).returncode == 1
    (project / "content/interviews/broken.md").write_text("---\ndate: [\n---\n")
    failed = run_insight("check", cwd=project, check=False)
    assert failed.returncode == 1
    assert failed.stdout.startswith("content/interviews/broken.md:3:1: invalid YAML: ")
    assert "3 conversation notes checked: 1 error, 1 warning" in failed.stderr  # ok, typo and broken


def test_today_must_be_a_date(project: Path) -> None:
    for command in ("build", "check", "export"):
        extra = ["--out", "out"] if command == "export" else []
        result = run_insight(command, "--today", "2026-02-30", *extra, cwd=project, check=False)
        assert result.returncode == 2, command
        assert "Invalid value for '--today': expected a date as YYYY-MM-DD, got '2026-02-30'" in result.stderr
    assert not (project / "site").exists() and not (project / "out").exists()


def test_export_refuses_to_write_into_content(project: Path) -> None:
    before = sorted(p.relative_to(project).as_posix() for p in (project / "content").rglob("*"))
    for out in ("content", "content/export", "./content/x/.."):
        result = run_insight("export", "--out", out, cwd=project, check=False)
        assert result.returncode == 1, out
        assert "refusing to write inside the content folder" in result.stderr
        assert "Traceback" not in result.stderr
    assert sorted(p.relative_to(project).as_posix() for p in (project / "content").rglob("*")) == before


def test_commands_outside_a_project_say_so(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["check", "-f", str(tmp_path / "mkdocs.yml")])
    assert result.exit_code == 1 and "no such file" in result.output


@pytest.mark.parametrize("written", ["2026-03-20", '"2026-03-20"'])
def test_today_in_mkdocs_yml_quoted_or_not(tmp_path: Path, written: str) -> None:
    """The guide's `today: YYYY-MM-DD`, as written, freezes the date (YAML reads it unquoted as a date)."""
    yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("today: null", f"today: {written}")
    (tmp_path / "content/interviews").mkdir(parents=True)
    (tmp_path / "content/interviews/2026-03-02-good-person.md").write_text(GOOD, encoding="utf-8")
    project = make_project(tmp_path / "project", content=tmp_path / "content", mkdocs_yml=yml)
    result = run_insight("build", cwd=project, check=False)
    assert result.returncode == 0, result.stderr
    assert "as of 2026-03-20" in (project / "site/follow-ups/index.html").read_text(encoding="utf-8")
