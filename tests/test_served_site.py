"""A serve that starts from the site the last serve left renders only what changed since, and gets every page right.

Each serve session runs in a subprocess the way ``insight serve`` runs it (MkDocs' dirty build into a fresh
temporary folder, the plugin's startup and shutdown), without HTTP. Between two sessions the notes change as a
user changes them with no server running; the second session's site is compared file by file with a clean
``insight build`` of the same notes.
"""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from conftest import DEMO_TODAY, ROOT, make_project, run_insight
from test_incremental import NEW_NOTE as NOTE_FROM_ANOTHER_TEST, search_entries, site_files

from generator import servedsite
from generator.livereload import LiveState

DRIVER = textwrap.dedent(
    """
    import json, logging, os, sys
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project, site_dir, steps, stop = Path(sys.argv[1]), sys.argv[2], json.loads(sys.argv[3]), sys.argv[4] == "stop"
    # as `insight serve` does: the plugin decides what a dirty build renders (and --strict would count the warning)
    logging.getLogger("mkdocs.commands.build").addFilter(lambda r: not r.getMessage().startswith("A 'dirty' build"))
    os.chdir(project)
    os.makedirs(site_dir, exist_ok=True)  # as MkDocs' serve makes its temporary folder
    started = None
    out = []
    for edits in [{}] + steps:
        for rel, text in edits.items():
            if text is None:
                (project / rel).unlink()
            else:
                (project / rel).write_text(text, encoding="utf-8")
        config = load_config("mkdocs.yml", site_dir=site_dir, strict=bool(os.environ.get("SERVE_STRICT")) or None)
        if started is None:
            config.plugins.on_startup(command="serve", dirty=True)
            started = config
        try:
            build(config, dirty=True)
        except Exception as err:  # as serve goes on after a build that failed (--strict and a warning)
            out.append({"failed": type(err).__name__})
            continue
        live = config.plugins["insight"].live
        written = {n: os.stat(os.path.join(site_dir, n)).st_mtime_ns for n in ("sitemap.xml", "404.html")}
        out.append({"rebuilt": sorted(live.rebuilt), "pages": len(live.urls), "written": written})
    if stop:
        started.plugins.on_shutdown()
    print(json.dumps(out))
    """
)


def session(project: Path, site_dir: Path, steps: list[dict[str, str | None]] | None = None, stop: bool = True,
            extra_env: dict[str, str] | None = None) -> list[dict]:
    env = {"NO_MKDOCS_2_WARNING": "1", "INSIGHT_TODAY": DEMO_TODAY, "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", DRIVER, str(project), str(site_dir), json.dumps(steps or []),
                             "stop" if stop else "run"], capture_output=True, text=True, env={**env, **(extra_env or {})},
                            timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def same_as_a_clean_build(project: Path, served: Path) -> dict[str, bytes]:
    run_insight("build", "--today", DEMO_TODAY, cwd=project)
    clean, live = site_files(project / "site"), site_files(served)
    assert sorted(set(clean) ^ set(live)) == []
    differing = sorted(uri for uri in clean if clean[uri] != live[uri] and uri != "search/search_index.json")
    assert differing == []
    if "search/search_index.json" in clean:
        assert search_entries(live["search/search_index.json"]) == search_entries(clean["search/search_index.json"])
    return live


# a note added in the first session, with an image beside it (a file published because the note links it)
NEW_NOTE = NOTE_FROM_ANOTHER_TEST + "![The team's board](board.png)\n"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "project")


