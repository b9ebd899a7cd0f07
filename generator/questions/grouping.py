"""Group paraphrased informational-interview questions by what they ask.

Generic similarity scores (TF-IDF, fuzzy tokens, sentence embeddings) put "What do you like best?" next to "What
do you like least?" and miss that "Describe a typical week" asks what "What do you do day to day?" asks. So each
question is first mapped to an *intent* from a curated lexicon (``lexicon.INTENTS``, tried in priority order);
only questions that match no intent fall back to token-set similarity with a high threshold. Everything is
deterministic, offline and pure Python.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from generator.questions.lexicon import COMMON_WORDS, CONTRACTIONS, INTENTS, KEYWORDS, STOPWORDS, TYPOS

#: Minimum Jaccard overlap of content-word signatures for two intent-less questions to share a group.
FALLBACK_THRESHOLD = 0.6

_COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (intent.slug, re.compile("|".join(f"(?:{p})" for p in intent.patterns))) for intent in INTENTS
)
_TOPIC_OF_INTENT: dict[str, str] = {intent.slug: intent.topic for intent in INTENTS}
# Notes often record a question as asked about "them"; the lexicon is written for "you".
_THIRD_PERSON = {"they": "you", "them": "you", "their": "your", "theirs": "yours", "themselves": "yourself",
                 "he": "you", "she": "you", "him": "you", "his": "your", "hers": "yours"}
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|[^\W\d_]+", re.UNICODE)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ness", "ments", "ment", "ies", "ied", "ers", "er", "ed", "ly", "es", "s")


def _deletes(word: str) -> set[str]:
    """Every string one deletion away from ``word`` (for symmetric-delete spelling correction)."""
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def _build_delete_index() -> dict[str, str]:
    """Map each keyword and its one-deletion variants to the keyword; ambiguous variants are dropped."""
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for word in sorted(KEYWORDS):
        for variant in {word} | _deletes(word):
            if variant in index and index[variant] != word:
                ambiguous.add(variant)
            index.setdefault(variant, word)
    for variant in ambiguous:
        del index[variant]
    return index


_DELETE_INDEX = _build_delete_index()
_KNOWN = KEYWORDS | STOPWORDS | COMMON_WORDS


def _correct(token: str) -> str:
    """Fix a token that is one edit (or one swap) away from a lexicon keyword; leave everything else alone."""
    if token in TYPOS:
        return TYPOS[token]
    if len(token) < 6 or token in _KNOWN or not token.isascii() or not token.isalpha():
        return token
    candidates = {_DELETE_INDEX[v] for v in _deletes(token) | {token} if v in _DELETE_INDEX}
    # An inflection ("developments", "skill") is not a typo of its stem: only fix genuine slips.
    candidates = {c for c in candidates if not (c.startswith(token) or token.startswith(c))}
    return candidates.pop() if len(candidates) == 1 else token


def normalise(text: str) -> str:
    """Lowercase, fold quotes, expand contractions, fix typos and read notes-style third person ("what surprised
    them") as second person, so lexicon patterns stay simple."""
    text = unicodedata.normalize("NFKC", str(text)).casefold()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub(r"[-_/]+", " ", text)
    words: list[str] = []
    for token in _TOKEN.findall(text):
        token = CONTRACTIONS.get(token, token)
        token = _THIRD_PERSON.get(token, token)
        if token.endswith("'s"):
            token = token[:-2]
        token = token.replace("'", "")
        if " " in token or not token:
            words.extend(token.split())
            continue
        words.append(_correct(token))
    return " ".join(words)


def _stem(word: str) -> str:
    """Strip a common English suffix; crude, but enough to let "skills" meet "skill" in the fallback."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def signature(text: str) -> frozenset[str]:
    """The stemmed content words of a question: what the fallback compares when no intent matches."""
    words = normalise(text).split()
    content = frozenset(_stem(w) for w in words if w not in STOPWORDS)
    return content or frozenset(words)


@lru_cache(maxsize=65536)  # derive asks it of every question again on every frontmatter save under serve
def intent_of(text: str) -> str | None:
    """The slug of the first lexicon intent whose patterns match the question, or ``None``."""
    norm = normalise(text)
    if not norm:
        return None
    for slug, pattern in _COMPILED:  # in lexicon order: the first intent that matches
        if pattern.search(norm):
            return slug
    return None


def topic_slug_of_intent(intent: str | None) -> str | None:
    """The taxonomy topic an intent belongs to (``None`` for an unknown or missing intent)."""
    return _TOPIC_OF_INTENT.get(intent) if intent else None


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Overlap of two word sets; two empty sets are identical."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _probe_length(size: int) -> int:
    """How many of a signature's rarest words must be indexed so that any set reaching the Jaccard threshold with
    it shares one of them (prefix filtering); rounded to the safe side."""
    return size - math.ceil(FALLBACK_THRESHOLD * size - 1e-9) + 1


def group_keys(texts: Sequence[str]) -> list[str]:
    """A grouping key per question: ``intent:<slug>``, or ``text:<n>`` for clusters of intent-less questions.

    Intent-less questions join the first-seen cluster leader they overlap most with (Jaccard >= threshold). Leaders
    are indexed only by their rarest few words (prefix filtering over document frequency): a leader close enough
    must share one of them, so the result equals comparing with every leader, in near-linear time even when
    thousands of questions with common words match no intent.
    """
    intents = [intent_of(text) for text in texts]
    sigs = {text: signature(text) for text, intent in zip(texts, intents) if intent is None}
    df: dict[str, int] = {}
    for sig in set(sigs.values()):
        for word in sig:
            df[word] = df.get(word, 0) + 1
    keys: list[str] = []
    by_signature: dict[frozenset[str], str] = {}
    leaders: list[frozenset[str]] = []
    leaders_with: dict[str, list[int]] = {}
    for text, intent in zip(texts, intents):
        if intent is not None:
            keys.append(f"intent:{intent}")
            continue
        sig = sigs[text]
        key = by_signature.get(sig)
        if key is None:
            rarest = sorted(sig, key=lambda w: (df[w], w))[:_probe_length(len(sig))]
            candidates = sorted({i for word in rarest for i in leaders_with.get(word, ())})
            best, best_score = -1, FALLBACK_THRESHOLD
            for i in candidates:
                score = _jaccard(sig, leaders[i])
                if score > best_score or (score == best_score and best < 0):
                    best, best_score = i, score
            if best < 0:
                best = len(leaders)
                leaders.append(sig)
                for word in rarest:
                    leaders_with.setdefault(word, []).append(best)
            key = by_signature[sig] = f"text:{best}"
        keys.append(key)
    return keys


def group_questions(texts: Sequence[str]) -> list[int]:
    """Group ids for ``texts``, in first-seen order: the first question is group 0, the next new group 1, and so on."""
    ids: dict[str, int] = {}
    return [ids.setdefault(key, len(ids)) for key in group_keys(texts)]


def tidy(text: str) -> str:
    """Present a question: collapse whitespace, capitalise the first letter, end with a question mark."""
    text = " ".join(str(text).split()).strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith(("?", ".", "!")) else text + "?"


def canonical(texts_in_group: Iterable[str], bank: Iterable[str] | None = None) -> str:
    """The wording to show for a group.

    With a ``bank`` (such as the starter questions), a bank question with the group's intent wins, so the same
    intent reads the same across pages. Otherwise the member whose signature overlaps most with the others; ties go
    to the shorter, then alphabetically first, wording, so the choice is stable.
    """
    members = [t for t in texts_in_group if str(t).strip()]
    if not members:
        return ""
    if bank is not None:
        intents = {intent_of(t) for t in members} - {None}
        if len(intents) == 1:
            (intent,) = intents
            for question in bank:
                if intent_of(question) == intent:
                    return tidy(question)
    sigs = [signature(t) for t in members]

    def rank(i: int) -> tuple[float, int, str]:
        centrality = sum(_jaccard(sigs[i], s) for j, s in enumerate(sigs) if j != i)
        return (-centrality, len(members[i]), members[i].casefold())

    return tidy(members[min(range(len(members)), key=rank)])
