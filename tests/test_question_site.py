"""The question bank on the real demo site and in the terminal."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import unquote, urljoin

from click.testing import CliRunner
from conftest import DEMO_TODAY, ROOT, make_project, run_insight

from generator import site as core
from generator.pages.questions import LATEST
from generator.cli import main
from generator.questions.bank import bank_as_dict, build_bank
from generator.settings import Settings


def demo_bank():
    kb = core.build(ROOT / "content", Settings.from_options({}, today=dt.date.fromisoformat(DEMO_TODAY))).kb
    return kb, build_bank(kb)


def local_links(html: str, page: str) -> list[str]:
    """Site-relative paths of the page's links into the site, without fragments."""
    out = []
    for href in re.findall(r'href="([^"#]+)(?:#[^"]*)?"', html):
        if href.startswith(("http:", "https:", "mailto:", "//")):
            continue
        out.append(unquote(urljoin("/" + page, href)).lstrip("/"))
    return out


def resolves(site: Path, path: str) -> bool:
    target = site / path
    return target.is_file() or (target / "index.html").is_file()


def test_question_pages_exist_and_every_link_resolves(demo_site: Path) -> None:
    _, bank = demo_bank()
    pages = (["questions/index.html"] + [f"questions/{ind}/index.html" for ind in ("data-science", "finance", "insurance")]
             + [f"questions/q/{g.id}/index.html" for g in bank.groups])
    for page in pages:
        html = (demo_site / page).read_text(encoding="utf-8")
        broken = [link for link in local_links(html, page) if not resolves(demo_site, link)]
        assert not broken, (page, broken)
    index = (demo_site / "questions/index.html").read_text(encoding="utf-8")
    for g in bank.groups:
        assert f'id="q-{g.id}"' in index and f'href="q/{g.id}/"' in index
    assert "insight-answers" not in index, "the index lists questions; answers live on each question's page"
    assert "Not asked yet" in index and "TIARA" in index


def test_group_pages_reach_every_answer_and_stay_out_of_the_nav(demo_site: Path) -> None:
    """A question's page shows its answers, or the newest twelve of them and where the rest are: every answer
    is on the page or on the question page of each of its industries, under the question's anchor."""
    kb, bank = demo_bank()
    assert any(g.asked > LATEST for g in bank.groups), "the demo should have a question asked more than 12 times"
    for g in bank.groups:
        html = (demo_site / f"questions/q/{g.id}/index.html").read_text(encoding="utf-8")
        cards = "".join(part.split("</div>", 1)[0] for part in html.split('class="grid cards insight-answers"')[1:])
        shown = [a for a in g.answers if f'href="../../../interviews/{Path(a.interview.src_uri).stem}/"' in cards]
        if g.asked <= LATEST:
            assert len(shown) == g.asked and "Latest answers" not in html
            continue
        assert "Latest answers" in html and f"The {LATEST} newest of {g.asked}" in html
        newest = sorted(g.answers, key=lambda a: a.date, reverse=True)[LATEST - 1].date
        for a in g.answers:
            if a in shown:
                continue
            assert a.date <= newest and a.industries, a.interview.src_uri
            for ind in a.industries:
                assert f'href="../../{ind}/#q-{g.id}"' in html
                page = (demo_site / f"questions/{ind}/index.html").read_text(encoding="utf-8")
                section = page.split(f'id="q-{g.id}"', 1)[1].split("<h3", 1)[0]
                assert f'href="../../interviews/{Path(a.interview.src_uri).stem}/"' in section
    home = (demo_site / "index.html").read_text(encoding="utf-8")
    assert "questions/q/" not in home


def test_answers_sit_side_by_side_with_links_to_person_and_note(demo_site: Path) -> None:
    kb, bank = demo_bank()
    day = next(g for g in bank.groups if g.intent == "typical-day")
    html = (demo_site / f"questions/q/{day.id}/index.html").read_text(encoding="utf-8")
    block = html.split('class="grid cards insight-answers"', 1)[1].split("</div>", 1)[0]
    shown = sorted(day.answers, key=lambda a: (a.date, a.interview.src_uri), reverse=True)[:LATEST]
    for a in shown:
        person = kb.people[a.person]
        assert f'href="../../../people/{person.slug}/"' in block and person.name.split()[0] in block
        assert f'href="../../../interviews/{Path(a.interview.src_uri).stem}/"' in block
    assert "Data Science" in html and 'href="../../data-science/#q-typical-day"' in html
    finance = (demo_site / "questions/finance/index.html").read_text(encoding="utf-8")
    assert "grid cards insight-answers" in finance and f'href="../q/{day.id}/"' in finance


