"""The due items as an iCalendar file any calendar app can import.

Each item is an event whose UID is the item's id, so importing the file again updates events
instead of duplicating them. A conversation whose note gives a time of day is a timed event of an
hour, in the time zone of the settings (``timezone:``; floating local time without one, or the zone
the note gives); everything else is an all-day event. DTSTAMP comes from ``today``, never from the clock, so the
same notes and the same today give the same bytes. Overdue items sit on today (an event in the
past is easy to miss); their description keeps the real due date.
"""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar, Event, vCategory, vDDDTypes, vText

from ..model import KnowledgeBase
from ..settings import zone
from ..urls import absolute_url
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


CONVERSATION_LENGTH = dt.timedelta(hours=1)


def calendar_bytes(kb: KnowledgeBase, items: list[DueItem], site_url: str = "", directory_urls: bool = True,
                   timezone: str = "") -> bytes:
    """The due items as an iCalendar file; with ``site_url`` each event links its note's page."""
    notes = {iv.slug: iv.src_uri for iv in kb.interviews}
    cal = Calendar()
    cal.add("prodid", "-//Insight KB//Follow-ups//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "Insight KB follow-ups")
    # the values many events share are typed once and given as they are (encode=False): working out each
    # value's type, event after event, was a third of the time
    stamp = vDDDTypes(dt.datetime.combine(kb.today, dt.time(), dt.timezone.utc))
    transparent = vText("TRANSPARENT")
    categories: dict[str, vCategory] = {}
    days: dict[dt.date, tuple[vDDDTypes, vDDDTypes]] = {}
    tz = zone(timezone)
    times = {iv.slug: iv.time for iv in kb.interviews if iv.time is not None}
    for item in sorted(items, key=lambda i: i.id):
        day = max(item.start, kb.today) if item.state == "overdue" else item.start
        event = Event()
        event.add("uid", f"{item.id}@{UID_DOMAIN}")
        event.add("dtstamp", stamp, encode=False)
        at = times.get(item.interview) if item.kind == "conversation" and item.state != "overdue" else None
        if at is not None:
            start = dt.datetime.combine(day, at.replace(tzinfo=None), at.tzinfo or tz)
            event.add("dtstart", start)
            event.add("dtend", start + CONVERSATION_LENGTH)
        else:
            if day not in days:
                days[day] = (vDDDTypes(day), vDDDTypes(day + dt.timedelta(days=1)))
            event.add("dtstart", days[day][0], encode=False)
            event.add("dtend", days[day][1], encode=False)
        event.add("summary", ("Overdue: " if item.state == "overdue" else "") + summary(kb, item))
        lines = [f"Due {item.due.isoformat()}" + (f" (from {item.start.isoformat()})" if item.start != item.due else "")]
        if item.detail:
            lines.append(item.detail)
        if item.interview:
            lines.append(f"Note: content/interviews/{item.interview}.md")
        event.add("description", "\n".join(lines))
        if item.kind not in categories:
            categories[item.kind] = vCategory([item.kind])
        event.add("categories", categories[item.kind], encode=False)
        event.add("transp", transparent, encode=False)
        if site_url and item.interview in notes:
            event.add("url", absolute_url(site_url, notes[item.interview], directory_urls))
        cal.add_component(event)
    if tz is not None and times:
        cal.add_missing_timezones()  # the VTIMEZONE a TZID names, so calendar apps need not know it
    return ical_bytes(cal)


def ical_bytes(cal: Calendar) -> bytes:
    """``cal.to_ical()``, but a line that needs no folding (74 bytes or fewer: most of them) is written as it is
    instead of character by character through icalendar's folding, which was a third of the calendar's time.
    The same bytes: longer lines are folded by icalendar itself."""
    lines = cal.content_lines(sorted=True)
    return b"\r\n".join(line.encode() if len(line) < 75 and line.isascii() else line.to_ical() for line in lines if line) + b"\r\n"
