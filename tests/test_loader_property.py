"""No file makes the loader crash: arbitrary bytes, text and YAML structures as notes.

Whatever a file holds, ``load_all`` returns; every message is located (line and column from 1)
and says something; and a file either becomes a note or explains, with an error, why not.
"""

from __future__ import annotations

import datetime as dt

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import load as load_module, schema
from generator.load import Source, load_all
from generator.resolve import resolve
from generator.settings import Settings

PATH = "content/interviews/x.md"
SETTINGS = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
FIELD_NAMES = [f.name for f in schema.INTERVIEW.fields] + ["compnay", "on", "null", "name", "q", "a", "contacted"]


def check_file(data: bytes, kind: str = "interviews") -> None:
    uri = f"{kind}/x.md"
    path = f"content/{uri}"
    notes, diags = load_all([Source(path, uri, data)])
    for d in diags:
        assert d.path == path
        assert d.line >= 1 and d.col >= 1, d
        assert d.message.strip(), d
        assert d.severity in ("error", "warning")
        assert d.format().startswith(f"{path}:{d.line}:{d.col}: ")
    ok = [n for n in notes if n.ok]
    errors = [d for d in diags if d.is_error]
    assert len(notes) <= 1
    assert bool(ok) != bool(errors), (notes, diags)  # a note, or at least one error: never neither, never both
    # what the loader accepts, the next stage takes without crashing either
    resolve(notes, Settings(today=dt.date(2026, 11, 27)), diags)


@SETTINGS
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    check_file(data)


@SETTINGS
@given(st.binary(max_size=300))
def test_arbitrary_bytes_after_a_fence(data: bytes) -> None:
    check_file(b"---\n" + data)
    check_file(b"---\n" + data + b"\n---\nbody\n")


@SETTINGS
@given(st.text(max_size=300), st.booleans())
def test_arbitrary_text_with_and_without_frontmatter(text: str, fenced: bool) -> None:
    check_file((f"---\n{text}\n---\n\nbody\n" if fenced else text).encode("utf-8", "surrogatepass"))


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=20),
    st.dates(), st.datetimes(), st.sampled_from(["2026-02-30", "someday", "false", "done", "a, b", ":", "- x", "#"]),
)
keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=10), st.integers(), st.booleans())
trees = st.recursive(
    scalars,
    lambda children: st.one_of(st.lists(children, max_size=4), st.dictionaries(keys, children, max_size=5)),
    max_leaves=12,
)
small_trees = st.recursive(scalars, lambda c: st.one_of(st.lists(c, max_size=3), st.dictionaries(keys, c, max_size=3)), max_leaves=4)


@SETTINGS
@given(st.dictionaries(keys, trees, max_size=8), st.sampled_from(["interviews", "people", "companies", "industries"]))
def test_yaml_structures_as_frontmatter(data: dict, kind: str) -> None:
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    check_file(f"---\n{front}---\n\nbody\n".encode("utf-8", "surrogatepass"), kind)


@SETTINGS
@given(trees)
def test_any_yaml_document_as_frontmatter(data: object) -> None:
    front = yaml.safe_dump(data, allow_unicode=True)
    check_file(f"---\n{front}---\n".encode("utf-8", "surrogatepass"))


note_like = st.fixed_dictionaries(
    {"date": st.one_of(st.dates(), scalars), "person": st.one_of(st.text(max_size=15), small_trees)},
    optional={name: small_trees for name in FIELD_NAMES if name not in ("date", "person")},
)


@SETTINGS
@given(note_like, st.text(max_size=200))
def test_note_shaped_frontmatter_and_any_body(data: dict, body: str) -> None:
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    check_file(f"---\n{front}---\n\n{body}\n".encode("utf-8", "surrogatepass"))


SCALARS = st.one_of(st.sampled_from(["yes", "No", "on", "off", "~", "null", "2026-03-14", "2026-02-30", "1e3", "0x1f",
                                     "012", "1_000", ".inf", "-.5", "12:30", "true", "Null", "=", "<<", ""]),
                    st.text(max_size=12), st.integers(), st.dates().map(str))


@SETTINGS
@given(st.lists(st.tuples(SCALARS, st.sampled_from(["", "'", '"'])), min_size=1, max_size=12))
def test_values_are_typed_as_pyyaml_types_them_however_often_seen(values: list[tuple[object, str]]) -> None:
    """The loader remembers the tag of short values; a value written plain, quoted, or seen before is still
    typed as PyYAML alone types it (a date, a boolean, a number or text).

    PyYAML alone means the loader ours extends (libyaml's when present): libyaml and pure-Python PyYAML
    disagree on a few odd documents (``k: !`` is '' for one and None for the other)."""
    lines = []
    for i, (value, quote) in enumerate(values):
        text = str(value)
        if quote == "'":
            text = "'" + text.replace("'", "''") + "'"
        elif quote == '"':
            text = yaml.safe_dump(text, default_style='"').strip().removesuffix("...").strip()
        lines.append(f"k{i}: {text}")
    doc = "\n".join(lines)
    try:
        expected = yaml.load(doc, Loader=load_module._Base)
    except (yaml.YAMLError, ValueError):
        return  # not a document (or an impossible date): other tests cover the messages
    got, _ = load_module.read_yaml(doc)  # as the loader reads a frontmatter: node tree kept, then built
    assert got == expected and [type(v) for v in got.values()] == [type(v) for v in expected.values()]
