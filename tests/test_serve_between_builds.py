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

from click.testing import CliRunner

from conftest import make_project
from generator import livereload
from generator.cli import main
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


def test_insight_serve_runs_mkdocs_serve_with_the_server_that_pauses_its_watcher(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.commands import serve as mkdocs_serve

    project = make_project(tmp_path / "project")
    used: list[object] = []
    monkeypatch.setattr(mkdocs_serve, "LiveReloadServer", mkdocs_serve.LiveReloadServer)  # put back afterwards
    monkeypatch.setattr(mkdocs_serve, "serve", lambda **kwargs: used.append(mkdocs_serve.LiveReloadServer))
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["serve"])
    assert result.exit_code == 0, result.output
    assert used == [live_server]


def test_a_served_build_leaves_a_collection_due_that_the_next_build_or_stopping_cancels(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The plugin's side: a real build as `insight serve` runs it (dirty, the plugin in serve mode)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setattr(livereload, "COLLECT_AFTER", 60.0)  # still waiting when the test looks
    project = make_project(tmp_path / "project")
    monkeypatch.chdir(project)
    config = load_config("mkdocs.yml", site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=True)
    plugin = config.plugins["insight"]
    build(config, dirty=True)
    assert plugin.live.collection_due, "no collection after the build"
    plugin.on_config(load_config("mkdocs.yml", site_dir=str(tmp_path / "site")))  # the next build starts
    assert not plugin.live.collection_due, "the collection was left to run in the middle of the next build"
    build(load_config("mkdocs.yml", site_dir=str(tmp_path / "site")), dirty=True)
    assert plugin.live.collection_due
    config.plugins.on_shutdown()
    assert not plugin.live.collection_due, "a collection was left to run after the server stopped"


def test_no_full_collection_during_a_build_unless_the_last_builds_garbage_is_still_there() -> None:
    normal = gc.get_threshold()
    state = LiveState()
    try:
        state.building()  # the first build
        assert gc.get_threshold()[2] == livereload.FULL_NEVER, "Python's full collections left on during the build"
        assert gc.get_threshold()[:2] == normal[:2], "the young collections were changed too"
        state.collect_when_idle()  # it ended: the reloaded page is served before anything walks the heap
        assert gc.get_threshold()[2] == livereload.FULL_NEVER, "a full collection could fall on the reload's requests"
        assert _wait_for(lambda: not state.collection_due, 10 * COLLECT_AFTER)
        assert gc.get_threshold() == normal, "the collector was not put back after serve's collection"
        state.building()  # the next save, after the garbage was collected
        assert gc.get_threshold()[2] == livereload.FULL_NEVER
        state.collect_when_idle()
        state.building()  # a save at once, before the collection: saves every second must not pile up garbage
        assert gc.get_threshold() == normal, "full collections were left off with the last build's garbage uncollected"
        state.collect_when_idle()
        assert _wait_for(lambda: not state.collection_due, 10 * COLLECT_AFTER)
        state.building()
        state.cancel_collection()  # the server stops in the middle of a build
        assert gc.get_threshold() == normal, "the collector was left without full collections after serve stopped"
    finally:
        state.cancel_collection()
        gc.set_threshold(*normal)


@pytest.mark.parametrize("fails", [False, True], ids=["build", "failed build"])
def test_a_served_build_runs_without_full_collections_and_puts_the_collector_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fails: bool) -> None:
    """The plugin's side: a real dirty build with the plugin in serve mode, the generator's thresholds seen from inside."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from generator import plugin as plugin_module

    normal = gc.get_threshold()
    seen: list[tuple[int, int, int]] = []
    generate = plugin_module.core.build

    def looking(*args, **kwargs):
        seen.append(gc.get_threshold())
        if fails:
            raise RuntimeError("a build that fails")
        return generate(*args, **kwargs)

    monkeypatch.setattr(plugin_module.core, "build", looking)
    monkeypatch.setattr(livereload, "COLLECT_AFTER", 60.0)
    project = make_project(tmp_path / "project")
    monkeypatch.chdir(project)
    config = load_config("mkdocs.yml", site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=True)
    try:
        if fails:
            with pytest.raises(Exception):
                build(config, dirty=True)
        else:
            build(config, dirty=True)
        assert seen and seen[0][2] == livereload.FULL_NEVER, "the build ran with Python's full collections"
        assert config.plugins["insight"].live.collection_due, "nothing collects what the build left, nor puts the collector back"
        config.plugins.on_shutdown()
        assert gc.get_threshold() == normal, "the collector was not put back when the server stopped"
    finally:
        config.plugins.on_shutdown()
        gc.set_threshold(*normal)