def test_a_restart_renders_what_changed_while_no_server_ran(project: Path, tmp_path: Path) -> None:
    board = project / "content/interviews/board.png"
    board.write_bytes(b"\x89PNG first board")
    note = project / "content/interviews/2026-06-09-roman-petrov.md"
    gone = project / "content/interviews/2026-06-18-adam-novak.md"
    first = session(project, tmp_path / "serve1", [{"content/interviews/2026-11-20-zora-quill.md": NEW_NOTE}])
    assert not (tmp_path / "serve1").exists()  # kept for the next serve, not copied
    assert (servedsite.folder(project) / servedsite.MEMORY).is_file()
    assert len(first[0]["rebuilt"]) == first[0]["pages"]  # no site kept yet: every page rendered

    # while no server runs: a frontmatter edit, prose typed, a note deleted, and an image replaced by an older file
    text = note.read_text(encoding="utf-8")
    note.write_text(text.replace("insights:\n", "insights:\n  - An insight about budgets saved offline.\n", 1)
                    + "\nProse typed with no server running.\n", encoding="utf-8")
    gone.unlink()
    board.write_bytes(b"\x89PNG second board, restored from a backup")
    os.utime(board, ns=(10**18, 10**18))  # 2001: older than the copy the last serve made

    second = session(project, tmp_path / "serve2", stop=False)[0]
    rebuilt = set(second["rebuilt"])
    assert {"interviews/2026-06-09-roman-petrov/", "companies/acme-analytics/", "industries/data-science/"} <= rebuilt
    assert "industries/finance/" not in rebuilt
    assert len(rebuilt) < second["pages"] / 3
    assert not servedsite.folder(project).exists()  # taken by this serve

    live = same_as_a_clean_build(project, tmp_path / "serve2")
    assert b"An insight about budgets saved offline." in live["industries/data-science/index.html"]
    assert b"Prose typed with no server running." in live["interviews/2026-06-09-roman-petrov/index.html"]
    assert live["interviews/board.png"] == b"\x89PNG second board, restored from a backup"
    assert "interviews/2026-06-18-adam-novak/index.html" not in live  # the deleted note's page is not served


def test_a_note_deleted_under_serve_takes_its_page_with_it(project: Path, tmp_path: Path) -> None:
    builds = session(project, tmp_path / "serve", [{"content/interviews/2026-06-18-adam-novak.md": None}], stop=False)
    assert builds[1]["pages"] < builds[0]["pages"]
    live = same_as_a_clean_build(project, tmp_path / "serve")
    assert "interviews/2026-06-18-adam-novak/index.html" not in live


def test_the_sitemap_is_written_again_only_when_what_it_lists_changed(project: Path, tmp_path: Path) -> None:
    """A prose save leaves the sitemap as it was; a new note (a new address) writes it again, and the sitemap then
    written is the one a clean build writes (the prose save after it leaves it as it is). The 404 page shows the
    navigation, whose entries can take a page's icon or title: it is written on every save."""
    note = project / "content/interviews/2026-06-09-roman-petrov.md"
    prose = note.read_text(encoding="utf-8") + "\nA line of prose typed under serve.\n"
    builds = session(project, tmp_path / "serve", [
        {"content/interviews/2026-06-09-roman-petrov.md": prose},
        {"content/interviews/2026-11-20-zora-quill.md": NEW_NOTE},
        {"content/interviews/2026-06-09-roman-petrov.md": prose + "Another line.\n"},
    ], stop=False)
    sitemap = [b["written"]["sitemap.xml"] for b in builds]
    assert sitemap[1] == sitemap[0] and sitemap[3] == sitemap[2]  # prose: not written again
    assert sitemap[2] != sitemap[1]  # a new note: a new address
    not_found = [b["written"]["404.html"] for b in builds]
    assert len(set(not_found)) == len(not_found)  # written every time
    live = same_as_a_clean_build(project, tmp_path / "serve")
    assert b"interviews/2026-11-20-zora-quill/" in live["sitemap.xml"]


def test_a_sitemap_written_by_a_build_that_failed_is_written_again(project: Path, tmp_path: Path) -> None:
    """A page naming a theme template that does not exist fails the build while MkDocs writes the pages, after it
    wrote the sitemap (with a new note in it); with both gone again, the pages are the last good build's, and so
    must the sitemap be."""
    note, page = "content/interviews/2026-11-20-zora-quill.md", "content/odd.md"
    builds = session(project, tmp_path / "serve", [{note: NEW_NOTE, page: "---\ntemplate: missing.html\n---\n# Odd\n"},
                                                   {note: None, page: None}], stop=False)
    assert "failed" in builds[1] and "failed" not in builds[2]
    live = same_as_a_clean_build(project, tmp_path / "serve")
    assert b"zora-quill" not in live["sitemap.xml"]


