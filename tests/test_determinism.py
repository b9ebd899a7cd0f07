"""Same notes + same --today = byte-identical site; a build never writes into content/."""

from __future__ import annotations

import hashlib
from pathlib import Path

from conftest import DEMO_TODAY, make_project, run_insight


def tree(root: Path) -> dict[str, str]:
    """Every file under root (names, modes aside) to the hash of its bytes."""
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical_and_leave_content_alone(tmp_path: Path, demo_site: Path) -> None:
    project = make_project(tmp_path / "project")
    content_before = tree(project / "content")
    run_insight("build", "--today", DEMO_TODAY, "--site-dir", str(tmp_path / "one"), cwd=project)
    run_insight("check", cwd=project)
    run_insight("export", "--today", DEMO_TODAY, "--out", str(tmp_path / "exported"), cwd=project)
    assert tree(project / "content") == content_before  # nothing a user wrote is changed, nothing added
    first = tree(tmp_path / "one")
    assert {"sitemap.xml", "sitemap.xml.gz", "search/search_index.json"} <= set(first)
    # the session's demo build (another folder, --strict) is the second build
    assert tree(demo_site) == first


def test_a_build_after_the_memo_caches_are_emptied_is_the_same() -> None:
    """The plugin empties the generator's memo caches once a build's pages are made (they are dead weight while
    MkDocs converts); rendering again with them empty gives the same pages, headers and footers."""
    import datetime as dt

    from generator import site as core
    from generator.settings import Settings

    content = Path(__file__).resolve().parent.parent / "content"
    settings = Settings(today=dt.date.fromisoformat(DEMO_TODAY))
    first = core.build(content, settings)
    core.release_caches()
    from generator.questions import grouping, said

    assert all(c.cache_info().currsize == 0 for c in (grouping.intent_of, said.features, said._central))
    again = core.build(content, settings)
    assert (again.pages, again.headers, again.footers) == (first.pages, first.headers, first.footers)
