"""Names to identities: normalisation, readable ASCII slugs, and a resolver that refuses to guess.

"Acme Analytics Inc." and "acme analytics", "José Núñez" and "Jose Nunez" normalise to one
key; a name listed under ``aliases:`` in an entity file maps to that entity. A name that
could mean two entities is reported and kept apart, never merged silently.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field

COMPANY_SUFFIXES = frozenset(
    "inc incorporated llc llp ltd limited gmbh ag sa sas sarl bv nv plc corp corporation co company pty pvt oy ab as spa srl kk".split()
)
_TRANSLITERATE = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "œ": "oe", "ı": "i"})


# Symbols that are part of a name's meaning, spelled out before punctuation is dropped: "C++ Labs", "C# Labs",
# "F# Labs", ".NET Labs" and "C Labs" are five companies.
_SYMBOLS = (
    (re.compile(r"(?<![^\W\d_])([A-Za-z])\+\+(?!\w)"), r"\1pp "),  # C++ -> cpp
    (re.compile(r"(?<![^\W\d_])([A-Za-z])[#♯](?!\w)"), r"\1sharp "),  # C#, F# -> csharp, fsharp
    (re.compile(r"(?<![\w.])\.net(?!\w)", re.I), "dotnet "),  # .NET -> dotnet
    (re.compile(r"(?<=\w)\+(?!\w)"), " plus "),  # Google+ -> google plus
)


def fold(text: str) -> str:
    """Lower-case ASCII-ish words: accents dropped, punctuation turned to spaces (symbols that carry meaning
    spelled out), spacing collapsed."""
    if "+" in text or "#" in text or "♯" in text or "." in text:
        for pattern, spelled in _SYMBOLS:
            text = pattern.sub(spelled, text)
    text = unicodedata.normalize("NFKD", text.translate(_TRANSLITERATE))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’`]", "", text.casefold())
    text = _join_initials(text)
    text = re.sub(r"[^\w]+", " ", text)
    return " ".join(text.split())


_INITIAL = re.compile(r"\b(\w)\.\s*(?=\w\.)")


def _join_initials(text: str) -> str:
    """Dotted initials are one word: "J.P. Morgan" and "J. P. Morgan" are "JP Morgan", as people read them."""
    return _INITIAL.sub(r"\1", text) if "." in text else text


def key(kind: str, name: str) -> str:
    """The identity of a name: folded, and for companies without legal suffixes."""
    words = fold(name).split()
    if not words:  # emoji or punctuation only: fold leaves nothing, and every such name would be one
        return " ".join(unicodedata.normalize("NFKC", name).casefold().split())
    if kind == "companies":
        while len(words) > 1 and words[-1] in COMPANY_SUFFIXES:
            words.pop()
    return " ".join(words)


# Slugs that cannot name a page: a section's own index (index.md, README.md) and names Windows reserves for
# devices, which no folder in a site or a zip may have.
RESERVED = frozenset({"index", "readme", "con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
                      *(f"lpt{i}" for i in range(10))})


def slugify(text: str, fallback: str = "item") -> str:
    """Readable ASCII: ``José Núñez`` -> ``jose-nunez``; a name with no Latin letters gets a stable hash."""
    words = fold(text)
    ascii_words = re.sub(r"[^a-z0-9 ]+", "", words.encode("ascii", "ignore").decode()).split()
    slug = "-".join(ascii_words)[:60].strip("-")
    if slug in RESERVED:
        return f"{slug}-{fallback}"  # "Index" would replace its section's index page; "con" cannot be a file on Windows
    if slug:
        return slug
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
    return f"{fallback}-{digest}"


@dataclass
class Registry:
    """The known names of one kind of entity: key -> slug, with aliases and ambiguity tracking."""

    kind: str
    by_key: dict[str, str] = field(default_factory=dict)
    alias_owners: dict[str, set[str]] = field(default_factory=dict)
    slugs: dict[str, str] = field(default_factory=dict)  # slug -> the key that owns it

    def claim_slug(self, wanted: str, owner_key: str) -> tuple[str, bool]:
        """A unique slug for ``owner_key``: ``wanted`` or ``wanted-2``...; the bool says if it collided."""
        slug, n = wanted, 1
        while slug in self.slugs and self.slugs[slug] != owner_key:
            n += 1
            slug = f"{wanted}-{n}"
        self.slugs[slug] = owner_key
        return slug, n > 1

    def add(self, name: str, slug: str, aliases: list[str] = ()) -> None:  # type: ignore[assignment]
        self.by_key[key(self.kind, name)] = slug
        self.slugs.setdefault(slug, key(self.kind, name))
        for alias in aliases:
            self.alias_owners.setdefault(key(self.kind, alias), set()).add(slug)

    def lookup(self, name: str) -> tuple[str | None, list[str]]:
        """The slug ``name`` means, or None; the list names every candidate when it is ambiguous."""
        k = key(self.kind, name)
        direct = self.by_key.get(k)
        via_alias = self.alias_owners.get(k, set())
        candidates = sorted(({direct} if direct else set()) | via_alias)
        if len(candidates) == 1:
            return candidates[0], []
        if len(candidates) > 1:
            return None, candidates
        return None, []
