"""Read ``content/`` into validated :class:`Note` objects and diagnostics; never crash on a file.

Frontmatter is split with python-frontmatter's YAML handler and parsed with PyYAML (libyaml's
CSafeLoader when present) into a node tree, so every problem names its line and column in
the file. MkDocs and python-frontmatter would both hide a broken frontmatter; here it is an
error with a hint.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

import frontmatter
import yaml

from . import body as body_parser, bounds, confine, editors
from . import schema
from .diagnostics import Diagnostic, sort_key
from .model import BodyParts, Note
from .urls import MARKDOWN, page_url, stem
from .share.scan import note_warnings as contact_warnings

try:
    _Safe: Any = yaml.CSafeLoader
except AttributeError:  # PyYAML built without libyaml
    _Safe = yaml.SafeLoader


class _Base(_Safe):  # type: ignore[misc, valid-type]
    """PyYAML's safe loader, except for two values that look like what they are not; they stay text, so the field
    check names their line instead of the conversion failing: ``2026-02-30``, a date to YAML's eye but none, and an
    integer of more digits than Python converts from text."""

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)

    def construct_yaml_int(self, node: yaml.ScalarNode) -> Any:
        if len(node.value) > bounds.MAX_DIGITS:
            return self.construct_scalar(node)
        return super().construct_yaml_int(node)


_Base.add_constructor("tag:yaml.org,2002:timestamp", _Base.construct_yaml_timestamp)
_Base.add_constructor("tag:yaml.org,2002:int", _Base.construct_yaml_int)

KINDS = tuple(schema.RECORDS)
_HANDLER = frontmatter.YAMLHandler()


@dataclass
class Source:
    """A file to read: its path as reported, its URI in the docs dir, and its bytes (given, or read from ``file``
    when first asked for: then the process that parses the note reads it, and a file that cannot be read is
    reported like any other bad note)."""

    path: str
    src_uri: str
    _data: bytes | None = None
    file: str | None = None

    @property
    def data(self) -> bytes:
        if self._data is None:
            if self.file is None:
                raise ValueError(f"{self.path}: a Source needs its bytes or the file to read them from")
            with open(self.file, "rb") as f:  # not Path.read_bytes: a Path per file costs more than the read
                self._data = f.read()
        return self._data


def kind_of(src_uri: str) -> str | None:
    """Which kind of note a docs-dir path holds; None for pages that are not notes (guides, index).

    A note may be a folder, ``interviews/<name>/index.md``, with its attachments beside it; MkDocs
    gives it the URL of ``interviews/<name>.md``, so the two are checked for clashes like any others.
    People, companies and industries may sit in subfolders too: the file's name is the entity's.
    """
    head, _, rest = src_uri.partition("/")
    if head not in KINDS or not rest.endswith(MARKDOWN) or head != "interviews" and not rest.endswith(".md"):
        return None  # a conversation may be any Markdown file MkDocs reads; an entity file is <slug>.md, its page's name
    if stem(rest) in ("index", "README"):  # the section's own page (the generated index, or text on top of it)
        return None
    return head  # subfolders are allowed for every kind: people sort them (Obsidian's People/Colleagues/...)


def discover(docs_dir: str | Path, report_prefix: str | None = None) -> list[Source]:
    """Every note file under ``docs_dir``, sorted (read when parsed); hidden folders are skipped."""
    docs = Path(docs_dir)
    prefix = report_prefix if report_prefix is not None else docs.name
    docs_real = os.path.realpath(docs)
    out = []
    for kind in KINDS:
        root = docs / kind
        if not root.is_dir() or (root.is_symlink() and not confine.inside(root, docs_real)):
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
            # paths as strings: for thousands of notes, a Path per file costs more than the walk itself
            folder = Path(dirpath).relative_to(docs).as_posix()
            for fn in sorted(filenames):
                uri = f"{folder}/{fn}"
                if fn.startswith(".") or kind_of(uri) is None:
                    continue
                if confine.leads_out(os.path.join(dirpath, fn), docs_real):
                    continue  # named by confine.leaving_links, never read
                out.append(Source(f"{prefix}/{uri}" if prefix else uri, uri, file=os.path.join(dirpath, fn)))
    return sorted(out, key=lambda s: s.src_uri)


def split_body(text: str) -> str | None:
    """The Markdown after a frontmatter block, even when the block itself is not valid YAML; None if there is none."""
    if not _HANDLER.detect(text):
        return None
    try:
        return _HANDLER.split(text)[1].lstrip("\n")
    except ValueError:
        return None


def template_folders(docs_dir: str | Path, report_prefix: str | None = None) -> list[Source]:
    """Markdown files in a templates folder (``content/Templates/``) outside the note folders, which discovery
    does not read: they are the user's templates, not pages to publish."""
    docs = Path(docs_dir)
    prefix = report_prefix if report_prefix is not None else docs.name
    out = []
    for dirpath, dirnames, filenames in os.walk(docs):
        folder = Path(dirpath).relative_to(docs).as_posix()
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not (folder == "." and d in KINDS))
        if folder == "." or not any(p.casefold() in editors.TEMPLATE_FOLDERS for p in folder.split("/")):
            continue
        for fn in sorted(f for f in filenames if f.endswith(".md")):
            uri = f"{folder}/{fn}"
            out.append(Source(f"{prefix}/{uri}" if prefix else uri, uri, file=os.path.join(dirpath, fn)))
    return out


