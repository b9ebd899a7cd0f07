"""The note schema: one table that drives validation, the user documentation and the JSON Schema.

Every frontmatter field of every kind of file is declared here once. ``validate`` turns a
parsed YAML mapping (with its node tree, for line numbers) into normalised values and
diagnostics; ``markdown_reference`` and ``json_schema`` describe the same table to people
and to editors, so the three can never disagree.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from dataclasses import dataclass, field
from typing import Any, Callable

import yaml

from . import bounds, editors
from .diagnostics import Diagnostic

STATUSES = ("prospect", "requested", "scheduled", "done", "declined", "no-reply")
CHANNELS = ("cold-outreach", "family-friends", "mutual-contact", "alumni", "event", "other")
FORMATS = ("in-person", "video", "phone")
SHARES = ("private", "anonymous", "named")


class FieldError(Exception):
    """A value that does not fit its field; ``node`` locates it in the file."""

    def __init__(self, message: str, hint: str = "", node: yaml.Node | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.node = node


def describe(value: Any) -> str:
    """How a wrong value is named in a message: its YAML type and a short repr."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int) and abs(value) >= 10**15:
        return f"a number of {len(str(abs(value)))} digits"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    text = str(value)
    return f'"{text[:40]}…"' if len(text) > 40 else f'"{text}"'


# --- value types -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Type:
    """A field's type: a checker that normalises, a name for people, a JSON Schema for editors."""

    name: str
    check: Callable[[Any, yaml.Node | None], Any]
    json: dict[str, Any]
    example: str = ""
    record: "Record | None" = None  # a nested mapping type: its unknown keys are warned about


def _text(value: Any, node: yaml.Node | None) -> str:
    """Plain text: a wikilink in it (``Analyst at [[Acme]]``) is the text it shows."""
    return editors.plain_wikilinks(_markdown(value, node))


def _markdown(value: Any, node: yaml.Node | None) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        raise FieldError(f"expected text, got {describe(value)}", "write plain text, quoted if it contains ': '", node)
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        raise FieldError("expected text, got an empty value", "write the value or remove the field", node)
    return text


