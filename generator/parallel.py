"""Work shared by two processes on Linux: this one and a fork of it, taking turns at one list of tasks.

Parsing the notes and rendering the pages are lists of small independent tasks. A fork inherits the
knowledge base without copying or pickling it; both processes take the next task from a counter in
shared memory until none is left, so neither waits long for the other however uneven the tasks are
(a company page costs a hundred person pages) or however busy the machine. The results come back in
the tasks' order, so the output is the same bytes whichever process did what.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Callable, Sequence

PARALLEL_FROM = 300  # tasks: below this, forking costs more than it saves

_FORKED: dict[str, Any] = {}  # what the forked process works from: it inherits this module's state


def jobs(count: int) -> int:
    """2 when ``count`` tasks may be shared by two processes: enough of them, two CPUs for this process, Linux
    (where forking is safe and cheap), and no other thread running (``insight serve`` has a server thread:
    never fork it). ``INSIGHT_JOBS=1`` turns it off."""
    if count < PARALLEL_FROM or os.environ.get("INSIGHT_JOBS") == "1":
        return 1
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 1
    return 2 if len(os.sched_getaffinity(0)) >= 2 else 1


def run(tasks: Sequence[Callable[[], Any]], catch: bool = False) -> list[Any] | None:
    """Every task's result, in order, worked out by this process and a fork of it; None when no fork can be
    had (memory or process limits) or it died, and the caller does it all in one process.

    Results must pickle (the fork's come back through a pipe). A task's exception is raised here, or with
    ``catch`` returned in its place.
    """
    fork = multiprocessing.get_context("fork")
    _FORKED.update(tasks=tasks, next=fork.Value("l", 0), catch=catch)
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=fork) as pool:
            theirs = pool.submit(_take_turns)
            mine = _take_turns()
            done = {**mine, **theirs.result()}
    except (OSError, BrokenProcessPool):
        return None
    finally:
        _FORKED.clear()
    return [done[i] for i in range(len(tasks))]


def _take_turns() -> dict[int, Any]:
    tasks, counter, catch = _FORKED["tasks"], _FORKED["next"], _FORKED["catch"]
    out: dict[int, Any] = {}
    while True:
        with counter.get_lock():
            i = counter.value
            counter.value = i + 1
        if i >= len(tasks):
            return out
        if catch:
            try:
                out[i] = tasks[i]()
            except Exception as err:  # noqa: BLE001 - handed back in the task's place
                out[i] = err
        else:
            out[i] = tasks[i]()
