"""Readers of what people already have: a Notion export, LinkedIn's Connections.csv, vCards, a Markdown folder.

Each takes bytes (bounded by :mod:`.sources`) and returns a :class:`~.records.Read`. A malformed file is
reported as skipped with why; no reader raises on bad input.
"""

from __future__ import annotations

import codecs
import csv
import io
import quopri
import re
from typing import Any

import yaml

from .. import bounds
from ..load import Expands, read_yaml
from ..editors import link_target, split_tags
from .records import (AmbiguousDate, ConversationRecord, PersonRecord, Read, Skipped, clean, our_field, our_status,
                      own_key, parse_when)

NOTION_ID = re.compile(r"\s+[0-9a-f]{32}$")  # Notion ends every exported file name with the page's id
_NOTION_PROPERTY = re.compile(r"^([^:\n]{1,60}):\s(.*)$")
_NOTION_LINK = re.compile(r"\s*\((?:[^()]*\.md|https?://www\.notion\.so/[^()]*)\)")


def text_of(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    return data.decode("utf-8", errors="replace").replace("\r\n", "\n").replace("\r", "\n")


# --- Notion ----------------------------------------------------------------------------------


def notion_page(name: str, data: bytes, read: Read, mapping: dict[str, str] | None = None) -> None:
    """One page of a Notion database export: ``# Title``, then ``Property: value`` lines, then the page."""
    lines = text_of(data).split("\n")
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i >= len(lines) or not lines[i].startswith("# "):
        read.skipped.append(Skipped(name, "no `# Title` line at the top: not a page of a Notion database"))
        return
    title = clean(lines[i][2:])
    i += 1
    while i < len(lines) and not lines[i].strip():
        i += 1
    props: dict[str, str] = {}
    while i < len(lines) and (m := _NOTION_PROPERTY.match(lines[i])):
        props[m.group(1).strip()] = _NOTION_LINK.sub("", m.group(2)).strip()
        i += 1
    body = "\n".join(lines[i:]).strip()
    if not props:
        read.skipped.append(Skipped(name, "a page without properties (the database's own page, or a sub-page): "
                                          "not a contact or a conversation"))
        return
    _record(name, title, props, body, read, mapping)


def _record(name: str, title: str, props: dict[str, Any], body: str, read: Read, mapping: dict[str, str] | None) -> None:
    """Properties named as another tool names them, to a conversation (it has a date) or a person; a record with a
    date that reads two ways is skipped, saying so."""
    try:
        _read_record(name, title, props, body, read, mapping)
    except AmbiguousDate as err:
        read.skipped.append(Skipped(name, f"the date {err} could be either day (03/12/2026 is 3 December read day "
                                          "first, 12 March read month first); run again with --day-first or "
                                          "--month-first, as the tool that wrote it shows dates"))


def _read_record(name: str, title: str, props: dict[str, Any], body: str, read: Read,
                 mapping: dict[str, str] | None) -> None:
    ours: dict[str, Any] = {}
    own: dict[str, Any] = {}
    for key, value in props.items():
        field = our_field(str(key), mapping)
        if field == "ignore" or value in (None, "", []):
            continue
        if field is None:
            # a list stays a list of lines of text (nested structures are text too: the note is written back as YAML)
            own[own_key(str(key))] = ([clean(x) for x in value] if isinstance(value, list)
                                      else value if isinstance(value, (bool, int, float)) else clean(value))
        elif field not in ours:
            ours[field] = value
    title = re.sub(r"^\d{4}-\d{2}-\d{2}[\sT_-]*(\d{1,2}[:.]\d{2}[\s_-]*)?", "", title).strip(" -_")  # "2026-06-09 Roman Petrov"
    person_name = _name(ours.pop("person", "")) or (title if "date" not in ours or not _looks_like_title(title) else "")
    if not person_name:
        read.skipped.append(Skipped(name, "no person's name (a Name, Person or Contact property, or the title)"))
        return
    person = PersonRecord(person_name, clean(ours.pop("role", "")), _name(ours.pop("company", "")),
                          _list(ours.pop("industry", [])), clean(ours.pop("email", "")), clean(ours.pop("phone", "")),
                          clean(ours.pop("linkedin", "")), source=name)
    tags = [t for x in _list(ours.pop("tags", [])) for t in split_tags(x)]
    if "date" not in ours and _an_organisation(name, props, person):
        read.skipped.append(Skipped(name, "a company's page (a related database), not a person: companies come from the "
                                          "conversations' Company property; put its website in content/companies/"))
        return
    if "date" not in ours:
        person.tags, person.notes = tags, body
        read.people.append(person)
        return
    when = parse_when(str(ours.pop("date")), read.day_first)
    if when is None:
        read.skipped.append(Skipped(name, f"the date {clean(props.get(_key_of(props, 'date', mapping)) or '')!r} is not one "
                                          "a person would read as a day; write it as YYYY-MM-DD"))
        return
    fields: dict[str, Any] = {}
    if "time" in ours:
        found = parse_when(f"{when[0].isoformat()} {ours.pop('time')}", read.day_first)
        when = (when[0], found[1] if found else when[1])
    status = ours.pop("status", None)
    if status is not None:
        found_status = our_status(clean(status))
        if found_status:
            fields["status"] = found_status
        else:
            own["status_in_source"] = clean(status)
    for key in ("introduced_by",):
        if key in ours:
            fields[key] = _name(ours.pop(key))
    for key in ("thank_you_sent", "follow_up_on", "requested_on"):
        if key in ours:
            value = clean(ours.pop(key))
            day = parse_when(value, read.day_first)
            if day:
                fields[key] = day[0]
            elif key == "thank_you_sent" and value.casefold() in ("yes", "true", "x", "✓", "done"):
                fields[key] = when[0]
            elif key == "thank_you_sent" and value.casefold() in ("no", "false"):
                fields[key] = False
    for key in ("channel", "format"):
        if key in ours:
            own[f"{key}_in_source"] = clean(ours.pop(key))
    if tags:
        fields["tags"] = tags
    fields.update({k: v for k, v in own.items() if k not in fields})
    read.conversations.append(ConversationRecord(person, when[0], when[1], fields, body,
                                                 title if title != person_name else "", name))


# the folder Notion exports a database into: its name, then the database's id
_ORGANISATION_FOLDER = re.compile(r"(?:companies|company|organi[sz]ations?|employers|firms)(?:\s+[0-9a-f]{32})?", re.I)
_ORGANISATION_PROPERTIES = frozenset({"domain", "headquarters", "hq", "employees", "company size", "sector", "founded",
                                      "ticker"})


def _an_organisation(name: str, props: dict[str, Any], person: PersonRecord) -> bool:
    """A page of a related database of companies (Notion exports one beside the conversations): its database is
    named for companies, or it has properties only a company has (a size, headquarters), and none of a person's."""
    if person.email or person.phone or person.linkedin or person.role or person.company:
        return False
    folder = name.split("/")[-2] if "/" in name else ""
    return (_ORGANISATION_FOLDER.fullmatch(folder) is not None
            or any(str(k).strip().casefold() in _ORGANISATION_PROPERTIES for k in props))


def _key_of(props: dict[str, Any], field: str, mapping: dict[str, str] | None) -> str:
    return next((k for k in props if our_field(str(k), mapping) == field), "")


def _looks_like_title(title: str) -> bool:
    """A page title that is a sentence about a meeting ("Coffee with Roman"), not a person's name."""
    return bool(re.search(r"\b(with|call|chat|coffee|meeting|interview|intro)\b", title, re.I)) or len(title.split()) > 4


def _name(value: Any) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    text = clean(value)
    text = link_target(text) if "[[" in text else text
    return text.split(",")[0].strip() if "," in text and "(" not in text and len(text) > 60 else text


def _list(value: Any) -> list[str]:
    if isinstance(value, list):
        return [clean(v) for v in value if clean(v)]
    return [p.strip() for p in re.split(r"[;,]", clean(value)) if p.strip()]


# --- LinkedIn --------------------------------------------------------------------------------


def linkedin_connections(name: str, data: bytes, read: Read) -> None:
    """LinkedIn's Connections.csv: a few "Notes:" lines first, then First Name, Last Name, URL, Email Address,
    Company, Position, Connected On."""
    text = text_of(data)
    lines = text.split("\n")
    start = next((i for i, line in enumerate(lines[:30]) if line.lstrip('"').startswith("First Name")), None)
    if start is None:
        read.skipped.append(Skipped(name, "no header line starting with First Name: not LinkedIn's Connections.csv"))
        return
    csv.field_size_limit(100_000)
    try:
        rows = list(csv.DictReader(io.StringIO("\n".join(lines[start:]))))
    except csv.Error as err:
        read.skipped.append(Skipped(name, f"not a readable CSV file: {err}"))
        return
    for n, row in enumerate(rows, start=start + 2):
        row = {clean(k): clean(v) for k, v in row.items() if k is not None and isinstance(v, str)}
        full = " ".join(x for x in (row.get("First Name", ""), row.get("Last Name", "")) if x)
        where = f"{name} line {n}"
        if not full:
            if any(row.values()):
                read.skipped.append(Skipped(where, "no first or last name"))
            continue
        url = row.get("URL", "")
        read.people.append(PersonRecord(full, row.get("Position", ""), row.get("Company", ""),
                                        email=row.get("Email Address", ""),
                                        linkedin=url if url.startswith("https://") else "", source=where))


# --- vCard -----------------------------------------------------------------------------------


def vcards(name: str, data: bytes, read: Read) -> None:
    """Every card of a vCard file (2.1, 3.0 and 4.0): folded lines unfolded, escapes undone."""
    text = text_of(data)
    text = re.sub(r"=\n", "=\x00", text)  # quoted-printable soft breaks (vCard 2.1), joined below
    text = re.sub(r"\n[ \t]", "", text)  # folded lines
    text = text.replace("=\x00", "=\n")
    cards: list[list[str]] = []
    current: list[str] | None = None
    for line in text.split("\n"):
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            current = []
        elif upper == "END:VCARD":
            if current is not None:
                cards.append(current)
            current = None
        elif current is not None and line.strip():
            current.append(line)
    if not cards:
        read.skipped.append(Skipped(name, "no BEGIN:VCARD ... END:VCARD card in it"))
    for n, lines in enumerate(cards, start=1):
        _card(f"{name} card {n}", lines, read)


def _card(where: str, lines: list[str], read: Read) -> None:
    props: dict[str, list[tuple[dict[str, str], str]]] = {}
    for line in lines:
        head, sep, value = line.partition(":")
        if not sep:
            continue
        parts = head.split(";")
        prop = parts[0].split(".")[-1].upper()  # item1.EMAIL: Apple's groups
        params: dict[str, str] = {}
        for p in parts[1:]:
            k, _, v = p.partition("=")
            params[k.upper()] = v.strip('"').lower() if v else k.lower()
        if params.get("ENCODING", "").startswith("quoted"):
            charset = params.get("CHARSET", "utf-8")
            try:
                value = quopri.decodestring(value.encode("latin-1", errors="replace")).decode(charset, errors="replace")
            except LookupError:
                value = quopri.decodestring(value.encode("latin-1", errors="replace")).decode("utf-8", errors="replace")
        props.setdefault(prop, []).append((params, value))

    def first(prop: str) -> str:
        values = props.get(prop, [])
        preferred = [v for p, v in values if "pref" in p.get("TYPE", "") or p.get("PREF") == "1"]
        return _unescape((preferred or [v for _, v in values] or [""])[0])

    full = first("FN")
    if not full and "N" in props:
        family, given, middle, *_ = (_split_escaped(first_raw(props, "N")) + ["", "", ""])[:3]
        full = " ".join(x for x in (given, middle, family) if x)
    full = clean(full)
    if not full:
        read.skipped.append(Skipped(where, "no name (FN or N)"))
        return
    org = clean(_split_escaped(first_raw(props, "ORG"))[0]) if "ORG" in props else ""
    phone = clean(first("TEL")).removeprefix("tel:")
    linkedin = next((clean(_unescape(v)) for p, v in props.get("X-SOCIALPROFILE", []) + props.get("URL", [])
                     if "linkedin.com" in v), "")
    tags = [t for t in (clean(x) for x in _split_escaped(first_raw(props, "CATEGORIES"), ",")) if t] if "CATEGORIES" in props else []
    read.people.append(PersonRecord(full, clean(first("TITLE") or first("ROLE")), org, email=clean(first("EMAIL")),
                                    phone=phone, linkedin=linkedin if linkedin.startswith("https://") else "",
                                    tags=tags, notes=first("NOTE").strip()[:20_000], source=where))


def first_raw(props: dict[str, list[tuple[dict[str, str], str]]], prop: str) -> str:
    return props[prop][0][1] if props.get(prop) else ""


def _split_escaped(value: str, sep: str = ";") -> list[str]:
    parts = re.split(r"(?<!\\)" + re.escape(sep), value)
    return [_unescape(p) for p in parts]


def _unescape(value: str) -> str:
    return re.sub(r"\\([nN,;:\\])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


# --- Markdown in another schema --------------------------------------------------------------


def markdown_note(name: str, data: bytes, read: Read, mapping: dict[str, str] | None) -> None:
    """A Markdown file with YAML frontmatter in another schema: its fields renamed by ``mapping`` and the usual
    names; a file with a date is a conversation, one without a person."""
    text = text_of(data)
    if not text.startswith("---\n"):
        read.skipped.append(Skipped(name, "no YAML frontmatter (--- at the top)"))
        return
    end = text.find("\n---", 4)
    if end < 0:
        read.skipped.append(Skipped(name, "the frontmatter is not closed with ---"))
        return
    frontmatter = text[4:end]
    if len(frontmatter) > bounds.MAX_FRONTMATTER:
        read.skipped.append(Skipped(name, f"the frontmatter is more than the {bounds.MAX_FRONTMATTER // 1024} KB a note may have"))
        return
    try:
        meta, _ = read_yaml(frontmatter)  # as the loader reads a note: bounded, dates as the loader reads them
    except Expands as err:  # a few bytes of & and * that stand for millions of values
        read.skipped.append(Skipped(name, str(err)))
        return
    except RecursionError:  # PyYAML without libyaml: nesting deeper than Python's stack
        read.skipped.append(Skipped(name, "the frontmatter nests lists or mappings too deep to read"))
        return
    except yaml.YAMLError as err:
        mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)  # where the broken part starts
        where = f" at line {mark.line + 2}" if mark is not None else ""
        read.skipped.append(Skipped(name, f"the frontmatter is not valid YAML{where}"))
        return
    if not isinstance(meta, dict):
        read.skipped.append(Skipped(name, "the frontmatter is not a mapping of fields"))
        return
    body = text[end + 4:].lstrip("-").lstrip("\n")
    title = ""
    first_line = body.lstrip().split("\n", 1)[0]
    if first_line.startswith("# "):
        title = clean(first_line[2:])
    props = {str(k): (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in meta.items()}
    stem = name.rsplit("/", 1)[-1].removesuffix(".md")
    _record(name, title or clean(stem), props, body.strip(), read, mapping)
