"""Every link on the site opens a page that exists, whichever URL style MkDocs writes (``use_directory_urls``)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, strategies as st
from mkdocs.structure.files import File

from conftest import DEMO_TODAY, ROOT, make_project, run_insight
from generator.urls import absolute_url, page_href, page_url
from tests.support.links import broken_html_links, calendar_urls, json_asset_urls, target

SITE_URL = "https://insight-kb.example.org/"

_segment = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_é %&", min_size=1, max_size=8).filter(
    lambda s: s.strip() == s)  # MkDocs' files are named as written; a name is not all spaces at its ends
_doc = st.lists(_segment, min_size=1, max_size=4).map(lambda parts: "/".join(parts) + ".md") | \
    st.lists(_segment, min_size=0, max_size=3).map(lambda parts: "/".join(parts + ["index.md"]))


def _mkdocs_url(uri: str, directory_urls: bool) -> str:
    """MkDocs' own answer: the URL of the File it makes of ``uri`` (percent-encoding undone, the home page as '')."""
    from urllib.parse import unquote

    url = unquote(File(uri, "/docs", "/site", directory_urls).url)
    return "" if url == "./" else url


def _mkdocs_written(uri: str, directory_urls: bool) -> str:
    """The URL as MkDocs writes it into a page: percent-encoded ("100% A&B" is "100%25%20A%26B")."""
    url = File(uri, "/docs", "/site", directory_urls).url
    return "" if url == "./" else url


@given(_doc, st.booleans())
def test_page_urls_are_those_mkdocs_gives_its_files(uri: str, directory_urls: bool) -> None:
    assert page_url(uri, directory_urls) == _mkdocs_url(uri, directory_urls)


@given(_doc, _doc, st.booleans())
def test_a_link_between_two_pages_opens_the_second(here: str, there: str, directory_urls: bool) -> None:
    """Resolved from the first page's URL as a browser would, the link lands on the second page's URL, percent-encoded
    as MkDocs writes it (a raw "%" or space in a link is not a valid URL)."""
    from urllib.parse import urljoin

    base = "https://x.example/site/"
    opened = urljoin(base + _mkdocs_written(here, directory_urls), page_href(here, there, directory_urls))
    assert opened == base + _mkdocs_written(there, directory_urls)


@given(_doc, st.lists(_doc, min_size=1, max_size=5), st.sampled_from(["", "#q-x", "#tag-data"]), st.booleans())
def test_links_from_one_page_open_each_page_and_place(here: str, theres: list[str], anchor: str,
                                                      directory_urls: bool) -> None:
    """Every link of one page's pre-rendered HTML (worked out with the page's URL once), resolved as a browser
    would from that page, lands on the page and the place it names."""
    from urllib.parse import urljoin

    from generator.urls import hrefs_from

    base = "https://x.example/site/"
    href = hrefs_from(here, directory_urls)
    for there in theres:
        opened = urljoin(base + _mkdocs_written(here, directory_urls), href(there + anchor))
        assert opened == base + _mkdocs_written(there, directory_urls) + anchor


def test_absolute_urls_follow_the_url_style() -> None:
    assert absolute_url(SITE_URL, "interviews/2026-01-05-ada.md") == SITE_URL + "interviews/2026-01-05-ada/"
    assert absolute_url(SITE_URL, "interviews/2026-01-05-ada.md", False) == SITE_URL + "interviews/2026-01-05-ada.html"


def _check_site(site: Path, suffix: str) -> None:
    assert not broken_html_links(site)
    for asset, urls in json_asset_urls(site).items():
        assert urls, f"{asset} links no pages"
        assert all(u.endswith(suffix) for u in urls), (asset, [u for u in urls if not u.endswith(suffix)][:5])
        missing = [u for u in urls if not target(site, "index.html", u).is_file()]  # relative to the site root
        assert not missing, (asset, missing[:5])
    events = calendar_urls(site)
    assert events, "the demo's calendar links no notes"
    missing = [u for u in events if not target(site, "index.html", u.removeprefix(SITE_URL)).is_file()]
    assert not missing, missing[:5]


def test_every_internal_link_of_the_demo_opens_a_page(demo_site: Path) -> None:
    _check_site(demo_site, "/")


@pytest.fixture(scope="module")
def flat_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo built with ``use_directory_urls: false``: pages at ``people/ada.html``, not ``people/ada/``."""
    yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert "use_directory_urls" not in yml
    project = make_project(tmp_path_factory.mktemp("flat"), mkdocs_yml=yml + "\nuse_directory_urls: false\n")
    run_insight("build", "--strict", "--today", DEMO_TODAY, cwd=project)
    return project / "site"


def test_without_directory_urls_every_internal_link_opens_a_page(flat_site: Path) -> None:
    assert list((flat_site / "people").glob("*.html")), "no flat person pages: the option was not applied"
    _check_site(flat_site, ".html")
    # the map's nodes point at the flat pages themselves, not at folders that do not exist
    node = next(u for u in json_asset_urls(flat_site)["network.json"] if u.startswith("people/"))
    assert re.fullmatch(r"people/[^/]+\.html", node), node
