"""Problems shown where the user looks: a broken note keeps a page that says what is wrong, the dashboard
counts the notes with problems and links to /problems/, and `insight build` ends by saying how many."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import ROOT, make_project, run_insight

MKDOCS_YML = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("  - Guide: guide/index.md\n", "")
GOOD = "---\ndate: 2026-03-02\nperson: Good Person\ncompany: Fine Co\n---\n\nA good note.\n"
BAD_YAML = "---\ndate: 2026-03-01\nperson: Ana Lima\ncompany: Acme: Analytics\n---\n\nShe said the *team* is small.\n"
BAD_DATE = "---\nperson: Bo Chen\ndate: someday\n---\n\n## Insights\n\n- Ship early.\n"
TYPO = "---\ndate: 2026-03-05\nperson: Cy Dee\ncompnay: Globex\n---\n\nFine.\n"


def _text(html_path: Path) -> str:
    """The page's article as a reader sees it: tags dropped, spaces collapsed."""
    html = html_path.read_text(encoding="utf-8")
    article = html[html.index("<article"):html.index("</article>")]
    text = " ".join(re.sub(r"<[^>]+>", " ", article).replace("&amp;", "&").replace("&para;", "").replace("¶", "").split())
    return text


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    content = tmp_path_factory.mktemp("content") / "content"
    (content / "interviews").mkdir(parents=True)
    for name, text in {"2026-03-02-good-person.md": GOOD, "2026-03-01-ana-lima.md": BAD_YAML,
                       "bo-chen.md": BAD_DATE, "2026-03-05-cy-dee.md": TYPO}.items():
        (content / "interviews" / name).write_text(text, encoding="utf-8")
    project = make_project(tmp_path_factory.mktemp("p") / "project", content=content, mkdocs_yml=MKDOCS_YML)
    result = run_insight("build", "--today", "2026-11-27", cwd=project, check=False)
    assert result.returncode == 0, result.stderr
    return project / "site", result.stderr


def test_the_dashboard_counts_the_notes_with_problems_and_links_to_them(built: tuple[Path, str]) -> None:
    site, _ = built
    home = site / "index.html"
    text = _text(home)
    assert "3 notes have problems" in text
    assert "2 notes with an error are left out of every list until fixed." in text
    assert 'href="problems/"' in home.read_text(encoding="utf-8")


def test_the_problems_page_lists_every_note_with_its_line_and_hint(built: tuple[Path, str]) -> None:
    site, _ = built
    text = _text(site / "problems/index.html")
    assert "3 notes have problems (2 errors, 1 warning)." in text
    assert "content/interviews/2026-03-01-ana-lima.md Error at line 4, column 14: invalid YAML" in text
    assert "content/interviews/bo-chen.md Error at line 3, column 7: date : expected a date, got \"someday\"" in text
    assert "Hint: write the date as YYYY-MM-DD" in text
    assert "Warning at line 4: compnay : unknown field" in text
    html = (site / "problems/index.html").read_text(encoding="utf-8")
    for page in ("../interviews/2026-03-01-ana-lima/", "../interviews/bo-chen/", "../interviews/2026-03-05-cy-dee/"):
        assert f'href="{page}"' in html, page


@pytest.mark.parametrize(("page", "problem", "readable"), [
    ("2026-03-01-ana-lima", "Error at line 4, column 14: invalid YAML: mapping values are not allowed", "She said the team is small."),
    ("bo-chen", 'Error at line 3, column 7: date : expected a date, got "someday"', "Ship early."),
])
def test_a_broken_note_keeps_its_page_with_the_problem_on_top(built: tuple[Path, str], page: str, problem: str, readable: str) -> None:
    site, _ = built
    text = _text(site / "interviews" / page / "index.html")
    assert text.index("This note has a problem") < text.index(problem) < text.index(readable)
    assert "Hint:" in text
    assert "What the file says" in text  # the frontmatter as written, to compare with the line named


def test_the_rest_is_built_and_the_broken_notes_are_in_no_list(built: tuple[Path, str]) -> None:
    site, _ = built
    assert (site / "interviews/2026-03-02-good-person/index.html").is_file()
    assert (site / "people/good-person/index.html").is_file()
    assert (site / "interviews/2026-03-05-cy-dee/index.html").is_file()  # a warning does not leave a note out
    listing = _text(site / "interviews/index.html")
    assert "Good Person" in listing and "Cy Dee" in listing
    assert "Ana Lima" not in listing and "Bo Chen" not in listing
    assert not (site / "people/ana-lima").exists()


def test_build_ends_with_a_one_line_summary(built: tuple[Path, str]) -> None:
    _, stderr = built
    assert stderr.rstrip().splitlines()[-1] == (
        "3 notes have problems (2 errors, 1 warning): `insight check` and /problems/ on the site say which and where.")


def test_a_strict_build_still_fails_on_them(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "interviews").mkdir(parents=True)
    (content / "interviews" / "2026-03-02-good-person.md").write_text(GOOD, encoding="utf-8")
    (content / "interviews" / "bo-chen.md").write_text(BAD_DATE, encoding="utf-8")
    project = make_project(tmp_path / "project", content=content, mkdocs_yml=MKDOCS_YML)
    result = run_insight("build", "--strict", "--today", "2026-11-27", cwd=project, check=False)
    assert result.returncode == 1
    assert "1 note has a problem (1 error)" in result.stderr


def test_no_problems_is_said_too(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "interviews").mkdir(parents=True)
    (content / "interviews" / "2026-03-02-good-person.md").write_text(GOOD, encoding="utf-8")
    project = make_project(tmp_path / "project", content=content, mkdocs_yml=MKDOCS_YML)
    result = run_insight("build", "--strict", "--today", "2026-11-27", cwd=project)
    assert result.stderr.rstrip().endswith("No problems in the notes.")
    assert "have problems" not in _text(project / "site/index.html")
    assert "No problems: every note was read and is on the site." in _text(project / "site/problems/index.html")


def test_serve_shows_the_problem_instead_of_the_last_good_page(tmp_path: Path) -> None:
    """Under `insight serve`, breaking a note replaces its page with the problem; fixing it brings the note back."""
    from test_incremental import serve_builds

    content = tmp_path / "content"
    (content / "interviews").mkdir(parents=True)
    (content / "interviews" / "2026-03-02-good-person.md").write_text(GOOD, encoding="utf-8")
    project = make_project(tmp_path / "project", content=content, mkdocs_yml=MKDOCS_YML)
    note = "content/interviews/2026-03-02-good-person.md"
    broken = GOOD.replace("company: Fine Co", "company: Fine: Co")
    site = tmp_path / "served"
    page = site / "interviews/2026-03-02-good-person/index.html"
    serve_builds(project, site, [{note: broken}])
    text = _text(page)
    assert "This note has a problem" in text and "invalid YAML" in text
    assert "1 note has a problem" in _text(site / "index.html")
    again = tmp_path / "served-again"
    serve_builds(project, again, [{note: broken}, {note: GOOD}])  # broken, then fixed, in one session
    page = again / "interviews/2026-03-02-good-person/index.html"
    assert "This note has a problem" not in _text(page) and "A good note." in _text(page)
