"""``python -m tools.bench.without SWITCH[,SWITCH...] MODULE [ARGS...]``: run MODULE (``generator``,
``tools.bench.core``) with optimisations turned off, for the with/without rows of ``make bench``.

Each switch undoes one optimisation the generator keeps, from outside the package, so the package carries no
switch of its own: ``lru:<module>.<function>`` calls the function behind one ``functools.lru_cache``;
``parse-cache`` parses every note on every build; ``site-cache`` renders every generated page on every save under serve;
``resolve-memo`` resolves every name again on a save under serve that changed only prose; ``changed-pages`` has MkDocs convert
every page on every save; ``search-blocks`` has search read each page whole, the blocks it discards included;
``lift-html`` sends the pre-rendered HTML blocks through Python-Markdown; ``lift-headings`` sends the generated
headings above them through Python-Markdown (the blocks are still lifted); ``hold-pages`` has ``insight build`` render
every generated page before MkDocs starts and hold each page's HTML uncompressed (as UTF-8) until it is written;
``generated-first`` leaves MkDocs to read the pages in its own order, so the knowledge base is held whole until the
last generated page is read, after the notes' pages; ``hold-parts`` has ``insight build`` hold the notes' header
cards and footers, and the generated parts of the user's own pages, uncompressed (as UTF-8) until their pages are
read, and the files that are not pages (the questions' JSON, the map's, the calendar) to the end of the build;
``whole-index`` leaves Material's search to write its index as one string and a UTF-8 copy of it, instead of one
entry at a time; ``poll-while-building`` has ``insight serve`` look for saves while it builds, as MkDocs does;
``idle-collect`` leaves garbage to Python's collector under serve, even in the middle of a build (and so
turns ``full-collections`` off too);
``full-collections`` leaves Python's full collections on during serve's builds;
``same-objects`` has live reload compare every conversation's fingerprint field by field, in every key that holds
it; ``calendar-times`` makes the calendar again on any change to a conversation, not only to its time of day;
``served-site`` starts every ``insight serve`` afresh, not from the site the last one left; ``index-json`` leaves
Material's search to encode and write the whole index on every save under serve (the plugin writes it, each
kept entry's JSON reused); ``sitemap`` has MkDocs write the sitemap on every save under serve, not only when
what it lists changed.
``none`` turns nothing off (the same process shape, for the row's "with")."""

from __future__ import annotations

import importlib
import runpy
import sys
from typing import Any

import generator.cli  # noqa: F401 - every module the commands use, imported before anything is replaced
import generator.plugin  # noqa: F401
import generator.site  # noqa: F401


def _replace(old: Any, new: Any) -> int:
    """Put ``new`` wherever a generator module holds ``old`` (modules import helpers by name)."""
    n = 0
    for name, module in list(sys.modules.items()):
        if name == "generator" or name.startswith("generator."):
            for attr, value in list(vars(module).items()):
                if value is old:
                    setattr(module, attr, new)
                    n += 1
    return n


