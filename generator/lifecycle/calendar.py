"""The due items as an iCalendar file any calendar app can import.

Each item is an all-day event whose UID is the item's id, so importing the file again updates
events instead of duplicating them. DTSTAMP comes from ``today``, never from the clock, so the
same notes and the same today give the same bytes. Overdue items sit on today (an event in the
past is easy to miss); their description keeps the real due date.
"""

from __future__ import annotations

import datetime as dt

from ..model import KnowledgeBase
from .rules import DueItem

UID_DOMAIN = "insight-kb"
SUMMARIES = {
    "thank-you": "Send a thank-you to {name}",
    "follow-up": "Follow up politely with {name}",
    "conversation": "Conversation with {name}",
    "update": "Tell {name} what came of their advice",
    "referral": "Contact {name} (suggested by {by})",
    "keep-in-touch": "Get back in touch with {name}",
}


def summary(kb: KnowledgeBase, item: DueItem) -> str:
    """One line that says what to do and for whom (also used by the terminal list)."""
    if item.kind == "conversation" and item.state == "overdue":
        return f"Write up the conversation with {kb.people[item.person].name} and set its status"
    by = ", ".join(kb.people[s].name for s in item.by)
    return SUMMARIES[item.kind].format(name=kb.people[item.person].name, by=by)


def calendar_bytes(kb: KnowledgeBase, items: list[DueItem], site_url: str = "") -> bytes:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Insight KB//Follow-ups//EN", "CALSCALE:GREGORIAN",
             "X-WR-CALNAME:Insight KB follow-ups"]
    stamp = kb.today.strftime("%Y%m%dT000000Z")
    for item in sorted(items, key=lambda i: i.id):
        day = max(item.start, kb.today) if item.state == "overdue" else item.start
        description = [f"Due {item.due.isoformat()}" + (f" (from {item.start.isoformat()})" if item.start != item.due else "")]
        if item.detail:
            description.append(item.detail)
        if item.interview:
            description.append(f"Note: content/interviews/{item.interview}.md")
        lines += [
            "BEGIN:VEVENT",
            "SUMMARY:" + _text(("Overdue: " if item.state == "overdue" else "") + summary(kb, item)),
            f"DTSTART;VALUE=DATE:{day:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day + dt.timedelta(days=1):%Y%m%d}",
            f"DTSTAMP:{stamp}",
            "UID:" + _text(f"{item.id}@{UID_DOMAIN}"),
            "CATEGORIES:" + _text(item.kind),
            "DESCRIPTION:" + _text("\n".join(description)),
            "TRANSP:TRANSPARENT",
        ]
        if site_url and item.interview:
            lines.append(f"URL:{site_url.rstrip('/')}/interviews/{item.interview}/")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines).encode()


def _text(value: str) -> str:
    """An RFC 5545 TEXT value, escaped as the icalendar library escapes it."""
    return (value.replace(r"\N", "\n").replace("\\", "\\\\").replace(";", r"\;").replace(",", r"\,")
            .replace("\r\n", r"\n").replace("\n", r"\n").replace("\r", r"\n"))


def _fold(line: str, limit: int = 75) -> str:
    """An RFC 5545 content line folded below ``limit`` octets, never inside a backslash escape.

    Written here (with the same output as the icalendar library, which the tests check) because
    building a few hundred events through the library took a tenth of a second per build.
    """
    if len(line) < limit and line.isascii():
        return line
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for char in line:
        n = len(char.encode())
        if current and size + n >= limit:
            if len(current) > 1 and current[-1] in "\\^":
                carried = current.pop()
                chunks.append("".join(current))
                current, size = [carried], len(carried.encode())
            else:
                chunks.append("".join(current))
                current, size = [], 0
        current.append(char)
        size += n
    if current:
        chunks.append("".join(current))
    return "\r\n ".join(chunks)
