"""Follow every internal link of a built site, as a reader clicking through it would."""

from __future__ import annotations

import json
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is not None and (name == "href" and tag in ("a", "link") or name == "src" and tag in ("img", "script")):
                self.found.append(value)


def target(site: Path, from_path: str, url: str) -> Path | None:
    """The file a relative ``url`` on the page at ``from_path`` (relative to the site root) opens; None for a link
    that leaves the site (a scheme, a protocol-relative or absolute URL) or only moves within the page."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("/") or not parts.path:
        return None
    path = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), unquote(parts.path)))
    if path == ".." or path.startswith("../"):
        return site / "__outside_the_site__"
    resolved = site / path
    return resolved / "index.html" if url.split("#")[0].split("?")[0].endswith("/") or resolved.is_dir() else resolved


def broken_html_links(site: Path) -> list[str]:
    """``page -> link`` for every link or image in the site's HTML whose target file does not exist."""
    broken = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        for url in parser.found:
            file = target(site, rel, url)
            if file is not None and not file.is_file():
                broken.append(f"{rel} -> {url}")
    return broken


def json_asset_urls(site: Path) -> dict[str, list[str]]:
    """The page URLs (relative to the site root) in the network map's and the question bank's JSON."""
    network = json.loads((site / "assets/insight/network.json").read_text(encoding="utf-8"))
    bank = json.loads((site / "questions/questions.json").read_text(encoding="utf-8"))
    answers = [a for g in bank["groups"] for a in g["answers"]]
    return {
        "network.json": [n["u"] for n in network["nodes"] if n["u"]],
        "questions.json": [a["note_url"] for a in answers] + [a["person"]["url"] for a in answers if a["person"]["url"]]
        + [a["company"]["url"] for a in answers if a["company"]],
    }


def calendar_urls(site: Path) -> list[str]:
    """The ``URL:`` of every event in the follow-ups calendar."""
    text = (site / "follow-ups/follow-ups.ics").read_bytes().decode("utf-8").replace("\r\n ", "")  # unfolded
    return [line[4:] for line in text.splitlines() if line.startswith("URL:")]
