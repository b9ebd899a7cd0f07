"""The parse cache: later builds take unchanged notes from .cache/insight/ and give the same bytes.

Real builds (MkDocs + Material through the `insight` command) on real files; the cache file is the
one the build wrote, damaged or replaced on disk the way a user or an attacker could.
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

from conftest import DEMO_TODAY, make_project, run_insight
from test_determinism import tree

from generator import parsecache
from generator.load import discover
from generator.parsecache import ParseCache
from generator.site import load_notes

CACHE = Path(".cache/insight/notes.pickle")


def _build(project: Path, out: str, *extra: str, env: dict[str, str] | None = None) -> Path:
    run_insight("build", "--today", DEMO_TODAY, "--site-dir", str(project / out), *extra, cwd=project, env=env)
    return project / out


def test_a_warm_build_gives_the_same_site_and_an_edit_still_shows(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    cold = tree(_build(project, "one"))
    assert (project / CACHE).is_file()
    assert not (project / "content" / ".cache").exists()  # never inside the notes
    warm = tree(_build(project, "two"))
    assert warm == cold

    # change a note: the next build shows the change (the cache knows the note by its bytes, not its date)
    note = next((project / "content" / "interviews").glob("*.md"))
    text = note.read_text(encoding="utf-8")
    note.write_text(text.replace("\n---\n", "\nrole: Zeppelin wrangler\n---\n", 1) if "\nrole:" not in text
                    else text.replace("\nrole: ", "\nrole: Zeppelin wrangler, once ", 1), encoding="utf-8")
    site = _build(project, "three")
    assert "Zeppelin wrangler" in (site / "interviews" / note.stem / "index.html").read_text(encoding="utf-8")


def test_cached_notes_still_report_their_problems(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    note = project / "content" / "interviews" / "2026-10-01-broken.md"
    note.write_text("---\ndate: 2026-10-01\nperson: Ada Byron\ncompnay: Acme\nstatus: sometime\n---\nText.\n", encoding="utf-8")
    first = run_insight("check", "--format", "json", cwd=project, check=False)
    assert (project / CACHE).is_file()
    second = run_insight("check", "--format", "json", cwd=project, check=False)
    assert first.returncode == second.returncode == 1
    assert json.loads(first.stdout) == json.loads(second.stdout)
    fields = {(d["field"], d["severity"]) for d in json.loads(second.stdout)["diagnostics"] if "broken" in d["path"]}
    assert {("compnay", "warning"), ("status", "error")} <= fields


def test_a_damaged_or_planted_cache_is_parsed_around_and_runs_nothing(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    cold = tree(_build(project, "one"))
    cache = project / CACHE

    cache.write_bytes(b"\x80\x05 this is not a pickle")
    assert tree(_build(project, "two")) == cold

    marker = tmp_path / "pwned"

    class Planted:  # unpickling this would run a shell command
        def __reduce__(self):
            import os
            return (os.system, (f"touch {marker}",))

    head, key, table = pickle.loads(cache.read_bytes())  # the build rewrote a good one
    uri = next(iter(table))
    table[uri] = (table[uri][0], table[uri][1], Planted())
    cache.write_bytes(pickle.dumps((head, key, table)))
    assert tree(_build(project, "three")) == cold
    assert not marker.exists()


def test_the_cache_can_be_turned_off_and_a_blocked_folder_does_not_stop_the_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    cold = tree(_build(project, "one", env={"INSIGHT_CACHE": "0"}))
    assert not (project / ".cache").exists()

    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("  - insight:\n", "  - insight:\n      cache: false\n", 1), encoding="utf-8")
    assert "cache: false" in yml.read_text(encoding="utf-8")
    assert tree(_build(project, "two")) == cold
    assert not (project / ".cache").exists()

    yml.write_text(yml.read_text(encoding="utf-8").replace("      cache: false\n", ""), encoding="utf-8")
    (project / ".cache").write_text("a file where the folder would go\n", encoding="utf-8")
    assert tree(_build(project, "three")) == cold


def test_only_changed_notes_are_parsed_and_deleted_ones_are_dropped(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    docs = project / "content"
    cache = ParseCache(project / parsecache.FOLDER)
    notes, _ = load_notes(discover(docs), cache=cache)
    total = len(notes)
    assert (cache.hits, cache.misses) == (0, total)

    cache = ParseCache(project / parsecache.FOLDER)
    again, _ = load_notes(discover(docs), cache=cache)
    assert (cache.hits, cache.misses) == (total, 0)
    assert [n.meta for n in again] == [n.meta for n in notes]

    first, second = sorted((docs / "interviews").glob("*.md"))[:2]
    first.write_text(first.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    second.unlink()
    cache = ParseCache(project / parsecache.FOLDER)
    notes, _ = load_notes(discover(docs), cache=cache)
    assert (cache.hits, cache.misses) == (total - 2, 1)
    assert "One more line." in next(n for n in notes if n.path.endswith(first.name)).body
    _, _, table = pickle.loads((project / CACHE).read_bytes())
    assert f"interviews/{second.name}" not in table and f"interviews/{first.name}" in table


def test_under_serve_the_cache_is_kept_in_memory_and_written_when_the_server_stops(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    docs = project / "content"
    cache = ParseCache(project / parsecache.FOLDER)
    total = len(load_notes(discover(docs), cache=cache)[0])
    on_disk = (project / CACHE).read_bytes()
    cache.write_later = True  # what the plugin sets for the builds after serve's first
    note = sorted((docs / "interviews").glob("*.md"))[0]
    note.write_text(note.read_text(encoding="utf-8") + "\nTyped while serving.\n", encoding="utf-8")
    notes, _ = load_notes(discover(docs), cache=cache)
    assert (cache.hits, cache.misses) == (total - 1, total + 1)  # counted since the first build
    assert "Typed while serving." in next(n for n in notes if n.path.endswith(note.name)).body
    assert (project / CACHE).read_bytes() == on_disk  # not written after each save
    again = ParseCache(project / parsecache.FOLDER)
    load_notes(discover(docs), cache=again)
    assert again.misses == 1
    cache.flush()  # the plugin's on_shutdown
    later = ParseCache(project / parsecache.FOLDER)
    notes, _ = load_notes(discover(docs), cache=later)
    assert (later.hits, later.misses) == (total, 0)
    assert "Typed while serving." in next(n for n in notes if n.path.endswith(note.name)).body


def test_a_cache_from_other_code_is_not_used(tmp_path: Path, monkeypatch) -> None:
    project = make_project(tmp_path / "p")
    docs = project / "content"
    load_notes(discover(docs), cache=ParseCache(project / parsecache.FOLDER))
    parsecache.fingerprint.cache_clear()
    monkeypatch.setattr(parsecache, "FORMAT", parsecache.FORMAT + 1)  # as if the generator had changed
    try:
        cache = ParseCache(project / parsecache.FOLDER)
        load_notes(discover(docs), cache=cache)
        assert cache.hits == 0 and cache.misses > 0
    finally:
        parsecache.fingerprint.cache_clear()


def test_any_change_to_the_generator_code_changes_the_fingerprint(tmp_path: Path) -> None:
    import shutil

    package = Path(parsecache.__file__).parent
    copy = tmp_path / "generator"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
    before = parsecache.code_digest(copy)
    assert parsecache.code_digest(package) == before
    (copy / "questions" / "lexicon.py").write_text((copy / "questions" / "lexicon.py").read_text() + "\n# an edit\n")
    assert parsecache.code_digest(copy) != before

