"""Page specs to Markdown with Jinja2 templates; user text is always escaped as text.

Generated pages are plain Markdown (so ``insight export`` and other engines can use them).
Names and other frontmatter values pass through ``t``: Markdown and HTML characters are
escaped, so ``<script>`` in a company name shows as text and never runs.
"""

from __future__ import annotations

import os
import posixpath
import re
from dataclasses import dataclass, field
from functools import lru_cache
from html import escape
from typing import Any, Callable

import jinja2

from .wording import counted, number

# Characters that start Markdown anywhere in a line. "-", "(" and ")" are only Markdown at the start of a line
# (a list item) or after "]" (which is escaped), so names and dates keep them bare: every backslash is work for
# Python-Markdown, and a page of a thousand dated rows had thousands of them.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#+!|])")
_LINE_START = re.compile(r"^(?:(-)|(\d+)([.)]))")  # "- x" would be a list item, "1. x" a numbered one


def t(value: Any) -> str:
    """Escape a value for inline Markdown: it shows as the text it is, whatever characters it has."""
    return _t(value) if isinstance(value, str) else _t("" if value is None else str(value))


@lru_cache(maxsize=1 << 16)
def _t(text: str) -> str:
    """The same names are escaped on many pages: remember them."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = " ".join(_MD_SPECIAL.sub(r"\\\1", text).split())
    return _LINE_START.sub(lambda m: "\\-" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", text)


_RAW_HTML = re.compile(r"<(?=[A-Za-z/!?])")
_SCRIPT_URL = re.compile(r"(java|vb)script:", re.I)


def md(value: Any) -> str:
    """User Markdown (an answer, an insight) kept as Markdown, but raw HTML and script URLs neutralised."""
    return _md(value) if isinstance(value, str) else _md("" if value is None else str(value))


@lru_cache(maxsize=1 << 16)
def _md(text: str) -> str:
    """An answer shows on its note, its person's, company's, industry's and question pages: remember it."""
    text = _RAW_HTML.sub("&lt;", text)
    return _SCRIPT_URL.sub(lambda m: m.group(1) + "script&#58;", text)


def href(from_uri: str, to_uri: str) -> str:
    """A relative link between two docs-dir files, as MkDocs resolves it."""
    return _rel(from_uri.rpartition("/")[0], to_uri)


@lru_cache(maxsize=1 << 17)
def _rel(base: str, to_uri: str) -> str:
    """``posixpath.relpath(to_uri, base)`` for clean docs-dir paths, without its os.getcwd() per call."""
    src = base.split("/") if base else []
    dst = to_uri.split("/")
    if any(p in ("", ".", "..") for p in src + dst):
        return posixpath.relpath(to_uri, base or ".")
    common = 0
    while common < len(src) and common < len(dst) and src[common] == dst[common]:
        common += 1
    return "/".join([".."] * (len(src) - common) + dst[common:]) or "."


