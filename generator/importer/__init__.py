"""``insight import``: notes and contacts people already have, written as notes of this project.

``sources`` opens what was given (a folder, a .zip, a .csv, a .vcf) safely; ``readers`` read each format
into plain records; ``plan`` matches them against the project and says, file by file, what importing
would do; ``write`` does it, never overwriting a file.
"""

from __future__ import annotations

from .plan import Plan, Step, make_plan, write
from .records import ImportError_
from .sources import read_source

__all__ = ["ImportError_", "Plan", "Step", "make_plan", "read_source", "write"]
