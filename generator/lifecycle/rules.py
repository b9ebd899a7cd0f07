"""The conversation lifecycle as rules: from each note's status and dates to what is due, and when.

Every rule has a default in :class:`Rules` and can be changed under ``followups:`` in the plugin's
options. Dates in notes are days, so each rule works in days:

- *follow-up*: a request with no answer ``request_business_days`` business days (Monday to Friday;
  holidays are not known) after ``requested_on`` wants one polite follow-up. Once ``followed_up_on``
  is set nothing more is due: the note is "waiting" and you may mark it ``no-reply``.
- *thank-you*: due from the conversation day through the end of the next day (``thank_you_hours``
  rounded up to whole days after the conversation day); late after that.
- *referral*: someone suggested to you and not contacted ``referral_days`` after the conversation
  they were suggested in. Contacted means ``contacted:`` is a date, or a note with them exists whose
  status is past ``prospect``.
- *update*: advice you acted on (``acted_on`` without ``update_sent``) wants a note to its giver
  within ``update_days`` of acting on it.
- *keep-in-touch*: the last contact you can see plus the person's ``keep_in_touch`` days (default
  ``keep_in_touch_days``), or the planned ``follow_up_on`` when it is later than that contact.
- *conversation*: a scheduled conversation, due on its day; once the day has passed it asks for notes.

``declined`` and ``no-reply`` notes never produce an item of their own. A conversation older than
``history_days`` without any follow-up field (``thank_you_sent``, ``followed_up_on``, ``follow_up_on``,
``acted_on``) is history, imported or written long after: it raises no reminder of its own, and its person no
keep-in-touch unless their file asks for one (``keep_in_touch``). Its open tasks with a due day (``📅 2026-06-20``)
are still listed and counted: a day the user wrote down is one they meant.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
from dataclasses import dataclass, field, fields
from typing import Any

from ..identity import slugify
from ..model import Interview, KnowledgeBase

STATES = ("overdue", "due", "upcoming")
KINDS = ("thank-you", "follow-up", "conversation", "update", "referral", "keep-in-touch")
CONTACTED_STATUSES = frozenset({"requested", "scheduled", "done", "declined", "no-reply"})


@dataclass(frozen=True)
class Rules:
    """The lifecycle's settings; each default is documented in the guide."""

    request_business_days: int = 7
    thank_you_hours: int = 24
    referral_days: int = 14
    update_days: int = 14
    keep_in_touch_days: int = 90
    upcoming_days: int = 14
    history_days: int = 60

    @classmethod
    def from_options(cls, options: dict[str, Any] | None) -> Rules:
        """Read ``followups:``; unknown keys and wrong types raise ValueError with a message for people."""
        known = [f.name for f in fields(cls)]
        values: dict[str, int] = {}
        for name, value in (options or {}).items():
            if name not in known:
                close = difflib.get_close_matches(str(name), known, n=1, cutoff=0.6)
                hint = f"did you mean `{close[0]}`?" if close else "known keys: " + ", ".join(known)
                raise ValueError(f"followups: unknown key `{name}`; {hint}")
            least = 0 if name == "upcoming_days" else 1
            if isinstance(value, bool) or not isinstance(value, int) or value < least:
                raise ValueError(f"followups: {name}: expected a whole number of at least {least}, got {value!r}")
            values[name] = value
        return cls(**values)

    @property
    def thank_you_days(self) -> int:
        """Whole days after the conversation day that still count as "within the hours"."""
        return max(1, math.ceil(self.thank_you_hours / 24))


@dataclass(frozen=True)
class DueItem:
    """One thing to do for one person, with the window it is due in."""

    kind: str
    person: str  # slug
    interview: str | None  # the note it comes from
    start: dt.date  # from when it is due
    due: dt.date  # after this it is overdue
    state: str
    detail: str = ""
    key: str = ""  # what makes the id unique within its kind
    by: tuple[str, ...] = field(default=())  # referral: who suggested them

    @property
    def id(self) -> str:
        """Stable across builds (no dates in it), so a calendar updates the event instead of adding one."""
        return f"{self.kind}-{self.key or self.interview or self.person}"

    @property
    def email(self) -> str | None:
        """The email draft that does this item."""
        return {"thank-you": "thank-you", "follow-up": "follow-up", "referral": "request",
                "update": "update", "keep-in-touch": "update"}.get(self.kind)

    def as_dict(self) -> dict[str, Any]:
        return {"id": self.id, "kind": self.kind, "state": self.state, "person": self.person,
                "interview": self.interview, "start": self.start.isoformat(), "due": self.due.isoformat(),
                "detail": self.detail, "by": list(self.by), "email": self.email}


