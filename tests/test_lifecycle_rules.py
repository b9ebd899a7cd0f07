"""The lifecycle rules at their boundaries, with a frozen today and notes built in memory."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import yaml

from generator.lifecycle.rules import Rules, add_business_days, due_items, waiting
from generator.load import Source
from generator.model import KnowledgeBase
from generator.site import load
from generator.settings import Settings

D = dt.date


def kb_of(today: D, notes: dict[str, dict[str, Any]], people: dict[str, dict[str, Any]] | None = None) -> KnowledgeBase:
    """A resolved knowledge base from frontmatter mappings: ``{"interviews/x.md": {...}}``."""
    sources = []
    for uri, meta in {**notes, **{f"people/{k}.md": v for k, v in (people or {}).items()}}.items():
        text = f"---\n{yaml.safe_dump(meta, sort_keys=False)}---\n\nBody.\n"
        sources.append(Source(f"content/{uri}", uri, text.encode()))
    kb = load(sources, Settings(today=today))
    assert not [d for d in kb.diagnostics if d.is_error], [d.format() for d in kb.diagnostics]
    return kb


def items(today: D, notes: dict[str, dict[str, Any]], rules: Rules = Rules(), **kw: Any):
    return due_items(kb_of(today, notes, **kw), rules)


def kinds(found) -> list[tuple[str, str, str]]:
    return [(i.kind, i.person, i.state) for i in found]


# --- polite follow-up after N business days ------------------------------------------------------

FRIDAY = D(2026, 11, 13)
REQUEST = {"interviews/2026-11-13-nadia.md": {"date": FRIDAY, "person": "Nadia Karimi", "status": "requested",
                                              "requested_on": FRIDAY}}


def test_business_days_skip_the_weekend() -> None:
    assert add_business_days(FRIDAY, 1) == D(2026, 11, 16)  # Monday
    assert add_business_days(D(2026, 11, 12), 2) == D(2026, 11, 16)  # Thursday + 2 = Monday
    assert add_business_days(FRIDAY, 7) == D(2026, 11, 24)  # two weekends in between: Tuesday


@pytest.mark.parametrize(("today", "state"), [
    (D(2026, 11, 23), "upcoming"),  # 6 business days: not yet
    (D(2026, 11, 24), "due"),  # exactly 7 business days after a Friday request
    (D(2026, 11, 25), "overdue"),
])
def test_follow_up_after_seven_business_days_across_weekends(today: D, state: str) -> None:
    assert kinds(items(today, REQUEST)) == [("follow-up", "nadia-karimi", state)]


def test_follow_up_counts_weekend_days_out_of_a_short_wait() -> None:
    notes = {"interviews/x.md": {**REQUEST["interviews/2026-11-13-nadia.md"]}}
    rules = Rules(request_business_days=1, upcoming_days=0)
    assert kinds(due_items(kb_of(D(2026, 11, 15), notes), rules)) == []  # Sunday: Monday is the first business day
    assert kinds(due_items(kb_of(D(2026, 11, 16), notes), rules)) == [("follow-up", "nadia-karimi", "due")]


def test_at_most_one_follow_up_then_waiting_never_nags() -> None:
    note = {**REQUEST["interviews/2026-11-13-nadia.md"], "followed_up_on": D(2026, 11, 24)}
    notes = {"interviews/x.md": note}
    for today in (D(2026, 11, 25), D(2026, 12, 31), D(2027, 6, 1)):
        assert items(today, notes) == []
    kb = kb_of(D(2026, 12, 31), notes)
    [(iv, quiet_after)] = waiting(kb, Rules())
    assert iv.person == "nadia-karimi" and quiet_after == D(2026, 12, 3)


def test_no_reply_after_the_last_follow_up_never_nags() -> None:
    note = {**REQUEST["interviews/2026-11-13-nadia.md"], "status": "no-reply", "followed_up_on": D(2026, 11, 24)}
    kb = kb_of(D(2027, 3, 1), {"interviews/x.md": note})
    assert due_items(kb, Rules()) == [] and waiting(kb, Rules()) == []


def test_a_declined_request_never_nags() -> None:
    note = {"date": D(2026, 10, 1), "person": "Hannah Weiss", "status": "declined", "requested_on": D(2026, 10, 1),
            "thank_you_sent": False, "acted_on": [{"what": "Asked again", "on": D(2026, 10, 2)}]}
    for today in (D(2026, 10, 1), D(2026, 10, 13), D(2027, 1, 5)):
        assert items(today, {"interviews/x.md": note}) == []


# --- thank-you within 24 hours -------------------------------------------------------------------

HELD = {"interviews/2026-11-23-ingrid.md": {"date": D(2026, 11, 23), "person": "Ingrid Larsen", "status": "done",
                                            "thank_you_sent": False}}


@pytest.mark.parametrize(("today", "state"), [
    (D(2026, 11, 22), "upcoming"),
    (D(2026, 11, 23), "due"),  # the conversation day
    (D(2026, 11, 24), "due"),  # the next day is still within 24 hours
    (D(2026, 11, 25), "overdue"),  # late
])
def test_thank_you_is_due_the_day_and_the_next_day_then_late(today: D, state: str) -> None:
    found = [i for i in items(today, HELD) if i.kind == "thank-you"]
    assert kinds(found) == [("thank-you", "ingrid-larsen", state)]
    assert found[0].due == D(2026, 11, 24)


def test_thank_you_hours_round_up_to_whole_days() -> None:
    rules = Rules(thank_you_hours=48)
    assert [i.state for i in due_items(kb_of(D(2026, 11, 25), HELD), rules) if i.kind == "thank-you"] == ["due"]
    assert [i.state for i in due_items(kb_of(D(2026, 11, 26), HELD), rules) if i.kind == "thank-you"] == ["overdue"]


def test_a_sent_thank_you_is_not_due() -> None:
    note = {**HELD["interviews/2026-11-23-ingrid.md"], "thank_you_sent": D(2026, 11, 23)}
    assert [i for i in items(D(2026, 11, 24), {"interviews/x.md": note}) if i.kind == "thank-you"] == []


# --- referrals -----------------------------------------------------------------------------------

def referral_note(**referral: Any) -> dict[str, Any]:
    return {"date": D(2026, 10, 20), "person": "Farid Haddad", "status": "done", "thank_you_sent": D(2026, 10, 20),
            "referrals": [{"name": "Owen Brady", "company": "Initech", **referral}]}


@pytest.mark.parametrize(("today", "state"), [
    (D(2026, 10, 20), None),  # more than upcoming_days=0 away
    (D(2026, 11, 3), "due"),  # 14 days after the conversation
    (D(2026, 11, 4), "overdue"),
])
def test_a_referral_not_contacted_after_14_days_is_a_nudge(today: D, state: str | None) -> None:
    found = [i for i in due_items(kb_of(today, {"interviews/f.md": referral_note(contacted=False)}), Rules(upcoming_days=0))
             if i.kind == "referral"]
    assert [i.state for i in found] == ([state] if state else [])
    if found:
        assert found[0].person == "owen-brady" and found[0].by == ("farid-haddad",)


def test_a_referral_contacted_on_a_date_is_done() -> None:
    notes = {"interviews/f.md": referral_note(contacted=D(2026, 10, 25))}
    assert [i for i in items(D(2026, 12, 1), notes) if i.kind == "referral"] == []


@pytest.mark.parametrize("status", ["requested", "scheduled", "done", "declined", "no-reply"])
def test_a_referral_with_a_note_of_their_own_counts_as_contacted(status: str) -> None:
    notes = {"interviews/f.md": referral_note(),
             "interviews/o.md": {"date": D(2026, 11, 2), "person": "Owen Brady", "status": status,
                                 "requested_on": D(2026, 11, 2), "thank_you_sent": D(2026, 11, 2)}}
    assert [i for i in items(D(2026, 12, 1), notes) if i.kind == "referral"] == []


def test_a_prospect_note_is_not_yet_contact() -> None:
    notes = {"interviews/f.md": referral_note(),
             "interviews/o.md": {"date": D(2026, 12, 10), "person": "Owen Brady", "status": "prospect"}}
    assert [i.person for i in items(D(2026, 12, 1), notes) if i.kind == "referral"] == ["owen-brady"]


def test_one_referral_item_per_person_names_everyone_who_suggested_them() -> None:
    notes = {"interviews/a.md": {**referral_note(), "person": "Farid Haddad"},
             "interviews/b.md": {**referral_note(), "date": D(2026, 10, 25), "person": "Mei Tanaka"}}
    [item] = [i for i in items(D(2026, 12, 1), notes) if i.kind == "referral"]
    assert item.by == ("farid-haddad", "mei-tanaka") and item.due == D(2026, 11, 3)


# --- updates and keeping in touch ----------------------------------------------------------------

def test_acting_on_advice_makes_an_update_due_until_it_is_sent() -> None:
    note = {"date": D(2026, 6, 18), "person": "Adam Novak", "status": "done", "thank_you_sent": D(2026, 6, 19),
            "acted_on": [{"what": "Got a fix merged", "on": D(2026, 8, 10), "update_sent": False}]}
    notes = {"interviews/a.md": note}
    assert kinds(items(D(2026, 8, 10), notes)) == [("update", "adam-novak", "due")]
    assert kinds(items(D(2026, 8, 24), notes)) == [("update", "adam-novak", "due")]
    # the pending update is the reason to write: no separate keep-in-touch nag for the same person
    assert kinds(items(D(2026, 12, 1), notes)) == [("update", "adam-novak", "overdue")]
    note["acted_on"][0]["update_sent"] = D(2026, 8, 12)
    assert [i for i in items(D(2026, 8, 20), notes) if i.kind == "update"] == []


def test_keep_in_touch_from_the_last_contact_and_the_cadence() -> None:
    note = {"date": D(2026, 6, 9), "person": "Roman Petrov", "status": "done", "thank_you_sent": D(2026, 6, 10)}
    notes = {"interviews/r.md": note}
    rules = Rules(upcoming_days=0)
    assert kinds(due_items(kb_of(D(2026, 9, 7), notes), rules)) == []
    assert kinds(due_items(kb_of(D(2026, 9, 8), notes), rules)) == [("keep-in-touch", "roman-petrov", "due")]  # 90 days
    own = {"roman-petrov": {"name": "Roman Petrov", "keep_in_touch": 30}}
    assert kinds(due_items(kb_of(D(2026, 7, 10), notes, own), rules)) == [("keep-in-touch", "roman-petrov", "due")]


def test_a_planned_follow_up_date_wins_over_the_cadence() -> None:
    note = {"date": D(2026, 6, 9), "person": "Roman Petrov", "status": "done", "thank_you_sent": D(2026, 6, 9),
            "follow_up_on": D(2026, 12, 1)}
    [item] = items(D(2026, 11, 27), {"interviews/r.md": note})
    assert (item.kind, item.due, item.state) == ("keep-in-touch", D(2026, 12, 1), "upcoming")


def test_no_keep_in_touch_without_a_held_conversation() -> None:
    assert items(D(2027, 6, 1), REQUEST | {"interviews/h.md": {"date": D(2026, 1, 5), "person": "Hannah", "status": "declined"}}) \
        == [i for i in items(D(2027, 6, 1), REQUEST) if i.kind == "follow-up"]


# --- scheduled conversations, ordering, ids, settings --------------------------------------------

def test_a_scheduled_conversation_is_due_on_its_day_and_then_asks_for_notes() -> None:
    notes = {"interviews/t.md": {"date": D(2026, 12, 3), "person": "Tomás Herrera", "status": "scheduled"}}
    assert [i.state for i in items(D(2026, 11, 27), notes)] == ["upcoming"]
    assert [i.state for i in items(D(2026, 12, 3), notes)] == ["due"]
    assert [i.state for i in items(D(2026, 12, 4), notes)] == ["overdue"]


def test_items_are_sorted_by_urgency_and_ids_carry_no_dates() -> None:
    notes = {**REQUEST, **HELD, "interviews/t.md": {"date": D(2026, 12, 3), "person": "Tomás Herrera", "status": "scheduled"}}
    found = items(D(2026, 11, 27), notes)
    assert [i.state for i in found] == ["overdue", "overdue", "upcoming"]
    assert [i.id for i in found] == ["thank-you-2026-11-23-ingrid", "follow-up-2026-11-13-nadia", "conversation-t"]
    later = items(D(2026, 11, 30), notes)
    assert {i.id for i in found} <= {i.id for i in later}


def test_settings_defaults_and_clear_errors() -> None:
    assert Rules.from_options({}) == Rules(7, 24, 14, 14, 90, 14)
    assert Rules.from_options({"request_business_days": 5}).request_business_days == 5
    with pytest.raises(ValueError, match=r"followups: unknown key `request_days`; did you mean `request_business_days`\?"):
        Rules.from_options({"request_days": 5})
    with pytest.raises(ValueError, match=r"followups: thank_you_hours: expected a whole number of at least 1, got '24h'"):
        Rules.from_options({"thank_you_hours": "24h"})
    with pytest.raises(ValueError, match="got True"):
        Rules.from_options({"referral_days": True})
    assert Rules.from_options({"upcoming_days": 0}).upcoming_days == 0
