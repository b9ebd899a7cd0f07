"""Pre-rendered HTML in generated pages (the conversations table) reaches the page exactly as written,
whether Python-Markdown sees it (other engines, ``insight export``) or the plugin lifts it out first."""

from __future__ import annotations

import pytest

import markdown

from generator.htmlblocks import drop_html, html_block, lift_html, strip_placeholders

EXTS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details", "pymdownx.superfences"]
TABLE = '<div class="insight-sortable">\n<table>\n<tbody>\n<tr><td><a href="x/">A &amp; *B*</a></td></tr>\n</tbody>\n</table>\n</div>'


def test_lifted_blocks_come_back_in_place() -> None:
    page = f"# Title\n\nBefore.\n\n{html_block(TABLE)}\n\nAfter with *emphasis*.\n\n{html_block('<p>two</p>')}\n"
    lifted, blocks, mark = lift_html(page)
    assert blocks == [TABLE, "<p>two</p>"] and "<table>" not in lifted and "<div" not in lifted
    html, _ = drop_html(markdown.markdown(lifted, extensions=EXTS), blocks, mark)
    assert TABLE in html and "<p>two</p>" in html and "<em>emphasis</em>" in html
    assert html.index("Before.") < html.index("<table>") < html.index("After with") < html.index("<p>two</p>")
    # without the plugin the same page is valid Markdown that keeps the table
    assert "<table>" in markdown.markdown(page, extensions=EXTS)


def test_an_unclosed_marker_leaves_the_text_alone() -> None:
    page = "text <!-- insight:html --> <b>x</b>"
    assert lift_html(page) == (page, [], "")
    assert lift_html("no blocks") == ("no blocks", [], "")


def test_markdown_inside_html_blocks_is_converted_once_and_kept_between_builds() -> None:
    from generator.htmlblocks import MarkdownSnippets, fill_markdown, markdown_in_html

    first = MarkdownSnippets(["admonition"])
    block = f"<li>{markdown_in_html('Mostly *pricing*.')}</li><li>{markdown_in_html('In `SQL`.')}</li>"
    assert fill_markdown(block, first) == "<li><p>Mostly <em>pricing</em>.</p></li><li><p>In <code>SQL</code>.</p></li>"
    again = MarkdownSnippets(["admonition"], last=first)  # the next build under serve, any page

    def no_converting(text: str) -> str:
        raise AssertionError(f"converted again: {text}")

    again._md.convert = no_converting  # type: ignore[method-assign]
    assert fill_markdown(block, again) == fill_markdown(block, first)
    other = MarkdownSnippets(["admonition", "tables"], last=first)  # other extensions: nothing carried over
    other._md.convert = no_converting  # type: ignore[method-assign]
    with pytest.raises(AssertionError, match="converted again"):
        fill_markdown(block, other)


def test_relink_points_a_notes_links_from_another_page() -> None:
    from generator.urls import relink

    note = "interviews/2026-07-07-priya.md"
    text = "See ![a chart](chart.png), [Globex](../companies/globex.md#people) and [deck][d].\n\n[d]: files/deck.pdf"
    # as Markdown for MkDocs: docs-dir paths relative to the page, which MkDocs turns into URLs and checks
    assert relink(text, note, "people/priya.md") == text.replace("(chart.png)", "(../interviews/chart.png)").replace(
        "[d]: files/", "[d]: ../interviews/files/")
    # as raw HTML on a card: the URLs MkDocs would write, with and without directory URLs
    on_card = relink(text, note, "questions/q/career.md", directory_urls=True)
    assert "(../../../interviews/chart.png)" in on_card and "(../../../companies/globex/#people)" in on_card
    assert "[d]: ../../../interviews/files/deck.pdf" in on_card
    flat = relink(text, note, "questions/q/career.md", directory_urls=False)
    assert "(../../interviews/chart.png)" in flat and "(../../companies/globex.html#people)" in flat
    # a folder note's attachments sit beside its index.md
    assert relink("![x](attachments/a.png)", "interviews/trip/index.md", "companies/acme.md") == "![x](../interviews/trip/attachments/a.png)"
    # web addresses, mail, anchors, site-absolute paths and paths out of the docs dir stay as written
    for kept in ("[w](https://example.com/a.md)", "[m](mailto:a@b.c)", "[h](#here)", "[r](/abs.md)", "[o](../../outside.md)",
                 "no links at all", "[same folder](other.md)", "A note.[^1]\n\n[^1]: Said in passing."):
        assert relink(kept, note, "interviews/2026-08-01-x.md") == kept
        if kept != "[same folder](other.md)":
            assert relink(kept, note, "people/p.md") == kept


