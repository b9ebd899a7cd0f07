"""Golden files: the generated Markdown of a small fixed project, compared file by file.

The project is ``tests/fixtures/golden-project`` (three notes, a person file with an alias, a
company file with the user's own text); its ``insight export`` output is kept in
``tests/golden/``. Only Markdown is compared: data assets change with every schema field.

A change to what pages show changes these files on purpose. Look at the diff, then refresh:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import make_project, run_insight

HERE = Path(__file__).parent
PROJECT = HERE / "fixtures" / "golden-project"
GOLDEN = HERE / "golden"


def markdown_files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.md"))}


def test_generated_markdown_matches_the_golden_files(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", content=PROJECT / "content",
                           mkdocs_yml=(PROJECT / "mkdocs.yml").read_text(encoding="utf-8"))
    run_insight("export", "--today", "2026-11-27", "--out", str(tmp_path / "out"), cwd=project)
    got = markdown_files(tmp_path / "out")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, data in got.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_bytes(data)
    want = markdown_files(GOLDEN)
    assert sorted(got) == sorted(want), "pages added or removed: refresh with UPDATE_GOLDEN=1 if intended"
    for rel in sorted(want):
        assert got[rel].decode() == want[rel].decode(), f"{rel} differs: refresh with UPDATE_GOLDEN=1 if intended"


def test_golden_project_shows_one_page_per_spelling() -> None:
    """The golden files themselves say what they are for: one José, one Acme, titles on overlays."""
    files = markdown_files(GOLDEN)
    assert [f for f in files if f.startswith("people/jos")] == ["people/jose-nunez.md"]
    assert [f for f in files if f.startswith("companies/acme")] == ["companies/acme-analytics.md"]
    assert files["companies/acme-analytics.md"].startswith(b"# Acme Analytics Inc.\n\nOur own note about Acme")
    # a role written as Markdown and HTML is text on the company's list of people (pre-rendered HTML there)
    assert b"Cleo Park</a>, Lead *Analyst* &lt;b&gt; (held" in files["companies/globex.md"]
