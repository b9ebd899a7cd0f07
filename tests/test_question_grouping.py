"""Pin the question bank's behaviour: paraphrases group, near-misses stay apart, quality stays above the floor."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.questions import TOPICS, canonical, group_questions, load_starter_bank, normalise, topic_of
from tools.question_eval import load_labelled, pairwise_scores, perturbed
from generator.questions.taxonomy import TIARA, TOPIC_SLUGS

DATA = Path(__file__).parent / "data"


def same_group(*texts: str) -> bool:
    return len(set(group_questions(list(texts)))) == 1


def test_day_to_day_paraphrases_group() -> None:
    assert same_group("What does a typical day look like?", "Describe a typical work week",
                      "What do you do day to day?")


@pytest.mark.parametrize("a, b", [
    ("What do you like best about your job?", "What do you like least about your job?"),
    ("How did you get into this field?", "How would you get into this field today?"),
    ("What skills matter most?", "What education do you need?"),
    ("What surprised you most about this job?", "What would you do differently?"),
    ("What are the biggest challenges in your job?", "What do you enjoy most about your job?"),
    ("Who else should I talk to?", "What should I read to learn more?"),
    ("What is the salary range?", "What is the work-life balance like?"),
])
def test_near_misses_stay_apart(a: str, b: str) -> None:
    assert not same_group(a, b)


@pytest.mark.parametrize("a, b", [
    ("whats the worst part of ur job", "What do you like least about your work?"),
    ("Can you describe what a typcial day is like?", "walk me through an average day"),
    ("what surprised them", "What surprised you most when you started?"),
])
def test_typos_and_notes_style_group(a: str, b: str) -> None:
    assert same_group(a, b)


def test_dev_set_quality_floor() -> None:
    gold, questions = load_labelled(DATA / "question_groups_dev.tsv")
    assert len(questions) >= 150 and len(set(gold)) >= 25
    assert pairwise_scores(gold, group_questions(questions)).f1 >= 0.75


def test_check_set_is_well_formed() -> None:
    gold, questions = load_labelled(DATA / "question_groups_check.tsv")
    assert len(questions) >= 50 and len(set(gold)) >= 15


def test_output_length_and_first_seen_order() -> None:
    texts = ["What is the salary range?", "Who else should I talk to?", "How much does it pay?", "Any books?"]
    ids = group_questions(texts)
    assert len(ids) == len(texts)
    assert ids[0] == 0 and ids[1] == 1 and ids[2] == 0
    seen: list[int] = []
    for i in ids:
        if i not in seen:
            assert i == len(seen)
            seen.append(i)
    assert group_questions([]) == []


def test_fallback_groups_identical_unknown_questions_only() -> None:
    ids = group_questions(["Do you own a cat?", "do you own a cat", "Is the cafeteria any good?"])
    assert ids == [0, 0, 1]


def test_deterministic() -> None:
    _, questions = load_labelled(DATA / "question_groups_dev.tsv")
    assert group_questions(questions) == group_questions(list(questions))


def test_canonical_prefers_central_member_and_bank() -> None:
    group = ["what do u do all day", "What does a typical day look like?", "Describe a typical day for you"]
    assert canonical(group) in {"What does a typical day look like?", "Describe a typical day for you?"}
    bank = [q.text for q in load_starter_bank()]
    assert canonical(group, bank=bank) == "Could you walk me through a typical day or week in your role?"
    assert canonical([]) == ""
    assert canonical(["  is it fun  "]) == "Is it fun?"


def test_pairwise_scores() -> None:
    assert pairwise_scores(["a", "a", "b"], [0, 0, 1]).f1 == 1.0
    s = pairwise_scores(["a", "a", "b", "b"], [0, 0, 0, 0])
    assert s.recall == 1.0 and s.precision == pytest.approx(2 / 6)
    with pytest.raises(ValueError):
        pairwise_scores(["a"], [])


def test_normalise() -> None:
    assert normalise("  What’s the WORK-LIFE balance?? ") == "what is the work life balance"
    assert normalise("") == ""


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=300), max_size=20))
def test_any_text_never_crashes(texts: list[str]) -> None:
    ids = group_questions(texts)
    assert len(ids) == len(texts)
    assert all(isinstance(topic_of(t), str) for t in texts)
    canonical(texts)


@pytest.mark.parametrize("text", ["", "???", "🙂🚀", "x" * 100_000, "Was macht Ihnen an Ihrer Arbeit am meisten Spaß?",
                                  "你每天做什么？", "\x00\n\t", "'s", "- - -", "?" * 5000])
def test_odd_input(text: str) -> None:
    assert len(group_questions([text, text])) == 2
    assert topic_of(text) in TOPIC_SLUGS
    assert isinstance(canonical([text]), str)


def test_starter_bank() -> None:
    bank = load_starter_bank()
    assert len(bank) >= 60
    texts = [q.text for q in bank]
    assert len({normalise(t) for t in texts}) == len(texts)
    assert {q.topic for q in bank} <= TOPIC_SLUGS
    assert {t.slug for t in TOPICS} - {"general"} <= {q.topic for q in bank}
    for q in bank:
        assert topic_of(q.text) == q.topic, q.text


def test_taxonomy() -> None:
    assert len({t.slug for t in TOPICS}) == len(TOPICS)
    assert all(t.tiara in TIARA and t.title and t.description for t in TOPICS)
    assert {t.tiara for t in TOPICS} == set(TIARA)
    assert topic_of("What does a typical day look like?") == "day-to-day"
    assert topic_of("Who else should I talk to?") == "resources-referrals"
    assert topic_of("Do you own a cat?") == "general"


def test_perturbed_is_deterministic() -> None:
    base = ["What is the pay?", "Any books?"]
    assert perturbed(base, 50) == perturbed(base, 50) and len(perturbed(base, 50)) == 50


def test_package_does_not_import_site_tools() -> None:
    package = Path(__file__).parent.parent / "generator" / "questions"
    for path in package.glob("*.py"):
        source = path.read_text(encoding="utf-8")
        assert "mkdocs" not in source and "import click" not in source, path.name
