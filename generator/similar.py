"""Names that may mean one person: found and suggested, never merged.

Notes written over months (and imported from other tools) spell people differently: "Jon Smith" and
"John Smith" (an edit apart), "Bob Chen" and "Robert Chen" (a nickname), "Ana Lima" and "Ana Maria
Lima" (a missing middle name). ``insight check`` lists such pairs with a did-you-mean and the
``aliases:`` line that would merge them; only the user's alias merges anything.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from .identity import key
from .model import KnowledgeBase, Person

# common English given names and their short forms; each group is one name
_NICKNAMES = [
    "robert rob bob bobby robbie", "william will bill billy liam", "elizabeth liz beth betty eliza lizzie",
    "katherine kate katie kathy cathy catherine kat", "michael mike mikey mick", "alexander alex sasha xander",
    "alexandra alex sasha lexi", "daniel dan danny", "david dave davey", "james jim jimmy jamie",
    "thomas tom tommy", "christopher chris kit", "samuel sam sammy", "samantha sam sammy", "matthew matt",
    "nicholas nick nicky", "benjamin ben benny", "joseph joe joey", "anthony tony", "andrew andy drew",
    "steven stephen steve", "jennifer jen jenny", "jessica jess jessie", "margaret maggie meg peggy",
    "richard rick rich dick", "edward ed eddie ted ned", "charles charlie chuck", "patricia pat patty tricia",
    "patrick pat paddy", "victoria vicky tori", "rebecca becky becca", "susan sue susie", "deborah deb debbie",
    "jonathan jon jonny", "john jack johnny", "timothy tim timmy", "gregory greg", "jacob jake",
    "joshua josh", "zachary zach zack", "nathaniel nathan nate", "kimberly kim", "abigail abby",
    "theodore theo ted teddy", "frederick fred freddie", "lawrence larry", "leonard leo len lenny",
    "peter pete", "raymond ray", "ronald ron ronnie", "donald don donnie", "gerald gerry jerry",
    "francis frank frankie", "francesca fran frankie", "isabella isabel bella izzy", "olivia liv",
    "eleanor ellie nora", "josephine jo josie", "mohammed mohamed muhammad mo", "aleksandr sasha alex",
    "ekaterina katya", "dmitry dima", "yekaterina katya", "giuseppe beppe", "francisco paco", "jose pepe",
]
NICKNAMES: dict[str, frozenset[str]] = {}
for _group in _NICKNAMES:
    _names = _group.split()
    for _n in _names:
        NICKNAMES[_n] = NICKNAMES.get(_n, frozenset()) | frozenset(_names)


@dataclass(frozen=True)
class Likely:
    """Two people's names that may mean one person; ``keep`` is the one to give the other's name as an alias."""

    keep: Person
    other: Person
    why: str  # "an edit apart", "a nickname", "a missing middle name"

    def alias_line(self) -> str:
        """The ``aliases:`` line for ``keep``'s file that would merge the two."""
        names = list(self.keep.aliases) + [self.other.name]
        return f"aliases: [{', '.join(names)}]"

    def where(self, prefix: str = "content") -> str:
        verb = "add to" if self.keep.file is not None else "create"
        return f"{verb} {prefix}/{self.keep.src_uri}"


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, or ``limit + 1`` as soon as it is known to be larger (names are short)."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def why_alike(a: str, b: str) -> str | None:
    """Why two folded names may be one person, or None."""
    if a == b:
        return None
    ta, tb = a.split(), b.split()
    if len(ta) >= 2 and len(tb) >= 2 and ta[-1] == tb[-1]:
        if ta[1:] == tb[1:] and ta[0] != tb[0] and tb[0] in NICKNAMES.get(ta[0], ()):
            return "a nickname"
        short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
        if len(short) != len(long_) and short[0] == long_[0] and _subsequence(short, long_):
            return "a missing middle name"
        for x, y in ((ta, tb), (tb, ta)):
            if len(x) == len(y) and len(x[0]) == 1 and len(y[0]) > 1 and y[0].startswith(x[0]) and x[1:] == y[1:]:
                return "an initial for the first name"
    if min(len(a), len(b)) >= 6:
        limit = 1 if max(len(a), len(b)) < 12 else 2
        if edit_distance(a, b, limit) <= limit and _same_shape(ta, tb):
            return "an edit apart"
    return None


