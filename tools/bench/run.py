"""Time the generator, full builds and live reload on synthetic corpora; print a Markdown report.

``python -m tools.bench [--sizes 100,1000] [--large] [--out FILE]``. Every build runs in its
own subprocess, so its wall time and peak memory (``wait4``'s ``ru_maxrss``) are its own. The
baseline is what a user would otherwise have: the same note files in a plain MkDocs + Material
project, no plugin, the notes kept out of the navigation, built with ``mkdocs build``; once with a
lean mkdocs.yml (Material's defaults) and once with the insight project's own mkdocs.yml, the plugin
taken out (its theme features, palette and Markdown extensions cost time on every page, plugin or not).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata as md
import importlib.util
import json
import os
import platform
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

from generator.parsecache import FOLDER
from .corpus import TODAY, write_corpus

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONHASHSEED": "0"}
PLAIN_YML = """site_name: Plain notes
site_url: https://example.org/
docs_dir: content
theme:
  name: material
  font: false
plugins:
  - search
markdown_extensions: [admonition, attr_list, md_in_html, tables, toc, pymdownx.details, pymdownx.superfences]
not_in_nav: |
  /interviews/
  /people/
  /companies/
  /industries/
  /guide/
"""


def make_project(where: Path, n: int, seed: int = 7) -> dict[str, int]:
    """An Insight KB project (this repository's mkdocs.yml) holding a synthetic corpus."""
    counts = write_corpus(where / "content", n, seed)
    shutil.copytree(ROOT / "content" / "guide", where / "content" / "guide")
    shutil.copy(ROOT / "mkdocs.yml", where / "mkdocs.yml")
    return counts


def make_plain(project: Path, where: Path, same_config: bool = False) -> None:
    """The same note files as a plain MkDocs + Material project: no plugin, a home page, the notes out of the nav.

    With ``same_config``, its mkdocs.yml is the insight project's with the plugin taken out (and the notes out of
    the nav as in the lean one): the same site settings, theme features and Markdown extensions, so that what
    the two builds differ by is the plugin and the pages it adds. (The bench's projects copy this repository's
    mkdocs.yml, which has no YAML tags such as ``!ENV``.)"""
    shutil.copytree(project / "content", where / "content")
    (where / "content" / "index.md").write_text("# Notes\n", encoding="utf-8")
    text = PLAIN_YML
    if same_config:
        config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
        plugins = config.get("plugins") or []
        config["plugins"] = ({k: v for k, v in plugins.items() if k != "insight"} if isinstance(plugins, dict)
                             else [p for p in plugins if not (p == "insight" or isinstance(p, dict) and "insight" in p)])
        config.pop("nav", None)
        config["not_in_nav"] = yaml.safe_load(PLAIN_YML)["not_in_nav"]
        text = yaml.safe_dump(config, sort_keys=False, allow_unicode=True)
    (where / "mkdocs.yml").write_text(text, encoding="utf-8")


def measure(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> dict[str, float]:
    """Run ``cmd``: its wall seconds, CPU seconds (user and system, its child processes included), peak resident
    MB and exit status."""
    with tempfile.TemporaryFile() as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=env or ENV, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        rc = os.waitstatus_to_exitcode(status)
        if rc:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace")[-3000:])
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "mb": usage.ru_maxrss / 1024, "rc": rc}


def site_size(site: Path) -> dict[str, int]:
    """Pages written (``index.html`` files; the 404 page is not one) and the search index's bytes."""
    index = site / "search" / "search_index.json"
    return {"pages": sum(1 for _ in site.rglob("index.html")), "index": index.stat().st_size if index.is_file() else 0}


INSIGHT_BUILD = [sys.executable, "-m", "generator", "build", "--today", TODAY.isoformat()]
PLAIN_BUILD = [sys.executable, "-m", "mkdocs", "build", "-q"]


def side_by_side(project: Path, plain: Path | None, runs: int, same: Path | None = None) -> dict:
    """``insight build`` and plain ``mkdocs build`` on the same notes (and, with ``same``, plain MkDocs with the
    insight project's mkdocs.yml: :func:`make_plain`), in turn, ``runs`` times each; the median of each figure.
    The parse cache is kept between the insight runs, as ``insight build`` keeps it (the first run parses every
    note, the later ones read them back), so with three runs the median is a build with a warm cache."""
    projects = {"build": (INSIGHT_BUILD, project), "plain": (PLAIN_BUILD, plain), "same": (PLAIN_BUILD, same)}
    projects = {key: job for key, job in projects.items() if job[1] is not None}
    builds: dict[str, list[dict[str, float]]] = {key: [] for key in projects}
    for _ in range(runs):
        for key, (cmd, where) in projects.items():
            shutil.rmtree(where / "site", ignore_errors=True)
            builds[key].append(measure(cmd, where))
    row: dict = {}
    for key, (_, where) in projects.items():
        done = builds[key]
        row[key] = statistics.median(b["wall"] for b in done)
        row[f"{key}_cpu"] = statistics.median(b["cpu"] for b in done)
        row[f"{key}_mb"] = statistics.median(b["mb"] for b in done)
        row[f"{key}_ok"] = all(b["rc"] == 0 for b in done)
        row[f"{key}_runs"] = [round(b["wall"], 2) for b in done]
        size = site_size(where / "site")
        row["pages" if key == "build" else f"{key}_pages"] = size["pages"]
        row[f"{key}_index"] = size["index"]
    return row


def core_times(docs: Path, runs: int = 3) -> dict[str, float]:
    """Load, resolve and render apart, each run in a fresh interpreter; the run with the median total of
    ``runs``, for a first build (no parse cache: every note parsed, and the cache written) and for a later
    build (every note from the cache, as when you build again after editing a few).

    On a shared machine one run of a second or two varies by half: the median of three is steadier.
    """
    cache = docs.parent / FOLDER
    first, later = [], []
    for _ in range(runs):
        shutil.rmtree(cache, ignore_errors=True)
        first.append(_core(docs))
        later.append(_core(docs))
    if any(r["cached"] for r in first) or not all(r["cached"] for r in later):
        raise RuntimeError(f"the parse cache in {cache} was not used as expected")
    shutil.rmtree(cache, ignore_errors=True)  # the full build after this is a first build too
    return {**_median(first), **{f"warm_{k}": v for k, v in _median(later).items()}}


def _core(docs: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-m", "tools.bench.core", str(docs), TODAY.isoformat(), "--cache"],
                         env=ENV, cwd=ROOT, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def _median(results: list[dict[str, float]]) -> dict[str, float]:
    results = sorted(results, key=lambda r: r["load"] + r["resolve"] + r["render"])
    return results[len(results) // 2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def save_to_reload(project: Path, edits: int, full: bool = False, timeout: float = 600, field: bool = False,
                   without: str = "", first_page: list[float] | None = None, plain: bool = False,
                   port: int | None = None) -> list[float]:
    """Seconds from saving a note to its served page showing the change, under ``insight serve``.

    The change is a line of prose appended to the note, or with ``field`` a word added to its ``role:``
    (a frontmatter field that shows on the person's, company's and industries' pages too). ``without`` names
    optimisations to turn off (:mod:`tools.bench.without`); ``first_page`` gets the seconds from starting the
    server to the first page served. With ``plain``, ``project`` is the plain MkDocs one (:func:`make_plain`)
    served by ``mkdocs serve --dirty``, the baseline (a plain page shows no frontmatter: prose saves only). A serve
    started again on the same ``port`` (the address is in every page) starts from the site the last one left.
    """
    port = port or _free_port()
    runner = ["-m", "tools.bench.without", without, "generator"] if without else ["-m", "generator"]
    if plain:
        cmd = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"]
    else:
        cmd = [sys.executable, *runner, "serve", "--today", TODAY.isoformat(), "-a", f"127.0.0.1:{port}"]
    notes = sorted((project / "content" / "interviews").glob("*.md"))
    picks = [notes[(i * 7919) % len(notes)] for i in range(edits)]
    base = f"http://127.0.0.1:{port}/"
    env = {**ENV, "PYTHONPATH": str(ROOT)} if without else ENV  # tools/ is not installed
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd + (["--full-rebuilds"] if full else []), cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            started = time.monotonic()
            deadline = started + timeout
            while _get(base + "interviews/" + picks[0].stem + "/") is None:
                if proc.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    raise RuntimeError("insight serve did not start:\n" + log.read().decode(errors="replace")[-3000:])
                time.sleep(0.2)
            if first_page is not None:
                first_page.append(time.monotonic() - started)
            out = []
            for i, note in enumerate(picks):
                time.sleep(1.0)  # let the watcher settle
                marker = f"benchmarker{i}x{time.time_ns()}" if field else f"bench-marker-{i}-{time.time_ns()}"
                url = base + "interviews/" + note.stem + "/"
                text = note.read_text(encoding="utf-8")
                t0 = time.perf_counter()
                if field:
                    note.write_text(re.sub(r"^role: (.*)$", rf"role: \1 {marker}", text, count=1, flags=re.M), encoding="utf-8")
                else:
                    with note.open("a", encoding="utf-8") as fh:
                        fh.write(f"\n{marker}\n")
                while True:
                    page = _get(url)
                    if page and marker in page:
                        break
                    if time.perf_counter() - t0 > timeout:
                        raise RuntimeError(f"{url} never showed the change")
                    time.sleep(0.02)
                out.append(time.perf_counter() - t0)
            return out
        finally:
            proc.terminate()
            proc.wait(30)


def machine() -> dict[str, str]:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(l for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal"))
        ram = f"{int(mem.split()[1]) / 1024 / 1024:.0f} GB"
    except (OSError, StopIteration):
        ram = "?"
    return {"CPU": cpu, "cores": str(os.cpu_count()), "RAM": ram, "Python": platform.python_version(),
            "MkDocs": md.version("mkdocs"), "Material": md.version("mkdocs-material"), "OS": platform.platform(terse=True)}


def bench_size(n: int, work: Path, baseline: bool, edits: int, full_reload: bool, runs: int = 3,
               optimise: bool = False) -> dict:
    project = work / f"insight-{n}"
    project.mkdir()
    t0 = time.perf_counter()
    counts = make_project(project, n)
    row: dict = {"n": n, "files": sum(counts.values()), "write": time.perf_counter() - t0}
    row.update(core_times(project / "content"))
    plain = same = None
    if baseline:
        plain, same = work / f"plain-{n}", work / f"plain-same-{n}"
        make_plain(project, plain)
        make_plain(project, same, same_config=True)
    row.update(side_by_side(project, plain, runs, same))
    if edits:
        # seconds from starting insight serve to the first page served, once per start: the first start renders
        # every page, the second starts from the site the first left (it stopped after five prose saves)
        row["first_page"] = []
        port = _free_port()
        row["reload"] = save_to_reload(project, edits, first_page=row["first_page"], port=port)
        row["reload_field"] = save_to_reload(project, edits, field=True, first_page=row["first_page"], port=port)
        if plain is not None:
            row["plain_first_page"] = []
            row["plain_reload"] = save_to_reload(plain, edits, first_page=row["plain_first_page"], plain=True)
        if full_reload:
            row["reload_full"] = save_to_reload(project, 1, full=True)
    if optimise:
        row["optimisations"] = optimisation_runs(project, edits)
    return row


def _s(x: float | None) -> str:
    return "–" if x is None else (f"{x:.2f} s" if x < 10 else f"{x:.1f} s")


def _kb(n: int) -> str:
    return f"{n / 1024:,.0f} KB" if n < 10 * 1024 * 1024 else f"{n / 1024 / 1024:,.1f} MB"


# each plain baseline: its key in a row, its build's name and its ratio's label in the table
BASELINES = (("plain", "plain `mkdocs build`", "insight / plain"),
             ("same", "plain, the project's mkdocs.yml", "insight / plain with its mkdocs.yml"))


def per_page(r: dict, key: str, measure: str = "") -> float:
    """Seconds per page written by the build ``key`` of row ``r`` ("build", "plain" or "same"): its wall time, or
    with ``measure="_cpu"`` its CPU time."""
    return r[f"{key}{measure}"] / max(r["pages" if key == "build" else f"{key}_pages"], 1)


def side_by_side_table(rows: list[dict]) -> list[str]:
    """``insight build`` against plain MkDocs + Material on the same notes: time per page written and peak memory,
    as ratios (the targets: at most 1 and at most 2), and the search index's size; against the lean baseline and,
    when it was run, against plain MkDocs with the insight project's own mkdocs.yml."""
    rows = [r for r in rows if "build" in r]
    if not rows:
        return []
    out = ["Each build of a size ran in turn with the others, in the same process tree; the medians of the runs. "
           "Per page is the build's time over the pages it writes; a ratio is insight's over plain MkDocs'.", "",
           "| conversations | build | wall | CPU | pages | wall per page | CPU per page | peak memory | search index | "
           "search index per 1,000 conversations | runs (wall) |", "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        builds = [("`insight build`", "build", "pages")] + [(name, key, f"{key}_pages") for key, name, _ in BASELINES if key in r]
        for name, key, pages in builds:
            ok = "" if r.get(f"{key}_ok", True) else " (failed)"
            out.append(f"| {r['n']:,} | {name}{ok} | {_s(r[key])} | {_s(r[f'{key}_cpu'])} | {r[pages]:,} | "
                       f"{per_page(r, key) * 1000:.1f} ms | {per_page(r, key, '_cpu') * 1000:.1f} ms | {r[f'{key}_mb']:.0f} MB | "
                       f"{_kb(r[f'{key}_index'])} | {_kb(r[f'{key}_index'] * 1000 // r['n'])} | "
                       f"{', '.join(f'{x:.1f}' for x in r[f'{key}_runs'])} |")
        for key, _, label in BASELINES:
            if key in r:
                pages = max(r[f"{key}_pages"], 1)
                wall = per_page(r, "build") / per_page(r, key)
                cpu = per_page(r, "build", "_cpu") / per_page(r, key, "_cpu")
                out.append(f"| {r['n']:,} | {label} | {r['build'] / r[key]:.2f} | {r['build_cpu'] / r[f'{key}_cpu']:.2f} | "
                           f"{r['pages'] / pages:.2f} | **{wall:.2f}** | **{cpu:.2f}** | "
                           f"**{r['build_mb'] / r[f'{key}_mb']:.2f}** | {r['build_index'] / max(r[f'{key}_index'], 1):.2f} | | |")
    return out


def report(rows: list[dict], info: dict[str, str], command: str) -> str:
    lines = [f"Command: `{command}`  ", "Machine: " + ", ".join(f"{k} {v}" for k, v in info.items()), ""]
    lines += side_by_side_table(rows)
    lines += ["", "The generator alone (load, resolve, render: the part of `insight build` before MkDocs converts the pages), "
              "a first build (no parse cache), the run with the median total of three, each in a fresh interpreter.", "",
              "| conversations | load | resolve | render | generator | per 1,000 |", "|" + "---:|" * 6]
    for r in rows:
        if "load" in r:
            gen = r["load"] + r["resolve"] + r["render"]
            lines.append(f"| {r['n']:,} | {_s(r['load'])} | {_s(r['resolve'])} | {_s(r['render'])} | {_s(gen)} | "
                         f"{_s(gen * 1000 / r['n'])} |")
    if any("warm_load" in r for r in rows):
        lines += ["", "Building again, with every note from the parse cache (`.cache/insight/`; median of three):", "",
                  "| conversations | load | resolve | render | generator | per 1,000 |", "|" + "---:|" * 6]
        for r in rows:
            if "warm_load" in r:
                gen = r["warm_load"] + r["warm_resolve"] + r["warm_render"]
                lines.append(f"| {r['n']:,} | {_s(r['warm_load'])} | {_s(r['warm_resolve'])} | {_s(r['warm_render'])} | "
                             f"{_s(gen)} | {_s(gen * 1000 / r['n'])} |")
    if any("reload" in r for r in rows):
        lines += ["", "| conversations | `insight serve`: first page up (first start; a restart, from the site the first left) | save to reloaded page: prose "
                  "(median) | runs | a frontmatter field (median) | runs | whole-site rebuild (`--full-rebuilds`) | "
                  "plain `mkdocs serve --dirty`: first page up | its prose save (median) | runs |",
                  "|---:|---:|---:|---|---:|---|---:|---:|---:|---|"]
        for r in rows:
            if "reload" in r:
                runs = ", ".join(f"{x:.2f}" for x in r["reload"])
                fields = r.get("reload_field") or []
                full = _s(r["reload_full"][0]) if r.get("reload_full") else "not run"
                first = ", ".join(_s(x) for x in r.get("first_page") or []) or "–"
                plain = r.get("plain_reload") or []
                plain_cols = (f"{', '.join(_s(x) for x in r.get('plain_first_page') or []) or '–'} | "
                              f"{_s(statistics.median(plain)) if plain else 'not run'} | {', '.join(f'{x:.2f}' for x in plain)}")
                lines.append(f"| {r['n']:,} | {first} | {_s(statistics.median(r['reload']))} | {runs} | "
                             f"{_s(statistics.median(fields)) if fields else '–'} | {', '.join(f'{x:.2f}' for x in fields)} | {full} | "
                             f"{plain_cols} |")
    lines += optimisations(rows)
    for r in [r for r in rows if "plain" in r]:
        per = per_page(r, "build") / per_page(r, "plain")
        lines += ["", f"At {r['n']:,} conversations a page of the insight site takes {per:.2f} times as long as a page of "
                  f"plain MkDocs ({r['pages']:,} pages against {r['plain_pages']:,}), with {r['build_mb'] / r['plain_mb']:.2f} "
                  f"times the peak memory."]
        if "same" in r:
            lines[-1] += (f" With the insight project's own mkdocs.yml, the plugin taken out, plain MkDocs takes "
                          f"{per_page(r, 'same') * 1000:.1f} ms a page where the lean one takes "
                          f"{per_page(r, 'plain') * 1000:.1f} ms; against it a page of the insight site "
                          f"takes {per_page(r, 'build') / per_page(r, 'same'):.2f} times as long.")
    by_n = {r["n"]: r for r in rows if "build" in r}
    if 1000 in by_n and 5000 in by_n:
        per = {k: by_n[k]["build"] / k for k in (1000, 5000)}
        lines += ["", f"Build time per conversation at 5,000 is {per[5000] / per[1000]:.2f} times that at 1,000."]
    return "\n".join(lines) + "\n"


def cpu_run(cmd: list[str], cwd: Path) -> tuple[float, float]:
    """CPU seconds (user + system) of ``cmd`` and its children, steadier than wall time on a shared machine, and its
    peak resident MB."""
    proc = subprocess.Popen(cmd, cwd=cwd, env={**ENV, "PYTHONPATH": str(ROOT)}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stderr.read().decode(errors='replace')[-3000:]}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def optimisation_runs(project: Path, edits: int, rounds: int = 2) -> dict[str, tuple[float, float, float, str]]:
    """Each optimisation the generator keeps, measured with and without it on ``project``:
    ``name -> (with, without, the whole job it is part of, unit)``.

    The caches only touch the generator's own work, so each is timed on the generator alone (load, resolve,
    render: ``tools.bench.core``, no parse cache) and set against a full ``insight build``; lifting the HTML out
    of pages touches MkDocs' conversion, so it is timed on full builds; live reload's two parts on saves under
    ``insight serve``. CPU times, the least of ``rounds`` interleaved runs (the least is the one least disturbed).
    Four optimisations are for memory: ``insight build``'s peak with and without each, the least of the runs.
    """
    docs = str(project / "content")
    build = ["generator", "build", "--today", TODAY.isoformat()]
    core = ["tools.bench.core", docs, TODAY.isoformat()]
    caches = subprocess.run([sys.executable, "-m", "tools.bench.without", "--caches"], cwd=ROOT, env=ENV,
                            capture_output=True, text=True, check=True).stdout.split()
    jobs = {"none core": ("none", core), "none build": ("none", build), "lift-html": ("lift-html", build),
            "lift-headings": ("lift-headings", build),
            "search-blocks": ("search-blocks", build), "hold-pages": ("hold-pages", build),
            "generated-first": ("generated-first", build), "hold-parts": ("hold-parts", build),
            "whole-index": ("whole-index", build)}
    jobs.update((c, (c, core)) for c in caches)
    best: dict[str, float] = {}
    least_mb: dict[str, float] = {}
    for _ in range(rounds):
        for key, (switch, args) in jobs.items():
            try:
                t, mb = cpu_run([sys.executable, "-m", "tools.bench.without", switch, *args], project)
            except RuntimeError as err:
                print(f"{key}: {err}", file=sys.stderr)
                continue
            best[key] = min(best.get(key, t), t)
            least_mb[key] = min(least_mb.get(key, mb), mb)
    whole = best["none build"]
    out: dict[str, tuple[float, float, float, str]] = {}
    for c in caches:
        if c in best:
            out[f"`{c[4:]}` cache"] = (best["none core"], best[c], whole, "CPU")
    if "lift-html" in best:
        out["pre-rendered HTML lifted out of Python-Markdown (`lift_html`)"] = (whole, best["lift-html"], whole, "CPU")
    if "lift-headings" in best:
        out["generated headings above those blocks lifted with them (`lift_parts`)"] = (whole, best["lift-headings"], whole, "CPU")
    if "search-blocks" in best:
        out["unsearched blocks set aside while search reads a page (`set_aside`)"] = (whole, best["search-blocks"], whole, "CPU")
    for switch, name in (("hold-pages", "generated pages made when read, pages' HTML held compressed (`later`, `held`)"),
                         ("generated-first", "generated pages read first, then the knowledge base let go (`keep_for_notes`)"),
                         ("hold-parts", "notes' cards and user pages' parts packed until read, copied files let go "
                                        "(`packed`, `packed_pages`, `copied`)"),
                         ("whole-index", "search index written one entry at a time (`search.write_index`)")):
        if switch in least_mb:  # what it saves, as a share of the peak without it
            out[f"{name}: peak memory"] = (least_mb["none build"], least_mb[switch], least_mb[switch], "MB")
    if edits:
        with_ = {field: statistics.median(save_to_reload(project, edits, field=field)) for field in (False, True)}
        for switch, name, fields in (("site-cache", "live reload reuses generated pages (`SiteCache`)", (False, True)),
                                     ("changed-pages", "live reload converts only changed pages (`changed_pages`)", (False, True)),
                                     ("parse-cache", "parse cache (`.cache/insight/`) under serve", (False,)),
                                     ("resolve-memo", "live reload reuses the knowledge base (`SiteCache.resolve`)", (False,)),
                                     ("poll-while-building", "no polling for saves while a build runs (`PollingWhenIdle`)", (False,)),
                                     ("idle-collect", "garbage collected between saves (`LiveState.collect_when_idle`)", (False,)),
                                     ("full-collections", "no full garbage collection during a serve build (`LiveState.building`)", (False, True)),
                                     ("same-objects", "fingerprints equal to the last build's are its objects (`incremental._same`)", (True,)),
                                     ("calendar-times", "the calendar made again only for due items and times (`CALENDAR_READS`)", (True,)),
                                     ("index-json", "search index entries' JSON reused from save to save (`search.write_index`)", (False,)),
                                     # the derive stage runs again on every frontmatter save: its three caches serve that
                                     ("lru:generator.questions.grouping.intent_of", "`intent_of` cache under serve", (True,)),
                                     ("lru:generator.questions.said.features", "`features` cache under serve", (True,)),
                                     ("lru:generator.questions.said._central", "`central` cache under serve", (True,))):
            for field in fields:
                without = statistics.median(save_to_reload(project, edits, field=field, without=switch))
                out[f"{name}: a {'frontmatter' if field else 'prose'} save"] = (with_[field], without, without, "wall")
    return out


def optimisations(rows: list[dict]) -> list[str]:
    """Each optimisation the generator keeps, with and without, and what it saves as a share of the whole job (an
    optimisation that saves less than 5 % of it does not earn its moving parts)."""
    out = ["", "## Optimisations, with and without", "",
           "Each optimisation kept, with and without it, and what it saves as a share of the whole job: of a full "
           "`insight build` for the parse cache, the caches, `lift_html`, the lifted headings and `set_aside` (CPU seconds, the least of two "
           "interleaved runs; a cache is timed on the generator alone, the only work it touches); of the save "
           "itself for live reload (seconds from save to reloaded page, median). Less than 5 % does not earn its "
           "place; a cache of work the derive stage does (question intents, what was said) is also timed on a "
           "frontmatter save under serve, which runs that stage again, and kept for what it saves there. Four are for "
           "memory, not time: their rows give `insight build`'s peak memory (the least of the runs) and what they "
           "save of it.", "",
           "| conversations | optimisation | with | without | saves |", "|---:|---|---:|---:|---:|"]
    for r in rows:
        pairs = []
        if "warm_load" in r:  # loading with every note from the parse cache, and parsing every note
            pairs.append(("parse cache (`.cache/insight/`): loading the notes", r["warm_load"], r["load"], r["build"], "CPU"))
        if r.get("reload") and r.get("reload_full"):
            pairs.append(("live reload as a whole: a prose save against a whole-site rebuild",
                          statistics.median(r["reload"]), r["reload_full"][0], r["reload_full"][0], "wall"))
        for name, (with_, without, whole, unit) in r.get("optimisations", {}).items():
            pairs.append((name, with_, without, whole, unit))
        for name, with_, without, whole, unit in pairs:
            shown = (f"{with_:.0f} MB", f"{without:.0f} MB") if unit == "MB" else (_s(with_), _s(without))
            out.append(f"| {r['n']:,} | {name} | {shown[0]} | {shown[1]} | {(without - with_) / whole:.0%} |")
    return out if len(out) > 7 else []


def feature_section(title: str, module: str, *args: str) -> str:
    """A feature's own benchmark (``python -m MODULE ARGS``) as a section of the report, when the module exists."""
    try:
        found = importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        found = False
    if not found:
        return ""
    out = subprocess.run([sys.executable, "-m", module, *args], env=ENV, cwd=ROOT, capture_output=True, text=True)
    body = f"```text\n{out.stdout.rstrip()}\n```\n" if out.returncode == 0 else f"failed:\n```\n{out.stderr[-2000:]}\n```\n"
    return f"\n## {title}\n\nCommand: `python -m {' '.join([module, *args])}`\n\n{body}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.bench", description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="100,1000", help="comma-separated numbers of conversations (default 100,1000)")
    ap.add_argument("--large", action="store_true", help="add 5,000 conversations")
    ap.add_argument("--baseline-max", type=int, default=5000,
                    help="run the plain-MkDocs baseline up to this size (default 5000)")
    ap.add_argument("--runs", type=int, default=3, help="builds of each kind, interleaved, per size (default 3)")
    ap.add_argument("--edits", type=int, default=5, help="saves timed under insight serve per size (0: skip)")
    ap.add_argument("--no-full-reload", action="store_true", help="skip timing one whole-site rebuild under serve")
    ap.add_argument("--optimisations", type=int, default=1000, metavar="N",
                    help="time each optimisation with and without it at N conversations (default 1000; 0: skip)")
    ap.add_argument("--out", help="also write the report to this file")
    ap.add_argument("--keep", action="store_true", help="keep the generated projects (their folder is printed)")
    args = ap.parse_args(argv)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()} | ({5000} if args.large else set()))
    work = Path(tempfile.mkdtemp(prefix="insight-bench-"))
    rows = []
    try:
        for n in sizes:
            print(f"benchmarking {n:,} conversations ...", file=sys.stderr, flush=True)
            rows.append(bench_size(n, work, n <= args.baseline_max, args.edits, not args.no_full_reload and n <= 1000,
                                   args.runs, optimise=n == args.optimisations))
    finally:
        if args.keep:
            print(f"projects kept in {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    command = "python -m tools.bench " + " ".join(argv if argv is not None else sys.argv[1:])
    text = f"# Insight KB benchmark, {dt.date.today().isoformat()}\n\n" + report(rows, machine(), command.strip())
    text += feature_section("Question grouping: pairwise F1 on the labelled sets, and speed", "tools.question_eval")
    text += feature_section("Network map: first render in headless Chromium", "tools.network_bench")
    # 3169dde: the loader before it read Obsidian's conventions (issue 16), which must cost at most a tenth more
    text += feature_section("Loader on notes written the Obsidian way (the same facts, two syntaxes)", "tools.bench.editors",
                            "--before", "3169dde")
    print(text)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text, encoding="utf-8")
    return 0 if all(r["build_ok"] for r in rows) else 1
