"""The pieces of the privacy filter a user reads: how people are named, what counts as contact details."""

from __future__ import annotations

import pytest

from generator.share.filter import Scrubber, label
from generator.share.scan import find_contacts, redact


@pytest.mark.parametrize(("role", "company", "expected"), [
    ("Engineering Manager", "Tessellate Labs", "an Engineering Manager at Tessellate Labs"),
    ("UX Researcher", "Globex", "a UX Researcher at Globex"),
    ("Senior Data Scientist", None, "a Senior Data Scientist"),
    ("", "Globex", "someone at Globex"),
    (None, None, "someone"),
])
def test_anonymous_people_read_as_a_role_at_a_company(role: str | None, company: str | None, expected: str) -> None:
    assert label(role, company) == expected


@pytest.mark.parametrize("text", [
    "Write to ana.ruiz@example.org", "call +1 555 0142 after six", "or (555) 123-4567", "on 020 7946 0958 1234",
    "https://www.linkedin.com/in/ana-ruiz-123", "x.com/anaruiz", "github.com/anaruiz",
])
def test_contact_details_are_found(text: str) -> None:
    assert list(find_contacts(text)), text


@pytest.mark.parametrize("text", [
    "met on 2026-06-10", "between 2019 2020 2021", "salary 70 000", "see github.com/jakevdp/PythonDataScienceHandbook",
    "https://acme-analytics.example.com", "version 1.2.3",
])
def test_dates_numbers_and_repositories_are_not_contact_details(text: str) -> None:
    assert list(find_contacts(text)) == [], text


def test_redaction_keeps_the_sentence() -> None:
    assert redact("Mail ana@example.org or ring +44 20 7946 0958.") == "Mail [email removed] or ring [phone removed]."


def test_names_are_replaced_and_a_sentence_start_stays_capitalised() -> None:
    scrub = Scrubber({"Priya Raman": "a Machine Learning Engineer at Globex", "Priya": "a Machine Learning Engineer at Globex"})
    assert scrub("Priya Raman said so. I asked Priya.") == (
        "A Machine Learning Engineer at Globex said so. I asked a Machine Learning Engineer at Globex.")
    # another name that merely starts the same stays; the name itself goes in any case and as an @mention
    assert scrub("Priyanka stays, priya and @PRIYA go") == (
        "Priyanka stays, a Machine Learning Engineer at Globex and a Machine Learning Engineer at Globex go")


@pytest.mark.parametrize("body, hint", [
    ("text\n\n```python\nprint(1)\n", "close it with ``` after the code"),
    ("text\n\n```\n## Private\n```\n", "close the fence before the private part"),
    ("text <!-- private\n\nsecret\n", "end the marker with -->"),
    ("secret\n<!-- /private -->\nshared\n", "put <!-- private --> where the private text starts"),
    ("shared\n<!-- private -->\nsecret\n", "put <!-- /private --> after the private text"),
])
def test_each_unclear_shape_gets_its_own_hint(body: str, hint: str) -> None:
    from generator.share.scan import unclear_warnings

    [warning] = unclear_warnings("content/interviews/x.md", body, 5)
    assert warning.hint.startswith(hint), warning
