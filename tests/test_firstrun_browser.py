"""What a new user sees, in Chromium at a laptop's size (1280x800) and a phone's (390x844): the network map
named at first sight and a page that ends, no page wider than the screen, email drafts that wrap and copy,
and search that folds accents both ways."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import DEMO_TODAY, ROOT, make_project, run_insight, serve_dir
from tests.support.browser import PAGE_TYPES, SIZES


@pytest.fixture(scope="module", params=list(SIZES))
def context(request, browser):
    w, h = SIZES[request.param]
    phone = request.param == "phone"
    ctx = browser.new_context(viewport={"width": w, "height": h}, is_mobile=phone, has_touch=phone)
    ctx.size = request.param
    yield ctx
    ctx.close()


@pytest.fixture
def tab(context):
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    yield page
    page.close()


def test_the_network_page_names_the_people_who_matter_without_overlaps_and_ends(demo_url: str, tab) -> None:
    tab.goto(f"{demo_url}/network/")
    tab.wait_for_selector(".insight-map[data-rendered]", timeout=30000)
    tab.wait_for_timeout(300)
    labels = tab.evaluate("window.insightMaps[0].labels()")
    names = {b["label"] for b in labels}
    important = tab.evaluate("""(() => { const m = window.insightMaps[0]; const out = [];
        m.graph.forEachNode((id, a) => { if (m.important[id]) out.push(a.label); }); return out; })()""")
    assert "Sam Rivera" in names and len(important) >= 15
    share = len(names & set(important)) / len(important)
    assert share >= (0.9 if tab.context.size == "laptop" else 0.5), sorted(set(important) - names)
    for i, a in enumerate(labels):  # no two labels cover each other
        for b in labels[i + 1:]:
            assert not (a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"] and b["y"] < a["y"] + a["h"]), (a, b)
    height = tab.evaluate("document.documentElement.scrollHeight")
    assert height < (4500 if tab.context.size == "laptop" else 6000), height  # was 11,261 px: every edge in one list
    assert tab.get_by_role("link", name="Introductions", exact=True).count() == 1  # the text version, a page per kind
    assert not tab.errors


def test_a_search_hit_is_labelled_and_a_tap_opens_the_person(demo_url: str, tab) -> None:
    tab.goto(f"{demo_url}/network/")
    tab.wait_for_selector(".insight-map[data-rendered]", timeout=30000)
    tab.fill(".insight-map__bar input[type=search]", "Tanaka")
    tab.wait_for_timeout(600)
    assert "Mei Tanaka" in {b["label"] for b in tab.evaluate("window.insightMaps[0].labels()")}
    tab.keyboard.press("Enter")
    tab.wait_for_url("**/people/mei-tanaka/", timeout=10000)


@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_no_page_is_wider_than_the_screen(demo_url: str, tab, name: str) -> None:
    tab.goto(f"{demo_url}/{PAGE_TYPES[name]}")
    tab.wait_for_load_state("networkidle")
    assert tab.evaluate("document.documentElement.scrollWidth") <= tab.viewport_size["width"], name


def test_email_drafts_wrap_and_have_a_copy_button(demo_url: str, tab) -> None:
    tab.goto(f"{demo_url}/prep/2026-12-08-chloe-dubois/")
    tab.wait_for_load_state("networkidle")
    drafts = tab.locator(".insight-draft pre")
    assert drafts.count() >= 1
    for i in range(drafts.count()):
        code = drafts.nth(i).locator("code")
        assert code.evaluate("c => getComputedStyle(c).whiteSpace") == "pre-wrap"
        assert code.evaluate("c => c.scrollWidth <= c.clientWidth + 1")  # nothing cut off to the right
        assert drafts.nth(i).locator("button[data-md-type=copy]").count() == 1  # Material's copy button


ACCENTS = {
    "2026-03-01-jose-nunez.md": "---\ndate: 2026-03-01\nperson: José Núñez\ncompany: Quantic\n---\n\n## Insights\n\n- Pipelines beat notebooks.\n",
    "2026-03-02-ana-muller.md": "---\ndate: 2026-03-02\nperson: Ana Müller\ncompany: Quantic\n---\n\n## Insights\n\n- Write the design doc first.\n",
    "2026-03-03-bo-jensen.md": "---\ndate: 2026-03-03\nperson: Bo Jensen\ncompany: Quantic\n---\n\n## Insights\n\n- Jose Ramirez runs the data guild.\n",
}


@pytest.fixture(scope="module")
def accents_url(tmp_path_factory: pytest.TempPathFactory):
    content = tmp_path_factory.mktemp("accents") / "content"
    (content / "interviews").mkdir(parents=True)
    for name, text in ACCENTS.items():
        (content / "interviews" / name).write_text(text, encoding="utf-8")
    project = tmp_path_factory.mktemp("accents-project")
    (project / "site").mkdir()
    url, server = serve_dir(project / "site")
    # built for the address it is served at, so Material's instant navigation takes over its links
    config = re.sub(r"(?m)^site_url: .*$", f"site_url: {url}/", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    make_project(project, content=content, mkdocs_yml=config)
    run_insight("build", "--today", DEMO_TODAY, cwd=project)
    yield url
    server.shutdown()


def _search(tab, query: str) -> str:
    tab.locator("label.md-header__button[for=__search]:visible, .md-search__input:visible").first.click()
    box = tab.locator(".md-search__input")
    box.fill("")
    box.press_sequentially(query, delay=30)
    tab.wait_for_function("document.querySelector('.md-search-result__meta').textContent.match(/matching/)", timeout=10000)
    return " ".join(tab.locator(".md-search-result__list").inner_text().split())


@pytest.mark.parametrize(("query", "finds"), [
    ("jose", ["José Núñez"]), ("nunez", ["José Núñez"]), ("muller", ["Ana Müller"]), ("MÜLLER", ["Ana Müller"]),
    ("josé", ["José Núñez"]), ("Ramírez", ["Jose Ramirez"]),  # an accented query finds the word written without it too
])
def test_search_folds_accents_and_case_both_ways(accents_url: str, tab, query: str, finds: list[str]) -> None:
    tab.goto(f"{accents_url}/")
    found = _search(tab, query)
    for name in finds:
        assert name in found, (query, found)


def test_folding_survives_instant_navigation(accents_url: str, tab) -> None:
    tab.goto(f"{accents_url}/")
    tab.evaluate("window.stillThisPage = true")
    tab.locator("article a[href$='/people/ana-muller/']").first.click()  # a person in the recent conversations
    tab.wait_for_url("**/people/*/")
    assert tab.evaluate("window.stillThisPage === true")  # Material swapped the content: no page load
    assert "Ana Müller" in _search(tab, "muller")
