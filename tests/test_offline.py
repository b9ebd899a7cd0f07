"""The site works offline: viewing it asks nothing of any host but the one serving it (no CDN, fonts or APIs)."""

from __future__ import annotations

from urllib.parse import urlsplit

PAGES = ["", "network/", "people/roman-petrov/", "questions/", "interviews/", "follow-ups/"]


def test_pages_load_nothing_from_other_hosts(demo_url: str, page) -> None:
    host = urlsplit(demo_url).netloc
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    for path in PAGES:
        page.goto(f"{demo_url}/{path}")
        page.wait_for_load_state("networkidle")
    outside = sorted({u for u in requested if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != host})
    assert outside == []
    assert len(requested) > len(PAGES)  # the pages did load their scripts, styles and data
    assert page.errors == []