def skipped_template(src: Source) -> Diagnostic:
    """The one line that says a template file was recognised and left out."""
    return Diagnostic(src.path, 1, 1, "", "skipped as a template: it is in a templates folder",
                      "copy it into content/interviews/ (or people/, companies/) and fill it in to make a note", "info")


def _decode(src: Source, data: bytes, diags: list[Diagnostic]) -> str | None:
    if data.startswith(b"\xef\xbb\xbf"):
        diags.append(Diagnostic(src.path, 1, 1, "", "the file starts with a byte-order mark (BOM); read without it",
                                "save the file as UTF-8 without BOM", "warning"))
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        col = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        diags.append(Diagnostic(src.path, line, col, "", f"bytes that are not UTF-8 ({data[err.start:err.start + 1]!r})",
                                "save the file as UTF-8 in your editor"))
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _mark_line(err: yaml.MarkedYAMLError, offset: int) -> tuple[int, int]:
    mark = err.problem_mark or err.context_mark
    return (mark.line + offset, mark.column + 1) if mark else (offset, 1)


def load_note(src: Source) -> tuple[Note | None, list[Diagnostic]]:
    """One file to a note and its problems; a note with an error comes back with ``ok=False``."""
    diags: list[Diagnostic] = []
    kind = kind_of(src.src_uri) or "interviews"
    record = schema.RECORDS[kind]
    try:
        data = src.data
    except OSError as err:
        diags.append(Diagnostic(src.path, 1, 1, "", f"could not read the file: {err.strerror or err}",
                                "check that the file exists and that you may read it (a link must point to a file)"))
        return None, diags
    text = _decode(src, data, diags)
    if text is None:
        return None, diags
    if not text.strip():
        diags.append(Diagnostic(src.path, 1, 1, "", "the file is empty",
                                "start it with a frontmatter block: ---, date: and person:, ---" if kind == "interviews" else "add a frontmatter block or delete the file"))
        return None, diags
    template = editors.template_reason(src.src_uri, text)
    if template:
        diags.append(Diagnostic(src.path, 1, 1, "", f"skipped as a template: {template}",
                                "fill it in (or copy it) to make a note of it", "info"))
        return None, diags
    if not _HANDLER.detect(text):
        if "::" not in text or not editors.inline_fields(text):  # Dataview fields alone can make a note
            if kind != "interviews":  # an entity file may be plain Markdown: its name comes from the file
                text = editors.drop_block_ids(editors.blank_comments(text))
                return Note(src.path, src.src_uri, kind, {}, text, 1, body_parser.parse(text, 1)), diags
            diags.append(Diagnostic(src.path, 1, 1, "", "no frontmatter: the note must start with a line `---`",
                                    "begin the file with ---, then date: and person:, then ---"))
            return None, diags
        fm, content, fm_offset, body_line = "", text, 1, 1
    else:
        try:
            fm, content = _HANDLER.split(text)
        except ValueError:
            diags.append(Diagnostic(src.path, 1, 1, "", "the frontmatter is not closed", "add a line `---` after the last field"))
            return None, diags
        opening = _HANDLER.FM_BOUNDARY.match(text)
        # the opening fence may swallow blank lines after it: count them, or every line number is off
        fm_offset = text[: opening.end()].count("\n") + 1 if opening else 1
        content = content[1:] if content.startswith("\n") else content
        body_line = text[: len(text) - len(content)].count("\n") + 1  # python-frontmatter drops blank lines before the body
    # Obsidian's %% comments (never on a page, never in a guide) and ^block-ids (hidden there too)
    content, unclosed = editors.comments_and_where_unclosed(content)
    content = editors.drop_block_ids(content)
    if unclosed is not None:
        diags.append(Diagnostic(src.path, body_line + unclosed, 1, "body", "an Obsidian comment (%%) opened here is "
                                "never closed: the rest of the note is hidden, on the site and in guides",
                                "close it with %% where the comment ends (%% in `code` is code)", "warning"))
    if len(fm) > bounds.MAX_FRONTMATTER:
        diags.append(Diagnostic(src.path, fm_offset, 1, "", f"the frontmatter is {len(fm) // 1024:,} KB, more than the "
                                f"{bounds.MAX_FRONTMATTER // 1024} KB a note may have",
                                "move long text into the body, below the closing ---"))
        return None, diags
    try:
        data, node = read_yaml(fm)
    except Expands as err:
        diags.append(Diagnostic(src.path, err.where.start_mark.line + fm_offset, err.where.start_mark.column + 1, "",
                                str(err), "write the values out instead of repeating them with & and *"))
        return None, diags
    except yaml.MarkedYAMLError as err:
        line, col = _mark_line(err, fm_offset)
        problem = (err.problem or "invalid YAML").strip()
        if err.context and err.context_mark and err.problem_mark and err.context_mark.line != err.problem_mark.line:
            problem += f" ({err.context.strip()} at line {err.context_mark.line + 1}, column {err.context_mark.column + 1})"
        hint = "check the indentation and quote values that contain ': ' or start with [, {, *, & or #"
        fm_lines = fm.split("\n")
        if 0 <= line - fm_offset < len(fm_lines) and "\t" in fm_lines[line - fm_offset][:col]:
            hint = "indent with spaces: YAML does not allow tab characters for indentation"
        diags.append(Diagnostic(src.path, line, col, "", f"invalid YAML: {problem}", hint))
        return None, diags
    except yaml.YAMLError as err:  # pragma: no cover - libyaml without marks
        diags.append(Diagnostic(src.path, 1, 1, "", f"invalid YAML: {err}", "check the frontmatter"))
        return None, diags
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        line = node.start_mark.line + fm_offset if node is not None else 1
        diags.append(Diagnostic(src.path, line, 1, "", f"the frontmatter is {schema.describe(data)}, not a mapping of fields",
                                "write one `field: value` per line, e.g. date: 2026-03-14"))
        return None, diags
    diags.extend(_duplicate_keys(node, src.path, fm_offset))
    data, node = _as_other_editors_write(data, node, content, body_line - fm_offset)
    checked = schema.validate(record, data, node, src.path, line_offset=fm_offset)
    _add_body_tags(record, checked, content)
    diags.extend(checked.diagnostics)
    try:
        parts = body_parser.parse(content, body_line)
    except Exception as err:  # noqa: BLE001 - a body we cannot read must not stop the build
        diags.append(Diagnostic(src.path, body_line, 1, "", f"could not read the body: {err}", "check the Markdown"))
        parts = BodyParts()
    ok = not any(d.is_error for d in checked.diagnostics)
    note = Note(src.path, src.src_uri, kind, checked.values, content, body_line, parts, ok, checked.lines, checked.extra)
    diags.extend(contact_warnings(note))  # contact details in a note shared with classmates
    return note, diags


