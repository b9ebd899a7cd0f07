"""``python -m tools.bench.editors [--n 1000] [--runs 7] [--before REV]``: the loader on notes written the Obsidian way.

The synthetic corpus (:mod:`tools.bench.corpus`) is written twice with the same facts (a time of day, a
mention of the person, two actions added to each conversation): in this project's plain format, and as an
Obsidian vault keeps it (wikilinks in the name fields and the text, a date with a time, Dataview inline
fields, #tags in the text, synonym headings, task items). Each is loaded by
``generator.load.load_all`` in one process (no parse cache, no second process), each run in a fresh
interpreter; the median CPU time of ``runs`` is reported per 1,000 notes (CPU time, not wall time: on a
machine shared with other work, wall time measures the neighbours as well). ``--before REV`` times the loader of
an older revision too (taken with ``git archive``), every case interleaved with the others.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from .corpus import write_corpus

ROOT = Path(__file__).resolve().parents[2]

_TIMER = """
import sys, time
import generator
from generator.load import discover, load_all, load_note
sources = discover(sys.argv[1])
t0 = time.process_time()  # CPU time: on a shared machine wall time measures the neighbours too
notes, diags = load_all(sources, load_note)
print(time.process_time() - t0, len(notes), sum(d.is_error for d in diags), generator.__file__)
"""


def rewrite(text: str, n: int, syntax: bool) -> str:
    """One synthetic note with a mention of the person and two actions added, the same facts either way: as
    Obsidian holds it (``syntax``: wikilinks in the name fields and the text, a date with a time, Dataview inline
    fields, #tags, synonym headings, task items) or in this project's plain format."""
    head, sep, body = text.partition("\n---\n")
    if not sep:
        return text
    fm = head.removeprefix("---\n")
    person = re.search(r"^person: (.+)$", fm, flags=re.M)
    name = person.group(1).strip().strip('"') if person else "them"
    if not syntax:
        fm = re.sub(r"^(date: \d{4}-\d{2}-\d{2})$", rf"\1\ntime: '{9 + n % 9:02d}:{(n * 7) % 60:02d}'", fm, flags=re.M)
        extra = f"Talked with {name} about the work: networking, career {n % 7}.\n\n"
        tasks = "\n## Actions\n- Send a thank-you note (done)\n- Share the write-up by 2026-12-01\n"
        return f"---\n{fm}\n---\n{extra}{body.strip()}\n{tasks}"
    fm = re.sub(r"^((?:person|company|introduced_by): )\"?(.+?)\"?$", r'\1"[[\2]]"', fm, flags=re.M)
    fm = re.sub(r"^(date: \d{4}-\d{2}-\d{2})$", rf"\1 {9 + n % 9:02d}:{(n * 7) % 60:02d}", fm, flags=re.M)
    inline = []
    for field in ("role", "format", "channel"):
        m = re.search(rf"^{field}: (.+)\n", fm, flags=re.M)
        if m:
            fm = fm[: m.start()] + fm[m.end():]
            inline.append(f"{field}:: {m.group(1)}")
    body = body.replace("## Questions", "## 📝 Agenda").replace("## Insights", "## Key Takeaways")
    body = body.replace("## Advice", "## Tips").replace("## Resources", "## Reading")
    mention = f"Talked with [[{name}]] about the work: #networking, #career/{n % 7}.\n\n"
    tasks = "\n## Action Items\n- [x] Send a thank-you note\n- [ ] Share the write-up 📅 2026-12-01\n"
    return f"---\n{fm}\n---\n" + "\n".join(inline) + f"\n\n{mention}{body.strip()}\n{tasks}"


def write_variants(corpus: Path, plain: Path, vault: Path) -> None:
    """The corpus twice, with the same facts: in this project's plain format and as an Obsidian vault."""
    for i, src in enumerate(sorted(corpus.rglob("*.md"))):
        text = src.read_text(encoding="utf-8")
        for out, syntax in ((plain, False), (vault, True)):
            target = out / src.relative_to(corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(rewrite(text, i, syntax) if src.parent.name == "interviews" else text, encoding="utf-8")


def load_once(docs: Path, code: Path) -> tuple[float, int, int]:
    """The CPU time of loading ``docs`` in a fresh interpreter with the generator package found in ``code``,
    with the notes and errors found."""
    env = {**os.environ, "PYTHONPATH": str(code)}
    # run from ``code``: `python -c` puts the working directory first on sys.path, ahead of PYTHONPATH
    out = subprocess.run([sys.executable, "-c", _TIMER, str(docs)], env=env, cwd=code, capture_output=True, text=True,
                         check=True)
    seconds, notes, errors, module = out.stdout.split()
    if not Path(module).resolve().is_relative_to(code.resolve()):
        raise SystemExit(f"timed the generator in {module}, not the one in {code}")
    return float(seconds), int(notes), int(errors)


def checkout(rev: str, where: Path) -> Path:
    """The generator package as it was at ``rev`` (``git archive``), to compare the loader with."""
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", rev, "generator"], capture_output=True, check=True)
    where.mkdir(parents=True)
    subprocess.run(["tar", "-x", "-C", str(where)], input=archive.stdout, check=True)
    return where


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.bench.editors", description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="conversations in the corpus (default 1000)")
    ap.add_argument("--runs", type=int, default=7, help="fresh interpreters per measurement (default 7)")
    ap.add_argument("--before", metavar="REV", help="also time the loader of this git revision, runs interleaved")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="insight-bench-editors-") as tmp:
        corpus = Path(tmp) / "corpus" / "content"
        plain, vault = Path(tmp) / "plain" / "content", Path(tmp) / "vault" / "content"
        write_corpus(corpus, args.n, 7)
        write_variants(corpus, plain, vault)
        files = sum(1 for _ in plain.rglob("*.md"))
        loaders = {"this checkout": ROOT}
        if args.before:
            try:
                loaders[f"before ({args.before})"] = checkout(args.before, Path(tmp) / "before")
            except subprocess.CalledProcessError as err:
                print(f"no revision {args.before} here ({err.stderr.decode(errors='replace').strip()})", file=sys.stderr)
                return 1
        cases = [(name, syntax) for name in loaders for syntax in ("plain", "Obsidian")]
        times: dict[tuple[str, str], list[float]] = {case: [] for case in cases}
        found: dict[tuple[str, str], tuple[int, int]] = {}
        for _ in range(args.runs):  # interleaved: a busy spell on a shared machine slows every case alike
            for name, syntax in cases:
                seconds, notes, errors = load_once(plain if syntax == "plain" else vault, loaders[name])
                times[name, syntax].append(seconds)
                found[name, syntax] = notes, errors
    now = found["this checkout", "plain"]
    if found["this checkout", "Obsidian"] != now:
        print(f"the two corpora did not load alike: {now} notes and errors, then {found['this checkout', 'Obsidian']}",
              file=sys.stderr)
        return 1
    per = 1000 / files
    median = {case: statistics.median(xs) * per for case, xs in times.items()}
    print(f"Loader CPU time per 1,000 files ({files:,} files, {args.n:,} conversations), one process per run, "
          f"median of {args.runs} interleaved runs:\n")
    print("| loader | plain notes | Obsidian-style notes |\n|---|---:|---:|")
    for name in loaders:
        print(f"| {name} | {median[name, 'plain']:.3f} s | {median[name, 'Obsidian']:.3f} s |")
    print(f"\nObsidian-style notes against the same facts written plainly, this checkout: "
          f"{median['this checkout', 'Obsidian'] / median['this checkout', 'plain'] - 1:+.1%}.")
    if args.before:
        base = median[f"before ({args.before})", "plain"]
        print(f"Obsidian-style notes now against plain notes before: {median['this checkout', 'Obsidian'] / base - 1:+.1%}; "
              f"plain notes now against before: {median['this checkout', 'plain'] / base - 1:+.1%}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
