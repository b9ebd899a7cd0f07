"""`insight merge` treats a classmate's guide as untrusted data: schema-checked, confined, escaped, never run.

Each test takes a real guide written by `insight share`, changes it the way a hostile classmate would, and runs
the real `insight merge`: a guide that breaks a rule is refused with a message naming the file and the field, and
nothing is written; one that is valid but hostile is merged with every text shown as text.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from attack import TODAY, note, project_with, run_insight


@pytest.fixture(scope="module")
def base_guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("merge")
    project = project_with(tmp, {
        "interviews/2026-05-01-a.md": note("Ada Byron", body="## Insights\n\n- Learn SQL well, see [slides](files/deck.pdf)\n"),
        "interviews/files/deck.pdf": b"%PDF-1.4 classmate slides",
    })
    run_insight("share", "Data Science", "--out", str(tmp / "guide"), "--today", TODAY, cwd=project)
    return tmp / "guide"


def classmate(base: Path, tmp: Path, change=None) -> Path:  # type: ignore[no-untyped-def]
    """A copy of the base guide, with guide.json changed by ``change(data, folder)``."""
    folder = tmp / "classmate"
    shutil.copytree(base, folder, symlinks=True)
    if change is not None:
        data = json.loads((folder / "guide.json").read_text(encoding="utf-8"))
        change(data, folder)
        (folder / "guide.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


def merge(tmp: Path, *folders: Path, title: str = "Class of 2027") -> tuple[int, str, Path]:
    out = tmp / "class"
    result = run_insight("merge", *map(str, folders), "--out", str(out), "--zip", "--today", TODAY, "--title", title,
                         cwd=tmp, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result.returncode, result.stderr, out


def refused(tmp: Path, folder: Path, *expected: str) -> None:
    code, said, out = merge(tmp, folder)
    assert code == 1, said
    for text in expected:
        assert text in said, (text, said)
    assert "nothing was written" in said
    assert not out.exists() and not out.with_name("class.zip").exists()
    assert [p.name for p in tmp.iterdir() if p.name.startswith(".class")] == []  # no half-built folder either


def test_merge_refuses_an_absolute_attachment_path(base_guide: Path, tmp_path: Path) -> None:
    folder = classmate(base_guide, tmp_path, lambda d, f: d["attachments"].append("/etc/passwd"))
    refused(tmp_path, folder, f"{folder}/guide.json: attachments/1:")


def test_merge_refuses_an_attachment_path_that_climbs_out(base_guide: Path, tmp_path: Path) -> None:
    (tmp_path / "secret.pdf").write_bytes(b"%PDF canary-outside-the-guide")
    folder = classmate(base_guide, tmp_path, lambda d, f: d["attachments"].append("../../../secret.pdf"))
    refused(tmp_path, folder, "guide.json: attachments/1:")


def test_merge_refuses_a_symlinked_attachment(base_guide: Path, tmp_path: Path) -> None:
    (tmp_path / "private.pdf").write_bytes(b"%PDF canary-linked-file")

    def link(d, f):  # type: ignore[no-untyped-def]
        name = d["attachments"][0]
        (f / "docs/attachments" / name).unlink()
        os.symlink(tmp_path / "private.pdf", f / "docs/attachments" / name)

    folder = classmate(base_guide, tmp_path, link)
    refused(tmp_path, folder, "guide.json: attachments/0:", "is a link")


@pytest.mark.parametrize("name, data", [("page.html", b"<script>alert(1)</script>"), ("logo.svg", b"<svg onload=alert(1)/>"),
                                        ("photo.png", b"<html><script>alert(1)</script>")])
def test_merge_refuses_active_attachments(base_guide: Path, tmp_path: Path, name: str, data: bytes) -> None:
    def add(d, f):  # type: ignore[no-untyped-def]
        (f / "docs/attachments" / name).write_bytes(data)
        d["attachments"].append(name)

    refused(tmp_path, classmate(base_guide, tmp_path, add), "guide.json: attachments/1")


@pytest.mark.parametrize("change, field", [
    (lambda d, f: d.update(items="lots"), "items: 'lots' is not of type 'array'"),
    (lambda d, f: d["companies"][0].update(website="javascript:alert(1)"), "companies/0/website:"),
    # an address that reads the other way round from the override on: "acme.example/exe.jpg" for a .exe
    (lambda d, f: d["companies"][0].update(website="https://acme.example/\u202egpj.exe"), "companies/0/website:"),
    (lambda d, f: d["companies"][0].update(website="https://acme.example/a\nb"), "companies/0/website:"),
    (lambda d, f: d["items"][0].pop("text"), "items/0: 'text' is a required property"),
    (lambda d, f: d["items"][0].update(run="alert(1)"), "items/0: Additional properties are not allowed"),
    (lambda d, f: d["roles"][0].update(held=10**30), "roles/0/held:"),
    (lambda d, f: d.update(version=99), "version: guide format version 99"),
    # valid JSON ("\ud800" written as an escape) that is no text
    (lambda d, f: d["items"][0].update(text="x \ud800 y"), "items/0/text: holds a lone surrogate"),
])
def test_merge_refuses_a_malformed_guide_naming_the_field(base_guide: Path, tmp_path: Path, change, field: str) -> None:  # type: ignore[no-untyped-def]
    refused(tmp_path, classmate(base_guide, tmp_path, change), f"guide.json: {field}")


def test_merge_refuses_a_guide_json_that_is_not_json(base_guide: Path, tmp_path: Path) -> None:
    folder = classmate(base_guide, tmp_path)
    (folder / "guide.json").write_text('{"format": "insight-guide", "version": 1, "title": ', encoding="utf-8")
    refused(tmp_path, folder, "guide.json: not valid JSON")


class _Active(HTMLParser):
    """What could run: scripts and frames in the page's content, event handlers and script URLs anywhere
    (entities decoded, as a browser reads them); and the text of <title>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.depth = 0  # inside the article (the page's content)
        self.in_title = False
        self.title = ""

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        a = dict(attrs)
        self.in_title = tag == "title"
        if tag == "article":
            self.depth += 1
        if self.depth and tag in ("script", "iframe", "object", "embed", "style", "form", "base", "meta", "link"):
            self.found.append(f"<{tag}> in the content")
        for k, v in attrs:
            if k.startswith("on"):
                self.found.append(f"{tag} {k}")
            if k in ("href", "src", "action", "formaction", "data", "xlink:href") and v:
                # as a browser's URL parser reads it: tabs and line ends dropped, C0 and spaces trimmed at the ends
                url = re.sub(r"[\t\n\r]", "", v).strip("".join(map(chr, range(33)))).lower()
                if url.startswith(("javascript:", "vbscript:", "data:text")):
                    self.found.append(f"{tag} {k}={v}")

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        self.in_title = False
        if tag == "article":
            self.depth -= 1

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self.in_title:
            self.title += data


