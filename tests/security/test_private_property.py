"""A property: whatever shape a private region takes, its text reaches no file of a shared guide.

Hypothesis writes notes whose bodies mix shared sections with private regions in random shapes (headings at
any level, with or without the space, setext, suffixed; comment markers in any spacing and case, closed or not;
fences closed or not) and puts a canary inside every private region, written as a list item or an answer, so a
leak would be shared. The real `insight share --zip` builds the guide and every output file is searched: HTML,
guide.json, the search index, the sitemap, zip members and file names.
"""

from __future__ import annotations

import itertools
import shutil
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings, strategies as st

from attack import TODAY, every_text, leaks, note, project_with, run_insight

CANARY = "zqxcanary"
_counter = itertools.count()

HEADING_TEXTS = ["Private", "private", "PRIVATE", "Private notes", "Private (do not share)", "Private:", "**Private**",
                 "private stuff", "_Private_ thoughts"]
OPENERS = ["<!-- private -->", "<!--private-->", "<!--  PRIVATE  -->", "<!-- Private -->", "<!--\tprivate\t-->"]
CLOSERS = ["<!-- /private -->", "<!--/private-->", "<!-- / Private -->", "<!-- end private -->", "<!--  /PRIVATE  -->"]


def _secret_lines(level: int) -> st.SearchStrategy[list[str]]:
    """What a private region holds: canary items and answers, and headings deeper than the region's own."""
    line = st.sampled_from([f"- {CANARY} item", f"{CANARY} answer text", f"  - nested {CANARY}", "",
                            f"> quoted {CANARY}", f"1. numbered {CANARY}"])
    deeper = st.integers(min_value=level + 1, max_value=6).map(lambda n: "#" * n + f" {CANARY} deeper heading?")
    return st.lists(line | deeper if level < 6 else line, min_size=1, max_size=5)


@st.composite
def heading_region(draw: st.DrawFn) -> str:
    level = draw(st.integers(min_value=1, max_value=6))
    text = draw(st.sampled_from(HEADING_TEXTS))
    if level <= 2 and draw(st.booleans()):
        head = f"{text}\n{('=' if level == 1 else '-') * draw(st.integers(1, 8))}"
    else:
        indent = " " * draw(st.integers(0, 3))
        space = draw(st.sampled_from(["", " ", "  ", "\t"]))
        closing = draw(st.sampled_from(["", " " + "#" * level]))
        head = f"{indent}{'#' * level}{space}{text}{closing}"
    return "\n".join([head, "", *draw(_secret_lines(level))])


@st.composite
def marker_region(draw: st.DrawFn) -> str:
    opener = draw(st.sampled_from(OPENERS))
    closer = draw(st.sampled_from(CLOSERS + [""]))  # "": never closed
    inside = draw(_secret_lines(6))
    if draw(st.booleans()):
        return f"- shared item {opener}{CANARY} inline{closer} and more"
    return "\n".join([opener, *inside, closer])


@st.composite
def unclosed_fence(draw: st.DrawFn) -> str:
    fence = draw(st.sampled_from(["```", "~~~", "````python", "```text"]))
    return "\n".join([fence, "code", "", "## Private", "", *draw(_secret_lines(2))])


SHARED_BLOCKS = st.sampled_from([
    "## Insights\n\n- a shared insight",
    "## Questions\n\n### What is a typical week?\n\nMostly meetings.",
    "## Advice\n\n- learn SQL",
    "```\n## Private\nan example in closed code\n```",
    "Some prose.",
])


@st.composite
def body(draw: st.DrawFn) -> str:
    blocks = draw(st.lists(SHARED_BLOCKS | heading_region() | marker_region(), min_size=1, max_size=6))
    if draw(st.integers(0, 4)) == 0:
        blocks.insert(draw(st.integers(0, len(blocks))), draw(unclosed_fence()))
    blocks = [b for b in blocks] + ["## Insights\n\n- closing insight"]
    return "\n\n".join(blocks) + "\n"


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                   HealthCheck.too_slow, HealthCheck.data_too_large])
@given(bodies=st.lists(body(), min_size=3, max_size=6))
def test_no_private_region_reaches_a_shared_guide(tmp_path: Path, bodies: list[str]) -> None:
    run = tmp_path / f"run{next(_counter)}"
    notes = {f"interviews/2026-05-{i + 1:02d}-n{i}.md": note(f"Person{i} Someone", body=b) for i, b in enumerate(bodies)}
    project = project_with(run, notes)
    out = run / "out" / "guide"
    result = run_insight("share", "Data Science", "--out", str(out), "--zip", "--today", TODAY, cwd=project, check=False)
    if result.returncode == 1 and "nothing to share" in result.stderr:  # every word private: no guide at all
        assert not out.exists() and not out.with_name("guide.zip").exists()
        shutil.rmtree(run)
        return
    assert result.returncode == 0, result.stderr
    texts = every_text(out)
    assert any(n.endswith("!guide/site/search/search_index.json") for n in texts)
    assert leaks(texts, [CANARY]) == [], "\n\n----\n\n".join(bodies)
    shutil.rmtree(run)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=body())
