"""The question bank's pure core: group paraphrases, pick a wording, file them under a topic.

Nothing here imports MkDocs or click; the site integration builds on these functions.
"""

from __future__ import annotations

from generator.questions.grouping import canonical, group_questions, intent_of, normalise
from generator.questions.starter import StarterQuestion, load_starter_bank
from generator.questions.taxonomy import TOPICS, Topic, topic_of

__all__ = [
    "TOPICS", "StarterQuestion", "Topic", "canonical", "group_questions", "intent_of", "load_starter_bank",
    "normalise", "topic_of",
]
