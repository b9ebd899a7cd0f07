"""Where an import's files come from: a folder, a .zip, or one file; and which reader each needs.

The source is untrusted: nothing is extracted to disk, members whose path would leave the archive
(``../``, absolute paths, links) are refused and reported, symlinks in folders are not followed, and
every file and the whole import are bounded in size and count.
"""

from __future__ import annotations

import io
import os
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator

from .records import MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES, ImportError_, Read, Skipped
from . import readers


@dataclass
class Entry:
    name: str  # as reported: the path inside the source
    data: bytes


class _Budget:
    def __init__(self) -> None:
        self.files = 0
        self.bytes = 0

    def take(self, size: int) -> None:
        self.files += 1
        self.bytes += size
        if self.files > MAX_FILES or self.bytes > MAX_TOTAL_BYTES:
            raise ImportError_(f"the source is larger than an import reads ({MAX_FILES:,} files or "
                               f"{MAX_TOTAL_BYTES // 1_000_000} MB); import it in parts")


def _safe_member(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return not path.is_absolute() and ".." not in path.parts and not (path.parts and ":" in path.parts[0])


def zip_entries(data: bytes, label: str, skipped: list[Skipped], budget: _Budget, depth: int = 0) -> Iterator[Entry]:
    """The files of a zip (and of a zip inside it, as Notion nests its export in parts), bounded."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError) as err:
        raise ImportError_(f"{label}: not a readable .zip file ({err})") from None
    with archive:
        for info in archive.infolist():
            name = info.filename
            if info.is_dir():
                continue
            if not _safe_member(name) or stat.S_ISLNK(info.external_attr >> 16):
                skipped.append(Skipped(f"{label}: {name}", "its path leads out of the archive (or is a link): refused"))
                continue
            if info.file_size > MAX_FILE_BYTES:
                skipped.append(Skipped(f"{label}: {name}", f"larger than {MAX_FILE_BYTES // 1_000_000} MB"))
                continue
            try:
                with archive.open(info) as f:
                    content = f.read(MAX_FILE_BYTES + 1)
            except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError) as err:
                skipped.append(Skipped(f"{label}: {name}", f"could not be read from the archive ({err})"))
                continue
            if len(content) > MAX_FILE_BYTES:
                skipped.append(Skipped(f"{label}: {name}", f"larger than {MAX_FILE_BYTES // 1_000_000} MB"))
                continue
            budget.take(len(content))
            if name.lower().endswith(".zip") and depth == 0:
                yield from zip_entries(content, f"{label}: {name}", skipped, budget, depth + 1)
            else:
                yield Entry(name, content)


def folder_entries(root: Path, skipped: list[Skipped], budget: _Budget) -> Iterator[Entry]:
    """The files under ``root``, links not followed, hidden folders left alone."""
    base = root.resolve()
    for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not os.path.islink(os.path.join(dirpath, d)))
        for fn in sorted(filenames):
            path = Path(dirpath) / fn
            name = path.relative_to(base).as_posix()
            if fn.startswith("."):
                continue
            if path.is_symlink() or not path.resolve().is_relative_to(base):
                skipped.append(Skipped(name, "a link: not followed"))
                continue
            size = path.stat().st_size
            if size > MAX_FILE_BYTES:
                skipped.append(Skipped(name, f"larger than {MAX_FILE_BYTES // 1_000_000} MB"))
                continue
            budget.take(size)
            try:
                yield Entry(name, path.read_bytes())
            except OSError as err:
                skipped.append(Skipped(name, f"could not be read ({err.strerror or err})"))


def read_source(source: Path, mapping: dict[str, str] | None = None, day_first: bool | None = None) -> Read:
    """Everything the source holds, read by the reader its shape calls for; ``day_first`` says how to read a date
    such as 03/12/2026 (None: such a date is not guessed, its record is skipped and the report says why)."""
    if not source.exists():
        raise ImportError_(f"{source}: no such file or folder")
    skipped: list[Skipped] = []
    budget = _Budget()
    suffix = source.suffix.lower()
    if source.is_file():
        if source.stat().st_size > (MAX_TOTAL_BYTES if suffix == ".zip" else MAX_FILE_BYTES):
            raise ImportError_(f"{source}: too large to import")
        data = source.read_bytes()
        if suffix == ".zip":
            entries = list(zip_entries(data, source.name, skipped, budget))
        elif suffix == ".csv":
            read = Read("LinkedIn connections", skipped=skipped, day_first=day_first)
            readers.linkedin_connections(source.name, data, read)
            return read
        elif suffix in (".vcf", ".vcard"):
            read = Read("vCard contacts", skipped=skipped, day_first=day_first)
            readers.vcards(source.name, data, read)
            return read
        elif suffix == ".md":
            entries = [Entry(source.name, data)]
        else:
            raise ImportError_(f"{source}: not a source insight import knows: give a Notion export (folder or .zip), "
                               "LinkedIn's Connections.csv, a .vcf file or a folder of Markdown notes")
    else:
        entries = list(folder_entries(source, skipped, budget))
    return _read_entries(entries, skipped, mapping, day_first)


def _read_entries(entries: list[Entry], skipped: list[Skipped], mapping: dict[str, str] | None,
                  day_first: bool | None = None) -> Read:
    markdown = [e for e in entries if e.name.lower().endswith(".md")]
    notion = any(readers.NOTION_ID.search(PurePosixPath(e.name).stem) for e in markdown)
    connections = [e for e in entries if PurePosixPath(e.name).name.lower() == "connections.csv"]
    if not markdown and connections:
        read = Read("LinkedIn connections", skipped=skipped, day_first=day_first)
        for e in connections:
            readers.linkedin_connections(e.name, e.data, read)
        return read
    read = Read("Notion export" if notion else "Markdown notes", skipped=skipped, day_first=day_first)
    for e in entries:
        lower = e.name.lower()
        if lower.endswith(".md"):
            if notion:
                readers.notion_page(e.name, e.data, read, mapping)
            else:
                readers.markdown_note(e.name, e.data, read, mapping)
        elif lower.endswith(".csv") and notion:
            read.skipped.append(Skipped(e.name, "the database as a table: its pages (.md) are read instead"))
        elif lower.endswith(".vcf"):
            readers.vcards(e.name, e.data, read)
        else:
            read.skipped.append(Skipped(e.name, "not a note (.md): attachments are not imported"))
    return read
