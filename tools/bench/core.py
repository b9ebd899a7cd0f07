"""``python -m tools.bench.core DOCS_DIR TODAY [--cache]``: load, resolve and render times of the core, as JSON.

With ``--cache`` the notes come from the parse cache beside DOCS_DIR where their bytes have not changed
(``.cache/insight/``, as ``insight build`` keeps it), and what was parsed is saved there."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sys
import time
from pathlib import Path

from generator.load import discover
from generator.parsecache import FOLDER, ParseCache
from generator.resolve import resolve
from generator.settings import Settings
from generator.site import Site, generate, load_notes


def main(docs: str, today: str, cache: bool = False) -> dict[str, float]:
    settings = Settings(today=dt.date.fromisoformat(today))
    parsed = ParseCache(Path(docs).resolve().parent / FOLDER) if cache else None
    t0 = time.perf_counter()
    # as insight build does, with the scan of shared notes for contact details
    notes, diags = load_notes(discover(docs), cache=parsed)
    t1 = time.perf_counter()
    kb = resolve(notes, settings, diags)
    t2 = time.perf_counter()
    site = generate(kb, settings)
    t3 = time.perf_counter()
    return {"load": t1 - t0, "resolve": t2 - t1, "render": t3 - t2, "generated_pages": len(site.pages),
            "diagnostics": len(site.diagnostics), "cached": parsed.hits if parsed else 0, "digest": digest(site)}


def digest(site: Site) -> str:
    """A hash of everything generated, so a run with an optimisation turned off can show it made the same site."""
    h = hashlib.blake2b(digest_size=16)
    for part in (site.pages, site.headers, site.footers, site.assets):
        for key, value in sorted(part.items()):
            h.update(key.encode() + b"\0" + (value if isinstance(value, bytes) else value.encode()) + b"\0")
    for d in site.diagnostics:
        h.update(d.format().encode())
    return h.hexdigest()


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2], "--cache" in sys.argv[3:])))
