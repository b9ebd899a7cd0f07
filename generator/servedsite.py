"""The site ``insight serve`` showed when it stopped, kept for the next ``insight serve`` to start from.

Serve's first build used to make and render every page before the first one showed: 50 s at 5,000
conversations. Between two saves, serve keeps what the last build was made from (the knowledge base, the
generated text, each page's fingerprint: :class:`generator.incremental.SiteCache`,
:func:`generator.livereload.mark_unchanged`) and renders again only what changed. This keeps the same across a
restart: when serve stops, its site and that memory go to ``.cache/insight/serve/``, and the next serve's first
build is what a save would have been, from there.

What goes into every page besides its fingerprint makes the folder's key (:func:`environment`): the installed
packages and their versions, the generator's files (code and templates), the theme's templates of the user's own
(``custom_dir``), hooks, mkdocs.yml with the environment variables it reads and the file it inherits, ``--strict``,
the address served on, and the folder itself (a copy of it, from another machine or a zip, is not this one). The
navigation, which every page shows too, is compared build by build (:func:`generator.livereload.mark_unchanged`).
A different key, a serve stopped in the middle of a build, or a folder that is not as serve writes it (damaged,
a link, a pipe, someone else's): every page is rendered, as before. The key is kept in a file of its own and
compared first; only then is the memory read, and as data only: by an unpickler that knows the generator's own
data classes (from its modules already loaded) and dates, and nothing else. The folder is taken when serve starts
(renamed, so two servers never share it) and written again when it stops; one left by a serve that was killed
halfway is removed after ten minutes. It holds the whole site, contact details too: only its owner can read it,
it stays on this machine like ``notes.pickle`` beside it, and deleting it is always safe.
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import importlib.util
import json
import os
import pickle
import re
import shutil
import stat
import sys
import time
import uuid
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .incremental import SiteCache
from .parsecache import FOLDER as CACHE_FOLDER, code_digest
from .publish import Attachments

FOLDER = "serve"  # under .cache/insight/
KEY = "key"
MEMORY = "memory.pickle"
SITE = "site"
FORMAT = 2
LEFT_BEHIND = 600  # seconds after which a folder a stopped serve was writing or reading (killed) is removed

_ENV = re.compile(rb"!ENV\s*(\[[^\]\r\n]*\]|[A-Za-z_][A-Za-z0-9_]*)")
_NAME = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")
_INHERIT = re.compile(rb"^INHERIT:\s*['\"]?([^'\"\r\n#]+?)['\"]?\s*(?:#.*)?$", re.M)


def folder(project_dir: str | Path) -> Path:
    return Path(project_dir) / CACHE_FOLDER / FOLDER


class _DataOnly(pickle.Unpickler):
    """Unpickles the generator's own data classes (from its modules already loaded: nothing is imported), dates and
    time zones; refuses everything else, and so any call a pickle could make but building one of those."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        found = getattr(sys.modules.get(module) if module.startswith("generator.") else None, name, None)
        if (isinstance(found, type) and found.__module__ == module and found.__qualname__ == name
                and (dataclasses.is_dataclass(found) or found in _CLASSES)):
            return found
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in serve's memory")


_ALLOWED = {("datetime", "date"), ("datetime", "datetime"), ("datetime", "time"), ("datetime", "timedelta"),
            ("datetime", "timezone"), ("zoneinfo", "ZoneInfo._unpickle"), ("zoneinfo", "ZoneInfo")}
_CLASSES: set[type] = {SiteCache, Attachments}  # the generator's classes that hold data and are not data classes


@lru_cache(maxsize=1)
def _running_code() -> str:
    """The packages installed and this generator's files (its code and templates), as this process found them (an
    upgrade during a serve takes effect at the next start, and so does its key). A package found twice on the path
    (a checkout on PYTHONPATH beside its editable install) counts once."""
    dists = sorted({f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()})
    return code_digest(Path(__file__).resolve().parent, f"{FORMAT} {sys.version} " + " ".join(dists), suffix="")


@lru_cache(maxsize=1)
def _packaged_theme_dirs() -> tuple[str, ...]:
    """Where MkDocs' and Material's own templates are: covered by their versions, never read."""
    specs = (importlib.util.find_spec("mkdocs"), importlib.util.find_spec("material"))
    return tuple(os.path.abspath(os.path.dirname(s.origin)) + os.sep for s in specs if s is not None and s.origin)


