"""How ``insight serve`` notices saves: MkDocs' polling watcher, paused while a build runs.

Only the serve command imports this (MkDocs' server and watchdog are not needed to build).
"""

from __future__ import annotations

import functools
import threading
from typing import Any, Callable

from mkdocs.livereload import LiveReloadServer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingEmitter

# Seconds between two looks at the notes for saves (MkDocs polls every 0.5 s). A poll stats every note: at 5,000 an
# idle serve uses a third of a core (a fifth at 0.5 s, watchdog 7), but saves measured no slower for it (make bench).
POLLING_INTERVAL = 0.25


class PollingWhenIdle(PollingEmitter):
    """MkDocs' polling for saves, paused while a build runs (``idle`` is clear).

    A poll runs in a thread of its own and stats every file in Python. During a build the two threads take turns
    at the interpreter lock on every file the build opens or stats: at 5,000 notes that doubled the plugin's work
    on a save (0.4 s alone, 0.5 to 1.5 s beside the polling). A file saved during a build is still seen: the
    first poll after it compares the folder with the look taken before the build.
    """

    def __init__(self, *args: Any, idle: threading.Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.idle = idle

    def queue_events(self, timeout: float) -> None:
        if self.stopped_event.wait(timeout):  # the interval between two polls, as in PollingEmitter
            return
        while not self.idle.wait(timeout):
            if not self.should_keep_running():
                return
        super().queue_events(0)  # the poll itself, now


def live_server(*, builder: Callable[..., None], **kwargs: Any) -> LiveReloadServer:
    """MkDocs' live-reload server (what ``mkdocs serve`` makes), polling every ``POLLING_INTERVAL`` except while
    it builds (:class:`PollingWhenIdle`)."""
    idle = threading.Event()
    idle.set()

    def build(*args: Any, **kw: Any) -> None:
        idle.clear()
        try:
            builder(*args, **kw)
        finally:
            idle.set()

    server = LiveReloadServer(builder=build, **kwargs)
    # in place of the observer MkDocs made (never started: it starts in serve())
    server.observer = BaseObserver(functools.partial(PollingWhenIdle, idle=idle),  # type: ignore[arg-type]
                                   timeout=POLLING_INTERVAL)
    return server
