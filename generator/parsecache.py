"""Parsed notes kept from one build to the next: ``.cache/insight/notes.pickle`` beside mkdocs.yml.

Parsing the frontmatter is most of loading (YAML to a node tree, then every field checked): a
quarter of a second per 1,000 notes, on every build, for files that mostly did not change. Like
Sphinx's pickled environment, the cache keeps each note as it came out of :func:`load.load_note`
(the note and its warnings), under its path and a hash of its bytes. A note whose bytes changed
is parsed again; a note that is gone is dropped; the output is the same bytes either way.

The file is only ever read back as data. Its entries are unpickled by a loader that knows the note
classes and dates and nothing else, so a planted or damaged file cannot run code: it is a miss,
and the notes are parsed again. The cache holds what the notes hold (contact details too), so it
stays beside the notes and never goes into the site; ``.gitignore`` it like ``site/``. Turn it off
with the plugin option ``cache: false`` or ``INSIGHT_CACHE=0``; deleting the folder is always safe.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import platform
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from .diagnostics import Diagnostic
from .load import Source
from .model import Note

FOLDER = ".cache/insight"  # under the project folder (the one that holds mkdocs.yml)
FILE = "notes.pickle"
FORMAT = 1

Parsed = tuple[Note | None, list[Diagnostic]]

# what an entry may be made of: the classes load_note returns, and dates
_ALLOWED = {("generator.model", "Note"), ("generator.model", "BodyParts"), ("generator.model", "QA"),
            ("generator.diagnostics", "Diagnostic"), ("datetime", "date"), ("datetime", "datetime"),
            ("datetime", "timezone"), ("datetime", "timedelta"),
            ("datetime", "time"), ("generator.model", "Task")}  # a timezone pickles as its offset


class _DataOnly(pickle.Unpickler):
    """Unpickles notes, warnings and dates; refuses every other class (and so any call a pickle could make)."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the parse cache")


def enabled(option: bool = True) -> bool:
    """The plugin option ``cache``, unless ``INSIGHT_CACHE=0`` turns it off for this run."""
    return option and os.environ.get("INSIGHT_CACHE", "1").strip().lower() not in ("0", "false", "no", "off")


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """What a cached note depends on besides its bytes: this package's code and the parsers' versions.

    Any change to the generator (an edit, an upgrade) starts the cache afresh."""
    with open(frontmatter.__file__, "rb") as f:  # python-frontmatter has no __version__; its code will do
        splitter = hashlib.blake2b(f.read(), digest_size=8).hexdigest()
    versions = f"{FORMAT} {platform.python_version()} {yaml.__version__} {splitter}"
    return code_digest(Path(__file__).resolve().parent, versions)


def code_digest(package: Path, extra: str = "", suffix: str = ".py") -> str:
    """A hash of every file under ``package`` whose name ends with ``suffix`` (``""``: every file), names and bytes."""
    h = hashlib.blake2b(extra.encode(), digest_size=16)
    files = []
    for folder, dirs, names in os.walk(package):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        files += [os.path.join(folder, n) for n in names if n.endswith(suffix)]
    for path in sorted(files):
        with open(path, "rb") as f:
            h.update(os.path.relpath(path, package).encode() + b"\0" + f.read() + b"\0")
    return h.hexdigest()


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


class ParseCache:
    """The notes of one project parsed before, by src_uri: ``(path, hash of the bytes, result)``."""

    def __init__(self, folder: str | Path) -> None:
        self.file = Path(folder) / FILE
        self._table: dict[str, tuple[str, bytes, Parsed]] | None = None
        self._digests: dict[str, bytes] = {}  # src_uri -> hash of the bytes get() saw, for save()
        self.hits = self.misses = 0
        # under serve the table lives in memory from build to build; writing all of it after every save costs
        # a tenth of a reload at 5,000 notes, so the server writes it once, when it stops (flush)
        self.write_later = False
        self._unwritten = False

    @classmethod
    def of_project(cls, project_dir: str | Path, option: bool = True) -> ParseCache | None:
        """The cache of the project whose mkdocs.yml is in ``project_dir``; None when it is turned off."""
        return cls(Path(project_dir) / FOLDER) if project_dir and enabled(option) else None

    def _read(self) -> dict[str, tuple[str, bytes, Parsed]]:
        """The whole file in one go: one unpickling for all the notes (it shares their field names and classes)."""
        if self._table is None:
            self._table = {}
            try:
                with self.file.open("rb") as f:
                    head, key, table = _DataOnly(f).load()
                if head == FORMAT and key == fingerprint() and isinstance(table, dict):
                    self._table = table
            except Exception:  # noqa: BLE001 - no cache yet, or one that cannot be read (damaged, planted,
                pass  # from another version): every note is parsed
        return self._table

    def get(self, src: Source) -> Parsed | None:
        """The result of parsing ``src`` when its path and bytes are those parsed before, else None (also for
        a file that cannot be read: ``load_note`` reports it). Counts hits and misses."""
        try:
            digest = self._digests[src.src_uri] = _digest(src.data)
        except (OSError, ValueError):
            self.misses += 1
            return None
        entry = self._read().get(src.src_uri)
        result = entry[2] if isinstance(entry, tuple) and len(entry) == 3 and entry[:2] == (src.path, digest) else None
        if not (isinstance(result, tuple) and len(result) == 2 and (result[0] is None or isinstance(result[0], Note))
                and isinstance(result[1], list)):
            self.misses += 1
            return None
        self.hits += 1
        return result

    def save(self, sources: list[Source], fresh: dict[str, Parsed]) -> None:
        """Keep the entries of ``sources`` (each looked up with :meth:`get` first): those just parsed
        (``fresh``, as parsed) and the hits. Written to a temporary file and renamed, so a build that is
        stopped halfway, or two at once, never leave half a file; a folder that cannot be written is skipped
        (the next build parses again). Nothing is written when nothing changed."""
        old = self._read()
        table: dict[str, tuple[str, bytes, Parsed]] = {}
        for src in sources:
            if src.src_uri in fresh:
                digest = self._digests.get(src.src_uri)
                if digest is None:  # a file that could not be read is not kept: it may be readable next time
                    continue
                table[src.src_uri] = (src.path, digest, fresh[src.src_uri])
            elif src.src_uri in old:
                table[src.src_uri] = old[src.src_uri]
        if not fresh and table.keys() == old.keys() and self.file.exists():
            return
        self._table = table
        if self.write_later:
            self._unwritten = True
            return
        self._write(table)

    def flush(self) -> None:
        """Write what :meth:`save` kept in memory only (``write_later``)."""
        if self._unwritten and self._table is not None:
            self._write(self._table)
            self._unwritten = False

    def _write(self, table: dict[str, tuple[str, bytes, Parsed]]) -> None:
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".notes-", dir=self.file.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump((FORMAT, fingerprint(), table), f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, self.file)
            except BaseException:
                os.unlink(tmp)
                raise
        except (OSError, pickle.PicklingError, TypeError, AttributeError):
            return