def test_company_and_industry_pages_show_grouped_questions(demo_site: Path) -> None:
    company = (demo_site / "companies/acme-analytics/index.html").read_text(encoding="utf-8")
    assert 'id="questions"' in company and "grid cards insight-answers" in company
    assert 'id="insights"' in company  # the other sections stay
    industry = (demo_site / "industries/data-science/index.html").read_text(encoding="utf-8")
    kb, bank = demo_bank()
    asked = bank.for_industry("data-science")
    assert asked and 'href="../../questions/data-science/"' in industry
    for g in asked:  # one line per question, linking to its answers side by side on the industry's question page
        assert f'href="../../questions/data-science/#q-{g.id}"' in industry
    assert "grid cards insight-answers" not in industry


def test_questions_json_parses_and_matches_the_bank(demo_site: Path) -> None:
    kb, bank = demo_bank()
    data = json.loads((demo_site / "questions/questions.json").read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(bank_as_dict(bank, kb)))
    assert len(data["starters"]) >= 60 and any(s["asked"] for s in data["starters"])
    assert any(not s["asked"] for s in data["starters"])


def test_group_command_prints_a_group_for_every_line_in_order(tmp_path: Path) -> None:
    text = ("What does a typical day look like?\nDescribe a typical work week\r\n\nWhat do you do day to day?\n"
            "What do you like best?\nWhat do you like least?\nDo you prefer tea or coffee?\ndo you prefer coffee or tea\n")
    result = CliRunner().invoke(main, ["questions", "group", "-"], input=text)
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.output.splitlines()]
    assert [q for _, q in rows] == ["What does a typical day look like?", "Describe a typical work week", "",
                                    "What do you do day to day?", "What do you like best?", "What do you like least?",
                                    "Do you prefer tea or coffee?", "do you prefer coffee or tea"]
    groups = [g for g, _ in rows]
    assert groups[0] == groups[1] == groups[3] == "typical-day" and groups[2] == "-"
    assert len({groups[4], groups[5], groups[0]}) == 3
    assert groups[6] == groups[7] == "other-1"
    path = tmp_path / "qs.txt"
    path.write_text(text, encoding="utf-8")
    assert CliRunner().invoke(main, ["questions", "group", str(path)]).output == result.output


def test_questions_command_lists_the_bank(tmp_path: Path) -> None:
    project = make_project(tmp_path)
    out = run_insight("questions", "--today", DEMO_TODAY, cwd=project)
    assert "Day to day [I: Insights]" in out.stdout and "Not asked yet" in out.stdout
    assert re.search(r"\d+x  Could you walk me through a typical day", out.stdout)
    data = json.loads(run_insight("questions", "--json", "--today", DEMO_TODAY, cwd=project).stdout)
    assert data["groups"] and data["starters"]
    finance = run_insight("questions", "--industry", "finance", "--today", DEMO_TODAY, cwd=project).stdout
    assert "Not asked yet in Finance" in finance
    by_name = run_insight("questions", "--industry", "Finance", "--today", DEMO_TODAY, cwd=project).stdout
    assert by_name == finance  # the name, as `insight share` takes it, or the slug
    bad = run_insight("questions", "--industry", "nope", cwd=project, check=False)
    assert bad.returncode != 0 and "no industry 'nope'" in bad.stderr


def test_an_answers_markdown_shows_formatted_on_its_card_and_in_export(tmp_path: Path) -> None:
    """Cards are pre-rendered HTML; the answer inside is the user's Markdown, converted with the site's extensions
    (in the site and in ``insight export``), with raw HTML still shown as text."""
    project = make_project(tmp_path / "p")
    (project / "content" / "interviews" / "2026-02-02-mira-okoye.md").write_text(
        "---\ndate: 2026-02-02\nperson: Mira Okoye\nrole: Actuary\ncompany: Globex\nindustry: Insurance\nstatus: done\n"
        "questions:\n  - q: What does a typical day look like?\n    a: |\n      Mostly *pricing* work in `SQL`:\n\n"
        "      - reserving\n      - reviews <script>alert(1)</script>\n---\n", encoding="utf-8")
    run_insight("build", "--today", DEMO_TODAY, cwd=project)
    for page in ("questions/insurance/index.html", "companies/globex/index.html"):
        html = (project / "site" / page).read_text(encoding="utf-8")
        cards = [c.split("</ul>\n</div>", 1)[0] for c in html.split("<li>\n<p><strong>")[1:]]
        card = next(c for c in cards if "people/mira-okoye/" in c.split("</p>", 1)[0])
        assert "Actuary at" in card and "<em>pricing</em>" in card and "<code>SQL</code>" in card, (page, card[:600])
        assert "<li>reserving</li>" in card and "&lt;script&gt;" in card and "<script>alert" not in card, page
    run_insight("export", "--today", DEMO_TODAY, "--out", str(tmp_path / "out"), cwd=project)
    exported = (tmp_path / "out" / "questions" / "insurance" / "index.md").read_text(encoding="utf-8")
    assert "<em>pricing</em>" in exported and "insight:md" not in exported
