"""Where each page of the site lives, and links between pages: MkDocs' rules, in one place.

MkDocs (``mkdocs/structure/files.py``) gives the page of ``people/ada.md`` the URL ``people/ada/`` with
``use_directory_urls`` (its default) and ``people/ada.html`` without; ``index.md`` and ``README.md`` stand for their
folder. Links in generated Markdown point at docs-dir files (``../people/ada.md``), which MkDocs resolves and
checks itself; links in pre-rendered HTML, the network map's JSON and the calendar cannot be resolved by MkDocs and
are written here as the final URLs. tests/test_urls.py checks :func:`page_url` against MkDocs' own ``File``.
The core does not import MkDocs (see DESIGN.md), hence the rule is restated here rather than asked of it.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote, unquote
from typing import Any, Callable

from .escape import _t

def href(from_uri: str, to_uri: str) -> str:
    """A relative link between two docs-dir files, as MkDocs resolves it."""
    return _rel(from_uri.rpartition("/")[0], to_uri)


def _rel(base: str, to_uri: str) -> str:
    """``posixpath.relpath(to_uri, base)`` for clean docs-dir paths, without its os.getcwd() per call."""
    src = base.split("/") if base else []
    dst = to_uri.split("/")
    parts = src + dst
    if "" in parts or "." in parts or ".." in parts:
        return posixpath.relpath(to_uri, base or ".")
    common = 0
    while common < len(src) and common < len(dst) and src[common] == dst[common]:
        common += 1
    return "/".join([".."] * (len(src) - common) + dst[common:]) or "."


MARKDOWN = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")  # the extensions MkDocs reads as pages


def stem(uri: str) -> str:
    """A page's docs-dir path without its Markdown extension (``interviews/x.markdown`` -> ``interviews/x``)."""
    for ext in MARKDOWN:
        if uri.endswith(ext):
            return uri[: -len(ext)]
    return uri


def prep_uri(slug: str) -> str:
    """The docs-dir path of the prep sheet (and email drafts) of the conversation ``slug``."""
    return f"prep/{slug}.md"


def page_url(uri: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page of a docs-dir Markdown file, relative to the site root
    (``index.md`` and ``README.md`` stand for their folder)."""
    base = stem(uri)
    folder, _, name = base.rpartition("/")
    if name in ("index", "README"):
        return f"{folder}/index.html".lstrip("/") if not directory_urls else (f"{folder}/" if folder else "")
    return base + ".html" if not directory_urls else base + "/"


def absolute_url(site_url: str, uri: str, directory_urls: bool = True) -> str:
    """The full address of the page of ``uri`` on a site published at ``site_url`` (for the calendar's events)."""
    return f"{site_url.rstrip('/')}/{page_url(uri, directory_urls)}"


def page_href(from_uri: str, to_uri: str, directory_urls: bool = True) -> str:
    """A relative URL between the pages of two docs-dir files, as MkDocs writes it (for links in raw HTML,
    which MkDocs passes through untouched)."""
    return hrefs_from(from_uri, directory_urls)(to_uri)


def hrefs_from(from_uri: str, directory_urls: bool = True) -> Callable[[str], str]:
    """``href(to_uri)``: :func:`page_href` from one page to another or a place on it (``tags/index.md#tag-x``), with
    the page's own URL worked out once for all its links (a question page has thousands)."""
    here = page_url(from_uri, directory_urls)
    base = here.rpartition("/")[0]
    up = _up(here)

    def href(to_uri: str) -> str:
        path, hash_, anchor = to_uri.partition("#")
        there = page_url(path, directory_urls)
        rel = _rel(base, there.rstrip("/")) if there.rstrip("/") else up
        return _quote(rel + "/" if there.endswith("/") and not rel.endswith("/") else rel) + hash_ + anchor

    return href


_UNSAFE = re.compile(r"[^A-Za-z0-9_.~/-]")  # what quote() changes


def _quote(url: str) -> str:
    """``url`` quoted as MkDocs quotes the URLs it writes ("2026-05-22 100% A&B" is "2026-05-22%20100%25%20A%26B");
    most are slugs, which quote() would return as they are at a microsecond each (300,000 links at 5,000)."""
    return quote(url) if _UNSAFE.search(url) else url


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


def _relink(text: str, from_dir: str, to_uri: str, directory_urls: bool | None) -> str:
    def target(m: re.Match[str]) -> str:
        written = m.group(2)
        if written.startswith(("#", "/")) or _SCHEME.match(written):
            return m.group(0)
        path, hashmark, fragment = written.partition("#")
        # a link's address is a URL ("Acme%20Analytics.md"), its file the name it encodes, as MkDocs reads it
        docs = posixpath.normpath(posixpath.join(from_dir, unquote(path)))
        if docs == ".." or docs.startswith("../"):
            return m.group(0)
        if directory_urls is None:
            new = _quote(href(to_uri, docs))
        elif docs.endswith(MARKDOWN):
            new = page_href(to_uri, docs, directory_urls)
        else:
            new = _quote(_rel(page_url(to_uri, directory_urls).rpartition("/")[0], docs))
        return m.group(1) + new + hashmark + fragment

    return _REF_TARGET.sub(target, _INLINE_TARGET.sub(target, text))


def _up(here: str) -> str:
    depth = here.count("/")
    return "../" * depth if depth else "./"


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


def _link(base: str, uri: str, text: str) -> str:
    return f"[{_t(text)}]({_rel(base, uri)})"
