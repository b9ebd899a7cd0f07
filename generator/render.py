"""Page specs to Markdown with Jinja2 templates; user text is always escaped as text.

Generated pages are plain Markdown (so ``insight export`` and other engines can use them). The templates escape
every user value with the ``t`` and ``md`` filters (:mod:`generator.escape`) and link with ``link``
(:func:`generator.urls.make_link`); the repeated pieces are plain functions in :mod:`generator.fragments`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

import jinja2

from .escape import collapse_blank_runs, indent, md, t
from .fragments import GLOBALS
from .urls import make_link, relink
from .wording import counted, number

@dataclass
class PageSpec:
    """What one generated page shows: its place in the docs dir, its template and its data."""

    src_uri: str
    template: str
    context: dict[str, Any] | Callable[[], dict[str, Any]] = field(default_factory=dict)  # or made when rendered
    title: str = ""
    # What the page shows, for live reload (see generator.incremental): "person:<slug>", "company:<slug>",
    # "industry:<slug>", "bank" (the question groups). None: the page may show anything, render it every time.
    deps: tuple[str, ...] | None = None


OPTIONS: dict[str, Any] = {"autoescape": False, "trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True}


class TemplateCache(jinja2.FileSystemBytecodeCache):
    """Compiled page templates kept on disk between runs: compiling them took about 0.2 s of every one-shot build.

    Jinja reuses a cached template only when its source is unchanged and Python's version matches; the key
    here adds Jinja's version and the environment's options, which shape the compiled code too.
    """

    def __init__(self, directory: str, options: dict[str, Any]) -> None:
        super().__init__(directory, "%s.cache")
        self.salt = f"{jinja2.__version__}|{sorted(options.items())}"

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return super().get_cache_key(f"{self.salt}|{name}", filename)


def template_cache(options: dict[str, Any]) -> TemplateCache | None:
    """``$XDG_CACHE_HOME/insight-kb/templates`` (or ``~/.cache/...``); none when it cannot be written."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    where = os.path.join(base, "insight-kb", "templates")
    try:
        os.makedirs(where, exist_ok=True)
    except OSError:
        return None
    return TemplateCache(where, options) if os.access(where, os.W_OK) else None


class Environment(jinja2.Environment):
    """A Jinja environment whose globals are all set before its first template loads (ours and the email
    drafts'), so each template's globals can be one plain dict."""

    def make_globals(self, d: Any) -> Any:
        """A template's globals as one plain dict instead of Jinja's ChainMap over the environment's.

        Every page imports its macros, and on each import Jinja compares the page's global names with the
        macro template's; every render copies the globals into a new context. Over a ChainMap both took a
        few percent of a build.
        """
        return {**self.globals, **(d or {})}


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # package files: no stat() of the template on every page
        bytecode_cache=template_cache(OPTIONS),
        **OPTIONS,
    )
    env.filters["t"] = t
    env.filters["indent_md"] = indent
    env.filters["md"] = md
    env.filters["relink"] = relink
    env.filters["counted"] = counted
    env.filters["number"] = number

    @jinja2.pass_context
    def link(ctx: jinja2.runtime.Context, target: Any, label: Any = None) -> str:
        return make_link(ctx["page_uri"])(target, label)

    env.globals["link"] = link  # each render passes a faster one bound to its page; this is the fallback
    env.globals.update(GLOBALS)
    return env


def render(spec: PageSpec, common: dict[str, Any] | None = None) -> str:
    """One page's Markdown; ``common`` holds what every page may use (the knowledge base, settings)."""
    template = environment().get_template(spec.template)
    context = spec.context() if callable(spec.context) else spec.context
    text = template.render(**(common or {}), **context, page_uri=spec.src_uri, title=spec.title,
                           link=make_link(spec.src_uri))
    return collapse_blank_runs(text).strip() + "\n"
