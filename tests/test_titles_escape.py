"""A name is text wherever Material puts a page title (<title>, header, nav), not markup."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import make_project, run_insight

NOTE = """---
date: 2026-01-01
person: "</title><script>window.__pwned=1</script> A&B"
company: "<img src=x onerror=alert(1)> Co"
role: "<b onmouseover=alert(2)>Lead</b> & *chief*"
---
Hello
"""


def test_names_in_titles_are_escaped(tmp_path: Path) -> None:
    content = tmp_path / "src"
    (content / "interviews").mkdir(parents=True)
    (content / "interviews" / "2026-01-01-x.md").write_text(NOTE, encoding="utf-8")
    project = make_project(tmp_path / "p", content=content)
    run_insight("build", "--today", "2026-11-27", cwd=project)
    pages = list((project / "site").rglob("*.html"))
    assert pages
    for html in pages:
        text = html.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in text, html
        assert "<img src=x" not in text, html
        assert "<b onmouseover" not in text, html
    index = (project / "site" / "interviews" / "index.html").read_text(encoding="utf-8")
    assert "&lt;b onmouseover=alert(2)&gt;Lead&lt;/b&gt; &amp; *chief*" in index  # the conversations table shows it as text
    person = next((project / "site" / "people").glob("title-script*/index.html")).read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", person, re.S).group(1)
    assert title.startswith("&lt;/title&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt; A&amp;B")
