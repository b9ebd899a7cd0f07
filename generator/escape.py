"""Escaping user text for generated Markdown: a value shows as the text it is, whatever characters it has.

Names and other frontmatter values pass through ``t`` (Markdown and HTML characters escaped, so ``<script>`` in a
company name shows as text and never runs); user Markdown (answers, insights) through ``md``, which keeps it
Markdown but neutralises raw HTML and script URLs. ``plain`` goes the other way, for text that is not Markdown
(an email draft, a line in the terminal).
"""

from __future__ import annotations

import re
from typing import Any

from .sanitize import defuse_links, escape_attr_lists

# Characters that start Markdown anywhere in a line. "-", "(" and ")" are only Markdown at the start of a line
# (a list item) or after "]" (which is escaped), so names and dates keep them bare: every backslash is work for
# Python-Markdown, and a page of a thousand dated rows had thousands of them.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#+!|])")
_LINE_START = re.compile(r"^(?:(-)|(\d+)([.)]))")  # "- x" would be a list item, "1. x" a numbered one


def t(value: Any) -> str:
    """Escape a value for inline Markdown: it shows as the text it is, whatever characters it has."""
    return _t(value) if isinstance(value, str) else _t("" if value is None else str(value))


def _t(text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = " ".join(_MD_SPECIAL.sub(r"\\\1", text).split())
    return _LINE_START.sub(lambda m: "\\-" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", text)


_RAW_HTML = re.compile(r"<(?=[A-Za-z/!?])")
_SCRIPT_URL = re.compile(r"(java|vb)script:", re.I)


def md(value: Any) -> str:
    """User Markdown (an answer, an insight) kept as Markdown, but raw HTML and script URLs neutralised."""
    return _md(value) if isinstance(value, str) else _md("" if value is None else str(value))


def _md(text: str) -> str:
    text = escape_attr_lists(defuse_links(_RAW_HTML.sub("&lt;", text)))
    # what is left is text, not an address: a colon a browser cannot read back into a scheme (not &#58;)
    return _SCRIPT_URL.sub(lambda m: m.group(1) + "script\u200b:", text)


def indent(text: str, width: int = 4) -> str:
    """Indent a Markdown block (for admonitions and list items); blank lines stay blank."""
    pad = " " * width
    return "\n".join(pad + line if line.strip() else "" for line in str(text).split("\n"))


_BLANK_RUN = re.compile(r"\n\n\n+")


def collapse_blank_runs(text: str) -> str:
    """Every run of three or more newlines as two, in one pass (a page with long runs took several
    ``str.replace`` passes); most pages have none, and ``in`` finds that fastest."""
    return _BLANK_RUN.sub("\n\n", text) if "\n\n\n" in text else text


_MD_LINK = re.compile(r"!?\[((?:\\.|[^\]\\\n])*)\]\([^)\s]*\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_\[\]{}()#+!|&<>.-])")


def plain(markdown: str) -> str:
    """Inline Markdown as the text a reader sees: links as their labels, ``t``'s escapes undone, entities decoded.
    For places that show text as written (an email draft, the terminal), where ``[Acme](../acme.md)`` is noise."""
    if "[" not in markdown and "\\" not in markdown and "&" not in markdown:
        return markdown
    from html import unescape  # noqa: PLC0415 - only text with an entity needs it

    return unescape(_MD_ESCAPE.sub(r"\1", _MD_LINK.sub(r"\1", markdown)))
