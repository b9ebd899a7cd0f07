"""Where a build's time per page goes, stage by stage and by kind of page: ``python -m tools.bench.stages PROJECT``.

Builds ``PROJECT`` once in this process (``insight build`` when its mkdocs.yml uses the insight plugin, else plain
``mkdocs build``) and times MkDocs' events, the Markdown conversion (``Page.render``), the theme's template and the
writing of each page, through public hooks only: ``PluginCollection.run_event``, ``Page.render``,
``jinja2.Template.render`` and ``mkdocs.utils.write_file``. Prints a Markdown table of milliseconds per page for each
kind of page (the first folder of its path), and the build's whole-site stages in seconds.

Run it on an insight project and on its plain baselines (``python -m tools.bench --keep`` leaves them) to see which
stage makes the difference per page. The figures include what profiling costs (a timer call per stage), so compare
them with each other, not with ``make bench``'s. The first page of the build also pays for compiling the theme's
templates (tens of milliseconds): a kind of page with few pages shows it in its "theme template" column.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import time
from pathlib import Path

import jinja2
import yaml
from mkdocs import plugins, utils
from mkdocs.structure import pages

from .corpus import TODAY

# the per-page events, in the order MkDocs runs them, with the stage each is shown as
PAGE_EVENTS = {"pre_page": "plugins", "page_read_source": "plugins: read source", "page_markdown": "plugins: Markdown",
               "page_content": "plugins: HTML", "page_context": "plugins: context (search)", "post_page": "plugins"}
COLUMNS = ("plugins: read source", "plugins: Markdown", "Markdown conversion", "plugins: HTML",
           "plugins: context (search)", "theme template", "write", "plugins")


class Timer:
    """Seconds per (kind of page, stage), and per whole-site event."""

    def __init__(self) -> None:
        self.page: dict[tuple[str, str], float] = collections.defaultdict(float)
        self.pages: collections.Counter[str] = collections.Counter()
        self.site: dict[str, float] = collections.defaultdict(float)
        self.current: str | None = None  # the kind of page being read or written

    def install(self) -> None:
        run_event = plugins.PluginCollection.run_event
        render = pages.Page.render
        template = jinja2.Template.render
        write_file = utils.write_file
        timer = self
        depth = [0]  # events inside events (the generator renders its own templates inside on_files)

        def timed_event(collection, name, item=None, **kwargs):  # type: ignore[no-untyped-def]
            page = (item if name == "pre_page" else kwargs.get("page")) if name in PAGE_EVENTS else None
            if page is not None:
                timer.current = kind(page)
                if name == "pre_page":
                    timer.pages[timer.current] += 1
            depth[0] += 1
            t = time.perf_counter()
            try:
                return run_event(collection, name, item, **kwargs)
            finally:
                depth[0] -= 1
                spent = time.perf_counter() - t
                if page is not None:
                    timer.page[(kind(page), PAGE_EVENTS[name])] += spent
                else:
                    timer.site[name] += spent
                if name == "env":
                    timer.current = None  # every page read; the theme's own templates (404.html) come next

        def timed_render(page, config, files):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return render(page, config, files)
            finally:
                timer.page[(kind(page), "Markdown conversion")] += time.perf_counter() - t

        def timed_template(tmpl, *args, **kwargs):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return template(tmpl, *args, **kwargs)
            finally:
                if depth[0] == 0 and timer.current is not None:  # a page's theme template, between its events
                    timer.page[(timer.current, "theme template")] += time.perf_counter() - t

        def timed_write(output, path):  # type: ignore[no-untyped-def]
            t = time.perf_counter()
            try:
                return write_file(output, path)
            finally:
                if depth[0] == 0 and timer.current is not None:
                    timer.page[(timer.current, "write")] += time.perf_counter() - t

        # MkDocs' build module calls these through their modules, so replacing them there is enough
        plugins.PluginCollection.run_event = timed_event  # type: ignore[method-assign]
        pages.Page.render = timed_render  # type: ignore[method-assign]
        jinja2.Template.render = timed_template  # type: ignore[method-assign]
        utils.write_file = timed_write


def kind(page: pages.Page) -> str:
    uri = page.file.src_uri
    return uri.split("/", 1)[0] if "/" in uri else uri


def uses_insight(project: Path) -> bool:
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    return any(p == "insight" or isinstance(p, dict) and "insight" in p for p in config.get("plugins") or [])


def build(project: Path) -> float:
    """Build ``project`` here, as ``insight build`` or ``mkdocs build`` would; its wall seconds."""
    os.chdir(project)
    t = time.perf_counter()
    if uses_insight(project):
        from generator.cli import main

        sys.argv = ["insight", "build", "--today", TODAY.isoformat()]
    else:
        from mkdocs.__main__ import cli as main  # type: ignore[assignment]

        sys.argv = ["mkdocs", "build", "-q"]
    try:
        main()
    except SystemExit as stop:
        if stop.code:
            raise
    return time.perf_counter() - t


def table(timer: Timer, total: float, kinds: int = 6) -> str:
    n = sum(timer.pages.values())
    measured = sum(timer.page.values())
    lines = [f"{n:,} pages in {total:.2f} s ({total / max(n, 1) * 1000:.2f} ms a page); milliseconds per page:", "",
             "| pages | count | " + " | ".join(COLUMNS) + " | all stages |", "|---|---:|" + "---:|" * (len(COLUMNS) + 1)]
    shown = sorted(timer.pages, key=lambda k: -sum(v for (kk, _), v in timer.page.items() if kk == k))
    for k in [*shown[:kinds], None]:
        count = timer.pages[k] if k else n
        cells = [sum(v for (kk, s), v in timer.page.items() if s == col and (k is None or kk == k)) for col in COLUMNS]
        label = k or "**all pages**"
        lines.append(f"| {label} | {count:,} | " + " | ".join(f"{c / max(count, 1) * 1000:.2f}" for c in cells)
                     + f" | {sum(cells) / max(count, 1) * 1000:.2f} |")
    lines += ["", "Whole-site events (seconds): " + ", ".join(f"{name} {v:.2f}" for name, v in
                                                           sorted(timer.site.items(), key=lambda kv: -kv[1]) if v >= 0.01)
              + f"; outside the stages above: {total - measured - sum(timer.site.values()):.2f}.", "", shares(timer, total)]
    return "\n".join(lines)


# MkDocs' and Material's own work on a page: what it costs for the page as the plugins left it. The search
# plugin's reading of the page is in "plugins: context (search)", with any other plugin's on_page_context (the
# insight plugin's puts its held pages back there: about 1 % of the column).
THEIRS = ("Markdown conversion", "plugins: context (search)", "theme template", "write")


def shares(timer: Timer, total: float) -> str:
    """The build's milliseconds per page in three parts: MkDocs' and Material's stages on the pages, the plugins'
    other page events, and everything else (the whole-site events, such as the generator's ``on_files``, and what
    MkDocs does between the stages)."""
    n = max(sum(timer.pages.values()), 1)
    theirs = sum(v for (_, stage), v in timer.page.items() if stage in THEIRS)
    others = sum(v for (_, stage), v in timer.page.items() if stage not in THEIRS)
    rest = total - theirs - others
    return (f"Per page: MkDocs' page stages (conversion, search's context, theme, write) {theirs / n * 1000:.2f} ms, "
            f"the plugins' other page events {others / n * 1000:.2f} ms, the rest of the build "
            f"{rest / n * 1000:.2f} ms; {total / n * 1000:.2f} ms in all.")


def main() -> int:
    ap = argparse.ArgumentParser(prog="python -m tools.bench.stages", description=__doc__.split("\n\n")[0])
    ap.add_argument("project", type=Path, help="a project folder (mkdocs.yml and content/)")
    args = ap.parse_args()
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    timer = Timer()
    timer.install()
    total = build(args.project.resolve())
    print(table(timer, total))
    return 0


if __name__ == "__main__":
    sys.exit(main())
