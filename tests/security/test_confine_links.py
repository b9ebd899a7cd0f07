"""Files reached through links out of content/ are found the same way when many are checked at once."""

from __future__ import annotations

import os
from pathlib import Path

from generator import confine


def _tree(tmp_path: Path) -> tuple[Path, list[str]]:
    """A docs dir reached through a link itself, with every kind of link MkDocs' walk would follow."""
    secret = tmp_path / "secret"
    (secret / "deep").mkdir(parents=True)
    (secret / "diary.md").write_text("private")
    (secret / "deep" / "more.md").write_text("private")
    real_docs = tmp_path / "real-content"
    (real_docs / "interviews" / "sub").mkdir(parents=True)
    (real_docs / "interviews" / "a.md").write_text("a")
    (real_docs / "interviews" / "sub" / "b.md").write_text("b")
    docs = tmp_path / "content"
    docs.symlink_to(real_docs)  # the project opened through a link: still inside
    (real_docs / "interviews" / "diary.md").symlink_to(secret / "diary.md")  # a file linked out
    (real_docs / "interviews" / "again.md").symlink_to(real_docs / "interviews" / "a.md")  # linked within
    (real_docs / "stuff").symlink_to(secret)  # a folder linked out: MkDocs lists what is in it
    (real_docs / "interviews" / "near").symlink_to(real_docs / "stuff")  # a link inside to a link out
    (real_docs / "interviews" / "gone.md").symlink_to(tmp_path / "nothing.md")  # broken
    (real_docs / "interviews" / "up.md").symlink_to(Path("..") / ".." / "secret" / "diary.md")  # relative, out
    paths = []
    for folder, _, names in os.walk(docs, followlinks=True):
        paths += [os.path.join(folder, n) for n in names]
    return docs, sorted(paths)


def test_checking_all_files_at_once_finds_what_checking_each_finds(tmp_path: Path) -> None:
    docs, paths = _tree(tmp_path)
    root = os.path.realpath(docs)
    each = {p for p in paths if confine.outside(p, root)}
    assert confine.outside_all(paths, root) == each
    names = sorted(os.path.relpath(p, docs) for p in each)
    assert names == ["interviews/diary.md", "interviews/gone.md", "interviews/near/deep/more.md",
                     "interviews/near/diary.md", "interviews/up.md", "stuff/deep/more.md", "stuff/diary.md"]
