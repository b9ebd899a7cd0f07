"""A classmate's guide, read as untrusted data: its guide.json and its attachments, nothing else.

``insight merge`` reads a guide folder only through :func:`read_guide`: ``guide.json`` validated against the
versioned schema (:data:`generator.share.guide.SCHEMA`), and the files that guide.json lists, each inside the
folder's ``docs/attachments/``, a regular file (no link), within a size limit, of a passive type whose bytes
look like that type. Its mkdocs.yml, overrides, CSS and JavaScript are never read. Anything else is refused
with a message naming the file and the field, before anything is written.
"""

from __future__ import annotations

import stat
from pathlib import Path

from ..identity import RESERVED
from .guide import Guide, GuideError

GUIDE_FILE = "guide.json"
MAX_GUIDE_BYTES = 20 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024

# What the first bytes of each passive type look like; text must be UTF-8 without NUL bytes.
_MAGIC: dict[str, tuple[bytes, ...]] = {
    ".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",),
    ".gif": (b"GIF87a", b"GIF89a"), ".pdf": (b"%PDF",),
}


class UntrustedGuide(ValueError):
    """A guide folder that cannot be merged; the message names the file and the field or the rule."""


def _regular(path: Path, root: Path, limit: int) -> int:
    """The size of ``path`` if it is a regular file inside ``root`` reached without links; else refuse."""
    rel = path.relative_to(root)
    at = root
    for part in rel.parts:
        if part in ("", ".", ".."):
            raise UntrustedGuide(f"{path}: not a path inside the guide")
        at = at / part
        try:
            info = at.lstat()
        except FileNotFoundError:
            raise UntrustedGuide(f"{path}: missing") from None
        if stat.S_ISLNK(info.st_mode):
            raise UntrustedGuide(f"{at}: is a link; a guide's files must be inside its own folder")
    if not stat.S_ISREG(info.st_mode):
        raise UntrustedGuide(f"{path}: not a regular file")
    if info.st_size > limit:
        raise UntrustedGuide(f"{path}: {info.st_size:,} bytes, more than the {limit:,} a guide may hold")
    return info.st_size


def _looks_like(name: str, data: bytes) -> bool:
    suffix = name[name.rfind("."):].lower()
    if suffix in (".txt", ".csv"):
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            return False
        return "\x00" not in text
    if suffix == ".webp":
        return data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    if suffix == ".avif":
        return data[4:12] in (b"ftypavif", b"ftypavis")
    return any(data.startswith(m) for m in _MAGIC.get(suffix, ()))


def read_guide(folder: Path) -> tuple[Guide, dict[str, bytes]]:
    """The guide in ``folder`` and its attachments by name, or :class:`UntrustedGuide`."""
    folder = Path(folder)
    if not folder.is_dir():
        raise UntrustedGuide(f"{folder}: not a folder; pass folders written by `insight share`")
    root = folder.resolve()
    marker = root / GUIDE_FILE
    if not marker.exists() and not marker.is_symlink():
        raise UntrustedGuide(f"{folder}: no {GUIDE_FILE}; pass folders written by `insight share`")
    shown = folder / GUIDE_FILE
    try:
        _regular(marker, root, MAX_GUIDE_BYTES)
        text = marker.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        raise UntrustedGuide(f"{shown}: not UTF-8 text") from None
    except UntrustedGuide as err:
        raise UntrustedGuide(str(err).replace(str(marker), str(shown))) from None
    try:
        guide = Guide.from_json(text)
    except GuideError as err:
        raise UntrustedGuide(f"{shown}: {err}") from None
    files: dict[str, bytes] = {}
    total = 0
    for i, name in enumerate(guide.attachments):
        if name.split(".", 1)[0].lower() in RESERVED:
            raise UntrustedGuide(f"{shown}: attachments/{i}: {name}: a name no file may have on Windows")
        path = root / "docs" / "attachments" / name
        try:
            total += _regular(path, root, MAX_ATTACHMENT_BYTES)
        except UntrustedGuide as err:
            raise UntrustedGuide(f"{shown}: attachments/{i}: {name}: {str(err).split(': ', 1)[-1]}") from None
        if total > MAX_TOTAL_BYTES:
            raise UntrustedGuide(f"{shown}: attachments: more than {MAX_TOTAL_BYTES:,} bytes in all")
        data = path.read_bytes()
        if not _looks_like(name, data):
            raise UntrustedGuide(f"{shown}: attachments/{i}: {name}: its bytes are not a {name.rsplit('.', 1)[-1].upper()} file")
        files[name] = data
    return guide, files
