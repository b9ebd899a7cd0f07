"""The hand-written .ics writer gives the icalendar library's bytes, for names that need escaping and folding."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from icalendar import Calendar, Event

from generator.lifecycle.calendar import UID_DOMAIN, calendar_bytes, summary
from generator.lifecycle.rules import DueItem

TODAY = dt.date(2026, 11, 27)
NAMES = [
    "Ana O'Brien, PhD; \"Dr\" \\ back",
    "Zoë 🚀 Ünal-Łukasiewicz " * 3,
    "שרה כהן",
    "x" * 60 + "\\" + "y" * 30,  # a backslash escape right at a fold
    "é" * 80,
    "line\nbreak\r\nand\rreturn \\N literal",
    "<script>alert(1)</script>",
]


def library_bytes(kb: SimpleNamespace, items: list[DueItem], site_url: str) -> bytes:
    """What the writer replaced: the same events built with icalendar."""
    cal = Calendar()
    cal.add("prodid", "-//Insight KB//Follow-ups//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Insight KB follow-ups")
    stamp = dt.datetime.combine(kb.today, dt.time(), dt.timezone.utc)
    for item in sorted(items, key=lambda i: i.id):
        day = max(item.start, kb.today) if item.state == "overdue" else item.start
        event = Event()
        event.add("uid", f"{item.id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        event.add("dtstart", day)
        event.add("dtend", day + dt.timedelta(days=1))
        event.add("summary", ("Overdue: " if item.state == "overdue" else "") + summary(kb, item))
        lines = [f"Due {item.due.isoformat()}" + (f" (from {item.start.isoformat()})" if item.start != item.due else "")]
        if item.detail:
            lines.append(item.detail)
        if item.interview:
            lines.append(f"Note: content/interviews/{item.interview}.md")
        event.add("description", "\n".join(lines))
        event.add("categories", [item.kind])
        event.add("transp", "TRANSPARENT")
        if site_url and item.interview:
            event.add("url", f"{site_url.rstrip('/')}/interviews/{item.interview}/")
        cal.add_component(event)
    return cal.to_ical()


@pytest.mark.parametrize("site_url", ["", "https://example.org/kb/"])
def test_writer_matches_the_icalendar_library(site_url: str) -> None:
    people = {f"p{i}": SimpleNamespace(name=name) for i, name in enumerate(NAMES)}
    kb = SimpleNamespace(today=TODAY, people=people)
    items = []
    for i, slug in enumerate(people):
        kind = ["thank-you", "follow-up", "conversation", "update", "referral", "keep-in-touch", "conversation"][i]
        state = ["due", "overdue", "upcoming"][i % 3]
        start = TODAY + dt.timedelta(days=i - 3)
        items.append(DueItem(kind, slug, f"2026-11-{10 + i}-{slug}" if i % 2 == 0 else None, start,
                             start + dt.timedelta(days=i % 2 * 2), state, detail=NAMES[-1 - i], by=("p0",)))
    assert calendar_bytes(kb, items, site_url) == library_bytes(kb, items, site_url)
