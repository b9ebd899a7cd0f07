"""The derive stage: every fact pages read is worked out once, before any page, and building pages changes nothing."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from generator import pages as page_builders
from generator import site as core
from generator.derive import derive
from generator.render import render
from generator.settings import Settings

TODAY = dt.date(2026, 6, 10)
DEMO = Path(__file__).resolve().parent.parent / "content"


def test_pages_are_pure_of_kb_derived_and_settings() -> None:
    settings = Settings(today=TODAY)
    kb = core.load(core.discover(DEMO), settings)
    before = list(kb.diagnostics)
    derived = derive(kb, settings)
    with pytest.raises(dataclasses.FrozenInstanceError):
        derived.bank = None  # type: ignore[misc]
    specs = page_builders.build_pages(kb, derived, settings)
    first = {s.src_uri: render(s, {"kb": kb, "settings": settings, "overlay": False}) for s in specs}
    assert kb.diagnostics == before  # building pages reports nothing: the derive stage did
    again = {s.src_uri: render(s, {"kb": kb, "settings": settings, "overlay": False})
             for s in page_builders.build_pages(kb, derive(kb, settings), settings)}
    assert first == again and len(first) > 50


def test_problems_found_while_deriving_are_the_sites(tmp_path: Path) -> None:
    docs = tmp_path / "content"
    (docs / "interviews").mkdir(parents=True)
    (docs / "interviews" / "2026-05-01-ana.md").write_text(
        "---\ndate: 2026-05-01\nperson: Ana Lima\nquestions:\n  - q: How did you start?\n    a: By luck.\n"
        "    topic: nonsense\n---\n", encoding="utf-8")
    site = core.build(docs, Settings(today=TODAY))
    (warning,) = site.derived.diagnostics
    assert "nonsense" in warning.format() and warning.line == 4  # the questions: field
    assert warning not in site.kb.diagnostics and warning in site.diagnostics