def active_html(site: Path) -> list[str]:
    """What could run in any page of ``site``, apart from the theme's own scripts outside the content."""
    found = []
    for page in sorted(site.rglob("*.html")):
        parser = _Active()
        parser.feed(page.read_text(encoding="utf-8"))
        found += [f"{page.relative_to(site)}: {x}" for x in parser.found]
    return found


HOSTILE = "<img src=x onerror=alert(1)>"


def test_merge_shows_a_hostile_guides_texts_as_text_and_ignores_its_theme(base_guide: Path, tmp_path: Path) -> None:
    def poison(d, f):  # type: ignore[no-untyped-def]
        d["title"] = "</title><script>alert('title')</script>"
        d["contributors"] = [f"Mallory {HOSTILE}"]
        d["industries"][0]["overviews"] = [{"contributor": "Mallory", "text": f"Overview {HOSTILE} {{: onclick=alert(2) }}\n\n"
                                            "[click](javascript:alert(3)) [again](java&#115;cript:alert(4))"}]
        d["items"][0]["text"] = "Insight <script>alert(5)</script> *x*{: onmouseover=alert(6) }"
        d["items"][0]["by"] = "<b onclick=alert(7)>someone</b>"
        d["companies"][0]["name"] = "<svg onload=alert(8)>"
        (f / "mkdocs.yml").write_text("site_name: evil\nextra_javascript: [evil.js]\nextra_css: [evil.css]\n"
                                      "theme: {name: material, palette: {primary: '\"><script>alert(9)</script>'}}\n"
                                      "hooks: [evil_hook.py]\n", encoding="utf-8")
        (f / "docs/evil.js").write_text("alert('canary-evil-js')", encoding="utf-8")
        (f / "docs/evil.css").write_text("body{background:url(canary-evil-css)}", encoding="utf-8")
        (f / "evil_hook.py").write_text("raise SystemExit('canary-hook-ran')\n", encoding="utf-8")

    folder = classmate(base_guide, tmp_path, poison)
    code, said, out = merge(tmp_path, folder, title="</title><script>alert('title')</script>")
    assert code == 0, said
    assert active_html(out / "site") == []
    everything = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*") if p.is_file())
    for word in ("canary-evil-js", "canary-evil-css", "canary-hook-ran", "evil.js", "evil.css", "alert(9)"):
        assert word not in everything, word
    home = (out / "site/index.html").read_text(encoding="utf-8")
    parser = _Active()
    parser.feed(home)
    assert "</title><script>" in parser.title  # shown as the text it is
    assert "Overview" in (out / "site/industries/data-science/index.html").read_text(encoding="utf-8")


