"""Counts as a careful person writes them: "1 conversation", "2 conversations", "1,234 notes"."""

from __future__ import annotations

_IRREGULAR = {"person": "people", "company": "companies", "industry": "industries", "is": "are", "has": "have",
              "was": "were", "this": "these", "it": "they"}


def plural(word: str, n: int) -> str:
    """``word`` for ``n`` of it; in a phrase ("warm lead", "starter question") the last word takes the plural."""
    if n == 1:
        return word
    rest, sep, last = word.rpartition(" ")
    if last in _IRREGULAR:
        last = _IRREGULAR[last]
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "ch", "sh")):
        last += "es"
    else:
        last += "s"
    return rest + sep + last


def number(n: int) -> str:
    """``1,234``: thousands separated, as the rest of the site writes them."""
    return f"{n:,}"


def counted(n: int, word: str, many: str | None = None) -> str:
    """``1 conversation``, ``12 conversations``, ``1,000 people``; ``many`` when the plural is not regular."""
    return f"{number(n)} {word if n == 1 else (many or plural(word, n))}"
