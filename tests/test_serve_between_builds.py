"""What `insight serve` does between builds rather than during them: it looks for saved notes (and loses no save
made during a build).

The watcher is a real MkDocs live-reload server's (watchdog's polling, as MkDocs uses it) on real files; the build is
a function that saves a note while it runs, as a user may.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from watchdog.events import FileSystemEvent, FileSystemEventHandler

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