def add_business_days(day: dt.date, n: int) -> dt.date:
    """``n`` weekdays after ``day``: Friday + 1 is Monday."""
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def state_of(start: dt.date, due: dt.date, today: dt.date, upcoming_days: int) -> str | None:
    """overdue after ``due``, due from ``start``, upcoming when ``start`` is close enough; else nothing."""
    if today > due:
        return "overdue"
    if today >= start:
        return "due"
    if (start - today).days <= upcoming_days:
        return "upcoming"
    return None


def _item(rules: Rules, today: dt.date, kind: str, person: str, interview: str | None, start: dt.date,
          due: dt.date | None = None, **extra: Any) -> DueItem | None:
    due = due or start
    state = state_of(start, due, today, rules.upcoming_days)
    return DueItem(kind, person, interview, start, due, state, **extra) if state else None


def is_history(iv: Interview, rules: Rules, today: dt.date) -> bool:
    """Older than ``history_days`` and without a field that says you are still following it up."""
    if (today - iv.date).days <= rules.history_days:
        return False
    return iv.thank_you_sent is None and not (iv.followed_up_on or iv.follow_up_on or iv.acted_on)


def history_left_out(kb: KnowledgeBase, rules: Rules) -> list[Interview]:
    """Conversations that would raise a reminder (or have open actions without a day) but are history."""
    return [iv for iv in kb.interviews if is_history(iv, rules, kb.today)
            and (any(_note_items(iv, rules, kb.today)) or any(not a.done and a.due is None for a in iv.actions))]


def _note_items(iv: Interview, rules: Rules, today: dt.date) -> list[DueItem | None]:
    out: list[DueItem | None] = []
    if iv.status == "requested" and not iv.followed_up_on:
        asked = iv.requested_on or iv.date
        out.append(_item(rules, today, "follow-up", iv.person, iv.slug, add_business_days(asked, rules.request_business_days),
                         detail=f"asked on {asked.isoformat()}"))
    if iv.status == "done" and not iv.thank_you_sent:
        out.append(_item(rules, today, "thank-you", iv.person, iv.slug, iv.date,
                         iv.date + dt.timedelta(days=rules.thank_you_days)))
    if iv.status == "scheduled":
        out.append(_item(rules, today, "conversation", iv.person, iv.slug, iv.date, detail=iv.format or ""))
    if iv.status not in ("declined", "no-reply"):
        for action in iv.acted_on:
            if not action.update_sent:
                start = action.on or iv.date
                out.append(_item(rules, today, "update", iv.person, iv.slug, start, start + dt.timedelta(days=rules.update_days),
                                 detail=action.what, key=f"{iv.slug}-{slugify(action.what)[:40].strip('-')}"))
    return out


def contacted_people(kb: KnowledgeBase) -> set[str]:
    """People you have reached out to: a note with them past ``prospect``."""
    return {iv.person for iv in kb.interviews if iv.status in CONTACTED_STATUSES}


def _referral_items(kb: KnowledgeBase, rules: Rules) -> list[DueItem | None]:
    contacted = contacted_people(kb)
    by_person: dict[str, list[tuple[dt.date, str, str]]] = {}
    for iv in kb.interviews:
        for r in iv.referrals:
            if r.contacted or r.person in contacted:
                continue
            by_person.setdefault(r.person, []).append((iv.date, r.by, iv.slug))
    out = []
    for person, seen in by_person.items():
        seen.sort()
        first_day, _, first_iv = seen[0]
        suggesters = tuple(dict.fromkeys(by for _, by, _ in seen))
        out.append(_item(rules, kb.today, "referral", person, first_iv, first_day + dt.timedelta(days=rules.referral_days),
                         key=person, by=suggesters))
    return out


