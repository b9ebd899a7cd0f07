"""Helpers for the security tests: a project made of hostile or untidy notes, and every byte a guide wrote."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, make_project, run_insight  # noqa: F401 - re-exported
from test_share_leaks import every_text  # noqa: F401 - re-exported

TODAY = "2026-11-27"


def project_with(tmp: Path, notes: dict[str, str | bytes], name: str = "project") -> Path:
    """A real project (the demo's mkdocs.yml and overrides) whose content/ holds only ``notes``."""
    content = tmp / f"{name}-content"
    for rel, text in notes.items():
        path = content / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    project = make_project(tmp / name, content=content)
    shutil.rmtree(content)
    return project


def note(person: str, body: str = "", *, industry: str = "Data Science", share: str = "anonymous",
         role: str = "Analyst", company: str = "Vantage Metrics", extra: str = "", date: str = "2026-05-02") -> str:
    """An interview note as people write them: frontmatter and a free Markdown body."""
    return (f"---\ndate: {date}\nperson: {{name: {person}, role: {role}, company: {company}}}\n"
            f"industry: {industry}\nstatus: done\nshare: {share}\n{extra}---\n{body}")


def leaks(texts: dict[str, str], words: list[str]) -> list[tuple[str, str]]:
    """(file, word) for every word found, in any case, in any output file or file name."""
    return [(name, w) for name, text in texts.items() for w in words if w.casefold() in text.casefold()]