def _name(value: Any, node: yaml.Node | None) -> str:
    value = _linked_name(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise FieldError(f"expected a name, got {describe(value)}", "write the name as text, e.g. Data Science", node)
    try:
        return _text(value, node)
    except FieldError as err:
        raise FieldError(err.message.replace("expected text", "expected a name"), "write one name as text", node) from None


def _linked_name(value: Any) -> Any:
    """A name written as an Obsidian wikilink (``"[[Acme|ACME]]"``, or unquoted ``[[Acme]]``) is its target."""
    value = editors.unwrap_yaml_link(value)
    return editors.link_target(value) if isinstance(value, str) and "[[" in value else value


def _names(value: Any, node: yaml.Node | None) -> list[str]:
    """A list, ``"a, b"`` or ``"a; b"`` all become a list of names (Pelican's habit)."""
    value = editors.unwrap_yaml_link(value)
    if isinstance(value, str):
        parts = [editors.link_target(p) for p in re.split(r"[;,]", value)]
        return [p for p in parts if p]
    if isinstance(value, list):
        items = _seq_nodes(node)
        return [_name(v, items[i] if i < len(items) else node) for i, v in enumerate(value)]
    return [_name(value, node)]


def _tags(value: Any, node: yaml.Node | None) -> list[str]:
    """Tags as Obsidian writes them too: a list or a string, with or without ``#``."""
    if isinstance(value, str):
        return editors.split_tags(value)
    return [editors.tag_name(name) for name in _names(value, node) if editors.tag_name(name)]


def _texts(value: Any, node: yaml.Node | None) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() else []
    if not isinstance(value, list):
        raise FieldError(f"expected a list, got {describe(value)}", "write one item per line, each starting with '- '", node)
    items = _seq_nodes(node)
    return [_markdown(v, items[i] if i < len(items) else node) for i, v in enumerate(value)]


def _not_in_calendar(value: Any, node: yaml.Node | None) -> None:
    """``2026-02-30`` is shaped like a date: say what is wrong with it rather than 'expected a date'."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", value.strip()) \
            and editors.parse_datetime_text(value) is None:  # a real day as text (a Dataview field) is a date
        raise FieldError(f"{value.strip()} is not a day in the calendar", "check the month (1-12) and the day of the month", node)


def _date(value: Any, node: yaml.Node | None) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        problem = bounds.date_problem(value)
        if problem:
            raise FieldError(problem, "check the year: write the date as YYYY-MM-DD, e.g. 2026-03-14", node)
        return value
    if isinstance(value, str):  # with a time YAML does not read as a timestamp (2026-06-09 14:30), or inline
        found = editors.parse_datetime_text(value)
        if found:
            return found[0]
    _not_in_calendar(value, node)
    raise FieldError(f"expected a date, got {describe(value)}", "write the date as YYYY-MM-DD, e.g. 2026-03-14", node)


def _date_or_false(value: Any, node: yaml.Node | None) -> dt.date | bool:
    if value is False:
        return False
    if value is True:
        raise FieldError("expected a date or false, got `true`", "write the date it happened (YYYY-MM-DD), or false", node)
    _not_in_calendar(value, node)
    if isinstance(value, dt.date):
        return _date(value, node)  # a date out of range says so
    try:
        return _date(value, node)
    except FieldError:
        raise FieldError(
            f"expected a date or false, got {describe(value)}", "write the date as YYYY-MM-DD, or false if not yet", node
        ) from None


def _time(value: Any, node: yaml.Node | None) -> dt.time:
    """A time of day. YAML 1.1 reads ``time: 14:30`` as the number 870 (base 60): the text as written counts."""
    text = node.value if isinstance(node, yaml.ScalarNode) and isinstance(value, int) else value
    if isinstance(text, dt.time):
        return text
    found = editors.parse_time_text(str(text)) if isinstance(text, (str, int)) and not isinstance(text, bool) else None
    if found is None:
        raise FieldError(f"expected a time of day, got {describe(value)}", "write the time as HH:MM, e.g. 14:30", node)
    return found


def _int(value: Any, node: yaml.Node | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise FieldError(f"expected a whole number of days, got {describe(value)}", "write a number such as 90", node)
    if value > bounds.MAX_DAYS:
        raise FieldError(f"{describe(value)} is more than {bounds.MAX_DAYS:,} days (a hundred years)",
                         "write a number such as 90", node)
    return value


def _enum(choices: tuple[str, ...]) -> Callable[[Any, yaml.Node | None], str]:
    def check(value: Any, node: yaml.Node | None) -> str:
        text = str(value).strip().lower().replace("_", "-") if isinstance(value, str) else None
        if text in choices:
            return text
        close = difflib.get_close_matches(str(value), choices, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise FieldError(
            f"unknown value {describe(value)}", f"{hint}valid values: {', '.join(choices)}", node
        )

    return check


TEXT = Type("text", _text, {"type": "string"}, "Senior Data Scientist")
MARKDOWN = Type("text", _markdown, {"type": "string"}, "Mostly modelling; some meetings.")
NAME = Type("name", _name, {"type": "string"}, "Acme Analytics")
NAMES = Type("names", _names, {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}, "[Data Science, Finance]")
TEXTS = Type("list of text", _texts, {"type": "array", "items": {"type": "string"}}, "[Learn SQL well]")
DATE = Type("date", _date, {"type": "string", "format": "date"}, "2026-03-14")
DATE_OR_FALSE = Type(
    "date or false", _date_or_false, {"oneOf": [{"type": "string", "format": "date"}, {"const": False}]}, "2026-03-15"
)
TAGS = Type("tags", _tags, {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}, "[first-job, data]")
TIME = Type("time", _time, {"type": "string", "pattern": "^\\d{1,2}:\\d{2}"}, "14:30")
DAYS = Type("days", _int, {"type": "integer", "minimum": 1}, "90")


def enum(choices: tuple[str, ...]) -> Type:
    return Type("one of " + ", ".join(choices), _enum(choices), {"enum": list(choices)}, choices[0])


# --- the table -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Field:
    """One frontmatter field: its type, whether it is required, and what it means."""

    name: str
    type: Type
    doc: str
    required: bool = False
    default: Any = None
    private: bool = False  # never copied into anything built for sharing


@dataclass(frozen=True)
class Record:
    """A mapping type (a note, or a nested item such as a referral): a small table of fields."""

    name: str
    fields: tuple[Field, ...]
    shorthand: str | None = None  # a plain string stands for this field (``person: Ana`` is ``{name: Ana}``)

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


def _record_type(record: Record, many: bool, example: str = "") -> Type:
    item_schema = {
        "type": "object",
        "properties": {f.name: f.type.json for f in record.fields},
        "required": [f.name for f in record.fields if f.required],
    }
    if record.shorthand:
        item_schema = {"oneOf": [{"type": "string"}, item_schema]}

    def check_one(value: Any, node: yaml.Node | None) -> dict[str, Any]:
        value = editors.unwrap_yaml_link(value) if record.shorthand else value  # person: [[Ana Lima]], unquoted
        if record.shorthand and not isinstance(value, (dict, list)) and value is not None:
            value, node = {record.shorthand: value}, None if node is None else _synthetic(record.shorthand, node)
        if not isinstance(value, dict):
            form = f"a {record.shorthand} or " if record.shorthand else ""
            raise FieldError(
                f"expected {form}a mapping of {', '.join(f.name for f in record.fields)}, got {describe(value)}",
                f"write e.g. {{{', '.join(f.name + ': ...' for f in record.fields if f.required)}}}",
                node,
            )
        return value_with_nodes(record, value, node)

    def check(value: Any, node: yaml.Node | None) -> Any:
        if not many:
            return check_one(value, node)
        if not isinstance(value, list):
            value, node = [value], None if node is None else yaml.SequenceNode("tag:yaml.org,2002:seq", [node], node.start_mark, node.end_mark)
        items = _seq_nodes(node)
        return [check_one(v, items[i] if i < len(items) else node) for i, v in enumerate(value)]

    return Type(
        f"list of {record.name}" if many else record.name,
        check,
        {"type": "array", "items": item_schema} if many else item_schema,
        example,
        record=record,
    )


def value_with_nodes(record: Record, value: dict[str, Any], node: yaml.Node | None) -> dict[str, Any]:
    """Validate a nested mapping; its problems are raised, the first one wins (nested items are small)."""
    out: dict[str, Any] = {}
    keys = _map_nodes(node)
    # YAML 1.1 reads a bare `on:` key as true; a field named `on` means the word
    value = {("on" if k is True and record.field("on") else k): v for k, v in value.items()}
    for f in record.fields:
        if f.name in value and value[f.name] is not None:
            out[f.name] = f.type.check(value[f.name], keys.get(f.name, (None, node))[1])
        elif f.required:
            raise FieldError(f"{record.name} without {f.name}", f"add {f.name}: to each {record.name}", node)
    return out


def _unknown_nested(f: Field, node: yaml.Node | None, path: str, line_offset: int) -> list[Diagnostic]:
    """Warnings for keys a nested mapping (a referral, a question...) does not know: typos lose data."""
    record = f.type.record
    if record is None or node is None:
        return []
    items = _seq_nodes(node) if isinstance(node, yaml.SequenceNode) else [node]
    known = [x.name for x in record.fields]
    out = []
    for item in items:
        for name, (k, _) in _map_nodes(item).items():
            if name not in known:
                close = difflib.get_close_matches(name, known, n=1, cutoff=0.7)
                hint = f"did you mean `{close[0]}`?" if close else f"known keys: {', '.join(known)}"
                out.append(Diagnostic(path, k.start_mark.line + line_offset, k.start_mark.column + 1, f.name,
                                      f"unknown key `{name}` in a {record.name}, ignored", hint, "warning"))
    return out


PERSON_REF = Record(
    "person",
    (
        Field("name", NAME, "Their name.", required=True),
        Field("role", TEXT, "Their role."),
        Field("company", NAME, "Where they work."),
        Field("email", TEXT, "Email address (private: never shared).", private=True),
        Field("phone", TEXT, "Phone number (private: never shared).", private=True),
        Field("linkedin", TEXT, "Profile URL (private: never shared), with or without `https://`.", private=True),
    ),
    shorthand="name",
)
REFERRAL = Record(
    "referral",
    (
        Field("name", NAME, "Who they suggested you talk to.", required=True),
        Field("company", NAME, "Where that person works."),
        Field("role", TEXT, "That person's role."),
        Field("why", TEXT, "Why they are worth talking to.", private=True),
        Field("contacted", DATE_OR_FALSE, "When you contacted them, or false.", private=True),
    ),
    shorthand="name",
)
QUESTION = Record(
    "question",
    (
        Field("q", TEXT, "The question as you asked it.", required=True),
        Field("a", MARKDOWN, "Their answer."),
        Field("topic", TEXT, "A topic from the question bank's taxonomy, to override the automatic one."),
    ),
    shorthand="q",
)
ACTION = Record(
    "action",
    (
        Field("what", TEXT, "The advice you acted on and what came of it.", required=True),
        Field("on", DATE, "When you acted on it."),
        Field("update_sent", DATE_OR_FALSE, "When you told them what came of it, or false."),
    ),
)

INTERVIEW = Record(
    "interview",
    (
        Field("date", DATE, "When the conversation happened or is planned (a time may follow: 2026-03-14 14:30).", required=True),
        Field("time", TIME, "The time of day, if the date does not give it: 14:30 or 2:30 PM."),
        Field("person", _record_type(PERSON_REF, many=False, example="Ana Lima"), "Who you talked to: a name, or a mapping with name, role, company, email, phone, linkedin.", required=True),
        Field("role", TEXT, "Their role or job title."),
        Field("company", NAME, "Where they work."),
        Field("industry", NAMES, "One industry or a list (\"a, b\" works too)."),
        Field("status", enum(STATUSES), "Where the conversation stands.", default="done"),
        Field("channel", enum(CHANNELS), "How you reached them.", private=True),
        Field("introduced_by", NAME, "Who introduced you (a person's name).", private=True),
        Field("people", NAMES, "Others who took part in the conversation.", private=True),
        Field("format", enum(FORMATS), "How you met."),
        Field("requested_on", DATE, "When you asked for the conversation.", private=True),
        Field("followed_up_on", DATE, "When you sent a polite follow-up to an unanswered request.", private=True),
        Field("thank_you_sent", DATE_OR_FALSE, "When you sent your thank-you, or false.", private=True),
        Field("follow_up_on", DATE, "When you plan to get back in touch.", private=True),
        Field("referrals", _record_type(REFERRAL, many=True), "People they suggested you talk to: name, company, role, why, contacted."),
        Field("questions", _record_type(QUESTION, many=True), "Questions and answers: q, a and optionally topic (the body's ## Questions works too)."),
        Field("insights", TEXTS, "What you learned."),
        Field("advice", TEXTS, "Advice they gave."),
        Field("resources", TEXTS, "Books, sites, groups, courses they pointed to."),
        Field("acted_on", _record_type(ACTION, many=True), "Advice you acted on: what, on, update_sent.", private=True),
        Field("tags", TAGS, "Your own labels (#tags in the body count too).", private=True),
        Field("share", enum(SHARES), "How the note may appear in shared guides.", default="private"),
        Field("title", TEXT, "A page title, if not the person's name and the date."),
    ),
)
PERSON = Record(
    "person file",
    (
        Field("name", NAME, "Their name (default: from the file name)."),
        Field("aliases", NAMES, "Other spellings that mean this person."),
        Field("role", TEXT, "Their current role."),
        Field("title", TEXT, "Their job title, if no role is given (the page keeps their name as its heading)."),
        Field("company", NAME, "Where they work now."),
        Field("industry", NAMES, "Their industry or industries."),
        Field("email", TEXT, "Email address (private).", private=True),
        Field("phone", TEXT, "Phone number (private).", private=True),
        Field("linkedin", TEXT, "Profile URL (private), with or without `https://`.", private=True),
        Field("keep_in_touch", DAYS, "How often to get back in touch, in days.", private=True),
        Field("tags", TAGS, "Your own labels."),
    ),
)
COMPANY = Record(
    "company file",
    (
        Field("name", NAME, "The company's name (default: from the file name)."),
        Field("aliases", NAMES, "Other names that mean this company."),
        Field("industry", NAMES, "Its industry or industries."),
        Field("website", TEXT, "Its website: `https://acme.example`, or `acme.example` without the scheme (linked as https)."),
        Field("location", TEXT, "Where it is."),
    ),
)
INDUSTRY = Record(
    "industry file",
    (
        Field("name", NAME, "The industry's name (default: from the file name)."),
        Field("aliases", NAMES, "Other names that mean this industry."),
    ),
)
RECORDS: dict[str, Record] = {"interviews": INTERVIEW, "people": PERSON, "companies": COMPANY, "industries": INDUSTRY}


# --- node helpers ----------------------------------------------------------------------------


def _synthetic(key: str, node: yaml.Node) -> yaml.MappingNode:
    k = yaml.ScalarNode("tag:yaml.org,2002:str", key, node.start_mark, node.start_mark)
    return yaml.MappingNode("tag:yaml.org,2002:map", [(k, node)], node.start_mark, node.end_mark)


def _seq_nodes(node: yaml.Node | None) -> list[yaml.Node]:
    return list(node.value) if isinstance(node, yaml.SequenceNode) else []


def _map_nodes(node: yaml.Node | None) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(k.value): (k, v) for k, v in node.value}


# --- validation ------------------------------------------------------------------------------


@dataclass
class Validated:
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # field -> line in the file, for later messages
    diagnostics: list[Diagnostic] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)  # fields the schema does not know, kept as written


def validate(record: Record, data: dict[Any, Any], node: yaml.Node | None, path: str, line_offset: int) -> Validated:
    """Check every field of one file's frontmatter; collect every problem, keep every good value."""
    out = Validated()
    keys = _map_nodes(node)

    def loc(n: yaml.Node | None) -> tuple[int, int]:
        if n is None:
            return line_offset, 1
        return n.start_mark.line + line_offset, n.start_mark.column + 1

    for f in record.fields:
        key_node, val_node = keys.get(f.name, (None, None))
        value = data.get(f.name)
        if value is None:
            if f.required:
                line, col = loc(key_node) if key_node else (max(line_offset - 1, 1), 1)
                out.diagnostics.append(
                    Diagnostic(path, line, col, f.name, "required field is missing", f"add `{f.name}: {f.type.example}` to the frontmatter")
                )
            elif f.default is not None:
                out.values[f.name] = f.default
            continue
        if key_node is not None:
            out.lines[f.name] = key_node.start_mark.line + line_offset
        out.diagnostics.extend(_unknown_nested(f, val_node, path, line_offset))
        try:
            out.values[f.name] = f.type.check(value, val_node)
        except FieldError as err:
            line, col = loc(err.node or val_node)
            out.diagnostics.append(Diagnostic(path, line, col, f.name, err.message, err.hint))
            if f.required:
                out.values.pop(f.name, None)
    _time_from_date(record, data, out)
    _keep_unknown(record, data, keys, out, loc, path)
    return out


def _time_from_date(record: Record, data: dict[Any, Any], out: Validated) -> None:
    """``date: 2026-06-09 14:30`` gives the day to ``date`` and the time of day to ``time`` (unless it is given)."""
    if record.field("time") is None or "time" in out.values or "date" not in out.values:
        return
    found = editors.time_of_value(data.get("date"))
    if found is not None:
        out.values["time"] = found


def _keep_unknown(record: Record, data: dict[Any, Any], keys: dict[str, tuple[yaml.Node, yaml.Node]], out: Validated,
                  loc: Callable[[yaml.Node | None], tuple[int, int]], path: str) -> None:
    """Fields the schema does not know are the user's own (a vault's ``type:``, ``project:``): kept to show on the
    note's page. Only one that looks like a misspelt field (``compnay:``) is warned about."""
    known = [f.name for f in record.fields]
    # the keys as written: YAML reads `null:` as None and `on:` as true, which would name the wrong key
    written = [k for k in keys if k != "<<"] if keys else [str(k) for k in data]
    by_text = {str(k): v for k, v in data.items()}
    for key in written:
        if key in known:
            continue
        value = by_text.get(key, data.get(True) if key in ("on", "yes", "true") else None)
        if not editors.is_empty(value):
            out.extra[key] = value
        close = difflib.get_close_matches(key, known, n=1, cutoff=0.75)
        if close:
            line, col = loc(keys.get(key, (None, None))[0])
            out.diagnostics.append(Diagnostic(path, line, col, key, "unknown field, shown on the page as written",
                                              f"did you mean `{close[0]}`?", "warning"))


# --- descriptions ----------------------------------------------------------------------------


def markdown_reference() -> str:
    """The field reference for people: one table per kind of file, straight from the table above."""
    parts = []
    for folder, record in RECORDS.items():
        parts.append(f"### `content/{folder}/` ({record.name})\n")
        parts.append("| field | type | required | meaning |\n|---|---|---|---|")
        for f in record.fields:
            required = "yes" if f.required else (f"no (default `{f.default}`)" if f.default else "no")
            parts.append(f"| `{f.name}` | {f.type.name} | {required} | {f.doc} |")
        parts.append("")
    for record in (PERSON_REF, REFERRAL, QUESTION, ACTION):
        parts.append(f"### Each {record.name} item\n")
        parts.append("| key | type | required | meaning |\n|---|---|---|---|")
        for f in record.fields:
            parts.append(f"| `{f.name}` | {f.type.name} | {'yes' if f.required else 'no'} | {f.doc} |")
        parts.append("")
    return "\n".join(parts)


def json_schema_text() -> str:
    """:func:`json_schema` as the file the site publishes and the package ships (``data/note.schema.json``)."""
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"


def json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of an interview note's frontmatter, for editors' YAML support."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Insight KB interview note",
        "type": "object",
        "properties": {f.name: {**f.type.json, "description": f.doc} for f in INTERVIEW.fields},
        "required": [f.name for f in INTERVIEW.fields if f.required],
        "additionalProperties": True,
    }
