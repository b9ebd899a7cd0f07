"""The docs say what the code does: the guide's field reference and the JSON Schema come from the schema table."""

from __future__ import annotations

import json

from generator import schema
from tools import fields as docs
from conftest import ROOT


def test_the_field_reference_is_the_guide_page_and_the_readme_points_there() -> None:
    """The reference is generated into the site's guide at every build; the README links the guide instead of
    carrying a copy that could fall behind."""
    from generator.pages import guide
    from generator.render import render

    spec = next(iter(guide.pages(None, None, None)))  # type: ignore[arg-type]
    page = render(spec)
    assert schema.markdown_reference().rstrip() in page
    for f in schema.INTERVIEW.fields:
        assert f"| `{f.name}` |" in page
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "fields:start" not in readme and "content/guide/index.md" in readme


def test_shipped_json_schema_is_current() -> None:
    assert docs.SCHEMA_FILE.read_text(encoding="utf-8") == schema.json_schema_text(), "run: python -m tools.fields"


def test_json_schema_names_every_interview_field() -> None:
    data = json.loads(schema.json_schema_text())
    assert set(data["properties"]) == {f.name for f in schema.INTERVIEW.fields}
    assert data["required"] == ["date", "person"]
    assert data["properties"]["status"]["enum"] == list(schema.STATUSES)