_read_memo: dict[str, tuple[tuple[int, int], bytes]] = {}  # path -> (mtime_ns, size) and bytes, for every save


def _read(path: str) -> bytes:
    """A small file of the user's (a theme template, a hook, mkdocs.yml), read again only when it changed."""
    try:
        st = os.stat(path)
    except OSError:
        return b"\0missing"
    stamp = (st.st_mtime_ns, st.st_size)
    memo = _read_memo.get(path)
    if memo is None or memo[0] != stamp:
        try:
            with open(path, "rb") as f:
                memo = _read_memo[path] = (stamp, f.read())
        except OSError:
            return b"\0unreadable"
    return memo[1]


def environment(config: Any, project_dir: str | Path, today: Any = None) -> str:
    """What every page of the served site depends on besides its own fingerprint, as one string: under serve a
    change to it renders every page, and a site kept under another is not used."""
    h = hashlib.blake2b(_running_code().encode(), digest_size=16)
    try:  # this folder, not a copy of it: the kept site is served as it is, so it must be this machine's own
        st = os.stat(Path(project_dir) / CACHE_FOLDER)
        h.update(f"{st.st_dev} {st.st_ino}".encode())
    except OSError:
        h.update(b"\0no cache folder")
    h.update(f"\0{config.site_url}\0{config.use_directory_urls}\0{config.strict}\0".encode())
    dates = False
    for d in config.theme.dirs:  # the packages' own are covered by their versions; a custom_dir is read
        if os.path.abspath(d).startswith(_packaged_theme_dirs()):
            continue
        h.update(f"\0theme {d}\0".encode())
        for dirpath, dirs, names in os.walk(d):
            dirs.sort()
            for name in sorted(names):
                path = os.path.join(dirpath, name)
                data = _read(path)
                h.update(os.path.relpath(path, d).encode() + b"\0" + data + b"\0")
                dates = dates or b"build_date" in data
    for name, module in sorted((getattr(config, "hooks", None) or {}).items()):  # hooks: Python files of the user's
        h.update(f"\0hook {name}\0".encode() + _read(getattr(module, "__file__", "") or ""))
    files = [config.config_file_path] if config.config_file_path else []
    for path in files:  # mkdocs.yml, and what it inherits (INHERIT: a path relative to it)
        data = _read(path)
        h.update(f"\0config {path}\0".encode() + data)
        for found in sorted(set(_ENV.findall(data))):  # !ENV NAME, or !ENV [NAME, OTHER, 'default']
            for name in _NAME.findall(found):
                h.update(b"\0env " + name + b"=" + os.environb.get(name, b"\0unset"))
        for parent in _INHERIT.findall(data)[:1]:
            if len(files) < 8:
                files.append(os.path.join(os.path.dirname(path), parent.decode("utf-8", "replace").strip()))
    if dates:  # a template of the user's shows the build's date, which is `today`
        h.update(f"\0today {today}".encode())
    return h.hexdigest()


