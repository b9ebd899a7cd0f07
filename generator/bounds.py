"""Limits on what one note may hold: no note can hang a build, eat the memory or overflow a date.

Real notes are a few kilobytes of frontmatter with a handful of values and, now and then, an anchor and an
alias. A YAML alias bomb ("billion laughs") is a few hundred bytes that expand to billions of values; it is
measured on the composed node graph, where every alias is still one shared node, so the check itself takes
time in proportion to the file, and the note is refused before anything is expanded.
"""

from __future__ import annotations

import datetime as dt

import yaml

MAX_FRONTMATTER = 256 * 1024  # characters: a long list of questions is tens of kilobytes
MAX_VALUES = 50_000  # values in one frontmatter, every alias counted as all it stands for
EARLIEST, LATEST = 1900, 2200  # years a date in a note may have: anything else is a typo
MAX_DAYS = 36_500  # a cadence in days: a hundred years
MAX_DIGITS = 1000  # an integer longer than this stays text: Python refuses to convert more than 4,300 digits


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [x for pair in node.value for x in pair]
    return []


def expansion_problem(root: yaml.Node | None) -> tuple[yaml.Node, str] | None:
    """(where, what) when the frontmatter would expand past :data:`MAX_VALUES` or contains itself; else None."""
    if root is None:
        return None
    size: dict[int, int] = {}
    visiting: set[int] = set()
    shared: yaml.Node | None = None  # the first node reached twice: where an alias points
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        i = id(node)
        if done:
            visiting.discard(i)
            total = 1 + sum(size[id(k)] for k in _children(node))
            if total > MAX_VALUES:
                where = shared or node
                return where, (f"the frontmatter expands to more than {MAX_VALUES:,} values through YAML aliases "
                               "(*name); no note needs that many")
            size[i] = total
            continue
        if i in size:
            shared = shared or node
            continue
        if i in visiting:
            return node, "a YAML alias here contains itself"
        visiting.add(i)
        stack.append((node, True))
        stack.extend((k, False) for k in _children(node))
    return None


def date_problem(day: dt.date) -> str | None:
    """Why a date is not one a note can mean, or None."""
    if not EARLIEST <= day.year <= LATEST:
        return f"{day.isoformat()} is outside the years {EARLIEST} to {LATEST}"
    return None
