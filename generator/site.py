"""The pure core end to end: ``content/`` + settings + today -> Markdown pages and assets.

``build`` is what the plugin, the CLI and ``insight export`` all call. It imports neither
MkDocs nor click, and the same input always gives the same output.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable, Protocol

from . import heap, pages as page_builders, parallel
from .schema import json_schema_text
from .diagnostics import Diagnostic, sort_key
from .derive import Derived, derive
from .lifecycle.calendar import calendar_bytes
from .load import Source, discover, load_all, load_note, skipped_template, split_body, template_folders, url_of
from .parsecache import ParseCache
from .model import Interview, KnowledgeBase, Note
from .pages import problems, questions as question_pages
from .network.asset import assets as network_assets
from .pages.gather import related
from .editors import wikilinks_to_markdown
from .fragments import note_footer, note_header, own_value
from .escape import collapse_blank_runs, t
from .htmlblocks import MarkdownSnippets, fill_markdown
from .render import PageSpec, environment, render
from .urls import make_link
from .resolve import resolve
from .settings import Settings


@dataclass
class Site:
    """Everything generated: pages by docs-dir URI, the note enrichments, and data assets."""

    kb: KnowledgeBase
    derived: Derived | None = None  # what the pages were made from (None only for a Site put together by hand)
    pages: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)  # note src_uri -> header card Markdown
    footers: dict[str, str] = field(default_factory=dict)  # note src_uri -> related-content Markdown
    titles: dict[str, str] = field(default_factory=dict)  # generated page src_uri -> title
    assets: dict[str, bytes] = field(default_factory=dict)  # docs-dir path -> bytes
    timings: dict[str, float] = field(default_factory=dict)
    left_out: set[str] = field(default_factory=set)  # note files with an error: not in any list
    broken: dict[str, str] = field(default_factory=dict)  # src_uri -> the page shown instead of a note with an error

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """The problems in the notes: those found loading and resolving them, then deriving from them."""
        if self.derived is None or not self.derived.diagnostics:
            return self.kb.diagnostics
        return sorted([*self.kb.diagnostics, *self.derived.diagnostics], key=sort_key)


def load(sources: list[Source], settings: Settings, load_one: Callable[[Source], Any] = load_note,
         cache: ParseCache | None = None) -> KnowledgeBase:
    notes, diags = load_notes(sources, load_one, cache)  # with the warnings for contact details in shared notes
    return resolve(notes, settings, diags)


def load_notes(sources: list[Source], load_one: Callable[[Source], Any] = load_note,
               cache: ParseCache | None = None) -> tuple[list[Note], list[Diagnostic]]:
    """Every file parsed (in two processes when :func:`parallel.jobs` allows), with its problems; with a
    ``cache``, only the files whose bytes changed since it last saw them."""
    with heap.paused():
        if load_one is load_note and cache is not None:
            load_one = _from_cache(sources, cache)
        elif load_one is load_note and parallel.jobs(len(sources)) > 1:
            load_one = _parsed_in_two(sources)
        return load_all(sources, load_one)


def _from_cache(sources: list[Source], cache: ParseCache) -> Callable[[Source], Any]:
    """The cached results, and the others parsed (in two processes when there are many) and saved to the cache."""
    done: dict[str, Any] = {}
    todo: list[Source] = []
    for src in sources:
        hit = cache.get(src)
        if hit is None:
            todo.append(src)
        else:
            done[src.src_uri] = hit
    parse = _parsed_in_two(todo) if parallel.jobs(len(todo)) > 1 else load_note
    fresh: dict[str, Any] = {}
    for src in todo:
        try:
            fresh[src.src_uri] = parse(src)
        except Exception as err:  # noqa: BLE001 - load_all names the file, as without a cache
            done[src.src_uri] = err
    cache.save(sources, fresh)
    done.update(fresh)
    return _taken_from(done)


def _parsed_in_two(sources: list[Source]) -> Callable[[Source], Any]:
    """Parse the files in two processes: ``load_all`` then takes the results in order, as if it had parsed
    them itself (a file that made the parser fail still fails, with the same message)."""
    results = parallel.run([partial(load_note, src) for src in sources], catch=True)
    if results is None:
        return load_note
    return _taken_from(dict(zip((s.src_uri for s in sources), results)))


def _taken_from(results: dict[str, Any]) -> Callable[[Source], Any]:
    """A ``load_one`` for ``load_all`` that takes each file's result, worked out beforehand, by its src_uri; an
    exception in a file's place is raised, as if the parser had just failed on it."""
    def load_one(src: Source) -> Any:
        result = results[src.src_uri]
        if isinstance(result, Exception):
            raise result
        return result

    return load_one


def note_parts(kb: KnowledgeBase, derived: Derived, iv: Interview) -> tuple[str, str]:
    """A note's header card and footer (referrals, related conversations), as Markdown."""
    link = make_link(iv.src_uri)
    head = note_header(kb, iv, link)
    foot = note_footer(kb, iv, related(kb, iv), link, derived.contact)
    return collapse_blank_runs(head).strip() + "\n", collapse_blank_runs(foot).strip() + "\n"


