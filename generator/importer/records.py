"""What an import reads, whatever its source: people and conversations as plain records, and the field names
other tools use for ours.

Readers (Notion, LinkedIn, vCard, Markdown folders) produce these records; :mod:`.plan` matches them
against the project and turns them into notes. Everything read is untrusted data: sizes are bounded
here, once, and every value is text until the note's own schema has checked it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

MAX_FILE_BYTES = 2_000_000  # one note, one CSV, one vCard file
MAX_TOTAL_BYTES = 100_000_000  # everything one import reads
MAX_FILES = 20_000
MAX_VALUE = 2_000  # characters of one field


class ImportError_(Exception):
    """A source that cannot be imported at all, with a message for people (no traceback)."""


@dataclass
class PersonRecord:
    name: str
    role: str = ""
    company: str = ""
    industry: list[str] = field(default_factory=list)
    email: str = ""
    phone: str = ""
    linkedin: str = ""
    tags: list[str] = field(default_factory=list)
    notes: str = ""  # free text for the person file's body
    source: str = ""  # where it came from, for the report: "Connections.csv row 4"


@dataclass
class ConversationRecord:
    person: PersonRecord
    date: dt.date
    time: dt.time | None = None
    fields: dict[str, Any] = field(default_factory=dict)  # our field names (status, introduced_by...) and own ones
    body: str = ""
    title: str = ""
    source: str = ""


@dataclass
class Skipped:
    source: str
    why: str


@dataclass
class Read:
    """What a reader found: records, and what it could not use, with why."""

    kind: str  # for the report: "Notion export", "LinkedIn connections"...
    people: list[PersonRecord] = field(default_factory=list)
    conversations: list[ConversationRecord] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    day_first: bool | None = None  # how to read 03/12/2026; None: refuse a date that reads both ways


def clean(value: Any) -> str:
    """A value as one line of text, bounded; control characters dropped."""
    text = "" if value is None else str(value)
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text).replace("\r", "")
    text = " ".join(text.split())
    return text[:MAX_VALUE]


# --- other tools' names for our fields -------------------------------------------------------

SYNONYMS: dict[str, tuple[str, ...]] = {
    "person": ("person", "name", "contact", "with", "who", "interviewee", "full name", "attendee"),
    "company": ("company", "organization", "organisation", "employer", "org", "firm"),
    "role": ("role", "position", "job title", "job", "headline"),
    "date": ("date", "meeting date", "date of call", "call date", "when", "met on", "date met", "meeting"),
    "time": ("time", "start time"),
    "status": ("status", "stage"),
    "industry": ("industry", "sector", "field"),
    "email": ("email", "e-mail", "email address", "mail"),
    "phone": ("phone", "mobile", "phone number", "tel", "cell"),
    "linkedin": ("linkedin", "linkedin url", "linkedin profile", "profile"),
    "introduced_by": ("introduced by", "referred by", "intro", "introducer", "via", "referrer"),
    "tags": ("tags", "labels", "tag"),
    "channel": ("channel", "source", "how we met", "how i reached them"),
    "format": ("format", "medium", "meeting type"),
    "thank_you_sent": ("thank you sent", "thank-you sent", "thank you", "thanked"),
    "follow_up_on": ("follow up", "follow-up", "follow up on", "follow-up date", "next follow up", "next touch"),
    "requested_on": ("requested on", "reached out", "date contacted", "contacted on", "asked on"),
}
_BY_NAME = {name: ours for ours, names in SYNONYMS.items() for name in names}


def our_field(name: str, mapping: dict[str, str] | None = None) -> str | None:
    """Our field for another tool's property name; ``mapping`` (the user's) wins over the usual names."""
    if mapping:
        for theirs, ours in mapping.items():
            if theirs.casefold().strip() == name.casefold().strip():
                return ours
    return _BY_NAME.get(" ".join(name.casefold().replace("_", " ").split()))


STATUSES = {
    "done": ("done", "completed", "complete", "had call", "met", "held", "finished", "talked"),
    "scheduled": ("scheduled", "booked", "upcoming", "planned", "confirmed"),
    "requested": ("requested", "reached out", "contacted", "asked", "waiting", "pending", "sent", "in progress"),
    "prospect": ("prospect", "to contact", "not started", "idea", "to do", "todo", "backlog"),
    "declined": ("declined", "rejected", "said no"),
    "no-reply": ("no reply", "no-reply", "ghosted", "no response", "unanswered"),
}
_STATUS = {name: ours for ours, names in STATUSES.items() for name in names}


def our_status(text: str) -> str | None:
    return _STATUS.get(" ".join(text.casefold().replace("_", " ").split()))


def own_key(name: str) -> str:
    """Another tool's property that is none of ours, as a field name of its own: ``Next Steps`` -> ``next_steps``."""
    key = re.sub(r"[^a-z0-9]+", "_", name.casefold()).strip("_")
    return key[:40] or "field"


# --- dates as tools write them ---------------------------------------------------------------

_MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}


class AmbiguousDate(ValueError):
    """A date like 03/12/2026, which is 12 March to some tools and 3 December to others."""


def parse_when(text: str, day_first: bool | None = None) -> tuple[dt.date, dt.time | None] | None:
    """``June 9, 2026 2:30 PM`` (Notion), ``09 Jun 2026`` (LinkedIn), ``2026-06-09 14:30``, ``2026/06/09``,
    ``15/09/2026`` and ``9/15/2026`` (only one reading is a date); a range (``A → B``) counts from its start.
    ``03/12/2026`` reads both ways: it is read ``day_first`` as asked, and is an :class:`AmbiguousDate` when not."""
    from ..editors import parse_datetime_text, parse_time_text  # noqa: PLC0415

    text = clean(text).split("→")[0].split(" - ")[0].strip().rstrip(",")
    if not text:
        return None
    found = parse_datetime_text(text.replace("/", "-"))
    if found:
        return found
    m = re.fullmatch(r"([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})(?:,? (.+))?", text) or None
    if m:
        month, day, year, rest = _MONTHS.get(m.group(1)[:3].casefold()), int(m.group(2)), int(m.group(3)), m.group(4)
    else:
        m = re.fullmatch(r"(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})(?:,? (.+))?", text)
        if m:
            month, day, year, rest = _MONTHS.get(m.group(2)[:3].casefold()), int(m.group(1)), int(m.group(3)), m.group(4)
        else:
            m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?: (.+))?", text)
            if not m:
                return None
            month, day, year, rest = int(m.group(1)), int(m.group(2)), int(m.group(3)), m.group(4)
            year += 2000 if year < 100 else 0
            if month > 12 >= day:  # 15/09/2026 can only be day first
                month, day = day, month
            elif 1 <= day <= 12 and 1 <= month <= 12 and month != day:  # 03/12/2026: a setting of the tool decided
                if day_first is None:
                    raise AmbiguousDate(text)
                if day_first:
                    month, day = day, month
    if month is None:
        return None
    try:
        day_ = dt.date(year, month, day)
    except ValueError:
        return None
    time = parse_time_text(rest.split("(")[0]) if rest else None
    return day_, time
