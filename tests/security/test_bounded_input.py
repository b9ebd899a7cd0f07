"""Bounded input: no note can hang a build, eat the memory, crash a command or stop the other notes; links out of
content/ are not followed; names keep their meaning and never take a reserved page's place."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

import pytest

from attack import TODAY, every_text, note, project_with, run_insight

BOMB = ("---\ndate: 2026-05-01\nperson: Bo Mb\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
        + "insights: *i\n---\n")
BAD = {
    "interviews/2026-05-01-bomb.md": BOMB,
    "interviews/2026-05-02-self.md": "---\ndate: 2026-05-02\nperson: Self Ref\ninsights: &x [*x]\n---\n",
    "interviews/2026-05-03-big.md": "---\ndate: 2026-05-03\nperson: Big Frontmatter\ninsights:\n" + "  - xxxxxxxx\n" * 30_000 + "---\n",
    "interviews/2026-05-04-far.md": ("---\ndate: 9999-12-31\nperson: Far Future\nstatus: done\nrequested_on: 0001-01-01\n"
                                     "follow_up_on: 9999-12-31\nthank_you_sent: 9999-12-31\nshare: anonymous\n---\n"),
    "interviews/2026-05-05-planned.md": "---\ndate: 9999-12-31\nperson: Pl Anned\nstatus: scheduled\n---\n",
    "people/huge-cadence.md": "---\nname: Huge Cadence\nkeep_in_touch: " + "9" * 5000 + "\n---\n",
    "people/big-cadence.md": "---\nname: Big Cadence\nkeep_in_touch: 100000000000000000000000000000\n---\n",
    "interviews/2026-05-06-good.md": note("Good Person", body="## Insights\n\n- GOOD-NOTE-insight\n", company="C++ Labs"),
    "interviews/2026-05-07-csharp.md": note("Cee Sharp", company="C# Labs"),
    "interviews/2026-05-08-c.md": note("Cee Plain", company="C Labs"),
    "interviews/2026-05-09-index.md": note("Indy Index", company="Index", industry="Con", body="## Insights\n\n- Reserved names are names.\n"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("bounded")
    project = project_with(tmp, BAD)
    outside = tmp / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "folder" / "secret.txt").write_text("canary-linked-folder", encoding="utf-8")
    (outside / "2026-05-10-linked.md").write_text(note("Linked Out", body="## Insights\n\n- canary-linked-note\n"), encoding="utf-8")
    os.symlink(outside / "folder", project / "content" / "interviews" / "files")
    os.symlink(outside / "folder", project / "content" / "stuff")
    os.symlink(outside / "2026-05-10-linked.md", project / "content" / "interviews" / "2026-05-10-linked.md")
    return project


def test_an_alias_bomb_is_refused_at_its_line_without_growing_memory() -> None:
    from generator.load import Source, load_note

    tracemalloc.start()
    note_, diags = load_note(Source("content/interviews/bomb.md", "interviews/bomb.md", BOMB.encode()))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert note_ is None
    assert [d.format().split("\n")[0] for d in diags] == [
        "content/interviews/bomb.md:4:4: the frontmatter expands to more than 50,000 values through YAML aliases (*name); "
        "no note needs that many"]
    assert peak < 5_000_000, f"{peak:,} bytes"  # expanded, the bomb is 387 million values


def test_an_alias_bomb_in_a_folder_to_import_is_skipped_without_growing_memory(tmp_path: Path) -> None:
    """`insight import` reads another tool's frontmatter: the same bound as the loader's, before anything is built."""
    from generator.importer.readers import markdown_note
    from generator.importer.records import Read

    read = Read("Markdown notes")
    tracemalloc.start()
    markdown_note("bomb.md", BOMB.replace("person:", "name:").encode(), read, None)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [(s.source, s.why) for s in read.skipped] == [
        ("bomb.md", "the frontmatter expands to more than 50,000 values through YAML aliases (*name); no note needs that many")]
    assert peak < 5_000_000, f"{peak:,} bytes"


@pytest.mark.parametrize("depth", [400, 3000])
def test_deep_nesting_in_a_folder_to_import_is_a_message_not_a_traceback(tmp_path: Path, depth: int) -> None:
    source = tmp_path / "notes"
    source.mkdir()
    (source / "deep.md").write_text(f"---\nperson: Ana Lima\ndate: 2026-06-01\nx: {'[' * depth}{']' * depth}\n---\nbody\n",
                                    encoding="utf-8")
    project = project_with(tmp_path, {"interviews/2026-05-06-good.md": note("Good Person")})
    result = run_insight("import", str(source), "--dry-run", cwd=project, check=False)
    assert result.returncode == 0 and "Traceback" not in result.stderr and "bug in insight" not in result.stderr, result.stderr
    assert "Ana Lima, 2026-06-01" in result.stdout or "deep.md: " in result.stdout  # read, or skipped with why


@pytest.mark.parametrize("args", [("check",), ("build",), ("followups",), ("prep", "Pl Anned"), ("export", "--out", "exported"),
                                  ("share", "Data Science", "--out", "guide", "--zip"), ("questions",)])
def test_no_command_ends_in_a_traceback(project: Path, args: tuple[str, ...]) -> None:
    result = run_insight(*args, "--today", TODAY, cwd=project, check=False)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    assert result.returncode in (0, 1), result.stderr


def test_every_bad_value_is_named_with_file_line_and_field(project: Path) -> None:
    said = run_insight("check", "--today", TODAY, cwd=project, check=False).stdout
    for line in [
        "content/interviews/2026-05-01-bomb.md:4:4: the frontmatter expands to more than 50,000 values",
        "content/interviews/2026-05-02-self.md:4:11: a YAML alias here contains itself",
        "content/interviews/2026-05-03-big.md:1:1: the frontmatter is 380 KB, more than the 256 KB a note may have",
        "content/interviews/2026-05-04-far.md:2:7: date: 9999-12-31 is outside the years 1900 to 2200",
        "content/interviews/2026-05-04-far.md:5:15: requested_on: 0001-01-01 is outside the years 1900 to 2200",
        "content/interviews/2026-05-04-far.md:6:15: follow_up_on: 9999-12-31 is outside the years 1900 to 2200",
        "content/interviews/2026-05-04-far.md:7:17: thank_you_sent: 9999-12-31 is outside the years 1900 to 2200",
        "content/people/big-cadence.md:3:16: keep_in_touch: a number of 30 digits is more than 36,500 days",
        'content/people/huge-cadence.md:3:16: keep_in_touch: expected a whole number of days, got "99999',
    ]:
        assert line in said, (line, said)


def test_one_bad_note_never_stops_the_others(project: Path) -> None:
    run_insight("build", "--today", TODAY, cwd=project, check=False)
    page = (project / "site/interviews/2026-05-06-good/index.html").read_text(encoding="utf-8")
    assert "GOOD-NOTE-insight" in page


def test_links_out_of_content_are_not_followed_and_check_says_so(project: Path) -> None:
    said = run_insight("check", "--today", TODAY, cwd=project, check=False).stdout
    for where, kind in [("content/interviews/2026-05-10-linked.md", "file"), ("content/interviews/files", "folder"),
                        ("content/stuff", "folder")]:
        assert f"{where}:1:1: warning: a link to a {kind} outside content/" in said, said
    run_insight("build", "--today", TODAY, cwd=project, check=False)
    site = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in (project / "site").rglob("*") if p.is_file())
    assert "canary-linked" not in site and not (project / "site/stuff").exists()
    assert (project / "site/assets/insight/network.js").is_file(), "the theme's own files are still published"
    run_insight("share", "Data Science", "--out", str(project.parent / "g"), "--zip", "--today", TODAY, cwd=project)
    assert [n for n, t in every_text(project.parent / "g").items() if "canary-linked" in t] == []


def test_symbols_keep_companies_apart_and_reserved_names_get_safe_slugs(project: Path) -> None:
    run_insight("build", "--today", TODAY, cwd=project, check=False)
    site = project / "site"
    for slug in ("cpp-labs", "csharp-labs", "c-labs", "index-company"):
        assert (site / "companies" / slug / "index.html").is_file(), slug
    assert (site / "industries/con-industry/index.html").is_file()
    index = (site / "companies/index.html").read_text(encoding="utf-8")
    assert "C++ Labs" in index and "C# Labs" in index and "C Labs" in index  # the section's own page is still there
    run_insight("share", "Con", "--out", str(project.parent / "con-guide"), "--zip", "--today", TODAY, cwd=project)
    names = every_text(project.parent / "con-guide")
    assert "con-guide.zip!con-guide/docs/industries/con-industrie.md" in names or any(
        n.endswith("docs/industries/con-industry.md") for n in names), sorted(n for n in names if "industries" in n)
    assert not any(n.rsplit("/", 1)[-1].split(".")[0].lower() in ("con", "nul", "aux", "prn") for n in names)


def test_new_refuses_a_person_of_only_spaces(tmp_path: Path) -> None:
    project = project_with(tmp_path, {"interviews/2026-05-06-good.md": note("Good Person")})
    result = run_insight("new", "--person", "   ", cwd=project, check=False)
    assert result.returncode == 2 and "--person: expected a name, got only spaces" in result.stderr
    assert sorted(p.name for p in (project / "content/interviews").iterdir()) == ["2026-05-06-good.md"]