def test_what_a_navigation_entry_shows_of_its_page_renders_every_page_when_it_changes(tmp_path: Path) -> None:
    """Material shows a page's `icon:` beside its entry in every page's navigation, and an entry written without a
    title in mkdocs.yml takes the page's heading: a change to either shows on every page at once, the 404 page's
    too, as a clean build has it; and a page rendered by a later save still shows them (MkDocs reads only the
    pages it renders)."""
    text = "# Reading list\n\nBooks people recommended.\n"
    project = make_project(tmp_path / "generated-nav")
    note = "content/interviews/2026-06-09-roman-petrov.md"
    prose = (project / note).read_text(encoding="utf-8") + "\nA line typed after the icon was added.\n"
    session(project, tmp_path / "serve1", [{"content/reading-list.md": text},
                                           {"content/reading-list.md": "---\nicon: material/book-open-variant\n---\n" + text},
                                           {note: prose}], stop=False)
    live = same_as_a_clean_build(project, tmp_path / "serve1")
    import material

    svg = (Path(material.__file__).parent / "templates/.icons/material/book-open-variant.svg").read_bytes().strip()
    assert svg[60:140] in live["404.html"] and svg[60:140] in live["interviews/2026-06-09-roman-petrov/index.html"]

    yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    yml += "\nnav:\n  - Home: index.md\n  - Conversations: interviews/index.md\n  - reading-list.md\n"
    project = make_project(tmp_path / "own-nav", mkdocs_yml=yml)
    (project / "content/reading-list.md").write_text(text, encoding="utf-8")
    builds = session(project, tmp_path / "serve2", [{"content/reading-list.md": text.replace("# Reading list", "# Books")}],
                     stop=False)
    assert len(builds[1]["rebuilt"]) == builds[1]["pages"]
    live = same_as_a_clean_build(project, tmp_path / "serve2")
    assert b"Books" in live["index.html"] and b"Reading list" not in live["index.html"]  # the entry's new title


def test_a_new_setting_or_address_renders_every_page(project: Path, tmp_path: Path) -> None:
    session(project, tmp_path / "serve1")
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("site_name: ", "site_name: Renamed ", 1), encoding="utf-8")
    again = session(project, tmp_path / "serve2")[0]
    assert len(again["rebuilt"]) == again["pages"]
    assert b"Renamed " in (servedsite.folder(project) / "site/index.html").read_bytes()
    yml.write_text(yml.read_text(encoding="utf-8").replace("site_url: https://", "site_url: http://", 1), encoding="utf-8")
    third = session(project, tmp_path / "serve3", stop=False)[0]
    assert len(third["rebuilt"]) == third["pages"]
    same_as_a_clean_build(project, tmp_path / "serve3")


def _theme_overrides(project: Path) -> Path:
    """A ``custom_dir`` of the user's, with a main.html that changes nothing yet."""
    overrides = project / "theme-overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text('{% extends "base.html" %}\n', encoding="utf-8")
    yml = project / "mkdocs.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("  name: material\n", "  name: material\n  custom_dir: theme-overrides\n", 1),
                   encoding="utf-8")
    return overrides


def test_a_template_of_the_users_own_is_part_of_the_key(project: Path, tmp_path: Path) -> None:
    overrides = _theme_overrides(project)
    session(project, tmp_path / "serve1")
    (overrides / "main.html").write_text('{% extends "base.html" %}\n{% block announce %}Kept-key banner{% endblock %}\n',
                                         encoding="utf-8")
    again = session(project, tmp_path / "serve2", stop=False)[0]
    assert len(again["rebuilt"]) == again["pages"]
    assert b"Kept-key banner" in (tmp_path / "serve2/guide/index.html").read_bytes()


class Planted:
    def __reduce__(self) -> tuple:
        return (os.system, ("touch planted-ran",))


@pytest.mark.parametrize("damage", ["memory", "index", "planted link", "planted call", "planted import", "pipe",
                                    "site is a link"])
