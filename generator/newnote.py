"""``insight new``: the one place that writes into ``content/``, and it never overwrites."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from .identity import slugify

BODY = """
## Questions

### What does a typical week look like for you?


## Insights

-

## Advice

-

## Private

Only for you: never in a shared guide.
"""


class _PlainDumper(yaml.SafeDumper):
    """YAML as a person writes it: the same date twice is written twice, never as ``&id001`` and ``*id001``."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


class NoteExists(Exception):
    def __init__(self, path: Path) -> None:
        super().__init__(str(path))
        self.path = path


def write_note(docs_dir: Path, when: dt.date, person: str, fields: dict[str, Any], today: dt.date | None = None) -> Path:
    """Create ``interviews/<date>-<person>.md`` with exclusive creation; raise NoteExists if it is there.

    ``today`` is the build's today (``--today``, INSIGHT_TODAY, mkdocs.yml): a date after it is planned.
    """
    today = today or dt.date.today()
    folder = Path(docs_dir) / "interviews"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{when.isoformat()}-{slugify(person, 'person')}.md"
    meta: dict[str, Any] = {"date": when, "person": person.strip()}
    meta.update(fields)
    meta.setdefault("status", "done" if when <= today else "scheduled")
    if meta["status"] in ("requested", "scheduled"):
        meta.setdefault("requested_on", today)
    meta.setdefault("share", "private")
    front = yaml.dump(meta, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, default_flow_style=False)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as fh:
            fh.write(f"---\n{front}---\n{BODY}")
    except FileExistsError:
        raise NoteExists(path) from None
    return path
