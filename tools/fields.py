"""Keep the shipped JSON Schema equal to the schema table.

The field reference itself is the site's guide page (``guide/note-format.md``, made from the schema table at every
build, and ``insight schema``), so it cannot fall behind; ``python -m tools.fields`` rewrites the JSON Schema that
editors use, and a test fails when it is stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

from generator import schema

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_FILE = ROOT / "generator" / "data" / "note.schema.json"


def main() -> int:
    SCHEMA_FILE.parent.mkdir(exist_ok=True)
    SCHEMA_FILE.write_text(schema.json_schema_text(), encoding="utf-8")
    print(f"updated {SCHEMA_FILE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
