"""Accent-folding search: the index side (the query side is ``assets/insight/search.js``).

Material's search (lunr in a web worker) matches words as written, so "Jose" never found "José". Each entry
of the search index that has letters with accents gets those words again without them, in a hidden span the
worker indexes but no reader sees; the browser folds each query the same way before it is sent. Folding is
Unicode NFD with combining marks dropped, lower case, and the few letters NFD leaves alone (ß, æ, ø, ł ...).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from typing import Any

MARK = '<span hidden data-insight-fold="">'  # marks an entry already folded (live reload keeps old entries)
_EXTRA = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "þ": "th", "ı": "i"})
_WORD = re.compile(r"\w+")
_TAG = re.compile(r"<[^>]*>")


def fold(text: str) -> str:
    """``Müller`` -> ``muller``; the same as the browser's ``insightFold``."""
    decomposed = unicodedata.normalize("NFD", text.lower().translate(_EXTRA))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).translate(_EXTRA)


def folded_words(text: str) -> list[str]:
    """The words of ``text`` (tags left out) that read differently folded, folded, each once, in order."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(_TAG.sub(" ", text)):
        if not word.isascii():
            plain = fold(word)
            if plain != word.lower():
                seen.setdefault(plain, None)
    return list(seen)


def fold_entry(entry: dict[str, Any]) -> None:
    """Add the folded words of an entry's title and text to its text, hidden; once."""
    text = str(entry.get("text") or "")
    if MARK in text:
        return
    words = folded_words(f"{entry.get('title') or ''} {text}")
    if words:
        entry["text"] = f"{text}{MARK}{' '.join(words)}</span>"


def fold_index(search: Any) -> None:
    """Fold the entries Material's search plugin is about to write (``search.search_index.entries``)."""
    index = getattr(search, "search_index", None)
    for entry in getattr(index, "entries", None) or []:
        if isinstance(entry, dict):
            fold_entry(entry)


def can_write(search: Any) -> bool:
    """Whether :func:`write_index` can write the index of ``search`` for it: Material's search, on, in one build
    (under ``serve --dirty`` Material keeps its index for the next build), its index kept as this knows it."""
    return getattr(search, "is_dirty", True) is False and _ours_to_write(search)


def can_write_live(search: Any) -> bool:
    """:func:`can_write` under ``serve --dirty``, where the plugin keeps the index from build to build itself
    (generator.livereload.merge_search_index)."""
    return getattr(search, "is_dirty", False) is True and _ours_to_write(search)


def _ours_to_write(search: Any) -> bool:
    index = getattr(search, "search_index", None)
    return (type(search).__module__.startswith("material.") and bool(getattr(search.config, "enabled", False))
            and isinstance(getattr(index, "entries", None), list) and hasattr(index, "generate_search_index"))


Encoded = dict[int, tuple[dict[str, Any], str]]  # id of an entry -> the entry, kept alive, and its JSON


def write_index(search: Any, site_dir: str, last: Encoded | None = None) -> Encoded:
    """Write ``search/search_index.json`` as Material's search writes it, byte for byte, one entry at a time.

    Material makes the index one string with ``json.dumps`` and writes a UTF-8 copy of it: the entries, the
    encoder's pieces, the string and its copy at once were the peak of ``insight build`` at 5,000 conversations
    (30 MB above the rest, for an index of 14 MB). What goes around the entries (Material's settings) is what
    Material makes for an index of none.

    Under serve most entries are the last build's (the pages not rendered again keep theirs): with ``last``, the
    JSON of each entry written last time is written again as it was (an entry is never changed once made), and
    only the new ones are encoded. Returns this time's, for the next."""
    index = search.search_index
    entries, index.entries = index.entries, []
    try:
        empty = index.generate_search_index(None)  # Material's settings, and where the entries go
    finally:
        index.entries = entries
    head, found, tail = empty.rpartition('"docs":[]')
    path = os.path.join(site_dir, "search", "search_index.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    if not found:  # not the format this knows: Material's own way, whatever it costs
        with open(path, "wb") as f:
            f.write(index.generate_search_index(None).encode("utf-8"))
        return {}
    encoded: Encoded = {}
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(head + '"docs":[')
        for i, entry in enumerate(entries):
            f.write("," if i else "")
            kept = last.get(id(entry)) if last else None
            text = kept[1] if kept is not None and kept[0] is entry else _json(entry)
            if last is not None:
                encoded[id(entry)] = (entry, text)
            f.write(text)
        f.write("]" + tail)
    return encoded


def _json(entry: dict[str, Any]) -> str:
    return json.dumps(entry, separators=(",", ":"), default=str)  # as Material's json.dumps writes each
