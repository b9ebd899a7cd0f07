"""`insight import` on files shaped like the real exports: Notion (folder and .zip), LinkedIn's Connections.csv,
vCards (2.1, 3.0, 4.0) and a Markdown folder in another schema. Each is imported into a copy of the demo project
with the real command, then read back as a user would: the files written, the report, `insight check`, a second
run and `--dry-run`."""

from __future__ import annotations

import io
import re
import shutil
import stat
import zipfile
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, make_project, run_insight

FIXTURES = ROOT / "tests" / "fixtures" / "import"
NOTION = FIXTURES / "notion"
TODAY = "2026-11-27"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "p")


def files(project: Path) -> dict[str, bytes]:
    return {p.relative_to(project).as_posix(): p.read_bytes() for p in (project / "content").rglob("*") if p.is_file()}


def imported(project: Path, *args: str) -> str:
    result = run_insight("import", *args, "--today", TODAY, cwd=project, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout


def frontmatter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def report_lines(out: str) -> list[str]:
    """The per-item lines of the report (the first says dry run or not, the last what was written)."""
    return out.splitlines()[1:-1]


def assert_clean_check(project: Path) -> None:
    result = run_insight("check", "--today", TODAY, cwd=project, check=False)
    assert result.returncode == 0, result.stdout
    assert "0 errors, 0 warnings" in result.stderr, result.stdout


def test_notion_export_folder(project: Path) -> None:
    before = files(project)
    dry = imported(project, str(NOTION), "--dry-run")
    assert files(project) == before  # a dry run writes nothing
    assert "dry run: nothing is written" in dry.splitlines()[0]
    out = imported(project, str(NOTION))
    assert report_lines(out) == report_lines(dry)  # and says exactly what the real run does
    assert out.splitlines()[-1] == "wrote 4 files (2 person files, 2 conversations); 0 merged, 5 skipped."

    tariq = project / "content" / "interviews" / "2026-05-20-tariq-aziz.md"
    meta = frontmatter(tariq)
    assert meta["person"] == "Tariq Aziz" and meta["company"] == "Northwind Health"
    assert (meta["date"].isoformat(), meta["time"], meta["status"]) == ("2026-05-20", "10:00", "done")
    assert meta["introduced_by"] == "Roman Petrov" and meta["follow_up_on"].isoformat() == "2026-06-20"
    assert meta["industry"] == ["Healthcare Technology"] and meta["title"] == "Intro call: Tariq Aziz"
    text = tariq.read_text(encoding="utf-8")
    assert "email" not in meta and "tariq.aziz@example.com" not in text  # contact details: the person's file only
    assert "See the write-up in Forecast notes and the [public report](https://example.org/report)." in text
    person = frontmatter(project / "content" / "people" / "tariq-aziz.md")
    assert person == {"name": "Tariq Aziz", "role": "Product Analyst", "company": "Northwind Health",
                      "email": "tariq.aziz@example.com", "industry": ["Healthcare Technology"]}

    dana = (project / "content" / "interviews" / "2026-07-02-dana-li.md").read_text(encoding="utf-8")
    assert "status: requested" in dana and "<script" not in dana and "<img" not in dana
    assert frontmatter(project / "content" / "people" / "dana-li.md")["phone"] == "+1 555 0199"

    # what was not imported, and why
    assert re.search(r"skipped +Roman Petrov: already in content/people/roman-petrov.md, which is not changed\n", out)
    assert re.search(r"skipped +Dana Li, 2026-07-02", out) is None
    assert re.search(r"skipped +Roman Petrov, 2026-06-09: already noted in content/interviews/2026-06-09-roman-petrov.md", out)
    assert re.search(r"Untitled [0-9a-f]{32}\.md: the date 'someday soon' is not one", out)
    assert "_all.csv: the database as a table" in out

    again = imported(project, str(NOTION))
    assert again.splitlines()[-1].startswith("wrote 0 files")
    assert files(project) == {**before, **{k: v for k, v in files(project).items() if k not in before}}
    assert_clean_check(project)


def _notion_zip(tmp_path: Path, hostile: bool = False) -> Path:
    """The export as Notion sends it: a zip holding a zip of the pages (and, if asked, members that try to escape)."""
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as z:
        for p in sorted(NOTION.rglob("*")):
            if p.is_file():
                z.write(p, p.relative_to(NOTION).as_posix())
    outer = tmp_path / "Export-6a1f.zip"
    with zipfile.ZipFile(outer, "w") as z:
        z.writestr("Export-6a1f-Part-1.zip", inner.getvalue())
        if hostile:
            z.writestr("../../escaped.md", "# Escaped\n\nName: Mallory Escape\nDate: 2026-01-01\n")
            z.writestr("/etc/absolute.md", "# Absolute\n\nName: Mallory Escape\nDate: 2026-01-01\n")
            link = zipfile.ZipInfo("link.md")
            link.external_attr = (stat.S_IFLNK | 0o777) << 16
            z.writestr(link, "/etc/passwd")
    return outer


def test_notion_export_zip_and_hostile_members(project: Path, tmp_path: Path) -> None:
    out = imported(project, str(_notion_zip(tmp_path, hostile=True)))
    assert "wrote 4 files" in out.splitlines()[-1]
    for name in ("../../escaped.md", "/etc/absolute.md", "link.md"):
        assert f"{name}: its path leads out of the archive (or is a link): refused" in out
    assert not (project.parent / "escaped.md").exists() and not (tmp_path / "escaped.md").exists()
    assert "Mallory" not in "".join(p.read_text(encoding="utf-8") for p in (project / "content").rglob("*.md"))
    assert imported(project, str(_notion_zip(tmp_path))).splitlines()[-1].startswith("wrote 0 files")


def test_linkedin_connections(project: Path) -> None:
    source = FIXTURES / "linkedin" / "Connections.csv"
    dry = imported(project, str(source), "--dry-run")
    out = imported(project, str(source))
    assert report_lines(out) == report_lines(dry)
    assert out.splitlines()[-1] == "wrote 3 files (3 person files, 0 conversations); 2 merged, 1 skipped."
    # Priya and Kwame are named in the demo's notes: their details go in a new file of theirs
    assert re.search(r"merged +Priya Raman -> content/people/priya-raman.md: your notes already name them", out)
    priya = frontmatter(project / "content" / "people" / "priya-raman.md")
    assert priya == {"name": "Priya Raman", "role": "Machine Learning Engineer", "company": "Globex",
                     "email": "priya.raman@example.com", "linkedin": "https://www.linkedin.com/in/priya-raman-example"}
    kwame = frontmatter(project / "content" / "people" / "kwame-asante.md")
    assert "linkedin" not in kwame  # a javascript: address is no profile
    zoe = frontmatter(project / "content" / "people" / "zoe-muller-ludenscheidt.md")
    assert (zoe["name"], zoe["company"], zoe["role"]) == ("Zoë Müller-Lüdenscheidt", "Harbor & Finch Capital, LLC",
                                                         "Associate, Growth Equity")
    assert "Roman Petrov: already in content/people/roman-petrov.md" in out
    assert imported(project, str(source)).splitlines()[-1] == "wrote 0 files (0 person files, 0 conversations); 0 merged, 4 skipped."
    assert_clean_check(project)


def test_vcards_of_three_versions(project: Path) -> None:
    source = FIXTURES / "vcard" / "contacts.vcf"
    dry = imported(project, str(source), "--dry-run")
    out = imported(project, str(source))
    assert report_lines(out) == report_lines(dry)
    daniel_file = project / "content" / "people" / "daniel-okafor.md"
    daniel = frontmatter(daniel_file)
    assert daniel == {"name": "Daniel Okafor", "role": "Clinical Data Analyst", "company": "Northwind Health",
                      "email": "daniel.okafor@example.com", "phone": "+1 555 0177",
                      "linkedin": "https://www.linkedin.com/in/daniel-okafor-example", "tags": ["healthcare", "meetup"]}
    # escapes undone and the folded line joined
    assert "Met at the health-data meetup, October. Prefers email\nto calls. Folded: this line continues the note." \
        in daniel_file.read_text(encoding="utf-8")
    mei = frontmatter(project / "content" / "people" / "mei-tanaka.md")
    assert (mei["email"], mei["phone"]) == ("mei.tanaka@example.com", "+1-555-0188")  # the preferred address
    assert "José Núñez: already in content/people/jose-nunez.md" in out  # quoted-printable name, decoded
    assert "contacts.vcf card 4: no name (FN or N)" in out
    assert imported(project, str(source)).splitlines()[-1].startswith("wrote 0 files")
    assert_clean_check(project)


def test_markdown_folder_in_another_schema(project: Path, tmp_path: Path) -> None:
    source = FIXTURES / "other-schema" / "calls"
    mapping = FIXTURES / "other-schema" / "mapping.yaml"
    dry = imported(project, str(source), "--mapping", str(mapping), "--dry-run")
    out = imported(project, str(source), "--mapping", str(mapping))
    assert report_lines(out) == report_lines(dry)
    # José already has a note on 2026-08-05 in the demo; Marcus's European date is read day first
    assert "José Núñez, 2026-08-05: already noted in content/interviews/2026-08-05-jose-nunez.md" in out
    assert re.search(r"new +Marcus Bell, 2026-09-15 -> content/interviews/2026-09-15-marcus-bell.md", out) is None  # the demo has him too
    assert "broken.md: the frontmatter is not valid YAML at line 2" in out
    # the same folder into an empty project, mapped with options instead of a file
    empty = make_project(tmp_path / "empty", content=_empty_content(tmp_path))
    out = imported(empty, str(source), "--map", "Interviewee=person", "--map", "Org=company", "--map", "Met=date",
                   "--map", "Outcome=status", "--map", "Topics=tags", "--map", "Position=role")
    note = empty / "content" / "interviews" / "2026-08-05-jose-nunez.md"
    meta = frontmatter(note)
    assert (meta["person"], meta["company"], meta["role"], meta["status"], meta["tags"]) == (
        "José Núñez", "Brightline Consulting", "Senior Consultant", "done", ["consulting", "case interviews"])
    assert "- [ ] Practise two market-sizing cases a week" in note.read_text(encoding="utf-8")
    assert frontmatter(empty / "content" / "interviews" / "2026-09-15-marcus-bell.md")["date"].isoformat() == "2026-09-15"
    assert imported(empty, str(source), "--mapping", str(mapping)).splitlines()[-1].startswith("wrote 0 files")
    assert_clean_check(empty)


def _empty_content(tmp_path: Path) -> Path:
    content = tmp_path / "empty-content"
    (content / "interviews").mkdir(parents=True)
    return content


@pytest.mark.parametrize("name, data, message", [
    ("export.zip", b"PK\x03\x04 this is no zip", "export.zip: not a readable .zip file"),
    ("notes.txt", b"hello", "notes.txt: not a source insight import knows"),
    ("Connections.csv", b"\xff\xfe\x00garbage,,,\n", "no header line starting with First Name"),
    ("contacts.vcf", b"BEGIN:VCARD\nFN:No end\n", "no BEGIN:VCARD ... END:VCARD card in it"),
])
def test_malformed_sources_get_a_message_not_a_traceback(project: Path, tmp_path: Path, name: str, data: bytes,
                                                          message: str) -> None:
    source = tmp_path / name
    source.write_bytes(data)
    before = files(project)
    result = run_insight("import", str(source), cwd=project, check=False)
    assert "Traceback" not in result.stderr
    assert message in result.stdout + result.stderr
    assert files(project) == before


def test_a_missing_source_and_a_bad_mapping(project: Path, tmp_path: Path) -> None:
    result = run_insight("import", str(tmp_path / "nowhere"), cwd=project, check=False)
    assert result.returncode == 1 and "no such file or folder" in result.stderr
    result = run_insight("import", str(FIXTURES / "other-schema" / "calls"), "--map", "Interviewee", cwd=project, check=False)
    assert result.returncode == 1 and "write it as THEIRS=OURS" in result.stderr and "Traceback" not in result.stderr


def test_folder_links_are_not_followed(project: Path, tmp_path: Path) -> None:
    source = tmp_path / "vault"
    shutil.copytree(FIXTURES / "other-schema" / "calls", source)
    outside = tmp_path / "outside.md"
    outside.write_text("---\nInterviewee: Secret Person\nMet: 2026-01-01\n---\n", encoding="utf-8")
    (source / "linked.md").symlink_to(outside)
    out = imported(project, str(source), "--mapping", str(FIXTURES / "other-schema" / "mapping.yaml"))
    assert "linked.md: a link: not followed" in out
    assert "Secret Person" not in out


def _guide_block(after: str) -> str:
    """The first fenced block after ``after`` in the guide page "Coming from Obsidian, Notion or LinkedIn"."""
    text = (ROOT / "content" / "guide" / "editors.md").read_text(encoding="utf-8")
    rest = text[text.index(after):]
    start = rest.index("```")
    start = rest.index("\n", start) + 1
    return rest[start: rest.index("```", start)]


def test_the_guide_shows_what_import_writes(project: Path) -> None:
    imported(project, str(NOTION))
    imported(project, str(FIXTURES / "linkedin" / "Connections.csv"))
    tariq = (project / "content" / "interviews" / "2026-05-20-tariq-aziz.md").read_text(encoding="utf-8")
    assert tariq.startswith(_guide_block("**After**: `content/interviews/2026-05-20-tariq-aziz.md`"))
    priya = (project / "content" / "people" / "priya-raman.md").read_text(encoding="utf-8")
    assert priya == _guide_block("**After**: `insight import Connections.csv` writes")


def _notion_with_companies_and_slash_dates(tmp_path: Path) -> Path:
    """A Notion export as it comes when the conversations database relates to a Companies database, and the
    workspace writes dates with slashes (Notion's date format is a setting)."""
    root = tmp_path / "Export-9c0d"
    db = root / "Conversations 4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e"
    companies = root / "Companies 2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f"
    db.mkdir(parents=True)
    companies.mkdir()
    (db / "Call with Tariq 1111aaaa2222bbbb3333cccc4444dddd.md").write_text(
        "# Call with Tariq\n\nName: Tariq Aziz\nCompany: Northwind Health (../Companies%202c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f/"
        "Northwind%20Health%203e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b.md)\nDate: 03/12/2026\nStatus: Scheduled\n\nAgenda.\n",
        encoding="utf-8")
    (db / "Coffee with Mei 5555eeee6666ffff7777aaaa8888bbbb.md").write_text(
        "# Coffee with Mei\n\nName: Mei Tanaka\nDate: 15/09/2026\nStatus: Completed\n\nNotes.\n", encoding="utf-8")
    (companies / "Northwind Health 3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b.md").write_text(
        "# Northwind Health\n\nIndustry: Healthcare Technology\nWebsite: https://northwind.example\n\nA hospital group.\n",
        encoding="utf-8")
    # a people database whose path says "Business", a person with a website of her own: a person all the same
    people = root / "Business School Network 0f1e2d3c4b5a69788796a5b4c3d2e1f0" / "People 9a8b7c6d5e4f30211203f4e5d6c7b8a9"
    people.mkdir(parents=True)
    (people / "Ana Lima 1a2b3c4d5e6f708192a3b4c5d6e7f809.md").write_text(
        "# Ana Lima\n\nWebsite: https://ana-lima.example\nTags: alumni\n", encoding="utf-8")
    return root


def test_a_notion_companies_page_is_no_person_and_a_date_that_reads_two_ways_is_not_guessed(project: Path, tmp_path: Path) -> None:
    source = _notion_with_companies_and_slash_dates(tmp_path)
    out = imported(project, str(source))
    assert re.search(r"skipped +Companies [0-9a-f]{32}/Northwind Health [0-9a-f]{32}\.md: a company's page", out), out
    assert re.search(r"Call with Tariq [0-9a-f]{32}\.md: the date 03/12/2026 could be either day.*--day-first", out), out
    assert not (project / "content/people/northwind-health.md").exists()
    assert (project / "content/people/ana-lima.md").is_file()
    # 15/09/2026 reads one way only
    assert frontmatter(project / "content/interviews/2026-09-15-mei-tanaka.md")["date"].isoformat() == "2026-09-15"
    assert not list((project / "content/interviews").glob("*tariq*"))

    day_first = imported(project, str(source), "--day-first")
    assert frontmatter(project / "content/interviews/2026-12-03-tariq-aziz.md")["date"].isoformat() == "2026-12-03"
    assert "could be either day" not in day_first
    assert_clean_check(project)


def test_a_markdown_folders_dates_are_read_as_the_loader_reads_them(project: Path, tmp_path: Path) -> None:
    """Another tool's frontmatter goes through the loader's own YAML reading: 2026-02-30 is no day (named as such),
    not a YAML error."""
    (tmp_path / "calls").mkdir()
    (tmp_path / "calls/a.md").write_text("---\nperson: Ana Lima\ndate: 2026-02-30\n---\nx\n", encoding="utf-8")
    out = imported(project, str(tmp_path / "calls"), "--dry-run")
    assert "a.md: the date '2026-02-30' is not one a person would read as a day" in out, out