def test_an_unclosed_fence_does_not_let_a_guides_attributes_through(base_guide: Path, tmp_path: Path) -> None:
    """Python-Markdown reads a fence that never closes as text: what follows it is Markdown, attribute lists too."""
    def poison(d, f):  # type: ignore[no-untyped-def]
        item = d["items"][0]
        d["answers"].append({"question": "What is a typical day like?", "topic": "day-to-day", "by": item["by"], "company": item["company"],
                             "industries": item["industries"], "contributor": item["contributor"],
                             "answer": "Fine.\n\n```\n\nMore words\n{: tabindex=1 autofocus onfocus=alert(document.domain) }"})
        item["text"] = "An insight\n\n~~~\n\n*x*{: onmouseover=alert(2) }"

    folder = classmate(base_guide, tmp_path, poison)
    code, said, out = merge(tmp_path, folder)
    assert code == 0, said
    assert active_html(out / "site") == []
    assert "More words" in (out / "site/questions/index.html").read_text(encoding="utf-8")


def test_a_guides_odd_topics_and_links_do_not_stop_the_class_merge(base_guide: Path, tmp_path: Path) -> None:
    """One classmate's guide must not make the strict build of everyone's fail: a topic the bank does not know,
    a script link with parentheses two deep, one whose address starts on the next line, a reference defined
    on two lines."""
    def odd(d, f):  # type: ignore[no-untyped-def]
        item = d["items"][0]
        d["answers"].append({"question": "Q?", "topic": "", "by": item["by"], "company": item["company"],
                             "industries": item["industries"], "contributor": item["contributor"],
                             "answer": "[x](javascript:alert((411))) [y](\njavascript:alert(413)) [z]\n\n[z]:\n  javascript:alert(9)"})
        d["answers"].append({**d["answers"][-1], "question": "What is a typical week?", "topic": "made-up-topic",
                             "answer": "Busy."})

    code, said, out = merge(tmp_path, classmate(base_guide, tmp_path, odd))
    assert code == 0, said
    assert active_html(out / "site") == []
    questions = (out / "site/questions/index.html").read_text(encoding="utf-8")
    assert 'id="q-q"' in questions and "What is a typical week?" in questions
