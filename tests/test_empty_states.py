"""A knowledge base with no notes yet: every section says what goes there and the next step, never a blank page;
counts read as a careful person writes them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DEMO_TODAY, run_insight

from generator.wording import counted, plural

SECTIONS = {
    "index.html": "Start with your first conversation",
    "interviews/index.html": "No conversations yet",
    "interviews/timeline/index.html": "Nothing to show month by month yet",
    "people/index.html": "No people yet",
    "companies/index.html": "No companies yet",
    "industries/index.html": "No industries yet",
    "network/index.html": "No network yet",
    "questions/index.html": "No questions yet",
    "follow-ups/index.html": "Nothing to follow up yet",
    "problems/index.html": "No problems: every note was read and is on the site.",
}


@pytest.fixture(scope="module")
def empty_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("empty")
    run_insight("init", "kb", "--name", "Ana Lima", cwd=where)
    run_insight("build", "--strict", "--today", DEMO_TODAY, cwd=where / "kb")
    return where / "kb" / "site"


def _article(path: Path) -> str:
    html = path.read_text(encoding="utf-8")
    return html[html.index("<article"):html.index("</article>")]


@pytest.mark.parametrize("page", list(SECTIONS))
def test_every_section_says_what_goes_there_and_the_next_step(empty_site: Path, page: str) -> None:
    article = _article(empty_site / page)
    text = " ".join(re.sub(r"<[^>]+>", " ", article).split())
    assert SECTIONS[page] in text
    if page != "problems/index.html":
        assert "insight new --person" in text.replace("&quot;", '"')  # the command to run next
        assert re.search(r"\b0 (conversations|people|companies|industries)\b", text) is None  # no count of nothing


def test_counts_read_as_words() -> None:
    assert [counted(n, "conversation") for n in (0, 1, 2, 1234)] == [
        "0 conversations", "1 conversation", "2 conversations", "1,234 conversations"]
    assert counted(1, "person") == "1 person" and counted(3, "person") == "3 people"
    assert counted(2, "company") == "2 companies" and counted(2, "day") == "2 days"
    assert plural("warm lead", 2) == "warm leads" and plural("starter question", 5) == "starter questions"
    assert counted(7, "person or company", "people and companies") == "7 people and companies"
