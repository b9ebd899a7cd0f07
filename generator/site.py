"""The pure core end to end: ``content/`` + settings + today -> Markdown pages and assets.

``build`` is what the plugin, the CLI and ``insight export`` all call. It imports neither
MkDocs nor click, and the same input always gives the same output.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol, TypeVar

from . import heap, pages as page_builders
from .docs import schema_json
from .diagnostics import Diagnostic
from .lifecycle.calendar import calendar_bytes
from .lifecycle import items_for
from .load import Source, discover, load_all, load_note
from .model import Interview, KnowledgeBase, Note
from .pages import questions as question_pages
from .network.asset import assets as network_assets
from .pages.gather import related
from .fragments import note_footer, note_header
from .render import PageSpec, collapse_blank_runs, environment, make_link, render, t
from .resolve import resolve
from .settings import Settings
from .share.scan import scan as scan_shared

T = TypeVar("T")
U = TypeVar("U")


@dataclass
class Site:
    """Everything generated: pages by docs-dir URI, the note enrichments, and data assets."""

    kb: KnowledgeBase
    pages: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)  # note src_uri -> header card Markdown
    footers: dict[str, str] = field(default_factory=dict)  # note src_uri -> related-content Markdown
    titles: dict[str, str] = field(default_factory=dict)  # generated page src_uri -> title
    assets: dict[str, bytes] = field(default_factory=dict)  # docs-dir path -> bytes
    timings: dict[str, float] = field(default_factory=dict)
    left_out: set[str] = field(default_factory=set)  # note files with an error: not published

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return self.kb.diagnostics


def load(sources: list[Source], settings: Settings, load_one: Callable[[Source], Any] = load_note) -> KnowledgeBase:
    notes, diags = load_notes(sources, load_one)
    return resolve(notes, settings, diags + scan_shared(notes))


def load_notes(sources: list[Source], load_one: Callable[[Source], Any] = load_note) -> tuple[list[Note], list[Diagnostic]]:
    """Every file parsed (in two processes when :func:`parallel_jobs` allows), with its problems."""
    if load_one is load_note and parallel_jobs(len(sources)) > 1:
        load_one = _parsed_in_two(sources)
    return load_all(sources, load_one)


def _parsed_in_two(sources: list[Source]) -> Callable[[Source], Any]:
    """Parse every other file in a forked process: ``load_all`` then takes the results in order, as if it had
    parsed them itself (a file that made the parser fail still fails, with the same message)."""
    _FORKED["sources"] = sources
    try:
        split = _beside(_parse_share, 1, lambda: _parse_share(0))
    finally:
        _FORKED.clear()
    if split is None:
        return load_note
    mine, theirs = split
    parsed = dict(zip((s.src_uri for s in sources[0::2]), mine))
    parsed.update(zip((s.src_uri for s in sources[1::2]), theirs))

    def load_one(src: Source) -> Any:
        result = parsed[src.src_uri]
        if isinstance(result, Exception):
            raise result
        return result

    return load_one


def _beside(work: Callable[[int], T], share: int, here: Callable[[], U]) -> tuple[U, T] | None:
    """``work(share)`` in a forked process while ``here()`` runs in this one; None when no fork can be had
    (memory or process limits) or it died, and the caller does it all in one process. The fork inherits
    ``_FORKED``; an exception raised by ``work`` is raised here."""
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            other = pool.submit(work, share)
            mine = here()
            return mine, other.result()
    except (OSError, BrokenProcessPool):
        return None


def _parse_share(share: int) -> list[Any]:
    out: list[Any] = []
    for src in _FORKED["sources"][share::2]:
        try:
            out.append(load_note(src))
        except Exception as err:  # noqa: BLE001 - load_all reports it, naming the file
            out.append(err)
    return out


def note_parts(kb: KnowledgeBase, iv: Interview) -> tuple[str, str]:
    """A note's header card and footer (referrals, related conversations), as Markdown."""
    link = make_link(iv.src_uri)
    head = note_header(kb, iv, link)
    foot = note_footer(kb, iv, related(kb, iv), link)
    return collapse_blank_runs(head).strip() + "\n", collapse_blank_runs(foot).strip() + "\n"