# found by this test: a higher private heading (no space after #) inside an open private region must widen it
@example(text=f"## Insights\n\n- a shared insight\n\n######Private\n\n- {CANARY} item\n\n#Private\n\n"
              f"### {CANARY} deeper heading?\n- {CANARY} item\n\n## Insights\n\n- closing insight\n")
# found by this test: a fence left open above ## Private, closed by a later fence, made the section read as code
@example(text=f"## Questions\n\n### What is a typical week?\n\nMostly meetings.\n\n```\ncode\n\n## Private\n\n"
              f"- {CANARY} item\n\n```\n## Private\nan example in closed code\n```\n\n## Insights\n\n- closing insight\n")
def test_no_private_region_reaches_a_guides_data_or_pages(text: str) -> None:
    """The same property, many more shapes: the guide's data and Markdown pages, worked out in process."""
    import datetime as dt

    from generator.load import Source, load_note
    from generator.resolve import resolve
    from generator.settings import Settings
    from generator.share import guide as guides
    from generator.share.filter import share_notes
    from generator.share.pages import render_pages

    src = Source("content/interviews/2026-05-01-n.md", "interviews/2026-05-01-n.md", note("Pat Someone", body=text).encode())
    loaded, _ = load_note(src)
    assert loaded is not None and loaded.ok
    settings_ = Settings.from_options({}, today=dt.date(2026, 11, 27))
    shared = share_notes([loaded], settings_, ["Data Science"])
    guide = guides.from_kb(resolve(shared.notes, settings_), shared, "A classmate", "Guide")
    output = guide.to_json() + "\n".join(render_pages(guide).values())
    assert CANARY not in output.casefold(), text


PIECES = st.sampled_from(["## ", "#", "Private", "private", "PRIVATE", "Priv", "ate", "<!--", "-->", " /", "end ",
                          "```", "~~~", "``", "~~", "\n", "\n\n", " ", "text", "===", "---", "> ", "- ", "<h2>",
                          "İ", "ı", "K", "\u212a"])


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(PIECES, max_size=30))
def test_the_quick_answer_for_bodies_without_private_text_or_fences_is_the_parsed_one(pieces: list[str]) -> None:
    """Most notes hold no private text and no code fence, and get their (empty) regions without a parse: for any
    body, that answer must be the one the parse gives."""
    from generator import private

    text = "".join(pieces)
    assert private.regions(text) == private._parsed(text), text


SHAPES = st.sampled_from(["Private", "private", "Pri*vate*", "P_rivate_", "&#80;rivate", "&nbsp;", "Ｐｒｉｖａｔｅ",
                          "Pri\u200bvate", "<h2>", "</h2>", "<div>", "</div>", "## ", "### ", "#", "\n", "\n\n", " ",
                          "```", "~~~", "`", "<!-- private -->", "<!-- /private -->", "<!--", "-->", "text", "- item",
                          "====", "----", "![](x.png) ", "1. ", "é", "📅"])


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(SHAPES, max_size=30).map("".join))
@example(text="## Pri*vate*\n\nsecret")
@example(text="### &#80;rivate\n\nsecret")
@example(text="## Ｐｒｉｖａｔｅ\n\nsecret")
@example(text="<div><h2>Private</h2></div>\n\nsecret")
def test_the_quick_look_never_skips_a_body_with_a_private_region(text: str) -> None:
    """regions() spares most bodies the parse (no word "private" in any spelling, no fence, no HTML heading);
    what it spares must be what the parse finds nothing in."""
    from generator import private

    assert private.regions(text) == private._parsed(text)
