"""What several people told you, merged: the grouping's quality on labelled sentences, and what pages and the CLI show."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import site as core
from generator.cli import main
from generator.questions.said import central, group_said, similarity
from generator.settings import Settings

DATA = Path(__file__).parent / "data"


def labelled(name: str) -> tuple[list[str], list[str], list[str]]:
    rows = [line.rstrip("\n").split("\t") for line in (DATA / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    assert all(len(r) == 4 and r[1] in ("advice", "insight") and r[2] for r in rows)
    return [r[0] for r in rows], [r[3] for r in rows], [r[2] for r in rows]


def pairwise_f1(gold: list[str], predicted: list[int]) -> float:
    """Over every pair of sentences: said together by the labels, grouped together by the code."""
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(gold)), 2):
        same, grouped = gold[i] == gold[j], predicted[i] == predicted[j]
        tp += same and grouped
        fp += grouped and not same
        fn += same and not grouped
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize("name", ["said_groups_dev.tsv", "said_groups_holdout.tsv"])
def test_grouping_reaches_pairwise_f1_of_0_8(name: str) -> None:
    gold, texts, _ = labelled(name)
    assert pairwise_f1(gold, group_said(texts)) >= 0.8


def test_labelled_sets_are_big_enough_and_name_their_sources() -> None:
    gold, texts, sources = labelled("said_groups_dev.tsv")
    assert len(texts) >= 60 and len({g for g in gold if not g.startswith("solo-")}) >= 15
    assert len(set(sources)) >= 5


def test_the_wording_shown_is_the_one_closest_to_the_others() -> None:
    """central() against its definition worked out pair by pair with similarity(), on every labelled group and on
    shuffled mixes of them (sentences worded alike, negated ones, ties broken by length)."""
    import random

    gold, texts, _ = labelled("said_groups_dev.tsv")
    groups = [[t for g, t in zip(gold, texts) if g == label] for label in dict.fromkeys(gold)]
    rng = random.Random(5)
    groups += [rng.sample(texts, k) for k in (2, 3, 8, 20, 40) for _ in range(5)]
    groups += [["Learn SQL.", "Learn SQL properly.", "Learn SQL."], ["Never skip SQL.", "SQL matters most."]]

    def by_definition(xs: list[str]) -> int:
        return min(range(len(xs)), key=lambda i: (-sum(similarity(xs[i], x) for j, x in enumerate(xs) if j != i),
                                                  len(xs[i]), xs[i]))

    assert all(central(xs) == by_definition(xs) for xs in groups)
    assert central(["Learn SQL properly.", "Learn SQL."]) == 1  # a tie goes to the shorter


def test_pairwise_f1_by_hand() -> None:
    # gold pairs together: (0,1); predicted together: (0,1), (2,3). tp 1, fp 1, fn 0 -> P 1/2, R 1 -> F1 2/3
    assert pairwise_f1(["a", "a", "b", "c"], [0, 0, 1, 1]) == pytest.approx(2 / 3)


@pytest.mark.parametrize("a, b", [
    ("Start networking long before you need a job.", "Large networking events are mostly a waste of time."),
    ("Tailor your CV to each job description.", "Do not list every tool you have ever touched on your CV."),
    ("Learn SQL properly before anything else.", "Learn Python rather than R if you can only pick one."),
    ("Find a mentor a few years ahead of you.", "Start networking long before you need a job."),
    ("A first job at a well-run larger company teaches what good practice looks like.",
     "Practise case interviews with a partner."),
])
def test_unrelated_or_opposite_items_are_never_merged(a: str, b: str) -> None:
    assert group_said([a, b]) == [0, 1]


def test_two_things_in_one_note_are_never_merged() -> None:
    texts = ["Learn SQL properly.", "Get really good at SQL.", "SQL is tested first."]
    assert group_said(texts) == [0, 0, 0]
    first, second, third = group_said(texts, ["note-a", "note-a", "note-b"])
    assert first != second and third in (first, second)


def note(docs: Path, name: str, front: str) -> None:
    (docs / "interviews").mkdir(parents=True, exist_ok=True)
    (docs / "interviews" / name).write_text(f"---\n{front.strip()}\n---\n", encoding="utf-8")


def corpus(tmp_path: Path) -> Path:
    docs = tmp_path / "content"
    note(docs, "2026-05-04-ana-lima.md", """
date: 2026-05-04
person: Ana Lima
company: Acme
industry: Data Science
advice: [Learn SQL properly before anything else.]
insights: [Most of the job is cleaning data, not modelling.]
""")
    note(docs, "2026-05-11-carl-diaz.md", """
