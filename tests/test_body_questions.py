"""How questions are found in a note's body: the edge cases a user writing notes by hand runs into."""

from __future__ import annotations

from generator.body import parse


def qas(body: str, first_line: int = 1) -> list[tuple[str, str, int]]:
    return [(q.question, q.answer, q.line) for q in parse(body, first_line).questions]


def test_heading_questions_keep_the_text_below_as_answer_and_the_file_line() -> None:
    body = "Intro.\n\n## Questions\n\n### What do you do all day?\nMostly SQL.\n\nAnd meetings.\n"
    assert qas(body, first_line=8) == [("What do you do all day?", "Mostly SQL.\n\nAnd meetings.", 12)]


def test_questions_without_answers_are_kept_with_an_empty_answer() -> None:
    body = "## Questions\n\n### What surprised you?\n\n### What is next?\n- Is there a dress code?\n- Who else should I ask?\n"
    assert [(q, a) for q, a, _ in qas(body)] == [
        ("What surprised you?", ""), ("What is next?", ""), ("Is there a dress code?", ""),
        ("Who else should I ask?", ""),
    ]


def test_heading_without_a_question_mark_is_still_a_question() -> None:
    body = "## Questions\n\n### Salary range\nWide, it depends on the firm.\n"
    assert qas(body) == [("Salary range", "Wide, it depends on the firm.", 3)]


def test_list_items_need_a_question_mark() -> None:
    body = "## Questions\n\n- Talked about the weather\n- What do you like least?\n  The on-call rota.\n"
    assert [(q, a) for q, a, _ in qas(body)] == [("What do you like least?", "The on-call rota.")]


def test_list_item_question_takes_its_nested_answer_including_nested_lists() -> None:
    body = ("## Questions\n\n- What skills matter?\n  Three, in order:\n\n  - SQL\n  - statistics?\n    (she hesitated)\n"
            "- And the hardest part?\n    Deadlines.\n\nNot an answer any more.\n")
    assert [(q, a) for q, a, _ in qas(body)] == [
        ("What skills matter?", "Three, in order:\n\n- SQL\n- statistics?\n  (she hesitated)"),
        ("And the hardest part?", "Deadlines."),
    ]


def test_numbered_items_are_questions_too() -> None:
    assert [q for q, _, _ in qas("## Questions\n1. First?\n   one\n2) Second?\n")] == ["First?", "Second?"]


def test_code_blocks_are_opaque() -> None:
    body = ("## Questions\n\n```\n- is this a question?\n### nor this?\n```\n\n- Which languages?\n"
            "  ```python\n  x = a if b else c  # why?\n  ## not a section?\n  ```\n  Python, mostly.\n\n"
            "~~~\n### Still not?\n~~~\n")
    assert qas(body) == [("Which languages?", "```python\nx = a if b else c  # why?\n## not a section?\n```\nPython, mostly.", 8)]


def test_headings_outside_the_questions_section_are_not_questions() -> None:
    body = "## Notes\n\n### Is this a question?\nNo.\n- A list item?\n\n## Questions\n- Inside?\n\n## Insights\n### Also not?\n"
    assert [q for q, _, _ in qas(body)] == ["Inside?"]


def test_a_private_section_ends_the_questions() -> None:
    body = "## Questions\n### Asked?\nYes.\n## Private\n### Secret?\nNever shown.\n"
    assert [(q, a) for q, a, _ in qas(body)] == [("Asked?", "Yes.")]


def test_windows_line_ends_read_the_same() -> None:
    unix = "## Questions\n\n### What is it like?\nGreat.\nReally.\n\n- Another?\n  Yes.\n"
    assert qas(unix.replace("\n", "\r\n")) == qas(unix)
    assert all("\r" not in q + a for q, a, _ in qas(unix.replace("\n", "\r\n")))


def test_an_empty_heading_asks_nothing() -> None:
    assert qas("## Questions\n### \nstray text\n### Real?\nyes\n") == [("Real?", "yes", 4)]