def test_a_damaged_or_planted_folder_is_a_full_render(project: Path, tmp_path: Path, damage: str) -> None:
    session(project, tmp_path / "serve1")
    kept = servedsite.folder(project)
    secret = tmp_path / "secret.txt"
    secret.write_text("not part of any site", encoding="utf-8")
    if damage == "memory":
        (kept / servedsite.MEMORY).write_bytes(b"\x80\x05damaged")
    elif damage == "planted call":  # the right format and key, and a call in place of the site's memory
        head, memory = pickle.loads((kept / servedsite.MEMORY).read_bytes())
        (kept / servedsite.MEMORY).write_bytes(pickle.dumps((head, {**memory, "sites": Planted()})))
    elif damage == "planted import":  # importing a module of the generator's that runs the command line
        (kept / servedsite.MEMORY).write_bytes(b"cgenerator.__main__\nmain\n.")
    elif damage == "pipe":  # a read that would never end
        (kept / servedsite.MEMORY).unlink()
        os.mkfifo(kept / servedsite.MEMORY)
    elif damage == "site is a link":
        shutil.rmtree(kept / "site")
        (tmp_path / "elsewhere").mkdir()
        (tmp_path / "elsewhere/planted.txt").write_text("planted", encoding="utf-8")
        (kept / "site").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    elif damage == "index":
        (kept / "site/search/search_index.json").write_text('{"docs": "x"}', encoding="utf-8")
    else:
        (kept / "site/planted.txt").symlink_to(secret)
        (kept / "site/planted-dir").symlink_to(tmp_path, target_is_directory=True)
    again = session(project, tmp_path / "serve2", stop=False)[0]
    served = tmp_path / "serve2"
    assert not (served / "planted.txt").exists() and not (served / "planted-dir").exists()
    assert not (project / "planted-ran").exists()
    assert len(again["rebuilt"]) == again["pages"]  # only serve writes that folder: a link in it is not serve's
    same_as_a_clean_build(project, served)


def test_only_one_serve_takes_the_kept_site(project: Path, tmp_path: Path) -> None:
    session(project, tmp_path / "serve1")
    key = (servedsite.folder(project) / servedsite.KEY).read_text(encoding="utf-8")
    assert servedsite.take(project, "another key") is None  # not made the same way: discarded
    assert not servedsite.folder(project).exists()
    session(project, tmp_path / "serve2")
    taken = servedsite.take(project, key)
    assert taken is not None and servedsite.take(project, key) is None
    taken.discard()


INTERRUPTED = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from material.plugins.search.plugin import SearchPlugin

    project, site_dir = Path(sys.argv[1]), sys.argv[2]
    os.chdir(project)
    os.makedirs(site_dir, exist_ok=True)
    config = load_config("mkdocs.yml", site_dir=site_dir)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    note = project / "content/interviews/2026-06-09-roman-petrov.md"
    note.write_text(note.read_text(encoding="utf-8") + "\\nA save stopped by Ctrl-C.\\n", encoding="utf-8")

    def stopped(self, *, config):  # Ctrl-C as Material's search is about to write its index: pages written
        raise KeyboardInterrupt

    SearchPlugin.on_post_build = stopped
    try:
        build(load_config("mkdocs.yml", site_dir=site_dir), dirty=True)
    except KeyboardInterrupt:
        pass
    config.plugins.on_shutdown()  # as MkDocs' serve does on its way out
    print("stopped")
    """
)


def test_a_build_stopped_before_its_search_index_was_written_is_not_kept(project: Path, tmp_path: Path) -> None:
    env = {"NO_MKDOCS_2_WARNING": "1", "INSIGHT_TODAY": DEMO_TODAY, "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", INTERRUPTED, str(project), str(tmp_path / "serve")],
                            capture_output=True, text=True, env=env)
    assert result.stdout.strip() == "stopped", result.stderr[-3000:]
    assert not servedsite.folder(project).exists()  # the next serve renders everything
    assert (project / ".cache/insight/notes.pickle").is_file()  # the parsed notes are still written


def test_nothing_is_kept_before_a_build_ended() -> None:
    live = LiveState()
    live.site_dir, live.key, live.keeps = "/tmp/site", "k", True
    assert not live.keepable()  # nothing built yet
    live.building()
    live.pending = {"a.md": ("file", (1, 2), None, None, None)}
    from generator.livereload import commit
    commit(live)
    assert not live.keepable()  # the pages are written, Material's search index not yet
    live.cancel_collection()


def test_a_copy_of_the_project_starts_afresh(project: Path, tmp_path: Path) -> None:
    """The kept site is served as it is: one that came with a copied folder (a zip from someone else) is not
    this machine's own."""
    session(project, tmp_path / "serve1")
    copy = tmp_path / "copy"
    shutil.copytree(project, copy)
    assert (servedsite.folder(copy) / servedsite.MEMORY).is_file()
    again = session(copy, tmp_path / "serve2", stop=False)[0]
    assert len(again["rebuilt"]) == again["pages"]