date: 2026-05-11
person: Carl Diaz
company: Acme
industry: Data Science
advice:
  - Get really good at SQL, joins and window functions included.
  - Find a mentor a few years ahead of you.
""")
    note(docs, "2026-05-18-dana-eng.md", """
date: 2026-05-18
person: Dana Eng
company: Globex
industry: Data Science
advice: [Strong SQL matters more than anything else here.]
insights: [Data cleaning takes far more time than the modelling people imagine.]
""")
    note(docs, "2026-06-20-eve-fox.md", """
date: 2026-06-20
person: Eve Fox
company: Acme
industry: Data Science
status: scheduled
advice: [Learn SQL.]
""")
    return docs


def test_pages_say_who_said_the_same_thing_strongest_first(tmp_path: Path) -> None:
    site = core.build(corpus(tmp_path), Settings(today=dt.date(2026, 6, 15)))
    industry = site.pages["industries/data-science.md"]
    section = industry.split("## Advice", 1)[1].split("##", 1)[0]
    advice = [line for line in section.splitlines() if line.startswith("<li>")]
    text = [re.sub(r"<[^>]+>", "", line) for line in advice]
    # by hand: SQL from Ana, Carl and Dana (Eve's conversation has not happened: not counted); the mentor from Carl
    assert text[0].startswith("Learn SQL properly before anything else. (said by 3 people: ")
    assert advice[0].count('href="../../interviews/') == 3
    assert '<a href="../../interviews/2026-05-18-dana-eng/">Dana Eng</a>' in advice[0]
    # the other wordings, in a list inside the first item
    assert section.index("<ul>", section.index("<li>")) < section.index(advice[1]) < section.index("</ul>")
    assert set(text[1:3]) == {"“Get really good at SQL, joins and window functions included.” (Carl Diaz)",
                              "“Strong SQL matters more than anything else here.” (Dana Eng)"}
    assert text[3] == "Find a mentor a few years ahead of you. (Carl Diaz)"
    assert '<a href="../../interviews/2026-05-11-carl-diaz/">Carl Diaz</a>' in advice[3]
    insights = industry.split("## Insights", 1)[1].split("##", 1)[0]
    assert ('(said by 2 people: <a href="../../interviews/2026-05-04-ana-lima/">Ana Lima</a>, '
            '<a href="../../interviews/2026-05-18-dana-eng/">Dana Eng</a>') in insights
    # on Acme's page only what was said at Acme: SQL by Ana and Carl
    acme = site.pages["companies/acme.md"]
    assert ('(said by 2 people: <a href="../../interviews/2026-05-04-ana-lima/">Ana Lima</a>, '
            '<a href="../../interviews/2026-05-11-carl-diaz/">Carl Diaz</a>') in acme
    assert "Dana Eng" not in acme and "Learn SQL." not in acme


def test_cli_groups_lines_and_lists_what_several_people_said(tmp_path: Path) -> None:
    out = CliRunner().invoke(main, ["insights", "group", "-"],
                             input="Learn SQL properly.\n\nGet really good at SQL.\nFind a mentor.\n")
    assert out.exit_code == 0 and out.output == ("said-1\tLearn SQL properly.\n-\t\nsaid-1\tGet really good at SQL.\n"
                                                 "said-2\tFind a mentor.\n")


def test_a_group_said_by_many_shows_a_few_other_wordings_and_counts_the_rest(tmp_path: Path) -> None:
    docs = tmp_path / "content"
    names = ["Ana Lima", "Ben Ortiz", "Carl Diaz", "Dana Eng", "Eve Fox", "Gil Hart", "Hana Ito", "Ivan Joy"]
    for day, name in enumerate(names, start=1):
        note(docs, f"2026-05-{day:02d}-{name.lower().replace(' ', '-')}.md", f"""
date: 2026-05-{day:02d}
person: {name}
company: Acme
industry: Data Science
advice: [Learn SQL properly before anything else.]
""")
    site = core.build(docs, Settings(today=dt.date(2026, 6, 15)))
    section = site.pages["industries/data-science.md"].split("## Advice", 1)[1].split("##", 1)[0]
    items = [re.sub(r"<[^>]+>", "", line) for line in section.splitlines() if line.startswith("<li>")]
    # by hand: eight people said it; one wording heads the item, seven others, of which five are shown
    assert items[0].startswith("Learn SQL properly before anything else. (said by 8 people: ")
    assert sum(item.startswith("“Learn SQL") for item in items) == 5
    assert items[6] == "2 more wordings, in the notes named above"
    assert len(items) == 7
