"""Work shared by two processes on Linux: this one and a fork of it, taking turns at one list of tasks.

Parsing the notes and rendering the pages are lists of small independent tasks. A fork inherits the
knowledge base without copying or pickling it; this process takes tasks from the front of the list and
the fork from the back (two counters in shared memory) until they meet, so neither waits long for the
other however uneven the tasks are (a company page costs a hundred person pages) or however busy the
machine, and each works through runs of alike tasks that hit its own caches. The fork hands its results
back pickled, and they come back in the tasks' order, so the output is the same bytes whichever process
did what.

A bare ``os.fork``, not a process pool: the pool's queues, threads and start-up took about a tenth of a
second of each 1,000-note build.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import sys
import threading
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

    Results must pickle: the fork writes its results to an in-memory file (a pipe took 60 ms for the
    megabytes of a 1,000-note site) and says on a pipe that they are complete. A task's exception is raised
    here, or with ``catch`` returned in its place.
    """
    try:
        ends = multiprocessing.get_context("fork").Array("l", [0, len(tasks)])  # shared memory and a lock
        results = os.memfd_create("insight-results")
    except (OSError, AttributeError):
        return None
    try:
        done_r, done_w = os.pipe()
    except OSError:
        os.close(results)
        return None
    _FORKED.update(tasks=tasks, ends=ends, catch=catch)
    try:
        try:
            pid = os.fork()
        except OSError:
            pid = -1
        if pid == 0:
            _in_the_fork(results, done_r, done_w)  # never returns
        os.close(done_w)
        if pid < 0:
            os.close(done_r)
            return None
        try:
            mine = _take_turns(front=True)
        finally:  # even when a task failed here: wait for the fork's answer, so it never works on after the call
            complete = os.read(done_r, 1) == b"1"
            os.close(done_r)
            _reap(pid)
        if not complete:
            return None  # the fork died (killed, out of memory) before it could answer
        os.lseek(results, 0, os.SEEK_SET)
        with os.fdopen(results, "rb", closefd=False) as f:
            ok, theirs = pickle.load(f)
    finally:
        os.close(results)
        _FORKED.clear()
    if not ok:
        raise theirs
    done = {**mine, **theirs}
    return [done[i] for i in range(len(tasks))]


_EXITING: list[int] = []  # forks that have sent their results and are still leaving


def _reap(pid: int) -> None:
    """Collect a fork that has answered. Its exit can take tens of milliseconds (the kernel frees the memory
    it copied); rather than wait, it is collected at the next call, or by the system when this process ends."""
    _EXITING.append(pid)
    for waiting in list(_EXITING):
        try:
            done, _ = os.waitpid(waiting, os.WNOHANG)
        except ChildProcessError:
            done = waiting
        if done:
            _EXITING.remove(waiting)


def _in_the_fork(results: int, done_r: int, done_w: int) -> None:
    """The forked process: take turns, write the results (or the exception), say so, and leave without
    running anything of the parent's at exit."""
    code = 0
    try:
        os.close(done_r)
        try:
            payload = pickle.dumps((True, _take_turns(front=False)), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as err:  # noqa: BLE001 - raised in the parent instead
            try:
                payload = pickle.dumps((False, err), protocol=pickle.HIGHEST_PROTOCOL)
            except Exception:  # noqa: BLE001 - an exception that does not pickle
                payload = pickle.dumps((False, RuntimeError(f"{type(err).__name__}: {err}")))
        with os.fdopen(results, "wb", closefd=False) as f:
            f.write(payload)
        os.write(done_w, b"1")
    except BaseException:  # noqa: BLE001 - the parent sees no answer and does the work itself
        code = 1
    finally:
        os._exit(code)


def _take_turns(front: bool) -> dict[int, Any]:
    """Tasks from one end of the list until the two processes meet: this one from the front, the fork from
    the back. Neighbouring tasks are alike (the person pages, the notes' parts) and link the same pages, so
    each process keeps finding what it has already escaped and linked in its caches."""
    tasks, ends, catch = _FORKED["tasks"], _FORKED["ends"], _FORKED["catch"]
    out: dict[int, Any] = {}
    while True:
        with ends.get_lock():
            first, end = ends[0], ends[1]
            if first >= end:
                return out
            if front:
                i = first
                ends[0] = first + 1
            else:
                i = end - 1
                ends[1] = i
        if catch:
            try:
                out[i] = tasks[i]()
            except Exception as err:  # noqa: BLE001 - handed back in the task's place
                out[i] = err
        else:
            out[i] = tasks[i]()