def _serve(project: Path, port: int) -> subprocess.Popen:
    from tools.bench.run import ENV

    # Ctrl-C as in a terminal, even when the tests run in the background: `make test &` starts them ignoring SIGINT,
    # and a child inherits an ignored signal (a handled one is reset to the default), so the serve would never hear
    # the test's Ctrl-C
    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    return subprocess.Popen([sys.executable, "-m", "generator", "serve", "--today", DEMO_TODAY, "-a", f"127.0.0.1:{port}"],
                            cwd=project, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _page(url: str, marker: str, proc: subprocess.Popen) -> str:
    import time

    from tools.bench.run import _get

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        page = _get(url)
        if page is not None and marker in page:
            return page
        assert proc.poll() is None, proc.communicate()[0][-3000:]
        time.sleep(0.1)
    raise AssertionError(f"{url} never showed {marker!r}")


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_insight_serve_stopped_and_started_again_shows_the_edits_made_between(project: Path, stop: int) -> None:
    """The real command: stopped by Ctrl-C or by `kill`, it keeps its site; started again on the same address,
    it says so, renders what changed, and serves the edit made while it was stopped."""
    from tools.bench.run import _free_port

    port = _free_port()
    url = f"http://127.0.0.1:{port}/industries/data-science/"
    proc = _serve(project, port)
    _page(url, "Data Science", proc)
    proc.send_signal(stop)
    first = proc.communicate(timeout=60)[0]
    assert proc.returncode == 0 and "Traceback" not in first, first[-3000:]
    assert (servedsite.folder(project) / servedsite.MEMORY).is_file()

    note = project / "content/interviews/2026-06-09-roman-petrov.md"
    note.write_text(note.read_text(encoding="utf-8").replace(
        "insights:\n", "insights:\n  - An insight written between two serves.\n", 1), encoding="utf-8")
    proc = _serve(project, port)
    try:
        _page(url, "An insight written between two serves.", proc)
    finally:
        proc.send_signal(signal.SIGINT)
        second = proc.communicate(timeout=60)[0]
    assert "Traceback" not in second, second[-3000:]
    said = [line for line in second.splitlines() if "starting from the site the last serve left" in line]
    assert len(said) == 1, second[-3000:]
    changed, total = (int(x.replace(",", "")) for x in re.findall(r"([\d,]+) of ([\d,]+) pages", said[0])[0])
    assert 0 < changed < total / 3


def test_only_its_owner_can_read_the_kept_site_and_leftovers_go(project: Path, tmp_path: Path) -> None:
    stale = servedsite.folder(project).with_name("serve-new-0123")  # a serve killed while it kept its site
    stale.mkdir(parents=True)
    (stale / "memory.pickle").write_bytes(b"the whole site of a killed serve")
    os.utime(stale, (1, 1))
    recent = servedsite.folder(project).with_name("serve-new-4567")  # one being written at this moment
    recent.mkdir()
    session(project, tmp_path / "serve1")
    kept = servedsite.folder(project)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o700
    assert stat.S_IMODE((kept / servedsite.MEMORY).stat().st_mode) == 0o600
    assert not stale.exists() and recent.exists()


def test_a_change_every_page_shows_renders_every_page_in_the_session_too(project: Path, tmp_path: Path) -> None:
    """A theme template of the user's, a top-level page that adds a tab, or mkdocs.yml shows on every page: changed
    under a running serve, the next build renders them all, and a restart after it starts from a whole site."""
    overrides = _theme_overrides(project)
    banner = '{% extends "base.html" %}\n{% block announce %}Saved-banner{% endblock %}\n'
    renamed = (project / "mkdocs.yml").read_text(encoding="utf-8").replace("site_name: ", "site_name: Renamed ", 1)
    builds = session(project, tmp_path / "serve1", [{"theme-overrides/main.html": banner},
                                                    {"content/reading-list.md": "# Reading list\n\nBooks.\n"},
                                                    {"mkdocs.yml": renamed}])
    assert [len(b["rebuilt"]) == b["pages"] for b in builds] == [True, True, True, True]
    again = session(project, tmp_path / "serve2", stop=False)[0]
    assert again["rebuilt"] == []
    live = same_as_a_clean_build(project, tmp_path / "serve2")
    assert b"Saved-banner" in live["companies/index.html"] and b"Reading list" in live["companies/index.html"]
    assert b"Renamed " in live["companies/index.html"]


def test_a_page_added_while_no_server_ran_shows_in_every_pages_navigation(project: Path, tmp_path: Path) -> None:
    session(project, tmp_path / "serve1")
    (project / "content/reading-list.md").write_text("# Reading list\n\nBooks.\n", encoding="utf-8")
    again = session(project, tmp_path / "serve2", stop=False)[0]
    assert len(again["rebuilt"]) == again["pages"]
    same_as_a_clean_build(project, tmp_path / "serve2")


@pytest.mark.parametrize("change", ["hook", "env list", "strict"])
def test_what_mkdocs_yml_brings_in_is_part_of_the_key(project: Path, tmp_path: Path, change: str) -> None:
    yml = project / "mkdocs.yml"
    text = yml.read_text(encoding="utf-8")
    hook = project / "hooks.py"
    hook.write_text("def on_page_content(html, **kw):\n    return html + '<p>hook one</p>'\n", encoding="utf-8")
    text = re.sub(r"^site_name: .*$", "site_name: !ENV [KB_NAME_OVERRIDE, KB_NAME, 'Insight KB']", text, count=1, flags=re.M)
    yml.write_text(text + "\nhooks:\n  - hooks.py\n", encoding="utf-8")
    env = {"KB_NAME": "First name"}
    session(project, tmp_path / "serve1", extra_env=env)
    if change == "hook":
        hook.write_text("def on_page_content(html, **kw):\n    return html + '<p>hook two</p>'\n", encoding="utf-8")
    elif change == "env list":
        env = {"KB_NAME": "Second name"}
    else:  # `insight serve --strict`
        env = {**env, "SERVE_STRICT": "1"}
    again = session(project, tmp_path / "serve2", stop=False, extra_env=env)[0]
    assert len(again["rebuilt"]) == again["pages"]
    page = (tmp_path / "serve2/companies/index.html").read_bytes()
    assert (b"hook two" in page) == (change == "hook")
    assert (b"Second name" in page) == (change == "env list")


@pytest.mark.parametrize("off", ["a file where the folder goes", "cache: false"])
def test_serve_runs_when_nothing_can_be_kept(project: Path, tmp_path: Path, off: str) -> None:
    if off == "cache: false":
        yml = project / "mkdocs.yml"
        yml.write_text(yml.read_text(encoding="utf-8").replace("  - insight:\n", "  - insight:\n      cache: false\n", 1),
                       encoding="utf-8")
    else:
        (project / ".cache").write_text("a file where the folder would go\n", encoding="utf-8")
    first = session(project, tmp_path / "serve1", [{"content/interviews/2026-11-20-zora-quill.md": NEW_NOTE}])
    assert len(first[1]["rebuilt"]) < first[1]["pages"] / 3  # saves are still incremental
    assert not servedsite.folder(project).exists() and (tmp_path / "serve1").is_dir()  # left to MkDocs to remove
    again = session(project, tmp_path / "serve2", stop=False)[0]
    assert len(again["rebuilt"]) == again["pages"]


def test_notes_kept_in_obsidian_with_no_search_plugin_restart_too(tmp_path: Path) -> None:
    """The editors fixture (an Obsidian vault: wikilinks, Dataview fields, a Templates folder) has no search plugin,
    so its site has no index to keep; with untidy notes beside it, an unclosed fence and a wikilink typed while
    no server ran."""
    project = tmp_path / "vault"
    shutil.copytree(Path(__file__).parent / "fixtures" / "editors", project)
    for case in ("bom", "crlf", "duplicate-key", "invalid-yaml"):
        for f in (Path(__file__).parent / "fixtures" / "bad" / case).glob("*.md"):
            shutil.copy(f, project / "content" / "interviews" / f"{case}-{f.name}")
    session(project, tmp_path / "serve1")
    note = sorted((project / "content" / "interviews").glob("2*.md"))[0]
    note.write_text(note.read_text(encoding="utf-8") + "\n```python\nan unclosed fence [[Someone New]]\n", encoding="utf-8")
    again = session(project, tmp_path / "serve2", stop=False)[0]
    assert 0 < len(again["rebuilt"]) < again["pages"]
    same_as_a_clean_build(project, tmp_path / "serve2")
