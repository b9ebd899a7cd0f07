"""``insight init``: a knowledge base of one's own, the way ``mkdocs new`` starts a project.

It writes ``mkdocs.yml`` (the site named after its owner; no repository or edit link unless given), the
writing guide in ``content/guide/`` and a ``.gitignore``; no notes of anyone else's. Who the user is (name,
a short pitch, goals, target companies) sits in one place, under ``insight:`` in ``mkdocs.yml``, to edit later.
It writes nothing if any of its files is already there.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from string import Template

GITIGNORE = "# what insight build and its parse cache write: made from your notes, never edited by hand\nsite/\n.cache/\n"
DEFAULT_SITE_URL = "http://127.0.0.1:8000/"


@dataclass(frozen=True)
class Owner:
    """Who the knowledge base belongs to: what pages, prep sheets and drafts say about them."""

    name: str = ""
    pitch: str = ""
    goals: str = ""
    targets: tuple[str, ...] = field(default_factory=tuple)


class AlreadyThere(Exception):
    """A file ``init`` would write exists: nothing was written."""

    def __init__(self, paths: list[Path]) -> None:
        super().__init__(", ".join(str(p) for p in paths))
        self.paths = paths


def _yaml(text: str) -> str:
    """A YAML scalar that reads back as ``text`` whatever it holds (JSON's strings are YAML's double-quoted)."""
    return json.dumps(text, ensure_ascii=False)


def site_name(owner: Owner) -> str:
    return f"{owner.name}'s insight knowledge base" if owner.name else "My insight knowledge base"


def mkdocs_yml(owner: Owner, site_url: str = "", edit_uri: str = "") -> str:
    template = Template(_starter("mkdocs.yml.in"))
    edit = ("# Edit links on note pages: the web address of your content/ folder's edit view.\n"
            f"edit_uri: {_yaml(edit_uri)}") if edit_uri else \
        "# edit_uri: https://github.com/YOU/REPOSITORY/edit/main/content/  # edit links on note pages, once the notes live in a repository"
    return template.substitute(
        site_name=_yaml(site_name(owner)), site_url=_yaml(site_url or DEFAULT_SITE_URL), edit_uri=edit,
        name=_yaml(owner.name), pitch=_yaml(owner.pitch), goals=_yaml(owner.goals),
        targets="[" + ", ".join(_yaml(t) for t in owner.targets) + "]",
    )


def files(owner: Owner, site_url: str = "", edit_uri: str = "") -> dict[str, str]:
    """The project's files by path relative to its folder."""
    return {
        "mkdocs.yml": mkdocs_yml(owner, site_url, edit_uri),
        ".gitignore": GITIGNORE,
        "content/guide/index.md": _starter("guide/index.md"),
        "content/interviews/.gitkeep": "",  # where notes go, there from the start
    }


def init(folder: Path, owner: Owner, site_url: str = "", edit_uri: str = "") -> list[Path]:
    """Write the project into ``folder`` (made if missing); raise AlreadyThere, having written nothing, if any
    of its files exists. Returns the files written."""
    folder = Path(folder)
    todo = {folder / rel: text for rel, text in files(owner, site_url, edit_uri).items()}
    there = [p for p in todo if p.exists() or p.is_symlink()]
    if (folder / "content").is_dir() and any((folder / "content").iterdir()):
        there.append(folder / "content")
    if there:
        raise AlreadyThere(there)
    written = []
    for path, text in todo.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as fh:  # exclusive: never over a file made meanwhile
            fh.write(text)
        written.append(path)
    return written


def _starter(name: str) -> str:
    return resources.files("generator").joinpath("data", "starter", *name.split("/")).read_text(encoding="utf-8")
