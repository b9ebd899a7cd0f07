"""Under `insight serve`, a hostile note saved while the server runs (or while it is rebuilding, now that the
watcher waits for the build) is cleaned like any other: the pages served over HTTP carry no active HTML.

A real `insight serve` process; the saves are the two ways a file arrives under it: prose added to a note (the
save that reuses the last site whole) and a new note dropped into content/ (an import, a copied export), the
second made while the first save's rebuild runs.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from attack import TODAY, note, project_with
from test_html_injection import ATTACKS
from test_merge_untrusted import _Active

from tools.bench.run import ENV, _free_port, _get


def _active(html: str) -> list[str]:
    parser = _Active()
    parser.feed(html)
    return parser.found


def _wait_for(url: str, marker: str, proc: subprocess.Popen, seconds: float = 120) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = _get(url)
        if page is not None and marker in page:
            return page
        assert proc.poll() is None, "insight serve stopped"
        time.sleep(0.1)
    raise AssertionError(f"{url} never showed {marker!r}")


def test_hostile_saves_under_serve_are_served_clean(tmp_path: Path) -> None:
    project = project_with(tmp_path, {
        "interviews/2026-05-01-ada-clean.md": note("Ada Clean", body="## Insights\n\n- A clean start.\n"),
    })
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen([sys.executable, "-m", "generator", "serve", "--today", TODAY, "-a", f"127.0.0.1:{port}"],
                                cwd=project, env=ENV, stdout=log, stderr=subprocess.STDOUT)
        try:
            first = _wait_for(base + "interviews/2026-05-01-ada-clean/", "A clean start.", proc)
            assert _active(first) == []
            saved = project / "content/interviews/2026-05-01-ada-clean.md"
            with saved.open("a", encoding="utf-8") as fh:  # prose only: the last site is reused whole
                fh.write("\nPROSE-SAVED\n\n" + ATTACKS)
            time.sleep(0.3)  # into the rebuild that save starts, at this size
            (project / "content/interviews/2026-05-02-mallory-new.md").write_text(
                note("Mallory New", body="NEW-NOTE\n\n" + ATTACKS), encoding="utf-8")
            pages = {
                "saved note": _wait_for(base + "interviews/2026-05-01-ada-clean/", "PROSE-SAVED", proc),
                "new note": _wait_for(base + "interviews/2026-05-02-mallory-new/", "NEW-NOTE", proc),
            }
            pages["person"] = _wait_for(base + "people/mallory-new/", "Mallory New", proc)
            for name, page in pages.items():
                assert _active(page) == [], name
        finally:
            proc.terminate()
            proc.wait(30)
        log.seek(0)
        output = log.read().decode(errors="replace")
    for name in ("2026-05-01-ada-clean.md", "2026-05-02-mallory-new.md"):  # each save is named in the warnings
        assert f"{name}: active HTML removed from the page" in output, output[-3000:]
    assert "Traceback" not in output, output[-3000:]