SITE_EXTS = [*EXTS, "pymdownx.tasklist"]
SITE_CONFIGS = {"toc": {"permalink": True}, "pymdownx.tasklist": {"custom_checkbox": True}}


def test_a_plain_answer_skips_python_markdown_and_reads_the_same() -> None:
    """One sentence of words is most answers: it becomes ``<p>`` without running Python-Markdown, and the result
    is what Python-Markdown writes with the site's extensions; anything that could be Markdown is converted."""
    from hypothesis import given, settings, strategies as st

    from generator.htmlblocks import PLAIN, MarkdownSnippets

    real = markdown.Markdown(extensions=SITE_EXTS, extension_configs=SITE_CONFIGS)
    snippets = MarkdownSnippets(SITE_EXTS, SITE_CONFIGS)
    alphabet = st.sampled_from(list("aZé5 _*`[]<>&#{}|\\~=+-,.;:'\"?!()/%’“—\n\t") + ["1. ", "- ", "> ", "ab"])

    @settings(max_examples=3000, deadline=None)
    @given(st.lists(alphabet, min_size=1, max_size=12).map("".join))
    def same(text: str) -> None:
        assert snippets(text) == real.reset().convert(text)

    same()
    taken = [x for x in ("Mostly pricing, not models.", "Über 50% (roughly) — yes?", "It’s “fine”: really!")
             if PLAIN.fullmatch(x)]
    assert len(taken) == 3  # the quick path is the one these took
    for text in ("1. first", "*bold*", "a_b", "ends with two spaces  ", "<b>x</b>", "R&D", "x\ny", "{: .x}"):
        assert not PLAIN.fullmatch(text), text


def test_a_plain_answer_is_converted_when_the_site_has_an_extension_that_could_change_it() -> None:
    from generator.htmlblocks import MarkdownSnippets

    smart = MarkdownSnippets(["pymdownx.smartsymbols"])
    assert smart("Acme (c) 2020") == markdown.markdown("Acme (c) 2020", extensions=["pymdownx.smartsymbols"])
    assert "&copy;" in smart("Acme (c) 2020")


def test_inline_markdown_loses_its_paragraph_only_when_it_is_one() -> None:
    from generator.htmlblocks import MarkdownSnippets, fill_markdown, markdown_in_html

    convert = MarkdownSnippets(SITE_EXTS, SITE_CONFIGS)
    assert fill_markdown(f"<li>{markdown_in_html('Use *SQL*.', inline=True)}</li>", convert) == "<li>Use <em>SQL</em>.</li>"
    two = fill_markdown(f"<li>{markdown_in_html('One.' + chr(10) * 2 + 'Two.', inline=True)}</li>", convert)
    assert two == "<li><p>One.</p>\n<p>Two.</p></li>"


