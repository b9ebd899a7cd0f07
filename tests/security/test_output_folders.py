"""`share --out` and `merge --out` replace only what they wrote; zips are whole or absent, never over others' files."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from attack import TODAY, note, project_with, run_insight


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("out")
    return project_with(tmp, {"interviews/2026-05-01-a.md": note("Ada Byron", body="## Insights\n\n- Learn SQL\n")})


def share(project: Path, out: Path, *more: str):  # type: ignore[no-untyped-def]
    result = run_insight("share", "Data Science", "--out", str(out), *more, "--today", TODAY, cwd=project, check=False)
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_share_refuses_a_folder_that_merely_holds_a_guide_json(project: Path, tmp_path: Path) -> None:
    mine = tmp_path / "thesis"
    mine.mkdir()
    (mine / "guide.json").write_text('{"format": "insight-guide"}', encoding="utf-8")
    (mine / "chapter1.tex").write_text("keep me", encoding="utf-8")
    result = share(project, mine)
    assert result.returncode == 1 and "not written by insight share or merge" in result.stderr
    assert sorted(p.name for p in mine.iterdir()) == ["chapter1.tex", "guide.json"]


def test_share_replaces_its_own_guide_and_fills_an_empty_folder(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "empty"
    out.mkdir()
    assert share(project, out).returncode == 0
    (out / "stale.txt").write_text("from an older guide", encoding="utf-8")
    assert share(project, out).returncode == 0
    assert (out / "site/index.html").is_file() and not (out / "stale.txt").exists()


def test_share_refuses_a_link_as_out(project: Path, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere/keep.txt").write_text("keep", encoding="utf-8")
    (tmp_path / "link").symlink_to(tmp_path / "elsewhere")
    result = share(project, tmp_path / "link")
    assert result.returncode == 1 and "is a link" in result.stderr
    assert [p.name for p in (tmp_path / "elsewhere").iterdir()] == ["keep.txt"]


def test_zip_never_replaces_a_folder(project: Path, tmp_path: Path) -> None:
    (tmp_path / "guide.zip").mkdir()
    (tmp_path / "guide.zip/notes.txt").write_text("mine", encoding="utf-8")
    result = share(project, tmp_path / "guide", "--zip")
    assert result.returncode == 1 and "guide.zip: exists and is not a file" in result.stderr
    assert (tmp_path / "guide.zip/notes.txt").read_text(encoding="utf-8") == "mine"
    assert not (tmp_path / "guide").exists(), "nothing written when the zip cannot be"


def test_zip_never_replaces_a_file_share_did_not_write(project: Path, tmp_path: Path) -> None:
    (tmp_path / "guide.zip").write_bytes(b"my own archive")
    result = share(project, tmp_path / "guide", "--zip")
    assert result.returncode == 1 and "was not written by insight share or merge" in result.stderr
    assert (tmp_path / "guide.zip").read_bytes() == b"my own archive"


def test_zip_is_replaced_whole_when_share_wrote_it(project: Path, tmp_path: Path) -> None:
    assert share(project, tmp_path / "guide", "--zip").returncode == 0
    first = (tmp_path / "guide.zip").read_bytes()
    assert share(project, tmp_path / "guide", "--zip").returncode == 0
    assert (tmp_path / "guide.zip").read_bytes() == first  # deterministic, and written by one rename
    with zipfile.ZipFile(tmp_path / "guide.zip") as zf:
        assert zf.testzip() is None and "guide/site/index.html" in zf.namelist()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["guide", "guide.zip"]  # no partial files left


def test_merge_out_follows_the_same_rules(project: Path, tmp_path: Path) -> None:
    assert share(project, tmp_path / "g").returncode == 0
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "guide.json").write_text("{}", encoding="utf-8")
    result = run_insight("merge", str(tmp_path / "g"), "--out", str(mine), "--today", TODAY, cwd=tmp_path, check=False)
    assert result.returncode == 1 and "not written by insight share or merge" in result.stderr
    assert [p.name for p in mine.iterdir()] == ["guide.json"]
