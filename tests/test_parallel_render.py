"""Rendering split over two processes writes exactly what one process writes (pages, note parts, assets,
problems), in the same order; and it never forks a process that runs other threads (``insight serve``)."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
import time
from functools import partial
from pathlib import Path

import pytest

from generator import parallel, site as core
from tools.bench.corpus import write_corpus
from generator.load import discover
from generator.settings import Settings

TODAY = dt.date(2026, 11, 27)
ROOT = Path(__file__).resolve().parent.parent


def _two_cpus() -> bool:
    try:
        return len(os.sched_getaffinity(0)) >= 2
    except AttributeError:
        return (os.cpu_count() or 1) >= 2


def test_two_processes_render_what_one_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "content"
    write_corpus(docs, 150)
    (docs / "interviews" / "2026-01-01-odd.md").write_text(
        "---\ndate: 2026-01-01\nperson: Odd One\nstatus: done\nquestions:\n  - {q: Why?, a: Because., topic: nonsense}\n---\n",
        encoding="utf-8")  # an unknown topic: a warning added while the question bank is built
    settings = Settings(today=TODAY)
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10)
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)  # the browser tests' server thread may be running
    monkeypatch.setenv("INSIGHT_JOBS", "1")
    one = core.generate(core.load(discover(docs), settings), settings)
    monkeypatch.delenv("INSIGHT_JOBS")
    two = core.generate(core.load(discover(docs), settings), settings)
    if _two_cpus():
        assert two.timings["jobs"] == 2 and one.timings["jobs"] == 1
    assert list(two.pages) == list(one.pages) and two.pages == one.pages
    assert list(two.headers) == list(one.headers) and two.headers == one.headers and two.footers == one.footers
    assert two.assets == one.assets and two.titles == one.titles
    assert two.diagnostics == one.diagnostics and any("nonsense" in d.format() for d in two.diagnostics)


def test_never_forks_beside_other_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INSIGHT_JOBS", raising=False)
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        assert parallel.jobs(10_000) == 1
    finally:
        stop.set()
        thread.join()
    assert parallel.jobs(parallel.PARALLEL_FROM - 1) == 1
    monkeypatch.setenv("INSIGHT_JOBS", "1")
    assert parallel.jobs(10_000) == 1


def test_a_failed_fork_falls_back_to_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "content"
    write_corpus(docs, 60)
    settings = Settings(today=TODAY)
    monkeypatch.setenv("INSIGHT_JOBS", "1")
    one = core.generate(core.load(discover(docs), settings), settings)
    monkeypatch.delenv("INSIGHT_JOBS")
    monkeypatch.setattr(parallel, "PARALLEL_FROM", 10)
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)

    def no_fork() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(parallel.os, "fork", no_fork)
    again = core.generate(core.load(discover(docs), settings), settings)
    assert again.pages == one.pages and again.headers == one.headers and again.footers == one.footers
    assert again.assets == one.assets and again.diagnostics == one.diagnostics


def _slow_then_id(i: int) -> tuple[int, int]:
    if i % 7 == 0:
        time.sleep(0.01)  # uneven tasks: the process that is free takes the next one
    return i, os.getpid()


def _fails() -> None:
    raise ValueError("task 3 went wrong")


def test_shared_tasks_come_back_in_order_whoever_did_them(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)
    tasks = [partial(_slow_then_id, i) for i in range(60)]
    results = parallel.run(tasks)
    assert results is not None and [i for i, _ in results] == list(range(60))
    if _two_cpus():
        assert len({pid for _, pid in results}) == 2  # both processes took tasks
        # this process from the front, the fork from the back: alike neighbours stay in one process's caches
        mine = [i for i, pid in results if pid == os.getpid()]
        assert mine == list(range(len(mine))) and 0 < len(mine) < 60
    caught = parallel.run(tasks[:3] + [_fails] + tasks[3:5], catch=True)
    assert caught is not None and isinstance(caught[3], ValueError) and [r[0] for r in caught[:3] + caught[4:]] == [0, 1, 2, 3, 4]
    with pytest.raises(ValueError, match="task 3 went wrong"):
        parallel.run(tasks[:3] + [_fails] + tasks[3:20])


def _dies_in_the_fork(parent: int) -> int:
    if os.getpid() != parent:
        os._exit(3)  # killed, out of memory...
    time.sleep(0.01)  # leave the fork time to take a task
    return 1


def test_a_fork_that_dies_leaves_the_work_to_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel.threading, "active_count", lambda: 1)
    tasks = [partial(_dies_in_the_fork, os.getpid()) for _ in range(50)]
    if _two_cpus():
        assert parallel.run(tasks) is None  # and the caller does it all in one process


def test_a_fresh_process_with_no_template_cache_renders_in_two(tmp_path: Path) -> None:
    """The page templates are loaded before the fork; the shared guides' templates (which need filters that only
    ``generator.share`` adds) are not, so a plain build with a cold template cache does not trip over them."""
    docs = tmp_path / "content"
    write_corpus(docs, 200)
    code = ("import datetime as dt, sys; from generator import site; from generator.settings import Settings\n"
            "s = Settings(today=dt.date(2026, 11, 27)); built = site.build(sys.argv[1], s)\n"
            "assert 'generator.share.pages' not in sys.modules; print(int(built.timings['jobs']), len(built.pages))")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("INSIGHT_JOBS", None)
    out = subprocess.run([sys.executable, "-c", code, str(docs)], env=env, capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    jobs, pages = map(int, out.stdout.split())
    assert pages > 100 and jobs == (2 if _two_cpus() and sys.platform.startswith("linux") else 1)
