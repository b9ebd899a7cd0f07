"""Links (symlinks) inside ``content/`` that lead out of it are never followed: what they point to is not read,
not published and not shared, and ``insight check`` names each one.

MkDocs itself walks the docs dir following links, so the plugin also drops every file MkDocs found whose real
place is outside it (:func:`outside`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from .diagnostics import Diagnostic

HINT = "move what it points to into content/, or remove the link"


def inside(path: str | Path, root_real: str) -> bool:
    """Whether ``path``, every link on the way resolved, is ``root_real`` or below it."""
    real = os.path.realpath(path)
    return real == root_real or real.startswith(root_real.rstrip(os.sep) + os.sep)


def leads_out(path: str, root_real: str) -> bool:
    """Whether ``path`` is a link to something that exists outside the docs dir (a broken link is reported as a
    file that cannot be read: there is nothing behind it to leak)."""
    return os.path.islink(path) and os.path.exists(path) and not inside(path, root_real)


def leaving_links(docs_dir: str | Path, report_prefix: str | None = None) -> list[Diagnostic]:
    """A warning for every link under ``docs_dir`` (to a file or a folder) whose target is outside it."""
    docs = Path(docs_dir)
    root = os.path.realpath(docs)
    prefix = report_prefix if report_prefix is not None else docs.name
    out = []
    for dirpath, dirnames, filenames in os.walk(docs):  # links to folders are listed, never entered
        dirnames.sort()
        for name in sorted(dirnames) + sorted(filenames):
            path = os.path.join(dirpath, name)
            if leads_out(path, root):
                rel = Path(path).relative_to(docs).as_posix()
                kind = "folder" if name in dirnames else "file"
                out.append(Diagnostic(f"{prefix}/{rel}" if prefix else rel, 1, 1, "",
                                      f"a link to a {kind} outside content/ ({os.readlink(path)}): not followed, "
                                      "nothing in it is read, published or shared", HINT, "warning"))
    return out


def outside(abs_path: str | None, root_real: str) -> bool:
    """Whether a file MkDocs found lies outside the docs dir once links are resolved."""
    return abs_path is not None and not inside(abs_path, root_real)


def outside_all(abs_paths: Iterable[str], root_real: str) -> set[str]:
    """The files MkDocs found (absolute paths) that lie outside the docs dir once links are resolved: what
    :func:`outside` says of each, with each folder resolved once instead of once per file in it (at 5,000 notes,
    a fifth of what the plugin does on a save under ``insight serve``). A file that is itself a link is
    resolved whole; any other has its folder's real place."""
    real_folders: dict[str, str] = {}
    out = set()
    for path in abs_paths:
        folder, name = os.path.split(path)
        if os.path.islink(path):
            real = os.path.realpath(path)
        else:
            real_folder = real_folders.get(folder)
            if real_folder is None:
                real_folder = real_folders[folder] = os.path.realpath(folder)
            real = os.path.join(real_folder, name)
        if not (real == root_real or real.startswith(root_real.rstrip(os.sep) + os.sep)):
            out.add(path)
    return out
