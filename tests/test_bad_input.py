"""One folder per kind of bad note: the exact message, the exit code, and the other notes still build.

Each ``tests/fixtures/bad/<case>/`` holds ``content/`` (one bad note, or a pair, beside one good
note) and ``expected.txt``: exactly what ``insight check`` prints on stdout. The files are bytes
as written (``.gitattributes`` keeps git from touching line endings), so a BOM, CRLF and
Latin-1 reach the loader as a user's editor would leave them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT, make_project, run_insight
from generator.cli import main
from generator.diagnostics import Diagnostic

BAD = Path(__file__).parent / "fixtures" / "bad"
CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir())
GOOD_PAGE = "interviews/2026-03-02-good-person/index.html"
# cases where the bad note is still published (its problems are warnings, or there are none)
PUBLISHED = {"ambiguous-alias", "bom", "crlf", "duplicate-key", "referral-unknown-key", "unknown-key-typo"}
# the guide is not part of these small projects: drop it from the nav so --strict judges the notes only
MKDOCS_YML = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("  - Guide: guide/index.md\n", "")


def _project(tmp_path: Path, case: str) -> Path:
    return make_project(tmp_path / "project", content=BAD / case / "content", mkdocs_yml=MKDOCS_YML)


def _expected(case: str) -> str:
    return (BAD / case / "expected.txt").read_text(encoding="utf-8")


def _has_errors(text: str) -> bool:
    return any(re.match(r"^\S+:\d+:\d+: (?!warning: )", line) for line in text.splitlines())


def test_every_case_has_its_expectation() -> None:
    assert len(CASES) >= 20
    for case in CASES:
        assert (BAD / case / "expected.txt").is_file(), case
        assert (BAD / case / "content/interviews/2026-03-02-good-person.md").is_file(), case


def test_fixture_bytes_are_not_normalised() -> None:
    """A checkout that converted line endings or re-encoded files would test nothing."""
    data = (BAD / "crlf/content/interviews/bad.md").read_bytes()
    assert data.count(b"\r\n") == 9 and b"\n" not in data.replace(b"\r\n", b"")
    assert (BAD / "bom/content/interviews/bad.md").read_bytes().startswith(b"\xef\xbb\xbf---\n")
    assert b"Caf\xe9" in (BAD / "not-utf8/content/interviews/bad.md").read_bytes()
    assert (BAD / "empty-file/content/interviews/bad.md").read_bytes() == b""


@pytest.mark.parametrize("case", CASES)
def test_check_reports_exactly(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = _project(tmp_path, case)
    expected = _expected(case)
    text = run_insight("check", cwd=project, check=False)
    assert text.stdout == expected
    assert text.returncode == (1 if _has_errors(expected) else 0), text.stderr

    # the JSON form in-process (the same command; a second process per case would double the time)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["check", "--format", "json"])
    assert result.exit_code == text.returncode
    report = json.loads(result.stdout)
    formatted = "".join(Diagnostic(**{k: d[k] for k in ("path", "line", "col", "field", "message", "hint", "severity")}).format() + "\n"
                        for d in report["diagnostics"])
    assert formatted == expected
    for d in report["diagnostics"]:
        assert d["line"] >= 1 and d["col"] >= 1 and d["severity"] in ("error", "warning") and d["hint"]
    bad_notes = sorted(p.relative_to(project).as_posix() for p in (project / "content/interviews").rglob("*.md")
                       if p.name != "2026-03-02-good-person.md")
    left_out = ["content/" + uri for uri in report["left_out"]]
    if case in PUBLISHED:
        assert left_out == []
        assert report["notes"] == 1 + len(bad_notes)
    elif case == "same-url":  # the first of the pair is published, the second is left out with the message
        assert left_out == ["content/interviews/2026-03-01-ana/index.md"]
        assert report["notes"] == 2
    else:
        assert left_out == bad_notes
        assert report["notes"] == 1
    assert report["checked"] == 1 + len(bad_notes)  # every conversation note read, published or not


def test_strict_check_fails_on_warnings(tmp_path: Path) -> None:
    project = _project(tmp_path, "unknown-key-typo")
    assert run_insight("check", cwd=project, check=False).returncode == 0
    assert run_insight("check", "--strict", cwd=project, check=False).returncode == 1


@pytest.mark.parametrize("case", ["invalid-yaml", "same-url"])
def test_build_leaves_the_bad_note_out_and_builds_the_rest(case: str, tmp_path: Path) -> None:
    project = _project(tmp_path, case)
    result = run_insight("build", "--today", "2026-11-27", cwd=project, check=False)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    assert (site / GOOD_PAGE).is_file()
    first_line = _expected(case).splitlines()[0]
    assert first_line in result.stderr  # the message reaches the user of `insight build` too
    if case == "invalid-yaml":  # its page says what is wrong; no list shows it
        assert "This note has a problem" in (site / "interviews/bad/index.html").read_text(encoding="utf-8")
        assert "bad.md" not in (site / "interviews/index.html").read_text(encoding="utf-8")
    else:
        page = (site / "interviews/2026-03-01-ana/index.html").read_text(encoding="utf-8")
        assert "One." in page and "Two." not in page
    assert (site / "people/good-person/index.html").is_file()
    assert (site / "companies/fine/index.html").is_file()  # "Fine Co": the legal suffix is not part of the address


@pytest.mark.parametrize("case", ["unknown-key-typo"])
def test_strict_build_fails_on_any_problem(case: str, tmp_path: Path) -> None:
    """A warning alone fails a strict build, and the user is told which note and line."""
    project = _project(tmp_path, case)
    result = run_insight("build", "--strict", "--today", "2026-11-27", cwd=project, check=False)
    assert result.returncode != 0
    assert _expected(case).splitlines()[0] in result.stderr


def test_crlf_note_builds_strictly_and_reads_its_sections(tmp_path: Path) -> None:
    project = _project(tmp_path, "crlf")
    run_insight("build", "--strict", "--today", "2026-11-27", cwd=project)
    company = (project / "site/companies/acme/index.html").read_text(encoding="utf-8")
    assert "CRLF is fine." in company  # the ## Insights section was read despite the \r\n endings


def test_a_note_that_cannot_be_read_is_reported_and_the_rest_builds(tmp_path: Path) -> None:
    """A link to a file that is gone (or a file that may not be read) names the file; the site builds without it."""
    project = make_project(tmp_path / "p")
    (project / "content" / "interviews" / "2026-04-04-gone.md").symlink_to(tmp_path / "nowhere.md")
    result = run_insight("build", "--today", "2026-11-27", cwd=project, check=False)
    assert result.returncode == 0, result.stderr
    assert "content/interviews/2026-04-04-gone.md:1:1: could not read the file: No such file or directory" in result.stderr
    assert (project / "site" / "interviews" / "index.html").is_file()
    gone = (project / "site" / "interviews" / "2026-04-04-gone" / "index.html").read_text(encoding="utf-8")
    assert "This note has a problem" in gone and "could not read the file" in gone
