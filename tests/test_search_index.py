"""The search index of a real MkDocs + Material build holds what a reader looks for, each thing on its own page:
people, companies, industries, notes with their insights and answers, the questions by topic; not the pages that only gather them, nor a
second copy of an insight or of a note's related conversations."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import DEMO_TODAY

from generator import site as core
from generator.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def index(demo_site: Path) -> list[dict]:
    return json.loads((demo_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


@pytest.fixture(scope="module")
def kb():
    import datetime as dt

    return core.build(ROOT / "content", Settings(today=dt.date.fromisoformat(DEMO_TODAY))).kb


def pages(index: list[dict]) -> set[str]:
    return {d["location"].split("#")[0] for d in index}


def text_of(index: list[dict], page: str) -> str:
    return " ".join(f"{d['title']} {d['text']}" for d in index if d["location"].split("#")[0] == page)


def test_each_person_company_note_and_question_is_found_on_its_own_page(demo_site: Path, index: list[dict], kb) -> None:
    found = pages(index)
    for folder, slugs in (("people", kb.people), ("companies", kb.companies), ("industries", kb.industries),
                          ("interviews", [iv.slug for iv in kb.interviews])):
        assert slugs and {f"{folder}/{slug}/" for slug in slugs} <= found, folder



def test_pages_that_only_gather_are_left_out(demo_site: Path, index: list[dict]) -> None:
    found = pages(index)
    gathering = ["", "interviews/", "interviews/timeline/", "people/", "companies/", "industries/", "network/", "tags/",
                 "pipeline/"] + [p.parent.relative_to(demo_site).as_posix() + "/"
                                                   for p in (demo_site / "prep").glob("*/index.html")] + [
        p.parent.relative_to(demo_site).as_posix() + "/" for p in (demo_site / "network").glob("*/**/index.html")]
    assert all((demo_site / g / "index.html").is_file() for g in gathering)  # they exist, and are not searched
    assert not found & set(gathering)
    assert "questions/" in found  # every question's wording, by topic, found in one place
    assert any(p.startswith("guide/") for p in found)


def test_an_insight_is_indexed_once_on_its_note_and_related_lists_not_at_all(index: list[dict], kb) -> None:
    iv = next(iv for iv in kb.interviews if iv.note.meta.get("insights") and iv.held)
    insight = re.sub(r"[*_`\[\]]", "", iv.note.meta["insights"][0])
    words = " ".join(insight.split()[:6])
    holding = sorted({d["location"].split("#")[0] for d in index if words in d["text"]})
    assert holding == [f"interviews/{iv.slug}/"]  # not again on the person's, company's and industry's pages
    # the note's related conversations name other notes' dates: none of that is in the note's entries
    note = text_of(index, f"interviews/{iv.slug}/")
    assert "Related conversations" in note  # the heading is found, the list under it is not
    related = [other for other in kb.interviews if other is not iv and other.person == iv.person]
    assert not [o for o in related if o.date.isoformat() in note.split("Related conversations", 1)[1]]
