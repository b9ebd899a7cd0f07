"""The MkDocs plugin ``insight``: a thin adapter over :mod:`generator.site`.

on_files adds the generated pages as in-memory files and drops broken notes; on_page_markdown
puts the header card and related conversations around each note and the generated text under
a user's own entity page. Problems are logged once, here; MkDocs' ``--strict`` turns them into
a failed build.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from html import escape
import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from . import confine, livereload, sanitize, servedsite
from . import site as core
from .site import pack, unpack
from .diagnostics import Diagnostic
from .incremental import SiteCache
from .lifecycle import Rules
from .load import kind_of
from .nav import navigation
from .parsecache import ParseCache, enabled as cache_enabled
from .htmlblocks import (ASIDE, UNSEARCHED, Headings, MarkdownSnippets, drop_html, fill_markdown, lift_parts, page_ids,
                         place_headings, put_back, restore_headings, set_aside, strip_placeholders)
from .publish import Attachments, unlinked
from .resolve import resolve
from .search import can_write, can_write_live, fold_index, write_index
from .settings import Settings, pin_build_epoch, today as settings_today, zone
from .wording import counted, number

log = logging.getLogger("mkdocs.plugins.insight")

# The site's own stylesheets and scripts (and the vendored libraries they use, with their licences) live in the
# checkout's overrides/assets/, beside the package that the Makefile installs in editable mode. The plugin
# publishes them with every site, so a project made by `insight init` needs no copy and holds only what is the user's.
ASSETS = Path(__file__).resolve().parent.parent / "overrides" / "assets"
CSS = ("assets/insight/insight.css", "assets/insight/network.css")
JAVASCRIPT = ("assets/vendor/tablesort/tablesort.min.js", "assets/vendor/tablesort/tablesort.number.min.js",
              "assets/insight/tables.js", "assets/insight/network.js", "assets/insight/a11y.js",
              "assets/insight/search.js")


class FollowupRules(c.Type):
    """``followups:``: a mapping whose keys and values are checked by the lifecycle rules themselves."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object) -> dict:
        value = super().run_validation(value)
        try:
            Rules.from_options(value)
        except ValueError as err:
            raise c.ValidationError(str(err).removeprefix("followups: ")) from None
        return value


class TimeZone(c.Type):
    """``timezone:``: an IANA name such as Europe/London, for the times of conversations in the calendar file."""

    def __init__(self) -> None:
        super().__init__(str, default="")

    def run_validation(self, value: object) -> str:
        value = super().run_validation(value)
        try:
            zone(value)
        except ValueError as err:
            raise c.ValidationError(str(err)) from None
        return value


class InsightConfig(base.Config):
    """Options under ``plugins: - insight:`` in mkdocs.yml."""

    # YYYY-MM-DD, quoted or not (YAML reads it unquoted as a date); default: the real date (or INSIGHT_TODAY)
    today = c.Optional(c.Type((str, dt.date)))
    me = c.Type(dict, default={})  # name, pitch, goals
    targets = c.Type(list, default=[])  # companies you want a way into
    followups = FollowupRules()  # rules for follow-ups (see the guide)
    timezone = TimeZone()  # where your conversations' times are, e.g. Europe/London (the calendar's timed events)
    repo_path = c.Type(str, default="content")  # where content/ is in the repository, for edit links
    cache = c.Type(bool, default=True)  # keep parsed notes in .cache/insight/ for the next build (generator.parsecache)


