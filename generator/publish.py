"""What of ``content/`` is published: the pages, and the files a page links to; nothing else.

A folder of notes gathers other things (a ``.txt`` of raw jottings, a CV draft, an export): MkDocs would copy
every one of them into the site, where anyone with the address can read it. Here a file that is not a page
is published only when a page of the user's links to it (an image, a PDF beside a note) or the site's
configuration names it (``extra_css``, a logo); ``insight check`` lists the others.
"""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from typing import Iterable

from .urls import MARKDOWN

_INLINE = re.compile(r"\]\(\s*(?:<([^<>\n]+)>|([^\s()<>]+))")  # [text](target), ![alt](<a target>)
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*(?:<([^<>\n]+)>|([^\s<>]+))", re.M)  # [id]: target
_HTML = re.compile(r"""\b(?:src|href|data|poster)\s*=\s*["']([^"'#?]+)""", re.I)  # <img src="...">, <a href="...">
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def linked(page_uri: str, text: str) -> set[str]:
    """The docs-dir paths a page's Markdown (or HTML in it) links to, relative links only."""
    folder = page_uri.rpartition("/")[0]
    out = set()
    for pattern in (_INLINE, _REFERENCE, _HTML):
        for m in pattern.finditer(text):
            target = next(g for g in m.groups() if g is not None).split("#", 1)[0].split("?", 1)[0]
            if not target or target.startswith("/") or _SCHEME.match(target):
                continue
            path = posixpath.normpath(posixpath.join(folder, _unquote(target)))
            if not path.startswith("../") and path != "..":
                out.add(path)
    return out


def _unquote(target: str) -> str:
    from urllib.parse import unquote

    return unquote(target)


def is_page(uri: str) -> bool:
    return uri.endswith(MARKDOWN)


_EMBED = re.compile(r"!\[\[([^\[\]\n|#]+)[^\[\]\n]*\]\]")  # Obsidian's ![[chart.png]], ![[deck.pdf|200]]


def _shown(markdown: str) -> str:
    """A page's Markdown without what no reader sees as a link: Obsidian's %% comments, and code (a link written
    in a code block is an example, not a file to publish)."""
    from .editors import blank_comments, outside_code  # noqa: PLC0415 - editors imports this module

    if "%%" in markdown:
        markdown = blank_comments(markdown)
    if "`" not in markdown and "~~~" not in markdown:
        return markdown
    pieces: list[str] = []
    outside_code(markdown, lambda chunk: pieces.append(chunk) or chunk)  # type: ignore[func-returns-value]
    return "\n".join(pieces)


class Attachments:
    """The docs dir's files that are not pages, indexed once for Obsidian's ``![[...]]`` embeds, found as Obsidian
    finds them: a path from the vault's top or from the page's folder; a bare name, a file of that name anywhere
    (in the page's folder first, then the shortest path). Hidden files and folders (``.obsidian/``) are never
    published, so an embed of one is no link."""

    def __init__(self, files: Iterable[str]) -> None:
        others = sorted(f for f in files if not is_page(f) and not any(part.startswith(".") for part in f.split("/")))
        self.paths = {f.casefold(): f for f in others}
        self.named: dict[str, list[str]] = {}
        for f in others:
            self.named.setdefault(f.rpartition("/")[2].casefold(), []).append(f)

    def find(self, page_uri: str, target: str) -> str | None:
        """The file ``target`` (as written in ``![[target]]`` on ``page_uri``) names; None if there is none."""
        target = target.strip().lstrip("/")
        if not target:
            return None
        folder = page_uri.rpartition("/")[0]
        if "/" in target:
            for path in (target, posixpath.normpath(posixpath.join(folder, target))):
                if path.casefold() in self.paths:
                    return self.paths[path.casefold()]
        same = self.named.get(target.rpartition("/")[2].casefold(), [])
        return min(same, key=lambda f: (f.rpartition("/")[0] != folder, f.count("/"), f), default=None)

    def embedded(self, page_uri: str, text: str) -> set[str]:
        """The files a page's ``![[...]]`` embeds show."""
        if "![[" not in text:
            return set()
        found = (self.find(page_uri, m.group(1)) for m in _EMBED.finditer(text))
        return {f for f in found if f is not None}


def unlinked(files: Iterable[str], pages: dict[str, str], named: Iterable[str] = ()) -> list[str]:
    """The files (docs-dir paths, not pages) that no page links to (or embeds) and the configuration does not name."""
    files = list(files)
    attachments = Attachments(files)
    wanted = set(named)
    for uri, text in pages.items():
        text = _shown(text)
        wanted |= linked(uri, text) | attachments.embedded(uri, text)
    return sorted(f for f in files if not is_page(f) and f not in wanted)


def other_files(docs_dir: str | Path) -> tuple[list[str], dict[str, str]]:
    """Every file under ``docs_dir`` that is not a page, and the text of every page, as MkDocs would find them
    (hidden files and folders are not published by MkDocs: left out here too)."""
    docs = Path(docs_dir)
    others: list[str] = []
    pages: dict[str, str] = {}
    for dirpath, dirnames, filenames in os.walk(docs):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        folder = Path(dirpath).relative_to(docs).as_posix()
        for fn in sorted(filenames):
            if fn.startswith("."):
                continue
            uri = fn if folder == "." else f"{folder}/{fn}"
            if is_page(uri):
                try:
                    pages[uri] = Path(dirpath, fn).read_text(encoding="utf-8", errors="replace")
                except OSError:
                    continue
            else:
                others.append(uri)
    return others, pages
