"""`insight init`: a knowledge base of one's own, from an empty folder to a first note to a built site, with
nothing of the demo's owner anywhere in it."""

from __future__ import annotations

import gzip
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import DEMO_TODAY, ROOT, run_insight

from generator import site as core
from generator.settings import Settings


def demo_names() -> set[str]:
    """What belongs to the demo: its owner (name, pitch, targets, edit link) and every person and company its
    notes name."""
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    options = next(p["insight"] for p in config["plugins"] if isinstance(p, dict) and "insight" in p)
    kb = core.build(ROOT / "content", Settings.from_options(options, today=DEMO_TODAY)).kb
    names = {options["me"]["name"], options["me"]["pitch"][:40], *options["targets"], config["edit_uri"]}
    names |= {p.name for p in kb.people.values()} | {c.name for c in kb.companies.values()}
    return {n.casefold() for n in names}


def all_text(folder: Path) -> dict[str, str]:
    out = {}
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if path.suffix == ".gz":
                data = gzip.decompress(data)
            out[path.relative_to(folder).as_posix()] = data.decode("utf-8", errors="replace").casefold()
    return out


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Empty folder -> init -> a first note -> a strict build, each as a user runs it."""
    where = tmp_path_factory.mktemp("mine")
    made = run_insight("init", "kb", "--name", "Ana Lima", "--pitch", "I am a nurse moving into health data.",
                       "--target", "Mayo Clinic", "--target", "Epic Systems", cwd=where)
    assert made.stdout.splitlines() == ["kb/mkdocs.yml", "kb/.gitignore", "kb/content/guide/index.md",
                                        "kb/content/interviews/.gitkeep"]
    project = where / "kb"
    run_insight("build", "--strict", "--today", DEMO_TODAY, cwd=project)  # empty: every section says what goes there
    note = run_insight("new", "--person", "Ravi Shah", "--company", "Epic Systems", "--role", "Data Analyst",
                       "--date", "2026-11-20", cwd=project, env={"INSIGHT_TODAY": DEMO_TODAY})
    assert note.stdout == "content/interviews/2026-11-20-ravi-shah.md\n"
    run_insight("build", "--strict", "--today", DEMO_TODAY, cwd=project)
    return project


def test_the_site_is_the_owners_and_has_the_first_note(project: Path) -> None:
    home = (project / "site/index.html").read_text(encoding="utf-8")
    assert "Ana Lima's insight knowledge base</title>" in home.replace("&#39;", "'")
    assert (project / "site/interviews/2026-11-20-ravi-shah/index.html").is_file()
    assert (project / "site/people/ravi-shah/index.html").is_file()
    assert (project / "site/guide/index.html").is_file() and (project / "site/guide/note-format/index.html").is_file()
    network = (project / "site/network/index.html").read_text(encoding="utf-8")
    assert "Mayo Clinic" in network and "Epic Systems" in network  # the targets given to init


def test_no_demo_name_appears_anywhere_in_the_project(project: Path) -> None:
    names = demo_names()
    assert {"sam rivera", "acme analytics", "globex"} <= names and len(names) > 20
    for rel, text in all_text(project).items():
        found = sorted(n for n in names if n in text)
        assert not found, f"{rel}: {found}"


def test_identity_lives_in_one_place_and_edits_there_show(project: Path) -> None:
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    options = next(p["insight"] for p in config["plugins"] if isinstance(p, dict) and "insight" in p)
    assert options == {"me": {"name": "Ana Lima", "pitch": "I am a nurse moving into health data.", "goals": ""},
                       "targets": ["Mayo Clinic", "Epic Systems"]}
    assert "edit_uri" not in config and "repo_url" not in config
    assert config["site_name"] == "Ana Lima's insight knowledge base"


def test_init_never_overwrites(project: Path) -> None:
    before = (project / "mkdocs.yml").read_bytes()
    result = run_insight("init", ".", "--name", "Someone Else", cwd=project, check=False)
    assert result.returncode == 1 and "already there; nothing was written" in result.stderr
    assert (project / "mkdocs.yml").read_bytes() == before


def test_init_refuses_a_folder_with_notes_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "content" / "interviews").mkdir(parents=True)
    (tmp_path / "content" / "interviews" / "mine.md").write_text("---\n---\n", encoding="utf-8")
    result = run_insight("init", ".", "--name", "A", cwd=tmp_path, check=False)
    assert result.returncode == 1 and "content already there" in result.stderr
    assert not (tmp_path / "mkdocs.yml").exists()


def test_names_that_yaml_would_misread_are_kept_as_written(tmp_path: Path) -> None:
    run_insight("init", "kb", "--name", "Zoë O'Brien: #1", "--pitch", "yes", "--target", "[Acme]", cwd=tmp_path)
    options = next(p["insight"] for p in yaml.safe_load((tmp_path / "kb/mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
                   if isinstance(p, dict))
    assert options["me"]["name"] == "Zoë O'Brien: #1" and options["me"]["pitch"] == "yes"
    assert options["targets"] == ["[Acme]"]


def test_init_asks_in_a_terminal(tmp_path: Path) -> None:
    master, slave = pty.openpty()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "generator", "init", "kb"], cwd=tmp_path, env=env,
                            stdin=slave, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    os.close(slave)
    os.write(master, "Kai Moana\nA data engineer.\nA role in climate tech\nPatagonia, Ørsted\n".encode())
    out, err = proc.communicate(timeout=60)
    os.close(master)
    assert proc.returncode == 0, err
    options = next(p["insight"] for p in yaml.safe_load((tmp_path / "kb/mkdocs.yml").read_text(encoding="utf-8"))["plugins"]
                   if isinstance(p, dict))
    assert options == {"me": {"name": "Kai Moana", "pitch": "A data engineer.", "goals": "A role in climate tech"},
                       "targets": ["Patagonia", "Ørsted"]}
