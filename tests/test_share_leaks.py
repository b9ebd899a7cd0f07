"""A shared guide carries nothing private: a canary in every private place, searched for in every output byte.

The fixture puts a unique marker (everything private contains "canary", or is a name or date below) in contact
fields, people files, private sections and blocks, a private note, follow-up and referral fields, another
industry's note and the names and bytes of private attachments; then builds a real guide with --zip and reads
every file it wrote (HTML, JSON, XML, JavaScript, gzip and zip members, and all file names).
"""

from __future__ import annotations

import gzip
import io
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT, make_project, run_insight

# Private values that are not spelled "canary": the anonymous and private people's names and private dates.
PRIVATE_WORDS = ["Zora", "Quill", "Zee", "Yannick", "Prive", "Privé", "2031-07-19", "2031-06-18", "2031-05-17", "2031-04-16",
                 "2031-03-15", "zora-quill", "yannick"]

NOTES = {
    "interviews/2026-05-02-zora-quill.md": """---
date: 2026-05-02
person:
  name: Zora Quill
  role: Staff Analyst
  company: Vantage Metrics
  email: canary-email-7f3a@example.com
  phone: "+1 555 0199 canary-phone-2b9c"
  linkedin: https://www.linkedin.com/in/canary-linkedin-5d1e
industry: Data Science
status: done
channel: family-friends
introduced_by: Canary Intro-9a7b
requested_on: 2031-06-18
followed_up_on: 2031-03-15
thank_you_sent: 2031-04-16
follow_up_on: 2031-07-19
referrals:
  - {name: Canary Refname-1a2b, role: Platform Lead, company: Vantage Metrics, why: canary-refwhy-8c9d, contacted: 2031-05-17}
questions:
  - q: What does a typical week look like?
    a: "SHARED-ANSWER-alpha: mostly dashboards. Zora says to reach her at canary.answer.mail@example.org."
insights: [SHARED-INSIGHT-bravo, "See [the slides](files/shared-slides.pdf) from her talk."]
advice: ["Zee Quill's advice: SHARED-ADVICE-hotel"]
acted_on:
  - {what: canary-acted-6e2f, "on": 2031-05-17, update_sent: false}
tags: [canary-tag-3c4d]
share: anonymous
---

Zora Quill told me about canary-prose-1111, which the guide never shows.

## Questions

### What is the hardest part of the job?

SHARED-BODY-ANSWER-charlie, and <!-- private -->canary-block-0f1e<!-- /private --> more.

## Insights

- SHARED-BODY-INSIGHT-delta <!-- private -->canary-block-2e2e<!-- /private -->

## Private

- canary-privsec-4b5a, see [my cv](canary-attach-77aa.pdf) and ![x](files/canary-attach-99cc.png)
""",
    "interviews/2026-05-09-yannick-prive.md": """---
date: 2026-05-09
person: {name: Yannick Privé, role: Quant, company: Vantage Metrics}
industry: Data Science
questions:
  - {q: How did you get started?, a: canary-privnote-answer}
insights: ["canary-privnote-insight, see [deck](canary-attach-88bb.png)"]
acted_on:
  - {what: canary-acted-priv, "on": 2031-05-17}
referrals:
  - {name: Canary Privref, role: Actuary, company: Canary Privco, why: canary-refwhy-priv}
share: private
---

## Advice

- canary-privnote-advice
""",
    "interviews/2026-05-20-nadia-named.md": """---
date: 2026-05-20
person: {name: Nadia Named, role: Data Engineer, company: Openfield}
industry: Data Science
insights: [SHARED-NAMED-echo]
share: named
---
""",
    "interviews/2026-05-21-other-industry.md": """---
date: 2026-05-21
person: {name: Otto Other, role: Trader, company: Canary Bank}
industry: Finance
insights: [canary-otherind-5f6a]
share: anonymous
---
""",
    "interviews/2026-06-01-planned.md": """---
date: 2026-12-01
person: {name: Pia Planned, role: Analyst, company: Canary Planned Co}
industry: Data Science
status: scheduled
questions: [canary-planned-question?]
share: anonymous
---
""",
    "people/zora-quill.md": """---
name: Zora Quill
aliases: [Zee Quill]
role: Staff Analyst
company: Vantage Metrics
email: canary-people-email@example.com
phone: "canary-people-phone"
linkedin: https://linkedin.com/in/canary-people-linkedin
keep_in_touch: 30
tags: [canary-people-tag]
---

canary-peoplebody-9e8d: prefers texts on Sundays.
""",
    "companies/vantage-metrics.md": """---
name: Vantage Metrics
industry: Data Science
website: https://vantage.example.com
---

SHARED-COMPANY-foxtrot: a metrics consultancy. <!-- private -->canary-coblock-5b5b<!-- /private -->

## Private

canary-copriv-3a3a
""",
    "industries/data-science.md": """---
name: Data Science
---

SHARED-INDUSTRY-golf overview.

<!-- private -->
canary-indpriv-4c4c
<!-- /private -->
""",
}

FILES = {
    "interviews/files/shared-slides.pdf": b"%PDF SHARED-ATTACH-BYTES",
    "interviews/canary-attach-77aa.pdf": b"%PDF canary-attachbytes-1",
    "interviews/files/canary-attach-99cc.png": b"canary-attachbytes-2",
    "interviews/canary-attach-88bb.png": b"canary-attachbytes-3",
}

