"""Pick which intents' patterns can possibly match a question before running any of them.

Running every intent's regular expression over a question that matches none is the slow path of grouping (about
fifty alternations per question). Almost every pattern starts at a word boundary with a literal word, so the first
few characters of each alternative are a necessary condition: a pattern whose every alternative starts with
"sal", "com" or "inc" cannot match a question with no word starting that way. This module derives those prefixes
from the compiled patterns themselves (no second list to keep in sync) and answers "which intents could match".
It is conservative: a pattern it cannot analyse is always tried, so results are identical to trying everything.
"""

from __future__ import annotations

import re
import re._constants as _c  # type: ignore[import-not-found]
import re._parser as _p  # type: ignore[import-not-found]
from collections.abc import Sequence

#: Characters of each alternative's start that are indexed; six reaches past short openers ("you", "do") into
#: the next word, so a question is checked against a handful of intents rather than dozens.
PREFIX_LENGTH = 6
_MAX_PREFIXES = 4000
_ANCHOR = "\x00"  # marks a partial prefix that began right after a word boundary


class _Unknown(Exception):
    """The pattern has an alternative whose start cannot be pinned to literal characters at a word start."""


def _run(items: Sequence[tuple[object, object]], state: set[str], done: set[str]) -> set[str]:
    """Advance partial prefixes through a parsed sequence; finished prefixes go to ``done``; returns the open ones."""
    for op, av in items:
        if not state:
            return state
        if op is _c.AT:
            if av is _c.AT_BOUNDARY:
                state = {_ANCHOR if s == "" else s for s in state}
            elif av in (_c.AT_END, _c.AT_END_STRING):
                done.update(state)
                return set()
        elif op in (_c.ASSERT, _c.ASSERT_NOT):
            continue
        elif op is _c.LITERAL:
            state = _extend(state, [chr(av)], done)  # type: ignore[arg-type]
        elif op is _c.IN:
            chars = [chr(v) for o, v in av if o is _c.LITERAL]  # type: ignore[union-attr]
            if len(chars) != len(av):  # type: ignore[arg-type]
                done.update(state)
                return set()
            state = _extend(state, chars, done)
        elif op is _c.BRANCH:
            state = set().union(*(_run(alt, set(state), done) for alt in av[1]))  # type: ignore[index]
        elif op is _c.SUBPATTERN:
            state = _run(av[-1], state, done)  # type: ignore[index]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, body = av  # type: ignore[misc]
            once = _run(body, set(state), done)
            if high != 1:  # further repeats would need more analysis: end these prefixes here
                done.update(once)
                once = set()
            state = (state | once) if low == 0 else once
            if low > 1:
                done.update(state)
                return set()
        else:
            done.update(state)
            return set()
        if len(state) + len(done) > _MAX_PREFIXES:
            raise _Unknown
    return state


def _extend(state: set[str], chars: Sequence[str], done: set[str]) -> set[str]:
    """Append each character to each open prefix; an unanchored or full-length prefix is finished."""
    out: set[str] = set()
    for s in state:
        if not s.startswith(_ANCHOR):
            raise _Unknown
        for ch in chars:
            t = s + ch
            if len(t) == 2 and not ch.isalnum():
                raise _Unknown
            (done if len(t) > PREFIX_LENGTH else out).add(t)
    return out


def literal_prefixes(pattern: re.Pattern[str] | str) -> frozenset[str] | None:
    """Every way a match of ``pattern`` can start (up to ``PREFIX_LENGTH`` characters at a word start), or ``None``
    when some alternative is not anchored to a word start with a literal."""
    text = pattern.pattern if isinstance(pattern, re.Pattern) else pattern
    done: set[str] = set()
    try:
        done.update(_run(list(_p.parse(text)), {""}, done))
    except _Unknown:
        return None
    prefixes = {s[1:] for s in done}
    if "" in prefixes or any(not s.startswith(_ANCHOR) for s in done):
        return None
    return frozenset(prefixes)


def text_prefixes(norm: str) -> set[str]:
    """The strings a word-start prefix of ``norm`` (normalised, single-spaced text) can equal."""
    out: set[str] = set()
    start = 0
    while start < len(norm):
        for k in range(1, PREFIX_LENGTH + 1):
            out.add(norm[start:start + k])
        nxt = norm.find(" ", start)
        if nxt < 0:
            break
        start = nxt + 1
    return out


class Prefilter:
    """Which of an ordered list of patterns may match a text, in their original order.

    The prefixes sit in a character trie, so each word of a question costs a walk of a few characters rather than
    one lookup per prefix length.
    """

    _HITS = ""  # trie key holding the pattern indexes whose prefix ends at this node (no character is "")

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.always: list[int] = []
        self.trie: dict[str, dict] = {}
        for i, pattern in enumerate(patterns):
            prefixes = literal_prefixes(pattern)
            if prefixes is None:
                self.always.append(i)
                continue
            for prefix in prefixes:
                node = self.trie
                for ch in prefix:
                    node = node.setdefault(ch, {})
                node.setdefault(self._HITS, set()).add(i)  # type: ignore[arg-type]

    def candidates(self, norm: str) -> list[int]:
        """Indexes of the patterns that could match ``norm`` (normalised, single-spaced text), ascending."""
        found = set(self.always)
        hits_key = self._HITS
        n = len(norm)
        start = 0
        while start < n:
            node = self.trie
            for pos in range(start, min(start + PREFIX_LENGTH, n)):
                node = node.get(norm[pos])  # type: ignore[assignment]
                if node is None:
                    break
                hits = node.get(hits_key)
                if hits:
                    found.update(hits)
            nxt = norm.find(" ", start)
            if nxt < 0:
                break
            start = nxt + 1
        return sorted(found)
