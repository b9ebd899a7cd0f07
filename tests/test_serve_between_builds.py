"""What `insight serve` does between builds rather than during them: it looks for saved notes (and loses no save
made during a build), and it collects garbage.

The watcher is a real MkDocs live-reload server's (watchdog's polling, as MkDocs uses it) on real files; the build is
a function that saves a note while it runs, as a user may.
"""

from __future__ import annotations

import gc
import time
import weakref
from pathlib import Path

import pytest
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from generator.livereload import COLLECT_AFTER, LiveState
from generator.polling import POLLING_INTERVAL, live_server


class Seen(FileSystemEventHandler):
    def __init__(self) -> None:
        self.paths: list[str] = []

    def on_any_event(self, event: FileSystemEvent) -> None:
        if not event.is_directory:
            self.paths.append(str(event.src_path))


def _wait_for(found, seconds: float = 10.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if found():
            return True
        time.sleep(0.05)
    return False


@pytest.mark.parametrize("fails", [False, True], ids=["build", "failed build"])
def test_a_save_during_a_build_is_seen_after_it_and_not_during_it(tmp_path: Path, fails: bool) -> None:
    notes = tmp_path / "content"
    notes.mkdir()
    note = notes / "2026-03-02-ana-lima.md"
    note.write_text("---\nperson: Ana Lima\n---\n", encoding="utf-8")
    seen = Seen()
    during: list[str] = []

    def build() -> None:
        note.write_text("---\nperson: Ana Lima\n---\nA line saved while the site builds.\n", encoding="utf-8")
        time.sleep(6 * POLLING_INTERVAL)  # several polls' worth of building
        during.extend(seen.paths)
        if fails:
            raise RuntimeError("a build that fails")

    server = live_server(builder=build, host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.observer.schedule(seen, str(notes), recursive=True)
    server.observer.start()
    try:
        time.sleep(3 * POLLING_INTERVAL)  # the first look at the folder, before anything changes
        assert seen.paths == []
        if fails:
            with pytest.raises(RuntimeError):
                server.builder()
        else:
            server.builder()
        assert during == [], "the watcher looked at the notes while the site was building"
        assert _wait_for(lambda: str(note) in seen.paths), "the save made during the build was never noticed"
    finally:
        server.observer.stop()
        server.observer.join(10)
        server.server_close()


class Cycle:
    """Garbage only the cyclic collector frees: an object that refers to itself."""

    def __init__(self) -> None:
        self.me = self


def _garbage() -> weakref.ref[Cycle]:
    return weakref.ref(Cycle())


def test_garbage_is_collected_after_a_build_unless_the_next_build_starts_first() -> None:
    state = LiveState()
    gc.collect()
    gc.disable()  # only serve's own collection may free the cycles below
    try:
        first = _garbage()
        state.collect_when_idle()  # a build just ended
        assert _wait_for(lambda: first() is None, 10 * COLLECT_AFTER), "nothing collected the garbage after the build"
        second = _garbage()
        state.collect_when_idle()
        state.cancel_collection()  # the next build started at once
        time.sleep(3 * COLLECT_AFTER)
        assert second() is not None, "garbage was collected as the next build started"
    finally:
        state.cancel_collection()
        gc.enable()
