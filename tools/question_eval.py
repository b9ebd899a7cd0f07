"""Measure question grouping against labelled TSV files (GROUP<TAB>QUESTION per line).

Pairwise scoring: every pair of questions is either together or apart, in the labels and in the prediction;
precision, recall and F1 are over the "together" pairs. Run ``python -m tools.question_eval [FILE...]``;
with no files it scores the three labelled sets in ``tests/data`` (dev, check, holdout) and times 5,000 questions.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.questions.grouping import group_questions


_DATA = Path(__file__).resolve().parents[1] / "tests" / "data"
#: The labelled sets scored by default: dev (tuned on), check and holdout (written independently, not tuned on).
DEFAULT_SETS = tuple(_DATA / f"question_groups_{name}.tsv" for name in ("dev", "check", "holdout"))


@dataclass(frozen=True)
class Score:
    """Pairwise agreement between a predicted and a gold grouping."""

    precision: float
    recall: float
    f1: float


def _pairs_together(labels: Sequence[object]) -> int:
    """Number of unordered pairs sharing a label."""
    return sum(n * (n - 1) // 2 for n in Counter(labels).values())


def pairwise_scores(gold: Sequence[object], predicted: Sequence[object]) -> Score:
    """Pairwise precision/recall/F1 in O(n) through label co-occurrence counts rather than all pairs."""
    if len(gold) != len(predicted):
        raise ValueError(f"gold has {len(gold)} labels, predicted has {len(predicted)}")
    both = _pairs_together(list(zip(gold, predicted)))
    pred_pairs, gold_pairs = _pairs_together(predicted), _pairs_together(gold)
    precision = both / pred_pairs if pred_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(precision, recall, f1)


def load_labelled(path: str | Path) -> tuple[list[str], list[str]]:
    """Read GROUP<TAB>QUESTION lines; blank lines and lines starting with '#' are skipped."""
    groups: list[str] = []
    questions: list[str] = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        group, sep, question = line.partition("\t")
        if not sep:
            raise ValueError(f"{path}:{number}: expected GROUP<TAB>QUESTION")
        groups.append(group.strip())
        questions.append(question.strip())
    return groups, questions


def perturbed(questions: Sequence[str], n: int) -> list[str]:
    """``n`` questions built deterministically from ``questions``: repeats with case, punctuation and filler changes,
    so caches see realistic near-duplicates rather than exact repeats."""
    fillers = ("", "so ", "and ", "also, ", "I was wondering: ", "quick one - ")
    tails = ("", "?", "??", " in your opinion", " these days", " at {i}")
    out: list[str] = []
    i = 0
    while len(out) < n:
        q = questions[i % len(questions)].rstrip("?")
        variant = i // len(questions)
        text = fillers[variant % len(fillers)] + q + tails[(variant // len(fillers)) % len(tails)].format(i=i)
        out.append(text.lower() if variant % 2 else text)
        i += 1
    return out


def unmatched_questions(n: int) -> list[str]:
    """``n`` deterministic questions built from words no intent knows, to time the similarity fallback."""
    words = ("garden", "piano", "weather", "cat", "bicycle", "coffee", "river", "chess", "lamp", "violin", "tomato",
             "mountain", "kettle", "sofa", "parrot", "glacier", "pepper", "marble", "harbour", "lantern")
    out = []
    for i in range(n):
        a, b, c = words[i % 20], words[(i // 20) % 20], words[(i // 400) % 20]
        out.append(f"Do you prefer the {a} or the {b} near the {c} number {i % 7}?")
    return out


def _clear_caches() -> None:
    """Forget memoised work so timings measure a cold run."""
    from generator.questions import grouping

    grouping.intent_of.cache_clear()  # the one memo the grouping keeps (make bench's rows say why)


def main(argv: Sequence[str] | None = None) -> int:
    """Print one row per labelled file, then the time to group 5,000 questions."""
    paths = list(sys.argv[1:] if argv is None else argv) or [str(p) for p in DEFAULT_SETS]
    missing = [p for p in paths if not Path(p).is_file()]
    if missing:
        print(f"usage: python -m tools.question_eval [FILE...]; not found: {', '.join(missing)}",
              file=sys.stderr)
        return 2
    print(f"{'file':<40} {'questions':>9} {'groups':>6} {'precision':>9} {'recall':>6} {'F1':>5} {'time ms':>8}")
    all_questions: list[str] = []
    for path in paths:
        gold, questions = load_labelled(path)
        all_questions.extend(questions)
        _clear_caches()
        start = time.perf_counter()
        predicted = group_questions(questions)
        elapsed = (time.perf_counter() - start) * 1000
        s = pairwise_scores(gold, predicted)
        print(f"{Path(path).name:<40} {len(questions):>9} {len(set(gold)):>6} {s.precision:>9.3f} {s.recall:>6.3f}"
              f" {s.f1:>5.3f} {elapsed:>8.1f}")
    big = perturbed(all_questions, 5000)
    _clear_caches()
    start = time.perf_counter()
    ids = group_questions(big)
    elapsed = time.perf_counter() - start
    print(f"timing: {len(big)} questions -> {len(set(ids))} groups in {elapsed:.3f} s (cold caches)")
    odd = unmatched_questions(5000)
    _clear_caches()
    start = time.perf_counter()
    ids = group_questions(odd)
    elapsed = time.perf_counter() - start
    print(f"timing: {len(odd)} questions matching no intent -> {len(set(ids))} groups in {elapsed:.3f} s (fallback path)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
