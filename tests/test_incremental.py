"""Live reload rebuilds only what changed, and what it rebuilds is exactly what a full build writes.

The serve sequence runs in a subprocess the way ``insight serve`` runs it (MkDocs' dirty build,
the config reloaded for each build, plugin instances kept), without HTTP: the site it leaves
behind is compared file by file with a clean ``insight build`` of the same notes.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import DEMO_TODAY, make_project, run_insight

from generator.incremental import SiteCache, changed_pages
from generator.load import discover
from generator.parsecache import ParseCache
from generator.settings import Settings
from generator.site import generate, load

DRIVER = textwrap.dedent(
    """
    import json, os, sys
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project, site_dir, steps = Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3])
    os.chdir(project)
    started = False
    out = []
    for edits in [{}] + steps:
        for rel, text in edits.items():
            (project / rel).write_text(text, encoding="utf-8")
        config = load_config("mkdocs.yml", site_dir=site_dir)
        if not started:
            config.plugins.on_startup(command="serve", dirty=True)
            started = True
        build(config, dirty=True)
        live = config.plugins["insight"].live
        out.append({"rebuilt": sorted(live.rebuilt), "pages": len(live.urls)})
    print(json.dumps(out))
    """
)


def serve_builds(project: Path, site_dir: Path, steps: list[dict[str, str]]) -> list[dict]:
    env = {"NO_MKDOCS_2_WARNING": "1", "INSIGHT_TODAY": DEMO_TODAY, "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", DRIVER, str(project), str(site_dir), json.dumps(steps)],
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def site_files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def search_entries(data: bytes) -> list[str]:
    index = json.loads(data)
    return sorted(json.dumps(e, sort_keys=True) for e in index["docs"])


NEW_NOTE = """---
date: 2026-11-20
person: Zora Quill
role: Staff Engineer
company: Globex
industry: Software Engineering
status: done
introduced_by: Adam Novak
insights:
  - Zora's incremental-reload insight about platform teams.
---

