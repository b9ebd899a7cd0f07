"""The benchmark's synthetic corpus is deterministic, sized as asked, and made of valid notes."""

from __future__ import annotations

from pathlib import Path

from tools.bench.corpus import TODAY, write_corpus
from tools.bench.run import report
from generator.site import build
from generator.settings import Settings


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.md"))}


def test_same_seed_gives_byte_identical_files(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", 120, seed=3)
    write_corpus(tmp_path / "b", 120, seed=3)
    write_corpus(tmp_path / "c", 120, seed=4)
    assert files(tmp_path / "a") == files(tmp_path / "b")
    assert files(tmp_path / "a") != files(tmp_path / "c")


def test_corpus_has_n_conversations_that_load_cleanly_with_realistic_links(tmp_path: Path) -> None:
    counts = write_corpus(tmp_path / "content", 300)
    assert counts["interviews"] == 300
    assert len(list((tmp_path / "content" / "interviews").glob("*.md"))) == 300
    site = build(tmp_path / "content", Settings(today=TODAY))
    assert site.diagnostics == [] and site.left_out == set()
    kb = site.kb
    assert len(kb.interviews) == 300
    assert 60 < len(kb.people) < 300  # people seen more than once, and people only ever referred
    assert 10 < len(kb.companies) < 100 and len(kb.industries) >= 8
    assert any(iv.introduced_by for iv in kb.interviews) and kb.referrals
    assert any(q.line > iv.note.lines.get("questions", 0) for iv in kb.interviews for q in iv.questions)  # body questions
    assert any(iv.status != "done" for iv in kb.interviews)
    assert any(p.file is not None for p in kb.people.values()) and any(c.file is not None for c in kb.companies.values())
    assert len(kb.companies) <= 300 // 12  # "Acme Labs Inc." and "Acme Labs" are one company


def test_report_is_a_markdown_table_with_the_machine() -> None:
    row = {"n": 1000, "files": 1100, "load": 0.3, "resolve": 0.2, "render": 0.4, "build": 20.0, "build_ok": True,
           "build_cpu": 18.0, "build_mb": 300.0, "pages": 1500, "build_index": 3 * 1024 * 1024, "build_runs": [21.0, 20.0, 19.5],
           "plain": 40.0, "plain_cpu": 36.0, "plain_ok": True, "plain_mb": 250.0, "plain_pages": 1000,
           "plain_index": 1024 * 1024, "plain_runs": [40.0, 41.0, 39.0],
           "same": 60.0, "same_cpu": 54.0, "same_ok": True, "same_mb": 200.0, "same_pages": 1000,
           "same_index": 2 * 1024 * 1024, "same_runs": [60.0, 61.0, 59.0],
           "reload": [1.0, 1.2, 1.1], "first_page": [9.5, 8.75], "reload_full": [4.4],
           "plain_reload": [0.9, 0.7, 0.8], "plain_first_page": [3.0], "warm_load": 0.05, "warm_resolve": 0.2, "warm_render": 0.4,
           "optimisations": {"`generator.escape._t` cache": (2.0, 2.5, 20.0, "CPU"),
                             "pages held compressed: peak memory": (300.0, 400.0, 400.0, "MB")}}
    text = report([row], {"CPU": "Test CPU", "cores": "2"}, "python -m tools.bench")
    assert "CPU Test CPU" in text and "| 1,000 | 0.30 s | 0.20 s | 0.40 s | 0.90 s | 0.90 s |" in text
    # 20 s over 1,500 pages is 13.3 ms a page, 40 s over 1,000 is 40 ms: a third; 300 MB against 250 MB is 1.2
    assert "| 1,000 | `insight build` | 20.0 s | 18.0 s | 1,500 | 13.3 ms | 12.0 ms | 300 MB | 3,072 KB | 3,072 KB | 21.0, 20.0, 19.5 |" in text
    assert "| 1,000 | plain `mkdocs build` | 40.0 s | 36.0 s | 1,000 | 40.0 ms | 36.0 ms | 250 MB | 1,024 KB |" in text
    assert "| 1,000 | insight / plain | 0.50 | 0.50 | 1.50 | **0.33** | **0.33** | **1.20** | 3.00 |" in text
    # the second baseline: 60 s over 1,000 pages is 60 ms a page, so 13.3 ms is two ninths (0.22); 300 MB over 200
    assert "| 1,000 | plain, the project's mkdocs.yml | 60.0 s | 54.0 s | 1,000 | 60.0 ms | 54.0 ms | 200 MB | 2,048 KB |" in text
    assert "| 1,000 | insight / plain with its mkdocs.yml | 0.33 | 0.33 | 1.50 | **0.22** | **0.22** | **1.50** | 1.50 |" in text
    assert "plain MkDocs takes 60.0 ms a page where the lean one takes 40.0 ms; against it a page of the insight site takes 0.22 times" in text
    assert "| 1,000 | 9.50 s, 8.75 s | 1.10 s | 1.00, 1.20, 1.10 |" in text  # first page up at each start, then saves
    assert "| 4.40 s | 3.00 s | 0.80 s | 0.90, 0.70, 0.80 |" in text  # then plain `mkdocs serve --dirty`'s
    assert "| 1,000 | 0.05 s | 0.20 s | 0.40 s | 0.65 s | 0.65 s |" in text  # building again, from the parse cache
    assert "a page of the insight site takes 0.33 times as long as a page of plain MkDocs" in text
    # each optimisation kept, with and without, as a share of the build: (0.30 - 0.05) s of 20 s, a prose save
    # (1.1 s) against rebuilding the whole site (4.4 s), a cache's (2.5 - 2.0) s of a 20 s build
    assert "## Optimisations, with and without" in text
    assert "| 1,000 | parse cache (`.cache/insight/`): loading the notes | 0.05 s | 0.30 s | 1% |" in text
    assert "| 1,000 | live reload as a whole: a prose save against a whole-site rebuild | 1.10 s | 4.40 s | 75% |" in text
    assert "| 1,000 | `generator.escape._t` cache | 2.00 s | 2.50 s | 2% |" in text
    assert "| 1,000 | pages held compressed: peak memory | 300 MB | 400 MB | 25% |" in text  # 100 MB of 400


def test_side_by_side_builds_both_sites_and_the_baseline_keeps_notes_out_of_its_nav(tmp_path: Path) -> None:
    """The baseline is plain MkDocs + Material as a user would run it on many notes: every note a page and in the
    search index, none listed in the navigation of every page."""
    import json

    from tools.bench.run import make_plain, make_project, side_by_side

    make_project(tmp_path / "insight", 12)
    make_plain(tmp_path / "insight", tmp_path / "plain")
    make_plain(tmp_path / "insight", tmp_path / "same", same_config=True)
    row = side_by_side(tmp_path / "insight", tmp_path / "plain", runs=1, same=tmp_path / "same")
    assert row["build_ok"] and row["plain_ok"] and row["build_runs"] and row["plain_runs"]
    # the second baseline: the insight project's settings, theme and extensions, without the plugin
    import yaml

    same = yaml.safe_load((tmp_path / "same" / "mkdocs.yml").read_text(encoding="utf-8"))
    ours = yaml.safe_load((tmp_path / "insight" / "mkdocs.yml").read_text(encoding="utf-8"))
    assert same["plugins"] == ["search"] and "insight" in str(ours["plugins"])
    assert same["theme"] == ours["theme"] and same["markdown_extensions"] == ours["markdown_extensions"]
    assert row["same_ok"] and row["same_pages"] == row["plain_pages"]
    same_home = (tmp_path / "same" / "site" / "index.html").read_text(encoding="utf-8")
    assert "md-tabs" in same_home and "md-tabs" not in (tmp_path / "plain" / "site" / "index.html").read_text(encoding="utf-8")
    notes = sorted(p.stem for p in (tmp_path / "plain" / "content" / "interviews").glob("*.md"))
    site = tmp_path / "plain" / "site"
    assert all((site / "interviews" / stem / "index.html").is_file() for stem in notes)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert not [stem for stem in notes if f"interviews/{stem}/" in home]  # not in the nav
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert {stem for stem in notes} <= {d["location"].split("/")[1] for d in index["docs"] if d["location"].startswith("interviews/")}
    assert row["plain_pages"] == len(list(site.rglob("index.html"))) > len(notes)
    assert row["plain_index"] == (site / "search" / "search_index.json").stat().st_size
    assert row["pages"] > row["plain_pages"] and row["build_mb"] > 0 and row["build_cpu"] > 0


def test_turning_an_optimisation_off_changes_how_long_not_what_is_made(tmp_path: Path) -> None:
    """make bench's rows time each cache with and without it: without, the generator makes the same site."""
    import json
    import subprocess
    import sys

    from tools.bench.corpus import TODAY, write_corpus
    from tools.bench.run import ENV, ROOT

    write_corpus(tmp_path / "content", 60)
    caches = subprocess.run([sys.executable, "-m", "tools.bench.without", "--caches"], cwd=ROOT, env=ENV,
                            capture_output=True, text=True, check=True).stdout.split()
    assert {"lru:generator.questions.grouping.intent_of", "lru:generator.questions.said.features",
            "lru:generator.questions.said._central"} <= set(caches)

    def core(switches: str) -> dict:
        out = subprocess.run([sys.executable, "-m", "tools.bench.without", switches, "tools.bench.core",
                              str(tmp_path / "content"), TODAY.isoformat()], cwd=ROOT, env=ENV, capture_output=True,
                             text=True, check=True)
        return json.loads(out.stdout)

    with_, without = core("none"), core(",".join(caches))
    assert with_["generated_pages"] > 50 and with_["digest"] == without["digest"]


def test_the_question_evaluation_can_start_cold() -> None:
    """tools.question_eval forgets the grouping's memo before timing; it broke when other memos went."""
    from generator.questions import grouping
    from tools.question_eval import _clear_caches

    grouping.intent_of("what does a typical day look like?")
    _clear_caches()
    assert grouping.intent_of.cache_info().currsize == 0


def test_a_save_shows_under_insight_serve_and_under_plain_mkdocs_serve(tmp_path: Path) -> None:
    """The serve figures are real round trips: a server started, a note saved, the page fetched until it shows."""
    from tools.bench.run import make_plain, make_project, save_to_reload

    make_project(tmp_path / "insight", 12)
    make_plain(tmp_path / "insight", tmp_path / "plain")
    for project, plain in ((tmp_path / "insight", False), (tmp_path / "plain", True)):
        first: list[float] = []
        saves = save_to_reload(project, 1, first_page=first, plain=plain, timeout=120)
        assert len(first) == 1 and first[0] > 0 and len(saves) == 1 and 0 < saves[0] < 120


def test_the_stage_profile_adds_up_to_the_build_it_timed(tmp_path: Path) -> None:
    """``python -m tools.bench.stages``: its per-page split puts MkDocs' own stages (the conversion, the search
    plugin reading the page, the theme, writing) on one side and the plugins' events on the other, as the table's
    columns say them, and leaves the generator's ``on_files`` in the rest."""
    import re
    import subprocess
    import sys

    from tools.bench.run import make_project

    make_project(tmp_path / "insight", 12)
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-m", "tools.bench.stages", str(tmp_path / "insight")], cwd=root,
                         capture_output=True, text=True, check=True).stdout
    pages, per_page = re.search(r"^([\d,]+) pages in [\d.]+ s \(([\d.]+) ms a page\)", out, re.M).groups()
    n = int(pages.replace(",", ""))
    assert n == len(list((tmp_path / "insight" / "site").rglob("index.html")))
    theirs, others, rest, total = map(float, re.search(
        r"MkDocs' page stages .*? ([\d.]+) ms, the plugins' other page events ([\d.]+) ms, the rest of the build "
        r"(-?[\d.]+) ms; ([\d.]+) ms in all", out).groups())
    assert total == float(per_page)
    header, _, row = (line for line in out.splitlines() if line.startswith(("| pages", "|---", "| **all pages**")))
    by_column = dict(zip((c.strip() for c in header.strip("|").split("|")[2:]),
                         (float(c) for c in row.strip("|").split("|")[2:])))
    mkdocs_own = ("Markdown conversion", "plugins: context (search)", "theme template", "write")
    plugins_own = ("plugins: read source", "plugins: Markdown", "plugins: HTML", "plugins")
    assert set(by_column) == {*mkdocs_own, *plugins_own, "all stages"}
    assert abs(sum(by_column[c] for c in mkdocs_own) - theirs) <= 0.03
    assert abs(sum(by_column[c] for c in plugins_own) - others) <= 0.03
    assert theirs > 0 and others > 0  # the insight plugin has page events of its own
    # the generator runs once, in on_files, outside every page: its seconds are in the rest
    files = float(re.search(r"Whole-site events \(seconds\):.*?\bfiles ([\d.]+)", out).group(1))
    assert files > 0 and rest * n / 1000 >= files - 0.01