def _as_other_editors_write(data: dict[Any, Any], node: yaml.Node | None, body: str,
                            body_offset: int) -> tuple[dict[Any, Any], yaml.Node | None]:
    """The frontmatter with what a template left empty taken out and the body's Dataview fields (``key:: value``)
    added where it has none of that name, each at its own line in the file (``body_offset``: the body's first
    line, counted as the frontmatter's node lines are)."""
    data = editors.drop_empty(data) if data else data
    found = editors.inline_fields(body) if "::" in body else []
    if not found:
        return data, node
    data = dict(data)
    pairs = list(node.value) if isinstance(node, yaml.MappingNode) else []
    for f in found:
        value = editors.inline_value(f.value)
        if f.key in data or editors.is_empty(value):
            continue
        data[f.key] = value
        mark = yaml.Mark("<body>", 0, body_offset + f.line, 0, None, None)
        text = value if isinstance(value, str) else f.value.strip()
        pairs.append((yaml.ScalarNode(_STR, f.key, mark, mark), yaml.ScalarNode(_STR, text, mark, mark)))
    start = node.start_mark if node is not None else yaml.Mark("<body>", 0, 0, 0, None, None)
    return data, yaml.MappingNode(_MAP, pairs, start, start)


def _add_body_tags(record: schema.Record, checked: schema.Validated, body: str) -> None:
    """``#tags`` in the body join the ``tags:`` of the frontmatter, as in Obsidian."""
    if record.field("tags") is None or "#" not in body:
        return
    found = editors.body_tags(body)
    if found:
        checked.values["tags"] = list(dict.fromkeys([*checked.values.get("tags", []), *found]))


