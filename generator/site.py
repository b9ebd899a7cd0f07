"""The pure core end to end: ``content/`` + settings + today -> Markdown pages and assets.

``build`` is what the plugin, the CLI and ``insight export`` all call. It imports neither
MkDocs nor click, and the same input always gives the same output.
"""

from __future__ import annotations

import time
import zlib
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Callable, Protocol

from . import confine, pages as page_builders
from .schema import json_schema_text
from .diagnostics import Diagnostic, sort_key
from .derive import Derived, derive
from .lifecycle.calendar import calendar_bytes
from .load import Source, discover, load_all, load_note, skipped_template, split_body, template_folders, url_of
from .parsecache import ParseCache
from .model import Interview, KnowledgeBase, Note
from .pages import problems, questions as question_pages
from .network.asset import assets as network_assets
from .pages.followups import CALENDAR
from .pages.gather import related
from .publish import Attachments
from .editors import reading_view
from .fragments import note_footer, note_header, own_value
from .escape import t
from .htmlblocks import MarkdownSnippets, fill_markdown
from .render import PageSpec, render
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
    files: Attachments | None = None  # the docs dir's files that are not pages, for Obsidian's ![[embeds]]
    # pages made when first read (generate(later=True), one MkDocs build; "" in pages): src_uri -> their maker
    later: dict[str, Callable[[], str]] = field(default_factory=dict)
    # one MkDocs build: the note parts (header, footer) zlib-packed instead of in headers and footers, a fifth of
    # their size (24 MB at 5,000 conversations) while they wait for their note's page to be read
    packed: dict[str, tuple[bytes, bytes]] = field(default_factory=dict)
    # one MkDocs build: the generated part of a page of the user's ("" in pages), packed likewise; an industry's
    # part lists its conversations (227 such pages held 20 MB as text at 5,000 conversations)
    packed_pages: dict[str, bytes] = field(default_factory=dict)

    def parts_of_note(self, uri: str) -> tuple[str, str] | None:
        """A note's header and footer, packed or not; None for a page that is not a note of the knowledge base."""
        if uri in self.packed:
            head, foot = self.packed[uri]
            return unpack(head), unpack(foot)
        if uri in self.headers:
            return self.headers[uri], self.footers[uri]
        return None

    def keep_for_notes(self) -> None:
        """Keep of the knowledge base only what the notes' own pages still ask once every generated page is made
        (the names their wikilinks may use; the people, companies and industries, for their names and own fields)
        and let go of the rest and of the derived facts (with it, about 60 MB at 5,000 conversations)."""
        kb = self.kb
        self.kb = KnowledgeBase(kb.today, people=kb.people, companies=kb.companies, industries=kb.industries,
                                names=kb.names, diagnostics=self.diagnostics)
        self.derived = None

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """The problems in the notes: those found loading and resolving them, then deriving from them."""
        if self.derived is None or not self.derived.diagnostics:
            return self.kb.diagnostics
        return sorted([*self.kb.diagnostics, *self.derived.diagnostics], key=sort_key)


# notes, settings and the problems found loading them -> a knowledge base: resolve.resolve, or live reload's
ResolveNotes = Callable[[list[Note], Settings, list[Diagnostic]], KnowledgeBase]


def load(sources: list[Source], settings: Settings, cache: ParseCache | None = None,
         resolve_notes: ResolveNotes = resolve) -> KnowledgeBase:
    notes, diags = load_notes(sources, cache)  # with the warnings for contact details in shared notes
    return resolve_notes(notes, settings, diags)


def load_notes(sources: list[Source], cache: ParseCache | None = None) -> tuple[list[Note], list[Diagnostic]]:
    """Every file parsed, with its problems; with a ``cache``, only the files whose bytes changed since it last
    saw them, and what was parsed is saved to it."""
    if cache is None:
        return load_all(sources)
    fresh: dict[str, Any] = {}

    def load_one(src: Source) -> Any:
        hit = cache.get(src)
        if hit is None:  # a parser failure raises here and load_all names the file; it is not cached
            hit = fresh[src.src_uri] = load_note(src)
        return hit

    result = load_all(sources, load_one)
    cache.save(sources, fresh)
    return result


def note_parts(kb: KnowledgeBase, derived: Derived, iv: Interview, directory_urls: bool = True) -> tuple[str, str]:
    """A note's header card and footer (referrals, related conversations): Markdown headings over pre-rendered
    HTML (:mod:`generator.htmlblocks`), links as ``directory_urls`` has them."""
    head = note_header(kb, iv, directory_urls)
    foot = note_footer(kb, iv, related(kb, iv), derived.contact, directory_urls)
    return head.strip() + "\n", foot.strip() + "\n"


def note_reads(iv: Interview) -> tuple[str, ...]:
    """What a note's header and footer show (see generator.incremental.inputs): the conversation (among its
    person's), its person, and the conversations related to it by person, company and industry."""
    return (f"person:{iv.person}", *([f"company:{iv.company}"] if iv.company else []),
            *(f"industry:{s}" for s in iv.industries))


CALENDAR_READS = ("items", "times")  # due items, and the time of day of each conversation

REPLACED_BY_USER = frozenset({"index.md"})  # your own home page replaces the dashboard; elsewhere your text goes on top


