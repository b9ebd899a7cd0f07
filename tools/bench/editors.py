"""``python -m tools.bench.editors [--n 1000] [--runs 5]``: the loader on notes written the Obsidian way.

The synthetic corpus (:mod:`tools.bench.corpus`) is written twice with the same facts (a time of day, a
mention of the person, two actions added to each conversation): in this project's plain format, and as an
Obsidian vault keeps it (wikilinks in the name fields and the text, a date with a time, Dataview inline
fields, #tags in the text, synonym headings, task items). Each is loaded by
``generator.load.load_all`` in one process (no parse cache, no second process), each run in a fresh
interpreter; the median CPU time of ``runs`` is reported per 1,000 notes (CPU time, not wall time: on a
machine shared with other work, wall time measures the neighbours as well). ``--code DIR`` loads with the generator
package found in DIR instead (an older checkout, to compare with the loader before a change).
"""

from __future__ import annotations

import argparse
import json
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
from generator.load import discover, load_all, load_note
sources = discover(sys.argv[1])
t0 = time.process_time()  # CPU time: on a shared machine wall time measures the neighbours too
notes, diags = load_all(sources, load_note)
print(time.process_time() - t0, len(notes), sum(d.is_error for d in diags))
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


def time_load(docs: Path, runs: int, code: Path | None = None) -> tuple[float, int, int]:
    """The median time of loading ``docs`` over ``runs`` fresh interpreters, with the notes and errors found."""
    env = {**os.environ, "PYTHONPATH": str(code or ROOT)}
    times, found = [], (0, 0)
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", _TIMER, str(docs)], env=env, capture_output=True, text=True, check=True)
        seconds, notes, errors = out.stdout.split()
        times.append(float(seconds))
        found = (int(notes), int(errors))
    return statistics.median(times), *found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.bench.editors", description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=1000, help="conversations in the corpus (default 1000)")
    ap.add_argument("--runs", type=int, default=5, help="fresh interpreters per measurement (default 5)")
    ap.add_argument("--code", type=Path, help="a folder holding another generator package to compare with")
    ap.add_argument("--json", action="store_true", help="print JSON instead of text")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="insight-bench-editors-") as tmp:
        corpus = Path(tmp) / "corpus" / "content"
        plain, vault = Path(tmp) / "plain" / "content", Path(tmp) / "vault" / "content"
        write_corpus(corpus, args.n, 7)
        write_variants(corpus, plain, vault)
        files = sum(1 for _ in plain.rglob("*.md"))
        result = {"n": args.n, "files": files}
        result["plain"], notes_plain, errors_plain = time_load(plain, args.runs, args.code)
        result["obsidian"], notes_vault, errors_vault = time_load(vault, args.runs, args.code)
        if (notes_plain, errors_plain) != (notes_vault, errors_vault):
            print(f"the two corpora did not load alike: {notes_plain} notes and {errors_plain} errors, then "
                  f"{notes_vault} and {errors_vault}", file=sys.stderr)
            return 1
    if args.json:
        print(json.dumps(result))
        return 0
    per = 1000 / files
    code = f" (generator from {args.code})" if args.code else ""
    print(f"loader{code}, {files:,} files ({args.n:,} conversations), one process, CPU time, median of {args.runs} runs:")
    print(f"  plain notes          {result['plain']:.3f} s   ({result['plain'] * per:.3f} s per 1,000 files)")
    print(f"  Obsidian-style notes {result['obsidian']:.3f} s   ({result['obsidian'] * per:.3f} s per 1,000 files), "
          f"{result['obsidian'] / result['plain'] - 1:+.0%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