SHARED = ["SHARED-ANSWER-alpha", "SHARED-INSIGHT-bravo", "SHARED-BODY-ANSWER-charlie", "SHARED-BODY-INSIGHT-delta",
          "SHARED-NAMED-echo", "Nadia Named", "SHARED-COMPANY-foxtrot", "SHARED-INDUSTRY-golf", "SHARED-ADVICE-hotel",
          "a Staff Analyst at Vantage Metrics", "Platform Lead", "[email removed]", "SHARED-ATTACH-BYTES"]


def write_content(root: Path) -> Path:
    for rel, text in NOTES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    for rel, data in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


def every_text(out: Path) -> dict[str, str]:
    """Every file under ``out`` (and the zip beside it) as text, by name, with gzip and zip members opened."""
    found: dict[str, str] = {}

    def add(name: str, data: bytes) -> None:
        found[f"name:{name}"] = name
        if name.endswith(".gz"):
            data = gzip.decompress(data)
        if name.endswith(".zip"):
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                for member in zf.namelist():
                    add(f"{name}!{member}", zf.read(member))
        found[name] = data.decode("utf-8", "replace")

    for path in sorted(out.parent.rglob("*")):
        if path.is_file() and (path == out.with_suffix(".zip") or out in path.parents):
            add(path.relative_to(out.parent).as_posix(), path.read_bytes())
    return found


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("leak")
    project = make_project(tmp / "project", content=write_content(tmp / "content"))
    yml = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("name: Sam Rivera", "name: Test Student")
    (project / "mkdocs.yml").write_text(yml, encoding="utf-8")
    run_insight("share", "Data Science", "--out", str(tmp / "out" / "guide"), "--zip", "--today", "2026-11-27", cwd=project)
    return tmp / "out" / "guide"


def test_no_private_value_reaches_any_output_file(guide: Path) -> None:
    texts = every_text(guide)
    assert any(name.endswith("search_index.json") for name in texts)
    assert any(name.endswith("sitemap.xml.gz") for name in texts)
    assert any("guide.zip!" in name for name in texts)
    leaks = [(name, word) for name, text in texts.items() for word in ["canary", *PRIVATE_WORDS]
             if word.casefold() in text.casefold()]
    assert leaks == []


def test_everything_meant_to_be_shared_is_there(guide: Path) -> None:
    texts = every_text(guide)
    site = "\n".join(text for name, text in texts.items() if name.startswith("guide/site/") and not name.startswith("name:"))
    search = texts["guide/site/search/search_index.json"]
    data = texts["guide/guide.json"]
    for word in SHARED:
        assert word in site, word
        if word != "SHARED-ATTACH-BYTES":
            assert word in data, word
    assert "SHARED-BODY-ANSWER-charlie" in search and "Nadia Named" in search
    # copied under a name made of its bytes only (a file name often is a person's name)
    attachments = [n for n in texts if n.startswith("guide/site/attachments/") and n.endswith(".pdf")]
    assert len(attachments) == 1 and "SHARED-ATTACH-BYTES" in texts[attachments[0]], "the shared attachment is in the site"
    industry = (guide / "site/industries/data-science/index.html").read_text(encoding="utf-8")
    assert f"../../attachments/{attachments[0].rsplit('/', 1)[1]}" in industry


def test_the_zip_holds_the_guide_and_is_byte_identical_when_rebuilt(guide: Path) -> None:
    first = guide.with_suffix(".zip").read_bytes()
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        names = zf.namelist()
    assert names == sorted(names) and "guide/guide.json" in names and "guide/site/index.html" in names
    project = guide.parent.parent / "project"
    run_insight("share", "Data Science", "--out", str(guide), "--zip", "--today", "2026-11-27", cwd=project)
    assert guide.with_suffix(".zip").read_bytes() == first


def test_check_warns_about_contact_details_in_a_shared_note(tmp_path: Path) -> None:
    project = make_project(tmp_path, content=write_content(tmp_path / "c"))
    note = project / "content/interviews/2026-05-20-nadia-named.md"
    note.write_text(note.read_text(encoding="utf-8") + "\nWrite to nadia@example.org or call +44 20 7946 0958.\n"
                    "Profile: https://www.linkedin.com/in/nadia-named\n\n## Private\n\nprivate@example.org\n", encoding="utf-8")
    out = run_insight("check", "--today", "2026-11-27", cwd=project, check=False).stdout
    path = "content/interviews/2026-05-20-nadia-named.md"
    assert f"{path}:9:10: warning: body: an email address in a note shared as named" in out
    assert f"{path}:9:36: warning: body: a phone number in a note shared as named" in out
    assert f"{path}:10:10: warning: body: a profile URL in a note shared as named" in out
    assert "hint: move it into a ## Private section or the people file" in out
    assert "private@example.org" not in out and ":14:" not in out
    zora = "content/interviews/2026-05-02-zora-quill.md"
    assert f"{zora}:20:1: warning: questions: an email address in a note shared as anonymous" in out


def test_an_unknown_industry_is_an_error_that_lists_the_known_ones(tmp_path: Path) -> None:
    project = make_project(tmp_path, content=write_content(tmp_path / "c"))
    result = run_insight("share", "Astrology", "--out", str(tmp_path / "g"), cwd=project, check=False)
    assert result.returncode == 1
    assert "unknown industry 'Astrology'; known: Data Science, Finance" in result.stderr
    assert not (tmp_path / "g").exists()