_STR = "tag:yaml.org,2002:str"
_MAP = "tag:yaml.org,2002:map"


class Expands(ValueError):
    """A frontmatter whose aliases (``*name``) would make it larger than a note may be, or contain itself."""

    def __init__(self, where: yaml.Node, problem: str) -> None:
        super().__init__(problem)
        self.where = where


def read_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """A frontmatter's value and its node tree (kept for the line numbers), with the loader's reading of dates and
    numbers; :class:`Expands` before anything is built when its aliases would expand too far. Also for
    ``insight import``, which reads another tool's frontmatter under the same bounds."""
    loader = _Base(text)
    try:
        node = loader.get_single_node()
        # only an alias (*name) can make a few bytes stand for many values, or a value contain itself
        too_much = bounds.expansion_problem(node) if "*" in text else None
        if too_much is not None:
            raise Expands(*too_much)
        return (None if node is None else loader.construct_document(node)), node
    finally:
        loader.dispose()


def _duplicate_keys(node: yaml.Node | None, path: str, line_offset: int) -> list[Diagnostic]:
    if not isinstance(node, yaml.MappingNode):
        return []
    seen: set[str] = set()
    out = []
    for k, _ in node.value:
        name = str(k.value)
        if name in seen:
            out.append(Diagnostic(path, k.start_mark.line + line_offset, k.start_mark.column + 1, name,
                                  "the field is given twice; the last one counts", "remove one of them", "warning"))
        seen.add(name)
    return out


def url_of(src_uri: str) -> str:
    """The URL MkDocs gives a page (``use_directory_urls``), lower-cased to catch clashes on any disk."""
    return page_url(src_uri).lower()


def load_all(sources: list[Source], load_one: Callable[[Source], tuple[Note | None, list[Diagnostic]]] = load_note) -> tuple[list[Note], list[Diagnostic]]:
    """Every file, note by note: problems are collected, one bad file never stops the others."""
    notes: list[Note] = []
    diags: list[Diagnostic] = []
    urls: dict[str, str] = {}
    for src in sources:
        try:
            note, found = load_one(src)
        except Exception as err:  # noqa: BLE001 - defence in depth: a loader bug must name the file
            note, found = None, [Diagnostic(src.path, 1, 1, "", f"could not read the note: {type(err).__name__}: {err}",
                                            "please report this file's shape as a bug")]
        diags.extend(found)
        if note is None:
            continue
        url = url_of(src.src_uri)
        if url in urls:
            diags.append(Diagnostic(src.path, 1, 1, "", f"this note would get the same URL /{url} as {urls[url]}",
                                    "rename one of the two files"))
            continue
        urls[url] = src.path
        notes.append(note)
    return notes, sorted(diags, key=sort_key)
