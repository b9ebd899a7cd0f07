"""MkDocs glue for fast live reload: ``mkdocs serve --dirty`` (what ``insight serve`` runs) made correct.

MkDocs' dirty build skips a page whose source file is older than its HTML, and always renders
in-memory files again; both are wrong for this site, whose pages change when *other* notes
change. Here each page's fingerprint (its final Markdown, or its source's state plus what the
plugin adds to it) decides: unchanged pages keep their HTML, changed ones are rendered again.
Material's search index keeps the entries of the pages not rendered again.
"""

from __future__ import annotations

import gc
import hashlib
import os
import threading
from typing import Any, Hashable

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils.meta import get_data

from .incremental import changed_pages
from .site import Site


class TemplateCache(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory between builds: MkDocs makes a new Jinja environment
    for every build, and compiling Material's templates again costs about half a second."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)  # ignored when the template's source changed (checksum)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


# Seconds after a build before serve collects garbage: long enough for a reloaded page and its assets to be served
# first, short enough to be done before the next save, typically.
COLLECT_AFTER = 0.5
# Collections of the middle generation before Python's collector walks every object: during a serve build, never
# (see LiveState.building). One build makes a few hundred of them.
FULL_NEVER = 1_000_000_000


class LiveState:
    """What one serve session remembers between builds."""

    def __init__(self) -> None:
        self._collect: threading.Timer | None = None
        self._thresholds: tuple[int, int, int] | None = None  # Python's collector's, while a build runs
        self._lock = threading.Lock()  # the collection's thread and the build's both put the collector back
        self._behind = False  # the last build's garbage is not collected yet
        self.templates = TemplateCache()
        self.fingerprints: dict[str, Hashable] | None = None  # committed after a build succeeds
        self.pending: dict[str, Hashable] | None = None
        self.urls: dict[str, str] = {}  # src_uri -> page URL, this build
        self.rebuilt: set[str] = set()  # URLs of the pages rendered in this build
        # what the files MkDocs copies as they are were (dest path -> source, mtime, size), and every file it
        # writes from its files, for the next build and the next serve (servedsite): committed with fingerprints
        self.statics: dict[str, list[Any]] = {}
        self.dests: list[str] = []
        self.nav = ""  # the navigation every page shows, as the last build had it
        self.built_key = ""  # what every page depends on besides its fingerprint (the key), as the last build had it
        self._pending_files: tuple[dict[str, list[Any]], list[str], str, str] = ({}, [], "", "")
        # every page's address and date, as the last build wrote the sitemap from them (skip_unchanged_sitemap)
        self.sitemap_from: Hashable = None
        self._pending_sitemap: Hashable = None
        # the last build's search index when the plugin wrote it (or the kept site's, for the first build), and each
        # entry's JSON as written (generator.search.write_index)
        self.entries: list[dict[str, Any]] | None = None
        self.encoded: dict[int, tuple[dict[str, Any], str]] = {}
        self.in_build = False
        self.started = False  # the first build has begun
        self.resumed = False  # this build starts from the site the last serve left
        self.site_dir = ""
        self.key = ""  # servedsite.environment of the last build
        self.keeps = False  # the site is kept when serve stops (the plugin's option `cache`)

    def keepable(self) -> bool:
        """Whether the served site is what the fingerprints say: the last build succeeded, none is halfway."""
        return self.keeps and self.fingerprints is not None and not self.in_build and bool(self.site_dir and self.key)

    def memory(self) -> dict[str, Any]:
        """What the next serve needs of this one's to start from its site (generator.servedsite)."""
        return {"fingerprints": self.fingerprints, "statics": self.statics, "dests": self.dests, "nav": self.nav}

    @staticmethod
    def can_resume(memory: dict[str, Any]) -> bool:
        """Whether ``memory`` is in the shape :meth:`memory` makes."""
        return (isinstance(memory.get("fingerprints"), dict) and isinstance(memory.get("statics"), dict)
                and isinstance(memory.get("dests"), list) and isinstance(memory.get("nav"), str))

    def resume(self, memory: dict[str, Any], entries: list[dict[str, Any]]) -> None:
        """Start from a site the last serve left (:meth:`can_resume`), kept under this build's key: its first build
        is then what a save would have been."""
        self.fingerprints, self.statics, self.dests = memory["fingerprints"], memory["statics"], memory["dests"]
        self.nav, self.built_key = memory["nav"], self.key
        self.entries = entries
        self.resumed = True

    def reset(self) -> None:
        self.fingerprints = self.pending = None
        self.sitemap_from = None

    def building(self) -> None:
        """A build starts: no collection of serve's in the middle of it, and no full one of Python's until serve's
        collection after it (with a collector of three generations, as CPython's 3.11 has; where the third
        threshold means nothing, this changes nothing).

        A full collection walks every object, and under serve most of them are what it keeps from save to save
        (the last knowledge base, pages and parsed notes): nothing a build can free. A frontmatter save at 5,000
        notes makes enough objects for two full walks, 1.5 s of a 7 to 8 s save. Young collections still free
        what the build makes and drops; what outlives them is freed after the build (:meth:`collect_when_idle`).
        Builds keep no such garbage to speak of: a whole 5,000-note build without full collections peaked at
        236.9 MB, against 235.8 MB with them. But a save that comes before the last build's garbage was collected
        (saves every second, as an editor's autosave makes them) builds with Python's collector as it is, so that
        the garbage of one save after another is never left to pile up."""
        self.in_build = True
        if self._collect is not None:
            self._collect.cancel()
            self._collect = None
        if self._behind:
            self._restore()
        else:
            with self._lock:
                if self._thresholds is None:
                    self._thresholds = gc.get_threshold()
                    gc.set_threshold(self._thresholds[0], self._thresholds[1], FULL_NEVER)

    def collect_when_idle(self) -> None:
        """Collect garbage soon after this build, unless the next one starts first (:meth:`cancel_collection`).

        Serve keeps the last build's pages and knowledge base, and each save makes new ones: every other save,
        the new objects were enough for Python's collector to walk all of them during the build (0.6 s of a 1.6 s
        rebuild at 5,000 notes). Collected between saves, the rebuilds take 1.0 to 1.2 s each."""
        if self._collect is not None:
            self._collect.cancel()
        self._behind = True
        self._collect = threading.Timer(COLLECT_AFTER, self._collect_now)
        self._collect.daemon = True  # never keeps a stopped server alive
        self._collect.start()

    def _collect_now(self) -> None:
        # Python's full collections stay off until here: put back as the build ended, the first one would fall at
        # once, on the reloaded page's requests
        gc.collect()
        if threading.current_thread() is self._collect:  # not a collection the next build already replaced
            self._restore()
            self._behind = False

    @property
    def collection_due(self) -> bool:
        """Whether a collection is waiting for its time (or running)."""
        return self._collect is not None and self._collect.is_alive()

    def cancel_collection(self) -> None:
        """No collection of serve's pending, and Python's collector as it was before serve changed it (the server
        stops)."""
        if self._collect is not None:
            self._collect.cancel()
            self._collect = None
        self._restore()

    def _restore(self) -> None:
        with self._lock:
            thresholds, self._thresholds = self._thresholds, None
        if thresholds is not None:
            gc.set_threshold(*thresholds)


def _stat(path: str | None) -> tuple[int, int]:
    try:
        st = os.stat(path or "")
    except OSError:
        return (0, 0)
    return (st.st_mtime_ns, st.st_size)


def search_plugin(config: MkDocsConfig) -> Any:
    return config.plugins.get("material/search") or config.plugins.get("search")


def can_be_incremental(config: MkDocsConfig) -> bool:
    """Only with an explicit nav (a default nav lists every page, so any new note changes every page)
    and with Material's search, whose index persists between dirty builds."""
    search = search_plugin(config)
    return config.nav is not None and (search is None or hasattr(search, "search_index_prev"))


def mark_unchanged(state: LiveState, files: Files, config: MkDocsConfig, site: Site) -> None:
    """Tell MkDocs which pages to render again in this dirty build, and which copied files to copy again; remove
    the files of pages and copies that are gone."""
    # what every page shows: the key (mkdocs.yml, a theme template, a hook, an upgrade ...: servedsite.environment)
    # and the navigation (a section or top-level page that came or went); either changed renders them all
    pages = [f for f in files if f.is_documentation_page()]
    nav = repr(config.nav) + repr(nav_shown(config.nav, {f.src_uri: f for f in pages}))
    if state.key != state.built_key or nav != state.nav or not can_be_incremental(config):
        state.reset()
    current: dict[str, Hashable] = {}
    for f in pages:
        uri = f.src_uri
        if f.generated_by:
            current[uri] = ("generated", f.content_string)
        else:
            current[uri] = ("file", _stat(f.abs_src_path), site.headers.get(uri), site.footers.get(uri), site.pages.get(uri))
    copied = [f for f in files if not f.is_documentation_page() and not f.generated_by and f.abs_src_path]
    statics = {f.dest_uri: [f.abs_src_path, *_stat(f.abs_src_path)] for f in copied}
    dests = sorted({f.dest_uri for f in files})

    def user_texts() -> dict[str, str]:
        out = {}
        for f in pages:
            if not f.generated_by and f.abs_src_path:
                with open(f.abs_src_path, encoding="utf-8", errors="replace") as fh:
                    out[f.src_uri] = fh.read()
        return out

    changed = changed_pages(state.fingerprints, current, user_texts)
    for f in copied:  # a file copied as it is that changed, even to an older one (MkDocs copies only newer ones)
        if state.statics.get(f.dest_uri, statics[f.dest_uri]) != statics[f.dest_uri]:
            _set_modified(f, True)
    _remove_gone(config.site_dir, set(state.dests) - set(dests))
    state.pending = current
    state._pending_files = (statics, dests, nav, state.key)
    state.urls = {f.src_uri: f.url for f in pages}
    state.rebuilt = {f.url for f in pages if f.src_uri in changed}
    for f in pages:
        _set_modified(f, f.src_uri in changed)


def _nav_entries(nav: Any) -> list[tuple[str, bool]]:
    """Every page path the navigation config names, and whether its entry gives a title."""
    out: list[tuple[str, bool]] = []

    def walk(items: Any, titled: bool) -> None:
        if isinstance(items, list):
            for item in items:
                walk(item, False)
        elif isinstance(items, dict):
            for value in items.values():
                walk(value, True)
        elif isinstance(items, str):
            out.append((items, titled))

    walk(nav or [], False)
    return out


def nav_shown(nav: Any, pages: dict[str, File]) -> list[tuple[Any, ...]]:
    """What each entry of the navigation shows of its own page of the user's: Material writes the page's ``icon:``
    and ``status:`` beside the entry, and an entry written without a title takes the page's (its ``title:``, else
    the first heading MkDocs finds in it: the text is held whole, as a hash). Every page shows the navigation, so a
    change to any of these renders them all."""
    out: list[tuple[Any, ...]] = []
    for uri, titled in _nav_entries(nav):
        f = pages.get(uri)
        if f is None or f.generated_by or not f.abs_src_path:
            continue
        try:
            with open(f.abs_src_path, encoding="utf-8", errors="replace") as fh:
                text, meta = get_data(fh.read())
        except OSError:
            continue
        untitled = () if titled else (hashlib.blake2b(text.encode(), digest_size=16).hexdigest(), _value(meta.get("title")))
        out.append((uri, _value(meta.get("icon")), _value(meta.get("status")), *untitled))
    return out


def _value(value: Any) -> Any:
    """A frontmatter value as compared from build to build: a list or mapping only by its kind (the navigation shows
    text; and YAML aliases can make a small file a structure too large to print)."""
    return value if value is None or isinstance(value, (str, int, float, bool)) else type(value).__name__


def read_nav_pages(config: MkDocsConfig, files: Files) -> None:
    """Read the source of each page in the navigation that this dirty build does not render. MkDocs reads only the
    pages it renders, and the navigation on every page it renders takes each entry's icon, status and (without a
    title in mkdocs.yml) title from the entry's page: unread, the entry showed no icon and no title."""
    for uri, _ in _nav_entries(config.nav):
        f = files.get_file_from_path(uri)
        page = f.page if f is not None else None
        if page is not None and page.markdown is None:
            try:
                page.read_source(config)
            except (OSError, ValueError):  # MkDocs has logged it; the entry shows what it can
                continue


def _remove_gone(site_dir: str, gone: set[str]) -> None:
    """The served files of pages and copies that are no more (a note deleted, an image moved): a full build would
    not write them either."""
    root = os.path.realpath(site_dir)
    for dest in sorted(gone):
        path = os.path.realpath(os.path.join(root, dest))
        if path.startswith(root + os.sep):
            try:
                os.unlink(path)
            except OSError:
                pass


def _set_modified(f: File, changed: bool) -> None:
    dest = f.abs_dest_path
    f.is_modified = lambda: changed or not os.path.isfile(dest)  # type: ignore[method-assign]


# The theme's template that lists the site's pages and shows none of their content: MkDocs writes the sitemap on every
# build, and at 5,000 notes it lists 8,151 pages.
SITEMAP = "sitemap.xml"
TEMPLATE_EVENTS = ("pre_template", "template_context", "post_template")


def skip_unchanged_sitemap(state: LiveState, config: MkDocsConfig, files: Files) -> None:
    """Leave the sitemap as the last build wrote it when no page's address or date changed (a change to the key or
    the navigation resets the state, and everything is rendered). At 5,000 notes it lists 8,151 pages: most of a tenth
    of a second of every save. A sitemap template of the user's own (``custom_dir``), or a plugin or hook that works
    on templates, may put anything in it, so then it is written every time. The 404 page is written every time: it
    shows the navigation, whose entries take an icon or a title from their pages."""
    stamp = tuple((p.url, p.canonical_url, p.abs_url, p.update_date) for f in files if (p := f.page) is not None)
    state._pending_sitemap = stamp
    if stamp != state.sitemap_from:  # (reset() forgets it: a changed key or navigation, a failed build)
        return
    custom = config.theme.custom_dir
    if (SITEMAP in config.theme.static_templates and os.path.isfile(os.path.join(config.site_dir, SITEMAP))
            and not (custom and os.path.exists(os.path.join(custom, SITEMAP)))
            and not any(config.plugins.events.get(event) for event in TEMPLATE_EVENTS)):
        config.theme.static_templates.discard(SITEMAP)


def merge_search_index(state: LiveState, config: MkDocsConfig) -> None:
    """Before Material's search writes its index: keep the previous entries of pages not rendered again."""
    search = search_plugin(config)
    prev = getattr(getattr(search, "search_index_prev", None), "entries", None)
    if prev is None:
        prev = state.entries  # the plugin wrote the last index (or, first, the site the last serve left had it)
    state.entries = None
    if prev is None or not hasattr(search, "search_index"):
        return
    keep = set(state.urls.values()) - state.rebuilt
    kept = [e for e in prev if str(e.get("location", "")).split("#", 1)[0] in keep]
    search.search_index.entries = kept + search.search_index.entries
    search.search_index_prev = None  # merged here; the merged index is kept for the next build (by Material, or
    # by the plugin when it writes the index itself)


def commit(state: LiveState) -> None:
    """The build's pages are written: its fingerprints are the served pages' (the search index is written next, and
    the build is over once it is: ``state.in_build`` is cleared then)."""
    state.fingerprints, state.pending = state.pending, None
    state.statics, state.dests, state.nav, state.built_key = state._pending_files
    state.sitemap_from = state._pending_sitemap
