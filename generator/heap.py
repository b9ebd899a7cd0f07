"""Setting long-lived objects aside from Python's garbage collector while a build runs.

A knowledge base outlives the render of its pages, and under ``insight serve`` the last build's pages and
search entries outlive the next rebuild: the collector would scan them again and again while new pages are
made. ``gc.freeze`` moves every object alive now out of its reach; ``gc.unfreeze`` hands them back. Freezes
nest: only the outermost thaw hands back (an inner one would thaw what the outer one set aside).
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from typing import Iterator

_depth = 0


def freeze() -> None:
    global _depth
    _depth += 1
    gc.freeze()


def thaw() -> None:
    global _depth
    if _depth == 0:
        return
    _depth -= 1
    if _depth == 0:
        gc.unfreeze()


@contextmanager
def frozen() -> Iterator[None]:
    freeze()
    try:
        yield
    finally:
        thaw()


@contextmanager
def paused() -> Iterator[None]:
    """No collection while a phase makes many objects that all live on and few cycles (parsing the notes,
    resolving them): the collector would walk the growing heap again and again for nothing. What cycles
    there are go at the first collection afterwards."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
