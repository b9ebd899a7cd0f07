"""Pre-rendered HTML in generated pages (the conversations table) reaches the page exactly as written,
whether Python-Markdown sees it (other engines, ``insight export``) or the plugin lifts it out first."""

from __future__ import annotations

import markdown

from generator.render import drop_html, html_block, lift_html

EXTS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details", "pymdownx.superfences"]
TABLE = '<div class="insight-sortable">\n<table>\n<tbody>\n<tr><td><a href="x/">A &amp; *B*</a></td></tr>\n</tbody>\n</table>\n</div>'


def test_lifted_blocks_come_back_in_place() -> None:
    page = f"# Title\n\nBefore.\n\n{html_block(TABLE)}\n\nAfter with *emphasis*.\n\n{html_block('<p>two</p>')}\n"
    lifted, blocks = lift_html(page)
    assert blocks == [TABLE, "<p>two</p>"] and "<table>" not in lifted
    html = drop_html(markdown.markdown(lifted, extensions=EXTS), blocks)
    assert TABLE in html and "<p>two</p>" in html and "<em>emphasis</em>" in html
    assert html.index("Before.") < html.index("<table>") < html.index("After with") < html.index("<p>two</p>")
    # without the plugin the same page is valid Markdown that keeps the table
    assert "<table>" in markdown.markdown(page, extensions=EXTS)


def test_an_unclosed_marker_leaves_the_text_alone() -> None:
    page = "text <!-- insight:html --> <b>x</b>"
    assert lift_html(page) == (page, [])
    assert lift_html("no blocks") == ("no blocks", [])
