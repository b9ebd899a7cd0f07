"""The recognised sections of a note's Markdown body.

``## Questions`` holds questions (``### question`` headings with the answer below, or list
items ending in ``?``); ``## Insights``, ``## Advice`` and ``## Resources`` hold list items;
``## Actions`` and task items (``- [ ] ...``, ``- [x] ...``) anywhere are things to do;
``## Private`` and ``<!-- private -->...<!-- /private -->`` hold what is never shared.
Headings other editors' templates use mean the same (:data:`HEADINGS`: ``## Key Takeaways`` is
``## Insights``). Any other section is the user's own text, shown as written.
Fenced code is opaque: a ``?`` or ``##`` inside it means nothing.
"""

from __future__ import annotations

import re

import datetime as dt

from . import private
from .model import QA, BodyParts, Task

_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")
SECTIONS = {"questions", "insights", "advice", "resources", "actions", "private"}
# headings as other templates write them (case does not matter): the one table the guide shows
HEADINGS: dict[str, tuple[str, ...]] = {
    "questions": ("Questions", "Agenda", "Questions to ask", "Q&A", "Questions asked", "Questions and answers"),
    "insights": ("Insights", "Takeaways", "Key Takeaways", "Learnings", "Lessons", "Lessons learned", "Key learnings"),
    "advice": ("Advice", "Tips", "Recommendations"),
    "resources": ("Resources", "Links", "Reading", "Further reading"),
    "actions": ("Actions", "Action Items", "Next Steps", "To do", "Todo", "Tasks", "Follow-ups", "Follow ups"),
    "private": ("Private",),
}
_SYNONYMS = {name.casefold(): section for section, names in HEADINGS.items() for name in names}
_TASK = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+\[([ xX])\]\s+(.*)$")
_DUE = re.compile(r"\s*(?:📅\s*(\d{4}-\d{2}-\d{2})|\[due::\s*(\d{4}-\d{2}-\d{2})\s*\])")



def _scan(body: str) -> list[tuple[int, str, bool, bool]]:
    """(index, line, inside_code, opens_a_fence) for every line; fences toggle the flag."""
    out, fence = [], None
    for i, line in enumerate(body.split("\n")):
        m = _FENCE.match(line)
        if m and (fence is None or m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence)):
            out.append((i, line, True, fence is None))
            fence = None if fence else m.group(1)
            continue
        out.append((i, line, fence is not None, False))
    return out


def section_name(title: str) -> str | None:
    """The section a heading opens: ``Key Takeaways``, ``📝 Agenda`` and ``Agenda/Questions`` are recognised."""
    name = title.strip().strip(":").casefold()
    if name in SECTIONS:
        return name
    found = _SYNONYMS.get(name)
    if found or not name:
        return found
    return _loose_section(name)


def _loose_section(name: str) -> str | None:
    # emoji and decoration dropped; "Agenda/Questions" and "Follow-ups & Tasks" name one section in two ways
    plain = " ".join(re.sub(r"[^\w\s&/+-]", " ", name).split())
    found = _SYNONYMS.get(plain)
    if found:
        return found
    for part in re.split(r"\s*(?:/|&|\+|\band\b)\s*", plain):
        found = _SYNONYMS.get(part.strip())
        if found:
            return found
    return None


def _task(match: re.Match[str], line: int) -> Task | None:
    text, due = match.group(2).strip(), None
    found = _DUE.search(text)
    if found:
        try:
            due = dt.date.fromisoformat(found.group(1) or found.group(2))
        except ValueError:
            due = None
        text = _DUE.sub("", text).strip()
    return Task(text, match.group(1) != " ", line, due) if text else None


def parse(body: str, first_line: int = 1) -> BodyParts:
    """Read the recognised sections; ``first_line`` is the file line where the body starts."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")  # a note saved with Windows line ends reads the same
    parts = BodyParts()
    current: str | None = None
    level = 0
    qa: QA | None = None
    answer: list[str] = []
    item_indent: int | None = None

    def close() -> None:
        nonlocal qa, answer
        if qa is not None:
            qa.answer = "\n".join(answer).strip()
            parts.questions.append(qa)
        qa, answer = None, []

    for i, line, in_code, opens in _scan(body):
        task = None if in_code or "[" not in line else _TASK.match(line)
        if task and current != "private":
            found = _task(task, first_line + i)
            if found:
                parts.actions.append(found)
            if current != "questions" or qa is None:
                continue
        heading = None if in_code else _HEADING.match(line)
        if heading and len(heading.group(1)) <= 2:
            close()
            current, level = section_name(heading.group(2)), len(heading.group(1))
            item_indent = None
            continue
        if current == "questions":
            if heading and len(heading.group(1)) >= level + 1:
                close()
                text = heading.group(2).strip()
                qa = QA(question=text, answer="", line=first_line + i) if text else None  # an empty heading asks nothing
                item_indent = None
                continue
            item = None if in_code else _ITEM.match(line)
            if item and item.group(2).rstrip().endswith("?") and (item_indent is None or len(item.group(1)) <= item_indent):
                close()
                qa = QA(question=item.group(2).strip(), answer="", line=first_line + i)
                item_indent = len(item.group(1))
                continue
            if qa is not None:
                if item_indent is not None and line.strip():
                    # the answer to a list-item question is what is nested under it
                    indent = len(line) - len(line.lstrip())
                    if indent <= item_indent and (opens or not in_code):  # a fence at the item's level ends it too
                        close()
                        item_indent = None
                        continue
                    line = line[item_indent + 2 :] if indent >= item_indent + 2 else line.strip()
                answer.append(line)
        elif current in ("insights", "advice", "resources") and not in_code:
            item = _ITEM.match(line)
            if item and len(item.group(1)) == 0 and item.group(2).strip():
                getattr(parts, current).append(item.group(2).strip())
        elif current == "actions" and not in_code:
            item = _ITEM.match(line)
            if item and len(item.group(1)) == 0 and item.group(2).strip():
                parts.actions.append(Task(item.group(2).strip(), False, first_line + i))
    close()
    return parts


def strip_private(body: str) -> str:
    """The body without its private regions (see :mod:`generator.private`): what may be shared."""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    return private.regions(body).strip(body)
