"""A guide on disk: a small MkDocs project (``mkdocs.yml``, ``docs/``, ``guide.json``) and its zip.

Everything here is a function of the guide data and the theme settings, so the same notes and the
same today give the same bytes; building the site with MkDocs is the adapters' job.
"""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .guide import Guide
from .pages import NAV, render_pages

MARKER = "guide.json"
DEFAULT_FEATURES = ["navigation.tabs", "navigation.indexes", "navigation.top", "search.highlight"]
DROPPED_FEATURES = {"content.action.edit", "content.action.view", "navigation.instant"}  # no source to edit, no known URL
EXTENSIONS: list[Any] = ["admonition", "attr_list", "md_in_html", "tables", {"toc": {"permalink": True}},
                         "pymdownx.details", "pymdownx.superfences"]


@dataclass
class Theme:
    """The look a guide takes from the project it comes from: palette, features, and its CSS and JavaScript."""

    palette: Any = None
    features: list[str] = field(default_factory=lambda: list(DEFAULT_FEATURES))
    assets: dict[str, bytes] = field(default_factory=dict)  # docs path -> bytes, listed as extra CSS or JavaScript

    @classmethod
    def from_guide_dir(cls, guide_dir: Path) -> Theme:
        """The theme of a guide already written (for ``insight merge``)."""
        cfg = yaml.safe_load((guide_dir / "mkdocs.yml").read_text(encoding="utf-8")) or {}
        theme = cfg.get("theme") or {}
        assets = {}
        for path in [*cfg.get("extra_css", []), *cfg.get("extra_javascript", [])]:
            source = guide_dir / "docs" / path
            if isinstance(path, str) and source.is_file():
                assets[path] = source.read_bytes()
        return cls(theme.get("palette"), list(theme.get("features") or DEFAULT_FEATURES), assets)


def mkdocs_yml(guide: Guide, theme: Theme) -> str:
    theme_cfg: dict[str, Any] = {"name": "material", "font": False,
                                 "features": [f for f in theme.features if f not in DROPPED_FEATURES]}
    if theme.palette:
        theme_cfg["palette"] = theme.palette
    cfg: dict[str, Any] = {
        "site_name": guide.title,
        "site_description": "A guide from informational interviews, shared by " + ", ".join(guide.contributors) + ".",
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


def prepare(out: Path, protect: list[Path]) -> None:
    """Empty ``out`` for a new guide; refuse a folder that is not a guide or holds the notes."""
    out = out.resolve()
    for p in protect:
        p = p.resolve()
        if out == p or out in p.parents or p in out.parents:
            raise ValueError(f"{out}: refusing to write a guide over or inside {p}")
    if out.exists():
        if not out.is_dir():
            raise ValueError(f"{out}: exists and is not a folder")
        if any(out.iterdir()) and not (out / MARKER).is_file():
            raise ValueError(f"{out}: not empty and not a guide (no {MARKER}); pick another --out")
        shutil.rmtree(out)
    out.mkdir(parents=True)


def write(out: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def zip_bytes(folder: Path, today: dt.date) -> bytes:
    """The folder as a zip: sorted entries under the folder's name, one fixed timestamp, fixed permissions."""
    buf = io.BytesIO()
    stamp = (max(today.year, 1980), today.month, today.day, 0, 0, 0)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            zf.writestr(info, path.read_bytes())
    return buf.getvalue()