REPLACED_BY_USER = frozenset({"index.md"})  # your own home page replaces the dashboard; elsewhere your text goes on top


def generate(kb: KnowledgeBase, settings: Settings, user_pages: set[str] = frozenset(),  # type: ignore[assignment]
             reuse: Reuse | None = None) -> Site:
    """Render every page; where the user has ``content/<uri>`` the generated text goes below theirs (but see REPLACED_BY_USER).

    ``reuse`` (live reload) hands back the last build's text of pages that cannot have changed.
    """
    with heap.frozen():  # the knowledge base outlives the render: the collector need not scan it again and again
        return _generate(kb, settings, user_pages, reuse)


class Reuse(Protocol):
    """What a live rebuild may take from the last build instead of rendering it again (generator.incremental)."""

    def page(self, spec: PageSpec) -> str | None: ...

    def note(self, iv: Interview) -> tuple[str, str] | None: ...

    def calendar(self, items: list[Any]) -> bytes | None: ...


def _generate(kb: KnowledgeBase, settings: Settings, user_pages: set[str], reuse: Reuse | None = None) -> Site:
    site = Site(kb)
    t0 = time.perf_counter()
    common = {"kb": kb, "settings": settings}
    todo: list[tuple[PageSpec, dict[str, Any]]] = []  # pages to render (the others come from ``reuse``)
    for spec in page_builders.build_pages(kb, settings):
        overlay = spec.src_uri in user_pages
        if overlay and spec.src_uri in REPLACED_BY_USER:
            continue
        text = reuse.page(spec) if reuse else None
        site.pages[spec.src_uri] = text if text is not None else ""
        if text is None:
            todo.append((spec, {**common, "overlay": overlay}))
        site.titles[spec.src_uri] = spec.title
    notes: list[Interview] = []
    for iv in kb.interviews:
        parts = reuse.note(iv) if reuse else None
        if parts:
            site.headers[iv.src_uri], site.footers[iv.src_uri] = parts
        else:
            site.headers[iv.src_uri] = site.footers[iv.src_uri] = ""  # keeps the notes' order
            notes.append(iv)
    items = items_for(kb, settings)
    jobs = parallel_jobs(len(todo) + len(notes)) if reuse is None else 1
    if jobs > 1:
        question_pages.bank_of(kb)  # before forking: building the bank adds its warnings to kb.diagnostics
        env = environment()  # and load the templates once, not in both processes
        for name in env.list_templates(filter_func=lambda n: n.endswith(".j2")):
            env.get_template(name)
        _FORKED.update(kb=kb, todo=todo, notes=notes)

        def here() -> tuple[list[str], list[tuple[str, str]]]:  # the other process: half the pages, every note
            _assets(site, kb, settings, items, reuse)
            return _render_share(0)

        try:
            split = _beside(_render_share, 1, here)
        finally:
            _FORKED.clear()
        if split is None:
            jobs = 1
        else:
            mine, theirs = split
            for (spec, _), text in zip(todo[0::2], mine[0]):
                site.pages[spec.src_uri] = text
            for (spec, _), text in zip(todo[1::2], theirs[0]):
                site.pages[spec.src_uri] = text
            for iv, (head, foot) in zip(notes, theirs[1]):
                site.headers[iv.src_uri], site.footers[iv.src_uri] = head, foot
    if jobs == 1:
        for spec, context in todo:
            site.pages[spec.src_uri] = render(spec, context)
        for iv in notes:
            site.headers[iv.src_uri], site.footers[iv.src_uri] = note_parts(kb, iv)
        _assets(site, kb, settings, items, reuse)
    site.timings["render"] = time.perf_counter() - t0
    site.timings["jobs"] = float(jobs)
    return site


def _assets(site: Site, kb: KnowledgeBase, settings: Settings, items: list[Any], reuse: Reuse | None) -> None:
    ics = reuse.calendar(items) if reuse else None
    site.assets["follow-ups/follow-ups.ics"] = ics if ics is not None else calendar_bytes(kb, items, settings.site_url)
    site.assets["assets/insight/note.schema.json"] = schema_json().encode()
    site.assets.update(question_pages.assets(kb))
    site.assets.update(network_assets(kb, settings))