We talked about platform teams.
"""


def test_rebuild_after_edits_matches_a_full_build(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    note = project / "content/interviews/2026-06-09-roman-petrov.md"
    edited = note.read_text(encoding="utf-8").replace(
        "insights:\n", "insights:\n  - A freshly saved insight about forecasting budgets.\n", 1)
    assert edited != note.read_text(encoding="utf-8")
    typed = edited + "\nA line of prose typed while writing the note.\n"
    steps = [
        {"content/interviews/2026-06-09-roman-petrov.md": edited},
        {"content/interviews/2026-06-09-roman-petrov.md": typed},
        {"content/interviews/2026-11-20-zora-quill.md": NEW_NOTE},
    ]
    served = tmp_path / "served"
    builds = serve_builds(project, served, steps)

    first, after_edit, after_typing, after_new = builds
    assert len(first["rebuilt"]) == first["pages"]  # the first build renders everything
    rebuilt = set(after_edit["rebuilt"])
    # the edited note and every generated page that shows its insights
    assert {"interviews/2026-06-09-roman-petrov/", "companies/acme-analytics/", "industries/data-science/"} <= rebuilt
    # pages that do not show the note keep their HTML
    assert "guide/" not in rebuilt and "industries/finance/" not in rebuilt
    assert len(rebuilt) < after_edit["pages"] / 3
    # prose shows on no generated page: only the note itself is rendered again
    assert after_typing["rebuilt"] == ["interviews/2026-06-09-roman-petrov/"]
    new = set(after_new["rebuilt"])
    assert {"interviews/2026-11-20-zora-quill/", "people/zora-quill/", "people/", "companies/globex/", "interviews/",
            "people/adam-novak/"} <= new
    assert "companies/acme-analytics/" not in new

    run_insight("build", "--today", DEMO_TODAY, cwd=project)
    clean = site_files(project / "site")
    live = site_files(served)
    assert set(clean) == set(live)
    differing = sorted(uri for uri in clean if clean[uri] != live[uri] and uri != "search/search_index.json")
    assert differing == []
    assert b"A freshly saved insight about forecasting budgets." in live["industries/data-science/index.html"]
    assert b"Zora Quill" in live["companies/globex/index.html"]
    assert b"A line of prose typed while writing the note." in live["interviews/2026-06-09-roman-petrov/index.html"]
    # Material's search index keeps every page: the same entries as a full build's, in another order
    assert search_entries(live["search/search_index.json"]) == search_entries(clean["search/search_index.json"])


def test_changed_pages_names_what_to_render_again() -> None:
    before = {"a.md": 1, "b.md": 2, "c.md": 3}
    assert changed_pages(None, before) == {"a.md", "b.md", "c.md"}
    assert changed_pages(before, {"a.md": 1, "b.md": 9, "c.md": 3}) == {"b.md"}
    texts = {"a.md": "see [Dana](people/dana-li.md)", "b.md": "nothing", "c.md": ""}
    now = {**before, "people/dana-li.md": 4}
    assert changed_pages(before, now, lambda: texts) == {"people/dana-li.md", "a.md"}


def test_site_cache_reuses_pages_only_while_their_inputs_are_unchanged(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project")
    settings = Settings(today=dt.date.fromisoformat(DEMO_TODAY))
    notes, sites = ParseCache(tmp_path / "cache"), SiteCache()  # kept from build to build, as under serve

    def build() -> tuple:
        kb = load(discover(project / "content"), settings, notes, sites.resolve)
        return sites.generate(kb, settings), generate(load(discover(project / "content"), settings), settings)

    first, _ = build()
    note = project / "content/interviews/2026-06-09-roman-petrov.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nMore prose.\n", encoding="utf-8")
    typed, fresh = build()
    assert typed.pages is not first.pages and typed.pages == fresh.pages == first.pages  # reused, and still right
    assert typed.kb is first.kb  # not resolved again: resolving reads no prose
    assert [n.body for n in typed.kb.notes] == [n.body for n in fresh.kb.notes]  # yet it holds the prose as saved
    assert typed.kb.people["roman-petrov"].file is None or typed.kb.people["roman-petrov"].file in typed.kb.notes
    assert all(iv.note in typed.kb.notes for iv in typed.kb.interviews)
    assert typed.timings["render"] == 0.0 and typed.diagnostics == fresh.diagnostics
    note.write_text(note.read_text(encoding="utf-8").replace("insights:\n", "insights:\n  - Budgets slip.\n", 1), encoding="utf-8")
    edited, fresh = build()
    assert edited.kb is not first.kb and edited.kb.interviews == fresh.kb.interviews
    assert edited.timings["render"] > 0 and edited.pages == fresh.pages != first.pages
    assert edited.headers == fresh.headers and edited.footers == fresh.footers and edited.assets == fresh.assets


def test_resolving_reads_no_prose(tmp_path: Path) -> None:
    """Live reload reuses the knowledge base when only prose changed: what resolving makes must not depend on it."""
    import dataclasses

    from generator.resolve import resolve

    project = make_project(tmp_path / "project")
    note = project / "content/interviews/2026-06-09-roman-petrov.md"
    # a task whose text holds a wikilink its line did not: the due date between two brackets is taken out
    text = note.read_text(encoding="utf-8").replace(
        "\n## Private", "\n- [ ] Email [📅 2026-12-20[Roman Petrov]] about the churn project\n\n## Private", 1)
    note.write_text(text, encoding="utf-8")
    settings = Settings(today=dt.date.fromisoformat(DEMO_TODAY))
    kb = load(discover(project / "content"), settings)
    (task,) = [a for iv in kb.interviews for a in iv.actions if "churn project" in a.text]
    assert task.text == "Email [Roman Petrov](../people/roman-petrov.md) about the churn project"
    typed = [dataclasses.replace(n, body=n.body + "\nMet again via [[Evelyn Chen]] and [[Globex]].\n") for n in kb.notes]
    again = resolve(typed, settings, [d for d in kb.diagnostics])
    fields = [f.name for f in dataclasses.fields(kb.interviews[0]) if f.name != "note"]
    assert [[getattr(iv, f) for f in fields] for iv in again.interviews] == \
           [[getattr(iv, f) for f in fields] for iv in kb.interviews]
