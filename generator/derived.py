"""Derived data computed once per build: the network graph, the due items, the email drafts.

Several pages show the same derived data (the dashboard, the network page, every person page and
the map asset read one network graph). A knowledge base is not changed after resolve, so a pure
function of ``(kb, settings)`` (or of ``kb`` alone) can be remembered on the identity of its arguments; only the latest build's
result is kept, and only while its knowledge base is alive. Callers must not change the result.
"""

from __future__ import annotations

import functools
import weakref
from typing import Any, Callable, TypeVar

from .model import Interview, KnowledgeBase, Referral

T = TypeVar("T")


def once_per_build(fn: Callable[..., T]) -> Callable[..., T]:
    """``fn(kb, *rest)``, computed on the first call of a build and reused by the others (``rest`` by identity)."""
    last: list[tuple[weakref.ref[KnowledgeBase], tuple[Any, ...], T]] = []

    @functools.wraps(fn)
    def once(kb: KnowledgeBase, *rest: Any) -> T:
        if last and last[0][0]() is kb and len(last[0][1]) == len(rest) and all(a is b for a, b in zip(last[0][1], rest)):
            return last[0][2]
        result = fn(kb, *rest)
        last[:] = [(weakref.ref(kb), rest, result)]
        return result

    return once


@once_per_build
def interviews_by_slug(kb: KnowledgeBase) -> dict[str, Interview]:
    """Each conversation by its slug (due items and drafts name their note by slug)."""
    return {iv.slug: iv for iv in kb.interviews}


@once_per_build
def referrals_to(kb: KnowledgeBase) -> dict[str, list[tuple[Interview, Referral]]]:
    """Who suggested each person, and in which conversation (newest first): prep sheets and drafts look them up."""
    out: dict[str, list[tuple[Interview, Referral]]] = {}
    for iv in kb.interviews:
        for r in iv.referrals:
            out.setdefault(r.person, []).append((iv, r))
    return out