_FORKED: dict[str, Any] = {}  # what the forked process renders from: it inherits this module's state


def _render_share(share: int) -> tuple[list[str], list[tuple[str, str]]]:
    """Every other page from ``share`` (0 or 1); share 1 also renders every note's header and footer."""
    kb, todo = _FORKED["kb"], _FORKED["todo"]
    pages = [render(spec, context) for spec, context in todo[share::2]]
    notes = [note_parts(kb, iv) for iv in _FORKED["notes"]] if share == 1 else []
    return pages, notes


PARALLEL_FROM = 300  # pages and notes to render: below this, forking costs more than it saves


def parallel_jobs(count: int) -> int:
    """2 when rendering may be split over two processes: enough to render, two CPUs for this process, Linux
    (where forking is safe and cheap), and no other thread running (``insight serve`` has a server thread:
    never fork it). ``INSIGHT_JOBS=1`` turns it off."""
    if count < PARALLEL_FROM or os.environ.get("INSIGHT_JOBS") == "1":
        return 1
    if not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 1
    return 2 if len(os.sched_getaffinity(0)) >= 2 else 1


def build(docs_dir: str | Path, settings: Settings, user_pages: set[str] = frozenset(), report_prefix: str | None = None,  # type: ignore[assignment]
          load_one: Callable[[Source], Any] = load_note, make_site: Callable[..., Site] | None = None) -> Site:
    """Load, resolve and render one docs dir; ``load_one`` and ``make_site`` may be caches' (see :mod:`generator.incremental`)."""
    t0 = time.perf_counter()
    sources = discover(docs_dir, report_prefix)
    t1 = time.perf_counter()
    kb = load(sources, settings, load_one)
    t2 = time.perf_counter()
    site = (make_site or generate)(kb, settings, user_pages)
    site.left_out = {s.src_uri for s in sources} - {n.src_uri for n in kb.notes if n.ok}
    site.timings = {"read": t1 - t0, "load+resolve": t2 - t1, **site.timings}
    return site


def first_h1(markdown: str) -> str | None:
    """The text of a leading ``# heading``, if the Markdown starts with one."""
    for line in markdown.lstrip().split("\n", 3)[:3]:
        if line.startswith("# "):
            return line[2:].strip()
    return None


def strip_h1(markdown: str) -> str:
    text = markdown.lstrip()
    if text.startswith("# "):
        return text.split("\n", 1)[1] if "\n" in text else ""
    return markdown


def as_shown(site: Site, uri: str, markdown: str, meta_title: str | None = None) -> str | None:
    """A user's page as the site shows it, for the plugin and for export alike.

    A note gets its header card above and related conversations below; an entity file's text stands on
    top of its generated page, under one title (frontmatter ``title``, the user's own ``#`` heading, or the
    generated title). None for pages the generator does not touch.
    """
    if uri in site.headers:
        return f"{site.headers[uri]}\n{strip_h1(markdown)}\n\n{site.footers[uri]}"
    if uri not in site.pages:
        return None
    own = first_h1(markdown)
    if meta_title:
        heading = f"# {t(meta_title)}"
    elif own:
        heading = f"# {own}"  # the user's Markdown, as they wrote it
    else:
        title = site.titles.get(uri, "")
        heading = f"# {t(title)}" if title else ""
    body = strip_h1(markdown).strip()
    return f"{heading}\n\n{body}\n\n{site.pages[uri]}" if heading else f"{body}\n\n{site.pages[uri]}"


def export(site: Site, docs_dir: Path, out: Path) -> int:
    """Write the whole generated tree, notes enriched as on the site, to ``out`` (never into ``docs_dir``)."""
    out = Path(out)
    if out.resolve() == Path(docs_dir).resolve() or Path(docs_dir).resolve() in out.resolve().parents:
        raise ValueError(f"{out}: refusing to write inside the content folder")
    files: dict[str, bytes] = {uri: text.encode() for uri, text in site.pages.items()}
    for note in site.kb.notes:
        shown = as_shown(site, note.src_uri, note.body) if note.ok else None
        if shown is not None:
            files[note.src_uri] = shown.encode()
    files.update(site.assets)
    for uri, data in sorted(files.items()):
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(files)
