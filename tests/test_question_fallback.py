"""The prefix-filtered fallback of question grouping equals comparing with every leader; plus the classic questions
added after the third labelled set."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.questions import grouping
from tools.question_eval import load_labelled, pairwise_scores, unmatched_questions

DATA = Path(__file__).parent / "data"


def _all_questions() -> list[str]:
    out: list[str] = []
    for path in sorted(DATA.glob("question_groups_*.tsv")):
        out.extend(load_labelled(path)[1])
    return out


def _brute_keys(texts: list[str]) -> list[str]:
    """The fallback without prefix filtering: compare every intent-less question with every leader."""
    keys, leaders, seen = [], [], {}
    for text in texts:
        intent = grouping.intent_of(text)
        if intent:
            keys.append(f"intent:{intent}")
            continue
        sig = grouping.signature(text)
        if sig not in seen:
            best, best_score = -1, grouping.FALLBACK_THRESHOLD
            for i, leader in enumerate(leaders):
                score = grouping._jaccard(sig, leader)
                if score > best_score or (score == best_score and best < 0):
                    best, best_score = i, score
            if best < 0:
                best = len(leaders)
                leaders.append(sig)
            seen[sig] = f"text:{best}"
        keys.append(seen[sig])
    return keys


def test_prefix_filtered_fallback_equals_all_pairs() -> None:
    words = "garden piano river kettle sofa parrot glacier pepper marble lantern".split()
    salad = [f"{a} {b} {c}?" for a in words for b in words[:5] for c in words[:3]]
    texts = salad + unmatched_questions(400) + _all_questions()
    assert grouping.group_keys(texts) == _brute_keys(texts)


@pytest.mark.parametrize("a, b", [
    ("How important is networking in your industry?", "How did you build your professional network?"),
    ("How stressful is your job?", "How do you handle the pressure and deadlines?"),
    ("How much independence do you have in your work?", "How much supervision do you receive?"),
    ("What is the size of your company?", "How many people work in your department?"),
    ("If you could change one thing about your job, what would it be?", "What do you like least about your job?"),
    ("Where could this job lead in five years?", "What are the opportunities for advancement?"),
])
def test_classic_questions_group(a: str, b: str) -> None:
    assert len(set(grouping.group_questions([a, b]))) == 1


@pytest.mark.parametrize("a, b", [
    ("How stressful is your job?", "What are the biggest challenges in your role?"),
    ("Who are the major employers in this field?", "What should I major in?"),
    ("How important is networking in your industry?", "What professional associations should I join?"),
    ("Where could this job lead in five years?", "Where is the industry going in five years?"),
])
def test_classic_near_misses_stay_apart(a: str, b: str) -> None:
    assert len(set(grouping.group_questions([a, b]))) == 2


def test_holdout_set_is_well_formed_and_above_the_bar() -> None:
    gold, questions = load_labelled(DATA / "question_groups_holdout.tsv")
    assert len(questions) >= 70 and len(set(gold)) >= 20
    assert pairwise_scores(gold, grouping.group_questions(questions)).f1 >= 0.75
