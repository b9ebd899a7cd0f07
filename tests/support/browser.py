"""Headless Debian Chromium and a loopback file server: shared by the benchmarks and the browser tests.

Chromium is never downloaded: it is Debian's package, driven by Playwright through ``executable_path``.
"""

from __future__ import annotations

import functools
import http.server
import os
import socketserver
import threading
from pathlib import Path

CHROMIUM = os.environ.get("INSIGHT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve_dir(directory: Path | str) -> tuple[str, socketserver.TCPServer]:
    """Serve ``directory`` on a free loopback port in a background thread; returns its URL and the server."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}", server


# The screen sizes and the demo's page types that the browser tests and `make shots` look at.
SIZES = {"laptop": (1280, 800), "phone": (390, 844)}
PAGE_TYPES = {
    "home": "", "conversations": "interviews/", "timeline": "interviews/timeline/",
    "note": "interviews/2026-08-05-jose-nunez/", "person": "people/roman-petrov/", "company": "companies/acme-analytics/",
    "industry": "industries/data-science/", "network": "network/", "questions": "questions/",
    "questions-industry": "questions/data-science/", "follow-ups": "follow-ups/", "prep": "prep/2026-12-08-chloe-dubois/",
    "guide": "guide/", "note-format": "guide/note-format/", "problems": "problems/",
}
