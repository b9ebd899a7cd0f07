"""The Obsidian reader's fast paths find what a plain reading finds, on any text.

``body_tags`` and ``inline_fields`` skip work most notes do not need (a search that starts with "#", only the
lines holding "::"). Each is checked here against a reading written the plain way: tags with the pattern that
looks behind first and every heading's hashes taken off, fields line by line (code told apart by the
body's section reader). Text is drawn from the characters
that decide the outcome (hashes, brackets, colons, backticks, line ends), so the edge cases come up often.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from generator import body as body_parser, editors

SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIECES = st.sampled_from(["#", "##", "# ", "a", "Tag", "1", "_", "/", "-", " ", "\t", "\n", "`", "```", "~~~", "[", "]",
                          "(", ")", "](", "<", ">", "&", "\\", "::", ":", "key", "Due Date", "[due:: 2026-12-01]",
                          "- ", "**", "x::", "   ", "|", "é"])
TEXT = st.lists(PIECES, max_size=40).map("".join)

# the plain reading, as the loader first did it
_TAG_LOOKING_BEHIND_FIRST = re.compile(r"(?<![\w&#/\\\[(`])#([A-Za-z_][\w/\-]*)")
_HEADING_MARK = re.compile(r"^[ ]{0,3}#{1,6}(?=\s|$)", re.M)
_LINK_TARGET_OR_HTML = re.compile(r"\]\([^)\n]*\)|<[^>\n]*>")


def tags_read_plainly(body: str) -> list[str]:
    pieces: list[str] = []
    editors.outside_code(body, lambda chunk: pieces.append(chunk) or chunk)  # type: ignore[func-returns-value]
    text = _LINK_TARGET_OR_HTML.sub(" ", _HEADING_MARK.sub("", "\n".join(pieces)))
    found = (m.group(1).rstrip("/-") for m in _TAG_LOOKING_BEHIND_FIRST.finditer(text))
    return list(dict.fromkeys(t for t in found if t and not t.replace("_", "").isdigit()))


def fields_read_line_by_line(body: str) -> list[editors.InlineField]:
    """Every line outside code, as the body's section reader tells code apart, read on its own."""
    return [f for i, line, in_code, _ in body_parser._scan(body) if not in_code and "::" in line
            for f in editors._fields_of(line, i)]


@SETTINGS
@given(TEXT)
@example("# #tag and ##no and #1 and a#b and [#x](#y) <b title='#z'> `#code` #a/b- #_")
@example("#tag at the start\n   #indented\n####### seven")
@example("``#a")  # found by hypothesis in CI: the quick look for a tag ran before code spans were taken out
def test_body_tags_are_what_a_plain_reading_finds(body: str) -> None:
    assert editors.body_tags(body) == tags_read_plainly(body)


@SETTINGS
@given(TEXT)
@example("company:: Acme\nnot a field\n- Role:: Analyst [due:: 2026-12-01]\n\nlast:: line")
@example("::\n\n::x:: y\n")
def test_inline_fields_are_what_a_line_by_line_reading_finds(body: str) -> None:
    assert editors.inline_fields(body) == fields_read_line_by_line(body)
