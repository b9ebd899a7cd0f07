"""``/pipeline/``: the search as a whole. Conversations by status as columns (the board job trackers show),
the response rate by channel and the time from request to conversation, with small plots drawn at build time
as inline SVG: no JavaScript, and they shrink to a phone's width.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from functools import partial
from html import escape
from typing import Any, Iterable

from ..derive import Derived
from ..htmlblocks import html_link
from ..model import Interview, KnowledgeBase
from ..render import PageSpec
from ..settings import Settings

URI = "pipeline/index.md"
COLUMNS = (("prospect", "Not contacted"), ("requested", "Requested"), ("scheduled", "Scheduled"),
           ("held", "Held"), ("declined", "Declined"), ("no-reply", "No reply"))
PER_COLUMN = 12  # cards a column shows; the rest are counted and on the conversations page
ANSWERED = ("scheduled", "held", "declined")  # they answered, yes or no
BINS = ((0, 6, "under a week"), (7, 13, "1 to 2 weeks"), (14, 27, "2 to 4 weeks"), (28, None, "4 weeks or more"))


def stage(iv: Interview, today: Any) -> str:
    """A conversation's column: ``done`` dated after today has not been held yet."""
    if iv.status == "done":
        return "held" if iv.date <= today else "scheduled"
    return iv.status


@dataclass(frozen=True)
class Channel:
    name: str
    answered: int
    no_reply: int
    waiting: int

    @property
    def decided(self) -> int:
        return self.answered + self.no_reply

    @property
    def rate(self) -> float | None:
        """Answered out of the requests that have an outcome (waiting ones have none yet)."""
        return self.answered / self.decided if self.decided else None


def channels(kb: KnowledgeBase) -> list[Channel]:
    """Per channel: requests answered (held, scheduled or declined), never answered, and still waiting."""
    found: dict[str, list[int]] = {}
    for iv in kb.interviews:
        s = stage(iv, kb.today)
        if s == "prospect":
            continue
        row = found.setdefault(iv.channel or "", [0, 0, 0])
        row[0 if s in ANSWERED else 1 if s == "no-reply" else 2] += 1
    out = [Channel(name, *counts) for name, counts in found.items()]
    return sorted(out, key=lambda c: (-c.decided - c.waiting, c.name == "", c.name))


def days_to_conversation(kb: KnowledgeBase) -> list[tuple[Interview, int]]:
    """Days from ``requested_on`` to the conversation, for each held or scheduled one that records both."""
    out = [(iv, (iv.date - iv.requested_on).days) for iv in kb.interviews
           if iv.requested_on and stage(iv, kb.today) in ("held", "scheduled") and iv.date >= iv.requested_on]
    return sorted(out, key=lambda x: (x[1], x[0].slug))


def pages(kb: KnowledgeBase, derived: Derived, settings: Settings) -> Iterable[PageSpec]:
    yield PageSpec(URI, "pipeline.md.j2", partial(_context, kb, settings), title="Pipeline", reads=("conversations",))


def _context(kb: KnowledgeBase, settings: Settings) -> dict[str, Any]:
    columns: dict[str, list[Interview]] = {s: [] for s, _ in COLUMNS}
    for iv in kb.interviews:  # newest first
        columns.setdefault(stage(iv, kb.today), []).append(iv)
    chans = channels(kb)
    days = days_to_conversation(kb)
    bins = [(label, sum(1 for _, d in days if d >= lo and (hi is None or d <= hi))) for lo, hi, label in BINS]
    return {
        "board": board(kb, columns, settings.use_directory_urls),
        "total": len(kb.interviews),
        "channels": chans,
        "channel_plot": bars([(_channel_name(c.name), c.answered, c.decided) for c in chans if c.decided],
                             "Response rate by channel"),
        "days": days,
        "median": statistics.median(d for _, d in days) if days else None,
        "days_plot": bars([(label, n, len(days)) for label, n in bins], "Days from request to conversation"),
        "channel_name": _channel_name,
    }


def _channel_name(name: str) -> str:
    return name.replace("-", " ") if name else "not recorded"


def board(kb: KnowledgeBase, columns: dict[str, list[Interview]], directory_urls: bool) -> str:
    """The columns as HTML: a grid that puts as many columns side by side as fit, one under another on a phone."""
    out = ['<div class="insight-board" style="display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));'
           'gap:.6rem;">']
    for key, title in COLUMNS:
        ivs = columns.get(key, [])
        out.append(f'<section aria-label="{escape(title)}" style="border:1px solid var(--md-default-fg-color--lightest);'
                   f'border-radius:.2rem;padding:.4rem .6rem;min-width:0;">')
        out.append(f"<h3 style=\"margin:0 0 .4rem;font-size:.8rem;\">{escape(title)} ({len(ivs)})</h3>")
        out.append('<ul style="list-style:none;margin:0;padding:0;font-size:.7rem;">')
        for iv in ivs[:PER_COLUMN]:
            person = kb.people[iv.person]
            company = kb.companies[iv.company].name if iv.company else ""
            line = html_link(URI, iv.src_uri, f"{person.name}", directory_urls)
            detail = ", ".join(x for x in (company, iv.date.isoformat()) if x)
            out.append(f'<li style="margin:0 0 .3rem;overflow-wrap:anywhere;">{line}<br>{escape(detail)}</li>')
        if len(ivs) > PER_COLUMN:
            more = html_link(URI, "interviews/index.md", f"and {len(ivs) - PER_COLUMN} more", directory_urls)
            out.append(f"<li>{more}</li>")
        out.append("</ul></section>")
    out.append("</div>")
    return "\n".join(out)


def bars(rows: list[tuple[str, int, int]], title: str) -> str:
    """Horizontal bars, one per ``(label, part, whole)``, as an SVG that scales to the width it is given."""
    if not rows:
        return ""
    height = 22 * len(rows) + 4
    parts = [f'<svg viewBox="0 0 320 {height}" width="100%" style="max-width:32rem;height:auto;" role="img" '
             f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>']
    for i, (label, part, whole) in enumerate(rows):
        y = 4 + 22 * i
        width = round(150 * part / whole) if whole else 0
        parts.append(f'<text x="0" y="{y + 13}" font-size="11" fill="currentColor">{escape(label)}</text>'
                     f'<rect x="110" y="{y + 2}" width="150" height="14" fill="currentColor" opacity=".12"/>'
                     f'<rect x="110" y="{y + 2}" width="{width}" height="14" fill="currentColor" opacity=".6"/>'
                     f'<text x="266" y="{y + 13}" font-size="11" fill="currentColor">{part} of {whole}</text>')
    parts.append("</svg>")
    return "".join(parts)
