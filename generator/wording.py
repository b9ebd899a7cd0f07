"""Counts as a careful person writes them: "1 conversation", "2 conversations", "1,234 notes"."""

from __future__ import annotations

_IRREGULAR = {"person": "people", "company": "companies", "industry": "industries", "is": "are", "has": "have",
              "was": "were", "this": "these", "it": "they"}


def plural(word: str, n: int) -> str:
    """``word`` for ``n`` of it; each word of a phrase ("follow-up due") is left alone but the first."""
    if n == 1:
        return word
    head, sep, rest = word.partition(" ")
    if head in _IRREGULAR:
        head = _IRREGULAR[head]
    elif head.endswith("y") and head[-2:-1] not in "aeiou":
        head = head[:-1] + "ies"
    elif head.endswith(("s", "x", "ch", "sh")):
        head += "es"
    else:
        head += "s"
    return head + sep + rest


def number(n: int) -> str:
    """``1,234``: thousands separated, as the rest of the site writes them."""
    return f"{n:,}"


def counted(n: int, word: str, many: str | None = None) -> str:
    """``1 conversation``, ``12 conversations``, ``1,000 people``; ``many`` when the plural is not regular."""
    return f"{number(n)} {word if n == 1 else (many or plural(word, n))}"
