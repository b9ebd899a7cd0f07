"""The starter bank: good open-ended questions to suggest when a topic has not been asked about yet."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from generator.questions.taxonomy import TOPIC_SLUGS


@dataclass(frozen=True)
class StarterQuestion:
    """One suggested question and the topic it is filed under."""

    text: str
    topic: str


@lru_cache(maxsize=1)
def load_starter_bank() -> tuple[StarterQuestion, ...]:
    """Read ``generator/data/starter_questions.yaml`` from the installed package; fail loudly on bad entries,
    since the file ships with the code and a mistake there is a bug."""
    source = resources.files("generator").joinpath("data/starter_questions.yaml")
    data = yaml.load(source.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # libyaml: 10x
    entries = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ValueError("starter_questions.yaml: expected a mapping with a 'questions' list")
    bank: list[StarterQuestion] = []
    for number, entry in enumerate(entries, 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("q"), str) or not entry["q"].strip():
            raise ValueError(f"starter_questions.yaml: question {number}: expected {{q: text, topic: slug}}")
        topic = entry.get("topic")
        if topic not in TOPIC_SLUGS:
            raise ValueError(f"starter_questions.yaml: question {number}: unknown topic {topic!r}")
        bank.append(StarterQuestion(entry["q"].strip(), topic))
    return tuple(bank)