REPLACED_BY_USER = frozenset({"index.md"})  # your own home page replaces the dashboard; elsewhere your text goes on top


def generate(kb: KnowledgeBase, settings: Settings, user_pages: set[str] = frozenset(),  # type: ignore[assignment]
             reuse: Reuse | None = None, derived: Derived | None = None) -> Site:
    """Derive (unless ``derived`` is given), then render every page; where the user has ``content/<uri>`` the
    generated text goes below theirs (but see REPLACED_BY_USER).

    ``reuse`` (live reload) hands back the last build's text of pages that cannot have changed.
    """
    with heap.frozen():  # the knowledge base outlives the render: the collector need not scan it again and again
        return _generate(kb, derived or derive(kb, settings), settings, user_pages, reuse)


class Reuse(Protocol):
    """What a live rebuild may take from the last build instead of rendering it again (generator.incremental)."""

    def page(self, spec: PageSpec) -> str | None: ...

    def note(self, iv: Interview) -> tuple[str, str] | None: ...

    def calendar(self, items: list[Any]) -> bytes | None: ...


def _generate(kb: KnowledgeBase, derived: Derived, settings: Settings, user_pages: set[str],
              reuse: Reuse | None = None) -> Site:
    site = Site(kb, derived)
    t0 = time.perf_counter()
    common = {"kb": kb, "settings": settings}
    todo: list[tuple[PageSpec, dict[str, Any]]] = []  # pages to render (the others come from ``reuse``)
    for spec in page_builders.build_pages(kb, derived, settings):
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
    calendar, data_files = _asset_tasks(kb, derived, settings, reuse)

    def page(spec: PageSpec, context: dict[str, Any]) -> tuple[Callable[[], str], Callable[[str], None]]:
        return partial(render, spec, context), partial(site.pages.__setitem__, spec.src_uri)

    # Each task with where its result goes. Two processes take them from opposite ends (generator.parallel)
    # and the fork's results come back pickled, a few milliseconds a megabyte: the fork starts from the back,
    # with the work whose text is short for what it costs (the calendar, person pages, prep sheets), and this
    # process from the front, with the data files and the long pages (questions, companies, indexes).
    work: list[tuple[Callable[[], Any], Callable[[Any], None]]] = [(task, site.assets.update) for task in data_files]
    work += [page(spec, context) for spec, context in todo if spec.template not in SHORT_FOR_THEIR_COST]
    work += [(partial(note_parts, kb, derived, iv), partial(_put_parts, site, iv)) for iv in notes]
    work += [page(spec, context) for spec, context in todo if spec.template in SHORT_FOR_THEIR_COST]
    work.append((calendar, site.assets.update))
    tasks = [task for task, _ in work]
    jobs = parallel.jobs(len(tasks)) if reuse is None else 1
    results = None
    if jobs > 1:
        # load the page templates once, not in both processes; not those in folders (share/ needs filters
        # that generator.share adds, emails/ has its own environment)
        env = environment()
        for name in env.list_templates(filter_func=lambda n: "/" not in n):
            env.get_template(name)
        results = parallel.run(tasks)
        jobs = 1 if results is None else jobs
    if results is None:
        results = [task() for task in tasks]
    for (_, put), result in zip(work, results):
        put(result)
    site.timings["render"] = time.perf_counter() - t0
    site.timings["jobs"] = float(jobs)
    return site


SHORT_FOR_THEIR_COST = frozenset({"person.md.j2", "prep.md.j2"})  # pages: a few kB of text for their drafts and links


def _put_parts(site: Site, iv: Interview, parts: tuple[str, str]) -> None:
    site.headers[iv.src_uri], site.footers[iv.src_uri] = parts


def _asset_tasks(kb: KnowledgeBase, derived: Derived, settings: Settings, reuse: Reuse | None) -> tuple[Callable[[], dict[str, bytes]], list[Callable[[], dict[str, bytes]]]]:
    """The data files, each a task that gives ``{docs-dir path: bytes}``: the calendar's, and the others."""
    items = derived.items

    def calendar() -> dict[str, bytes]:
        ics = reuse.calendar(items) if reuse else None
        return {"follow-ups/follow-ups.ics": ics if ics is not None else calendar_bytes(kb, items, settings.site_url, settings.use_directory_urls)}

    return calendar, [partial(question_pages.assets, kb, derived.bank, settings.use_directory_urls),
                      partial(network_assets, derived.network, settings.use_directory_urls),
                      lambda: {"assets/insight/note.schema.json": json_schema_text().encode()}]