@dataclass
class Kept:
    """A site a serve left, taken by this one, and what serve remembered of it."""

    root: Path  # the folder, renamed for this serve alone
    memory: dict[str, Any]  # what LiveState and the plugin keep from build to build (keepable(), resume())
    entries: list[dict[str, Any]] = field(default_factory=list)  # Material's search index, as written

    @property
    def site(self) -> Path:
        return self.root / SITE

    def discard(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def _mine(path: Path, kind: int) -> bool:
    """``path`` is a file (``stat.S_IFREG``) or folder (``stat.S_IFDIR``) of this user's, itself, not a link to one
    (nor a pipe that would block the read)."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_IFMT(st.st_mode) == kind and (not hasattr(os, "getuid") or st.st_uid == os.getuid())


def _sweep(home: Path) -> None:
    """Folders a serve was writing or reading when it was killed, each a whole site: removed once surely stale."""
    try:
        entries = list(os.scandir(home.parent))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(f"{FOLDER}-") and entry.name.count("-") >= 2:
            try:
                if time.time() - entry.stat(follow_symlinks=False).st_mtime > LEFT_BEHIND:
                    _remove(Path(entry.path))
            except OSError:
                pass


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def take(project_dir: str | Path, key: str) -> Kept | None:
    """The site the last serve left, if it was made with ``key``; the folder is renamed first, so that another
    serve starting at the same moment starts afresh instead of sharing it. None when there is none to use.

    Each part must be this user's own file or folder, not a link; the key is compared before the memory is read."""
    home = folder(project_dir)
    _sweep(home)
    if not _mine(home, stat.S_IFDIR):
        if os.path.lexists(home):  # a link or a file where serve keeps a folder: not serve's
            _remove(home)
        return None
    mine = home.with_name(f"{FOLDER}-taken-{uuid.uuid4().hex}")
    try:
        os.rename(home, mine)
    except OSError:
        return None
    kept = None
    try:
        index_file = mine / SITE / "search" / "search_index.json"
        searched = os.path.lexists(mine / SITE / "search")  # a site with no search plugin has no index
        if (_mine(mine / KEY, stat.S_IFREG) and _mine(mine / MEMORY, stat.S_IFREG) and _mine(mine / SITE, stat.S_IFDIR)
                and (not searched or _mine(mine / SITE / "search", stat.S_IFDIR) and _mine(index_file, stat.S_IFREG))):
            with open(mine / KEY, "rb") as f:
                found = f.read(200)
            if found == key.encode():
                with open(mine / MEMORY, "rb") as f:
                    head, memory = _DataOnly(f).load()
                entries: object = []
                if searched:
                    with open(index_file, encoding="utf-8") as f:
                        index = json.load(f)
                    entries = index.get("docs") if isinstance(index, dict) else None
                if (head == FORMAT and isinstance(memory, dict) and isinstance(entries, list)
                        and all(isinstance(e, dict) for e in entries)):
                    kept = Kept(mine, memory, entries)
    except Exception:  # noqa: BLE001 - one that cannot be read (damaged, planted, from another version):
        pass  # every page is rendered
    finally:  # also when stopped right here (Ctrl-C): no copy of the site left behind
        if kept is None:
            shutil.rmtree(mine, ignore_errors=True)
    return kept


def seed(kept: Kept, site_dir: str) -> bool:
    """Make the kept site the served one: moved into ``site_dir`` (MkDocs' empty temporary folder) where the file
    system allows, else copied. A link in it (the folder is only ever written by serve) makes it untrusted: not
    used. False when it cannot be used; ``site_dir`` is then as empty as before."""
    src_root = str(kept.site)
    for dirpath, dirs, names in os.walk(src_root):
        for name in dirs + names:
            if os.path.islink(os.path.join(dirpath, name)):
                return False
    try:
        os.rename(src_root, site_dir)  # onto an empty folder: allowed, and the server's root stays the same path
        return True
    except OSError:
        pass
    try:
        shutil.copytree(src_root, site_dir, dirs_exist_ok=True)  # another file system (a tmpfs /tmp)
        return True
    except OSError:
        for entry in os.scandir(site_dir):
            _remove(Path(entry.path))
        return False


def keep(project_dir: str | Path, site_dir: str, key: str, memory: dict[str, Any]) -> bool:
    """Keep the served site (``site_dir``, moved when it can be, else copied) and serve's memory of it, for the
    next serve. The folder is complete or absent: its key is written last, and it replaces the old at once. Only
    this user can read it (it holds the whole site)."""
    home = folder(project_dir)
    _sweep(home)
    new = home.with_name(f"{FOLDER}-new-{uuid.uuid4().hex}")
    done = False
    try:
        new.mkdir(mode=0o700, parents=True)
        try:
            os.rename(site_dir, new / SITE)
        except OSError:  # another file system (a tmpfs /tmp)
            shutil.copytree(site_dir, new / SITE, symlinks=True)
        with _private(new / MEMORY) as f:
            pickle.dump((FORMAT, memory), f, protocol=pickle.HIGHEST_PROTOCOL)
        with _private(new / KEY) as f:
            f.write(key.encode())
        old = home.with_name(f"{FOLDER}-old-{uuid.uuid4().hex}")
        try:
            os.rename(home, old)
        except OSError:
            old = None
        os.rename(new, home)
        done = True
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass
    finally:  # a second Ctrl-C too leaves no half folder
        if not done:
            shutil.rmtree(new, ignore_errors=True)
    return done


def _private(path: Path) -> Any:
    return os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