def generate(kb: KnowledgeBase, settings: Settings, user_pages: set[str] = frozenset(),  # type: ignore[assignment]
             reuse: Reuse | None = None, derived: Derived | None = None, later: bool = False) -> Site:
    """Derive (unless ``derived`` is given), then render every page; where the user has ``content/<uri>`` the
    generated text goes below theirs (but see REPLACED_BY_USER).

    ``reuse`` (live reload) hands back the last build's text of what cannot have changed. With ``later``, a page
    that is all generated is rendered only when asked (``site.later``): MkDocs reads the pages one at a time, so
    their Markdown is never all held at once (121 MB at 5,000 conversations); the generated part of a page of the
    user's waits packed (``site.packed_pages``) until its page is read, as the notes' cards do (``site.packed``).
    """
    derived = derived or derive(kb, settings)
    site = Site(kb, derived)
    made = reuse.get if reuse else _make
    t0 = time.perf_counter()
    common = {"kb": kb, "settings": settings}
    for spec in page_builders.build_pages(kb, derived, settings):
        overlay = spec.src_uri in user_pages
        if overlay and spec.src_uri in REPLACED_BY_USER:
            continue
        make = partial(render, spec, {**common, "overlay": overlay})
        if later and not overlay:
            site.pages[spec.src_uri], site.later[spec.src_uri] = "", make  # in its place among the pages
        elif later:
            site.pages[spec.src_uri] = ""
            site.packed_pages[spec.src_uri] = pack(made(f"page:{spec.src_uri}", spec.template, spec.reads, make))
        else:
            site.pages[spec.src_uri] = made(f"page:{spec.src_uri}", spec.template, spec.reads, make)
        site.titles[spec.src_uri] = spec.title
    for iv in kb.interviews:
        head, foot = made(f"note:{iv.src_uri}", "note parts", note_reads(iv),
                          partial(note_parts, kb, derived, iv, settings.use_directory_urls))
        if later:
            site.packed[iv.src_uri] = (pack(head), pack(foot))
        else:
            site.headers[iv.src_uri], site.footers[iv.src_uri] = head, foot
    site.assets[CALENDAR] = made(f"asset:{CALENDAR}", "calendar", CALENDAR_READS, partial(
        calendar_bytes, kb, derived.items, settings.site_url, settings.use_directory_urls, settings.timezone))
    site.assets.update(question_pages.assets(kb, derived.bank, settings.use_directory_urls))
    site.assets.update(network_assets(derived.network, settings.use_directory_urls))
    site.assets["assets/insight/note.schema.json"] = json_schema_text().encode()
    site.timings["render"] = time.perf_counter() - t0
    return site


def _make(output: str, how: str, reads: tuple[str, ...] | None, make: Callable[[], Any]) -> Any:
    return make()


def pack(text: str) -> bytes:
    """Text that waits in memory during one build, compressed (to about a fifth); :func:`unpack` gives it back."""
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def unpack(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8", "surrogatepass")


def release_caches() -> None:
    """Empty the memo caches the derive stage filled (question intents, what was said, the wordings shown):
    MkDocs' own build has no use for them. Not under ``insight serve``, where the next save derives with them."""
    from .questions import grouping, said

    for cached in (grouping.intent_of, said.features, said._central):
        getattr(cached, "cache_clear", lambda: None)()  # tools.bench.without may have put the bare function there


class Reuse(Protocol):
    """Live reload's memory of the last build (generator.incremental.SiteCache)."""

    def get(self, output: str, how: str, reads: tuple[str, ...] | None, make: Callable[[], Any]) -> Any:
        """``output`` (``page:<uri>``, ``note:<uri>``, ``asset:<path>``) as the last build made it when it was
        made ``how`` (its template) from ``reads`` whose fingerprints are unchanged; else ``make()``."""
        ...


def build(docs_dir: str | Path, settings: Settings, user_pages: set[str] = frozenset(), report_prefix: str | None = None,  # type: ignore[assignment]
          make_site: Callable[..., Site] | None = None, cache: ParseCache | None = None,
          resolve_notes: ResolveNotes = resolve) -> Site:
    """Load, resolve and render one docs dir; ``make_site`` and ``resolve_notes`` may be live reload's
    (:class:`generator.incremental.SiteCache`), ``cache`` the notes parsed by earlier builds (:mod:`generator.parsecache`)."""
    t0 = time.perf_counter()
    sources = discover(docs_dir, report_prefix)
    t1 = time.perf_counter()
    kb = load(sources, settings, cache, resolve_notes)
    t2 = time.perf_counter()
    templates = template_folders(docs_dir, report_prefix)
    leaving = confine.leaving_links(docs_dir, report_prefix)
    if templates or leaving:
        kb.diagnostics.extend(skipped_template(s) for s in templates)
        kb.diagnostics.extend(leaving)
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
    parts = shown_parts(site, uri, markdown, meta_title)
    return None if parts is None else "".join(text for text, _ in parts)


def shown_parts(site: Site, uri: str, markdown: str, meta_title: str | None = None) -> list[tuple[str, bool]] | None:
    """:func:`as_shown` in pieces, each with whether the generator wrote it (True) or it is the user's text: the
    plugin lifts pre-rendered HTML out of the generated pieces only, so nothing a note writes is taken for ours."""
    note = site.parts_of_note(uri)
    if note is None and uri not in site.pages:
        return None
    names = site.kb.names if "[[" in markdown else {}  # (a Site put together by hand may have no kb)
    markdown = reading_view(markdown, names, uri, site.files)
    if note is not None:
        return [(f"{note[0]}\n", True), (strip_h1(markdown), False), (f"\n\n{note[1]}", True)]
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
    parts = [(f"{heading}\n\n", not own or bool(meta_title))] if heading else []  # the user's own heading is theirs
    parts.append((body, False))
    own_extra = own_fields(site.kb, uri) if site.kb is not None else ""
    if own_extra:
        parts.append((f"\n\n{own_extra}" if body else own_extra, True))  # escaped as the templates escape
    packed = site.packed_pages.get(uri)
    parts.append((f"\n\n{site.pages[uri] if packed is None else unpack(packed)}", True))
    return parts


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
