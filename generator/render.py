"""Page specs to Markdown with Jinja2 templates; user text is always escaped as text.

Generated pages are plain Markdown (so ``insight export`` and other engines can use them). The templates escape
every user value with the ``t`` and ``md`` filters (:mod:`generator.escape`) and link with ``link``
(:func:`generator.urls.make_link`); the repeated pieces are plain functions in :mod:`generator.fragments`.
A part of a page with many links may be written as HTML instead, between ``{% filter html %}`` and
``{% endfilter %}``: there every user value goes through ``h`` (HTML-escaped) and links are ``a(target, label)`` as
``link`` takes them (final URLs, :func:`generator.htmlblocks.links_from`), and Python-Markdown never reads it (see
:func:`generator.htmlblocks.html_block`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Callable

from html import escape

import jinja2

from .escape import collapse_blank_runs, indent, md, t
from .fragments import GLOBALS
from .htmlblocks import html_block, links_from
from .urls import make_link, relink
from .wording import counted, number

@dataclass
class PageSpec:
    """What one generated page shows: its place in the docs dir, its template and its data."""

    src_uri: str
    template: str
    context: dict[str, Any] | Callable[[], dict[str, Any]] = field(default_factory=dict)  # or made when rendered
    title: str = ""
    # The inputs the page shows, for live reload: keys of generator.incremental.inputs ("person:<slug>",
    # "conversations", "bank" ...). None: not declared, so the page is rendered on every save.
    reads: tuple[str, ...] | None = None


OPTIONS: dict[str, Any] = {"autoescape": False, "trim_blocks": True, "lstrip_blocks": True, "keep_trailing_newline": True}


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    """The page templates (``generator/templates/``), with the escaping filters and the fragment functions."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator", "templates"),
        undefined=jinja2.StrictUndefined,  # a misspelt field is an error in the tests, not an empty cell
        auto_reload=False,  # package files do not change while a build runs
        **OPTIONS,
    )
    env.filters["t"] = t
    env.filters["indent_md"] = indent
    env.filters["md"] = md
    env.filters["relink"] = relink
    env.filters["counted"] = counted
    env.filters["number"] = number
    env.filters["h"] = lambda value: escape("" if value is None else str(value), quote=False)
    # an HTML part of a page, its blank lines (which would end raw HTML for CommonMark engines) taken out
    env.filters["html"] = lambda text: html_block("\n".join(line for line in text.splitlines() if line.strip())) + "\n"

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
    settings = (common or {}).get("settings")
    html_link = links_from(spec.src_uri, getattr(settings, "use_directory_urls", True))

    def a(target: Any, label: Any = None) -> str:
        """``link()``'s HTML twin: an entity or interview (its name) or a URI, with an optional label."""
        if isinstance(target, str):
            return html_link(target, target if label is None else str(label))
        text = label if label is not None else getattr(target, "name", None) or getattr(target, "title", target.src_uri)
        return html_link(target.src_uri, str(text))

    text = template.render(**(common or {}), **context, page_uri=spec.src_uri, title=spec.title,
                           link=make_link(spec.src_uri), a=a)
    return collapse_blank_runs(text).strip() + "\n"