def last_contact(kb: KnowledgeBase, person: str) -> dt.date | None:
    """The latest day you can see you were in touch: a held conversation, a thank-you or an update
    sent, or an introduction they made (asked for around ``requested_on``)."""
    days: list[dt.date] = []
    for iv in kb.interviews_with("person", person):
        if iv.held and iv.date <= kb.today:
            days.append(iv.date)
        if isinstance(iv.thank_you_sent, dt.date):
            days.append(iv.thank_you_sent)
        days += [a.update_sent for a in iv.acted_on if isinstance(a.update_sent, dt.date)]
    for iv in kb.interviews_with("introduced_by", person):
        if iv.status in CONTACTED_STATUSES:
            days.append(iv.requested_on or iv.date)
    days = [d for d in days if d <= kb.today]
    return max(days) if days else None


def _keep_in_touch_items(kb: KnowledgeBase, rules: Rules, skip: set[str]) -> list[DueItem | None]:
    out = []
    for slug, person in kb.people.items():
        ivs = kb.interviews_with("person", slug)
        held = any(iv.held and iv.date <= kb.today and not is_history(iv, rules, kb.today) for iv in ivs)
        if slug in skip or not (held or person.keep_in_touch):
            continue
        last = last_contact(kb, slug)
        if last is None:
            continue
        planned = sorted(iv.follow_up_on for iv in ivs if iv.follow_up_on and iv.follow_up_on > last)
        cadence = person.keep_in_touch or rules.keep_in_touch_days
        due = planned[0] if planned else last + dt.timedelta(days=cadence)
        detail = "as planned" if planned else f"every {cadence} days; last contact {last.isoformat()}"
        out.append(_item(rules, kb.today, "keep-in-touch", slug, None, due, detail=detail, key=slug))
    return out


def due_items(kb: KnowledgeBase, rules: Rules) -> list[DueItem]:
    """Everything overdue, due or coming up, most urgent first; deterministic for the same notes and today."""
    items: list[DueItem | None] = []
    for iv in kb.interviews:
        if not is_history(iv, rules, kb.today):
            items += _note_items(iv, rules, kb.today)
    items += _referral_items(kb, rules)
    pending_update = {i.person for i in items if i is not None and i.kind == "update"}
    items += _keep_in_touch_items(kb, rules, pending_update)
    found = [i for i in items if i is not None]
    return sorted(found, key=lambda i: (STATES.index(i.state), i.due, KINDS.index(i.kind), kb.people[i.person].name.casefold(), i.id))


def waiting(kb: KnowledgeBase, rules: Rules) -> list[tuple[Interview, dt.date]]:
    """Requests already followed up: nothing more is due; after another wait, mark them no-reply."""
    out = []
    for iv in kb.interviews:
        if iv.status == "requested" and iv.followed_up_on:
            out.append((iv, add_business_days(iv.followed_up_on, rules.request_business_days)))
    return sorted(out, key=lambda x: (x[1], x[0].slug))


def open_actions(kb: KnowledgeBase, rules: Rules) -> list[tuple[Interview, Any]]:
    """Open task items and action items, by due day, then newest note: all with a due day, and those without one
    in conversations that are not history."""
    found = [(iv, a) for iv in kb.interviews for a in iv.actions
             if not a.done and (a.due is not None or not is_history(iv, rules, kb.today))]
    return sorted(found, key=lambda x: (x[1].due is None, x[1].due or dt.date.min, -x[0].date.toordinal(), x[0].slug, x[1].line))


def action_state(action: Any, today: dt.date, rules: Rules) -> str | None:
    """An open action with a due day is overdue after it, due on it, upcoming when close; one without a day never is."""
    return state_of(action.due, action.due, today, rules.upcoming_days) if action.due else None


def counts(items: list[DueItem], action_states: list[str | None] | tuple[()] = ()) -> dict[str, int]:
    """How many items (and open actions, by :func:`action_state`) are overdue, due and upcoming."""
    return {s: sum(i.state == s for i in items) + sum(a == s for a in action_states) for s in STATES}
