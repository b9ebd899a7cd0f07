"""``t`` escapes frontmatter values for Markdown: whatever a name holds, the page shows exactly that text.

Converted with Python-Markdown and the site's own extensions, in the places generated pages put values:
the start of a list item, a table cell, a heading and a link label.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import markdown
import pytest
import yaml

from generator.escape import t

ROOT = Path(__file__).resolve().parent.parent
VALUES = ["- not a list", "1. not numbered", "12) twelve", "+ plus", "# not a heading", "C# developer", "a [b](c) d",
          "x | y", "<script>alert(1)</script>", "*stars* and _under_", "`code`", "![img](x.png)", "{ #id }",
          "O'Brien-Smith (2024-11-27)", "a \\ backslash", "&amp; stays", "=== rule", "> quote"]


def _convert(text: str) -> str:
    """Python-Markdown with the extensions and options of the shipped mkdocs.yml."""
    exts, configs = [], {}
    for item in yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["markdown_extensions"]:
        name, opts = next(iter(item.items())) if isinstance(item, dict) else (item, {})
        exts.append(name)
        configs[name] = opts or {}
    return markdown.markdown(text, extensions=exts, extension_configs=configs)


def _text(html_out: str) -> list[str]:
    """The visible text of each block, tags removed and entities decoded."""
    blocks = re.findall(r"<(li|td|h3|p)[^>]*>(.*?)</\1>", html_out, flags=re.S)
    return [html.unescape(re.sub(r"<[^>]+>", "", inner)).replace("¶", "").strip() for _, inner in blocks]


@pytest.mark.parametrize("value", VALUES)
def test_value_shows_as_itself_everywhere(value: str) -> None:
    page = (f"- {t(value)}\n\n| Name | Role |\n|---|---|\n| {t(value)} | x |\n\n### {t(value)}\n\n"
            f"[{t(value)}](other.md)\n")
    out = _convert(page)
    assert "<script" not in out and "<img" not in out and "<ol" not in out and "<ul>\n<li>\n<ul" not in out
    texts = _text(out)
    assert texts[0] == value, out  # the list item
    assert value in texts, out  # the table cell, the heading and the link label
    assert texts.count(value) >= 3, out


def test_dates_and_hyphens_need_no_backslashes() -> None:
    assert t("2024-11-27") == "2024-11-27"
    assert t("Jean-Luc O'Brien (CTO)") == "Jean-Luc O'Brien (CTO)"