class InsightPlugin(BasePlugin[InsightConfig]):
    supports_multiple_instances = False

    def __init__(self) -> None:
        self.site: core.Site | None = None
        self.diagnostics: list[Diagnostic] | None = None  # the last build's problems in the notes, for the CLI's summary
        self.settings: Settings | None = None
        self.live: livereload.LiveState | None = None  # under `serve --dirty`: rebuild only what changed
        self.parsed: ParseCache | None = None  # under serve, kept from build to build (its table stays in memory)
        self.sites = SiteCache()
        # pre-rendered HTML lifted out of a page while MkDocs converts it, with the headings lifted above the blocks
        self.html: dict[str, tuple[list[str], str, list[Headings | None]]] = {}
        self.lifted: dict[str, str] = {}  # a page's Markdown as lifted with headings, until every plugin has seen it
        self.snippets: MarkdownSnippets | None = None  # converts the answers inside that HTML
        # With a search plugin: where each page's unsearched blocks are, to set them aside while search reads the
        # page (on_page_context; put back before the page is written): noted with the page's HTML, kept as the
        # page's length once every plugin's on_page_content has left that HTML as it was
        self.searched: dict[str, tuple[str, list[tuple[int, int]]]] | None = None
        self.aside_at: dict[str, tuple[int, list[tuple[int, int]]]] = {}
        self.aside: list[str] | None = None
        self.order: list[File] = []  # one build: the order of the files before the generated pages were put first
        self.copied: list[File] = []  # one build: the files made from the knowledge base that are not pages
        # One build: MkDocs converts every page before it writes the first, so each page's HTML waits here,
        # compressed (a fifth of its size), from its conversion to its writing.
        self.held: dict[str, bytes] = {}
        self.search_off: Any = None  # one build: Material's search, told not to write the index written here

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.live = livereload.LiveState() if command == "serve" and dirty else None

    def _today(self) -> dt.date | None:
        try:
            return settings_today(option=self.config.today)
        except ValueError as err:
            raise PluginError(f"insight: {err}") from None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.live:
            self.live.building()  # no collection in the middle of the build (see LiveState.building)
        if any(c in config.site_name for c in "<>\""):  # Material writes it into <title> and the header unescaped
            config.site_name = escape(config.site_name)
        today = self._today()
        options = {**dict(self.config), "project_dir": os.path.dirname(config.config_file_path or ""),
                   "use_directory_urls": config.use_directory_urls, "site_url": config.site_url or ""}
        self.settings = Settings.from_options(options, today=today)
        # the answers on cards are Markdown inside pre-rendered HTML: converted with the site's extensions;
        # under serve the conversions are kept from build to build
        self.snippets = MarkdownSnippets(config.markdown_extensions, config.mdx_configs,
                                         last=self.snippets if self.live else None)
        self.searched = {} if livereload.search_plugin(config) is not None else None
        _add_first(config.extra_css, CSS)
        _add_first(config.extra_javascript, JAVASCRIPT)
        if today is not None:
            pin_build_epoch(today, replace=False)
        if self.live:
            self._start_from_last_serve(config)
        return config

    def _start_from_last_serve(self, config: MkDocsConfig) -> None:
        """Serve: what this build's pages depend on besides their fingerprints; before the first build, the site
        the last serve left, when it was made the same way (generator.servedsite)."""
        live = self.live
        assert live is not None and self.settings is not None
        project = self.settings.project_dir
        live.site_dir = config.site_dir
        live.keeps = bool(project) and cache_enabled(self.config.cache)
        if live.keeps:
            try:
                servedsite.folder(project).parent.mkdir(parents=True, exist_ok=True)  # part of the key: made first
            except OSError:  # a folder that cannot be written (or a file where it would go): nothing kept
                live.keeps = False
        live.key = servedsite.environment(config, project, self.settings.today)  # compared in mark_unchanged
        if live.keeps and not live.started:
            kept = servedsite.take(project, live.key)
            if kept is not None:
                sites = kept.memory.get("sites")
                if (isinstance(sites, SiteCache) and live.can_resume(kept.memory)
                        and servedsite.seed(kept, config.site_dir)):
                    live.resume(kept.memory, kept.entries)
                    self.sites = sites
                kept.discard()
        live.started = True

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        assert self.settings is not None
        user_pages = {f.src_uri for f in files if f.is_documentation_page()}
        prefix = self.config.repo_path.rstrip("/")
        # one build renders each generated page when MkDocs reads it (on_page_read_source); serve keeps them all,
        # and the last knowledge base and site for the next save
        make_site, resolve_notes = ((self.sites.generate, self.sites.resolve) if self.live
                                    else (partial(core.generate, later=True), resolve))
        cache = ParseCache.of_project(self.settings.project_dir, self.config.cache)
        if self.live:
            if self.parsed is not None and cache is not None:
                cache = self.parsed
                cache.write_later = True  # written when serve stops (on_shutdown), not after every save
            self.parsed = cache
        self.site = site = core.build(config.docs_dir, self.settings, user_pages, report_prefix=prefix,
                                      make_site=make_site, cache=cache, resolve_notes=resolve_notes)
        log.debug("insight: %d pages and %d notes generated (%s)", len(site.pages), len(site.headers) + len(site.packed),
                  ", ".join(f"{k} {v:.2f}" for k, v in site.timings.items()))
        self.diagnostics = site.diagnostics
        for d in site.diagnostics:
            {"error": log.error, "warning": log.warning}.get(d.severity, log.info)(d.format())
        docs_real = os.path.realpath(config.docs_dir)
        src_dirs = {d: os.path.realpath(d) == docs_real for d in {f.src_dir for f in files if f.src_dir}}
        # the notes' files, not the theme's, reached through a link out of content/ (named by `insight check`):
        # never published
        notes_files = {f.abs_src_path: f for f in files if f.src_dir and src_dirs[f.src_dir] and f.abs_src_path}
        for path in sorted(confine.outside_all(notes_files, docs_real)):
            files.remove(notes_files[path])
        for f in [f for f in files if f.src_uri.startswith("emails/") and f.src_uri.endswith(".txt.j2")]:
            files.remove(f)  # the user's email templates (overrides/emails/) are input, not pages to publish
        for uri in sorted(site.left_out):
            f = files.get_file_from_path(uri)
            if f is not None:
                files.remove(f)
            if uri in site.broken:  # its page says what is wrong, instead of vanishing (or staying stale under serve)
                files.append(File.generated(config, uri, content=site.broken[uri]))
        _publish_only_what_pages_link(files, config)
        site.files = Attachments(f.src_uri for f in files if not f.generated_by)
        for uri, markdown in site.pages.items():
            if uri not in user_pages:  # (a page in site.later has its Markdown made when MkDocs reads it)
                files.append(File.generated(config, uri, content=markdown))
        for path, data in site.assets.items():
            files.append(asset := File.generated(config, path, content=data))
            if not self.live:
                self.copied.append(asset)
        for path in _asset_files():
            if files.get_file_from_path(path) is None:  # a file of the user's at the same place wins
                files.append(File(path, str(ASSETS.parent), config.site_dir, config.use_directory_urls))
        if not config.nav:  # no nav of the user's: one made from the pages there are
            config.nav = navigation(f.src_uri for f in files if f.is_documentation_page())
        if self.live:
            livereload.mark_unchanged(self.live, files, config, site)
            if self.live.resumed:
                self.live.resumed = False
                log.info("insight: starting from the site the last serve left: %s of %s changed since",
                         number(len(self.live.rebuilt)), counted(len(self.live.urls), "page"))
        else:
            # one build: the generated pages' Markdown is MkDocs' files' now (a page of the user's still needs its part)
            site.pages = {uri: text for uri, text in site.pages.items() if uri in user_pages}
            core.release_caches()  # the derive stage's memos are dead weight once it is done
            # MkDocs reads the pages in the order of `files`: those made from the knowledge base go first, so that
            # most of it can go before the notes' pages are converted (on_page_read_source); on_env puts them back
            self.order = list(files)
            _to_end(files, [f for f in files if f.src_uri not in site.later])
        return files

    def on_page_read_source(self, /, *, page: Page, config: MkDocsConfig) -> str | None:
        site = self.site
        make = site.later.pop(page.file.src_uri, None) if site is not None else None
        if make is None:
            return None
        markdown = make()
        if not site.later:  # one build's last page made from the knowledge base: the notes' pages need little of it
            site.keep_for_notes()
            core.release_caches()
        return markdown

    def on_env(self, env: Any, /, *, config: MkDocsConfig, files: Files) -> Any:
        if self.live:
            env.bytecode_cache = self.live.templates
            livereload.read_nav_pages(config, files)
            livereload.skip_unchanged_sitemap(self.live, config, files)
        elif self.site is not None:
            # One build: every page is converted, so what they were made from (the knowledge base, the derived
            # facts, the memos, the answers converted for the cards) is dead weight while MkDocs writes them.
            # Under serve the next save builds on it.
            self.site = self.snippets = None
            core.release_caches()
        # MkDocs writes the pages, and the sitemap and search index list them, in the order of `files`: back to
        # the order they had before on_files had the generated ones read first, so the site is the same byte for byte
        if self.order:
            rank = {id(f): i for i, f in enumerate(self.order)}
            _to_end(files, sorted(files, key=lambda f: rank.get(id(f), len(rank))))  # a file added since: last
            self.order = []
        return env

    @event_priority(50)  # before Material's search writes its index
    def _on_post_build_first(self, *, config: MkDocsConfig) -> None:
        search = livereload.search_plugin(config)
        fold_index(search)
        if self.live:
            livereload.merge_search_index(self.live, config)
            livereload.commit(self.live)
            if can_write_live(search):
                # the index written here, each entry kept from the last build as the JSON written then (0.1 to
                # 0.2 s of a save at 5,000 notes, as one string); the plugin keeps the entries for the next build
                self.live.encoded = write_index(search, config.site_dir, self.live.encoded)
                self.live.entries = search.search_index.entries
                search.config.enabled = False
                self.search_off = search
        elif can_write(search):
            # one build: the index written here an entry at a time, so Material's search does not write it again
            # as one string; its `enabled` is back on once its turn is over (below), or if the build fails
            write_index(search, config.site_dir)
            search.config.enabled = False
            self.search_off = search

    @event_priority(-1)  # right after Material's search (0) had its turn
    def _on_post_build_last(self, *, config: MkDocsConfig) -> None:
        self._search_on()
        if self.live:
            self.live.in_build = False  # every file written, the search index too: the site is whole (keepable)
            self.live.collect_when_idle()

    def _search_on(self) -> None:
        if self.search_off is not None:
            self.search_off.config.enabled = True
            self.search_off = None

    on_post_build = CombinedEvent(_on_post_build_first, _on_post_build_last)

    def on_shutdown(self) -> None:
        if self.live:
            self.live.cancel_collection()
        self._search_on()
        if self.parsed is not None:
            self.parsed.flush()  # what serve parsed, for the next build (first: keeping the site takes longer)
        if self.live:
            live = self.live
            if live.keepable() and self.settings is not None:
                servedsite.keep(self.settings.project_dir, live.site_dir, live.key,
                                {**live.memory(), "sites": self.sites})

    def on_build_error(self, *, error: Exception) -> None:
        if self.live:
            self.live.reset()
            self.live.collect_when_idle()  # Python's collector back as it was, and what the build left freed
        self.aside = None  # a page's blocks set aside for search belong to the build that failed
        self.lifted.clear()
        if self.searched:
            self.searched.clear()
        self.aside_at.clear()
        self.held.clear()
        self._search_on()

    def _on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        site = self.site
        if site is None:
            return markdown
        if not page.file.generated_by:
            uri = page.file.src_uri
            if "template" in page.meta and kind_of(uri):
                # a note's page has the site's layout: a `template:` (redirect.html writes its `location:` into
                # a script) would let a field of an imported note decide what the page runs
                page.meta.pop("template")
            if uri.startswith("people/") and "title" in page.meta and uri[7:-3] in site.kb.people:
                page.meta["title"] = site.kb.people[uri[7:-3]].name  # their `title:` is a job title, not the page's
            parts = core.shown_parts(site, uri, markdown, page.meta.get("title"))
            if parts is None:  # a page of the user's the generator does not touch: nothing of ours in it
                return markdown
            if not self.live:  # one build: each page is read once, and its parts are in `parts` now
                for made in (site.headers, site.footers, site.packed, site.pages, site.packed_pages):
                    made.pop(uri, None)
        elif page.file.src_uri in site.broken:  # a note's page showing its problem and its text as written
            return markdown
        else:
            parts = [(markdown, True)]
        if not self.live and page.file.generated_by:
            page.file.content_string = ""  # one build: read once, and MkDocs would keep it to the end
        snippets = self.snippets
        assert snippets is not None  # made in on_config
        markdown, blocks, mark, heads = lift_parts(parts, headings=snippets.lifts_headings, toc_marker=snippets.toc_marker)
        if blocks:  # our HTML needs no converting
            self.html[page.file.src_uri] = (blocks, mark, heads)
            if any(heads):
                self.lifted[page.file.src_uri] = markdown
        return markdown

    @event_priority(-100)  # after every other plugin's (and hook's) on_page_markdown
    def _on_page_markdown_last(self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        uri = page.file.src_uri
        lifted = self.lifted.pop(uri, None)
        if lifted is not None and markdown is not lifted and markdown != lifted:
            # changed since: a heading added below the lifted ones would come first in the table of contents
            blocks, mark, heads = self.html[uri]
            markdown = restore_headings(markdown, mark, heads)
            self.html[uri] = (blocks, mark, [None] * len(heads))
        return markdown

    on_page_markdown = CombinedEvent(_on_page_markdown, _on_page_markdown_last)

    def _on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        blocks, mark, heads = self.html.pop(page.file.src_uri, None) or ([], "", [])
        # No note puts active HTML into a page, whatever Markdown and its extensions made of it. The page and each
        # pre-rendered block are cleaned apart: each block is whole HTML on its own, and so the unsearched ones
        # are known as cleaned without cleaning them twice.
        cleaned = sanitize.clean(html)
        what = sanitize.removed(html, cleaned)
        if blocks:
            snippets = self.snippets
            assert snippets is not None  # made in on_config
            texts: list[str] = []

            def convert(text: str) -> str:
                texts.append(text)
                return snippets(text)

            clean_blocks = [sanitize.clean(fill_markdown(block, convert)) for block in blocks]
            # the blocks are our HTML, every value escaped and every link ours (fragments.py); what a note wrote
            # is in them only as the Markdown converted here, so that is where anything removed came from
            what = what or next(filter(None, map(snippets.removed, texts)), None)
            # numbered after the ids on the page, as toc numbers a heading below them all
            titles = place_headings(heads, snippets.heading, page_ids(cleaned)) if any(heads) else []
            cleaned, placed = drop_html(cleaned, clean_blocks, mark, [t.html for t in titles] if titles else None)
            for title, at in zip(titles, placed):
                if at is not None:
                    for entry in title.entries:
                        _add_to_toc(page, entry)
                    if page.present_anchor_ids is not None:  # links to them from other pages are checked
                        page.present_anchor_ids.update(title.ids)
            if None in placed:
                log.warning("%s: %s of this page cannot be shown: HTML in the text above it is left open (a tag, "
                            "a quote in an attribute), so the page's own parts fall inside it; close it",
                            self._where(page), counted(placed.count(None), "generated part"))
                cleaned = strip_placeholders(cleaned, mark)
            aside = [w for block, w in zip(blocks, placed) if block.startswith(UNSEARCHED)]
            # a placeholder's word cannot be written by a note (see lift_parts); the aside marker can
            if self.searched is not None and aside and None not in placed and ASIDE not in cleaned:
                self.searched[page.file.src_uri] = (cleaned, aside)  # the page's own string: no copy is kept
        if what:
            log.warning("%s: active HTML removed from the page (%s): pages show notes, they never run them",
                        self._where(page), what)
        html = cleaned
        # Material writes page.meta.title / page.title into <title>, the header and the nav unescaped;
        # a name like "</title><script>" must stay text there too.
        # The title MkDocs reads from the rendered H1 is already escaped; one from frontmatter is not.
        for name in ("description", "author"):  # written into <meta content="..."> unescaped as well
            if page.meta.get(name) is not None:
                page.meta[name] = escape(str(page.meta[name]), quote=True)
        if "tags" in page.meta:  # Material's search shows a page's tags as HTML
            page.meta["tags"] = sanitize.escaped_tags(page.meta["tags"])
        if "title" in page.meta:
            page.meta["title"] = escape(str(page.meta["title"]), quote=False)
        elif page.title is not None:
            page.meta["title"] = page.title
        return html

    @event_priority(-100)  # after every other plugin's on_page_content
    def _on_page_content_last(self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        uri = page.file.src_uri
        found = self.searched.pop(uri, None) if self.searched else None
        if found is not None and found[0] is html:  # unless another plugin changed the page since
            self.aside_at[uri] = (len(html), found[1])
        if self.live:  # serve: the next build may reuse the page as it is
            return html
        self.held[uri] = pack(html)
        return ""

    on_page_content = CombinedEvent(_on_page_content, _on_page_content_last)

    def _where(self, page: Page) -> str:
        """A page as a warning names it: the user's file as they know it, or a generated page's path."""
        return page.file.src_uri if page.file.generated_by else f"{self.config.repo_path.rstrip('/')}/{page.file.src_uri}"

    @event_priority(100)  # before Material's search reads the page
    def _on_page_context_first(self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig,
                               nav: Any) -> dict[str, Any]:
        if page.file.generated_by and self.settings is not None:
            page.edit_url = None  # generated pages have no source file to edit
        held = self.held.pop(page.file.src_uri, None)
        if held is not None and page.content == "":
            page.content = unpack(held)
        found = self.aside_at.pop(page.file.src_uri, None)
        if found is not None and page.content is not None and len(page.content) == found[0]:
            # search reads the page without the blocks it would parse only to discard
            page.content, self.aside = set_aside(page.content, found[1])
        return context

    @event_priority(-100)  # after every other plugin, before the page is written
    def _on_page_context_last(self, context: dict[str, Any], /, *, page: Page, config: MkDocsConfig,
                              nav: Any) -> dict[str, Any]:
        if self.aside is not None:
            page.content, self.aside = put_back(page.content or "", self.aside), None
        return context

    on_page_context = CombinedEvent(_on_page_context_first, _on_page_context_last)

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        if not self.live:
            # One build: MkDocs copied the files made from the knowledge base that are not pages before it wrote the
            # first page, and would keep their bytes to the end (the questions' JSON is 12 MB at 5,000 conversations)
            _let_go(self.copied)
            self.copied = []
            # One build: a written page's HTML is read by nothing after this (search has indexed it, other pages'
            # templates read titles and URLs), but MkDocs keeps it to the end. Under serve the next build may reuse it.
            page.content = None
        return output



def _add_to_toc(page: Page, entry: dict[str, Any]) -> None:
    """A lifted heading's entry at the end of the page's table of contents, nested as Python-Markdown nests a
    heading that comes after all the others (under the last entry of a higher level)."""
    items = page.toc.items
    while items and items[-1].level < entry["level"]:
        items = items[-1].children
    items.append(AnchorLink(entry["name"], entry["id"], entry["level"]))


def _let_go(copied: list[File]) -> None:
    for f in copied:
        f.content_bytes = b""


def _to_end(files: Files, moving: list[File]) -> None:
    """Move ``moving`` to the end of ``files``, in their order (MkDocs reads and writes pages in that order)."""
    for f in moving:
        files.remove(f)
        files.append(f)


def _publish_only_what_pages_link(files: Files, config: MkDocsConfig) -> None:
    """Files of content/ that are not pages stay out of the site unless a page links to them or the config names
    them (see generator.publish); ``insight check`` lists them."""
    docs = os.path.abspath(config.docs_dir)
    others = [f for f in files if not f.is_documentation_page() and not f.generated_by
              and os.path.abspath(f.abs_src_path or "").startswith(docs + os.sep)]
    if not others:
        return
    pages = {}
    for f in files:
        if f.is_documentation_page() and not f.generated_by:
            try:
                pages[f.src_uri] = f.content_string
            except (OSError, UnicodeDecodeError):
                continue
    drop = set(unlinked([f.src_uri for f in others], pages, configured_files(config)))
    for f in others:
        if f.src_uri in drop:
            files.remove(f)


def configured_files(config: MkDocsConfig) -> list[str]:
    """Files of the docs dir that mkdocs.yml names: extra CSS and JavaScript, the theme's logo and favicon."""
    named = [str(x) for x in (*config.extra_css, *config.extra_javascript)]
    named += [str(config.theme.get(k)) for k in ("logo", "favicon") if config.theme.get(k)]
    return named


def _add_first(entries: list[Any], ours: tuple[str, ...]) -> None:
    """Our assets before the user's own (which may build on them), each once, in our order."""
    present = {str(e) for e in entries}
    entries[:0] = [path for path in ours if path not in present]


def _asset_files() -> list[str]:
    """The plugin's asset files as docs-dir paths (``assets/insight/network.js`` ...), in a stable order."""
    return sorted(p.relative_to(ASSETS.parent).as_posix() for p in ASSETS.rglob("*") if p.is_file())
