"""``python -m tools.bench.versus REV [--n 1000] [--runs 3]``: ``insight build`` now against the code of REV.

The same synthetic notes are built by this checkout and by the project as it was at REV (``git archive``:
its generator, its ``mkdocs.yml``, theme overrides and guide pages), each a first build (no parse cache, no site), in turn,
``runs`` times, every run a fresh process; then the generator alone (load, resolve, render, each project's
own ``core`` module) the same way. Reported as medians: wall and CPU time of the build (child processes
included, so an older generator that forked is charged for both), peak memory, and the generator's share of
the build's wall time. For the house issue's before-and-after; ``make bench`` is the report for now.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from generator.parsecache import FOLDER

from .corpus import TODAY
from .run import ENV, ROOT, make_project, measure, site_size

# each project's module that times the generator alone, where it lived then and lives now
_CORE = ("tools.bench.core", "generator.bench.core")


def export(rev: str, where: Path) -> Path:
    """The repository's tree at ``rev``."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev], capture_output=True, check=True)
    where.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(where)], input=archive.stdout, check=True)
    return where


def core_module(code: Path) -> str:
    return next(m for m in _CORE if (code / (m.replace(".", "/") + ".py")).is_file())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.bench.versus", description=__doc__.split("\n\n")[0])
    ap.add_argument("rev", help="the git revision to compare with, e.g. 3169dde")
    ap.add_argument("--n", type=int, default=1000, help="conversations (default 1000)")
    ap.add_argument("--runs", type=int, default=3, help="builds of each, interleaved (default 3)")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="insight-versus-") as tmp:
        old = export(args.rev, Path(tmp) / "old")
        projects = {"now": Path(tmp) / "now-project", args.rev: Path(tmp) / "old-project"}
        make_project(projects["now"], args.n)
        shutil.copytree(projects["now"] / "content", projects[args.rev] / "content",
                        ignore=shutil.ignore_patterns("guide"))
        shutil.copytree(old / "content" / "guide", projects[args.rev] / "content" / "guide")
        shutil.copy(old / "mkdocs.yml", projects[args.rev] / "mkdocs.yml")
        if (old / "overrides").is_dir():  # an older mkdocs.yml may name the theme's custom_dir beside itself
            shutil.copytree(old / "overrides", projects[args.rev] / "overrides")
        code = {"now": ROOT, args.rev: old}
        build = [sys.executable, "-m", "generator", "build", "--today", TODAY.isoformat()]
        runs: dict[str, list[dict]] = {k: [] for k in code}
        cores: dict[str, list[dict]] = {k: [] for k in code}
        for _ in range(args.runs):  # interleaved: a busy spell on a shared machine slows both alike
            for key, project in projects.items():
                # `python -m` puts the working directory first on sys.path: the project holds no generator, so
                # PYTHONPATH decides which one runs
                env = {**ENV, "PYTHONPATH": str(code[key])}
                shutil.rmtree(project / "site", ignore_errors=True)
                shutil.rmtree(project / FOLDER, ignore_errors=True)
                runs[key].append(measure(build, project, env))
                shutil.rmtree(project / FOLDER, ignore_errors=True)
                out = subprocess.run([sys.executable, "-m", core_module(code[key]), str(project / "content"),
                                      TODAY.isoformat()], env=env, cwd=code[key], capture_output=True, text=True, check=True)
                cores[key].append(json.loads(out.stdout))
        pages = {k: site_size(p / "site")["pages"] for k, p in projects.items()}
    print(f"`insight build` of {args.n:,} conversations, a first build each time, median of {args.runs} interleaved "
          f"runs:\n")
    print("| code | wall | CPU | peak memory | pages | generator alone (wall) | generator's share of the build |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for key in code:
        wall = statistics.median(r["wall"] for r in runs[key])
        gen = statistics.median(c["load"] + c["resolve"] + c["render"] for c in cores[key])
        print(f"| {'this checkout' if key == 'now' else key} | {wall:.1f} s | "
              f"{statistics.median(r['cpu'] for r in runs[key]):.1f} s | "
              f"{statistics.median(r['mb'] for r in runs[key]):.0f} MB | {pages[key]:,} | {gen:.2f} s | {gen / wall:.0%} |")
    failed = [k for k in code if any(r["rc"] for r in runs[k])]
    if failed:
        print(f"\nbuilds failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