def _subsequence(short: list[str], long_: list[str]) -> bool:
    it = iter(long_)
    return all(word in it for word in short)


def _same_shape(ta: list[str], tb: list[str]) -> bool:
    """An edit apart means a typo, not another given name: "Ana Lima" and "Ana Lina" yes, "Dan Li" and "Dana Li" too,
    but not two names whose every word differs."""
    return len(ta) == len(tb) and any(x == y for x, y in zip(ta, tb)) or len(ta) == len(tb) == 1


def likely_duplicates(kb: KnowledgeBase) -> list[Likely]:
    """Pairs of people who may be one, most certain first; each pair once."""
    people = sorted(kb.people.values(), key=lambda p: p.slug)
    keys = {p.slug: key("people", p.name) for p in people}
    blocks: dict[str, list[Person]] = {}
    for p in people:  # only names that share a word or a first letter can be alike: no need to compare all pairs
        words = keys[p.slug].split()
        for block in {words[-1] if words else "", keys[p.slug][:1]}:
            blocks.setdefault(block, []).append(p)
    found: dict[tuple[str, str], Likely] = {}
    for block in blocks.values():
        for a, b in itertools.combinations(block, 2):
            pair = (a.slug, b.slug)
            if pair in found:
                continue
            why = why_alike(keys[a.slug], keys[b.slug])
            if why:
                keep, other = sorted((a, b), key=lambda p: _weight(kb, p), reverse=True)
                found[pair] = Likely(keep, other, why)
    order = {"a nickname": 0, "a missing middle name": 1, "an initial for the first name": 2, "an edit apart": 3}
    return sorted(found.values(), key=lambda x: (order[x.why], x.keep.name.casefold(), x.other.name.casefold()))


def _weight(kb: KnowledgeBase, p: Person) -> tuple[int, int, int, str]:
    """The name to keep: the one with a file, then with more conversations, then the longer one."""
    return (p.file is not None, len(kb.interviews_with("person", p.slug)), len(p.name), p.slug)


@dataclass(frozen=True)
class Unmatched:
    """A name in ``introduced_by`` or ``people:`` that is no one else in the notes, but looks like someone."""

    path: str
    line: int
    field: str
    name: str
    meant: Person


def unmatched_names(kb: KnowledgeBase) -> list[Unmatched]:
    """Introducers and others present named nowhere else, each with the person they probably meant."""
    mentions: dict[str, int] = {}
    for iv in kb.interviews:
        for slug in [iv.person, *(r.person for r in iv.referrals)]:
            mentions[slug] = mentions.get(slug, 0) + 2  # someone you talked to, or were pointed to, is real
        for slug in [*(iv.people or []), *([iv.introduced_by] if iv.introduced_by else [])]:
            mentions[slug] = mentions.get(slug, 0) + 1
    out = []
    for iv in kb.interviews:
        named = [("introduced_by", iv.introduced_by)] if iv.introduced_by else []
        named += [("people", s) for s in iv.people]
        for fld, slug in named:
            person = kb.people[slug]
            if person.file is not None or mentions.get(slug, 0) > 1:
                continue
            k = key("people", person.name)
            best = [p for p in kb.people.values() if p.slug != slug and why_alike(k, key("people", p.name))]
            if best:
                meant = max(best, key=lambda p: _weight(kb, p))
                out.append(Unmatched(iv.note.path, iv.note.lines.get(fld, 1), fld, person.name, meant))
    return sorted(out, key=lambda u: (u.path, u.line, u.name))