def page_url(uri: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page of a docs-dir Markdown file, relative to the site root
    (``index.md`` and ``README.md`` stand for their folder)."""
    stem = uri[:-3] if uri.endswith(".md") else uri
    folder, _, name = stem.rpartition("/")
    if name in ("index", "README"):
        return f"{folder}/index.html".lstrip("/") if not directory_urls else (f"{folder}/" if folder else "")
    return stem + ".html" if not directory_urls else stem + "/"


def url_href(from_uri: str, to_uri: str, directory_urls: bool = True) -> str:
    """A relative URL between the pages of two docs-dir files, as MkDocs writes it (for links in raw HTML,
    which MkDocs passes through untouched)."""
    here, there = page_url(from_uri, directory_urls), page_url(to_uri, directory_urls)
    rel = _rel(here.rpartition("/")[0], there.rstrip("/")) if there.rstrip("/") else _up(here)
    return rel + "/" if there.endswith("/") and not rel.endswith("/") else rel


@lru_cache(maxsize=1 << 16)
def html_link(from_uri: str, to_uri: str, text: str, directory_urls: bool = True) -> str:
    """``<a href="relative URL">text</a>`` from one page to another, escaped, for pre-rendered HTML: a question
    page links the same people, companies and notes from dozens of cards."""
    return f'<a href="{escape(url_href(from_uri, to_uri, directory_urls))}">{escape(text, quote=False)}</a>'


_INLINE_TARGET = re.compile(r"(\]\([ \t]*<?)([^\s()<>]+)")  # [text](target) and ![alt](target)
_REF_TARGET = re.compile(r"^([ ]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*<?)([^\s<>]+)", re.M)  # [id]: target, not a [^footnote]:
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def relink(text: str, from_uri: str, to_uri: str, directory_urls: bool | None = None) -> str:
    """User Markdown written in one file (a note) and shown on another page, with its relative links and images
    pointing where they pointed from the note: ``chart.png`` beside a note is ``../interviews/chart.png`` on a
    company page. Without ``directory_urls`` they become docs-dir paths, which MkDocs resolves and checks; with
    it (raw HTML, which MkDocs leaves alone) the URLs MkDocs would write. Web addresses, anchors and links
    that leave the docs dir stay as written."""
    if "](" not in text and "]:" not in text:
        return text
    from_dir = from_uri.rpartition("/")[0]
    if directory_urls is None and from_dir == to_uri.rpartition("/")[0]:
        return text
    return _relink(text, from_dir, to_uri, directory_urls)


@lru_cache(maxsize=1 << 12)
def _relink(text: str, from_dir: str, to_uri: str, directory_urls: bool | None) -> str:
    def target(m: re.Match[str]) -> str:
        written = m.group(2)
        if written.startswith(("#", "/")) or _SCHEME.match(written):
            return m.group(0)
        path, hashmark, fragment = written.partition("#")
        docs = posixpath.normpath(posixpath.join(from_dir, path))
        if docs == ".." or docs.startswith("../"):
            return m.group(0)
        if directory_urls is None:
            new = href(to_uri, docs)
        elif docs.endswith(".md"):
            new = url_href(to_uri, docs, directory_urls)
        else:
            new = _rel(page_url(to_uri, directory_urls).rpartition("/")[0], docs)
        return m.group(1) + new + hashmark + fragment

    return _REF_TARGET.sub(target, _INLINE_TARGET.sub(target, text))


def _up(here: str) -> str:
    depth = here.count("/")
    return "../" * depth if depth else "./"


HTML_OPEN, HTML_CLOSE = "<!-- insight:html -->", "<!-- /insight:html -->"


def html_block(html: str) -> str:
    """Pre-rendered HTML in a generated page, marked so the MkDocs plugin can keep it away from Python-Markdown
    (see :func:`lift_html`). The page stays valid Markdown with or without the plugin (raw HTML is Markdown)."""
    return f"{HTML_OPEN}\n{html}\n{HTML_CLOSE}"


def lift_html(markdown: str) -> tuple[str, list[str]]:
    """Cut the marked HTML blocks out of a page, leaving a placeholder each: Python-Markdown's HTML block parser
    took a third of a second for the 1,000-row conversations table, on every save under ``insight serve``."""
    if HTML_OPEN not in markdown:
        return markdown, []
    blocks: list[str] = []
    out: list[str] = []
    rest = markdown
    while HTML_OPEN in rest:
        before, _, after = rest.partition(HTML_OPEN)
        block, found, rest = after.partition(HTML_CLOSE)
        if not found:  # unclosed: leave the text as it is
            return markdown, []
        out.append(f'{before}<div data-insight-html="{len(blocks)}"></div>')
        blocks.append(block.strip("\n"))
    out.append(rest)
    return "".join(out), blocks


def drop_html(html: str, blocks: list[str]) -> str:
    """Put the lifted blocks back into the page's HTML."""
    for i, block in enumerate(blocks):
        html = html.replace(f'<div data-insight-html="{i}"></div>', block, 1)
    return html


MD_OPEN, MD_CLOSE = "<!-- insight:md -->", "<!-- /insight:md -->"


def markdown_in_html(text: str) -> str:
    """User Markdown inside a pre-rendered HTML block, converted when the block goes back into its page
    (:func:`fill_markdown`). The text must have been through :func:`md`, so it holds no ``<!--``."""
    return f"{MD_OPEN}{text}{MD_CLOSE}"


def fill_markdown(html: str, convert: Callable[[str], str]) -> str:
    """An HTML block with every :func:`markdown_in_html` part converted by ``convert``."""
    if MD_OPEN not in html:
        return html
    first, *parts = html.split(MD_OPEN)
    out = [first]
    for part in parts:
        text, found, rest = part.partition(MD_CLOSE)
        out.append(convert(text) + rest if found else MD_OPEN + part)
    return "".join(out)


class MarkdownSnippets:
    """Converts the user Markdown inside pre-rendered HTML (an answer on a card) with the site's extensions,
    each distinct text once. An answer shows on several pages, and under ``insight serve`` the conversions
    are kept from build to build (a dirty build renders only some pages, so any page may come next): a
    changed role re-renders a question page of 200 answers without converting them."""

    LIMIT = 100_000  # texts kept under serve; beyond this (many edits), start afresh

    def __init__(self, extensions: list[Any] | None = None, configs: dict[str, Any] | None = None,
                 last: MarkdownSnippets | None = None) -> None:
        import markdown  # Python-Markdown, as MkDocs uses it; only what converts pages needs it

        self.extensions = list(extensions if extensions is not None else ["extra"])
        self.configs = dict(configs or {})
        self._md = markdown.Markdown(extensions=self.extensions, extension_configs=self.configs)
        same = last is not None and (last.extensions, last.configs) == (self.extensions, self.configs)
        self._done: dict[str, str] = last._done if same and last is not None and len(last._done) < self.LIMIT else {}

    def __call__(self, text: str) -> str:
        html = self._done.get(text)
        if html is None:
            html = self._done[text] = self._md.reset().convert(text)
        return html


def indent(text: str, width: int = 4) -> str:
    """Indent a Markdown block (for admonitions and list items); blank lines stay blank."""
    pad = " " * width
    return "\n".join(pad + line if line.strip() else "" for line in str(text).split("\n"))


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
    from .fragments import GLOBALS  # fragments build on this module's escaping

    env.globals.update(GLOBALS)
    return env


def make_link(page_uri: str) -> Callable[..., str]:
    """``link(target, label)``: ``[label](relative.md)`` from ``page_uri`` to an entity, interview or URI."""
    base = page_uri.rpartition("/")[0]

    def link(target: Any, label: Any = None) -> str:
        if target.__class__ is str or isinstance(target, str):  # the first test is the quick one
            uri = target
            text = uri if label is None else label
        else:
            uri = target.src_uri
            text = label if label is not None else getattr(target, "name", None) or getattr(target, "title", uri)
        return _link(base, uri, text if isinstance(text, str) else "" if text is None else str(text))

    return link


@lru_cache(maxsize=1 << 17)
def _link(base: str, uri: str, text: str) -> str:
    """Pages in one folder link the same people and notes over and over (a build makes ~150,000 links)."""
    return f"[{_t(text)}]({_rel(base, uri)})"


def render(spec: PageSpec, common: dict[str, Any] | None = None) -> str:
    """One page's Markdown; ``common`` holds what every page may use (the knowledge base, settings)."""
    template = environment().get_template(spec.template)
    context = spec.context() if callable(spec.context) else spec.context
    text = template.render(**(common or {}), **context, page_uri=spec.src_uri, title=spec.title,
                           link=make_link(spec.src_uri))
    return collapse_blank_runs(text).strip() + "\n"


_BLANK_RUN = re.compile(r"\n\n\n+")


def collapse_blank_runs(text: str) -> str:
    """Every run of three or more newlines as two, in one pass (a page with long runs took several
    ``str.replace`` passes); most pages have none, and ``in`` finds that fastest."""
    return _BLANK_RUN.sub("\n\n", text) if "\n\n\n" in text else text
