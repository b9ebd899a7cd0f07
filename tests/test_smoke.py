"""The demo builds with real MkDocs + Material and the pages a user lands on exist."""

from __future__ import annotations

from pathlib import Path


def test_demo_has_the_main_pages(demo_site: Path) -> None:
    for page in ("index.html", "interviews/index.html", "people/roman-petrov/index.html",
                 "companies/acme-analytics/index.html", "industries/data-science/index.html"):
        assert (demo_site / page).is_file(), page