def build(docs_dir: str | Path, settings: Settings, user_pages: set[str] = frozenset(), report_prefix: str | None = None,  # type: ignore[assignment]
          load_one: Callable[[Source], Any] = load_note, make_site: Callable[..., Site] | None = None,
          cache: ParseCache | None = None) -> Site:
    """Load, resolve and render one docs dir; ``load_one`` and ``make_site`` may be caches' (see :mod:`generator.incremental`),
    ``cache`` the notes parsed by earlier builds (:mod:`generator.parsecache`)."""
    t0 = time.perf_counter()
    sources = discover(docs_dir, report_prefix)
    t1 = time.perf_counter()
    kb = load(sources, settings, load_one, cache)
    t2 = time.perf_counter()
    templates = template_folders(docs_dir, report_prefix)
    if templates:
        kb.diagnostics.extend(skipped_template(s) for s in templates)
        kb.diagnostics.sort(key=sort_key)
    site = (make_site or generate)(kb, settings, user_pages)
    site.left_out = {s.src_uri for s in sources} - {n.src_uri for n in kb.notes if n.ok} | {s.src_uri for s in templates}
    skipped = {d.path for d in kb.diagnostics if d.severity == "info"}  # templates: said once, no page of their own
    _show_problems(site, [s for s in sources if s.path not in skipped])
    site.timings = {"read": t1 - t0, "load+resolve": t2 - t1, **site.timings}
    return site


def _show_problems(site: Site, sources: list[Source]) -> None:
    """The /problems/ page, and a page for each note left out that says why, at the note's own address (unless a
    published note has that address: then the clash is on /problems/)."""
    published = {url_of(n.src_uri) for n in site.kb.notes if n.ok}
    notes = {n.src_uri: n for n in site.kb.notes}
    pages_by_path = {s.path: s.src_uri for s in sources if s.src_uri not in site.left_out}
    for src in sources:
        if src.src_uri not in site.left_out or url_of(src.src_uri) in published:
            continue
        text, body = _readable(src, notes.get(src.src_uri))
        site.broken[src.src_uri] = problems.broken_note(src.src_uri, src.path, site.diagnostics, text, body)
        pages_by_path[src.path] = src.src_uri
    found = [d for d in site.diagnostics if d.severity != "info"]  # a template skipped is no problem
    site.pages[problems.URI] = problems.page(found, pages_by_path)
    site.titles[problems.URI] = problems.TITLE


def _readable(src: Source, note: Note | None) -> tuple[str | None, str | None]:
    """What could be read of a note: its text (undecodable bytes replaced), and its body when the frontmatter
    could be split off."""
    try:
        data = src.data
    except OSError:
        return None, None
    text = data.decode("utf-8", errors="replace").removeprefix("\ufeff").replace("\r\n", "\n")
    if note is not None:
        return text, note.body
    return text, split_body(text)


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
    if "[[" in markdown and (uri in site.headers or uri in site.pages):
        markdown = wikilinks_to_markdown(markdown, site.kb.names, uri)  # Obsidian's [[links]], where they lead
    if uri in site.headers:
        return f"{site.headers[uri]}\n{strip_h1(markdown)}\n\n{site.footers[uri]}"
    if uri not in site.pages:
        return None
    own = first_h1(markdown)
    if meta_title and uri.startswith("people/"):
        meta_title = None  # a person's `title:` is their job title; their page keeps their name
    if meta_title:
        heading = f"# {t(meta_title)}"
    elif own:
        heading = f"# {own}"  # the user's Markdown, as they wrote it
    else:
        title = site.titles.get(uri, "")
        heading = f"# {t(title)}" if title else ""
    body = strip_h1(markdown).strip()
    own = own_fields(site.kb, uri) if site.kb is not None else ""
    if own:
        body = f"{body}\n\n{own}" if body else own
    return f"{heading}\n\n{body}\n\n{site.pages[uri]}" if heading else f"{body}\n\n{site.pages[uri]}"


def own_fields(kb: KnowledgeBase, uri: str) -> str:
    """The fields of an entity file the schema does not know (``location:``, ``birthday:``), as written."""
    kind, _, rest = uri.partition("/")
    store = {"people": kb.people, "companies": kb.companies, "industries": kb.industries}.get(kind)
    entity = store.get(rest[:-3]) if store is not None else None
    if entity is None or entity.file is None or not entity.file.extra:
        return ""
    return "\n".join(f"- **{t(k)}:** {own_value(kb, v, uri)}" for k, v in entity.file.extra.items())


def export(site: Site, docs_dir: Path, out: Path, markdown_extensions: list[Any] | None = None,
           markdown_configs: dict[str, Any] | None = None) -> int:
    """Write the whole generated tree, notes enriched as on the site, to ``out`` (never into ``docs_dir``).

    The Markdown inside pre-rendered HTML (answers on cards) is converted with the site's Markdown extensions,
    so the pages read the same in any engine that passes raw HTML through."""
    out = Path(out)
    if out.resolve() == Path(docs_dir).resolve() or Path(docs_dir).resolve() in out.resolve().parents:
        raise ValueError(f"{out}: refusing to write inside the content folder")
    convert = MarkdownSnippets(markdown_extensions, markdown_configs)  # answers on cards are Markdown in HTML
    files: dict[str, bytes] = {uri: fill_markdown(text, convert).encode() for uri, text in site.pages.items()}
    for note in site.kb.notes:
        shown = as_shown(site, note.src_uri, note.body) if note.ok else None
        if shown is not None:
            files[note.src_uri] = fill_markdown(shown, convert).encode()
    files.update((uri, text.encode()) for uri, text in site.broken.items())
    files.update(site.assets)
    for uri, data in sorted(files.items()):
        target = out / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(files)
