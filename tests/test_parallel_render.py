"""Rendering split over two processes writes exactly what one process writes (pages, note parts, assets,
problems), in the same order; and it never forks a process that runs other threads (``insight serve``)."""

from __future__ import annotations

import datetime as dt
import os
import threading
from pathlib import Path

import pytest

from generator import site as core
from generator.bench.corpus import write_corpus
from generator.load import discover
from generator.settings import Settings

TODAY = dt.date(2026, 11, 27)


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
    monkeypatch.setattr(core, "PARALLEL_FROM", 10)
    monkeypatch.setattr(core.threading, "active_count", lambda: 1)  # the browser tests' server thread may be running
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
        assert core.parallel_jobs(10_000) == 1
    finally:
        stop.set()
        thread.join()
    assert core.parallel_jobs(core.PARALLEL_FROM - 1) == 1
    monkeypatch.setenv("INSIGHT_JOBS", "1")
    assert core.parallel_jobs(10_000) == 1


def test_a_failed_fork_falls_back_to_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = tmp_path / "content"
    write_corpus(docs, 60)
    settings = Settings(today=TODAY)
    monkeypatch.setenv("INSIGHT_JOBS", "1")
    one = core.generate(core.load(discover(docs), settings), settings)
    monkeypatch.delenv("INSIGHT_JOBS")
    monkeypatch.setattr(core, "PARALLEL_FROM", 10)
    monkeypatch.setattr(core.threading, "active_count", lambda: 1)

    def no_fork(*args: object, **kwargs: object) -> None:
        raise OSError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(core, "ProcessPoolExecutor", no_fork)
    again = core.generate(core.load(discover(docs), settings), settings)
    assert again.pages == one.pages and again.headers == one.headers and again.footers == one.footers
    assert again.assets == one.assets and again.diagnostics == one.diagnostics
