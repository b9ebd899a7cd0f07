"""A guide on disk: a small MkDocs project (``mkdocs.yml``, ``docs/``, ``guide.json``) and its zip.

Everything here is a function of the guide data and the theme settings, so the same notes and the
same today give the same bytes; building the site with MkDocs is the adapters' job.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from html import escape

from .guide import Guide
from .pages import NAV, render_pages

MARKER = "guide.json"
DEFAULT_FEATURES = ["navigation.tabs", "navigation.indexes", "navigation.top", "search.highlight"]
DROPPED_FEATURES = {"content.action.edit", "content.action.view", "navigation.instant"}  # no source to edit, no known URL
# attr_list gives the question groups their anchors; in people's text every "{" is escaped (render.md), so
# "{: onerror=... }" stays text.
EXTENSIONS: list[Any] = ["admonition", "attr_list", "md_in_html", "tables", {"toc": {"permalink": True}},
                         "pymdownx.details", "pymdownx.superfences"]


@dataclass
class Theme:
    """The look a guide takes from the user's own project: palette, features, and its CSS and JavaScript.
    ``insight merge`` uses the default one: a classmate's guide never brings its own."""

    palette: Any = None
    features: list[str] = field(default_factory=lambda: list(DEFAULT_FEATURES))
    assets: dict[str, bytes] = field(default_factory=dict)  # docs path -> bytes, listed as extra CSS or JavaScript


def mkdocs_yml(guide: Guide, theme: Theme) -> str:
    theme_cfg: dict[str, Any] = {"name": "material", "font": False,
                                 "features": [f for f in theme.features if f not in DROPPED_FEATURES]}
    if theme.palette:
        theme_cfg["palette"] = theme.palette
    cfg: dict[str, Any] = {
        # Material writes both into <title>, the header and <meta> as they are: escaped here
        "site_name": escape(guide.title),
        "site_description": escape("A guide from informational interviews, shared by " + ", ".join(guide.contributors) + "."),
        "docs_dir": "docs",
        "site_dir": "site",
        "theme": theme_cfg,
        "plugins": ["search"],
        "markdown_extensions": EXTENSIONS,
        "extra_css": [p for p in theme.assets if p.endswith(".css")],  # in the project's order: scripts depend on it
        "extra_javascript": [p for p in theme.assets if p.endswith(".js")],
        "nav": NAV,  # index pages only: entity pages are reached from them
        "validation": {"nav": {"omitted_files": "info", "not_found": "warn"},
                       "links": {"not_found": "warn", "anchors": "warn", "unrecognized_links": "warn"}},
    }
    head = "# A guide made by `insight share` or `insight merge`; rebuild it with `mkdocs build`.\n"
    return head + yaml.safe_dump(cfg, sort_keys=False, allow_unicode=True, width=1000)


def project_files(guide: Guide, theme: Theme, attachments: dict[str, bytes]) -> dict[str, bytes]:
    """Every file of the guide's MkDocs project, by path relative to the guide folder."""
    files = {"mkdocs.yml": mkdocs_yml(guide, theme).encode(), MARKER: guide.to_json().encode()}
    for uri, text in render_pages(guide).items():
        files[f"docs/{uri}"] = text.encode()
    for path, data in theme.assets.items():
        files[f"docs/{path}"] = data
    for name in guide.attachments:
        files[f"docs/attachments/{name}"] = attachments[name]
    return dict(sorted(files.items()))


# What says a folder or a zip is one `share` or `merge` wrote, and may be replaced when asked to write there again.
# A guide.json alone is no such sign: anyone's folder may hold one.
OWNED = ".insight-guide"
OWNED_TEXT = "Written by `insight share` or `insight merge`: they replace this folder when asked to write here again.\n"
ZIP_COMMENT = b"insight-guide: written by insight share or insight merge"


def _ours(folder: Path) -> bool:
    marker = folder / OWNED
    return not marker.is_symlink() and marker.is_file() and marker.read_text(encoding="utf-8", errors="replace") == OWNED_TEXT


def check_out(out: Path, protect: list[Path]) -> None:
    """Refuse an ``--out`` that is not an empty folder or one written here before, or that holds the notes."""
    if out.is_symlink():
        raise ValueError(f"{out}: is a link; pass a folder")
    resolved = out.resolve()
    for p in protect:
        p = p.resolve()
        if resolved == p or resolved in p.parents or p in resolved.parents:
            raise ValueError(f"{out}: refusing to write a guide over or inside {p}")
    if out.exists():
        if not out.is_dir():
            raise ValueError(f"{out}: exists and is not a folder")
        if any(out.iterdir()) and not _ours(out):
            raise ValueError(f"{out}: not empty and not written by insight share or merge (no {OWNED}); "
                             "pick another --out, or empty the folder yourself")


def check_zip(target: Path) -> None:
    """Refuse to replace anything at ``target`` but a zip that share or merge wrote."""
    if target.is_symlink() or (target.exists() and not target.is_file()):
        raise ValueError(f"{target}: exists and is not a file; pick another --out or move it away")
    if target.exists():
        try:
            with zipfile.ZipFile(target) as zf:
                ours = zf.comment == ZIP_COMMENT
        except (zipfile.BadZipFile, OSError):
            ours = False
        if not ours:
            raise ValueError(f"{target}: exists and was not written by insight share or merge; move it away first")


def staging(out: Path) -> Path:
    """A new folder beside ``out`` to build in: ``out`` changes only once the whole guide is there."""
    out.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=out.parent))


def publish(built: Path, out: Path) -> None:
    """Put the built guide where it belongs, replacing the one written there before (checked by check_out)."""
    old = None
    if out.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".old", dir=out.parent))
        os.replace(out, old / "guide")
    os.replace(built, out)
    if old is not None:
        shutil.rmtree(old)


def write(out: Path, files: dict[str, bytes]) -> None:
    for rel, data in {**files, OWNED: OWNED_TEXT.encode()}.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def zip_bytes(folder: Path, today: dt.date, name: str | None = None) -> bytes:
    """The folder as a zip: sorted entries under ``name`` (the folder's), one fixed timestamp, fixed permissions."""
    buf = io.BytesIO()
    stamp = (max(today.year, 1980), today.month, today.day, 0, 0, 0)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and not p.is_symlink()):
            info = zipfile.ZipInfo(f"{name or folder.name}/{path.relative_to(folder).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, path.read_bytes())
        zf.comment = ZIP_COMMENT
    return buf.getvalue()


def write_zip(target: Path, data: bytes) -> None:
    """Write the zip whole or not at all: a temporary file beside it, then one rename."""
    tmp = target.with_name(f".{target.name}.{os.getpid()}.partial")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
