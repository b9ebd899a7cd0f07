"""One message shape for every problem: ``path:line:col: field: message``, then a hint.

The core never prints or raises for bad notes; it collects :class:`Diagnostic` objects so
that every problem is reported at once and the adapters (plugin, CLI) decide what strict
mode means, in one place.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]  # info: said once, never a problem (a template skipped)


@dataclass(frozen=True, order=True)
class Diagnostic:
    """A problem found in one file, located as precisely as the input allows."""

    path: str
    line: int
    col: int
    field: str
    message: str
    hint: str = ""
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def format(self) -> str:
        """``content/interviews/x.md:7:3: company: expected a name, got a list`` plus the hint."""
        where = f"{self.path}:{self.line}:{self.col}"
        head = f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        if self.severity in ("warning", "info"):
            head = f"{where}: {'warning' if self.severity == 'warning' else 'note'}: " + head[len(where) + 2 :]
        return f"{head}\n    hint: {self.hint}" if self.hint else head

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "field": self.field,
            "severity": self.severity,
            "message": self.message,
            "hint": self.hint,
        }


def sort_key(d: Diagnostic) -> tuple[str, int, int, str, str]:
    return (d.path, d.line, d.col, d.field, d.message)