def test_an_email_draft_reads_and_copies_as_written_with_or_without_the_plugin() -> None:
    from html import unescape
    from urllib.parse import parse_qs, urlsplit

    from generator.fragments import draft_block
    from generator.lifecycle.emails import Draft
    from generator.sanitize import clean

    d = Draft("thank-you", "Thank-you", "", "Coffee & <questions>",
              "Dear Ana,\n\n\nThree ```ticks``` and a line of spaces:\n   \nThanks,\nSam")
    block = draft_block(d)
    # no blank line inside: Markdown engines that follow CommonMark end raw HTML at one (insight export)
    assert "\n\n" not in block and not any(line.strip() == "" for line in block.splitlines())
    lifted, blocks, mark = lift_html(f"# Drafts\n\n{block}\n")
    for html in (drop_html(markdown.markdown(lifted, extensions=EXTS), [clean(b) for b in blocks], mark)[0],
                 markdown.markdown(f"# Drafts\n\n{block}\n", extensions=EXTS)):
        code = html.split("<code>", 1)[1].split("</code>", 1)[0]
        assert unescape(code) == d.text + "\n"
        assert f"{d.words} words · " in html and "Open in your email app (add their address)</a>" in html
        query = parse_qs(urlsplit(unescape(html.split('href="', 1)[1].split('"', 1)[0])).query)
        assert query == {"subject": [d.subject], "body": [d.body]}  # the email app opens the same letter


def test_only_the_generators_pieces_are_lifted_and_a_block_only_replaces_its_own_paragraph() -> None:
    from generator.htmlblocks import lift_parts

    ours, theirs = html_block("<table>ours</table>"), html_block("<b>theirs</b>")
    lifted, blocks, mark, heads = lift_parts([(f"# Page\n\n{ours}\n\n", True), (f"## Notes {theirs}\n", False)])
    assert blocks == ["<table>ours</table>"] and theirs in lifted  # the note's markers stay its text
    assert heads == [None] and lifted.startswith("# Page\n\n")  # the page's title is never lifted
    # a placeholder word anywhere but in a paragraph of its own (here a heading's text and id) is left alone
    word = f"{mark}x0x"
    html = f'<h2 id="{word}">Notes {word}</h2>\n<p>{word}</p>'
    out, where = drop_html(html, blocks, mark)
    assert out == f'<h2 id="{word}">Notes {word}</h2>\n<table>ours</table>' and where == [(len(out) - 19, len(out))]
    assert drop_html(f'<h2 id="{word}">x</h2>', blocks, mark) == (f'<h2 id="{word}">x</h2>', [None])
    # another page's word (a note quoting one) is text on this page, whatever it stands for there
    other = ("insight" + "0" * 16 if mark != "insight" + "0" * 16 else "insight" + "1" * 16) + "x0x"
    assert drop_html(f"<p>{other}</p>\n<p>{word}</p>", blocks, mark)[0] == f"<p>{other}</p>\n<table>ours</table>"
    assert strip_placeholders(f"<p>{other} {word}</p>", mark) == f"<p>{other} </p>"


def test_plain_sentences_skip_python_markdown_only_where_it_would_leave_them_as_they_are() -> None:
    """An abbreviation from a glossary turns a plain sentence into more than a paragraph: with abbr (or extra,
    which holds it) every answer goes through Python-Markdown."""
    from generator.htmlblocks import MarkdownSnippets

    glossary = {"abbr": {"glossary": {"HTML": "HyperText Markup Language"}}}
    assert "<abbr" in MarkdownSnippets(["abbr"], glossary)("We write HTML every day.")
    assert "<abbr" in MarkdownSnippets(["extra"], {"extra": glossary})("We write HTML every day.")
    assert MarkdownSnippets(["admonition"])("We write HTML every day.") == "<p>We write HTML every day.</p>"


