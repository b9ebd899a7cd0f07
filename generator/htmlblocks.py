"""Pre-rendered HTML inside generated Markdown pages: marking it, lifting it out while MkDocs converts the page,
putting it back, and converting the user Markdown inside it.

The big tables and answer cards are HTML, not Markdown (Python-Markdown's HTML block parser takes a third of a
second for the 1,000-row conversations table). MkDocs passes raw HTML through untouched, so links in it are final
URLs (:mod:`generator.urls`).
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from typing import Any, Callable

from .urls import page_href

@lru_cache(maxsize=1 << 16)
def html_link(from_uri: str, to_uri: str, text: str, directory_urls: bool = True) -> str:
    """``<a href="relative URL">text</a>`` from one page to another, escaped, for pre-rendered HTML: a question
    page links the same people, companies and notes from dozens of cards."""
    return f'<a href="{escape(page_href(from_uri, to_uri, directory_urls))}">{escape(text, quote=False)}</a>'


HTML_OPEN, HTML_CLOSE = "<!-- insight:html -->", "<!-- /insight:html -->"


def html_block(html: str) -> str:
    """Pre-rendered HTML in a generated page, marked so the MkDocs plugin can keep it away from Python-Markdown
    (see :func:`lift_html`). The page stays valid Markdown with or without the plugin (raw HTML is Markdown)."""
    return f"{HTML_OPEN}\n{html}\n{HTML_CLOSE}"


def lift_html(markdown: str) -> tuple[str, list[str]]:
    """Cut the marked HTML blocks out of a page, leaving a placeholder each: Python-Markdown's HTML block parser
    takes a third of a second for the 1,000-row conversations table, on every save under ``insight serve``."""
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
