"""The docs say what the code does: the README's field reference and the JSON Schema come from the schema table."""

from __future__ import annotations

import json

from generator import schema
from tools import fields as docs
from conftest import ROOT


def test_readme_field_reference_is_current() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert docs.readme_with_fields(text) == text, "run: python -m tools.fields"


def test_shipped_json_schema_is_current() -> None:
    assert docs.SCHEMA_FILE.read_text(encoding="utf-8") == schema.json_schema_text(), "run: python -m tools.fields"


def test_json_schema_names_every_interview_field() -> None:
    data = json.loads(schema.json_schema_text())
    assert set(data["properties"]) == {f.name for f in schema.INTERVIEW.fields}
    assert data["required"] == ["date", "person"]
    assert data["properties"]["status"]["enum"] == list(schema.STATUSES)