def switch_off(name: str) -> None:
    if name == "none":
        return
    if name.startswith("lru:"):
        module, _, func = name[4:].rpartition(".")
        cached = getattr(importlib.import_module(module), func)
        if _replace(cached, cached.__wrapped__) == 0:
            raise SystemExit(f"{name}: not found")
    elif name == "sitemap":
        from generator import livereload

        livereload.skip_unchanged_sitemap = lambda state, config, files: None
    elif name == "index-json":
        from generator import plugin

        plugin.can_write_live = lambda search: False  # Material encodes and writes the whole index on every save
    elif name == "served-site":
        from generator import servedsite

        servedsite.take = lambda project_dir, key: None
    elif name == "parse-cache":
        import os

        os.environ["INSIGHT_CACHE"] = "0"
    elif name == "site-cache":
        from generator import incremental, site

        incremental.SiteCache.generate = lambda self, kb, settings, user_pages=frozenset(): site.generate(kb, settings, user_pages)
    elif name == "resolve-memo":
        from generator import incremental

        incremental.SiteCache.resolve = lambda self, notes, settings, diagnostics: incremental.resolve(notes, settings, diagnostics)
    elif name == "changed-pages":
        from generator import livereload

        livereload.changed_pages = lambda previous, current, user_texts=None: set(current)
    elif name == "search-blocks":
        from generator import plugin

        configure = plugin.InsightPlugin.on_config

        def on_config(self: Any, config: Any) -> Any:
            config = configure(self, config)
            self.searched = None  # search reads every page whole, its unsearched blocks included
            return config

        plugin.InsightPlugin.on_config = on_config  # type: ignore[method-assign]
    elif name == "lift-html":
        from generator import plugin

        if not hasattr(plugin, "lift_parts"):
            raise SystemExit("lift-html: the plugin no longer lifts HTML out of pages")
        plugin.lift_parts = lambda parts, **kw: ("".join(text for text, _ in parts), [], "", [])
    elif name == "lift-headings":
        from generator import plugin

        lift = plugin.lift_parts
        plugin.lift_parts = lambda parts, **kw: lift(parts, **{**kw, "headings": False})
    elif name == "hold-pages":
        from generator import plugin, site

        generate = site.generate
        plugin.core.generate = lambda *args, later=False, **kw: generate(*args, **kw)  # every page rendered up front
        plugin.pack, plugin.unpack = _as_utf8()
    elif name == "hold-parts":
        from generator import plugin, site

        site.pack, site.unpack = _as_utf8()
        plugin._let_go = lambda copied: None
    elif name == "whole-index":
        from generator import plugin

        plugin.can_write = lambda search: False  # Material writes the search index as one string
    elif name == "poll-while-building":
        import functools

        from mkdocs.livereload import LiveReloadServer

        from generator import polling

        polling.live_server = functools.partial(LiveReloadServer, polling_interval=polling.POLLING_INTERVAL)
    elif name == "full-collections":
        from generator import livereload

        livereload.LiveState.building = livereload.LiveState.cancel_collection  # type: ignore[method-assign]
    elif name == "same-objects":
        from generator import incremental

        incremental._same = lambda now, then: now  # every fingerprint compared field by field
    elif name == "calendar-times":
        from generator import site

        site.CALENDAR_READS = ("items", "conversations")  # the calendar made again on any change to a conversation
    elif name == "idle-collect":
        from generator import livereload

        livereload.LiveState.collect_when_idle = lambda self: None  # type: ignore[method-assign]
        # and Python's full collections left on during builds: off, only serve's collection would ever free garbage
        livereload.LiveState.building = livereload.LiveState.cancel_collection  # type: ignore[method-assign]
    elif name == "generated-first":
        from generator import plugin

        plugin._to_end = lambda files, moving: None  # MkDocs reads the notes' pages first, the knowledge base whole
    else:
        raise SystemExit(f"unknown switch {name!r}")


def _as_utf8() -> tuple[Any, Any]:
    """``pack`` and ``unpack`` that hold the text as UTF-8, uncompressed: the same bytes a page ends up with."""
    return (lambda text: text.encode("utf-8", "surrogatepass")), (lambda data: data.decode("utf-8", "surrogatepass"))


def caches() -> list[str]:
    """Every ``lru_cache`` in the package that caches results of work (not the one-off loaders of a single value)."""
    found = []
    for name, module in sorted(sys.modules.items()):
        if name.startswith("generator."):
            for attr, value in vars(module).items():
                info = getattr(value, "cache_info", None)
                if info is not None and getattr(value, "__module__", None) == name and (info().maxsize or 0) >= 64:
                    found.append(f"lru:{name}.{attr}")
    return sorted(set(found))


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--caches":
        print("\n".join(caches()))
        raise SystemExit(0)
    switches, module, *args = sys.argv[1:]
    for s in switches.split(","):
        switch_off(s)
    sys.argv = [module, *args]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