def test_generated_headings_are_lifted_only_when_nothing_below_them_can_be_a_heading() -> None:
    """Python-Markdown gives ids and places in the table of contents in page order; the plugin adds the lifted
    headings after it, so a heading is lifted only with no heading, [TOC] or unliftable heading below it."""
    from generator.htmlblocks import lift_parts

    a, b, c = html_block("<p>a</p>"), html_block("<p>b</p>"), html_block("<p>c</p>")

    def lifted(note: str, footer_heading: str = "Three") -> tuple[str, list]:
        text, blocks, mark, heads = lift_parts([(f"# T\n\n## One\n\n{a}\n\n## Two\n\n{b}\n\n", True), (note, False),
                                                (f"\n\n## {footer_heading}\n\n{c}\n", True)])
        assert blocks == ["<p>a</p>", "<p>b</p>", "<p>c</p>"]
        return text.replace(mark, "M"), heads

    # blocks a blank line apart share a placeholder; the page's title stays
    assert lifted("Note text.\n") == ("# T\n\nMx0-1x\n\nNote text.\n\n\nMx2x\n",
                                     [((2, "One"),), ((2, "Two"),), ((2, "Three"),)])
    # a note's own heading (ATX or setext) below keeps the ones above it in Markdown
    for note in ("## Mine\n", "Mine\n====\n"):
        assert lifted(note)[1] == [None, None, ((2, "Three"),)]
    assert lifted("[TOC]\n")[1] == [None, None, None]  # the [TOC] is written while the page converts
    # a heading with a link (MkDocs resolves it) or markup is not plain text: it stays, and so do those above
    for heading in ("[Three](x.md)", "Three *now*", "Three {#id}"):
        assert lifted("Text.\n", heading)[1] == [None, None, None]
    # headings right above one another go with the block under the last, in page order
    assert lifted("Text.\n", "Drafts\n\n### Update")[1] == [((2, "One"),), ((2, "Two"),), ((2, "Drafts"), (3, "Update"))]
    # a heading with text under it is not right above a block: it stays, and so do those above it
    assert lifted("Text.\n", "Drafts\n\nWords.\n\n### Update")[1] == [None, None, ((3, "Update"),)]


def test_a_drafts_status_and_long_warning_are_what_python_markdown_made_of_them() -> None:
    """A draft's status line and its warning moved from Markdown into a pre-rendered block (so the draft's heading
    stands right above HTML): the same HTML as Python-Markdown made of the Markdown they were written as."""
    from types import SimpleNamespace

    from generator.fragments import draft_intro
    from generator.htmlblocks import HTML_CLOSE, HTML_OPEN

    status = 'Overdue &amp; <em>late</em>, due 2026-03-16 · <a href="../../interviews/x/">the note</a>'
    written = ('Overdue &amp; *late*, due 2026-03-16 · <a href="../../interviews/x/">the note</a>\n\n'
               '!!! warning "212 words: busy people read short emails; aim for 150 or fewer"\n')
    long = SimpleNamespace(too_long=True, words=212)
    block = draft_intro(long, status)
    assert block.startswith(HTML_OPEN) and block.endswith(HTML_CLOSE + "\n\n")
    assert block[len(HTML_OPEN):-len(HTML_CLOSE) - 2].strip("\n") == markdown.markdown(written, extensions=["admonition"])
    short = SimpleNamespace(too_long=False, words=90)
    assert draft_intro(short, "") == ""  # nothing between the heading and the draft
    assert "warning" not in draft_intro(short, status)


@pytest.mark.parametrize("theirs", ["## Q: Typical day\n", "> ## Q: Typical day\n", "- ## Q: Typical day\n",
                                    "Term\n: ## Q: Typical day\n", "Q: Typical day\n===\n"])
def test_a_heading_with_its_own_anchor_stays_when_the_users_text_has_a_heading(theirs: str) -> None:
    """toc numbers the user's "Q: Typical day" after the question's own anchor "q-typical-day", wherever the
    user's heading is (in a quote, a list item, a definition): the question's heading stays in Markdown."""
    from generator.htmlblocks import lift_parts

    ours = f"\n\n### Typical day? {{ #q-typical-day }}\n\n{html_block('<p>a</p>')}\n"
    assert lift_parts([("# T\n\n", True), (theirs, False), (ours, True)])[3] == [None]
    assert lift_parts([("# T\n\n", True), ("Plain words.\n", False), (ours, True)])[3] == [((3, "Typical day? { #q-typical-day }"),)]
